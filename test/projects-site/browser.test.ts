/**
 * Browser test of the project pages in Debian's Chromium with JavaScript on: open the project
 * browser, filter by municipality and fund through the form, open a project, then the priority
 * page and the funding overview, with axe-core's WCAG 2.1 A and AA rules on every page: zero violations.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { seedProjects } from './support.ts';

for (const target of databaseTargets()) {
  describe(`project browser in Chromium with axe-core (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useBrowserApp(target, async (ctx) => {
      await seedProjects(ctx);
    });

    test('filter by municipality and fund with the form, open a project; zero axe violations', async () => {
      const context = await web.browser.newContext({ locale: 'fi-FI', javaScriptEnabled: true });
      const page = await context.newPage();
      try {
        await page.goto(`${web.base}/fi/kymenlaakso/projects/`);
        assert.equal(await page.locator('#results-heading').innerText(), 'Hankkeita: 6');
        await expectNoAxeViolations(page, 'project browser');

        await page.getByLabel('Kunta').selectOption('285');
        await page.getByLabel('Rahasto').selectOption('ERDF');
        await Promise.all([
          page.waitForURL(/municipality=285/),
          page.getByRole('button', { name: 'Näytä hankkeet' }).click(),
        ]);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('municipality'), '285');
        assert.equal(url.searchParams.get('fund'), 'ERDF');
        assert.equal(await page.locator('#results-heading').innerText(), 'Hankkeita: 1');
        assert.equal(await page.locator('#filter-municipality').inputValue(), '285');
        await expectNoAxeViolations(page, 'filtered project browser');

        await Promise.all([
          page.waitForURL(/\/projects\/KY-101\/$/),
          page.getByRole('link', { name: 'Satamalogistiikan digitalisointi' }).click(),
        ]);
        assert.equal(await page.locator('h1').innerText(), 'Satamalogistiikan digitalisointi');
        assert.match(await page.locator('main').innerText(), /100\s000,00\s€/);
        await expectNoAxeViolations(page, 'project page');

        await Promise.all([
          page.waitForURL(/uudistuva-elinkeinoelama\/$/),
          page.getByRole('link', { name: 'Elinkeinoelämän uudistaminen' }).click(),
        ]);
        assert.match(await page.locator('#projects-heading').innerText(), /Hankkeet/);
        await expectNoAxeViolations(page, 'priority page with projects');

        await page.goto(`${web.base}/fi/kymenlaakso/2022-2025/funding/`);
        assert.equal(await page.locator('svg[role="img"]').count(), 2);
        await expectNoAxeViolations(page, 'funding overview');

        await page.goto(`${web.base}/en/kymenlaakso/projects/?size=2&page=2`);
        assert.equal(await page.locator('.pagination a[aria-current="page"]').innerText(), '2');
        await expectNoAxeViolations(page, 'second page in English');
      } finally {
        await context.close();
      }
    });
  });
}
