/**
 * The search indexes (node texts, project texts) record which SEARCH_INDEX_VERSION built them; when
 * the indexing rules change, an index is built again from the stored texts in one transaction.
 */
import { SEARCH_INDEX_VERSION } from '#src/domain/search-text.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import { readMeta, writeMeta } from '#src/storage/repositories/meta-repository.ts';
import { contentChangedEverywhere, type ContentKind } from './freshness.ts';

/** Records under `key` that an index was just built with the current rules. */
export async function markIndexCurrent(db: Executor, key: string): Promise<void> {
  await writeMeta(db, key, String(SEARCH_INDEX_VERSION));
}

/**
 * Runs `rebuild` (which returns how many items it indexed) when the index recorded under `key` was
 * built with other rules or never; returns 0 when it was current. The index holds `kind` of
 * content of every region.
 */
export async function rebuildIfStale(
  db: Db,
  key: string,
  kind: ContentKind,
  rebuild: (trx: Executor) => Promise<number>,
): Promise<number> {
  if ((await readMeta(db.kysely, key)) === String(SEARCH_INDEX_VERSION)) return 0;
  return inTransaction(db.kysely, async (trx) => {
    const count = await rebuild(trx);
    await markIndexCurrent(trx, key);
    await contentChangedEverywhere(trx, [kind]);
    return count;
  });
}
