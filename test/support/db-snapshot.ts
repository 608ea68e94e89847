/**
 * A snapshot of what a database holds (row counts of every table, plus the full rows of the small
 * tables), so tests can prove that a rejected import wrote nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/storage/schema.ts';

const TABLES = [
  'regions',
  'subregions',
  'municipalities',
  'councils',
  'offices',
  'contacts',
  'programmes',
  'versions',
  'nodes',
  'taxonomies',
  'terms',
  'node_terms',
  'node_search',
  'meta',
  'users',
  'user_roles',
  'sessions',
  'one_time_tokens',
  'login_attempts',
  'audit_events',
  'projects',
  'project_municipalities',
  'project_funding',
  'project_nodes',
  'project_terms',
  'project_search',
  'financing_plan',
  'indicator_settings',
  'indicator_groups',
  'indicators',
  'indicator_links',
  'indicator_baselines',
  'indicator_targets',
  'statistics_imports',
  'observations',
  'reports',
  'consultation_rounds',
  'consultation_comments',
  'consultation_attachments',
  'consultation_responses',
  'consultation_response_comments',
] as const satisfies readonly (keyof Database)[];

export interface DbSnapshot {
  counts: Record<string, number>;
  rows: Record<string, unknown[]>;
}

export async function snapshot(db: Kysely<Database>): Promise<DbSnapshot> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const rows: Record<string, unknown[]> = {
    regions: await db.selectFrom('regions').selectAll().orderBy('code').execute(),
    municipalities: await db.selectFrom('municipalities').selectAll().orderBy('code').execute(),
    councils: await db.selectFrom('councils').selectAll().orderBy('region_code').execute(),
    programmes: await db.selectFrom('programmes').selectAll().orderBy('id').execute(),
    meta: await db.selectFrom('meta').selectAll().orderBy('key').execute(),
    projects: await db.selectFrom('projects').selectAll().orderBy('id').execute(),
    project_funding: await db
      .selectFrom('project_funding')
      .selectAll()
      .orderBy('project_id')
      .orderBy('position')
      .execute(),
    financing_plan: await db
      .selectFrom('financing_plan')
      .selectAll()
      .orderBy('region_code')
      .orderBy('programme_slug')
      .orderBy('version_number')
      .orderBy('node_key')
      .orderBy('fund')
      .orderBy('year')
      .execute(),
  };
  return { counts, rows };
}
