/**
 * The public comparison page /{lang}/{region}/{programme}/versions/compare?from=&to= and its links
 * from the versions page: fi/sv/en, <ins>/<del> with spoken labels, summary and per-item sections,
 * 400/404 pages in the visitor's language, escaping, and the page cache — on every database.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MESSAGES } from '#src/i18n/index.ts';
import { importProgramme } from '#src/services/programmes/import-programme.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { all, attr, links } from '../support/html.ts';
import { V1_V2_COUNTS, V1_V2_ITEMS } from './kymenlaakso-changes.ts';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { assertPage, PROGRAMME, textOf } from '../site/site-helpers.ts';

const COMPARE = `${PROGRAMME}versions/compare`;
const REST = `${COMPARE}?from=1&to=2`;
const LANGS = ['fi', 'sv', 'en'] as const;

/** Every `<ins>`/`<del>` of the page with its spoken label and its text (tags inside removed, entities as sent). */
function marks(html: string): { tag: string; label: string; labelLang: string | null; text: string }[] {
  return all(html, 'ins, del').map((el) => {
    const label = el.querySelector('span.visually-hidden');
    return {
      tag: el.tagName.toLowerCase(),
      labelLang: label?.getAttribute('lang') ?? null,
      label: label?.rawText ?? '',
      text: el.rawText.slice(label?.rawText.length ?? 0),
    };
  });
}

/** The changed items of the page as `change:key` (the article's class and the id of its heading). */
function items(html: string): string[] {
  return all(html, 'article.diff-node').map((a) => {
    const change = a.classList.value.find((c) => c.startsWith('diff-node-'))!.slice('diff-node-'.length);
    return `${change}:${a.getAttribute('aria-labelledby')!.replace(/^diff-node-/, '')}`;
  });
}

for (const target of databaseTargets()) {
  describe(`comparison page of two versions (${target.name})`, () => {
    const site = useTestApp(target);

    for (const lang of LANGS) {
      test(`${lang}: a complete page with the summary, the changed texts and an item per change`, async () => {
        const m = MESSAGES[lang];
        const html = assertPage(await site.get(`/${lang}${REST}`), lang, REST);
        assert.equal(textOf(html, 'h1'), m['diff.title']);
        assert.match(html, /<p class="lead">[^<]*\(\w+ 1\) → [^<]*\(\w+ 2\)<\/p>/);
        // The summary: each count next to its label.
        for (const [k, n] of Object.entries(V1_V2_COUNTS))
          assert.ok(html.includes(`<dt>${m[`diff.count.${k}` as keyof typeof m]}</dt><dd>${n}</dd>`), `count ${k}`);
        // One article per changed item, headed by its title, in reading order of version 2.
        const changed = items(html);
        assert.deepEqual(changed, V1_V2_ITEMS);
        for (const id of changed.map((i) => i.split(':')[1]))
          assert.equal(all(html, `h3#diff-node-${id}`).length, 1, `heading of ${id}`);
        assert.equal(html.split(`>${m['diff.badge.added']}</span>`).length - 1, 3, 'three "added" badges');
        assert.equal(html.split(`>${m['diff.badge.retitled']}</span>`).length - 1, 2, 'two "new title" badges');
        // Headings of each text change name the field and the language.
        assert.ok(
          html.includes(
            `<h3>${m['diff.fieldInLang'].replace('{field}', m['diff.field.vision']).replace('{lang}', m['diff.lang.fi'])}</h3>`,
          ),
        );
        assert.ok(
          html.includes(
            `<h4>${m['diff.fieldInLang'].replace('{field}', m['diff.field.title']).replace('{lang}', m['diff.lang.fi'])}</h4>`,
          ),
        );
      });

      test(`${lang}: every insertion and deletion is <ins>/<del> with a spoken label in the page's language`, async () => {
        const m = MESSAGES[lang];
        const html = (await site.get(`/${lang}${REST}`)).body;
        const found = marks(html);
        const all = html.match(/<(ins|del)>/g) ?? [];
        assert.ok(found.length >= 30, `found ${found.length} marks`);
        assert.equal(found.length, all.length, 'every <ins>/<del> starts with its label');
        for (const x of found) {
          assert.equal(x.label, `${m[x.tag === 'ins' ? 'diff.ins' : 'diff.del']} `);
          // Inside a text in another language the label says which language it is in.
          assert.ok(x.labelLang === null || x.labelLang === lang);
        }
        // The retitle "Uudistuva elinkeinoelämä" → "Elinkeinoelämän uudistaminen", in a Finnish text block.
        const fiBlock = lang === 'fi' ? '<div class="diff-text">' : '<div class="diff-text" lang="fi">';
        const label = lang === 'fi' ? '' : ` lang="${lang}"`;
        assert.ok(
          html.includes(
            `${fiBlock}<del><span class="visually-hidden"${label}>${m['diff.del']} </span>Uudistuva ` +
              `elinkeinoelämä</del><ins><span class="visually-hidden"${label}>${m['diff.ins']} ` +
              `</span>Elinkeinoelämän uudistaminen</ins></div>`,
          ),
          'the retitle',
        );
        assert.ok(
          found.some((x) => x.tag === 'ins' && x.text === ' ja on sopeutunut muuttuneeseen turvallisuustilanteeseen'),
          'the vision insertion',
        );
        assert.ok(
          found.some((x) => x.tag === 'del' && x.text === ' for traffic to and from Russia'),
          'a deletion in an English title',
        );
        // The legend says how insertions and deletions are shown.
        assert.ok(html.includes(m['diff.legend']));
      });
    }

    test('the versions page links the comparison: a labelled GET form and "changes from the previous version"', async () => {
      for (const lang of LANGS) {
        const m = MESSAGES[lang];
        const html = assertPage(await site.get(`/${lang}${PROGRAMME}versions/`), lang, `${PROGRAMME}versions/`);
        assert.ok(
          html.includes(
            `<form class="compare-form" method="get" action="/${lang}${COMPARE}"><fieldset><legend>${m['diff.formLegend']}</legend>`,
          ),
        );
        assert.ok(
          html.includes(
            `<label for="compare-from">${m['diff.fromLabel']}</label><select id="compare-from" name="from">`,
          ),
        );
        assert.ok(
          html.includes(`<label for="compare-to">${m['diff.toLabel']}</label><select id="compare-to" name="to">`),
        );
        // Proposed: from the previous version to the current one.
        assert.match(
          html,
          /<select id="compare-from" name="from"><option value="1" selected>[^<]+<\/option><option value="2">/,
        );
        assert.match(
          html,
          /<select id="compare-to" name="to"><option value="1">[^<]+<\/option><option value="2" selected>/,
        );
        // Only version 2 has a previous version.
        const previous = links(html)
          .filter((a) => a.text === m['diff.fromPrevious'])
          .map((a) => a.href);
        assert.deepEqual(previous, [`/${lang}${COMPARE}?from=1&to=2`]);
      }
    });

    test('the same version twice shows "no differences"; the versions the other way round show removals', async () => {
      const same = assertPage(await site.get(`/sv${COMPARE}?from=2&to=2`), 'sv', `${COMPARE}?from=2&to=2`);
      assert.ok(same.includes(`<p class="diff-none">${MESSAGES.sv['diff.none']}</p>`));
      assert.doesNotMatch(same, /<ins>|<del>|<article/);
      const back = (await site.get(`/en${COMPARE}?from=2&to=1`)).body;
      const removed = items(back)
        .filter((i) => i.startsWith('removed:'))
        .map((i) => i.slice('removed:'.length));
      assert.deepEqual(removed, ['vaihtoehtoiset-logistiikkareitit', 'energiaomavaraisuus', 'ruokaturva']);
      // A removed item links to where it was, in version 1.
      assert.ok(
        back.includes(
          `<a href="/en${PROGRAMME}versions/1/kestava-kymenlaakso/saavutettavuus-ja-kestava-liikkuminen/">`,
        ),
      );
    });

    test('bad parameters give a 400 page, unknown versions and programmes a 404 page, in the visitor’s language', async () => {
      const cases = [
        { url: `/sv${COMPARE}?from=x&to=2`, status: 400, lang: 'sv' },
        { url: `/fi${COMPARE}?from=1`, status: 400, lang: 'fi' },
        { url: `/en${COMPARE}`, status: 400, lang: 'en' },
        { url: `/en${COMPARE}?from=1&from=2&to=2`, status: 400, lang: 'en' },
        { url: `/fi${COMPARE}?from=0&to=2`, status: 400, lang: 'fi' },
        { url: `/fi${COMPARE}?from=1.5&to=2`, status: 400, lang: 'fi' },
        { url: `/en${COMPARE}?from=1&to=9`, status: 404, lang: 'en' },
        { url: `/sv/kymenlaakso/1990-1993/versions/compare?from=1&to=2`, status: 404, lang: 'sv' },
        { url: `/fi${COMPARE}/extra?from=1&to=2`, status: 404, lang: 'fi' },
      ] as const;
      for (const c of cases) {
        const res = await site.get(c.url);
        assert.equal(res.statusCode, c.status, c.url);
        assert.match(res.body, new RegExp(`<html lang="${c.lang}">`), c.url);
        assert.equal(textOf(res.body, 'h1'), MESSAGES[c.lang][`error.${c.status}.title`], c.url);
      }
    });

    test('the page works without JavaScript: the form sends the two numbers to the page itself; the CSV link answers', async () => {
      const html = (await site.get(`/en${REST}`)).body;
      assert.doesNotMatch(html, /<script/i);
      // The form's action with its fields, as a browser would send it.
      const action = attr(html, 'form.compare-form[method="get"]', 'action')!;
      assert.equal((await site.get(`${action}?from=2&to=1`)).statusCode, 200);
      const csv = links(html).find((a) => a.href === '/api/v1/programmes/08-2022-2025/diff.csv?from=1&to=2');
      assert.ok(csv, 'a link to the CSV');
      const res = await site.get(csv.href);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    });

    test('cached with an ETag (304), and a changed version shows at once, escaped', async () => {
      const url = `/fi${REST}`;
      const first = await site.get(url);
      assert.equal(first.headers['cache-control'], 'no-cache');
      const etag = String(first.headers.etag);
      assert.equal((await site.get(url, { 'if-none-match': etag })).statusCode, 304);

      const file = await readProgrammeFile(
        join(site.ctx.config.contentDir, 'programmes', 'kymenlaakso-2022-2025.yaml'),
      );
      const priority = file.versions.find((v) => v.number === 2)!.nodes[0]!.children[0]!;
      priority.title = { ...priority.title, fi: 'Elinkeinoelämän <script>alert(1)</script> uudistaminen & kasvu' };
      await importProgramme(site.ctx.db, file);
      site.ctx.reader.invalidate();

      const changed = await site.get(url, { 'if-none-match': etag });
      assert.equal(changed.statusCode, 200);
      assert.doesNotMatch(changed.body, /<script/);
      assert.ok(
        changed.body.includes(
          '<del><span class="visually-hidden">poistettu: </span>Uudistuva ' +
            'elinkeinoelämä</del><ins><span class="visually-hidden">lisätty: </span>Elinkeinoelämän ' +
            '&lt;script>alert(1)&lt;/script> uudistaminen &amp; kasvu</ins>',
        ),
      );
    });

    test('a draft update against the approved version: exactly its edits, and the draft flagged', async () => {
      const file = await readProgrammeFile(
        join(site.ctx.config.contentDir, 'programmes', 'kymenlaakso-2022-2025.yaml'),
      );
      const draft = structuredClone(file.versions.find((v) => v.number === 2)!);
      Object.assign(draft, {
        number: 3,
        status: 'draft',
        decision: undefined,
        label: { fi: 'Päivitys 2024', sv: 'Uppdatering 2024', en: 'Update 2024' },
      });
      const [innovative, sustainable] = draft.nodes;
      // A Swedish title, a measure moved to another priority, a term link added.
      innovative!.children[1]!.title = { ...innovative!.children[1]!.title, sv: 'Smart specialisering och FoUI' };
      const matkailu = innovative!.children[0]!.children.pop()!;
      assert.equal(matkailu.key, 'matkailu');
      sustainable!.children[0]!.children.push(matkailu);
      innovative!.children[2]!.terms.push('spearheads/logistics');
      file.versions.push(draft);
      await importProgramme(site.ctx.db, file);
      site.ctx.reader.invalidate();

      const html = (await site.get(`/sv${COMPARE}?from=2&to=3`)).body;
      assert.deepEqual(items(html), [
        'changed:alykas-erikoistuminen-ja-tki',
        'changed:osaaminen-ja-koulutus',
        'changed:matkailu',
      ]);
      assert.ok(
        html.includes('<ins><span class="visually-hidden">tillagt: </span>Smart specialisering och FoUI</ins>'),
      );
      assert.ok(
        html.includes(
          MESSAGES.sv['diff.movedParent']
            .replace('{from}', 'Elinkeinoelämän uudistaminen')
            .replace('{to}', 'Maakunnan saavutettavuuden ja kestävän liikkumisen parantaminen'),
        ),
      );
      assert.ok(
        html.includes(
          `<h4>${MESSAGES.sv['diff.termsAdded']}</h4><ul><li><ins><span ` +
            `class="visually-hidden">tillagt: </span><span>Spetsområden för smart specialisering: ` +
            `Smart och grön logistik</span></ins></li></ul>`,
        ),
      );
      // The draft is flagged next to its name.
      assert.ok(
        html.includes(
          `<dt>${MESSAGES.sv['diff.toLabel']}</dt><dd><span>Uppdatering 2024 (version 3) ` +
            `</span><span class="status status-warning">${MESSAGES.sv['status.draft']}</span></dd>`,
        ),
      );
      assert.ok(
        html.includes(
          `<dt>${MESSAGES.sv['diff.fromLabel']}</dt><dd><span>Uppdatering 2022 (version 2) ` +
            `</span><span class="status">${MESSAGES.sv['status.approved']}</span></dd>`,
        ),
      );
      assert.deepEqual(
        marks(html).map((x) => `${x.tag} ${x.text}`),
        ['ins Smart specialisering och FoUI', 'ins Spetsområden för smart specialisering: Smart och grön logistik'],
      );
    });
  });
}
