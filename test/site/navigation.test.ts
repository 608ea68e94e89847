/**
 * The region menu (issue 12, point 6): every page of a region, in fi/sv/en, has the project browser
 * and (when the region has a programme) the funding overview and the monitoring (issue 8) in its main navigation, as plain
 * links a keyboard reaches (an `<a href>` without a negative tabindex); the page the visitor is on
 * is marked `aria-current="page"`; the region page links both from its body too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { MESSAGES } from '#src/i18n/index.ts';
import { openApi, type ApiFixture } from '../api/api-fixture.ts';
import { seedProjects } from '../projects-site/support.ts';
import { databaseTargets } from '../support/databases.ts';
import type { HTMLElement } from 'node-html-parser';
import { all, textContent } from '../support/html.ts';
import { PRIORITY, PROGRAMME, THEME } from './site-helpers.ts';

const PROJECTS = '/kymenlaakso/projects/';
const FUNDING = '/kymenlaakso/2022-2025/funding/';
const MONITORING = '/kymenlaakso/2022-2025/monitoring/';

/** Every kind of page of a region with a programme, and the menu item it marks as current. */
const KYMENLAAKSO_PAGES: [string, 'projects' | 'funding' | 'monitoring' | null][] = [
  ['/kymenlaakso/', null],
  [PROGRAMME, null],
  [THEME, null],
  [PRIORITY, null],
  [`${PROGRAMME}tags/spearheads/logistics/`, null],
  [`${PROGRAMME}search?q=logistiikka`, null],
  [`${PROGRAMME}versions/`, null],
  [`${PROGRAMME}versions/compare?from=1&to=2`, null],
  [`${PROGRAMME}versions/1/`, null],
  ['/kymenlaakso/contact/', null],
  [PROJECTS, 'projects'],
  [`${PROJECTS}KY-101/`, null],
  [FUNDING, 'funding'],
  [MONITORING, 'monitoring'],
  [`${MONITORING}vaesto/`, null],
  [`${MONITORING}vaesto/municipalities/`, null],
];

/** The links of the page's main navigation (`<nav class="main-nav">`). */
function mainNavLinks(html: string, url: string): HTMLElement[] {
  const navs = all(html, 'nav[class="main-nav"]');
  assert.equal(navs.length, 1, `${url}: one main navigation`);
  return all(navs[0]!, 'a');
}

function assertKeyboardLink(link: HTMLElement, what: string): void {
  assert.ok(link.getAttribute('href'), `${what}: has an href`);
  const tabindex = link.getAttribute('tabindex');
  assert.ok(tabindex === undefined || Number(tabindex) >= 0, `${what}: reachable by keyboard`);
}

function linkTo(links: HTMLElement[], href: string): HTMLElement | undefined {
  return links.find((a) => a.getAttribute('href') === href);
}

for (const target of databaseTargets()) {
  describe(`region navigation (${target.name})`, () => {
    let api: ApiFixture;
    before(async () => {
      api = await openApi(target);
      await seedProjects(api.ctx);
    });
    after(async () => {
      await api.close();
    });

    test('every page of Kymenlaakso has the project browser, the funding overview and the monitoring in its menu', async () => {
      for (const lang of LANGS) {
        for (const [rest, current] of KYMENLAAKSO_PAGES) {
          const url = `/${lang}${rest}`;
          const res = await api.get(url);
          assert.equal(res.status, 200, url);
          const links = mainNavLinks(res.body, url);
          for (const [href, label, place] of [
            [`/${lang}${PROJECTS}`, MESSAGES[lang]['nav.projects'], 'projects'],
            [`/${lang}${FUNDING}`, MESSAGES[lang]['nav.funding'], 'funding'],
            [`/${lang}${MONITORING}`, MESSAGES[lang]['monitoringPages.nav'], 'monitoring'],
          ] as const) {
            const link = linkTo(links, href);
            assert.ok(link, `${url}: the menu links ${href}`);
            assert.equal(textContent(link), label, `${url}: label of ${href}`);
            assertKeyboardLink(link, `${url} ${href}`);
            assert.equal(link.getAttribute('aria-current'), current === place ? 'page' : undefined, `${url}: current`);
          }
          assert.ok(
            links.filter((a) => a.getAttribute('aria-current') === 'page').length <= 1,
            `${url}: at most one current item`,
          );
        }
      }
    });

    test('the region page links the project browser and the funding overview from its body', async () => {
      for (const lang of LANGS) {
        const html = (await api.get(`/${lang}/kymenlaakso/`)).body;
        const links = all(html, 'main a');
        const browser = linkTo(links, `/${lang}${PROJECTS}`);
        const funding = linkTo(links, `/${lang}${FUNDING}`);
        assert.ok(browser && funding, `${lang}: both linked from the region page`);
        assert.equal(textContent(browser), MESSAGES[lang]['region.projectsLink']);
        assert.equal(textContent(funding), MESSAGES[lang]['funding.link']);
      }
    });

    test('every region page has the project browser in its menu (the funding overview when it has a programme)', async () => {
      const regions = all((await api.get('/fi/')).body, 'a')
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => /^\/fi\/[a-z-]+\/$/.test(href) && href !== '/fi/accessibility/')
        .map((href) => href.slice(4, -1));
      assert.ok(regions.length >= 18, `regions listed: ${regions.length}`);
      for (const region of regions) {
        for (const lang of LANGS as readonly Lang[]) {
          const html = (await api.get(`/${lang}/${region}/`)).body;
          const links = mainNavLinks(html, `/${lang}/${region}/`);
          const browser = linkTo(links, `/${lang}/${region}/projects/`);
          assert.ok(browser, `${lang}/${region}: the menu links the project browser`);
          assertKeyboardLink(browser, `${lang}/${region}`);
          const programme = links.find((a) => textContent(a) === MESSAGES[lang]['nav.programme']);
          const funding = links.find((a) => /\/funding\/$/.test(a.getAttribute('href') ?? ''));
          assert.equal(funding !== undefined, programme !== undefined, `${lang}/${region}: funding iff a programme`);
          if (programme && funding)
            assert.equal(
              funding.getAttribute('href'),
              `${programme.getAttribute('href')}funding/`,
              `${lang}/${region}: funding`,
            );
        }
      }
    });
  });
}
