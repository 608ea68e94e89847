/**
 * Rows of editable content with their revisions, and the writes of the editing services. Every
 * update of an editable row is conditional: `UPDATE … WHERE id = ? AND revision = ?` bumps the
 * revision and reports false when the row was changed (or removed) since it was read.
 */
import type { EditableContact, EditableOffice } from '#src/domain/editor-models.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Level, VersionStatus } from '#src/domain/programme-file.ts';
import type { Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { VersionTable } from '../schema.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';
import type { SearchRow } from './search-repository.ts';

const now = (): string => new Date().toISOString();
const updated = (r: { numUpdatedRows: bigint } | undefined): boolean => (r?.numUpdatedRows ?? 0n) > 0n;

export interface ProgrammeRow {
  id: number;
  regionCode: string;
  slug: string;
  kind: string;
  title: LocalizedText;
  periodStart: number;
  periodEnd: number;
  levels: Level[];
  revision: number;
  translationStatus: string | null;
}

export async function findProgrammeRow(db: Executor, regionCode: string, slug: string): Promise<ProgrammeRow | null> {
  const r = await db
    .selectFrom('programmes')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    regionCode: r.region_code,
    slug: r.slug,
    kind: r.kind,
    title: requiredTextFromJson(r.title),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    levels: JSON.parse(r.levels) as Level[],
    revision: r.revision,
    translationStatus: r.translation_status,
  };
}

export async function updateProgrammeIfRevision(
  db: Executor,
  id: number,
  revision: number,
  p: {
    title: LocalizedText;
    periodStart: number;
    periodEnd: number;
    levels: Level[];
    translationStatus: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('programmes')
    .set({
      title: textToJson(p.title) ?? '{}',
      period_start: p.periodStart,
      period_end: p.periodEnd,
      levels: JSON.stringify(p.levels),
      translation_status: p.translationStatus,
      revision: revision + 1,
      updated_at: now(),
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export interface VersionRow {
  id: number;
  programmeId: number;
  number: number;
  status: VersionStatus;
  label: LocalizedText | null;
  decisionBody: LocalizedText | null;
  decisionDate: string | null;
  decisionReference: string | null;
  changelog: LocalizedText | null;
  vision: LocalizedText | null;
  summary: LocalizedText | null;
  revision: number;
  updatedAt: string;
  translationStatus: string | null;
}

type VersionDb = Selectable<VersionTable>;

function toVersionRow(v: VersionDb): VersionRow {
  return {
    id: v.id,
    programmeId: v.programme_id,
    number: v.number,
    status: v.status as VersionStatus,
    label: textFromJson(v.label),
    decisionBody: textFromJson(v.decision_body),
    decisionDate: v.decision_date,
    decisionReference: v.decision_reference,
    changelog: textFromJson(v.changelog),
    vision: textFromJson(v.vision),
    summary: textFromJson(v.summary),
    revision: v.revision,
    updatedAt: v.updated_at,
    translationStatus: v.translation_status,
  };
}

export async function listVersionRows(db: Executor, programmeId: number): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('number')
    .execute();
  return rows.map(toVersionRow);
}

export interface VersionPatch {
  status?: VersionStatus;
  label?: LocalizedText | null;
  decisionBody?: LocalizedText | null;
  decisionDate?: string | null;
  decisionReference?: string | null;
  changelog?: LocalizedText | null;
  vision?: LocalizedText | null;
  summary?: LocalizedText | null;
  translationStatus?: string | null;
}

export async function updateVersionIfRevision(
  db: Executor,
  id: number,
  revision: number,
  patch: VersionPatch,
): Promise<boolean> {
  const set: Record<string, unknown> = { revision: revision + 1, updated_at: now() };
  if (patch.status !== undefined) set['status'] = patch.status;
  if (patch.label !== undefined) set['label'] = textToJson(patch.label);
  if (patch.decisionBody !== undefined) set['decision_body'] = textToJson(patch.decisionBody);
  if (patch.decisionDate !== undefined) set['decision_date'] = patch.decisionDate;
  if (patch.decisionReference !== undefined) set['decision_reference'] = patch.decisionReference;
  if (patch.changelog !== undefined) set['changelog'] = textToJson(patch.changelog);
  if (patch.vision !== undefined) set['vision'] = textToJson(patch.vision);
  if (patch.summary !== undefined) set['summary'] = textToJson(patch.summary);
  if (patch.translationStatus !== undefined) set['translation_status'] = patch.translationStatus;
  const r = await db
    .updateTable('versions')
    .set(set)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export async function insertDraftVersion(
  db: Executor,
  programmeId: number,
  v: {
    number: number;
    label: LocalizedText | null;
    vision: LocalizedText | null;
    summary: LocalizedText | null;
    translationStatus: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('versions')
    .values({
      programme_id: programmeId,
      number: v.number,
      status: 'draft',
      label: textToJson(v.label),
      decision_body: null,
      decision_date: null,
      decision_reference: null,
      changelog: null,
      vision: textToJson(v.vision),
      summary: textToJson(v.summary),
      translation_status: v.translationStatus,
      revision: 1,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Marks a draft version as changed now, when it is still a draft; false otherwise. Taking the
 * version's row in the same transaction as an edit of its content serialises the edit with a
 * concurrent change of the version's status (e.g. sending it to consultation).
 */
export async function touchDraftVersion(db: Executor, id: number): Promise<boolean> {
  const r = await db
    .updateTable('versions')
    .set({ updated_at: now() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return updated(r);
}

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

type NodeDb = {
  id: number;
  version_id: number;
  key: string;
  parent_id: number | null;
  position: number;
  depth: number;
  slug: string;
  title: string;
  short_title: string | null;
  summary: string | null;
  body: string | null;
  revision: number;
  translation_status: string | null;
};

function toNodeRow(r: NodeDb): NodeRow {
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

/** Every node of a version, parents before children, siblings in order. */
export async function listNodeRows(db: Executor, versionId: number): Promise<NodeRow[]> {
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

export async function findNodeRow(db: Executor, versionId: number, key: string): Promise<NodeRow | null> {
  const r = await db
    .selectFrom('nodes')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? toNodeRow(r) : null;
}

export interface NodeTextsPatch {
  slug: string;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  summary: LocalizedText | null;
  body: LocalizedText | null;
  translationStatus: string | null;
}

export async function updateNodeIfRevision(
  db: Executor,
  id: number,
  revision: number,
  p: NodeTextsPatch,
): Promise<boolean> {
  const r = await db
    .updateTable('nodes')
    .set({
      slug: p.slug,
      title: textToJson(p.title) ?? '{}',
      short_title: textToJson(p.shortTitle),
      summary: textToJson(p.summary),
      body: textToJson(p.body),
      translation_status: p.translationStatus,
      revision: revision + 1,
    })
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

export async function insertNodeRow(db: Executor, n: Omit<NodeRow, 'id' | 'revision'>): Promise<number> {
  const row = await db
    .insertInto('nodes')
    .values({
      version_id: n.versionId,
      key: n.key,
      parent_id: n.parentId,
      position: n.position,
      depth: n.depth,
      slug: n.slug,
      title: textToJson(n.title) ?? '{}',
      short_title: textToJson(n.shortTitle),
      summary: textToJson(n.summary),
      body: textToJson(n.body),
      translation_status: n.translationStatus,
      revision: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
export async function deleteNodeRows(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('node_search').where('node_id', 'in', ids).execute();
  await db.deleteFrom('node_terms').where('node_id', 'in', ids).execute();
  await db.updateTable('nodes').set({ parent_id: null }).where('id', 'in', ids).execute();
  await db.deleteFrom('nodes').where('id', 'in', ids).execute();
}

/** Term links of the nodes of a version: node id → term ids. */
export async function nodeTermLinks(db: Executor, versionId: number): Promise<{ nodeId: number; termId: number }[]> {
  return db
    .selectFrom('node_terms')
    .innerJoin('nodes', 'nodes.id', 'node_terms.node_id')
    .select(['node_terms.node_id as nodeId', 'node_terms.term_id as termId'])
    .where('nodes.version_id', '=', versionId)
    .execute();
}

export async function replaceNodeTerms(db: Executor, nodeId: number, termIds: readonly number[]): Promise<void> {
  await db.deleteFrom('node_terms').where('node_id', '=', nodeId).execute();
  if (termIds.length > 0) {
    await db
      .insertInto('node_terms')
      .values([...new Set(termIds)].map((termId) => ({ node_id: nodeId, term_id: termId })))
      .execute();
  }
}

/** Replaces the search-index rows of one node. */
export async function replaceNodeSearchRows(db: Executor, nodeId: number, rows: readonly SearchRow[]): Promise<void> {
  await db.deleteFrom('node_search').where('node_id', '=', nodeId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('node_search')
      .values(rows.map((r) => ({ version_id: r.versionId, node_id: r.nodeId, lang: r.lang, stems: r.stems })))
      .execute();
  }
}

export interface TaxonomyRow {
  id: number;
  key: string;
  position: number;
  name: LocalizedText;
  description: LocalizedText | null;
  revision: number;
}

export interface TermRow {
  id: number;
  taxonomyId: number;
  taxonomyKey: string;
  key: string;
  position: number;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  description: LocalizedText | null;
  revision: number;
  translationStatus: string | null;
}

export async function listTaxonomyRows(db: Executor, programmeId: number): Promise<TaxonomyRow[]> {
  const rows = await db
    .selectFrom('taxonomies')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    key: t.key,
    position: t.position,
    name: requiredTextFromJson(t.name),
    description: textFromJson(t.description),
    revision: t.revision,
  }));
}

export async function listTermRows(db: Executor, programmeId: number): Promise<TermRow[]> {
  const rows = await db
    .selectFrom('terms')
    .innerJoin('taxonomies', 'taxonomies.id', 'terms.taxonomy_id')
    .selectAll('terms')
    .select(['taxonomies.key as taxonomy_key', 'taxonomies.position as taxonomy_position'])
    .where('taxonomies.programme_id', '=', programmeId)
    .orderBy('taxonomies.position')
    .orderBy('terms.position')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    taxonomyId: t.taxonomy_id,
    taxonomyKey: t.taxonomy_key,
    key: t.key,
    position: t.position,
    title: requiredTextFromJson(t.title),
    shortTitle: textFromJson(t.short_title),
    description: textFromJson(t.description),
    revision: t.revision,
    translationStatus: t.translation_status,
  }));
}

export interface TermTexts {
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  description: LocalizedText | null;
  translationStatus: string | null;
}

export async function insertTermRow(
  db: Executor,
  taxonomyId: number,
  key: string,
  position: number,
  t: TermTexts,
): Promise<number> {
  const row = await db
    .insertInto('terms')
    .values({
      taxonomy_id: taxonomyId,
      key,
      position,
      title: textToJson(t.title) ?? '{}',
      short_title: textToJson(t.shortTitle),
      description: textToJson(t.description),
      translation_status: t.translationStatus,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTermIfRevision(db: Executor, id: number, revision: number, t: TermTexts): Promise<boolean> {
  const r = await db
    .updateTable('terms')
    .set({
      title: textToJson(t.title) ?? '{}',
      short_title: textToJson(t.shortTitle),
      description: textToJson(t.description),
      translation_status: t.translationStatus,
      revision: revision + 1,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export async function deleteTermIfRevision(db: Executor, id: number, revision: number): Promise<boolean> {
  const r = await db.deleteFrom('terms').where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  return (r?.numDeletedRows ?? 0n) > 0n;
}

/** The versions (number and status) whose nodes link to a term. */
export async function termUsage(db: Executor, termId: number): Promise<{ number: number; status: VersionStatus }[]> {
  const rows = await db
    .selectFrom('node_terms')
    .innerJoin('nodes', 'nodes.id', 'node_terms.node_id')
    .innerJoin('versions', 'versions.id', 'nodes.version_id')
    .select(['versions.number as number', 'versions.status as status'])
    .where('node_terms.term_id', '=', termId)
    .groupBy(['versions.number', 'versions.status'])
    .orderBy('versions.number')
    .execute();
  return rows.map((r) => ({ number: r.number, status: r.status as VersionStatus }));
}

export async function deleteTermLinks(db: Executor, termId: number): Promise<void> {
  await db.deleteFrom('node_terms').where('term_id', '=', termId).execute();
}

export type OfficeRow = EditableOffice;

export type OfficeValues = Omit<OfficeRow, 'id' | 'position' | 'revision'>;

export async function listOfficeRows(db: Executor, regionCode: string): Promise<OfficeRow[]> {
  const rows = await db
    .selectFrom('offices')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((o) => ({
    id: o.id,
    key: o.key,
    kind: o.kind === 'branch' ? 'branch' : 'main',
    position: o.position,
    name: requiredTextFromJson(o.name),
    postalAddress: o.postal_address,
    visitingAddress: o.visiting_address,
    hours: textFromJson(o.hours),
    phone: o.phone,
    email: o.email,
    revision: o.revision,
  }));
}

const officeColumns = (o: OfficeValues) => ({
  key: o.key,
  kind: o.kind,
  name: textToJson(o.name) ?? '{}',
  postal_address: o.postalAddress,
  visiting_address: o.visitingAddress,
  hours: textToJson(o.hours),
  phone: o.phone,
  email: o.email,
});

export async function insertOfficeRow(
  db: Executor,
  regionCode: string,
  position: number,
  o: OfficeValues,
): Promise<number> {
  const row = await db
    .insertInto('offices')
    .values({ region_code: regionCode, position, ...officeColumns(o) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOfficeIfRevision(
  db: Executor,
  id: number,
  revision: number,
  o: OfficeValues,
): Promise<boolean> {
  const r = await db
    .updateTable('offices')
    .set({ ...officeColumns(o), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export type ContactRow = EditableContact;

export type ContactValues = Omit<ContactRow, 'id' | 'position' | 'revision'>;

export async function listContactRows(db: Executor, regionCode: string): Promise<ContactRow[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    position: c.position,
    name: c.name,
    role: requiredTextFromJson(c.role),
    topic: textFromJson(c.topic),
    email: c.email,
    phone: c.phone,
    revision: c.revision,
  }));
}

const contactColumns = (c: ContactValues) => ({
  name: c.name,
  role: textToJson(c.role) ?? '{}',
  topic: textToJson(c.topic),
  email: c.email,
  phone: c.phone,
});

export async function insertContactRow(
  db: Executor,
  regionCode: string,
  position: number,
  c: ContactValues,
): Promise<number> {
  const row = await db
    .insertInto('contacts')
    .values({ region_code: regionCode, position, ...contactColumns(c) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContactIfRevision(
  db: Executor,
  id: number,
  revision: number,
  c: ContactValues,
): Promise<boolean> {
  const r = await db
    .updateTable('contacts')
    .set({ ...contactColumns(c), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export type CouncilTable = 'offices' | 'contacts';

/** Deletes an office or contact still at `revision`; false when it changed or is gone. */
export async function deleteCouncilRowIfRevision(
  db: Executor,
  table: CouncilTable,
  id: number,
  revision: number,
): Promise<boolean> {
  const r = await db.deleteFrom(table).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  return (r?.numDeletedRows ?? 0n) > 0n;
}

/** Sets the order of a region's offices or contacts to `ids` (positions 0, 1, 2…). */
export async function orderCouncilRows(db: Executor, table: CouncilTable, ids: readonly number[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}

/** True when the region has a council row (offices and contacts belong to it). */
export async function councilExists(db: Executor, regionCode: string): Promise<boolean> {
  return (
    (await db.selectFrom('councils').select('region_code').where('region_code', '=', regionCode).executeTakeFirst()) !==
    undefined
  );
}

/** The terms linked to a node as `taxonomy/term`, in taxonomy and term order. */
export async function nodeTermRefs(db: Executor, nodeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('node_terms')
    .innerJoin('terms', 'terms.id', 'node_terms.term_id')
    .innerJoin('taxonomies', 'taxonomies.id', 'terms.taxonomy_id')
    .select(['taxonomies.key as taxonomy', 'terms.key as term'])
    .where('node_terms.node_id', '=', nodeId)
    .orderBy('taxonomies.position')
    .orderBy('terms.position')
    .execute();
  return rows.map((r) => `${r.taxonomy}/${r.term}`);
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
