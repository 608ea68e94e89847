/**
 * The statistics upload in Debian's Chromium, as an editor would use it: sign in, open the
 * indicator list from the dashboard, follow "Import a statistics file", choose the revised velk
 * file, read the reviewed diff and confirm it — with axe-core's WCAG 2.1 A/AA rules on the upload
 * and review pages (zero violations).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, signInInBrowser, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { DATA_DIR, HAVE_DATA, requireData } from '../support/real-data.ts';
import { createUser, PASSWORD } from './admin-fixture.ts';

// One database is enough here: the upload path is the same code on both (the inject tests run both).
const target = databaseTargets()[0]!;
const skip =
  SKIP_WITHOUT_CHROMIUM ||
  (HAVE_DATA || process.env['CI'] ? false : `NOT RUN: real-data folder ${DATA_DIR} is missing`);

describe(`statistics upload in the browser (${target.name})`, { skip }, () => {
  const web = useBrowserApp(target, async (ctx) => {
    await createUser(ctx, { email: 'tilastoselain@example.fi', role: 'editor', region: '08' });
  });

  test('indicator list → upload form → reviewed diff → confirm; zero axe violations', async () => {
    requireData();
    const revised = readFileSync(join(DATA_DIR, 'pxweb/statfin/statfin-velk-jsonstat2-en.json'), 'utf8').replace(
      '70.3',
      '71.25',
    );
    const context = await web.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    try {
      await signInInBrowser(page, web.base, { email: 'tilastoselain@example.fi', password: PASSWORD });
      await Promise.all([
        page.waitForURL(`${web.base}/admin/regions/08/indicators`),
        page.click('main a[href="/admin/regions/08/indicators"]'),
      ]);
      await expectNoAxeViolations(page, 'indicator list');
      await Promise.all([
        page.waitForURL(`${web.base}/admin/regions/08/statistics/import`),
        page.click('main a[href="/admin/regions/08/statistics/import"]'),
      ]);
      await expectNoAxeViolations(page, 'statistics upload form');
      await page.setInputFiles('#field-file', {
        name: 'velk-revised.json',
        mimeType: 'application/json',
        buffer: Buffer.from(revised),
      });
      await Promise.all([page.waitForLoadState('load'), page.click('main form button[type="submit"]')]);
      assert.equal(await page.locator('h1').innerText(), 'Tarkista tilastojen muutokset – Kymenlaakso');
      const cells = await page.locator('#revised-velkaantumisaste tbody td').allInnerTexts();
      assert.deepEqual(cells, ['SSS', '2002', '70,3', '71,25']);
      await expectNoAxeViolations(page, 'statistics review');
      await Promise.all([
        page.waitForURL(`${web.base}/admin/regions/08/statistics/import?done=imported`),
        page.click('button[name="decision"][value="confirm"]'),
      ]);
      assert.match(await page.locator('main .notice').innerText(), /Luvut tallennettiin/);
    } finally {
      await context.close();
    }
  });
});
