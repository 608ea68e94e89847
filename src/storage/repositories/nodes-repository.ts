/**
 * The nodes of a version's tree (priorities, measures…) with their texts, place and revision.
 * Every update of a node is conditional: `UPDATE … WHERE id = ? AND revision = ?` bumps the
 * revision and reports false when the node was changed (or removed) since it was read.
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Level } from '#src/domain/programmes/programme-file.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { NodeTable } from '../schema.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';
import { updated } from './revisions.ts';
import { nodeTermRefs } from './taxonomies-repository.ts';

export interface NodeRow {
  id: number;
  versionId: number;
  key: string;
  parentId: number | null;
  position: number;
  depth: number;
  slug: string;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  summary: LocalizedText | null;
  body: LocalizedText | null;
  revision: number;
  translationStatus: string | null;
}

/** What a new node is made of (its id and revision are set on insert). */
export type NodeValues = Omit<NodeRow, 'id' | 'revision'>;

export type NodeTextsPatch = Pick<NodeRow, 'slug' | 'title' | 'shortTitle' | 'summary' | 'body' | 'translationStatus'>;

function toNodeRow(r: Selectable<NodeTable>): NodeRow {
  return {
    id: r.id,
    versionId: r.version_id,
    key: r.key,
    parentId: r.parent_id,
    position: r.position,
    depth: r.depth,
    slug: r.slug,
    title: requiredTextFromJson(r.title),
    shortTitle: textFromJson(r.short_title),
    summary: textFromJson(r.summary),
    body: textFromJson(r.body),
    revision: r.revision,
    translationStatus: r.translation_status,
  };
}

const textColumns = (p: NodeTextsPatch) =>
  ({
    slug: p.slug,
    title: textToJson(p.title) ?? '{}',
    short_title: textToJson(p.shortTitle),
    summary: textToJson(p.summary),
    body: textToJson(p.body),
    translation_status: p.translationStatus,
  }) satisfies Partial<Insertable<NodeTable>>;

/** Every node of a version, parents before children, siblings in order. */
export async function listNodes(db: Executor, versionId: number): Promise<NodeRow[]> {
  const rows = await db
    .selectFrom('nodes')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('depth')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toNodeRow);
}

export async function findNode(db: Executor, versionId: number, key: string): Promise<NodeRow | null> {
  const r = await db
    .selectFrom('nodes')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? toNodeRow(r) : null;
}

/** The whole node tree of a version, children in order, with the terms linked to each node. */
export async function loadTree(db: Executor, versionId: number, levels: readonly Level[]): Promise<TreeNode[]> {
  const [rows, links] = await Promise.all([listNodes(db, versionId), nodeTermRefs(db, { versionId })]);
  const byId = new Map<number, TreeNode>();
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const parent = r.parentId === null ? null : byId.get(r.parentId);
    const node: TreeNode = {
      key: r.key,
      slug: r.slug,
      path: parent ? [...parent.path, r.slug] : [r.slug],
      depth: r.depth,
      level: levels[r.depth - 1]?.key ?? `level-${r.depth}`,
      parentKey: parent ? parent.key : null,
      title: r.title,
      shortTitle: r.shortTitle,
      summary: r.summary,
      body: r.body,
      terms: links.filter((l) => l.nodeId === r.id).map((l) => ({ taxonomy: l.taxonomy, term: l.term })),
      children: [],
    };
    byId.set(r.id, node);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Node ids of a version by key (used to index nodes for search). */
export async function nodeIdsByKey(db: Executor, versionId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('nodes').select(['id', 'key']).where('version_id', '=', versionId).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Every node key used in any version of a programme (a new node must not take an old node's identity). */
export async function programmeNodeKeys(db: Executor, programmeId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('nodes')
    .innerJoin('versions', 'versions.id', 'nodes.version_id')
    .select('nodes.key')
    .where('versions.programme_id', '=', programmeId)
    .execute();
  return new Set(rows.map((r) => r.key));
}

export async function insertNode(db: Executor, n: NodeValues): Promise<number> {
  const row = await db
    .insertInto('nodes')
    .values({
      version_id: n.versionId,
      key: n.key,
      parent_id: n.parentId,
      position: n.position,
      depth: n.depth,
      ...textColumns(n),
      revision: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNodeIfRevision(
  db: Executor,
  id: number,
  revision: number,
  p: NodeTextsPatch,
): Promise<boolean> {
  const r = await db
    .updateTable('nodes')
    .set({ ...textColumns(p), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

/** Bumps a node's revision when it is still at `revision` (a change of its links or place). */
export async function bumpNodeIfRevision(db: Executor, id: number, revision: number): Promise<boolean> {
  const r = await db
    .updateTable('nodes')
    .set({ revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

/** Sets where nodes sit (parent, order, depth); used after a move, an insertion or a deletion. */
export async function placeNodes(
  db: Executor,
  places: readonly { id: number; parentId: number | null; position: number; depth: number }[],
): Promise<void> {
  for (const p of places) {
    await db
      .updateTable('nodes')
      .set({ parent_id: p.parentId, position: p.position, depth: p.depth })
      .where('id', '=', p.id)
      .execute();
  }
}

/** Deletes nodes with their term links and search rows (pass a whole subtree). */
export async function deleteNodes(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('node_search').where('node_id', 'in', ids).execute();
  await db.deleteFrom('node_terms').where('node_id', 'in', ids).execute();
  await db.updateTable('nodes').set({ parent_id: null }).where('id', 'in', ids).execute();
  await db.deleteFrom('nodes').where('id', 'in', ids).execute();
}
