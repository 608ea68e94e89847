/**
 * Keeps the projects' search index in step with the indexing rules, like reindex-search.ts does for
 * node texts: when it was built with another SEARCH_INDEX_VERSION (or never), every project's
 * search rows are made again from the stored texts, in one transaction.
 */
import { projectSearchTexts } from '#src/domain/projects/search-text.ts';
import type { Db } from '#src/storage/database.ts';
import {
  listProjectSearchSources,
  replaceAllProjectSearchRows,
} from '#src/storage/repositories/projects-repository.ts';
import { rebuildIfStale } from '../search-index-version.ts';

const KEY = 'project_search_index_version';

/** Rebuilds the index if it is stale; returns the number of projects re-indexed (0 when it was current). */
export function ensureProjectSearchIndex(db: Db): Promise<number> {
  return rebuildIfStale(db, KEY, 'projects', async (trx) => {
    const projects = await listProjectSearchSources(trx);
    await replaceAllProjectSearchRows(
      trx,
      projects.map((p) => ({ id: p.id, search: projectSearchTexts(p) })),
    );
    return projects.length;
  });
}
