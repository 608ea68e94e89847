/**
 * The project pages on every database: the browser (count, list, selected filters, page links),
 * CSV and JSON exports equal to the filtered list, bad parameters → 400, a project page (names,
 * municipalities, dates and euros per locale) and 404, the projects of a priority and a term page
 * with money by fund, the funding overview's charts and data tables against the totals, and the
 * content generation bump of an import (cached pages change).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { openApi, type ApiFixture } from '../api/api-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { ALL, seedProjects } from './support.ts';
import { tableRows } from '../support/html.ts';

const NBSP = '\u00a0';
const fiEuros = (s: string): string => s.replace(/ /g, NBSP);
const B = '/fi/kymenlaakso/projects/';

const linkedCodes = (html: string): string[] =>
  [...html.matchAll(/href="\/fi\/kymenlaakso\/projects\/([A-Z0-9-]+)\/"/g)].map((m) => m[1]!);

for (const target of databaseTargets()) {
  describe(`project pages (${target.name})`, () => {
    let api: ApiFixture;
    let before_: string;
    before(async () => {
      api = await openApi(target);
      // Cached before the import: the import must bump the content generation.
      before_ = (await api.get(B)).body;
      await api.get('/fi/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/');
      await seedProjects(api.ctx);
    });
    after(async () => {
      await api.close();
    });

    test('an import changes the cached pages', async () => {
      assert.match(before_, /Näillä rajauksilla ei löytynyt hankkeita/);
      const after_ = (await api.get(B)).body;
      assert.match(after_, /Hankkeita: 6/);
      const priority = (await api.get('/fi/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/'))
        .body;
      assert.match(priority, /Tähän liittyviä hankkeita: 2/);
    });

    test('the browser lists the filtered projects with the count and keeps the filter in the form', async () => {
      const res = await api.get(`${B}?municipality=285&fund=ERDF`);
      assert.equal(res.status, 200);
      assert.match(res.body, /<h2 id="results-heading"[^>]*>Hankkeita: 1<\/h2>/);
      assert.deepEqual(linkedCodes(res.body), ['KY-101']);
      assert.match(res.body, /<option value="285" selected>Kotka<\/option>/);
      assert.match(res.body, /<option value="ERDF" selected>/);
      assert.match(res.body, /<label for="filter-municipality">Kunta<\/label>/);
      assert.match(
        res.body,
        /href="\/fi\/kymenlaakso\/projects.csv\?municipality=285&amp;fund=ERDF"|href="\/fi\/kymenlaakso\/projects.csv\?municipality=285&fund=ERDF"/,
      );
      const none = await api.get(`${B}?status=planned&fund=ERDF`);
      assert.match(none.body, /Näillä rajauksilla ei löytynyt hankkeita/);
      assert.deepEqual(linkedCodes(none.body), []);
    });

    test('paging: page links with aria-label and aria-current, and the right slice', async () => {
      const first = (await api.get(`${B}?size=2`)).body;
      assert.match(first, /<nav class="pagination" aria-label="Tulossivut">/);
      assert.match(
        first,
        /<a href="\/fi\/kymenlaakso\/projects\/\?size=2" aria-current="page" aria-label="Sivu 1">1<\/a>/,
      );
      // By Finnish name: Kiertotalouden, Kouvolan | Matkailun, Nuorten | Rautatieyhteyksien, Satamalogistiikan.
      assert.deepEqual(linkedCodes(first), ['KY-106', 'KY-102']);
      const second = (await api.get(`${B}?size=2&page=2`)).body;
      assert.deepEqual(linkedCodes(second), ['KY-103', 'KY-105']);
      assert.match(second, /aria-current="page" aria-label="Sivu 2"/);
      assert.match(second, /rel="prev"/);
      assert.match(second, /rel="next"/);
      const one = (await api.get(`${B}?municipality=285`)).body;
      assert.doesNotMatch(one, /class="pagination"/);
    });

    const EXPORTS = [
      '',
      'municipality=285',
      'fund=ESF%2B',
      'theme=innovatiivinen-kymenlaakso&from_year=2023',
      'q=rautatieyhteyksiä',
      'sort=start',
      'status=planned&fund=ERDF',
    ];
    for (const query of EXPORTS) {
      test(`the CSV and JSON exports equal the filtered list (${query || 'no filter'})`, async () => {
        const list = (await api.get(`/api/v1/regions/08/projects?size=100&${query}`)).json() as {
          total: number;
          projects: {
            code: string;
            name: { fi: string | null };
            grantedCents: number;
            paidCents: number;
            municipalities: string[];
            status: string;
          }[];
        };
        const csvRes = await api.get(`/fi/kymenlaakso/projects.csv?${query}`);
        assert.equal(csvRes.status, 200);
        assert.equal(csvRes.headers['content-type'], 'text/csv; charset=utf-8');
        const rows = parse(csvRes.body, { bom: true, columns: true }) as Record<string, string>[];
        assert.deepEqual(
          rows.map((r) => [r['code'], r['name_fi'], r['status'], r['municipalities'], r['granted_eur'], r['paid_eur']]),
          list.projects.map((p) => [
            p.code,
            p.name.fi ?? '',
            p.status,
            p.municipalities.join(';'),
            (p.grantedCents / 100).toFixed(2),
            (p.paidCents / 100).toFixed(2),
          ]),
        );
        const json = (await api.get(`/en/kymenlaakso/projects.json?${query}`)).json() as {
          total: number;
          projects: { code: string }[];
        };
        assert.equal(json.total, list.total);
        assert.deepEqual(
          json.projects.map((p) => p.code),
          list.projects.map((p) => p.code),
        );
      });
    }

    test('the whole CSV is the hand-made list', async () => {
      const rows = parse((await api.get('/fi/kymenlaakso/projects.csv?sort=code')).body, {
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      assert.deepEqual(
        rows.map((r) => r['code']),
        ALL,
      );
      assert.deepEqual(rows[0], {
        code: 'KY-101',
        name_fi: 'Satamalogistiikan digitalisointi',
        name_sv: '',
        name_en: 'Digitalising port logistics',
        status: 'running',
        start_date: '2023-01-01',
        end_date: '2024-12-31',
        lead_organisation: 'Kotkan kaupunki',
        municipalities: '285',
        granted_eur: '100000.00',
        paid_eur: '40000.50',
      });
    });

    for (const query of [
      'fund=EU',
      'municipality=28',
      'from_year=2025&to_year=2024',
      'page=0',
      'size=500',
      'sort=date',
      'theme=nothing-here',
      'term=spearheads',
    ]) {
      test(`bad parameter ${query} → 400 page and 400 export`, async () => {
        assert.equal((await api.get(`${B}?${query}`)).status, 400);
        assert.equal((await api.get(`/fi/kymenlaakso/projects.csv?${query}`)).status, 400);
        assert.equal((await api.get(`/fi/kymenlaakso/projects.json?${query}`)).status, 400);
      });
    }

    test('a project page: names, municipalities, dates and euros per locale; 404 for an unknown one', async () => {
      const fi = (await api.get('/fi/kymenlaakso/projects/KY-104/')).body;
      assert.match(fi, /<h1>Rautatieyhteyksien kehittäminen<\/h1>/);
      assert.match(fi, /<dd>Kotka, Kouvola<\/dd>/);
      assert.match(fi, /<dd>1\.1\.2022 – 31\.12\.2025<\/dd>/);
      assert.match(fi, /<dd>Kymenlaakson liitto<\/dd>/);
      assert.ok(fi.includes(`<td class="num">${fiEuros('80 000,00 €')}</td>`), 'fi euros');
      assert.match(
        fi,
        /href="\/fi\/kymenlaakso\/2022-2025\/kestava-kymenlaakso\/saavutettavuus-ja-kestava-liikkuminen\/"/,
      );
      assert.match(fi, /href="\/fi\/kymenlaakso\/2022-2025\/tags\/spearheads\/logistics\/"/);
      const en = (await api.get('/en/kymenlaakso/projects/KY-104/')).body;
      assert.match(en, /<h1>Developing rail connections<\/h1>/);
      assert.match(en, /<td class="num">€80,000\.00<\/td>/);
      assert.match(en, /1 January 2022 – 31 December 2025/);
      const sv = (await api.get('/sv/kymenlaakso/projects/KY-105/')).body;
      assert.match(sv, /lang="fi"[^>]*>Nuorten osallisuus<\/h1>/);
      assert.ok(sv.includes(`<td class="num">${fiEuros('30 000,25 €')}</td>`), 'sv euros');
      assert.equal((await api.get('/fi/kymenlaakso/projects/KY-999/')).status, 404);
      assert.equal((await api.get('/fi/nowhere/projects/KY-101/')).status, 404);
    });

    test('a priority page shows its projects and money by fund, linking to the filtered browser', async () => {
      const html = (await api.get('/fi/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/'))
        .body;
      assert.match(html, /<h2 id="projects-heading">Hankkeet<\/h2>/);
      assert.match(html, /Tähän liittyviä hankkeita: 2/);
      assert.deepEqual(linkedCodes(html), ['KY-102', 'KY-101']);
      assert.deepEqual(tableRows(html, 'Rahoitus rahastoittain'), [
        ['Euroopan aluekehitysrahasto (EAKR)', fiEuros('100 000,00 €'), fiEuros('40 000,50 €')],
        ['Euroopan sosiaalirahasto plus (ESR+)', fiEuros('50 000,00 €'), fiEuros('50 000,00 €')],
      ]);
      assert.match(html, /href="\/fi\/kymenlaakso\/projects\/\?priority=uudistuva-elinkeinoelama"/);
      // A theme page has no projects section; a stored older version neither.
      assert.doesNotMatch(
        (await api.get('/fi/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/')).body,
        /projects-heading/,
      );
    });

    test('a term page shows its projects', async () => {
      const html = (await api.get('/fi/kymenlaakso/2022-2025/tags/spearheads/logistics/')).body;
      assert.match(html, /Tähän liittyviä hankkeita: 2/);
      assert.deepEqual(linkedCodes(html), ['KY-104', 'KY-101']);
      assert.match(html, /href="\/fi\/kymenlaakso\/projects\/\?term=spearheads%2Flogistics"/);
      assert.deepEqual(tableRows(html, 'Rahoitus rahastoittain'), [
        ['Euroopan aluekehitysrahasto (EAKR)', fiEuros('100 000,00 €'), fiEuros('40 000,50 €')],
        ['Alueiden kestävän kasvun ja elinvoiman tukeminen (AKKE)', fiEuros('80 000,00 €'), fiEuros('20 000,00 €')],
      ]);
    });

    test('the funding overview: accessible SVG charts and data tables equal to the totals', async () => {
      const res = await api.get('/fi/kymenlaakso/2022-2025/funding/');
      assert.equal(res.status, 200);
      const html = res.body;
      for (const id of ['chart-priorities', 'chart-funds']) {
        assert.match(html, new RegExp(`<svg [^>]*id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc"`));
        assert.match(html, new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]+</desc>`));
      }
      assert.doesNotMatch(html, /style=/);
      const fmt = (cents: number): string =>
        new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100);
      // Projects linked to the programme's nodes: every project but KY-106 (linked to a term only, no money).
      const totals = (await api.get('/api/v1/regions/08/projects/totals')).json() as {
        byFund: { fund: string; grantedCents: number; paidCents: number }[];
      };
      const names: Record<string, string> = {
        ERDF: 'Euroopan aluekehitysrahasto (EAKR)',
        'ESF+': 'Euroopan sosiaalirahasto plus (ESR+)',
        AKKE: 'Alueiden kestävän kasvun ja elinvoiman tukeminen (AKKE)',
      };
      assert.deepEqual(
        tableRows(html, 'Rahastoittain'),
        totals.byFund.map((f) => [names[f.fund], fmt(0), fmt(f.grantedCents), fmt(f.paidCents)]),
      );
      const priorities = tableRows(html, 'Toimintalinjoittain');
      assert.equal(priorities.length, 9);
      const row = (title: string): string[] => priorities.find((r) => r[0] === title)!;
      for (const [title, priority] of [
        ['Elinkeinoelämän uudistaminen', 'uudistuva-elinkeinoelama'],
        ['Maakunnan saavutettavuuden ja kestävän liikkumisen parantaminen', 'saavutettavuus-ja-kestava-liikkuminen'],
        ['Osaamisen ja koulutuksen parantaminen', 'osaaminen-ja-koulutus'],
      ] as const) {
        const t = (await api.get(`/api/v1/regions/08/projects/totals?priority=${priority}`)).json() as {
          grantedCents: number;
          paidCents: number;
        };
        assert.deepEqual(row(title), [title, fmt(0), fmt(t.grantedCents), fmt(t.paidCents)]);
      }
      assert.deepEqual(row('Elinkeinoelämän uudistaminen'), [
        'Elinkeinoelämän uudistaminen',
        fmt(0),
        fiEuros('150 000,00 €'),
        fiEuros('90 000,50 €'),
      ]);
      assert.match(html, /<th scope="col" class="num">Myönnetty<\/th>/);
      assert.equal((await api.get('/fi/kymenlaakso/1990-1993/funding/')).status, 404);
    });
  });
}
