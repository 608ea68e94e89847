/**
 * The comparison page in Debian's Chromium, in fi/sv/en: reached from the versions page with the
 * form (the page has no script; test/diff/diff-page.test.ts checks that), zero axe-core WCAG 2.1 A/AA violations, and insertions and
 * deletions told apart by underline and strike-through and a spoken label, not by colour alone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MESSAGES } from '#src/i18n/index.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';

// The browser does not touch storage beyond what the page tests check on every target: one target is enough.
const target = databaseTargets()[0]!;

describe('comparison page in a browser with axe-core', { timeout: 120_000, skip: SKIP_WITHOUT_CHROMIUM }, () => {
  const web = useBrowserApp(target);

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`${lang}: versions page → form → comparison, zero axe violations, ins/del not by colour alone`, async () => {
      const m = MESSAGES[lang];
      const context = await web.browser.newContext({ locale: lang === 'en' ? 'en-GB' : `${lang}-FI` });
      const page = await context.newPage();
      try {
        await page.goto(`${web.base}/${lang}/kymenlaakso/2022-2025/versions/`);
        await expectNoAxeViolations(page, `${lang} versions page`);

        // Choose A = version 1, B = version 2 by their labels, and send the form.
        await page.getByLabel(m['diff.fromLabel'], { exact: true }).selectOption('1');
        await page.getByLabel(m['diff.toLabel'], { exact: true }).selectOption('2');
        await Promise.all([
          page.waitForURL(/\/versions\/compare\?from=1&to=2$/),
          page.getByRole('button', { name: m['diff.submit'] }).click(),
        ]);
        assert.equal(await page.locator('h1').innerText(), m['diff.title']);
        await expectNoAxeViolations(page, `${lang} comparison page`);

        const styles = await page.$$eval('ins, del', (els) =>
          els.map((el) => {
            const style = el.ownerDocument.defaultView!.getComputedStyle(el);
            const label = el.querySelector('.visually-hidden');
            return {
              tag: el.tagName.toLowerCase(),
              line: style.textDecorationLine,
              label: label?.textContent ?? '',
              labelWidth: label?.getBoundingClientRect().width ?? -1,
            };
          }),
        );
        assert.ok(styles.length >= 30);
        for (const s of styles) {
          assert.equal(s.line, s.tag === 'ins' ? 'underline' : 'line-through', `${s.tag} is decorated`);
          assert.equal(s.label, `${m[s.tag === 'ins' ? 'diff.ins' : 'diff.del']} `, `${s.tag} has its spoken label`);
          assert.ok(s.labelWidth <= 1, 'the label is visually hidden');
        }
        // Screen readers get the label with the text.
        const retitle = page.locator('#diff-node-uudistuva-elinkeinoelama ~ .diff-change .diff-text').first();
        assert.equal(
          await retitle.evaluate((el) => el.textContent),
          `${m['diff.del']} Uudistuva elinkeinoelämä${m['diff.ins']} Elinkeinoelämän uudistaminen`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
