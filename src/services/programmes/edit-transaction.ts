/**
 * What every editing service shares: one transaction per change that also records which content
 * changed (services/freshness.ts: the region and kinds, so the caches showing it drop it), the
 * caches of this process told after the commit, and loading the programme and version being
 * edited (refusing edits of anything but a draft).
 */
import { AppError, notFound } from '#src/domain/errors.ts';
import { assertEditable } from '#src/domain/programmes/lifecycle.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import { findProgrammeRow, type ProgrammeRow } from '#src/storage/repositories/programmes-repository.ts';
import { listVersions, touchDraftVersion, type VersionRow } from '#src/storage/repositories/versions-repository.ts';
import type { Transaction } from 'kysely';
import type { Database } from '#src/storage/schema.ts';
import { contentChanged, type ContentScope } from '../freshness.ts';
import { reanchorRegionRounds } from '../consultation/reanchor.ts';

/** What the editing services need of the application: the database and the reader to refresh. */
export interface EditingContext {
  db: Db;
  reader: { invalidate(): void };
}

/**
 * Runs `work` in one transaction that also records the change of `changes` (a region and the
 * kinds of its content the edit changes); the caches of this process learn of it after the commit.
 */
export async function editTransaction<T>(
  ctx: EditingContext,
  changes: ContentScope,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const result = await inTransaction(ctx.db.kysely, async (trx) => {
    const out = await work(trx);
    await contentChanged(trx, changes.region, changes.kinds);
    // A change of the programme's texts or structure moves the comments of its consultation rounds.
    if (changes.kinds.includes('programme')) await reanchorRegionRounds(trx, changes.region, new Date().toISOString());
    return out;
  });
  ctx.reader.invalidate();
  return result;
}

/** The programme addressed by region code and slug: `{ code: '08', slug: '2022-2025' }`. */
export interface ProgrammeRef {
  code: string;
  slug: string;
}

export interface VersionRef extends ProgrammeRef {
  number: number;
}

export async function loadProgramme(db: Executor, ref: ProgrammeRef): Promise<ProgrammeRow> {
  const p = await findProgrammeRow(db, ref.code, ref.slug);
  if (!p) throw notFound(`Programme "${ref.code}-${ref.slug}"`);
  return p;
}

export async function loadVersion(
  db: Executor,
  ref: VersionRef,
): Promise<{ programme: ProgrammeRow; version: VersionRow; versions: VersionRow[] }> {
  const programme = await loadProgramme(db, ref);
  const versions = await listVersions(db, programme.id);
  const version = versions.find((v) => v.number === ref.number);
  if (!version) throw notFound(`Version ${ref.number} of programme "${ref.code}-${ref.slug}"`);
  return { programme, version, versions };
}

/**
 * Like loadVersion, refusing (409) when the version is not a draft. The version's row is touched
 * in the transaction, so a concurrent status change waits for (or fails) this edit.
 */
export async function loadDraft(
  db: Executor,
  ref: VersionRef,
): Promise<{ programme: ProgrammeRow; version: VersionRow; versions: VersionRow[] }> {
  const loaded = await loadVersion(db, ref);
  assertEditable(loaded.version.number, loaded.version.status);
  if (!(await touchDraftVersion(db, loaded.version.id))) {
    throw new AppError(
      'conflict',
      `Version ${loaded.version.number} stopped being a draft while you edited it; nothing was saved`,
      [],
      { code: 'stopped_being_draft', params: { number: loaded.version.number } },
    );
  }
  return loaded;
}

/** The audit log's id of a programme, a version or a node: `08-2022-2025/v3/osaaminen`. */
export function entityId(ref: ProgrammeRef, number?: number, key?: string): string {
  return [`${ref.code}-${ref.slug}`, number === undefined ? null : `v${number}`, key ?? null]
    .filter((p) => p !== null)
    .join('/');
}
