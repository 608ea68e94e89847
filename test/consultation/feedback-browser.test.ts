/**
 * The feedback report and the responses desk in Debian's Chromium (issue 10, points 5-6): zero
 * axe-core WCAG 2.1 A/AA violations on the public report in fi, sv and en, and on the editors'
 * responses desk (new form, with errors after a refused post, and the edit form); an editor drafts a
 * response by keyboard and mouse and publishes it, and the round page shows it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS } from '#src/domain/languages.ts';
import { publishResponses, saveResponse } from '#src/services/consultation/responses.ts';
import { createUser } from '../admin/admin-fixture.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, signInInBrowser, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { EDITOR, NODE, PROGRAMME, ROUND } from './consultation-fixture.ts';
import { approvedIds, laterVersion, roundWithComments, XSS_CORPUS } from './responses-fixture.ts';

const report = (lang: string): string => `/${lang}/kymenlaakso/2022-2025/consultation/${ROUND}/report/`;
const DESK = `/admin/regions/08/programmes/2022-2025/consultation/${ROUND}/responses`;

for (const target of databaseTargets()) {
  describe(
    `the feedback report and the responses desk in Chromium (${target.name})`,
    { skip: SKIP_WITHOUT_CHROMIUM },
    () => {
      const web = useBrowserApp(target, async (ctx) => {
        await roundWithComments(ctx);
        await laterVersion(ctx);
        const ids = await approvedIds(ctx);
        await saveResponse(ctx, EDITOR, PROGRAMME, ROUND, null, {
          comments: [ids[0]!, ids[1]!],
          text: { fi: `Otamme huomioon. ${XSS_CORPUS[0]}`, sv: 'Vi beaktar.', en: 'We take it into account.' },
          decision: 'partly',
          reason: null,
          change: { version: 4, nodeKey: NODE },
        });
        await publishResponses(ctx, EDITOR, PROGRAMME, ROUND);
      });

      for (const lang of LANGS)
        test(`${lang}: the feedback report passes axe-core`, async () => {
          const context = await web.browser.newContext({ locale: lang });
          context.setDefaultTimeout(15_000);
          const page = await context.newPage();
          try {
            await page.goto(`${web.base}${report(lang)}`);
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            assert.equal(await page.locator('h1').count(), 1);
            await expectNoAxeViolations(page, `${lang} feedback report`);
          } finally {
            await context.close();
          }
        });

      test('an editor drafts and publishes a response; the desk passes axe-core in every state', async () => {
        const context = await web.browser.newContext({ locale: 'fi' });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        try {
          const editor = await createUser(web.ctx, { email: 'browser-ed@example.fi', role: 'editor', region: '08' });
          await signInInBrowser(page, web.base, editor);
          await page.goto(`${web.base}${DESK}`);
          await expectNoAxeViolations(page, 'responses desk');
          // Refused: "not taken into account" without a reason.
          await page.locator('form.response-form input[name=comment]').first().check();
          await page.getByLabel('Vastaus suomeksi').fill('Ei oteta huomioon.');
          await page.getByLabel('Ei otettu huomioon').check();
          await Promise.all([
            page.waitForURL(/\/responses$/),
            page.getByRole('button', { name: 'Tallenna luonnos' }).click(),
          ]);
          assert.equal(await page.locator('.error-summary').count(), 1);
          await expectNoAxeViolations(page, 'responses desk with errors');
          await page.getByLabel('Perustelu suomeksi').fill('Asia ei kuulu maakuntaohjelmaan.');
          await Promise.all([
            page.waitForURL(/\?saved=\d+$/),
            page.getByRole('button', { name: 'Tallenna luonnos' }).click(),
          ]);
          await expectNoAxeViolations(page, 'responses desk after saving');
          await page
            .getByRole('link', { name: /^Muokkaa vastausta/ })
            .first()
            .click();
          await page.waitForURL(/\?edit=\d+/);
          await expectNoAxeViolations(page, 'responses desk, editing');
          await page.goto(`${web.base}${DESK}`);
          await Promise.all([
            page.waitForURL(/\?published=1$/),
            page.getByRole('button', { name: /Julkaise 1 vastausluonnos/ }).click(),
          ]);
          await page.goto(`${web.base}/fi/kymenlaakso/2022-2025/consultation/${ROUND}/`);
          assert.ok(
            (await page.locator('.council-response').allInnerTexts()).some((t) => /Ei otettu huomioon/.test(t)),
          );
          await expectNoAxeViolations(page, 'round page with responses');
        } finally {
          await context.close();
        }
      });
    },
  );
}
