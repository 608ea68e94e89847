/**
 * The taxonomies of a programme (themes, goals…), their terms and the links of nodes to terms.
 * Every update of a term is conditional: `UPDATE … WHERE id = ? AND revision = ?` bumps the
 * revision and reports false when the term was changed (or removed) since it was read.
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { VersionStatus } from '#src/domain/programmes/programme-file.ts';
import type { Taxonomy } from '#src/domain/read-models.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { TaxonomyTable, TermTable } from '../schema.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';
import { deleted, updated } from './revisions.ts';

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

export type TermTexts = Pick<TermRow, 'title' | 'shortTitle' | 'description' | 'translationStatus'>;

function toTaxonomyRow(t: Selectable<TaxonomyTable>): TaxonomyRow {
  return {
    id: t.id,
    key: t.key,
    position: t.position,
    name: requiredTextFromJson(t.name),
    description: textFromJson(t.description),
    revision: t.revision,
  };
}

function toTermRow(t: Selectable<TermTable> & { taxonomy_key: string }): TermRow {
  return {
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
  };
}

const termColumns = (t: TermTexts) =>
  ({
    title: textToJson(t.title) ?? '{}',
    short_title: textToJson(t.shortTitle),
    description: textToJson(t.description),
    translation_status: t.translationStatus,
  }) satisfies Partial<Insertable<TermTable>>;

/** The taxonomies of a programme in order. */
export async function listTaxonomies(db: Executor, programmeId: number): Promise<TaxonomyRow[]> {
  const rows = await db
    .selectFrom('taxonomies')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
  return rows.map(toTaxonomyRow);
}

/** The terms of every taxonomy of a programme, in taxonomy and term order. */
export async function listTerms(db: Executor, programmeId: number): Promise<TermRow[]> {
  const rows = await db
    .selectFrom('terms')
    .innerJoin('taxonomies', 'taxonomies.id', 'terms.taxonomy_id')
    .selectAll('terms')
    .select('taxonomies.key as taxonomy_key')
    .where('taxonomies.programme_id', '=', programmeId)
    .orderBy('taxonomies.position')
    .orderBy('terms.position')
    .execute();
  return rows.map(toTermRow);
}

/** The taxonomies of a programme with their terms, as the site and the API show them. */
export async function loadTaxonomies(db: Executor, programmeId: number): Promise<Taxonomy[]> {
  const [taxonomies, terms] = await Promise.all([listTaxonomies(db, programmeId), listTerms(db, programmeId)]);
  return taxonomies.map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    terms: terms
      .filter((term) => term.taxonomyId === t.id)
      .map((term) => ({
        key: term.key,
        title: term.title,
        shortTitle: term.shortTitle,
        description: term.description,
      })),
  }));
}

export async function insertTaxonomy(
  db: Executor,
  programmeId: number,
  t: Pick<TaxonomyRow, 'key' | 'position' | 'name' | 'description'>,
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
  t: Pick<TermRow, 'key' | 'position'> & TermTexts,
): Promise<number> {
  const row = await db
    .insertInto('terms')
    .values({ taxonomy_id: taxonomyId, key: t.key, position: t.position, ...termColumns(t) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTermIfRevision(db: Executor, id: number, revision: number, t: TermTexts): Promise<boolean> {
  const r = await db
    .updateTable('terms')
    .set({ ...termColumns(t), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export async function deleteTermIfRevision(db: Executor, id: number, revision: number): Promise<boolean> {
  return deleted(await db.deleteFrom('terms').where('id', '=', id).where('revision', '=', revision).executeTakeFirst());
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

/** Term links of the nodes of a version (node id, term id). */
export async function nodeTermLinks(db: Executor, versionId: number): Promise<{ nodeId: number; termId: number }[]> {
  return db
    .selectFrom('node_terms')
    .innerJoin('nodes', 'nodes.id', 'node_terms.node_id')
    .select(['node_terms.node_id as nodeId', 'node_terms.term_id as termId'])
    .where('nodes.version_id', '=', versionId)
    .execute();
}

/**
 * The terms linked to one node or to every node of a version, by taxonomy and term key, in
 * taxonomy and term order.
 */
export async function nodeTermRefs(
  db: Executor,
  of: { nodeId: number } | { versionId: number },
): Promise<{ nodeId: number; taxonomy: string; term: string }[]> {
  let q = db
    .selectFrom('node_terms')
    .innerJoin('nodes', 'nodes.id', 'node_terms.node_id')
    .innerJoin('terms', 'terms.id', 'node_terms.term_id')
    .innerJoin('taxonomies', 'taxonomies.id', 'terms.taxonomy_id')
    .select(['node_terms.node_id as nodeId', 'taxonomies.key as taxonomy', 'terms.key as term']);
  q = 'nodeId' in of ? q.where('node_terms.node_id', '=', of.nodeId) : q.where('nodes.version_id', '=', of.versionId);
  return q.orderBy('taxonomies.position').orderBy('terms.position').execute();
}

export async function linkNodeTerms(db: Executor, links: readonly { nodeId: number; termId: number }[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('node_terms')
    .values(links.map((l) => ({ node_id: l.nodeId, term_id: l.termId })))
    .execute();
}

/** Replaces the terms linked to a node. */
export async function replaceNodeTerms(db: Executor, nodeId: number, termIds: readonly number[]): Promise<void> {
  await db.deleteFrom('node_terms').where('node_id', '=', nodeId).execute();
  await linkNodeTerms(
    db,
    [...new Set(termIds)].map((termId) => ({ nodeId, termId })),
  );
}
