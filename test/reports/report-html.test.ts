/**
 * The annual monitoring report as HTML (issue 9): its figures equal those computed here directly
 * from the stored observations, projects and financing plan; the same data give byte-identical
 * HTML (on the site and from the service, whatever the request's host); an "as of" day leaves out
 * what was not known by then; a year without data says so plainly; the observations it used are
 * downloadable as CSV and JSON-stat. On SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS } from '#src/domain/languages.ts';
import { MESSAGES } from '#src/i18n/index.ts';
import { reportHtml } from '#src/http/site/report-pages.ts';
import { listIndicators, listObservations } from '#src/storage/repositories/indicators-repository.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, attr, parseHtml, tableRows, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { prepareReportData, REPORT_PATH, REPORT_YEAR } from './report-fixture.ts';

const euros = (cents: number): string =>
  new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const whole = (n: number): string => new Intl.NumberFormat('fi-FI').format(n);
const REQUEST = { regionCode: '08', programmeSlug: '2022-2025', year: REPORT_YEAR };

for (const target of databaseTargets()) {
  describe(`annual report HTML (${target.name})`, () => {
    const web = useTestApp(target, { prepare: prepareReportData });

    test('the summary and the sections show the stored figures, money and projects of the year', async () => {
      const res = await web.get(`/fi${REPORT_PATH}`);
      assert.equal(res.statusCode, 200, res.body);
      const doc = parseHtml(res.body);
      assert.equal(attr(doc, 'html', 'lang'), 'fi');
      assert.equal(text(doc, 'h1'), 'Kymenlaakson maakuntaohjelma 2022–2025: seurantaraportti 2024');

      // Money granted for 2024 by fund, straight from the stored funding lines.
      const k = web.ctx.db.kysely;
      const lines = await k
        .selectFrom('project_funding')
        .innerJoin('projects', 'projects.id', 'project_funding.project_id')
        .select([
          'project_funding.fund',
          'project_funding.amount_cents',
          'project_funding.year',
          'project_funding.kind',
        ])
        .where('projects.region_code', '=', '08')
        .execute();
      const byFund = new Map<string, number>();
      for (const l of lines)
        if (l.kind === 'granted' && l.year === REPORT_YEAR)
          byFund.set(l.fund, (byFund.get(l.fund) ?? 0) + Number(l.amount_cents));
      assert.deepEqual(tableRows(doc, /myönnetty rahoitus rahastoittain/), [
        ['Euroopan aluekehitysrahasto (EAKR)', euros(byFund.get('ERDF')!)],
        ['Euroopan sosiaalirahasto plus (ESR+)', euros(byFund.get('ESF+')!)],
      ]);
      assert.equal(byFund.get('ERDF'), 12000050);

      // Projects started and ended in 2024, from the stored dates.
      const projects = await k
        .selectFrom('projects')
        .select(['code', 'start_date', 'end_date'])
        .where('region_code', '=', '08')
        .execute();
      const started = projects.filter((p) => p.start_date?.startsWith('2024')).length;
      const ended = projects.filter((p) => p.end_date?.startsWith('2024')).length;
      assert.deepEqual([started, ended], [2, 1]);
      assert.match(res.body, new RegExp(`Vuonna 2024 alkoi ${started} hanketta ja päättyi ${ended} hanke`));

      // The population's figure of 2024 and the chart's data table: the stored observations up to 2024.
      const [population] = (await listIndicators(k, '08')).filter((i) => i.code === 'vaesto');
      const stored = (await listObservations(k, [population!.id])).filter((o) => Number(o.period) <= REPORT_YEAR);
      const region = stored.filter((o) => o.area === 'MK08').sort((a, b) => a.period.localeCompare(b.period));
      const latest = region.at(-1)!;
      assert.equal(latest.period, '2024');
      const programmeRows = tableRows(doc, /Kymenlaakson maakuntaohjelma 2022–2025: indikaattorit vuoden 2024 lopussa/);
      const populationRow = programmeRows.find((r) => r[0] === 'Väkiluku')!;
      assert.deepEqual(populationRow.slice(1, 3), [`${whole(Number(latest.value))} henkilöä`, '2024']);
      const charted = tableRows(doc, 'Väkiluku: raportin käyttämät luvut');
      const country = stored.filter((o) => o.area === 'SSS').sort((a, b) => a.period.localeCompare(b.period));
      assert.deepEqual(
        charted.map((r) => [r[1], r[2]]),
        [...region, ...country].map((o) => [o.period, whole(Number(o.value))]),
      );
      assert.equal(all(doc, 'figure.report-figure svg[role="img"]').length >= 1, true, 'charts are SVG images');

      // The priority's plan of 2024 against the money granted to its projects.
      assert.deepEqual(
        tableRows(doc, /Elinkeinoelämän uudistaminen: rahoitussuunnitelma ja myönnetty rahoitus vuodelle 2024/),
        [['Euroopan aluekehitysrahasto (EAKR)', euros(20000000), euros(12000050), euros(12000050 - 20000000)]],
      );
      assert.deepEqual(
        tableRows(doc, /Elinkeinoelämän uudistaminen: vuonna 2024 alkaneet hankkeet/).map((r) => r[0]),
        ['Satamien digitaalinen kaksonen (R24-001)', 'Kiertotalouden kokeilut (R24-003)'],
      );

      // The appendix lists every observation used (years up to 2024), and the files beside the report hold the same.
      const every = await listObservations(
        k,
        (await listIndicators(k, '08')).map((i) => i.id),
      );
      const used = every.filter((o) => Number(o.period.slice(0, 4)) <= REPORT_YEAR);
      assert.equal(tableRows(doc, 'Raportin havainnot').length, used.length);
      const csv = await web.get(`/fi${REPORT_PATH}observations.csv`);
      assert.equal(csv.statusCode, 200);
      assert.equal(csv.body.trim().split('\n').length - 1, used.length);
      const jsonstat = await web.get(`/fi${REPORT_PATH}observations.json`);
      const collection = JSON.parse(jsonstat.body) as { class: string; link: { item: { value: unknown[] }[] } };
      assert.equal(collection.class, 'collection');
      assert.ok(collection.link.item.length >= 1);
    });

    test('the same data give byte-identical HTML, whatever the request; the document states the checksum', async () => {
      const a = await web.get(`/en${REPORT_PATH}`, { host: 'one.example' });
      const b = await reportHtml(web.ctx, REQUEST, 'en');
      web.ctx.reader.invalidate();
      const c = await reportHtml(web.ctx, REQUEST, 'en');
      assert.equal(a.body, b.html);
      assert.equal(b.html, c.html);
      assert.match(b.data.checksum, /^[0-9a-f]{64}$/);
      assert.equal(text(parseHtml(a.body), '.checksum'), b.data.checksum);
      assert.doesNotMatch(a.body, /one\.example/);
    });

    test('an "as of" day before the figures were retrieved leaves them out', async () => {
      const now = await reportHtml(web.ctx, REQUEST, 'fi');
      const before = await reportHtml(web.ctx, { ...REQUEST, asOf: '2024-12-31' }, 'fi');
      assert.ok(now.data.observations.length > 0);
      assert.equal(before.data.observations.length, 0, 'no observation was retrieved by 31.12.2024');
      assert.notEqual(before.data.checksum, now.data.checksum);
      assert.match(before.html, /tilanne 31\.12\.2024/);
    });

    test('every language, and the reports list links each year and PDF; unknown years are 404', async () => {
      for (const lang of LANGS) {
        const res = await web.get(`/${lang}${REPORT_PATH}`);
        assert.equal(res.statusCode, 200);
        assert.equal(attr(parseHtml(res.body), 'html', 'lang'), lang);
      }
      const list = await web.get('/sv/kymenlaakso/2022-2025/reports/');
      assert.equal(list.statusCode, 200);
      const hrefs = all(parseHtml(list.body), 'main a').map((a) => a.getAttribute('href'));
      assert.ok(hrefs.includes('/sv/kymenlaakso/2022-2025/reports/2024/'));
      assert.ok(hrefs.includes('/en/kymenlaakso/2022-2025/reports/2024/report.pdf'));
      assert.equal((await web.get('/fi/kymenlaakso/2022-2025/reports/2019/')).statusCode, 404);
      assert.equal((await web.get('/fi/kymenlaakso/2022-2025/reports/20x4/')).statusCode, 404);
    });
  });

  describe(`annual report of a year without data (${target.name})`, () => {
    const seeded = useTestApp(target);
    test('a year without figures, money, projects or changes of its own says so plainly', async () => {
      const res = await seeded.get(`/fi${REPORT_PATH}`);
      assert.equal(res.statusCode, 200);
      const expected = MESSAGES.fi['reports.summary.noData'].replaceAll('{year}', String(REPORT_YEAR));
      assert.equal(text(parseHtml(res.body), '.no-data'), expected);
      // The report still shows the latest figures before the year (the seeded population of 2021).
      assert.match(res.body, /161\s391\shenkilöä/);
      const withChanges = await seeded.get('/fi/kymenlaakso/2022-2025/reports/2022/');
      assert.equal(all(parseHtml(withChanges.body), '.no-data').length, 0, '2022 has the approved update');
    });
  });
}
