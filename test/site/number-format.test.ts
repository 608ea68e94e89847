/**
 * Issue 12 point 7: every count and sum a visitor or editor reads is formatted for the page's
 * language — `2 880` in Finnish and Swedish (with the no-break space of src/i18n/format.ts),
 * `2,880` in English. The test renders the main public and admin pages of a region with the
 * shipped real projects plus 2 400 more (so counts and euro sums pass 1 000) and fails on any
 * visible digit run of four or more digits that is not a year, a date, a code, a URL or inside
 * `<code>`, and on thousands grouped with another language's separator. Also: the outcome of a
 * 1 500-row upload, and alignment scores with the language's decimal separator.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { formatNumber } from '#src/i18n/format.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, textContent, visibleTexts } from '../support/html.ts';
import { importProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';
import { importFinancingPlan } from '#src/services/financing-plan/import-financing-plan.ts';
import { useSignedInApp } from '../admin/admin-fixture.ts';
import { PROGRAMME, PRIORITY, THEME } from './site-helpers.ts';

/** The group separator the formatters use for Finnish and Swedish (U+00A0). */
const GROUP = formatNumber(1000, 'fi').replace(/\d/g, '');
const EXTRA_PROJECTS = 2400;

/**
 * What may hold four digits or more without grouping; each pattern matches the whole exempt token.
 * Kept small on purpose: years and year ranges, dates, codes (project codes such as A70301 or
 * KY-101, business ids such as 0206714-5), postal codes before a place name, phone numbers, URLs.
 */
const EXEMPT: readonly RegExp[] = [
  /https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+/g, // URLs and e-mail addresses
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b/g, // 29.11.2021
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?/g, // 2021-11-29 (and a time)
  /\b\d{7}-\d\b/g, // business id 0206714-5
  /\b(?:Windows|ISO)-\d+(?:-\d+)?\b/g, // character sets Windows-1252, ISO-8859-1
  /\b[A-ZÅÄÖ]{1,4}-?\d{3,}\b/g, // project codes A70301, KY-101, S20001
  /\b\d{5}(?= [A-ZÅÄÖ])/g, // postal code 45100 Kouvola
  /(?:\+358|\b0)\d{1,2}[ -]?\d{3}[ -]?\d{2,4}\b/g, // phone numbers 040 123 4567, +358 20 615 5000
  /\b(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?\b/g, // years 2021 and ranges 2022–2025
];

/** Why `text` is not formatted for `lang`, or null when it is. */
function problemIn(text: string, lang: Lang): string | null {
  let rest = text;
  for (const pattern of EXEMPT) rest = rest.replace(pattern, ' ');
  const bare = /\d{4,}/.exec(rest);
  if (bare) return `ungrouped number ${bare[0]}`;
  if (lang === 'en') {
    const wrong = new RegExp(`\\d{1,3}(?:[${GROUP} \u202f.]\\d{3})+(?!\\d)`).exec(rest);
    if (wrong && !/^\d{1,3}\.\d{3}$/.test(wrong[0])) return `grouped not with "," in English: ${wrong[0]}`;
  } else {
    const wrong = /(?<![\d.,])\d{1,3}(?:[,\u202f]\d{3})+(?![\d,.])/.exec(rest);
    if (wrong) return `grouped not with U+00A0 in ${lang}: ${wrong[0]}`;
    const spaced = /(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d,.])/.exec(rest);
    if (spaced) return `grouped with a plain space in ${lang}: ${spaced[0]}`;
  }
  return null;
}

/** Every visible text of `html` that is not locale-formatted, with where it is. */
function unformatted(html: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const { text, ancestors } of visibleTexts(html)) {
    // Code, machine-readable times, and the raw JSON of an audit event's before/after (<pre>).
    if (ancestors.some((a) => ['CODE', 'KBD', 'TIME', 'PRE'].includes(a.tagName))) continue;
    // Known gap: audit summaries are English text stored by the services when the event happens
    // ("Imported x.csv: 1400 added, …"); they are shown as recorded, not re-rendered per language.
    if (ancestors.some((a) => a.classList.contains('audit-summary'))) continue;
    const problem = problemIn(text, lang);
    if (problem)
      out.push(`${problem} in <${ancestors.at(-1)?.tagName.toLowerCase() ?? '?'}>: ${JSON.stringify(text.trim())}`);
  }
  return out;
}

/** How many visible numbers of 1 000 or more are grouped the way `lang` groups them. */
function groupedCount(html: string, lang: Lang): number {
  const sep = lang === 'en' ? ',' : GROUP;
  const re = new RegExp(`\\d{1,3}(?:${sep}\\d{3})+`, 'g');
  return visibleTexts(html).reduce((n, { text }) => n + (text.match(re)?.length ?? 0), 0);
}

/**
 * Adds EXTRA_PROJECTS projects to region 08, linked to two priorities and a term, each granted
 * 12 345,67 € and paid 6 789 €, and a financing plan of the current version: priority, term and funding
 * pages then count and sum past 1 000.
 */
async function seedManyProjects(ctx: AppContext): Promise<void> {
  const header = 'code;name_fi;status;primary_node;terms;fund;year;granted_eur;paid_eur';
  const rows = Array.from({ length: EXTRA_PROJECTS }, (_, i) => {
    const node = i % 2 === 0 ? 'uudistuva-elinkeinoelama' : 'alykas-erikoistuminen-ja-tki';
    const code = `NF-${String(i + 1).padStart(4, '0')}`;
    return `${code};Hanke ${code};running;${node};spearheads/logistics;EAKR;2023;12345,67;6789`;
  });
  await importProjects(ctx.db, new TextEncoder().encode([header, ...rows].join('\n') + '\n'), {
    file: 'many.csv',
    regionCode: '08',
    delimiter: ';',
    mapping: await readPreset(ctx.config.contentDir, 'suunta'),
  });
  // A financing plan of the current version with amounts past a million.
  const plan = [
    'node,fund,year,amount',
    'uudistuva-elinkeinoelama,ERDF,2023,1234567.89',
    'alykas-erikoistuminen-ja-tki,JTF,2024,2500000',
  ];
  await importFinancingPlan(ctx.db, new TextEncoder().encode(plan.join('\n') + '\n'), {
    file: 'plan.csv',
    regionCode: '08',
    programme: '2022-2025',
    version: 2,
  });
  ctx.reader.invalidate();
}

describe('problemIn (the checker itself)', () => {
  test('accepts formatted numbers, years, dates, codes and URLs; refuses bare and wrongly grouped ones', () => {
    assert.equal(problemIn(`Hankkeita: 2${GROUP}880`, 'fi'), null);
    assert.equal(problemIn('2,880 projects', 'en'), null);
    assert.equal(problemIn('Ohjelma 2022–2025, päätetty 29.11.2021 (2021-11-29)', 'fi'), null);
    assert.equal(problemIn('A70301 · KY-101 · Y-tunnus 0206714-5 · 45100 Kouvola', 'fi'), null);
    assert.equal(problemIn('https://www.kymenlaakso.fi/hanke/12345', 'fi'), null);
    assert.equal(problemIn('Hankkeita: 2880', 'fi'), 'ungrouped number 2880');
    assert.equal(problemIn('2880 projects', 'en'), 'ungrouped number 2880');
    assert.match(problemIn(`2${GROUP}880 projects`, 'en') ?? '', /English/);
    assert.match(problemIn('2,880 hanketta', 'fi') ?? '', /U\+00A0/);
    assert.match(problemIn('2 880 hanketta', 'fi') ?? '', /plain space/);
    assert.equal(problemIn('1,5 milj. €', 'fi'), null);
  });
});

for (const target of databaseTargets()) {
  describe(`numbers are formatted per locale on every page (${target.name})`, () => {
    const web = useSignedInApp(
      target,
      { editor: { email: 'luvut@example.fi', role: 'admin' } },
      { seedProjects: true, prepare: seedManyProjects },
    );
    const editor = web.as.editor;
    let projectPage = '';
    let termPage = '';

    before(async () => {
      // A real project with euro sums and a term page, found from the pages themselves.
      const browser = (await web.app.inject({ url: '/fi/kymenlaakso/projects/' })).body;
      const links = all(browser, 'a').map((a) => a.getAttribute('href') ?? '');
      projectPage = links.find((h) => /^\/fi\/kymenlaakso\/projects\/A\d+\/$/.test(h))?.slice(3) ?? '';
      const programme = (await web.app.inject({ url: `/fi${PROGRAMME}` })).body;
      const hrefs = all(programme, 'a').map((a) => a.getAttribute('href') ?? '');
      termPage = hrefs.find((h) => h.includes(`${PROGRAMME}tags/`))?.slice(3) ?? '';
    });

    const publicPages = (): string[] => [
      '/',
      '/kymenlaakso/',
      '/kymenlaakso/contact/',
      '/kymenlaakso/projects/',
      '/kymenlaakso/projects/?page=2',
      '/kymenlaakso/projects/?size=1&page=1200', // page numbers past 1 000 in the pagination
      projectPage,
      `${PROGRAMME}funding/`,
      PROGRAMME,
      THEME,
      PRIORITY,
      termPage,
      `${PROGRAMME}search?q=kehitt%C3%A4minen`,
      `${PROGRAMME}versions/`,
      `${PROGRAMME}versions/1/`,
      `${PROGRAMME}versions/compare?from=1&to=2`,
    ];

    for (const lang of LANGS) {
      test(`public pages in ${lang}`, async () => {
        assert.ok(projectPage && termPage, `a project page (${projectPage}) and a term page (${termPage}) were found`);
        const problems: string[] = [];
        let grouped = 0;
        for (const rest of publicPages()) {
          const res = await web.app.inject({ url: `/${lang}${rest}` });
          assert.equal(res.statusCode, 200, `/${lang}${rest}`);
          problems.push(...unformatted(res.body, lang).map((p) => `/${lang}${rest}: ${p}`));
          grouped += groupedCount(res.body, lang);
        }
        assert.deepEqual(problems, []);
        assert.ok(grouped >= 10, `numbers of 1 000 or more are shown grouped for ${lang} (${grouped})`);
      });

      test(`admin pages in ${lang}`, async () => {
        const R = '/admin/regions/08';
        const pages = [
          '/admin',
          '/admin/programmes',
          `${R}/programmes/2022-2025`,
          `${R}/programmes/2022-2025/align`,
          `${R}/programmes/2022-2025/versions/2`,
          `${R}/programmes/2022-2025/versions/2/financing-plan`,
          '/admin/audit',
          '/admin/account',
          '/admin/users',
          `${R}/council`,
          `${R}/programmes/2022-2025/terms`,
          `${R}/programmes/2022-2025/versions/2/nodes/uudistuva-elinkeinoelama`,
          `${R}/projects/import`,
        ];
        const problems: string[] = [];
        for (const url of pages) {
          const res = await editor.get(`${url}?lang=${lang}`);
          assert.equal(res.statusCode, 200, url);
          problems.push(...unformatted(res.body, lang).map((p) => `${url}: ${p}`));
        }
        assert.deepEqual(problems, []);
      });

      test(`alignment proposals in ${lang}: rank and score with the language's decimal separator`, async () => {
        const url = '/admin/regions/08/programmes/2022-2025/align';
        await editor.get(`${url}?lang=${lang}`);
        const res = await editor.post(`${url}?lang=${lang}`, {
          text: 'Satamien logistiikka, yritysten kasvu ja tutkimus-, kehitys- ja innovaatiotoiminta.',
          lang: 'fi',
        });
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assert.deepEqual(unformatted(res.body, lang), []);
        const scores = all(res.body, 'td')
          .map((td) => textContent(td))
          .filter((text) => /^\d+[.,]\d{2}$/.test(text));
        assert.ok(scores.length > 0, 'the proposals show scores');
        for (const score of scores) assert.match(score, lang === 'en' ? /^\d+\.\d{2}$/ : /^\d+,\d{2}$/, score);
      });

      test(`the outcome of a large project upload in ${lang}: counts and row numbers past 1 000`, async () => {
        const url = '/admin/regions/08/projects/import';
        await editor.get(`${url}?lang=${lang}`);
        // 1 500 rows; those after row 1 400 lack a status and are skipped.
        const rows = Array.from(
          { length: 1500 },
          (_, i) => `UP-${i + 1};Hanke UP-${i + 1};${i >= 1400 ? '' : 'running'}`,
        );
        const csv = ['code;name_fi;status', ...rows].join('\n') + '\n';
        const boundary = '----suunta-number-format';
        const part = (name: string, value: string): string =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
        const payload =
          part('_csrf', editor.csrf) +
          part('preset', 'suunta') +
          part('encoding', '') +
          part('skipInvalid', 'on') +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="paljon.csv"\r\n` +
          `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
        const res = await web.app.inject({
          method: 'POST',
          url: `${url}?lang=${lang}`,
          headers: { cookie: editor.jar.header(), 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        });
        assert.equal(res.statusCode, 200, res.body.slice(0, 500));
        assert.deepEqual(unformatted(res.body, lang), []);
        assert.ok(groupedCount(res.body, lang) >= 3, `counts and row numbers of 1 000 or more grouped for ${lang}`);
      });
    }
  });
}
