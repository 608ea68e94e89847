/**
 * Opens the database: embedded SQLite (a file, default) or PostgreSQL when the URL is a
 * `postgres://` URL. Everything above this module uses the same Kysely API for both.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ContentWritesPlugin } from './content-writes.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** A description safe to print (no password). */
  describe: string;
  /** The PostgreSQL schema selected with `?schema=` (migrations keep their bookkeeping tables there). */
  schema?: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens `url`: a PostgreSQL URL (an optional `?schema=name` query selects and creates a schema,
 * used to isolate test runs), `:memory:`, or a SQLite file path (its folder is created).
 */
export async function openDatabase(url: string): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url);
  return openSqlite(url);
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    plugins: [new ContentWritesPlugin()],
  });
  return { kysely, dialect: 'sqlite', describe: `SQLite ${file}`, close: () => kysely.destroy() };
}

/** How many prepared statements a SQLite connection keeps (by SQL text). */
const STATEMENT_CACHE = 200;

/**
 * The connection as Kysely sees it, with prepared statements kept and reused by SQL text:
 * better-sqlite3 prepares anew on every call, which costs more than running most of Suunta's
 * queries (and, for the multi-row inserts of an import, a tenth of the import). Kysely runs one
 * statement at a time on this single connection and never streams here, so a statement is never
 * reused while busy; SQLite re-prepares a statement itself when the schema changes.
 */
function withStatementCache(database: SQLite.Database): Pick<SQLite.Database, 'prepare' | 'close'> {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      return database.close();
    },
  } as Pick<SQLite.Database, 'prepare' | 'close'>;
}

async function openPostgres(url: string): Promise<Db> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`DATABASE_URL: schema "${schema}" must be lower-case letters, digits and underscores`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: parsed.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new ContentWritesPlugin()] });
  await sql`SELECT 1`.execute(kysely);
  const safe = new URL(parsed.toString());
  safe.password = '';
  return {
    kysely,
    dialect: 'postgres',
    describe: `PostgreSQL ${safe.host}${safe.pathname}${schema ? ` (schema ${schema})` : ''}`,
    ...(schema ? { schema } : {}),
    close: () => kysely.destroy(),
  };
}
