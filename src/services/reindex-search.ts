/**
 * Keeps the search index in step with the indexing rules: when the index was built with another
 * SEARCH_INDEX_VERSION (or never), it is rebuilt from the stored node texts in one transaction.
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import { SEARCH_INDEX_VERSION } from '#src/domain/search-text.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import { bumpGeneration, readMeta, writeMeta } from '#src/storage/repositories/meta-repository.ts';
import { deleteAllSearchRows, insertSearchRows, listNodeTexts } from '#src/storage/repositories/search-repository.ts';
import { searchRowsFor } from './import-programme.ts';

const KEY = 'search_index_version';

const text = (json: string | null): LocalizedText | undefined => (json === null ? undefined : (JSON.parse(json) as LocalizedText));

/** Records that the whole index was just built with the current rules (e.g. by seeding an empty database). */
export async function markSearchIndexCurrent(db: Executor): Promise<void> {
  await writeMeta(db, KEY, String(SEARCH_INDEX_VERSION));
}

/** Rebuilds the index if it is stale; returns the number of nodes re-indexed (0 when it was current). */
export async function ensureSearchIndex(db: Db): Promise<number> {
  if ((await readMeta(db.kysely, KEY)) === String(SEARCH_INDEX_VERSION)) return 0;
  return inTransaction(db.kysely, async (trx) => {
    const nodes = await listNodeTexts(trx);
    await deleteAllSearchRows(trx);
    await insertSearchRows(
      trx,
      nodes.flatMap((n) =>
        searchRowsFor(n.versionId, n.id, { title: text(n.title) as { fi: string }, shortTitle: text(n.shortTitle), summary: text(n.summary), body: text(n.body) }),
      ),
    );
    await writeMeta(trx, KEY, String(SEARCH_INDEX_VERSION));
    await bumpGeneration(trx);
    return nodes.length;
  });
}
