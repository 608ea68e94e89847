/** Runs the `suunta` command line in-process for tests, snapshots a database by its URL, keeps temporary files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { main } from '#src/cli/main.ts';
import { openDatabase } from '#src/storage/database.ts';
import { snapshot, type DbSnapshot } from './db-snapshot.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the CLI with `argv`, DATABASE_URL set to `url` (when given) and the variables of `env`
 * (undefined removes one); the environment is restored afterwards.
 */
export async function runCli(
  argv: string[],
  url?: string,
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const vars = { ...(url === undefined ? {} : { DATABASE_URL: url }), ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  let out = '';
  let err = '';
  set(vars);
  try {
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  } finally {
    set(saved);
  }
}

/** A snapshot of the database at `url` (see db-snapshot.ts), to prove that a command wrote nothing. */
export async function snapshotAt(url: string): Promise<DbSnapshot> {
  const db = await openDatabase(url);
  try {
    return await snapshot(db.kysely);
  } finally {
    await db.close();
  }
}

/**
 * A temporary folder for the files of a test module, removed after its tests: `dir`, and `file()`,
 * which writes `text` to `name` in it and returns the path.
 */
export function tempFolder(prefix: string): { dir: string; file(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text, 'utf8');
      return path;
    },
  };
}
