/**
 * Content generations per region and kind of content (docs/freshness.md): one counter per
 * (region, kind), bumped in the same transaction as every write to that content, so that caches
 * in this and other processes drop exactly what changed. Replaces the two global counters kept in
 * `meta` (`content_generation`, `projects_generation`).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_generations')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_generations_pk', ['region_code', 'kind'])
    .execute();
  await sql`DELETE FROM meta WHERE key IN ('content_generation', 'projects_generation')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_generations').execute();
}
