/**
 * The admin alignment helper in Debian's Chromium: the form is POSTed (with its CSRF field) and a
 * long description is ranked; zero axe-core WCAG 2.1 A/AA violations on the form and the result.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUser, PASSWORD } from '../admin/admin-fixture.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp, signInInBrowser } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';

const URL = '/admin/regions/08/programmes/2022-2025/align';
const target = databaseTargets()[0]!;

describe(`admin alignment page in the browser (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  const web = useBrowserApp(target, async (ctx) => {
    await createUser(ctx, { email: 'kohdistaja@example.fi', role: 'viewer', region: '08' });
  });

  test('a long description is posted and ranked; the address carries no text', async () => {
    const context = await web.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    try {
      await signInInBrowser(page, web.base, { email: 'kohdistaja@example.fi', password: PASSWORD });
      await page.goto(`${web.base}${URL}`);
      await expectNoAxeViolations(page, 'alignment form');
      const text = 'Satamien ja rautateiden logistiikka vähäpäästöiseksi. '.repeat(200);
      await page.fill('#field-text', text);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${web.base}${URL}`),
        page.click('main form button[type="submit"]'),
      ]);
      assert.equal(response.request().method(), 'POST');
      assert.equal(response.status(), 200);
      assert.equal(page.url(), `${web.base}${URL}`, 'the text is not in the address');
      await page.waitForSelector('#align-results');
      assert.match(
        await page.locator('table').first().locator('tbody tr').first().innerText(),
        /saavutettavuus-ja-kestava-liikkuminen/,
      );
      await expectNoAxeViolations(page, 'alignment result');
    } finally {
      await context.close();
    }
  });
});
