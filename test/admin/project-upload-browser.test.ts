/**
 * The project list upload in Debian's Chromium, as an editor would use it: sign in, follow the
 * dashboard's link, choose a file and "skip invalid rows", send the form (a real multipart post
 * with the CSRF field), read the outcome, download the rejected rows, and upload a file that is
 * refused — with axe-core's WCAG 2.1 A/AA rules on each page (zero violations).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { csv } from '../projects/support.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp, signInInBrowser } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { createUser, PASSWORD } from './admin-fixture.ts';

const HEADER = ['code', 'name_fi', 'municipalities', 'start_date', 'status'];
const FILE = csv([
  HEADER,
  ['KY-201', 'Satamien sähköistys', 'Kotka', '1.1.2024', 'running'],
  ['KY-202', 'Kylätalojen korjaus', 'Miehikkälä', '31.2.2024', 'planned'],
  ['KY-203', 'Kouvolan ratapiha', 'Kouvola', '', 'planned'],
]);

// One database is enough here: the upload path is the same code on both (the inject tests run both).
const target = databaseTargets()[0]!;

describe(`project upload in the browser (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  const web = useBrowserApp(target, async (ctx) => {
    await createUser(ctx, { email: 'selain@example.fi', role: 'editor', region: '08' });
  });

  test('dashboard → import form → upload with skipped rows → rejected rows as CSV → a refused file; zero axe violations', async () => {
    const context = await web.browser.newContext({ locale: 'fi-FI', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signInInBrowser(page, web.base, { email: 'selain@example.fi', password: PASSWORD });
      await Promise.all([
        page.waitForURL(`${web.base}/admin/regions/08/projects/import`),
        page.click('a[href="/admin/regions/08/projects/import"]'),
      ]);
      await expectNoAxeViolations(page, 'import form');

      await page.setInputFiles('#field-file', {
        name: 'hankkeet.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(FILE),
      });
      await page.check('#field-skipInvalid');
      await Promise.all([
        page.waitForLoadState('load'),
        page.click('main form[enctype="multipart/form-data"] button[type="submit"]'),
      ]);
      assert.equal(await page.locator('#import-outcome').innerText(), 'Hankkeet tuotiin');
      const counts = await page.locator('table:has(caption:text-is("Hankkeet")) td').allInnerTexts();
      assert.deepEqual(counts, ['2', '0', '0', '1']);
      const problem = await page.locator('table:has(caption:text-matches("^Virheet")) tbody tr td').allInnerTexts();
      assert.deepEqual(problem, ['3', 'start_date', '"31.2.2024" is not a date: February 2024 has 29 days']);
      await expectNoAxeViolations(page, 'import outcome with rejected rows');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('button:text("Lataa hylätyt rivit (CSV)")'),
      ]);
      assert.equal(download.suggestedFilename(), 'hankkeet-rejected.csv');
      const text = await readFile((await download.path())!, 'utf8');
      assert.equal(
        text,
        '\ufeffrow,lines,problems,raw\r\n3,3,"column ""start_date"": ""31.2.2024"" is not a date: ' +
          'February 2024 has 29 days","KY-202,Kylätalojen korjaus,Miehikkälä,31.2.2024,planned"\r\n',
      );

      await page.setInputFiles('#field-file', { name: 'huono.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
      await page.uncheck('#field-skipInvalid');
      await Promise.all([
        page.waitForLoadState('load'),
        page.click('main form[action="/admin/regions/08/projects/import"] button[type="submit"]'),
      ]);
      assert.equal(await page.locator('#import-outcome').innerText(), 'Mitään ei tuotu');
      assert.match(await page.locator('[role="alert"]').first().innerText(), /huono\.csv/);
      await expectNoAxeViolations(page, 'refused import');
      const stored = await web.ctx.db.kysely.selectFrom('projects').select('code').orderBy('code').execute();
      assert.deepEqual(
        stored.map((p) => p.code),
        ['KY-201', 'KY-203'],
      );
    } finally {
      await context.close();
    }
  });
});
