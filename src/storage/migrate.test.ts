/** The migrations on every database: up, down to empty, and up again, with the tables checked each time. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseTargets } from '../../test/support/databases.ts';
import { openDatabase, type Db } from './database.ts';
import { migrateToEmpty, migrateToLatest } from './migrate.ts';

const APP_TABLES = [
  'audit_events',
  'contacts',
  'councils',
  'financing_plan',
  'login_attempts',
  'meta',
  'municipalities',
  'node_search',
  'node_terms',
  'nodes',
  'offices',
  'one_time_tokens',
  'programmes',
  'project_funding',
  'project_municipalities',
  'project_nodes',
  'project_search',
  'project_terms',
  'projects',
  'regions',
  'sessions',
  'taxonomies',
  'terms',
  'user_roles',
  'users',
  'versions',
  'indicator_settings',
  'indicator_groups',
  'indicators',
  'indicator_links',
  'indicator_baselines',
  'indicator_targets',
  'statistics_imports',
  'observations',
  'subregions',
  'reports',
  'consultation_rounds',
  'consultation_comments',
  'consultation_attachments',
  'consultation_responses',
  'consultation_response_comments',
];

/** The application's tables in this database (on PostgreSQL, in its own schema only). */
async function tables(db: Db): Promise<string[]> {
  const all = await db.kysely.introspection.getTables();
  return all
    .filter((t) => db.dialect === 'sqlite' || t.schema === (db.schema ?? 'public'))
    .map((t) => t.name)
    .filter((n) => !n.startsWith('sqlite_'))
    .sort();
}

/** Written out, so that adding a migration is a deliberate change here too. */
const ALL_MIGRATIONS = [
  '0001-initial',
  '0002-accounts-audit-translations',
  '0003-projects',
  '0004-project-catalogue',
  '0005-content-generations',
  '0006-project-period-confirmed-links',
  '0007-indicators',
  '0010-subregions',
  '0011-reports',
  '0012-consultation',
  '0013-round-text',
];

for (const target of databaseTargets()) {
  describe(`migrations on ${target.name}`, () => {
    test('up, down to empty, and up again', async () => {
      const { url, dispose } = await target.create();
      const db = await openDatabase(url);
      try {
        assert.deepEqual(await tables(db), []);
        assert.deepEqual(await migrateToLatest(db), ALL_MIGRATIONS);
        const afterUp = await tables(db);
        for (const t of APP_TABLES) assert.ok(afterUp.includes(t), `table ${t} exists`);
        if (db.dialect === 'sqlite') assert.ok(afterUp.includes('node_search_fts'), 'SQLite gets its FTS5 index');
        assert.ok(
          !afterUp.includes('project_search_fts'),
          'the projects are searched in their catalogue, not an FTS5 table',
        );
        assert.deepEqual(await migrateToLatest(db), [], 'nothing left to run');

        await db.kysely
          .insertInto('regions')
          .values({
            code: '08',
            slug: 'kymenlaakso',
            name_fi: 'Kymenlaakso',
            name_sv: 'Kymmenedalen',
            name_en: 'Kymenlaakso',
            statfin_code: 'MK08',
            position: 0,
          })
          .execute();

        assert.deepEqual(await migrateToEmpty(db), [...ALL_MIGRATIONS].reverse());
        assert.deepEqual(await tables(db), [], 'every table is dropped');

        assert.deepEqual(await migrateToLatest(db), ALL_MIGRATIONS);
        assert.deepEqual(await tables(db), afterUp);
        const regions = await db.kysely.selectFrom('regions').selectAll().execute();
        assert.deepEqual(regions, [], 'a clean schema after down and up');
      } finally {
        await db.close();
        await dispose();
      }
    });
  });
}
