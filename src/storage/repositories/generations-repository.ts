/**
 * Content generations (docs/freshness.md): one counter per region and kind of content, bumped in
 * the same transaction as every write to that content, read by the caches of every process
 * (services/freshness.ts) to know what to drop. Generations only grow.
 */
import type { Executor } from '../executor.ts';

/**
 * The kinds of public content a cache can depend on:
 * - `region`: the region's facts (name, municipalities, council, offices, contacts);
 * - `programme`: its programmes, versions, nodes, terms, search rows and financing plans;
 * - `projects`: its projects with their funding, links and search rows.
 * Monitoring and consultation will add `indicators` and `consultation`.
 */
export const CONTENT_KINDS = ['region', 'programme', 'projects'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Which tables hold each kind of content: a write to one of them must bump the kind (checked in tests). */
export const CONTENT_TABLES: Readonly<Record<ContentKind, readonly string[]>> = {
  region: ['regions', 'municipalities', 'councils', 'offices', 'contacts'],
  programme: [
    'programmes',
    'versions',
    'nodes',
    'taxonomies',
    'terms',
    'node_terms',
    'node_search',
    'node_search_fts',
    'financing_plan',
  ],
  projects: [
    'projects',
    'project_municipalities',
    'project_funding',
    'project_nodes',
    'project_terms',
    'project_search',
  ],
};

export interface GenerationRow {
  regionCode: string;
  kind: ContentKind;
  generation: number;
}

/** Every stored generation (a region and kind never bumped has none: read it as 0). */
export async function readGenerations(db: Executor): Promise<GenerationRow[]> {
  const rows = await db.selectFrom('content_generations').select(['region_code', 'kind', 'generation']).execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    kind: r.kind as ContentKind,
    generation: Number(r.generation),
  }));
}

/** Adds one to the generation of each of `kinds` of the region, in the caller's transaction. */
export async function bumpGenerations(db: Executor, regionCode: string, kinds: readonly ContentKind[]): Promise<void> {
  for (const kind of new Set(kinds)) {
    await db
      .insertInto('content_generations')
      .values({ region_code: regionCode, kind, generation: 1 })
      .onConflict((oc) =>
        oc
          .columns(['region_code', 'kind'])
          .doUpdateSet((eb) => ({ generation: eb('content_generations.generation', '+', 1) })),
      )
      .execute();
  }
}

/** The codes of every region (for writes that touch all of them, such as rebuilding a search index). */
export async function allRegionCodes(db: Executor): Promise<string[]> {
  return (await db.selectFrom('regions').select('code').orderBy('code').execute()).map((r) => r.code);
}
