/** Opens the database, migrates it, seeds it on first start and builds the services on top. */
import type { Config } from '#src/config/config.ts';
import { openDatabase, type Db } from '#src/storage/database.ts';
import { migrateToLatest } from '#src/storage/migrate.ts';
import { Freshness } from './freshness.ts';
import { MonitoringReader } from './indicators/monitoring-reader.ts';
import { ProgrammeReader } from './programmes/programme-reader.ts';
import { ProjectQueries } from './projects/query-projects.ts';
import { ensureProjectSearchIndex } from './projects/reindex-project-search.ts';
import { ensureSearchIndex } from './reindex-search.ts';
import { seedIfEmpty } from './seed.ts';

export interface AppContext {
  config: Config;
  db: Db;
  reader: ProgrammeReader;
  /** The generations of the content, per region and kind (services/freshness.ts): what every cache keys on. */
  freshness: Freshness;
  /** Project lists, counts and totals (one instance, so its per-region catalogues are shared). */
  projects: ProjectQueries;
  /** Indicators, figures and statuses per region (one instance, so its per-region views are shared). */
  monitoring: MonitoringReader;
  /** The current time; tests inject a fake clock (expiry of sessions and links). Default: the system clock. */
  clock?: () => Date;
  close(): Promise<void>;
}

export async function openAppContext(config: Config, options: { seed?: boolean } = {}): Promise<AppContext> {
  const db = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    if (options.seed !== false) await seedIfEmpty(db, config.contentDir, { projects: config.seedProjects });
    await ensureSearchIndex(db);
    await ensureProjectSearchIndex(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const freshness = new Freshness(db);
  const reader = new ProgrammeReader(db, freshness);
  return {
    config,
    db,
    reader,
    freshness,
    projects: new ProjectQueries(db, reader),
    monitoring: new MonitoringReader(db, freshness),
    close: () => db.close(),
  };
}
