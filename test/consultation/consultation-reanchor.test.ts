/**
 * Comments stay anchored while the draft changes (issue 10, point 3): a round on version 3, comments
 * on paragraphs of several nodes, then the draft reopened and edited so that each state is reached
 * by a constructed edit — exact (untouched), moved (a paragraph inserted before), changed (a word
 * replaced in the passage), deleted_node (the node removed), orphan (the paragraph rewritten) — and
 * again when a new version starts. The anchor as sent never changes; the moderator sees the old
 * passage beside the new one. On both databases.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AnchorState } from '#src/domain/consultation/anchors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { submitComment, type CommentInput } from '#src/services/consultation/comments.ts';
import { moderationQueue } from '#src/services/consultation/moderation.ts';
import { deleteNode } from '#src/services/programmes/node-structure.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { createUser, FakeClock, signedIn } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { EDITOR, NODE, openRound, PROGRAMME, ROUND, versionRevision } from './consultation-fixture.ts';

const V3 = { ...PROGRAMME, number: 3 };
const TKI = 'alykas-erikoistuminen-ja-tki';
const EDUCATION = 'osaaminen-ja-koulutus';
const TOURISM = 'matkailu';

async function comment(ctx: AppContext, key: string, input: Partial<CommentInput>): Promise<number> {
  const { comment: c } = await submitComment(ctx, PROGRAMME, ROUND, {
    nodeKey: NODE,
    paragraph: 0,
    quote: null,
    lang: 'fi',
    body: `Kommentti ${key}`,
    name: null,
    email: null,
    organisation: null,
    respondentType: 'resident',
    publishAs: 'anonymous',
    idempotencyKey: `reanchor-test-${key}-0000`,
    ...input,
  });
  return c.id;
}

/** Replaces the Finnish body of `key` in draft 3 (through the editor's service). */
async function editBody(ctx: AppContext, key: string, body: (old: string) => string): Promise<void> {
  const version = await ctx.db.kysely
    .selectFrom('versions')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select('versions.id')
    .where('programmes.region_code', '=', '08')
    .where('versions.number', '=', 3)
    .executeTakeFirstOrThrow();
  const node = (await findNode(ctx.db.kysely, version.id, key))!;
  await updateNode(
    ctx,
    EDITOR,
    { ...V3, key },
    {
      revision: node.revision,
      slug: node.slug,
      texts: {
        title: node.title,
        shortTitle: node.shortTitle,
        summary: node.summary,
        body: { ...node.body, fi: body(node.body?.fi ?? '') },
      },
    },
  );
}

for (const target of databaseTargets()) {
  describe(`comments re-anchored when the draft changes (${target.name})`, () => {
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = new FakeClock(Date.parse('2021-09-10T09:00:00Z')).now;
        await openRound(ctx);
      },
    });
    const ids: Record<string, number> = {};
    const states = async (): Promise<Record<string, AnchorState>> => {
      const { pending } = await moderationQueue(t.ctx.db.kysely, PROGRAMME, ROUND);
      return Object.fromEntries(
        Object.entries(ids).map(([k, id]) => [k, pending.find((c) => c.id === id)!.anchorState]),
      );
    };

    before(async () => {
      ids['exact'] = await comment(t.ctx, 'exact', { paragraph: 0 });
      ids['moved'] = await comment(t.ctx, 'moved', { paragraph: 1, quote: 'Pyhtää-ilmiö' });
      ids['changed'] = await comment(t.ctx, 'changed', {
        nodeKey: TKI,
        paragraph: 1,
        quote: 'älykäs ja vihreä logistiikka, uusiutuvat materiaalit ja energia',
      });
      ids['deleted'] = await comment(t.ctx, 'deleted', { nodeKey: TOURISM, paragraph: null });
      ids['orphan'] = await comment(t.ctx, 'orphan', { nodeKey: EDUCATION, paragraph: 1 });
      ids['programme'] = await comment(t.ctx, 'programme', { nodeKey: null, paragraph: null });
    });

    test('each state is reached by its edit of the reopened draft', async () => {
      assert.deepEqual(Object.values(await states()), ['exact', 'exact', 'exact', 'exact', 'exact', 'exact']);
      await transitionVersion(t.ctx, EDITOR, V3, { revision: await versionRevision(t.ctx, 3), action: 'reopen' });
      await editBody(t.ctx, NODE, (old) => `Uusi ensimmäinen kappale rakennemuutoksesta.\n\n${old}`);
      await editBody(t.ctx, TKI, (old) => old.replace('vihreä logistiikka', 'kestävä logistiikka'));
      await editBody(
        t.ctx,
        EDUCATION,
        () => 'Koulutuksen järjestäjät laativat yhdessä uuden suunnitelman vuoteen 2030.',
      );
      const version = await t.ctx.db.kysely
        .selectFrom('versions')
        .select('id')
        .where('number', '=', 3)
        .executeTakeFirstOrThrow();
      const tourism = (await findNode(t.ctx.db.kysely, version.id, TOURISM))!;
      await deleteNode(t.ctx, EDITOR, { ...V3, key: TOURISM }, { revision: tourism.revision });
      assert.deepEqual(await states(), {
        exact: 'exact',
        moved: 'moved',
        changed: 'changed',
        deleted: 'deleted_node',
        orphan: 'orphan',
        programme: 'exact',
      });
      const { pending } = await moderationQueue(t.ctx.db.kysely, PROGRAMME, ROUND);
      const moved = pending.find((c) => c.id === ids['moved'])!;
      assert.equal(moved.paragraphIndex, 1, 'the anchor as sent stays');
      assert.equal(moved.anchorParagraphIndex, 2, 'the paragraph it is in now');
      const changed = pending.find((c) => c.id === ids['changed'])!;
      assert.equal(changed.quote, 'älykäs ja vihreä logistiikka, uusiutuvat materiaalit ja energia');
      assert.match(changed.anchorQuote ?? '', /kestävä logistiikka/);
    });

    test('the moderator sees each comment’s state and the old passage beside the new', async () => {
      const moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 're-mod@example.fi', role: 'moderator', region: '08' }),
      );
      const page = await moderator.get(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
      assert.equal(page.statusCode, 200);
      const item = all(page.body, '.moderation-list > li').find((li) => li.text.includes('Kommentti changed'))!;
      assert.match(text(item, '.anchor-state'), /Kohta on muuttunut/);
      assert.match(text(item, '.anchor-now'), /kestävä logistiikka/);
      const orphan = all(page.body, '.moderation-list > li').find((li) => li.text.includes('Kommentti orphan'))!;
      assert.match(text(orphan, '.anchor-state'), /Kohtaa ei löydy/);
      const deleted = all(page.body, '.moderation-list > li').find((li) => li.text.includes('Kommentti deleted'))!;
      assert.match(text(deleted, '.anchor-state'), /Luku on poistettu/);
    });

    test('a new version started from the approved one carries the anchors into it', async () => {
      await transitionVersion(t.ctx, EDITOR, V3, { revision: await versionRevision(t.ctx, 3), action: 'consult' });
      await transitionVersion(t.ctx, EDITOR, V3, {
        revision: await versionRevision(t.ctx, 3),
        action: 'approve',
        decision: { body: { fi: 'Maakuntavaltuusto' }, date: '2021-11-29', reference: '§ 25' },
      });
      await startUpdate(t.ctx, EDITOR, PROGRAMME);
      const { pending } = await moderationQueue(t.ctx.db.kysely, PROGRAMME, ROUND);
      const v4 = await t.ctx.db.kysely
        .selectFrom('versions')
        .select('id')
        .where('number', '=', 4)
        .executeTakeFirstOrThrow();
      assert.ok(
        pending.every((c) => c.anchorVersionId === v4.id),
        'every comment is anchored in version 4',
      );
      const moved = pending.find((c) => c.id === ids['moved'])!;
      assert.equal(moved.anchorState, 'moved');
      assert.equal(moved.anchorParagraphIndex, 2);
    });
  });
}
