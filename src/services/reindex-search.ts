/**
 * Keeps the search index in step with the indexing rules: when the index was built with another
 * SEARCH_INDEX_VERSION (or never), it is rebuilt from the stored node texts in one transaction.
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Db } from '#src/storage/database.ts';
import type { Executor } from '#src/storage/executor.ts';
import { deleteAllSearchRows, insertSearchRows, listNodeTexts } from '#src/storage/repositories/search-repository.ts';
import { searchRowsFor } from './programmes/import-programme.ts';
import { markIndexCurrent, rebuildIfStale } from './search-index-version.ts';

const KEY = 'search_index_version';

const text = (json: string | null): LocalizedText | undefined =>
  json === null ? undefined : (JSON.parse(json) as LocalizedText);

/** Records that the whole index was just built with the current rules (e.g. by seeding an empty database). */
export async function markSearchIndexCurrent(db: Executor): Promise<void> {
  await markIndexCurrent(db, KEY);
}

/** Rebuilds the index if it is stale; returns the number of nodes re-indexed (0 when it was current). */
export function ensureSearchIndex(db: Db): Promise<number> {
  return rebuildIfStale(db, KEY, 'programme', async (trx) => {
    const nodes = await listNodeTexts(trx);
    await deleteAllSearchRows(trx);
    await insertSearchRows(
      trx,
      nodes.flatMap((n) =>
        searchRowsFor(n.versionId, n.id, {
          title: text(n.title) as { fi: string },
          shortTitle: text(n.shortTitle),
          summary: text(n.summary),
          body: text(n.body),
        }),
      ),
    );
    return nodes.length;
  });
}
