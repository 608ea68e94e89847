/**
 * The editor in Debian's Chromium (its pages carry no script): sign in, start an update,
 * change a priority's Swedish title, send the draft to consultation, approve it, and see it on the
 * public site and in the comparison of the versions; every editor page visited on the way has zero
 * axe-core WCAG 2.1 A/AA violations, in Finnish and in Swedish.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUser, type TestUser } from '../admin/admin-fixture.ts';
import { SKIP_WITHOUT_CHROMIUM, expectNoAxeViolations, useBrowserApp, signInInBrowser } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { MEASURE, PRIORITY, THEME } from './editing-fixture.ts';

const BASE = '/admin/regions/08/programmes/2022-2025';

// Storage is covered on every database by the HTTP and service tests; one target is enough here.
const target = databaseTargets()[0]!;

describe('the programme editor in a browser with axe-core', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let editor: TestUser;

  const web = useBrowserApp(target, async (ctx) => {
    editor = await createUser(ctx, { email: 'browser-editor@example.fi', role: 'editor', region: '08' });
  });

  test('sign in, update, change a Swedish title, consult, approve, see it public and in the diff', async () => {
    const context = await web.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    try {
      await signInInBrowser(page, web.base, editor);

      await page.goto(`${web.base}${BASE}`);
      await expectNoAxeViolations(page, 'programme overview');
      await Promise.all([
        page.waitForURL(/\/versions\/3\?done=update-started/),
        page.getByRole('button', { name: 'Aloita päivitys' }).click(),
      ]);
      await expectNoAxeViolations(page, 'draft version with its tree');

      await Promise.all([
        page.waitForURL(new RegExp(`/nodes/${PRIORITY}$`)),
        page.locator(`#node-${PRIORITY}`).click(),
      ]);
      await expectNoAxeViolations(page, 'node edit page');
      await page.locator('#field-title-sv').fill('Förnyelse av näringslivet');
      await Promise.all([page.waitForURL(/\?done=saved$/), page.getByRole('button', { name: 'Tallenna' }).click()]);
      assert.equal(await page.locator('#field-title-sv').inputValue(), 'Förnyelse av näringslivet');

      // The other editor pages on the way, in Finnish and Swedish.
      for (const [path, label] of [
        [`${BASE}/versions/3/nodes/new?parent=${PRIORITY}`, 'add a measure'],
        [`${BASE}/versions/3/nodes/${MEASURE}/delete`, 'delete confirmation'],
        [`${BASE}/versions/3/nodes/${THEME}`, 'theme edit page'],
        [`${BASE}/terms`, 'terms'],
        [`${BASE}/terms/crosscutting/digitalisation`, 'term edit page'],
        ['/admin/regions/08/council', 'offices and contacts'],
        ['/admin/programmes', 'programme list'],
        [`${BASE}/versions/2`, 'approved version, read-only'],
      ] as const) {
        for (const lang of ['fi', 'sv']) {
          await page.goto(`${web.base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          await expectNoAxeViolations(page, `${label} (${lang})`);
        }
      }
      await page.goto(`${web.base}${BASE}?lang=fi`);
      await Promise.all([
        page.waitForURL(/\?done=consult$/),
        page.getByRole('button', { name: 'Lähetä versio 3 lausunnolle' }).click(),
      ]);
      await expectNoAxeViolations(page, 'overview with the approval form');
      await page.locator('#field-decisionBody-fi').fill('Kymenlaakson maakuntavaltuusto');
      await page.locator('#field-decisionDate').fill('2026-12-14');
      await page.locator('#field-decisionReference').fill('§ 40');
      await Promise.all([
        page.waitForURL(/\?done=approve$/),
        page.getByRole('button', { name: 'Hyväksy versio 3' }).click(),
      ]);

      await page.goto(`${web.base}/sv/kymenlaakso/2022-2025/${THEME}/${PRIORITY}/`);
      assert.equal((await page.locator('h1').textContent())?.trim(), 'Förnyelse av näringslivet');
      await page.goto(`${web.base}/sv/kymenlaakso/2022-2025/versions/compare?from=2&to=3`);
      assert.equal((await page.request.get(page.url())).status(), 200);
      assert.match((await page.locator('main').textContent()) ?? '', /Förnyelse av näringslivet/);
    } finally {
      await context.close();
    }
  });

  test('the conflict page of two editors is accessible too', async () => {
    const other = await createUser(web.ctx, { email: 'browser-other@example.fi', role: 'editor', region: '08' });
    const contexts = await Promise.all([web.browser.newContext(), web.browser.newContext()]);
    try {
      const pages = await Promise.all(contexts.map((c) => c.newPage()));
      for (const p of pages) p.setDefaultTimeout(8000);
      for (const [page, user] of [
        [pages[0]!, editor],
        [pages[1]!, other],
      ] as const) {
        await signInInBrowser(page, web.base, user);
      }
      await pages[0]!.goto(`${web.base}${BASE}`);
      await Promise.all([
        pages[0]!.waitForURL(/\/versions\/4/),
        pages[0]!.getByRole('button', { name: 'Aloita päivitys' }).click(),
      ]);
      const url = `${web.base}${BASE}/versions/4/nodes/${MEASURE}`;
      await Promise.all(pages.map((p) => p.goto(url)));
      await pages[0]!.locator('#field-title-fi').fill('Ensimmäinen');
      await Promise.all([
        pages[0]!.waitForURL(/done=saved/),
        pages[0]!.getByRole('button', { name: 'Tallenna' }).click(),
      ]);
      await pages[1]!.locator('#field-title-fi').fill('Toinen');
      const [response] = await Promise.all([
        pages[1]!.waitForResponse((r) => r.request().method() === 'POST'),
        pages[1]!.getByRole('button', { name: 'Tallenna' }).click(),
      ]);
      assert.equal(response.status(), 409);
      await pages[1]!.waitForLoadState();
      assert.match((await pages[1]!.locator('.conflict').textContent()) ?? '', /Ensimmäinen[\s\S]*Toinen/);
      await expectNoAxeViolations(pages[1]!, 'conflict page');
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
