/**
 * Statements in Debian's Chromium (issue 10): at phone width, an organisation fills in the statement
 * form with a PDF and sends it without JavaScript; the form passes axe-core's WCAG 2.1 A/AA rules
 * with zero violations in fi, sv and en, also when shown again with errors; so does the moderation
 * page with a statement's details and the redaction forms, before and after a refused redaction.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { LANGS } from '#src/domain/languages.ts';
import { createUser } from '../admin/admin-fixture.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, signInInBrowser, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { ROUND } from './consultation-fixture.ts';
import { openRoundWithQuestions, samplePdf } from './statements-fixture.ts';

const PHONE = { width: 375, height: 740 };
const path = (lang: string): string => `/${lang}/kymenlaakso/2022-2025/consultation/${ROUND}/`;

const folder = mkdtempSync(join(tmpdir(), 'suunta-statements-'));
const PDF_FILE = join(folder, 'lausunto.pdf');
writeFileSync(PDF_FILE, samplePdf('browser'));
after(() => rmSync(folder, { recursive: true, force: true }));

for (const target of databaseTargets()) {
  describe(`statements in Chromium (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useBrowserApp(target, (ctx) =>
      openRoundWithQuestions(ctx, { opens: '2020-01-01T00:00', closes: '2099-12-31T23:00' }),
    );

    test('on a phone without JavaScript an organisation sends a statement with a PDF', async () => {
      const phone = await web.browser.newContext({ locale: 'fi', javaScriptEnabled: false, viewport: PHONE });
      phone.setDefaultTimeout(15_000);
      const page = await phone.newPage();
      try {
        await page.goto(`${web.base}${path('fi')}`);
        const link = page.getByRole('link', { name: 'Lähetä lausunto organisaation puolesta' });
        await link.focus();
        await Promise.all([page.waitForURL(/\/statement$/), page.keyboard.press('Enter')]);
        await page.getByLabel('Organisaation nimi').fill('Kymen Yrittäjät ry');
        await page.getByLabel('Y-tunnus (vapaaehtoinen)').fill('0737546-2');
        await page.getByLabel('Ovatko ohjelman painopisteet oikeat?').fill('Kyllä.');
        await page.locator('#field-body').fill('Kannatamme luonnosta.');
        await page.locator('#field-file').setInputFiles(PDF_FILE);
        await page.locator('#field-consent').check();
        await Promise.all([
          page.waitForURL(/\/sent\?state=pending&kind=statement$/),
          page.getByRole('button', { name: 'Lähetä lausunto' }).click(),
        ]);
        assert.match(await page.locator('h1').innerText(), /Kiitos lausunnostanne/);
      } finally {
        await phone.close();
      }
      const stored = await web.ctx.db.kysely
        .selectFrom('consultation_attachments')
        .select(['file_name', 'bytes'])
        .execute();
      assert.deepEqual(
        stored.map((r) => [r.file_name, Number(r.bytes)]),
        [['lausunto.pdf', samplePdf('browser').length]],
      );
    });

    for (const lang of LANGS) {
      test(`${lang}: the statement form (also refused) passes axe-core at phone width`, async () => {
        const context = await web.browser.newContext({ locale: lang, javaScriptEnabled: true, viewport: PHONE });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        try {
          await page.goto(`${web.base}${path(lang)}statement`);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await expectNoAxeViolations(page, `${lang} statement form`);
          await page.locator('#field-organisation').fill('Yhdistys ry');
          await page.locator('#field-businessId').fill('1234567-0');
          await page.locator('#field-body').fill('Lausunto.');
          await page.locator('#field-consent').check();
          await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 400),
            page.locator('form.statement-form button[type=submit]').click(),
          ]);
          await page.locator('.error-summary').waitFor();
          assert.equal(await page.locator('#field-businessId').getAttribute('aria-invalid'), 'true');
          await expectNoAxeViolations(page, `${lang} statement form with errors`);
        } finally {
          await context.close();
        }
      });
    }

    test('the moderation page with the statement and the redaction forms passes axe-core', async () => {
      const desk = await web.browser.newContext({ locale: 'fi', javaScriptEnabled: true });
      desk.setDefaultTimeout(15_000);
      const admin = await desk.newPage();
      try {
        const moderator = await createUser(web.ctx, {
          email: 'browser-statements-mod@example.fi',
          role: 'moderator',
          region: '08',
        });
        await signInInBrowser(admin, web.base, moderator);
        await admin.goto(`${web.base}/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
        assert.match(await admin.locator('.statement-details').first().innerText(), /0737546-2/);
        const details = admin.locator('details.redaction').first();
        await details.locator('summary').click();
        await expectNoAxeViolations(admin, 'moderation page with a redaction form');
        await details.locator('textarea[name=passage]').fill('ei tekstissä');
        await details.locator('input[name=reason]').fill('Henkilötieto');
        await Promise.all([
          admin.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 400),
          details.locator('button[type=submit]').click(),
        ]);
        await admin.locator('.error-summary').waitFor();
        await expectNoAxeViolations(admin, 'moderation page with a refused redaction');
        const open = admin.locator('details.redaction[open]');
        await open.locator('textarea[name=passage]').fill('Kannatamme');
        await Promise.all([admin.waitForURL(/\?redacted=\d+$/), open.locator('button[type=submit]').click()]);
        await expectNoAxeViolations(admin, 'moderation page after a redaction');
      } finally {
        await desk.close();
      }
    });
  });
}
