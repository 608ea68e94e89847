/**
 * XSS: a corpus of payloads is saved into every text field an editor can write (node title,
 * short title, summary and body in every language; version label, vision, summary and changelog;
 * programme title; term title, short title and description; office and contact fields) and every
 * public and admin page that shows them must stay inert: no script-like element, no on…=
 * attribute, no javascript: URL. Bodies are refused by the editor's check when they hold HTML or
 * script links, so for those the payload is written straight into the database (as an import or
 * an older version could have stored it) and must still render inert.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml } from '@kitajs/html';
import { FieldErrors } from '#src/domain/edit-errors.ts';
import { LANGS, type LocalizedText } from '#src/domain/languages.ts';
import { markdownProblems } from '#src/domain/markdown-subset.ts';
import { updateContact, updateOffice } from '#src/services/programmes/council-edits.ts';
import {
  councilForEdit,
  nodeForEdit,
  programmeOverview,
  termsForEdit,
} from '#src/services/programmes/editor-reader.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { updateProgramme } from '#src/services/programmes/programme-edits.ts';
import { updateTerm } from '#src/services/programmes/term-edits.ts';
import { updateVersionTexts } from '#src/services/programmes/version-edits.ts';
import { useSignedInApp } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { DRAFT, EDITOR, PRIORITY, PROGRAMME, startDraft, THEME } from './editing-fixture.ts';
import { scriptHazards } from './html-scan.ts';

export const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<svg/onload=alert(1)>',
  '[klikkaa](javascript:alert(1))',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">linkki</a>',
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript:alert(1)',
  '<scr<script>ipt>alert(1)</script>',
  '<body onload=alert(1)>',
];

const all = (text: string): LocalizedText => ({ fi: text, sv: text, en: text });
const json = (text: string): string => JSON.stringify(all(text));

describe('the HTML scanner of the XSS test finds what it must', () => {
  test('raw payloads are hazards; escaped ones are not', () => {
    assert.deepEqual(scriptHazards('<p>&lt;script>alert(1)&lt;/script></p><a href="/fi/">x</a>'), []);
    assert.deepEqual(
      scriptHazards('<meta name="description" content="&#34;><img src=x onerror=alert(1)>"/>'),
      [],
      'inside a quoted attribute it is text',
    );
    assert.deepEqual(
      scriptHazards('<textarea>&lt;/textarea><script>alert(1)</script></textarea>'),
      [],
      'RCDATA is text',
    );
    assert.ok(scriptHazards('<p><script>alert(1)</script></p>').includes('<script> element'));
    assert.ok(scriptHazards('<p>"><img src=x onerror=alert(1)></p>').some((p) => p.startsWith('onerror=')));
    assert.ok(scriptHazards('<svg/onload=alert(1)>').length > 0);
    assert.ok(scriptHazards('<a href="&#106;avascript:alert(1)">x</a>').some((p) => p.startsWith('href=')));
    assert.ok(scriptHazards('<a href=" javascript:alert(1)">x</a>').length > 0);
  });
});

for (const target of databaseTargets()) {
  describe(`XSS payloads in every editable text render inert (${target.name})`, () => {
    const web = useSignedInApp(target, { editor: { email: 'xss-editor@example.fi' } }, { prepare: startDraft });
    const editor = web.as.editor;

    /** Saves `p` into every field through the editing services (raw into the database where the services refuse it). */
    async function saveEverywhere(p: string): Promise<void> {
      const db = web.ctx.db.kysely;
      const refused = markdownProblems(p).length > 0;
      const node = (await nodeForEdit(db, { ...DRAFT, key: PRIORITY })).node;
      const nodeInput = {
        revision: node.revision,
        slug: node.slug,
        texts: {
          title: all(`Kalastuspaikka ${p}`),
          shortTitle: all(p),
          summary: all(`Kalastuspaikka ${p}`),
          body: all(p),
        },
      };
      if (refused) {
        await assert.rejects(
          updateNode(web.ctx, EDITOR, { ...DRAFT, key: PRIORITY }, nodeInput),
          (e: unknown) =>
            e instanceof FieldErrors && 'body.fi' in e.fields && 'body.sv' in e.fields && 'body.en' in e.fields,
        );
        await updateNode(
          web.ctx,
          EDITOR,
          { ...DRAFT, key: PRIORITY },
          { ...nodeInput, texts: { ...nodeInput.texts, body: all('Turvallinen teksti') } },
        );
        await db
          .updateTable('nodes')
          .set({ body: json(p) })
          .where('key', 'in', [PRIORITY, THEME])
          .execute();
      } else {
        await updateNode(web.ctx, EDITOR, { ...DRAFT, key: PRIORITY }, nodeInput);
      }
      const version = (await programmeOverview(db, PROGRAMME)).versions.find((v) => v.number === 3)!;
      const versionInput = {
        revision: version.revision,
        texts: { label: all(p), vision: all(p), summary: all(p), changelog: all(p) },
      };
      if (refused) {
        await assert.rejects(updateVersionTexts(web.ctx, EDITOR, DRAFT, versionInput), FieldErrors);
        await updateVersionTexts(web.ctx, EDITOR, DRAFT, {
          ...versionInput,
          texts: { label: all(p), vision: null, summary: null, changelog: null },
        });
        await db
          .updateTable('versions')
          .set({ vision: json(p), summary: json(p), changelog: json(p) })
          .execute();
      } else {
        await updateVersionTexts(web.ctx, EDITOR, DRAFT, versionInput);
      }
      const programme = (await programmeOverview(db, PROGRAMME)).programme;
      await updateProgramme(web.ctx, EDITOR, PROGRAMME, {
        revision: programme.revision,
        title: all(`Ohjelma ${p}`),
        periodStart: programme.periodStart,
        periodEnd: programme.periodEnd,
        levels: Object.fromEntries(
          programme.levels.map((l) => [l.key, { name: all(`${l.key} ${p}`), namePlural: all(`${l.key}s ${p}`) }]),
        ),
      });
      const term = (await termsForEdit(db, PROGRAMME)).taxonomies
        .find((t) => t.key === 'crosscutting')!
        .terms.find((t) => t.key === 'digitalisation')!;
      const termRef = { ...PROGRAMME, taxonomy: 'crosscutting', key: 'digitalisation' };
      if (refused) {
        await assert.rejects(
          updateTerm(web.ctx, EDITOR, termRef, {
            revision: term.revision,
            texts: { title: all(p), shortTitle: all(p), description: all(p) },
          }),
          FieldErrors,
        );
        await updateTerm(web.ctx, EDITOR, termRef, {
          revision: term.revision,
          texts: { title: all(p), shortTitle: all(p), description: null },
        });
        await db
          .updateTable('terms')
          .set({ description: json(p) })
          .where('key', '=', 'digitalisation')
          .execute();
      } else {
        await updateTerm(web.ctx, EDITOR, termRef, {
          revision: term.revision,
          texts: { title: all(p), shortTitle: all(p), description: all(p) },
        });
      }
      const council = await councilForEdit(db, '08');
      const office = council.offices[0]!;
      await updateOffice(web.ctx, EDITOR, '08', office.id, {
        revision: office.revision,
        kind: office.kind,
        name: all(p),
        hours: all(p),
        postalAddress: p,
        visitingAddress: p,
        phone: office.phone,
        email: office.email,
      });
      const contact = council.contacts[0]!;
      await updateContact(web.ctx, EDITOR, '08', contact.id, {
        revision: contact.revision,
        name: p,
        role: all(p),
        topic: all(p),
        phone: contact.phone,
        email: contact.email,
      });
      web.ctx.reader.invalidate();
    }

    function assertInert(html: string, where: string, p: string): void {
      assert.deepEqual(scriptHazards(html), [], `${where}: must be inert`);
      assert.ok(
        html.includes(escapeHtml(p)) || html.includes(p.replace(/</g, '&lt;')),
        `${where}: the payload is on the page (escaped), so the check saw it`,
      );
    }

    for (const [i, p] of PAYLOADS.entries()) {
      test(`payload ${i + 1}: ${p}`, async () => {
        await saveEverywhere(p);
        const v3 = '/kymenlaakso/2022-2025/versions/3';
        const publicPages = [
          '/',
          '/kymenlaakso/',
          '/kymenlaakso/2022-2025/',
          `${v3}/`,
          `${v3}/${THEME}/`,
          `${v3}/${THEME}/${PRIORITY}/`,
          `${v3}/tags/crosscutting/digitalisation/`,
          '/kymenlaakso/2022-2025/versions/',
          '/kymenlaakso/contact/',
          `${v3}/search?q=kalastuspaikka`,
        ];
        for (const lang of LANGS) {
          for (const page of publicPages) {
            const res = await web.app.inject({ url: `/${lang}${page}` });
            assert.equal(res.statusCode, 200, `/${lang}${page}`);
            assertInert(res.body, `/${lang}${page}`, p);
          }
          // The query itself is reflected on the search page.
          const search = await web.app.inject({ url: `/${lang}${v3}/search?q=${encodeURIComponent(p)}` });
          assert.equal(search.statusCode, 200);
          assert.deepEqual(scriptHazards(search.body), [], `search for ${p}`);
        }

        const base = '/admin/regions/08/programmes/2022-2025';
        const council = await councilForEdit(web.ctx.db.kysely, '08');
        const adminPages = [
          '/admin',
          '/admin/programmes',
          base,
          `${base}/versions/3`,
          `${base}/versions/2`,
          `${base}/versions/3/nodes/${PRIORITY}`,
          `${base}/versions/3/nodes/new?parent=${PRIORITY}`,
          `${base}/versions/3/nodes/${PRIORITY}/delete`,
          `${base}/terms`,
          `${base}/terms/crosscutting/digitalisation`,
          `${base}/terms/crosscutting/digitalisation/delete`,
          '/admin/regions/08/council',
          `/admin/regions/08/council/offices/${council.offices[0]!.id}`,
          `/admin/regions/08/council/contacts/${council.contacts[0]!.id}`,
          `/admin/regions/08/council/offices/${council.offices[0]!.id}/delete`,
        ];
        for (const lang of LANGS) {
          for (const page of adminPages) {
            const res = await editor.get(`${page}${page.includes('?') ? '&' : '?'}lang=${lang}`);
            assert.equal(res.statusCode, 200, page);
            assertInert(res.body, `${page} (${lang})`, p);
          }
        }

        // A form sent back with the payload as input: 400 (field errors) and 409 (conflict) pages.
        const url = `${base}/versions/3/nodes/${PRIORITY}`;
        const invalid = await editor.post(url, {
          revision: '1',
          slug: 'search',
          'title.fi': p,
          'body.fi': p,
          'summary.sv': p,
        });
        assert.ok([400, 409].includes(invalid.statusCode), `re-shown form: ${invalid.statusCode}`);
        assertInert(invalid.body, 're-shown node form', p);
        const stale = await editor.post(`${base}/versions/3`, { revision: '1', 'label.fi': p, 'vision.fi': p });
        assert.equal(stale.statusCode, 409);
        assertInert(stale.body, 'version texts conflict', p);
      });
    }
  });
}
