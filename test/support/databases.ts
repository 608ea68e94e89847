/**
 * Runs storage-touching tests on every database: SQLite always, and PostgreSQL when
 * SUUNTA_TEST_PG_URL is set (each test context gets a fresh schema, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '#src/config/config.ts';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';

export interface DatabaseTarget {
  name: 'sqlite' | 'postgres';
  /** Makes a fresh, empty database URL and a function that removes it. */
  create(): Promise<{ url: string; dispose(): Promise<void> }>;
}

const sqliteTarget: DatabaseTarget = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'suunta-test-'));
    return { url: join(dir, 'test.sqlite'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgresTarget(baseUrl: string): DatabaseTarget {
  return {
    name: 'postgres',
    async create() {
      const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      const url = new URL(baseUrl);
      url.searchParams.set('schema', schema);
      return {
        url: url.toString(),
        async dispose() {
          const client = new pg.Client({ connectionString: baseUrl });
          await client.connect();
          try {
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/** The databases tests must pass on in this run. */
export function databaseTargets(): DatabaseTarget[] {
  const pgUrl = process.env['SUUNTA_TEST_PG_URL'];
  return pgUrl ? [sqliteTarget, postgresTarget(pgUrl)] : [sqliteTarget];
}

/** A config for tests pointing at `databaseUrl`. */
export function testConfig(databaseUrl: string, overrides: Partial<Config> = {}): Config {
  // Tests act as if behind a proxy that sets X-Forwarded-* (client addresses, HTTPS).
  return { ...loadConfig({ NODE_ENV: 'test', SUUNTA_TRUST_PROXY: 'true' }), databaseUrl, ...overrides };
}

/**
 * Opens a migrated (and by default seeded, without the shipped projects unless `seedProjects`) app context on a fresh database of `target`;
 * `close()` closes it and removes the database.
 */
export async function openTestContext(
  target: DatabaseTarget,
  options: { seed?: boolean; seedProjects?: boolean } = {},
): Promise<AppContext> {
  const { url, dispose } = await target.create();
  const config = testConfig(url, options.seedProjects !== undefined ? { seedProjects: options.seedProjects } : {});
  const ctx = await openAppContext(config, options.seed !== undefined ? { seed: options.seed } : {});
  return {
    ...ctx,
    async close() {
      await ctx.close();
      await dispose();
    },
  };
}
