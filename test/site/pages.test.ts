/**
 * Every page type of the public site in fi, sv and en over the seeded Kymenlaakso programme:
 * status, language, title, hreflang links and the key content of each page.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Lang } from '#src/domain/languages.ts';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { assertPage, FIRST_PRIORITY, PRIORITY, PROGRAMME, textOf, THEME } from './site-helpers.ts';

const PROGRAMME_TITLE: Record<Lang, string> = {
  fi: 'Kymenlaakson maakuntaohjelma 2022–2025',
  sv: 'Kymmenedalens landskapsprogram 2022–2025',
  en: 'Kymenlaakso Regional Programme 2022–2025',
};
const REGION_NAME: Record<Lang, string> = { fi: 'Kymenlaakso', sv: 'Kymmenedalen', en: 'Kymenlaakso' };
const DECISION_DATE: Record<Lang, string> = { fi: '19.12.2022', sv: '19.12.2022', en: '19 December 2022' };
const UNTRANSLATED = 'Texten har ännu inte översatts till svenska.';

for (const target of databaseTargets()) {
  describe(`public site pages (${target.name})`, () => {
    const site = useTestApp(target);

    for (const lang of ['fi', 'sv', 'en'] as const) {
      describe(`in ${lang}`, () => {
        test('front page lists the region and its programme', async () => {
          const html = assertPage(await site.get(`/${lang}/`), lang, '/');
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}"`), 'links the programme');
          assert.ok(html.includes(`href="/${lang}/kymenlaakso/"`), 'links the region');
          assert.ok(html.includes(`href="/${lang}/lappi/"`), 'lists every region, also those without a programme');
        });

        test('region front page: council, current programme, municipalities, contact link', async () => {
          const html = assertPage(await site.get(`/${lang}/kymenlaakso/`), lang, '/kymenlaakso/');
          assert.equal(textOf(html, 'title'), `${REGION_NAME[lang]} · Suunta`);
          assert.equal(textOf(html, 'h1'), REGION_NAME[lang]);
          assert.ok(
            html.includes(
              { fi: 'Kymenlaakson liitto', sv: 'Kymmenedalens förbund', en: 'Regional Council of Kymenlaakso' }[lang],
            ),
          );
          assert.ok(html.includes(PROGRAMME_TITLE[lang]));
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}"`));
          assert.ok(html.includes(`href="/${lang}/kymenlaakso/contact/"`));
          assert.ok(
            html.includes('Kouvola') && html.includes(lang === 'sv' ? 'Fredrikshamn' : 'Hamina'),
            'municipalities in the page language',
          );
          assert.ok(
            html.includes(
              lang === 'en'
                ? '<p>In 2040 Kymenlaakso'
                : '<p lang="fi">Vuonna 2040 Kymenlaakso'.replace(lang === 'fi' ? ' lang="fi"' : '', ''),
            ),
            'vision excerpt',
          );
        });

        test('programme page: vision, themes with priorities, taxonomies, version and decision', async () => {
          const html = assertPage(await site.get(`/${lang}${PROGRAMME}`), lang, PROGRAMME);
          assert.equal(textOf(html, 'title'), `${PROGRAMME_TITLE[lang]} · Suunta`);
          assert.equal(textOf(html, 'h1'), PROGRAMME_TITLE[lang]);
          assert.ok(html.includes(`href="/${lang}${THEME}"`), 'theme link');
          assert.ok(html.includes(`href="/${lang}${PRIORITY}"`), 'priority link');
          assert.ok(
            html.includes(`href="/${lang}${PROGRAMME}tags/crosscutting/sustainable-development/"`),
            'cross-cutting theme link',
          );
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}tags/spearheads/logistics/"`), 'spearhead link');
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}versions/"`), 'versions link');
          assert.ok(html.includes(`<time datetime="2022-12-19">${DECISION_DATE[lang]}</time>`), 'decision date');
          assert.ok(html.includes('2022–2025'));
          assert.ok(
            html.includes({ fi: 'Päivitys 2022', sv: 'Uppdatering 2022', en: 'Update 2022' }[lang]),
            'the version shown',
          );
          assert.ok(
            html.includes(
              lang === 'en' ? 'In 2040 Kymenlaakso is a vital region' : 'Vuonna 2040 Kymenlaakso on elinvoimainen',
            ),
            'vision',
          );
          assert.match(html, /<form class="search-form" role="search" method="get" action="[^"]+\/search">/);
          assert.match(html, /<label for="search-q">/);
        });

        test('theme page: breadcrumbs, title, summary and its priorities as links', async () => {
          const html = assertPage(await site.get(`/${lang}${THEME}`), lang, THEME);
          assert.equal(textOf(html, 'h1'), lang === 'en' ? 'Innovative Kymenlaakso' : 'Innovatiivinen Kymenlaakso');
          assert.ok(html.includes(`href="/${lang}${FIRST_PRIORITY}"`));
          assert.ok(html.includes(`href="/${lang}${PRIORITY}"`));
          assert.match(html, /<nav class="breadcrumbs" aria-label="[^"]+"><ol>/);
          assert.match(
            html,
            new RegExp(`<a href="/${lang}${THEME}"( lang="fi")? aria-current="page">`),
            'last crumb is the current page',
          );
          // Themes lead to the next theme, and the first one has no previous.
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}kestava-kymenlaakso/" rel="next"`));
          assert.ok(!html.includes('rel="prev"'));
        });

        test('priority page: title, breadcrumbs, body, measures, linked terms, previous and next', async () => {
          const html = assertPage(await site.get(`/${lang}${PRIORITY}`), lang, PRIORITY);
          const fiTitle = 'Älykkään erikoistumisen ja tutkimus-, kehittämis- ja innovaatiotoiminnan vauhdittaminen';
          const title =
            lang === 'en' ? 'Boosting smart specialisation and research, development and innovations' : fiTitle;
          assert.equal(textOf(html, 'h1'), title);
          assert.ok(textOf(html, 'title').startsWith(`${title} · ${PROGRAMME_TITLE[lang]}`));
          const crumbs =
            /<nav class="breadcrumbs"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '|') ?? '';
          assert.ok(html.includes(`<a href="/${lang}/">`), 'crumb to home');
          assert.ok(html.includes(`<a href="/${lang}${PROGRAMME}">`), 'crumb to programme');
          assert.match(html, new RegExp(`<a href="/${lang}${PRIORITY}"( lang="fi")? aria-current="page">`));
          const crumbTexts = crumbs.split('|').filter((x) => x.trim() !== '');
          assert.deepEqual(crumbTexts, [
            { fi: 'Etusivu', sv: 'Startsida', en: 'Home' }[lang],
            REGION_NAME[lang],
            PROGRAMME_TITLE[lang],
            lang === 'en' ? 'Innovative Kymenlaakso' : 'Innovatiivinen Kymenlaakso',
            title,
          ]);
          assert.ok(html.includes(`href="/${lang}${FIRST_PRIORITY}" rel="prev"`), 'previous priority');
          assert.ok(html.includes(`href="/${lang}${THEME}osaaminen-ja-koulutus/" rel="next"`), 'next priority');
          assert.ok(
            html.includes(`href="/${lang}${PROGRAMME}tags/spearheads/bio-circular-economy/"`),
            'linked spearhead',
          );
          assert.ok(
            html.includes(`href="/${lang}${PROGRAMME}tags/crosscutting/digitalisation/"`),
            'linked cross-cutting theme',
          );
          assert.ok(
            html.includes(lang === 'en' ? 'Embed an experimentation culture' : 'Kokeilukulttuurin juurruttaminen'),
            'measures listed',
          );
          assert.match(html, /<ul class="measure-list">/);
          if (lang === 'sv') {
            assert.ok(html.includes(`<h1 lang="fi">${fiTitle}</h1>`), 'Finnish title marked lang="fi"');
            assert.ok(html.includes(UNTRANSLATED), 'untranslated note');
            assert.match(html, /<div class="prose" lang="fi">/);
          } else {
            assert.ok(!html.includes('class="translation-note"'), 'no note where the text exists');
          }
        });

        test('measure page in reach from a priority that links it', async () => {
          const rest = `${FIRST_PRIORITY}rakennemuutos-ja-vihrea-siirtyma/`;
          const html = assertPage(await site.get(`/${lang}${rest}`), lang, rest);
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}tags/crosscutting/digitalisation/"`));
        });

        test('term page: description and the nodes that serve it', async () => {
          const rest = `${PROGRAMME}tags/spearheads/logistics/`;
          const html = assertPage(await site.get(`/${lang}${rest}`), lang, rest);
          assert.equal(
            textOf(html, 'h1'),
            { fi: 'Älykäs ja vihreä logistiikka', sv: 'Smart och grön logistik', en: 'Smart and green logistics' }[
              lang
            ],
          );
          assert.ok(html.includes(`href="/${lang}${FIRST_PRIORITY}"`), 'a priority serving the spearhead');
          assert.ok(
            html.includes(`href="/${lang}${PROGRAMME}kestava-kymenlaakso/saavutettavuus-ja-kestava-liikkuminen/"`),
          );
        });

        test('versions page: every version with status, decision and changelog', async () => {
          const rest = `${PROGRAMME}versions/`;
          const html = assertPage(await site.get(`/${lang}${rest}`), lang, rest);
          assert.ok(html.includes(`<time datetime="2022-12-19">${DECISION_DATE[lang]}</time>`));
          assert.ok(
            html.includes(
              `<time datetime="2021-11-29">${{ fi: '29.11.2021', sv: '29.11.2021', en: '29 November 2021' }[lang]}</time>`,
            ),
          );
          assert.ok(
            html.includes(
              {
                fi: 'Korvattu uudella versiolla',
                sv: 'Ersatt av en nyare version',
                en: 'Superseded by a newer version',
              }[lang],
            ),
          );
          assert.ok(
            html.includes({ fi: 'Voimassa oleva versio', sv: 'Gällande version', en: 'Current version' }[lang]),
          );
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}versions/1/"`), 'link to the older version');
          assert.ok(
            html.includes(
              lang === 'en' ? 'Updated after Russia’s invasion of Ukraine' : 'Ohjelma päivitettiin Venäjän',
            ),
            'changelog',
          );
        });

        test('an older version is shown with a clear banner and its own texts', async () => {
          const rest = `${PROGRAMME}versions/1/`;
          const html = assertPage(await site.get(`/${lang}${rest}`), lang, rest);
          assert.match(html, /<div class="banner" role="note">/);
          assert.ok(html.includes({ fi: 'aiempaa versiota', sv: 'tidigare version', en: 'earlier version' }[lang]));
          assert.ok(html.includes(`href="/${lang}${PROGRAMME}"`), 'link to the current version');
          // Version 1 still had the old title of the first priority.
          const v1 = await site.get(`/${lang}${rest}innovatiivinen-kymenlaakso/`);
          assertPage(v1, lang, `${rest}innovatiivinen-kymenlaakso/`);
          if (lang !== 'en') assert.ok(v1.body.includes('Uudistuva elinkeinoelämä'));
          assert.ok(
            v1.body.includes(`href="/${lang}${rest}innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/"`),
            'links stay in the version',
          );
        });

        test('the current version under versions/{n}/ redirects to the programme address', async () => {
          const res = await site.get(`/${lang}${PROGRAMME}versions/2/innovatiivinen-kymenlaakso/`);
          assert.equal(res.statusCode, 301);
          assert.equal(res.headers.location, `/${lang}${THEME}`);
        });

        test('contact page: council, business id, email, offices and programme contacts', async () => {
          const html = assertPage(await site.get(`/${lang}/kymenlaakso/contact/`), lang, '/kymenlaakso/contact/');
          for (const s of [
            '0206714-5',
            'mailto:virasto@kymenlaakso.fi',
            'PL 2, 45101 Kouvola',
            'Hovioikeudenkatu 6, 45100 Kouvola',
            'Laivurinkatu 7, 48100 Kotka',
            'Riitta Kallström',
          ]) {
            assert.ok(html.includes(s), s);
          }
          assert.ok(html.includes({ fi: 'Käyntiosoite', sv: 'Besöksadress', en: 'Visiting address' }[lang]));
          assert.ok(html.includes({ fi: 'maanantaisin', sv: 'måndagar', en: 'Mondays' }[lang]), 'opening hours');
        });

        test('accessibility statement: WCAG 2.1 AA, law 306/2019, feedback address, authority, known gaps', async () => {
          const html = assertPage(await site.get(`/${lang}/accessibility/`), lang, '/accessibility/');
          for (const s of ['WCAG 2.1', '306/2019', 'mailto:virasto@kymenlaakso.fi', 'Traficom'])
            assert.ok(html.includes(s), s);
          assert.ok(
            html.includes({ fi: 'ruotsiksi', sv: 'svenska', en: 'Swedish' }[lang]),
            'states the missing Swedish translations',
          );
        });

        test('search page without a query shows the form only', async () => {
          const rest = `${PROGRAMME}search`;
          const html = assertPage(await site.get(`/${lang}${rest}`), lang, rest);
          assert.match(html, /<input id="search-q" type="search" name="q" value=""/);
          assert.ok(!html.includes('class="results"'));
        });
      });
    }

    test('pages are lean: the priority page with its stylesheet stays under 30 KB', async () => {
      for (const lang of ['fi', 'sv', 'en']) {
        const html = await site.get(`/${lang}${PRIORITY}`);
        const css = await site.get('/assets/site.css');
        const total = Buffer.byteLength(html.body) + Buffer.byteLength(css.body);
        assert.ok(total <= 30 * 1024, `${lang}: ${total} bytes`);
      }
    });
  });
}
