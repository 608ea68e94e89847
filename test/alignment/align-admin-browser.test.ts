/**
 * The admin alignment helper in Debian's Chromium: the form is POSTed (with its CSRF field) and a
 * long description is ranked; zero axe-core WCAG 2.1 A/AA violations on the form and the result.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { AppContext } from '#src/services/app-context.ts';
import { createUser, PASSWORD } from '../admin/admin-fixture.ts';
import { expectNoAxeViolations, SKIP_WITHOUT_CHROMIUM, serveForBrowser, type ServedApp } from '../support/browser.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';

const URL = '/admin/regions/08/programmes/2022-2025/align';
const target = databaseTargets()[0]!;

describe(`admin alignment page in the browser (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let ctx: AppContext;
  let browser: Browser;
  let served: ServedApp | undefined;
  let base: string;

  before(async () => {
    ctx = await openTestContext(target);
    served = await serveForBrowser(ctx);
    ({ base, browser } = served);
    await createUser(ctx, { email: 'kohdistaja@example.fi', role: 'viewer', region: '08' });
  });

  after(async () => {
    await served?.close();
    await ctx?.close();
  });

  test('a long description is posted and ranked; the address carries no text', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/admin/login`);
      await page.fill('#field-email', 'kohdistaja@example.fi');
      await page.fill('#field-password', PASSWORD);
      await Promise.all([page.waitForURL(`${base}/admin`), page.click('main button[type="submit"]')]);
      await page.goto(`${base}${URL}`);
      await expectNoAxeViolations(page, 'alignment form');
      const text = 'Satamien ja rautateiden logistiikka vähäpäästöiseksi. '.repeat(200);
      await page.fill('#field-text', text);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${base}${URL}`),
        page.click('main form button[type="submit"]'),
      ]);
      assert.equal(response.request().method(), 'POST');
      assert.equal(response.status(), 200);
      assert.equal(page.url(), `${base}${URL}`, 'the text is not in the address');
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
