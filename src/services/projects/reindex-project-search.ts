/**
 * Keeps the projects' search index in step with the indexing rules, like reindex-search.ts does for
 * node texts: when it was built with another SEARCH_INDEX_VERSION (or never), every project's
 * search rows are made again from the stored texts, in one transaction.
 */
import { SEARCH_INDEX_VERSION } from '#src/domain/search-text.ts';
import { projectSearchTexts } from '#src/domain/projects/search-text.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { bumpGeneration, readMeta, writeMeta } from '#src/storage/repositories/meta-repository.ts';
import { listProjectSearchSources, replaceAllProjectSearchRows } from '#src/storage/repositories/projects-repository.ts';

const KEY = 'project_search_index_version';

/** Rebuilds the index if it is stale; returns the number of projects re-indexed (0 when it was current). */
export async function ensureProjectSearchIndex(db: Db): Promise<number> {
  if ((await readMeta(db.kysely, KEY)) === String(SEARCH_INDEX_VERSION)) return 0;
  return inTransaction(db.kysely, async (trx) => {
    const projects = await listProjectSearchSources(trx);
    await replaceAllProjectSearchRows(
      trx,
      projects.map((p) => ({ id: p.id, search: projectSearchTexts(p) })),
    );
    await writeMeta(trx, KEY, String(SEARCH_INDEX_VERSION));
    if (projects.length > 0) await bumpGeneration(trx);
    return projects.length;
  });
}
