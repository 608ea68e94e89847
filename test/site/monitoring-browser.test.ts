/**
 * Browser test of the monitoring pages in Debian's Chromium (issue 8): in fi, sv and en, the
 * monitoring page → the population indicator → its municipality comparison, each link followed by
 * keyboard (focus + Enter), with axe-core's WCAG 2.1 A and AA rules on every page: zero violations.
 * The indicator's data table, as the browser renders it, is exactly the stored observations.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { formatDecimal } from '#src/i18n/format.ts';
import { MESSAGES } from '#src/i18n/index.ts';
import { listIndicators, listObservations } from '#src/storage/repositories/indicators-repository.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { importMunicipalityFigures } from './monitoring-fixture.ts';

const MONITORING = '/kymenlaakso/2022-2025/monitoring/';

/** Follows the link named `name` by keyboard: it takes focus, Enter opens it. */
async function followByKeyboard(page: Page, name: string, url: RegExp): Promise<void> {
  const link = page.locator('main').getByRole('link', { name, exact: true }).first();
  const tabindex = await link.getAttribute('tabindex');
  assert.ok(tabindex === null || Number(tabindex) >= 0, `${name}: reachable by keyboard`);
  await link.focus();
  assert.equal(await link.evaluate((el) => el.matches(':focus')), true, `${name}: focused`);
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

for (const target of databaseTargets()) {
  describe(`monitoring pages in Chromium with axe-core (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useBrowserApp(target, async (ctx) => {
      await importMunicipalityFigures(ctx);
    });

    for (const lang of LANGS as readonly Lang[]) {
      test(`${lang}: monitoring → indicator → municipality comparison; zero axe violations`, async () => {
        const m = MESSAGES[lang];
        const [population] = (await listIndicators(web.ctx.db.kysely, '08')).filter((i) => i.code === 'vaesto');
        const stored = await listObservations(web.ctx.db.kysely, [population!.id], { areas: ['MK08', 'SSS'] });
        // JavaScript on only for axe-core (the pages themselves have no script).
        const context = await web.browser.newContext({ locale: lang, javaScriptEnabled: true });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        try {
          await page.goto(`${web.base}/${lang}${MONITORING}`);
          assert.equal(await page.locator('h1').innerText(), m['monitoringPages.title']);
          await expectNoAxeViolations(page, `${lang} monitoring page`);

          await followByKeyboard(page, population!.name[lang]!, /\/monitoring\/vaesto\/$/);
          assert.equal(await page.locator('h1').innerText(), population!.name[lang]);
          assert.equal(await page.locator('svg#indicator-chart[role="img"] > title').count(), 1);
          const cells = await page
            .locator('#indicator-data tbody tr')
            .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
          const regionName = cells[0]![0]!;
          assert.deepEqual(
            cells.map((r) => [r[1], r[2]]),
            stored.map((o) => [o.period, formatDecimal(Number(o.value), lang, 0)]),
            `${lang}: the chart's data table is the stored observations`,
          );
          assert.ok(
            cells.every((r) => r[0] === regionName),
            'the region series only (no country figures stored)',
          );
          await expectNoAxeViolations(page, `${lang} indicator page`);

          await followByKeyboard(page, m['monitoringPages.indicator.comparisonLink'], /\/vaesto\/municipalities\/$/);
          assert.equal(await page.locator('h1').innerText(), m['monitoringPages.comparison.title']);
          const kotka = await page
            .locator('#comparison-data tbody')
            .getByRole('row', { name: /^Kotka \d/ })
            .innerText();
          assert.match(kotka, /51\s?000|51,000/);
          await expectNoAxeViolations(page, `${lang} municipality comparison`);
        } finally {
          await context.close();
        }
      });
    }
  });
}
