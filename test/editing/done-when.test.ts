/**
 * Issue 3's "done when", end to end through the services: an editor takes the approved 2022
 * Kymenlaakso version, starts an update, edits it in three languages, approves it, and the
 * public diff shows exactly those changes — nothing more, nothing less.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { AppContext } from '#src/services/app-context.ts';
import { compareVersions } from '#src/services/compare-versions.ts';
import { nodeForEdit, programmeOverview } from '#src/services/programmes/editor-reader.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { DRAFT, EDITOR, PRIORITY, PROGRAMME, THEME } from './editing-fixture.ts';

for (const target of databaseTargets()) {
  describe(`update, edit in three languages, approve, diff (${target.name})`, () => {
    let ctx: AppContext;
    beforeEach(async () => {
      ctx = await openTestContext(target);
    });
    afterEach(async () => {
      await ctx?.close();
    });

    test('the diff of the approved update against version 2 lists exactly the edits made', async () => {
      await startUpdate(ctx, EDITOR, PROGRAMME);
      // Finnish title of a priority, a new Swedish summary of the same priority, the English body of a theme.
      const { node: priority } = await nodeForEdit(ctx.db.kysely, { ...DRAFT, key: PRIORITY });
      await updateNode(
        ctx,
        EDITOR,
        { ...DRAFT, key: PRIORITY },
        {
          revision: priority.revision,
          slug: priority.slug,
          texts: {
            ...priority.texts,
            title: { ...priority.texts.title, fi: 'Elinkeinoelämän uudistaminen ja matkailu' },
            summary: { ...priority.texts.summary, sv: 'Näringslivet förnyas och turismen utvecklas.' },
          },
        },
      );
      const { node: theme } = await nodeForEdit(ctx.db.kysely, { ...DRAFT, key: THEME });
      const newBody = `${theme.texts.body?.en ?? ''} Tourism grows.`.trim();
      await updateNode(
        ctx,
        EDITOR,
        { ...DRAFT, key: THEME },
        {
          revision: theme.revision,
          slug: theme.slug,
          texts: { ...theme.texts, body: { ...theme.texts.body, en: newBody } },
        },
      );

      const revision = (await programmeOverview(ctx.db.kysely, PROGRAMME)).versions.find(
        (v) => v.number === 3,
      )!.revision;
      const consulted = await transitionVersion(ctx, EDITOR, DRAFT, { revision, action: 'consult' });
      await transitionVersion(ctx, EDITOR, DRAFT, {
        revision: consulted.revision,
        action: 'approve',
        decision: { body: { fi: 'Kymenlaakson maakuntavaltuusto' }, date: '2026-12-14', reference: '§ 40' },
      });
      assert.equal(
        (await ctx.reader.programme('08', '2022-2025')).currentVersion,
        3,
        'the public site now shows version 3',
      );

      const { diff } = await compareVersions(ctx.reader, '08', '2022-2025', 2, 3);
      assert.deepEqual(diff.versionTexts, [], 'vision and summary untouched');
      const changes = diff.nodes.map((n) => ({
        key: n.key,
        kind: n.kind,
        moved: n.moved,
        retitled: n.retitled,
        texts: n.texts.map((t) => `${t.field}.${t.lang}`),
        terms: n.termsAdded.length + n.termsRemoved.length,
      }));
      assert.deepEqual(
        changes.sort((a, b) => a.key.localeCompare(b.key)),
        [
          { key: THEME, kind: 'changed', moved: null, retitled: false, texts: ['body.en'], terms: 0 },
          { key: PRIORITY, kind: 'changed', moved: null, retitled: true, texts: ['title.fi', 'summary.sv'], terms: 0 },
        ].sort((a, b) => a.key.localeCompare(b.key)),
      );
      const title = diff.nodes.find((n) => n.key === PRIORITY)!.texts.find((t) => t.field === 'title')!;
      assert.deepEqual(
        title.segments.filter((s) => s.type !== 'equal').map((s) => [s.type, s.text.trim()]),
        [['insert', 'ja matkailu']],
        'word-level: only the two added words are marked inserted',
      );
    });
  });
}
