/**
 * Browser walk in Debian's Chromium (never a downloaded browser): region front page → programme
 * → theme → priority → contact, in Finnish, Swedish and English, following the links a visitor
 * would click, with axe-core's WCAG 2.1 A and AA rules on every page: zero violations.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Page } from 'playwright-core';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';

/** Clicks the first link whose href matches `pattern` and waits for the new page. */
async function follow(page: Page, pattern: RegExp, label: string): Promise<void> {
  const hrefs = await page.$$eval('main a[href], header a[href], footer a[href]', (links) =>
    links.map((a) => a.getAttribute('href') ?? ''),
  );
  const href = hrefs.find((h) => pattern.test(h));
  assert.ok(href, `${label}: no link matching ${pattern} on ${page.url()}`);
  await Promise.all([
    page.waitForURL((url) => url.pathname === new URL(href, page.url()).pathname),
    page.locator(`a[href="${href}"]`).first().click(),
  ]);
}

const WALK = [
  { lang: 'fi', themeTitle: 'Innovatiivinen Kymenlaakso' },
  { lang: 'sv', themeTitle: 'Innovatiivinen Kymenlaakso' },
  { lang: 'en', themeTitle: 'Innovative Kymenlaakso' },
] as const;

for (const target of databaseTargets()) {
  describe(`browser walk with axe-core (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useBrowserApp(target);

    for (const { lang, themeTitle } of WALK) {
      test(`front page → theme → priority → contact in ${lang}, zero axe violations`, async () => {
        const context = await web.browser.newContext({ locale: lang === 'en' ? 'en-GB' : `${lang}-FI` });
        const page = await context.newPage();
        try {
          await page.goto(`${web.base}/${lang}/kymenlaakso/`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await expectNoAxeViolations(page, `${lang} region front page`);

          await follow(page, /\/kymenlaakso\/2022-2025\/?$/, 'programme link');
          await expectNoAxeViolations(page, `${lang} programme page`);

          await follow(page, /\/kymenlaakso\/2022-2025\/innovatiivinen-kymenlaakso\/?$/, 'theme link');
          assert.match(await page.locator('h1').innerText(), new RegExp(themeTitle));
          await expectNoAxeViolations(page, `${lang} theme page`);

          await follow(page, /\/kymenlaakso\/2022-2025\/innovatiivinen-kymenlaakso\/[a-z0-9-]+\/?$/, 'priority link');
          const crumbs = await page.locator('nav[aria-label] a').allInnerTexts();
          assert.ok(crumbs.length >= 2, 'priority page has breadcrumbs');
          await expectNoAxeViolations(page, `${lang} priority page`);

          await follow(page, /\/kymenlaakso\/contact\/?$/, 'contact link');
          const text = await page.locator('main').innerText();
          assert.match(text, /Hovioikeudenkatu 6/);
          assert.match(text, /Laivurinkatu 7/);
          await expectNoAxeViolations(page, `${lang} contact page`);

          // Keyboard: the first Tab reaches the skip link, which leads to the main content.
          await page.keyboard.press('Tab');
          const focused = await page.evaluate<string | null>(
            'document.activeElement && document.activeElement.getAttribute("href")',
          );
          assert.equal(focused, '#main', 'the first Tab stop is the skip link to #main');
        } finally {
          await context.close();
        }
      });
    }
  });
}
