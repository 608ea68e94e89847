/**
 * A consultation round in Debian's Chromium (issue 10): at phone width and with JavaScript off, a
 * resident follows a paragraph's link by keyboard, writes a comment and sends it; a moderator
 * publishes it; the public page shows it under its paragraph. Every public and moderation page
 * passes axe-core's WCAG 2.1 A/AA rules with zero violations (in fi, sv and en for the public ones).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS } from '#src/domain/languages.ts';
import { createUser } from '../admin/admin-fixture.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, signInInBrowser, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { NODE, openRound, ROUND } from './consultation-fixture.ts';

const PHONE = { width: 375, height: 740 };
const path = (lang: string): string => `/${lang}/kymenlaakso/2022-2025/consultation/${ROUND}/`;

for (const target of databaseTargets()) {
  describe(`a consultation round in Chromium (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useBrowserApp(target, (ctx) =>
      openRound(ctx, { opens: '2020-01-01T00:00', closes: '2099-12-31T23:00', retentionUntil: null }),
    );

    test('on a phone without JavaScript a resident comments on a paragraph; a moderator publishes it', async () => {
      const phone = await web.browser.newContext({ locale: 'fi', javaScriptEnabled: false, viewport: PHONE });
      phone.setDefaultTimeout(15_000);
      const page = await phone.newPage();
      try {
        await page.goto(`${web.base}${path('fi')}`);
        const link = page.locator(`#node-${NODE}`).getByRole('link', { name: /Kommentoi kappaletta 2/ });
        await link.focus();
        await Promise.all([page.waitForURL(/\/comment\?node=/), page.keyboard.press('Enter')]);
        assert.match(await page.locator('blockquote').innerText(), /^Kymenlaakson valttikortteja/);
        await page.locator('#field-body').fill('Nopeat laajakaistayhteydet myös haja-asutusalueille.');
        await page.locator('#field-quote').fill('nopeita laajakaistayhteyksiä');
        await page.getByLabel('nimettömänä').check();
        await page.locator('#field-consent').check();
        await Promise.all([
          page.waitForURL(/\/sent\?state=pending$/),
          page.getByRole('button', { name: 'Lähetä kommentti' }).click(),
        ]);
        assert.match(await page.locator('h1').innerText(), /Kiitos kommentistasi/);
      } finally {
        await phone.close();
      }

      const desk = await web.browser.newContext({ locale: 'fi', javaScriptEnabled: true });
      desk.setDefaultTimeout(15_000);
      const admin = await desk.newPage();
      try {
        const moderator = await createUser(web.ctx, {
          email: 'browser-mod@example.fi',
          role: 'moderator',
          region: '08',
        });
        await signInInBrowser(admin, web.base, moderator);
        await admin.goto(`${web.base}/admin/regions/08/programmes/2022-2025/consultation`);
        await expectNoAxeViolations(admin, 'rounds admin page');
        await admin.goto(`${web.base}/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
        await expectNoAxeViolations(admin, 'moderation queue');
        await admin.locator('input[name=comment]').first().check();
        await Promise.all([
          admin.waitForURL(/\?done=1$/),
          admin.getByRole('button', { name: 'Julkaise valitut' }).click(),
        ]);
        await expectNoAxeViolations(admin, 'moderation queue after the decision');
        await admin.goto(`${web.base}${path('fi')}`);
        const comment = admin.locator(`#node-${NODE}-p2 li.comment`);
        assert.match(await comment.innerText(), /Nopeat laajakaistayhteydet/);
      } finally {
        await desk.close();
      }
    });

    test('with JavaScript, a passage selected in a paragraph becomes the quote of that paragraph’s comment form', async () => {
      const context = await web.browser.newContext({ locale: 'fi', javaScriptEnabled: true });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      try {
        await page.goto(`${web.base}${path('fi')}`);
        const paragraph = page.locator(`#node-${NODE}-p2`);
        // Selects the passage as a reader would with the mouse (run in the page: the tests have no DOM types).
        await page.evaluate(`(() => {
          const text = document.querySelector('#node-${NODE}-p2 p').firstChild;
          const at = text.textContent.indexOf('Pyhtää-ilmiö');
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 'Pyhtää-ilmiö'.length);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        })()`);
        await page.waitForTimeout(100); // selectionchange is dispatched asynchronously
        await Promise.all([page.waitForURL(/\/comment\?/), paragraph.locator('.comment-link a').click()]);
        assert.equal(await page.locator('#field-quote').inputValue(), 'Pyhtää-ilmiö');
      } finally {
        await context.close();
      }
    });

    for (const lang of LANGS) {
      test(`${lang}: the rounds list, the round page, the comment form (also refused) and the thank-you page pass axe-core`, async () => {
        const context = await web.browser.newContext({ locale: lang, javaScriptEnabled: true, viewport: PHONE });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        try {
          await page.goto(`${web.base}/${lang}/kymenlaakso/2022-2025/consultation/`);
          await expectNoAxeViolations(page, `${lang} rounds list`);
          await page.goto(`${web.base}${path(lang)}`);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await expectNoAxeViolations(page, `${lang} round page`);
          await page.goto(`${web.base}${path(lang)}comment?node=${NODE}&p=1`);
          await expectNoAxeViolations(page, `${lang} comment form`);
          await page.locator('#field-body').fill('Hyvä');
          await page.locator('#field-quote').fill('not in the paragraph at all');
          await page.locator('#field-consent').check();
          await Promise.all([
            page.waitForURL(/\/comment$/),
            page.locator('form.comment-form button[type=submit]').click(),
          ]);
          assert.equal(await page.locator('.error-summary').count(), 1);
          await expectNoAxeViolations(page, `${lang} comment form with errors`);
          await page.goto(`${web.base}${path(lang)}sent?state=pending`);
          await expectNoAxeViolations(page, `${lang} thank-you page`);
        } finally {
          await context.close();
        }
      });
    }
  });
}
