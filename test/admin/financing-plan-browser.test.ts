/**
 * The financing-plan editor in Debian's Chromium (the page carries no script): set a cell with the
 * form, see it in the table, paste CSV with a bad row and see the row named; the page has zero
 * axe-core WCAG 2.1 A/AA violations empty, filled, with errors and read-only, in fi/sv/en. A
 * screenshot is kept in tmp/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { PRIORITY, startDraft } from '../editing/editing-fixture.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp, signInInBrowser } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { createUser, type TestUser } from './admin-fixture.ts';

const PLAN = '/admin/regions/08/programmes/2022-2025/versions/3/financing-plan';

// Storage is covered on every database by the HTTP tests; one target is enough here.
const target = databaseTargets()[0]!;

describe('the financing-plan editor in a browser with axe-core', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let editor: TestUser;

  const web = useBrowserApp(target, async (ctx) => {
    editor = await createUser(ctx, { email: 'plan-editor@example.fi', role: 'editor', region: '08' });
    await startDraft(ctx);
  });

  test('set a cell, paste CSV with a bad row; every state of the page passes axe-core', async () => {
    const context = await web.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    try {
      await signInInBrowser(page, web.base, editor);

      await page.goto(`${web.base}${PLAN}?lang=fi`);
      await expectNoAxeViolations(page, 'empty plan');

      await page.locator('#field-node').selectOption(PRIORITY);
      await page.locator('#field-fund').selectOption('ERDF');
      await page.locator('#field-year').selectOption('2024');
      await page.locator('#field-amount').fill('1 250 000,50');
      await Promise.all([
        page.waitForURL(/\?done=set#plan-table$/),
        page.getByRole('button', { name: 'Tallenna summa' }).click(),
      ]);
      const cell = page.locator('table.plan-table td[headers="plan-r0 plan-h-f0 plan-h-c0"]');
      assert.equal((await cell.textContent())?.replace(/\s/g, ' '), '1 250 000,50 €');
      await expectNoAxeViolations(page, 'plan with a line');

      await page.locator('#field-amount').fill('12,3,4');
      await Promise.all([page.waitForURL(/\/cells$/), page.getByRole('button', { name: 'Tallenna summa' }).click()]);
      await expectNoAxeViolations(page, 'cell form with an error');

      await page
        .locator('#field-csv')
        .fill(`node;fund;year;amount\n${PRIORITY};EAKR;2022;abc\n${PRIORITY};AKKE;2023;5 000\n`);
      await Promise.all([
        page.waitForURL(/\/import$/),
        page.getByRole('button', { name: 'Korvaa suunnitelma' }).click(),
      ]);
      assert.match(
        (await page.locator('.error-summary').textContent()) ?? '',
        /CSV: row 2, column "amount": "abc" is not an amount/,
      );
      await expectNoAxeViolations(page, 'CSV with a bad row');

      await page
        .locator('#field-csv')
        .fill(
          `node;fund;year;amount\n${PRIORITY};EAKR;2022;100 000\n${PRIORITY};AKKE;2023;5 000\nyrittajyys-ja-kasvu;JTF;2025;7 500\n`,
        );
      await Promise.all([
        page.waitForURL(/\?done=imported#plan-table$/),
        page.getByRole('button', { name: 'Korvaa suunnitelma' }).click(),
      ]);
      for (const lang of ['fi', 'sv', 'en']) {
        await page.goto(`${web.base}${PLAN}?lang=${lang}`);
        await expectNoAxeViolations(page, `plan (${lang})`);
      }
      mkdirSync('tmp', { recursive: true });
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.screenshot({ path: 'tmp/financing-plan.png', fullPage: true });

      await page.goto(`${web.base}/admin/regions/08/programmes/2022-2025/versions/2/financing-plan?lang=fi`);
      await expectNoAxeViolations(page, 'read-only plan of the approved version');
    } finally {
      await context.close();
    }
  });
});
