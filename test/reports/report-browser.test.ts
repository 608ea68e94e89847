/**
 * The annual report in Debian's Chromium (issue 9): in fi, sv and en the report page passes
 * axe-core's WCAG 2.1 A and AA rules with zero violations, both on screen and with print media
 * emulated (what the PDF is made from); the reports list links each year, followed by keyboard.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { MESSAGES } from '#src/i18n/index.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { prepareReportData, REPORT_PATH } from './report-fixture.ts';

for (const target of databaseTargets()) {
  describe(`annual report in Chromium with axe-core (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useBrowserApp(target, prepareReportData);

    for (const lang of LANGS as readonly Lang[]) {
      test(`${lang}: reports list → report by keyboard; zero axe violations on screen and in print`, async () => {
        const m = MESSAGES[lang];
        // JavaScript on only for axe-core (the pages themselves have no script).
        const context = await web.browser.newContext({ locale: lang, javaScriptEnabled: true });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        try {
          await page.goto(`${web.base}/${lang}/kymenlaakso/2022-2025/reports/`);
          await expectNoAxeViolations(page, `${lang} reports list`);
          const link = page
            .locator('main')
            .getByRole('link', { name: m['reports.list.year'].replace('{year}', '2024') });
          await link.focus();
          await Promise.all([page.waitForURL(new RegExp(`/${lang}${REPORT_PATH}$`)), page.keyboard.press('Enter')]);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.equal(await page.locator('h1').count(), 1);
          await expectNoAxeViolations(page, `${lang} report`);
          await page.emulateMedia({ media: 'print' });
          assert.equal(await page.locator('.report-bar').isVisible(), false, 'the screen links are not printed');
          await expectNoAxeViolations(page, `${lang} report in print`);
        } finally {
          await context.close();
        }
      });
    }
  });
}
