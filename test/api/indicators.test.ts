/**
 * The monitoring API on every database: the JSON-stat exports of each indicator and of the whole
 * set import back into Suunta unchanged (a dry run of the reviewed import shows 0 new, 0 revised,
 * 0 withdrawn, N unchanged, 0 unit changes); figures come out exactly as stored in JSON, JSON-stat
 * and CSV; the observation filters give exactly the stored rows; bad filters are refused naming the
 * parameter; unknown regions and indicators are 404 with a message; the roll-ups are counts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { PROGRESS_STATES } from '#src/domain/indicators/progress-status.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { listIndicators, listObservations } from '#src/storage/repositories/indicators-repository.ts';
import { runCli, tempFolder } from '../support/cli.ts';
import { databaseTargets } from '../support/databases.ts';
import { assertApiError, okJson, openApi, type ApiFixture } from './api-fixture.ts';
import { importMunicipalPopulation, MUNICIPAL_OBSERVATIONS } from './indicators-fixture.ts';

const BASE = '/api/v1/regions/08/indicators';

interface Row {
  area: string;
  period: string;
  value: string | null;
  status: string | null;
}
const row = (o: Row): Row => ({ area: o.area, period: o.period, value: o.value, status: o.status });

for (const target of databaseTargets()) {
  describe(`monitoring API (${target.name})`, () => {
    let api: ApiFixture;
    const files = tempFolder('suunta-api-ind-');

    before(async () => {
      api = await openApi(target);
      await importMunicipalPopulation(api.ctx);
    });
    after(() => api.close());

    const stored = async (
      code: string,
      filter: { areas?: string[]; fromPeriod?: string; toPeriod?: string } = {},
    ): Promise<Row[]> => {
      const ind = (await listIndicators(api.ctx.db.kysely, '08')).find((i) => i.code === code);
      assert.ok(ind, code);
      return (await listObservations(api.ctx.db.kysely, [ind.id], filter)).map(row);
    };

    /** Codes of the indicators with stored observations, with their counts. */
    const withData = async (): Promise<Map<string, number>> => {
      const out = new Map<string, number>();
      for (const ind of await listIndicators(api.ctx.db.kysely, '08')) {
        const n = (await listObservations(api.ctx.db.kysely, [ind.id])).length;
        if (n > 0) out.set(ind.code, n);
      }
      return out;
    };

    const dryRun = async (text: string, fileName: string) =>
      importStatistics(api.ctx.db, {
        bytes: new TextEncoder().encode(text),
        fileName,
        region: '08',
        dryRun: true,
        actor: { userId: null, label: 'test' },
      });

    test('each indicator’s JSON-stat export imports back unchanged (every seeded indicator with data, fi and en)', async () => {
      const indicators = await withData();
      assert.deepEqual(
        [...indicators.keys()].sort(),
        ['asuntokuntien-velat', 'vaesto', 'velkaantumisaste', 'yli-64-osuus'],
        'the seed and the municipal file give these indicators figures',
      );
      assert.equal(
        indicators.get('vaesto'),
        2 + 2 + MUNICIPAL_OBSERVATIONS,
        'the region twice, its two subregions once, the municipal file',
      );
      for (const [code, n] of indicators)
        for (const lang of ['fi', 'en']) {
          const res = await api.get(`${BASE}/${code}/jsonstat?lang=${lang}`);
          okJson(res);
          const review = await dryRun(res.body, `${code}.json`);
          assert.deepEqual(
            review.diff.totals,
            { added: 0, revised: 0, withdrawn: 0, unchanged: n, unitChanges: 0 },
            `${code} (${lang}) imports back unchanged`,
          );
          assert.deepEqual(
            review.datasets.map((d) => d.indicators),
            [[code]],
          );
        }
    });

    test('the whole set’s JSON-stat collection imports back unchanged, also through the CLI', async () => {
      const indicators = await withData();
      const total = [...indicators.values()].reduce((a, b) => a + b, 0);
      const res = await api.get(`${BASE}/jsonstat?lang=sv`);
      const body = okJson(res);
      assert.equal(body.class, 'collection');
      assert.equal(body.link.item.length, indicators.size, 'one dataset per indicator with figures');
      const review = await dryRun(res.body, 'kymenlaakso.json');
      assert.deepEqual(review.diff.totals, { added: 0, revised: 0, withdrawn: 0, unchanged: total, unitChanges: 0 });
      for (const d of review.diff.indicators)
        assert.equal(d.unchanged, indicators.get(d.indicatorCode), `${d.indicatorCode}: every figure unchanged`);

      const run = await runCli(
        ['import', 'statistics', files.file('kymenlaakso.json', res.body), '--region', '08', '--dry-run'],
        api.ctx.config.databaseUrl,
      );
      assert.equal(run.code, 0, run.err);
      assert.ok(
        run.out.includes(`Total: 0 new, 0 revised, 0 withdrawn, ${total} unchanged, 0 unit change(s)\n`),
        run.out,
      );
    });

    test('58443598209 and 70.3 come out exactly in JSON, JSON-stat and CSV', async () => {
      const cases = [
        ['asuntokuntien-velat', '58443598209'],
        ['velkaantumisaste', '70.3'],
      ] as const;
      for (const [code, value] of cases) {
        const obs = okJson(await api.get(`${BASE}/${code}/observations`));
        assert.deepEqual(
          obs.observations.map((o: Row) => [o.area, o.period, o.value]),
          [['SSS', '2002', value]],
        );
        const one = okJson(await api.get(`${BASE}/${code}`));
        assert.equal(one.latest, null, 'the region itself has no figure of a country-level series');
        const js = await api.get(`${BASE}/${code}/jsonstat`);
        assert.ok(js.body.includes(`"value":[${value}]`), js.body);
        const csv = await api.get(`${BASE}/${code}/observations.csv`);
        assert.equal(csv.status, 200);
        const rows = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
        assert.deepEqual(
          rows.map((r) => [r['indicator'], r['area'], r['area_name'], r['period'], r['value']]),
          [[code, 'SSS', 'Koko maa', '2002', value]],
        );
        const all = parse((await api.get('/api/v1/regions/08/indicators.csv?lang=en')).body, {
          bom: true,
          columns: true,
        }) as Record<string, string>[];
        assert.equal(all.find((r) => r['indicator'] === code)?.['value'], value);
        assert.equal(all.find((r) => r['indicator'] === code)?.['area_name'], 'Whole country');
      }
    });

    test('the set’s CSV has one row per stored observation, with the exact values and status meanings', async () => {
      const res = await api.get('/api/v1/regions/08/indicators.csv');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(String(res.headers['content-disposition']), /filename="08-indicators.csv"/);
      const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
      const expected: string[][] = [];
      for (const code of (await listIndicators(api.ctx.db.kysely, '08')).map((i) => i.code))
        for (const o of await stored(code)) expected.push([code, o.area, o.period, o.value ?? '', o.status ?? '']);
      assert.deepEqual(
        rows.map((r) => [r['indicator']!, r['area']!, r['period']!, r['value']!, r['status']!]),
        expected,
      );
      const confidential = rows.find((r) => r['area'] === 'KU286' && r['period'] === '2016')!;
      assert.deepEqual(
        [confidential['value'], confidential['status'], confidential['status_meaning'], confidential['area_name']],
        ['', '...', 'Tieto on salassapidettävä', 'Kouvola'],
      );
      assert.equal(
        rows.find((r) => r['area'] === 'KU285' && r['period'] === '2024')!['status_meaning'],
        'Ennakkotieto',
      );
    });

    test('the observation filters give exactly the stored rows', async () => {
      const cases: [string, { areas?: string[]; fromPeriod?: string; toPeriod?: string }][] = [
        ['', {}],
        ['?area=KU285&area=MK08&from=2015&to=2024', { areas: ['KU285', 'MK08'], fromPeriod: '2015', toPeriod: '2024' }],
        ['?area=KU285,KU286', { areas: ['KU285', 'KU286'] }],
        ['?area=ku286&from=2016', { areas: ['KU286'], fromPeriod: '2016' }],
        ['?to=2016', { toPeriod: '2016' }],
        ['?from=2020&to=2020', { fromPeriod: '2020', toPeriod: '2020' }],
        ['?area=KU091', { areas: ['KU091'] }],
      ];
      for (const [query, filter] of cases) {
        const body = okJson(await api.get(`${BASE}/vaesto/observations${query}`));
        const expected = await stored('vaesto', filter);
        assert.deepEqual(body.observations.map(row), expected, query);
        if (query !== '?area=KU091') assert.ok(expected.length > 0, `${query} selects some rows`);
      }
      const some = okJson(await api.get(`${BASE}/vaesto/observations?area=KU285&from=2015&to=2016&lang=sv`));
      assert.deepEqual(some.filter, { areas: ['KU285'], from: '2015', to: '2016' });
      assert.deepEqual(
        some.observations.map((o: { areaName: string; period: string }) => [o.areaName, o.period]),
        [
          ['Kotka', '2015'],
          ['Kotka', '2016'],
        ],
      );
      const full = await stored('vaesto', { areas: ['KU286'], fromPeriod: '2016', toPeriod: '2016' });
      assert.deepEqual(full, [{ area: 'KU286', period: '2016', value: null, status: '...' }], 'a published empty cell');
    });

    test('bad filters are refused with 400 naming the parameter', async () => {
      const cases: [string, string][] = [
        ['area=KU28', 'Query parameter "area" must be area keys'],
        ['area=KU285,Kotka', 'not an area key: KOTKA'],
        ['area=', 'Query parameter "area"'],
        ['from=2015x', 'Query parameter "from" must be a period'],
        ['to=24', 'Query parameter "to" must be a period'],
        ['from=2024&to=2015', 'Query parameter "from" must not be after to 2015'],
        ['from=2015M13', 'Query parameter "from" must be a period'],
        ['lang=de', 'Query parameter "lang" must be one of'],
      ];
      for (const [query, words] of cases)
        assertApiError(await api.get(`${BASE}/vaesto/observations?${query}`), 400, 'bad_request', words);
    });

    test('unknown regions and indicators are 404 with a message', async () => {
      for (const path of ['', '/status', '/jsonstat', '.csv'])
        assertApiError(await api.get(`/api/v1/regions/99/indicators${path}`), 404, 'not_found', 'Region "99"');
      for (const path of ['', '/observations', '/observations.csv', '/jsonstat'])
        assertApiError(
          await api.get(`${BASE}/ei-tallaista${path}`),
          404,
          'not_found',
          'Indicator "ei-tallaista" of region 08',
        );
      assertApiError(await api.get(`${BASE}/Not_A_Key`), 400, 'bad_request', 'Path parameter "indicator"');
    });

    test('the list and one indicator: definition, targets, latest figure, status with its reason in the language', async () => {
      const list = okJson(await api.get(`${BASE}?lang=en`));
      assert.equal(list.indicators.length, 10);
      assert.deepEqual(
        list.groups.map((g: { code: string }) => g.code),
        ['vaesto', 'tyollisyys', 'aluetalous', 'osaaminen', 'hyvinvointi', 'elinymparisto'],
      );
      const vaesto = list.indicators.find((i: { code: string }) => i.code === 'vaesto');
      assert.deepEqual(vaesto.latest && [vaesto.latest.area, vaesto.latest.period, vaesto.latest.value], [
        'MK08',
        '2021',
        '161391',
      ]);
      assert.deepEqual(
        vaesto.targets.map((t: { period: string; value: string }) => [t.period, t.value]),
        [['2040', '150200']],
      );
      const view = await api.ctx.monitoring.region('08');
      assert.equal(vaesto.status.state, view.indicators.find((v) => v.indicator.code === 'vaesto')!.status.state);
      assert.ok(vaesto.status.text.startsWith('Population'), vaesto.status.text);
      assert.equal(vaesto.links.jsonstat, `${BASE}/vaesto/jsonstat`);
      const fi = okJson(await api.get(`${BASE}/vaesto`));
      assert.ok(fi.status.text.startsWith('Väkiluku'), fi.status.text);
      assert.equal(fi.lang, 'fi');
      assert.deepEqual(
        fi.targetHistory.map((t: { value: string; supersededAt: string | null }) => [t.value, t.supersededAt]),
        [['150200', null]],
      );
      const noData = list.indicators.find((i: { code: string }) => i.code === 'tki-menot');
      assert.equal(noData.status.state, 'no_data');
      assert.equal(noData.latest, null);
    });

    test('the status roll-ups are counts by state for the programme, groups, themes and priorities', async () => {
      const body = okJson(await api.get(`${BASE}/status`));
      assert.deepEqual(body.states, [...PROGRESS_STATES]);
      const view = await api.ctx.monitoring.region('08');
      assert.equal(body.overall.total, 10);
      for (const s of PROGRESS_STATES)
        assert.equal(body.overall.counts[s], view.indicators.filter((v) => v.status.state === s).length, s);
      for (const entry of [body.overall, ...body.groups, ...body.themes, ...body.priorities]) {
        const sum = PROGRESS_STATES.reduce((n, s) => n + entry.counts[s], 0);
        assert.equal(sum, entry.total);
        assert.equal(entry.indicators.length, entry.total);
      }
      assert.equal(body.groups.length, 6);
      // Independently: the tree from the nodes API, the links from the definitions.
      const tree = okJson(await api.get('/api/v1/programmes/08-2022-2025/versions/current/nodes'));
      type N = { key: string; children: N[] };
      const under = (n: N): string[] => [n.key, ...n.children.flatMap(under)];
      const linkedTo = (keys: string[]) =>
        view.indicators.filter((v) => v.indicator.nodes.some((k) => keys.includes(k))).map((v) => v.indicator.code);
      assert.deepEqual(
        body.themes.map((t: { key: string; indicators: string[] }) => [t.key, t.indicators]),
        (tree.nodes as N[]).map((t) => [t.key, linkedTo(under(t))]),
      );
      assert.deepEqual(
        body.priorities.map((p: { key: string; theme: string; indicators: string[] }) => [
          p.theme,
          p.key,
          p.indicators,
        ]),
        (tree.nodes as N[]).flatMap((t) => t.children.map((p) => [t.key, p.key, linkedTo(under(p))])),
      );
      const priority = body.priorities.find((p: { key: string }) => p.key === 'osaaminen-ja-koulutus');
      assert.ok(priority.indicators.includes('korkea-asteen-tutkinto'), JSON.stringify(priority));
      const aktiivinen = body.themes.find((t: { key: string }) => t.key === 'aktiivinen-kymenlaakso');
      assert.ok(aktiivinen.indicators.includes('yli-64-osuus'), JSON.stringify(aktiivinen));
    });
  });
}
