/**
 * The public monitoring pages (issue 8, point 6) in fi/sv/en: the programme's overview lists the
 * seeded indicators by group with their status names and the counts by state; the population
 * page has its chart, a data table of exactly the stored observations (formatted per locale), the
 * reason sentence, the 2040 target with its decision and the freshness line with the next release
 * date, which is marked OVERDUE (as text) once the app clock passes the due day, also for a page
 * cached earlier the same generation; the municipality comparison shows a confidential figure as
 * text (never zero) and per-resident values from the population of the same period.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { MESSAGES } from '#src/i18n/index.ts';
import { formatDecimal } from '#src/i18n/format.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { listIndicators, listObservations } from '#src/storage/repositories/indicators-repository.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, links, one, tableRows, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { importMunicipalityFigures } from './monitoring-fixture.ts';
import { assertPage, PROGRAMME, THEME } from './site-helpers.ts';

const MONITORING = `${PROGRAMME}monitoring/`;
const POPULATION = `${MONITORING}vaesto/`;
const DEBTS_COMPARISON = `${MONITORING}asuntokuntien-velat/municipalities/`;
const NAMES: Record<Lang, string> = { fi: 'Kymenlaakso', sv: 'Kymmenedalen', en: 'Kymenlaakso' };

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A settable app clock (the pages read `ctx.clock`). */
function setClock(ctx: AppContext, iso: string): void {
  ctx.clock = () => new Date(iso);
}

async function regionName(ctx: AppContext, lang: Lang): Promise<string> {
  const region = (await ctx.reader.regions()).find((r) => r.code === '08')!;
  return region.name[lang] ?? NAMES[lang];
}

for (const target of databaseTargets()) {
  describe(`monitoring pages (${target.name})`, () => {
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        setClock(ctx, '2023-06-01T12:00:00Z');
        await importMunicipalityFigures(ctx);
      },
    });

    test('the monitoring page lists every indicator by group with its status name, and the counts by state', async () => {
      const view = await t.ctx.monitoring.region('08');
      assert.equal(view.indicators.length, 10, 'the seeded indicators');
      for (const lang of LANGS) {
        const html = assertPage(await t.get(`/${lang}${MONITORING}`), lang, MONITORING);
        const m = MESSAGES[lang];
        assert.equal(text(html, 'h1'), m['monitoringPages.title']);
        let listed = 0;
        for (const group of view.groups) {
          const groupName = group.name[lang]!;
          const rows = tableRows(html, m['monitoringPages.caption.group'].replace('{group}', groupName));
          const expected = view.indicators.filter((i) => i.indicator.group === group.code);
          assert.deepEqual(
            rows.map((r) => [r[0], r[3]]),
            expected.map((i) => [i.indicator.name[lang], m[`monitoring.state.${i.status.state}`]]),
            `${lang} ${group.code}: names and status names`,
          );
          listed += rows.length;
        }
        assert.equal(listed, 10, `${lang}: all indicators listed by group`);
        const counts = tableRows(html, m['monitoringPages.counts.caption']);
        assert.deepEqual(
          Object.fromEntries(counts.map((r) => [r[0], Number(r[1])])),
          Object.fromEntries(
            Object.entries(view.counts).map(([s, n]) => [m[`monitoring.state.${s}` as 'monitoring.state.no_data'], n]),
          ),
        );
        const hrefs = links(html, 'main a').map((l) => l.href);
        assert.ok(hrefs.includes(`/${lang}${POPULATION}`), `${lang}: links the population page`);
        // The menu has the monitoring item, marked current.
        const current = one(html, 'nav.main-nav a[aria-current="page"]');
        assert.equal(current.getAttribute('href'), `/${lang}${MONITORING}`);
      }
      const fi = (await t.get(`/fi${MONITORING}`)).body;
      assert.deepEqual(
        tableRows(fi, 'Indikaattorien määrä tilan mukaan').find((r) => r[0] === 'Kehitys väärään suuntaan'),
        ['Kehitys väärään suuntaan', '1'],
        'the population indicator is moving the wrong way',
      );
    });

    test('the population page: chart, data table of the stored observations, reason, target, freshness', async () => {
      const [population] = (await listIndicators(t.ctx.db.kysely, '08')).filter((i) => i.code === 'vaesto');
      const stored = await listObservations(t.ctx.db.kysely, [population!.id], { areas: ['MK08', 'SSS'] });
      assert.ok(stored.length >= 2, 'the seeded population figures');
      for (const lang of LANGS) {
        const m = MESSAGES[lang];
        const html = assertPage(await t.get(`/${lang}${POPULATION}`), lang, POPULATION);
        const svg = one(html, 'svg#indicator-chart');
        assert.equal(svg.getAttribute('role'), 'img');
        assert.ok(svg.querySelector('title') && svg.querySelector('desc'), 'chart title and desc');
        // The table follows the chart.
        const figure = one(html, 'figure.chart-figure');
        assert.equal(figure.nextElementSibling?.getAttribute('id'), 'indicator-data');
        const rows = tableRows(html, m['monitoringPages.table.caption'].replace('{name}', population!.name[lang]!));
        const name = await regionName(t.ctx, lang);
        const expected = [...stored]
          .sort((a, b) => (a.area === b.area ? 0 : a.area === 'MK08' ? -1 : 1) || a.period.localeCompare(b.period))
          .map((o) => [
            o.area === 'SSS' ? m['monitoringPages.country'] : name,
            o.period,
            formatDecimal(Number(o.value), lang, 0),
            o.status === 'p' ? { fi: 'ennakkotieto', sv: 'preliminär uppgift', en: 'preliminary' }[lang] : '',
          ]);
        assert.deepEqual(rows, expected, `${lang}: the table is the stored observations`);
        const targets = tableRows(html, m['monitoringPages.targets.caption']);
        assert.equal(targets.length, 1);
        assert.equal(targets[0]![0], '2040');
        assert.equal(targets[0]![1], `${formatDecimal(150200, lang, 0)} ${population!.unit[lang]}`);
        assert.equal(targets[0]![3], 'Maakuntasuunnitelma: väestösuunnite 2040 (Kymenlaakson liitto)');
        const freshness = all(html, 'p.freshness').map((p) => squash(p.textContent));
        assert.equal(freshness.length, 2, 'under the latest figure and under the chart');
        const due = { fi: '19.12.2023', sv: '19.12.2023', en: '19 December 2023' }[lang];
        const updated = { fi: '19.12.2022', sv: '19.12.2022', en: '19 December 2022' }[lang];
        for (const line of freshness) {
          assert.ok(line.includes(updated), `${lang}: updated date in "${line}"`);
          assert.ok(line.includes('statfin_vaerak_pxt_11ra'), `${lang}: source table`);
          assert.ok(line.includes(due), `${lang}: next release date in "${line}"`);
        }
        assert.equal(all(html, '.overdue').length, 0, `${lang}: not overdue on 1.6.2023`);
        const hrefs = links(html, 'main a').map((l) => l.href);
        assert.ok(hrefs.includes('/api/v1/regions/08/indicators/vaesto/observations.csv'));
        assert.ok(hrefs.includes('/api/v1/regions/08/indicators/vaesto/jsonstat'));
        assert.ok(hrefs.includes(`/${lang}${MONITORING}vaesto/municipalities/`));
      }
      const fi = (await t.get(`/fi${POPULATION}`)).body;
      assert.match(squash(text(fi, 'p.reason')), /^Väkiluku laskee 0,89 % vuodessa/);
      assert.match(text(fi, '.indicator-latest .status'), /^Kehitys väärään suuntaan$/);
    });

    test('past the due day the freshness line says OVERDUE in text, also for a page cached before', async () => {
      setClock(t.ctx, '2023-12-19T23:00:00Z');
      assert.equal(all((await t.get(`/fi${POPULATION}`)).body, '.overdue').length, 0, 'on the due day itself');
      setClock(t.ctx, '2023-12-20T00:30:00Z');
      const overdue: Record<Lang, RegExp> = { fi: /^MYÖHÄSSÄ/, sv: /^FÖRSENAD/, en: /^OVERDUE/ };
      try {
        for (const lang of LANGS) {
          const html = (await t.get(`/${lang}${POPULATION}`)).body;
          const marks = all(html, 'p.freshness .overdue').map((e) => squash(e.textContent));
          assert.equal(marks.length, 2, `${lang}: both freshness lines`);
          for (const mark of marks) assert.match(mark, overdue[lang]);
          const comparison = (await t.get(`/${lang}${POPULATION}municipalities/`)).body;
          assert.equal(all(comparison, 'p.freshness .overdue').length, 1, `${lang}: comparison freshness`);
        }
      } finally {
        setClock(t.ctx, '2023-06-01T12:00:00Z');
      }
      assert.equal(all((await t.get(`/fi${POPULATION}`)).body, '.overdue').length, 0, 'the clock back: not overdue');
    });

    test('the population comparison lists the subregions (seutukunnat) with their stored figures, between the municipalities and the region', async () => {
      const subregions = await t.ctx.monitoring.region('08').then((v) => v.subregions);
      assert.deepEqual(
        subregions.map((s) => s.code),
        ['081', '082'],
        'the seeded classification holds the two subregions',
      );
      const stored = new Map(
        (await t.ctx.monitoring.region('08')).indicators
          .find((i) => i.indicator.code === 'vaesto')!
          .observations.filter((o) => o.area.startsWith('SK') && o.period === '2021')
          .map((o) => [o.area, o.value]),
      );
      assert.deepEqual([...stored.keys()].sort(), ['SK081', 'SK082'], 'the seeded subregion figures');
      for (const lang of LANGS) {
        const m = MESSAGES[lang];
        const path = `${POPULATION}municipalities/`;
        const html = assertPage(await t.get(`/${lang}${path}`), lang, path);
        const name = { fi: 'Väkiluku', sv: 'Folkmängd', en: 'Population' }[lang];
        const rows = tableRows(
          html,
          m['monitoringPages.comparison.caption'].replace('{name}', name).replace('{period}', '2021'),
        );
        const areas = rows.map((r) => r[0]);
        for (const s of subregions) {
          const label = m['monitoringPages.subregion'].replace('{name}', s.name[lang]!);
          const row = rows.find((r) => r[0] === label);
          assert.ok(row, `${lang}: ${label} listed`);
          assert.equal(row[1], formatDecimal(Number(stored.get(`SK${s.code}`)), lang, 0), `${lang}: ${label}'s figure`);
          const at = areas.indexOf(label);
          assert.ok(
            at === rows.length - 4 || at === rows.length - 3,
            `${lang}: ${label} just before the region and the country`,
          );
        }
        assert.equal(rows.at(-1)![0], m['monitoringPages.country']);
      }
      const api = (await t.get('/api/v1/regions/08/indicators/vaesto/observations?lang=sv')).json() as {
        observations: { area: string; areaName: string }[];
      };
      assert.equal(api.observations.find((o) => o.area === 'SK082')?.areaName, 'Kotka-Fredrikshamn');
    });

    test('the municipality comparison: confidential as text, never zero; per resident from the population', async () => {
      for (const lang of LANGS) {
        const m = MESSAGES[lang];
        const html = assertPage(await t.get(`/${lang}${DEBTS_COMPARISON}`), lang, DEBTS_COMPARISON);
        assert.ok(one(html, 'svg#comparison-chart title'), 'chart title');
        const name = {
          fi: 'Asuntokuntien velat yhteensä',
          sv: 'Bostadshushållens skulder sammanlagt',
          en: 'Debts of household-dwelling units',
        }[lang];
        const caption = m['monitoringPages.comparison.caption'].replace('{name}', name).replace('{period}', '2021');
        const rows = tableRows(html, caption);
        const byArea = new Map(rows.map((r) => [r[0], r]));
        const confidential = {
          fi: 'luottamuksellinen tai ei saatavilla',
          sv: 'konfidentiell eller inte tillgänglig',
          en: 'confidential or not available',
        }[lang];
        const kotka = byArea.get('Kotka')!;
        assert.ok(kotka, `${lang}: Kotka listed`);
        assert.equal(kotka[1], confidential, `${lang}: Kotka's figure is confidential text`);
        assert.equal(kotka[2], formatDecimal(51000, lang, 0), `${lang}: Kotka's population`);
        assert.equal(kotka[3], confidential, `${lang}: no per-resident figure, not zero`);
        const kouvola = byArea.get('Kouvola')!;
        assert.equal(kouvola[1], formatDecimal(2000000000, lang, 0));
        assert.equal(kouvola[3], formatDecimal(2000000000 / 80000, lang, 0), `${lang}: per resident`);
        // Every municipality of the region, then the region and the country (no subregion figures for debts).
        const municipalities = await t.ctx.reader.municipalities('08');
        assert.equal(rows.length, municipalities.length + 2);
        assert.equal(rows.at(-1)![0], m['monitoringPages.country']);
        assert.ok(
          rows.every((r) => !/^0$/.test(r[3]!)),
          'no row shows zero for a missing figure',
        );
        // The chart writes the reason where the bar would be.
        assert.ok(squash(text(html, 'svg#comparison-chart')).includes(confidential), `${lang}: chart note`);
        assert.ok(squash(text(html, 'main')).includes(m['monitoringPages.comparison.perResident']));
      }
    });

    test('theme and priority pages list their indicators with status, linked to the indicator pages', async () => {
      const view = await t.ctx.monitoring.region('08');
      for (const lang of LANGS) {
        const m = MESSAGES[lang];
        const html = (await t.get(`/${lang}${THEME}`)).body;
        const rows = all(html, '#node-indicators tbody tr');
        // The theme shows its own indicators and its priorities' (työlliset follows a priority of this theme).
        const codes = all(html, '#node-indicators tbody a').map((a) => a.getAttribute('href'));
        assert.ok(
          codes.includes(`/${lang}${MONITORING}tyolliset/`),
          `${lang}: a priority's indicator on the theme page`,
        );
        assert.ok(codes.includes(`/${lang}${MONITORING}bkt-per-asukas/`), `${lang}: the theme's own indicator`);
        for (const row of rows) {
          const code = /monitoring\/([^/]+)\//.exec(row.querySelector('a')!.getAttribute('href')!)![1];
          const item = view.indicators.find((i) => i.indicator.code === code)!;
          assert.equal(text(row, '.status'), m[`monitoring.state.${item.status.state}`]);
        }
        const priority = (await t.get(`/${lang}${THEME}uudistuva-elinkeinoelama/`)).body;
        assert.deepEqual(
          all(priority, '#node-indicators tbody a').map((a) => a.getAttribute('href')),
          [`/${lang}${MONITORING}tyolliset/`],
        );
      }
    });

    test('the region and programme pages link the monitoring; the sitemap lists its pages; unknown ones are 404', async () => {
      for (const lang of LANGS) {
        for (const rest of ['/kymenlaakso/', PROGRAMME]) {
          const hrefs = links((await t.get(`/${lang}${rest}`)).body, 'main a').map((l) => l.href);
          assert.ok(hrefs.includes(`/${lang}${MONITORING}`), `${lang}${rest}: links the monitoring`);
        }
      }
      const sitemap = (await t.get('/sitemap.xml')).body;
      for (const rest of [MONITORING, POPULATION, DEBTS_COMPARISON])
        assert.ok(sitemap.includes(`/fi${rest}</loc>`), `sitemap: ${rest}`);
      assert.equal((await t.get(`/fi${MONITORING}no-such-indicator/`)).statusCode, 404);
      assert.equal((await t.get(`/fi${MONITORING}no-such-indicator/municipalities/`)).statusCode, 404);
      assert.equal((await t.get('/fi/kymenlaakso/no-such-programme/monitoring/')).statusCode, 404);
    });
  });
}
