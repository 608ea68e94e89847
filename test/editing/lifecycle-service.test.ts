/**
 * The version lifecycle through the services: start an update (copies keys, texts, term links
 * and translation status), send to consultation, reopen, approve (supersedes the old approved
 * version, in one transaction with its audit events), and no edits of anything but a draft.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { AppError } from '#src/domain/errors.ts';
import { flattenTree } from '#src/domain/tree.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { programmeOverview, versionForEdit } from '#src/services/programmes/editor-reader.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { addNode, deleteNode, moveNode } from '#src/services/programmes/node-structure.ts';
import { startUpdate, transitionVersion, updateVersionTexts } from '#src/services/programmes/version-edits.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { listFinancingPlan, replaceFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { auditActions, DRAFT, EDITOR, PRIORITY, PROGRAMME, startDraft } from './editing-fixture.ts';

const DECISION = {
  body: { fi: 'Kymenlaakson maakuntavaltuusto', sv: 'Kymmenedalens landskapsfullmäktige' },
  date: '2026-06-15',
  reference: '§ 31',
};

async function revisionOf(ctx: AppContext, number: number): Promise<number> {
  return (await programmeOverview(ctx.db.kysely, PROGRAMME)).versions.find((v) => v.number === number)!.revision;
}

for (const target of databaseTargets()) {
  describe(`version lifecycle services (${target.name})`, () => {
    let ctx: AppContext;
    beforeEach(async () => {
      ctx = await openTestContext(target);
    });
    afterEach(async () => {
      await ctx?.close();
    });

    test('start an update copies the approved version into draft 3 with keys, texts, term links and translation status', async () => {
      const v2 = await ctx.reader.versionContent('08', '2022-2025', 2);
      await ctx.db.kysely
        .updateTable('nodes')
        .set({ translation_status: '{"title":{"en":"stale"}}' })
        .where('key', '=', PRIORITY)
        .where(
          'version_id',
          '=',
          (await ctx.db.kysely.selectFrom('versions').select('id').where('number', '=', 2).executeTakeFirstOrThrow())
            .id,
        )
        .execute();
      const plan = [
        { nodeKey: PRIORITY, fund: 'ERDF' as const, year: 2024, plannedCents: 150_000_000 },
        { nodeKey: PRIORITY, fund: 'JTF' as const, year: 2025, plannedCents: 2_500 },
      ];
      await replaceFinancingPlan(
        ctx.db.kysely,
        { regionCode: '08', programmeSlug: '2022-2025', versionNumber: 2 },
        plan,
      );
      const created = await startUpdate(ctx, EDITOR, PROGRAMME);
      assert.equal(created.number, 3);
      assert.deepEqual(
        await listFinancingPlan(ctx.db.kysely, { regionCode: '08', programmeSlug: '2022-2025', versionNumber: 3 }),
        plan,
        'the financing plan is copied too',
      );
      assert.equal(created.status, 'draft');
      assert.equal(created.decision, null);
      const v3 = await ctx.reader.versionContent('08', '2022-2025', 3);
      assert.equal(v3.version.status, 'draft');
      const strip = (nodes: typeof v2.nodes) => flattenTree(nodes).map(({ children: _c, ...n }) => n);
      assert.deepEqual(strip(v3.nodes), strip(v2.nodes), 'same keys, slugs, paths, texts and term links');
      assert.deepEqual(v3.vision, v2.vision);
      assert.deepEqual(v3.summary, v2.summary);
      const draft = await versionForEdit(ctx.db.kysely, DRAFT);
      const priority = draft.nodes[0]!.children.find((n) => n.key === PRIORITY)!;
      assert.equal(priority.status.en, 'stale', 'translation status copied');
      assert.equal(priority.toReview, 1);
      // The public default stays the approved version 2.
      assert.equal((await ctx.reader.programme('08', '2022-2025')).currentVersion, 2);
      // Search finds the draft's texts.
      const hits = await ctx.reader.search('08', '2022-2025', 3, 'fi', 'elinkeinoelämän uudistaminen');
      assert.equal(hits[0]?.key, PRIORITY);
      assert.deepEqual(await auditActions(ctx), ['version.start-update']);
      const event = (await listAuditEvents(ctx.db.kysely)).entries[0]!;
      assert.equal(event.actor, 'editor@example.fi');
      assert.equal(event.entityId, '08-2022-2025/v3');
    });

    test('only one open version: a second update is refused while the draft exists', async () => {
      await startDraft(ctx);
      await assert.rejects(
        startUpdate(ctx, EDITOR, PROGRAMME),
        (e: unknown) => e instanceof AppError && e.code === 'conflict' && /Version 3 is still "draft"/.test(e.message),
      );
      const overview = await programmeOverview(ctx.db.kysely, PROGRAMME);
      assert.match(overview.updateBlocked!, /still "draft"/);
    });

    test('consultation → reopen → consultation → approve supersedes version 2 and becomes the public default', async () => {
      await startDraft(ctx);
      let v = await transitionVersion(ctx, EDITOR, DRAFT, { revision: await revisionOf(ctx, 3), action: 'consult' });
      assert.equal(v.status, 'consultation');
      v = await transitionVersion(ctx, EDITOR, DRAFT, { revision: v.revision, action: 'reopen' });
      assert.equal(v.status, 'draft');
      v = await transitionVersion(ctx, EDITOR, DRAFT, { revision: v.revision, action: 'consult' });
      v = await transitionVersion(ctx, EDITOR, DRAFT, { revision: v.revision, action: 'approve', decision: DECISION });
      assert.equal(v.status, 'approved');
      assert.deepEqual(v.decision, { body: DECISION.body, date: '2026-06-15', reference: '§ 31' });
      const versions = await ctx.reader.versions('08', '2022-2025');
      assert.deepEqual(
        versions.map((x) => [x.number, x.status]),
        [
          [1, 'superseded'],
          [2, 'superseded'],
          [3, 'approved'],
        ],
      );
      assert.equal((await ctx.reader.programme('08', '2022-2025')).currentVersion, 3);
      assert.deepEqual(await auditActions(ctx), [
        'version.start-update',
        'version.consult',
        'version.reopen',
        'version.consult',
        'version.supersede',
        'version.approve',
      ]);
      // And the next update starts from version 3.
      assert.equal((await startUpdate(ctx, EDITOR, PROGRAMME)).number, 4);
    });

    test('approval without a complete decision is refused and changes nothing', async () => {
      await startDraft(ctx);
      const v = await transitionVersion(ctx, EDITOR, DRAFT, { revision: await revisionOf(ctx, 3), action: 'consult' });
      await assert.rejects(
        transitionVersion(ctx, EDITOR, DRAFT, {
          revision: v.revision,
          action: 'approve',
          decision: { body: { fi: '' }, date: '2026-13-01', reference: '' },
        }),
        (e: unknown) => e instanceof AppError && e.code === 'bad_request' && /decisionDate/.test(e.message),
      );
      const versions = await ctx.reader.versions('08', '2022-2025');
      assert.deepEqual(
        versions.map((x) => x.status),
        ['superseded', 'approved', 'consultation'],
      );
    });

    test('a draft cannot be approved without consultation, and approved versions cannot be reopened', async () => {
      await startDraft(ctx);
      await assert.rejects(
        transitionVersion(ctx, EDITOR, DRAFT, {
          revision: await revisionOf(ctx, 3),
          action: 'approve',
          decision: DECISION,
        }),
        /only a version that is "consultation" can be approved/,
      );
      await assert.rejects(
        transitionVersion(
          ctx,
          EDITOR,
          { ...PROGRAMME, number: 2 },
          { revision: await revisionOf(ctx, 2), action: 'reopen' },
        ),
        /Version 2 is "approved"/,
      );
    });

    test('a lifecycle action from a stale page is a conflict', async () => {
      await startDraft(ctx);
      const stale = await revisionOf(ctx, 3);
      await updateVersionTexts(ctx, EDITOR, DRAFT, { revision: stale, texts: { label: { fi: 'Päivitys 2026' } } });
      await assert.rejects(
        transitionVersion(ctx, EDITOR, DRAFT, { revision: stale, action: 'consult' }),
        (e: unknown) => e instanceof AppError && e.code === 'conflict',
      );
    });

    test('no edit of a version that is not a draft: approved, superseded or in consultation', async () => {
      const node = (
        await ctx.db.kysely.selectFrom('nodes').select('revision').where('key', '=', PRIORITY).executeTakeFirstOrThrow()
      ).revision;
      for (const number of [1, 2]) {
        const ref = { ...PROGRAMME, number };
        const versionRevision = await revisionOf(ctx, number);
        const refusals = [
          () =>
            updateNode(
              ctx,
              EDITOR,
              { ...ref, key: PRIORITY },
              { revision: node, slug: PRIORITY, texts: { title: { fi: 'Muutettu' } } },
            ),
          () => addNode(ctx, EDITOR, ref, { parentKey: null, title: { fi: 'Uusi teema' } }),
          () => moveNode(ctx, EDITOR, { ...ref, key: PRIORITY }, { revision: node, direction: 'down' }),
          () => deleteNode(ctx, EDITOR, { ...ref, key: PRIORITY }, { revision: node }),
          () => updateVersionTexts(ctx, EDITOR, ref, { revision: versionRevision, texts: { label: { fi: 'x' } } }),
        ];
        for (const attempt of refusals) {
          await assert.rejects(
            attempt(),
            (e: unknown) =>
              e instanceof AppError &&
              e.code === 'conflict' &&
              /cannot be edited; only a draft can be edited/.test(e.message),
          );
        }
      }
      await startDraft(ctx);
      await transitionVersion(ctx, EDITOR, DRAFT, { revision: await revisionOf(ctx, 3), action: 'consult' });
      await assert.rejects(
        addNode(ctx, EDITOR, DRAFT, { parentKey: null, title: { fi: 'Uusi teema' } }),
        /"consultation" and cannot be edited.*reopen it as a draft/,
      );
      assert.deepEqual(
        await auditActions(ctx),
        ['version.start-update', 'version.consult'],
        'refused edits leave no audit event',
      );
      const v2 = await ctx.reader.versionContent('08', '2022-2025', 2);
      assert.equal(v2.nodes[0]!.children[0]!.title.fi, 'Elinkeinoelämän uudistaminen');
    });
  });
}
