/**
 * Content generations (docs/freshness.md): one counter per region and kind of content, bumped in
 * the same transaction as every write to that content, read by the caches of every process
 * (services/freshness.ts) to know what to drop. Generations only grow.
 */
import { noteBump } from '../content-writes.ts';
import type { ContentKind } from '../content-kinds.ts';
import type { Executor } from '../executor.ts';

export { CONTENT_KINDS, CONTENT_TABLES, type ContentKind } from '../content-kinds.ts';

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
  noteBump(kinds);
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
