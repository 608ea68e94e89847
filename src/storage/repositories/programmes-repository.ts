/** Programmes, their versions, node trees and taxonomies. */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Level, VersionStatus } from '#src/domain/programme-file.ts';
import type { ProgrammeSummary, Taxonomy, TreeNode, VersionSummary } from '#src/domain/read-models.ts';
import type { Executor } from '../executor.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';

/** The programme row's database id with its public summary. */
export interface StoredProgramme extends ProgrammeSummary {
  dbId: number;
}

export interface StoredVersion extends VersionSummary {
  dbId: number;
  vision: LocalizedText | null;
  summary: LocalizedText | null;
}

const now = (): string => new Date().toISOString();

export async function deleteProgramme(db: Executor, programmeId: number): Promise<void> {
  // Children first, so the delete works whether or not the database cascades.
  const versions = db.selectFrom('versions').select('id').where('programme_id', '=', programmeId);
  const nodes = db.selectFrom('nodes').select('id').where('version_id', 'in', versions);
  await db.deleteFrom('node_search').where('version_id', 'in', versions).execute();
  await db.deleteFrom('node_terms').where('node_id', 'in', nodes).execute();
  await db.updateTable('nodes').set({ parent_id: null }).where('version_id', 'in', versions).execute();
  await db.deleteFrom('nodes').where('version_id', 'in', versions).execute();
  await db.deleteFrom('versions').where('programme_id', '=', programmeId).execute();
  const taxonomies = db.selectFrom('taxonomies').select('id').where('programme_id', '=', programmeId);
  await db.deleteFrom('terms').where('taxonomy_id', 'in', taxonomies).execute();
  await db.deleteFrom('taxonomies').where('programme_id', '=', programmeId).execute();
  await db.deleteFrom('programmes').where('id', '=', programmeId).execute();
}

export async function insertProgramme(
  db: Executor,
  p: {
    regionCode: string;
    slug: string;
    kind: string;
    title: LocalizedText;
    periodStart: number;
    periodEnd: number;
    levels: Level[];
    revision: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('programmes')
    .values({
      region_code: p.regionCode,
      slug: p.slug,
      kind: p.kind,
      title: textToJson(p.title) ?? '{}',
      period_start: p.periodStart,
      period_end: p.periodEnd,
      levels: JSON.stringify(p.levels),
      revision: p.revision,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTaxonomy(
  db: Executor,
  programmeId: number,
  t: { key: string; position: number; name: LocalizedText; description: LocalizedText | null },
): Promise<number> {
  const row = await db
    .insertInto('taxonomies')
    .values({
      programme_id: programmeId,
      key: t.key,
      position: t.position,
      name: textToJson(t.name) ?? '{}',
      description: textToJson(t.description),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTerm(
  db: Executor,
  taxonomyId: number,
  t: {
    key: string;
    position: number;
    title: LocalizedText;
    shortTitle: LocalizedText | null;
    description: LocalizedText | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('terms')
    .values({
      taxonomy_id: taxonomyId,
      key: t.key,
      position: t.position,
      title: textToJson(t.title) ?? '{}',
      short_title: textToJson(t.shortTitle),
      description: textToJson(t.description),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertVersion(
  db: Executor,
  programmeId: number,
  v: {
    number: number;
    status: VersionStatus;
    label: LocalizedText | null;
    decisionBody: LocalizedText | null;
    decisionDate: string | null;
    decisionReference: string | null;
    changelog: LocalizedText | null;
    vision: LocalizedText | null;
    summary: LocalizedText | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('versions')
    .values({
      programme_id: programmeId,
      number: v.number,
      status: v.status,
      label: textToJson(v.label),
      decision_body: textToJson(v.decisionBody),
      decision_date: v.decisionDate,
      decision_reference: v.decisionReference,
      changelog: textToJson(v.changelog),
      vision: textToJson(v.vision),
      summary: textToJson(v.summary),
      revision: 1,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertNode(
  db: Executor,
  versionId: number,
  n: {
    key: string;
    parentId: number | null;
    position: number;
    depth: number;
    slug: string;
    title: LocalizedText;
    shortTitle: LocalizedText | null;
    summary: LocalizedText | null;
    body: LocalizedText | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('nodes')
    .values({
      version_id: versionId,
      key: n.key,
      parent_id: n.parentId,
      position: n.position,
      depth: n.depth,
      slug: n.slug,
      title: textToJson(n.title) ?? '{}',
      short_title: textToJson(n.shortTitle),
      summary: textToJson(n.summary),
      body: textToJson(n.body),
      revision: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkNodeTerms(db: Executor, links: readonly { nodeId: number; termId: number }[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('node_terms')
    .values(links.map((l) => ({ node_id: l.nodeId, term_id: l.termId })))
    .execute();
}

function currentVersionOf(versions: readonly { number: number; status: string }[]): number | null {
  const approved = versions.filter((v) => v.status === 'approved').map((v) => v.number);
  if (approved.length > 0) return Math.max(...approved);
  const published = versions.filter((v) => v.status !== 'draft').map((v) => v.number);
  if (published.length > 0) return Math.max(...published);
  return versions.length > 0 ? Math.max(...versions.map((v) => v.number)) : null;
}

/** Lists programmes, optionally of one region, newest period first. */
export async function listProgrammes(db: Executor, regionCode?: string): Promise<StoredProgramme[]> {
  let q = db.selectFrom('programmes').selectAll();
  if (regionCode !== undefined) q = q.where('region_code', '=', regionCode);
  const rows = await q.orderBy('region_code').orderBy('period_start', 'desc').execute();
  if (rows.length === 0) return [];
  const versions = await db
    .selectFrom('versions')
    .select(['programme_id', 'number', 'status'])
    .where(
      'programme_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    dbId: r.id,
    id: `${r.region_code}-${r.slug}`,
    regionCode: r.region_code,
    slug: r.slug,
    kind: r.kind,
    title: requiredTextFromJson(r.title),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    levels: JSON.parse(r.levels) as Level[],
    currentVersion: currentVersionOf(versions.filter((v) => v.programme_id === r.id)),
  }));
}

export async function findProgramme(db: Executor, regionCode: string, slug: string): Promise<StoredProgramme | null> {
  const all = await listProgrammes(db, regionCode);
  return all.find((p) => p.slug === slug) ?? null;
}

export async function listVersions(db: Executor, programmeId: number): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('number')
    .execute();
  return rows.map((v) => ({
    dbId: v.id,
    number: v.number,
    status: v.status as VersionStatus,
    label: textFromJson(v.label),
    decision:
      v.decision_date !== null && v.decision_body !== null
        ? { body: requiredTextFromJson(v.decision_body), date: v.decision_date, reference: v.decision_reference }
        : null,
    changelog: textFromJson(v.changelog),
    updatedAt: v.updated_at,
    vision: textFromJson(v.vision),
    summary: textFromJson(v.summary),
  }));
}

/** The whole node tree of a version, children in order, with the terms linked to each node. */
export async function loadTree(db: Executor, versionId: number, levels: readonly Level[]): Promise<TreeNode[]> {
  const rows = await db
    .selectFrom('nodes')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('depth')
    .orderBy('position')
    .execute();
  const links = await db
    .selectFrom('node_terms')
    .innerJoin('nodes', 'nodes.id', 'node_terms.node_id')
    .innerJoin('terms', 'terms.id', 'node_terms.term_id')
    .innerJoin('taxonomies', 'taxonomies.id', 'terms.taxonomy_id')
    .select([
      'node_terms.node_id as nodeId',
      'terms.key as term',
      'taxonomies.key as taxonomy',
      'taxonomies.position as tp',
      'terms.position as p',
    ])
    .where('nodes.version_id', '=', versionId)
    .execute();
  links.sort((a, b) => a.tp - b.tp || a.p - b.p);
  const byId = new Map<number, TreeNode>();
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const parent = r.parent_id === null ? null : byId.get(r.parent_id);
    const node: TreeNode = {
      key: r.key,
      slug: r.slug,
      path: parent ? [...parent.path, r.slug] : [r.slug],
      depth: r.depth,
      level: levels[r.depth - 1]?.key ?? `level-${r.depth}`,
      parentKey: parent ? parent.key : null,
      title: requiredTextFromJson(r.title),
      shortTitle: textFromJson(r.short_title),
      summary: textFromJson(r.summary),
      body: textFromJson(r.body),
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

export async function loadTaxonomies(db: Executor, programmeId: number): Promise<Taxonomy[]> {
  const taxonomies = await db
    .selectFrom('taxonomies')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
  if (taxonomies.length === 0) return [];
  const terms = await db
    .selectFrom('terms')
    .selectAll()
    .where(
      'taxonomy_id',
      'in',
      taxonomies.map((t) => t.id),
    )
    .orderBy('position')
    .execute();
  return taxonomies.map((t) => ({
    key: t.key,
    name: requiredTextFromJson(t.name),
    description: textFromJson(t.description),
    terms: terms
      .filter((term) => term.taxonomy_id === t.id)
      .map((term) => ({
        key: term.key,
        title: requiredTextFromJson(term.title),
        shortTitle: textFromJson(term.short_title),
        description: textFromJson(term.description),
      })),
  }));
}
