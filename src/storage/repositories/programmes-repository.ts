/**
 * Programmes: one row per programme of a region, with its title, period and levels (its versions,
 * nodes and taxonomies have their own repositories). The update of a programme is conditional:
 * `UPDATE … WHERE id = ? AND revision = ?` bumps the revision and reports false when the row was
 * changed (or removed) since it was read.
 */
import type { Level } from '#src/domain/programmes/programme-file.ts';
import type { ProgrammeSummary } from '#src/domain/read-models.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { ProgrammeTable } from '../schema.ts';
import { requiredTextFromJson, textToJson } from '../json-text.ts';
import { now, updated } from './revisions.ts';

/** A programme as stored: its summary's fields with the row id, revision and translation status. */
export interface ProgrammeRow extends Omit<ProgrammeSummary, 'id' | 'currentVersion'> {
  id: number;
  revision: number;
  translationStatus: string | null;
}

/** The programme row's database id with its public summary. */
export interface StoredProgramme extends ProgrammeSummary {
  dbId: number;
}

type ProgrammeTexts = Pick<ProgrammeRow, 'title' | 'periodStart' | 'periodEnd' | 'levels' | 'translationStatus'>;

function toProgrammeRow(r: Selectable<ProgrammeTable>): ProgrammeRow {
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

const textColumns = (p: ProgrammeTexts) =>
  ({
    title: textToJson(p.title) ?? '{}',
    period_start: p.periodStart,
    period_end: p.periodEnd,
    levels: JSON.stringify(p.levels),
    translation_status: p.translationStatus,
  }) satisfies Partial<Insertable<ProgrammeTable>>;

/** The current version: the newest approved one, else the newest published one, else the newest. */
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
  const rows = (await q.orderBy('region_code').orderBy('period_start', 'desc').execute()).map(toProgrammeRow);
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
    id: `${r.regionCode}-${r.slug}`,
    regionCode: r.regionCode,
    slug: r.slug,
    kind: r.kind,
    title: r.title,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    levels: r.levels,
    currentVersion: currentVersionOf(versions.filter((v) => v.programme_id === r.id)),
  }));
}

/** A programme's public summary by region code and slug. */
export async function findProgramme(db: Executor, regionCode: string, slug: string): Promise<StoredProgramme | null> {
  const all = await listProgrammes(db, regionCode);
  return all.find((p) => p.slug === slug) ?? null;
}

/** A programme's row (with revision and translation status, for the editor) by region code and slug. */
export async function findProgrammeRow(db: Executor, regionCode: string, slug: string): Promise<ProgrammeRow | null> {
  const r = await db
    .selectFrom('programmes')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r ? toProgrammeRow(r) : null;
}

export async function insertProgramme(
  db: Executor,
  p: Omit<ProgrammeRow, 'id' | 'revision' | 'translationStatus'>,
): Promise<number> {
  const row = await db
    .insertInto('programmes')
    .values({
      region_code: p.regionCode,
      slug: p.slug,
      kind: p.kind,
      ...textColumns({ ...p, translationStatus: null }),
      revision: 1,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgrammeIfRevision(
  db: Executor,
  id: number,
  revision: number,
  p: ProgrammeTexts,
): Promise<boolean> {
  const r = await db
    .updateTable('programmes')
    .set({ ...textColumns(p), revision: revision + 1, updated_at: now() })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

/** Deletes a programme with its versions, nodes, term links, search rows and taxonomies. */
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
