/**
 * Editing nodes of a draft through the services: texts with translation status, slug and term
 * links; adding, moving and deleting; the search index following every change; no lost edits
 * between two editors; and the audit event written in the same transaction as the change.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { EditConflict, FieldErrors } from '#src/domain/edit-errors.ts';
import { AppError } from '#src/domain/errors.ts';
import { findByKey, flattenTree } from '#src/domain/tree.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { nodeForEdit } from '#src/services/programmes/editor-reader.ts';
import type { NodeState } from '#src/services/programmes/node-state.ts';
import { addNode, deleteNode, moveNode } from '#src/services/programmes/node-structure.ts';
import { setNodeTerms, updateNode } from '#src/services/programmes/node-texts.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { auditActions, DRAFT, EDITOR, MEASURE, OTHER, PRIORITY, startDraft, THEME } from './editing-fixture.ts';

const node = (key: string) => ({ ...DRAFT, key });

async function load(ctx: AppContext, key: string) {
  return nodeForEdit(ctx.db.kysely, node(key));
}

async function draftTree(ctx: AppContext) {
  return (await ctx.reader.versionContent('08', '2022-2025', 3)).nodes;
}

/** Makes every write of a content generation fail, so a change fails after its audit event is written (the generation bump comes last). */
async function breakGenerationBump(ctx: AppContext): Promise<void> {
  if (ctx.db.dialect === 'sqlite') {
    for (const event of ['INSERT', 'UPDATE'])
      await sql`CREATE TRIGGER ${sql.raw(`fail_generation_${event.toLowerCase()}`)} BEFORE ${sql.raw(event)} ON content_generations BEGIN SELECT RAISE(ABORT, 'generation bump failed'); END`.execute(
        ctx.db.kysely,
      );
  } else {
    await sql`CREATE FUNCTION fail_generation() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'generation bump failed'; END $$ LANGUAGE plpgsql`.execute(
      ctx.db.kysely,
    );
    await sql`CREATE TRIGGER fail_generation_write BEFORE INSERT OR UPDATE ON content_generations FOR EACH ROW EXECUTE FUNCTION fail_generation()`.execute(
      ctx.db.kysely,
    );
  }
}

for (const target of databaseTargets()) {
  describe(`node editing services (${target.name})`, () => {
    let ctx: AppContext;
    beforeEach(async () => {
      ctx = await openTestContext(target);
      await startDraft(ctx);
    });
    afterEach(async () => {
      await ctx?.close();
    });

    test('saving texts in three languages: stored, shown publicly, searchable, audited with before and after', async () => {
      const { node: n } = await load(ctx, PRIORITY);
      const saved = await updateNode(ctx, EDITOR, node(PRIORITY), {
        revision: n.revision,
        slug: n.slug,
        texts: {
          ...n.texts,
          title: { fi: 'Elinkeinoelämän uudistaminen', sv: 'Förnyelse av näringslivet', en: 'Renewing businesses' },
          summary: { ...n.texts.summary, fi: 'Uusi tiivistelmä kalastuksesta.' },
        },
      });
      assert.equal(saved.revision, n.revision + 1);
      assert.deepEqual(saved.status.title, { fi: 'original', sv: 'reviewed', en: 'reviewed' });
      assert.deepEqual(
        saved.status.summary,
        { fi: 'original', sv: null, en: 'stale' },
        'the English summary is stale after the Finnish one changed',
      );
      const published = findByKey(await draftTree(ctx), PRIORITY)!;
      assert.equal(published.title.sv, 'Förnyelse av näringslivet');
      assert.equal(
        (await ctx.reader.search('08', '2022-2025', 3, 'fi', 'kalastus'))[0]?.key,
        PRIORITY,
        'the search index follows the new text',
      );
      assert.equal((await ctx.reader.search('08', '2022-2025', 3, 'sv', 'förnyelse'))[0]?.key, PRIORITY);
      assert.equal(
        (await ctx.reader.search('08', '2022-2025', 2, 'fi', 'kalastus')).length,
        0,
        'version 2 is untouched',
      );
      const event = (await listAuditEvents(ctx.db.kysely, { action: 'node.update' })).entries[0]!;
      assert.equal(event.entityId, `08-2022-2025/v3/${PRIORITY}`);
      assert.equal((event.before as NodeState).texts.title?.sv, undefined);
      assert.equal((event.after as NodeState).texts.title?.sv, 'Förnyelse av näringslivet');
    });

    test('translation status: stale until marked reviewed; machine when the editor says so', async () => {
      let { node: n } = await load(ctx, PRIORITY);
      assert.deepEqual(
        n.status.title,
        { fi: 'original', sv: null, en: 'reviewed' },
        'imported translations count as reviewed',
      );
      let s = await updateNode(ctx, EDITOR, node(PRIORITY), {
        revision: n.revision,
        slug: n.slug,
        texts: { ...n.texts, title: { fi: 'Uusi otsikko', en: n.texts.title!.en! } },
      });
      assert.equal(s.status.title.en, 'stale');
      s = await updateNode(ctx, EDITOR, node(PRIORITY), { revision: s.revision, slug: s.slug, texts: s.texts });
      assert.equal(s.status.title.en, 'stale', 'still stale after a save that does not review it');
      s = await updateNode(ctx, EDITOR, node(PRIORITY), {
        revision: s.revision,
        slug: s.slug,
        texts: s.texts,
        status: { 'title.en': 'reviewed' },
      });
      assert.equal(s.status.title.en, 'reviewed');
      s = await updateNode(ctx, EDITOR, node(PRIORITY), {
        revision: s.revision,
        slug: s.slug,
        texts: { ...s.texts, title: { ...s.texts.title, sv: 'Maskinöversatt rubrik' } },
        status: { 'title.sv': 'machine' },
      });
      assert.deepEqual(s.status.title, { fi: 'original', sv: 'machine', en: 'reviewed' });
      ({ node: n } = await load(ctx, PRIORITY));
      assert.deepEqual(n.status.title, s.status.title, 'read back from the database');
    });

    test('two editors open the same node; the second save is a conflict carrying the first one’s text; nothing is lost', async () => {
      const a = (await load(ctx, PRIORITY)).node;
      const b = (await load(ctx, PRIORITY)).node;
      assert.equal(a.revision, b.revision);
      await updateNode(ctx, EDITOR, node(PRIORITY), {
        revision: a.revision,
        slug: a.slug,
        texts: { ...a.texts, title: { ...a.texts.title, fi: 'Ensimmäisen muokkaajan otsikko' } },
      });
      const second = {
        revision: b.revision,
        slug: b.slug,
        texts: { ...b.texts, title: { ...b.texts.title, fi: 'Toisen muokkaajan otsikko' } },
      };
      let conflict: EditConflict<NodeState> | null = null;
      try {
        await updateNode(ctx, OTHER, node(PRIORITY), second);
      } catch (error) {
        conflict = error as EditConflict<NodeState>;
      }
      assert.ok(conflict instanceof EditConflict, 'the second save is refused');
      assert.equal(conflict.code, 'conflict');
      assert.equal(
        conflict.current.texts.title!.fi,
        'Ensimmäisen muokkaajan otsikko',
        'the conflict shows the stored (first) text',
      );
      assert.equal(conflict.current.revision, a.revision + 1);
      assert.equal(
        findByKey(await draftTree(ctx), PRIORITY)!.title.fi,
        'Ensimmäisen muokkaajan otsikko',
        'the first save survives',
      );
      assert.deepEqual(
        await auditActions(ctx),
        ['version.start-update', 'node.update'],
        'the refused save wrote nothing',
      );
      // The second editor, having seen both, saves on top of the current revision deliberately.
      const resaved = await updateNode(ctx, OTHER, node(PRIORITY), { ...second, revision: conflict.current.revision });
      assert.equal(resaved.texts.title!.fi, 'Toisen muokkaajan otsikko');
    });

    test('concurrent saves racing on the same revision: exactly one wins', async () => {
      const n = (await load(ctx, MEASURE)).node;
      const results = await Promise.allSettled(
        ['Yksi', 'Kaksi', 'Kolme'].map((fi) =>
          updateNode(ctx, EDITOR, node(MEASURE), {
            revision: n.revision,
            slug: n.slug,
            texts: { ...n.texts, title: { fi } },
          }),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as AppError).code, 'conflict');
    });

    test('invalid input names each field and saves nothing', async () => {
      const n = (await load(ctx, PRIORITY)).node;
      try {
        await updateNode(ctx, EDITOR, node(PRIORITY), {
          revision: n.revision,
          slug: 'versions',
          texts: {
            title: { fi: '  ', sv: 'Bara svenska' },
            body: { fi: 'Katso <script>alert(1)</script>', en: '[x](javascript:alert(1))' },
          },
          terms: ['spearheads/no-such-term'],
        });
        assert.fail('should be refused');
      } catch (error) {
        assert.ok(error instanceof FieldErrors);
        assert.deepEqual(Object.keys(error.fields).sort(), ['body.en', 'body.fi', 'slug', 'terms', 'title.fi']);
        assert.match(error.fields['body.fi']!, /must not contain HTML/);
        assert.match(error.fields['body.en']!, /script links|must start with https/);
        assert.match(error.fields['slug']!, /reserved/);
      }
      const sibling = (await load(ctx, PRIORITY)).node;
      await assert.rejects(
        updateNode(ctx, EDITOR, node(PRIORITY), {
          revision: sibling.revision,
          slug: 'alykas-erikoistuminen-ja-tki',
          texts: sibling.texts,
        }),
        (e: unknown) => e instanceof FieldErrors && /already used/.test(e.fields['slug']!),
      );
      assert.deepEqual(await auditActions(ctx), ['version.start-update']);
    });

    test('term links: set with the texts or alone', async () => {
      let n: NodeState = (await load(ctx, MEASURE)).node;
      assert.deepEqual(n.terms, []);
      n = await updateNode(ctx, EDITOR, node(MEASURE), {
        revision: n.revision,
        slug: n.slug,
        texts: n.texts,
        terms: ['crosscutting/digitalisation', 'spearheads/logistics'],
      });
      assert.deepEqual([...n.terms].sort(), ['crosscutting/digitalisation', 'spearheads/logistics']);
      n = await setNodeTerms(ctx, EDITOR, node(MEASURE), { revision: n.revision, terms: ['spearheads/logistics'] });
      assert.deepEqual(n.terms, ['spearheads/logistics']);
      assert.deepEqual(findByKey(await draftTree(ctx), MEASURE)!.terms, [
        { taxonomy: 'spearheads', term: 'logistics' },
      ]);
      await assert.rejects(
        setNodeTerms(ctx, EDITOR, node(MEASURE), { revision: n.revision - 1, terms: [] }),
        EditConflict,
      );
    });

    test('adding nodes: key from the Finnish title, unique in the programme, at the end, within the levels', async () => {
      const theme = await addNode(ctx, EDITOR, DRAFT, {
        parentKey: null,
        title: { fi: 'Turvallinen Kymenlaakso', sv: 'Trygga Kymmenedalen' },
      });
      assert.equal(theme.key, 'turvallinen-kymenlaakso');
      assert.deepEqual(theme.status.title, { fi: 'original', sv: 'reviewed', en: null });
      const again = await addNode(ctx, EDITOR, DRAFT, {
        parentKey: PRIORITY,
        title: { fi: 'Uudistuva elinkeinoelämä' },
      });
      assert.equal(again.key, 'uudistuva-elinkeinoelama-2', 'a key of an existing node is never reused');
      const tree = await draftTree(ctx);
      assert.equal(tree.at(-1)!.key, 'turvallinen-kymenlaakso');
      assert.equal(findByKey(tree, PRIORITY)!.children.at(-1)!.key, 'uudistuva-elinkeinoelama-2');
      assert.equal(findByKey(tree, 'uudistuva-elinkeinoelama-2')!.level, 'measure');
      await assert.rejects(
        addNode(ctx, EDITOR, DRAFT, { parentKey: MEASURE, title: { fi: 'Liian syvä' } }),
        (e: unknown) => e instanceof FieldErrors && /3 level/.test(e.fields['parentKey']!),
      );
      await assert.rejects(
        addNode(ctx, EDITOR, DRAFT, { parentKey: null, title: { fi: 'Toinen', en: 'x' }, slug: THEME }),
        (e: unknown) => e instanceof FieldErrors && /already used/.test(e.fields['slug']!),
      );
      await assert.rejects(
        addNode(ctx, EDITOR, DRAFT, { parentKey: 'ei-ole', title: { fi: 'x' } }),
        (e: unknown) => e instanceof AppError && e.code === 'not_found',
      );
      assert.equal(
        (await ctx.reader.search('08', '2022-2025', 3, 'fi', 'turvallinen'))[0]?.key,
        'turvallinen-kymenlaakso',
      );
    });

    test('moving: up and down among siblings, to another parent with the subtree, never into a cycle or below the last level', async () => {
      let tree = await draftTree(ctx);
      const priorities = findByKey(tree, THEME)!.children.map((c) => c.key);
      let n = (await load(ctx, priorities[1]!)).node;
      await moveNode(ctx, EDITOR, node(priorities[1]!), { revision: n.revision, direction: 'up' });
      tree = await draftTree(ctx);
      assert.deepEqual(
        findByKey(tree, THEME)!.children.map((c) => c.key),
        [priorities[1], priorities[0], priorities[2]],
      );
      n = (await load(ctx, priorities[1]!)).node;
      await assert.rejects(
        moveNode(ctx, EDITOR, node(priorities[1]!), { revision: n.revision, direction: 'up' }),
        /already the first/,
      );
      // A priority with its measures moves under the second theme; depths stay right.
      const otherTheme = tree[1]!.key;
      const measures = findByKey(tree, PRIORITY)!.children.length;
      n = (await load(ctx, PRIORITY)).node;
      const moved = await moveNode(ctx, EDITOR, node(PRIORITY), {
        revision: n.revision,
        parentKey: otherTheme,
        index: 0,
      });
      assert.deepEqual(moved, { parentKey: otherTheme, position: 0 });
      tree = await draftTree(ctx);
      assert.equal(findByKey(tree, otherTheme)!.children[0]!.key, PRIORITY);
      assert.equal(findByKey(tree, PRIORITY)!.children.length, measures);
      assert.deepEqual(
        findByKey(tree, THEME)!.children.map((c) => c.key),
        [priorities[1], priorities[2]],
        'old siblings renumbered',
      );
      const rows = await ctx.db.kysely
        .selectFrom('nodes')
        .innerJoin('versions', 'versions.id', 'nodes.version_id')
        .select(['nodes.position', 'nodes.parent_id'])
        .where('versions.number', '=', 3)
        .execute();
      const groups = new Map<number | null, number[]>();
      for (const r of rows) groups.set(r.parent_id, [...(groups.get(r.parent_id) ?? []), r.position]);
      for (const positions of groups.values())
        assert.deepEqual(
          positions.sort((a, b) => a - b),
          positions.map((_, i) => i),
          'positions are 0..n-1 under every parent',
        );
      // A measure becomes a priority (one level up), then cycles and depth are refused.
      n = (await load(ctx, MEASURE)).node;
      await moveNode(ctx, EDITOR, node(MEASURE), { revision: n.revision, parentKey: THEME });
      assert.equal(findByKey(await draftTree(ctx), MEASURE)!.level, 'priority');
      n = (await load(ctx, THEME)).node;
      await assert.rejects(
        moveNode(ctx, EDITOR, node(THEME), { revision: n.revision, parentKey: MEASURE }),
        (e: unknown) => e instanceof FieldErrors && /own descendants/.test(e.fields['parentKey']!),
      );
      await assert.rejects(
        moveNode(ctx, EDITOR, node(THEME), { revision: n.revision, parentKey: otherTheme }),
        (e: unknown) => e instanceof FieldErrors && /level 4/.test(e.fields['parentKey']!),
      );
      await assert.rejects(
        moveNode(ctx, EDITOR, node(THEME), { revision: n.revision - 1, direction: 'down' }),
        EditConflict,
      );
      const moves = (await listAuditEvents(ctx.db.kysely, { action: 'node.move' })).entries;
      assert.equal(moves.length, 3);
      assert.deepEqual(moves[1]!.after, { parentKey: otherTheme, position: 0, depth: 2 });
    });

    test('deleting a node removes its subtree, links and index rows and renumbers its siblings', async () => {
      const view = await load(ctx, PRIORITY);
      assert.equal(view.subtree[0]!.key, PRIORITY);
      const count = view.subtree.length;
      assert.ok(count > 1);
      const result = await deleteNode(ctx, EDITOR, node(PRIORITY), { revision: view.node.revision });
      assert.equal(result.deleted, count);
      const tree = await draftTree(ctx);
      assert.equal(findByKey(tree, PRIORITY), null);
      assert.equal(findByKey(tree, MEASURE), null);
      assert.deepEqual(findByKey(tree, THEME)!.children.map((c) => c.key).length, 2);
      const v2 = await ctx.reader.versionContent('08', '2022-2025', 2);
      assert.ok(findByKey(v2.nodes, PRIORITY), 'version 2 keeps it');
      assert.equal(
        (await ctx.reader.search('08', '2022-2025', 3, 'fi', 'elinkeinoelämän uudistaminen')).some(
          (h) => h.key === PRIORITY,
        ),
        false,
      );
      const event = (await listAuditEvents(ctx.db.kysely, { action: 'node.delete' })).entries[0]!;
      assert.equal((event.before as unknown[]).length, count, 'the audit event keeps every deleted node');
      assert.equal(flattenTree(tree).length, flattenTree(v2.nodes).length - count);
    });

    test('the audit event is in the same transaction: a change that fails at its last step leaves neither the change nor the event', async () => {
      const n = (await load(ctx, PRIORITY)).node;
      const before = (await listAuditEvents(ctx.db.kysely)).total;
      await breakGenerationBump(ctx);
      await assert.rejects(
        updateNode(ctx, EDITOR, node(PRIORITY), {
          revision: n.revision,
          slug: n.slug,
          texts: { ...n.texts, title: { fi: 'Ei tallennu' } },
        }),
        /generation bump failed/,
      );
      await assert.rejects(
        addNode(ctx, EDITOR, DRAFT, { parentKey: null, title: { fi: 'Ei tallennu' } }),
        /generation bump failed/,
      );
      assert.equal((await listAuditEvents(ctx.db.kysely)).total, before, 'no audit event');
      const after = (await load(ctx, PRIORITY)).node;
      assert.equal(after.revision, n.revision);
      assert.equal(after.texts.title!.fi, n.texts.title!.fi);
      assert.equal(findByKey(await draftTree(ctx), 'ei-tallennu'), null);
    });
  });
}
