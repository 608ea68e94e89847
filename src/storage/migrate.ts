/** Runs the schema migrations; one list of migrations serves both SQLite and PostgreSQL. */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db, Dialect } from './database.ts';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-accounts-audit-translations.ts';
import * as m0003 from './migrations/0003-projects.ts';
import * as m0004 from './migrations/0004-project-catalogue.ts';
import * as m0005 from './migrations/0005-content-generations.ts';
import * as m0006 from './migrations/0006-project-period-confirmed-links.ts';
import * as m0007 from './migrations/0007-indicators.ts';
import * as m0010 from './migrations/0010-subregions.ts';
import * as m0011 from './migrations/0011-reports.ts';
import * as m0012 from './migrations/0012-consultation.ts';
import * as m0013 from './migrations/0013-round-text.ts';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Migrations in order; a new one is added at the end and never edited once released. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-initial': m0001,
  '0002-accounts-audit-translations': m0002,
  '0003-projects': m0003,
  '0004-project-catalogue': m0004,
  '0005-content-generations': m0005,
  '0006-project-period-confirmed-links': m0006,
  '0007-indicators': m0007,
  '0010-subregions': m0010,
  '0011-reports': m0011,
  '0012-consultation': m0012,
  '0013-round-text': m0013,
};

/** The names of all migrations, in the order they run. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      const down = m.down;
      out[name] = {
        up: (db) => m.up(db, this.dialect),
        ...(down ? { down: (db: Kysely<unknown>) => down(db, this.dialect) } : {}),
      };
    }
    return out;
  }
}

function migrator(db: Db): Migrator {
  // With a schema, the Migrator must look for its tables there: otherwise it finds another
  // schema's kysely_migration table in the same database and never creates its own.
  return new Migrator({
    db: db.kysely,
    provider: new StaticProvider(db.dialect),
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${error.message}`, { cause: error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema to the latest migration; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

/** Undoes every migration (used by tests to prove the down steps work). */
export async function migrateToEmpty(db: Db): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely');
  return check(await migrator(db).migrateTo(NO_MIGRATIONS));
}
