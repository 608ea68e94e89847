/**
 * `npm run bench:projects`: 100 000 synthetic projects (fixed seed) in the `suunta` preset's CSV
 * format, and in one run: import rows/s through `importProjects` versus raw better-sqlite3
 * inserts of the same rows in one transaction (ratio); project search p50/p95 over the 100 000;
 * the built server's RSS with them loaded and the filtered browser page under wrk (20 connections);
 * the same import and search figures on PostgreSQL when `SUUNTA_TEST_PG_URL` or `--pg URL` is
 * given (a fresh schema, dropped afterwards); the alignment helper's top-1/top-3 accuracy on the
 * hand-labelled set (test/fixtures/alignment/labelled-projects.json).
 *
 * Options (environment): BENCH_PROJECTS (default 100000), BENCH_DURATION (wrk seconds, default 10).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadConfig, type Config } from '#src/config/config.ts';
import { buildAlignmentModel, evaluateAlignment, type LabelledProject } from '#src/domain/alignment/index.ts';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';
import { importProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';
import { START_ENV, START_FLAGS } from './production-start.ts';
import { percentile, waitFor, wrk as wrkRun } from './support.ts';
import { ACTIONS, FUNDS, PLACES, TOPICS, generateCsv, prng } from './synthetic-projects.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const COUNT = Number(process.env['BENCH_PROJECTS'] ?? 100_000);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const PORT = 18090;
const FILTERED_PAGE = '/fi/kymenlaakso/projects/?fund=ERDF&municipality=286';
const TABLES = [
  'projects',
  'project_municipalities',
  'project_funding',
  'project_nodes',
  'project_terms',
  'project_search',
] as const;

const configFor = (databaseUrl: string, dataDir: string): Config => ({
  ...loadConfig({ NODE_ENV: 'production', SUUNTA_DATA_DIR: dataDir }),
  databaseUrl,
  logLevel: 'silent',
});

async function importFigure(
  ctx: AppContext,
  bytes: Uint8Array,
): Promise<{ seconds: number; rowsPerSecond: number; added: number }> {
  const mapping = await readPreset(ctx.config.contentDir, 'suunta');
  const t0 = performance.now();
  const r = await importProjects(ctx.db, bytes, { regionCode: '08', mapping, file: 'synthetic.csv' });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, rowsPerSecond: r.rows / seconds, added: r.added };
}

/**
 * Search p50/p95 (ms) of the project browser's query with `q`, page 1 of 20 with the total count,
 * after the first query (which builds the region's catalogue; its time is reported apart).
 */
async function searchFigure(ctx: AppContext): Promise<{ p50: number; p95: number; queries: number; buildMs: number }> {
  const queries = ctx.projects;
  const rnd = prng(7);
  const words = [
    ...TOPICS,
    ...ACTIONS,
    ...PLACES,
    'kotka',
    'kouvolan',
    'matkailu',
    'energia',
    'nuorten',
    'xamk',
    'B012345',
  ];
  const run = async (q: string): Promise<number> => {
    const t0 = performance.now();
    await queries.list('08', { filter: { q }, page: 1, size: 20, sort: 'name' });
    return performance.now() - t0;
  };
  ctx.reader.invalidate();
  const buildMs = await run('kotka');
  for (let i = 0; i < 20; i++) await run(words[i % words.length]!);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const q =
      rnd() < 0.5
        ? words[Math.floor(rnd() * words.length)]!
        : `${words[Math.floor(rnd() * words.length)]!} ${words[Math.floor(rnd() * words.length)]!}`;
    times.push(await run(q));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), queries: times.length, buildMs };
}

/** Raw better-sqlite3 inserts of the rows the import stored, into the same tables of a fresh database with the same settings, in one transaction. */
function baselineFigure(source: string, target: string): { seconds: number; rowsPerSecond: number } {
  const src = new Database(source, { readonly: true });
  const rows = Object.fromEntries(
    TABLES.map((t) => [t, src.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]]),
  );
  src.close();
  const db = new Database(target);
  // The settings Suunta's connections use (src/storage/database.ts), so both sides check foreign keys alike.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  const statements = TABLES.map((t) => {
    const columns = Object.keys(rows[t]![0] ?? {});
    return {
      t,
      columns,
      stmt: db.prepare(`INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
    };
  });
  const t0 = performance.now();
  db.transaction(() => {
    for (const { t, columns, stmt } of statements) for (const r of rows[t]!) stmt.run(...columns.map((c) => r[c]));
  })();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { seconds, rowsPerSecond: rows['projects']!.length / seconds };
}

/** wrk with 20 connections on `url`, or (with `script`) on the paths a Lua script hands out. */
function wrk(url: string, script?: string): { rps: number; p99: number; non2xx: number } {
  const r = wrkRun(url, { connections: 20, seconds: DURATION, ...(script ? { script } : {}) });
  return { rps: r.requestsPerSecond, p99: r.p99Ms, non2xx: r.non2xx };
}

async function serverFigures(databaseUrl: string, dataDir: string): Promise<string[]> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...START_ENV,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SUUNTA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
  };
  const server: ChildProcess = spawn(process.execPath, [...START_FLAGS, join(ROOT, 'bin/suunta.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const out: string[] = [];
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/readyz`, 120_000);
    const pages = [
      FILTERED_PAGE,
      '/fi/kymenlaakso/2022-2025/',
      '/fi/kymenlaakso/projects/',
      '/fi/kymenlaakso/projects/?q=matkailu',
      '/api/v1/regions/08/projects?fund=ERDF',
    ];
    const statuses: string[] = [];
    const t0 = performance.now();
    for (const p of pages) {
      const res = await fetch(base + p);
      await res.arrayBuffer();
      statuses.push(`${p} ${res.status}`);
      if (statuses.length === 1)
        out.push(
          `Server start: the first filtered page (${p}) ` +
            `answered ${(performance.now() - t0).toFixed(0)} ms after /readyz did (the server builds ` +
            `the project catalogues as it starts; the page waits for its region's)`,
        );
    }
    const filtered = await fetch(base + FILTERED_PAGE);
    await filtered.arrayBuffer();
    if (filtered.status === 200) {
      for (let i = 0; i < 50; i++) await (await fetch(base + FILTERED_PAGE)).arrayBuffer();
      const w = wrk(base + FILTERED_PAGE);
      out.push(
        `Filtered browser page ${FILTERED_PAGE} (wrk -t1 -c20 -d${DURATION}s; one URL, so after ` +
          `the first request the page cache answers): ${w.rps.toFixed(0)} req/s, ` +
          `p99 ${w.p99.toFixed(2)} ms (target ≤ 50 ms), non-2xx ${w.non2xx}`,
      );
      // Cache misses: 16 200 distinct filtered URLs (fund × municipality × sort × page 1–150, shuffled), more than
      // a run requests, so every request renders its page (the page caches hold 500 and 2000).
      const rnd = prng(11);
      const municipalities = ['285', '286', '075', '624', '489', '935'];
      const paths = FUNDS.flatMap((fund) =>
        municipalities.flatMap((m) =>
          (['name', 'start', 'code'] as const).flatMap((sort) =>
            Array.from(
              { length: 150 },
              (_x, i) =>
                `/fi/kymenlaakso/projects/?fund=${encodeURIComponent(fund)}&municipality=${m}&sort=${sort}&page=${i + 1}`,
            ),
          ),
        ),
      ).sort(() => rnd() - 0.5);
      const script = join(dataDir, 'paths.lua');
      writeFileSync(
        script,
        `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = ` +
          `function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`,
      );
      const m = wrk(base, script);
      out.push(
        `Filtered browser pages over ${paths.length} distinct URLs (fund × municipality × sort × ` +
          `page; every request a cache miss): ${m.rps.toFixed(0)} req/s, p99 ${m.p99.toFixed(2)} ms, non-2xx ${m.non2xx}`,
      );
    } else {
      out.push(`Filtered browser page: not measured: page missing (${FILTERED_PAGE} answered ${filtered.status})`);
    }
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]);
    out.push(
      `Server RSS with ${COUNT} projects, after the wrk runs and requesting ${statuses.join(', ')}: ${(kb / 1024).toFixed(1)} MB (target ≤ 250 MB)`,
    );
  } finally {
    server.kill('SIGTERM');
  }
  return out;
}

function pgUrl(): string | null {
  const at = process.argv.indexOf('--pg');
  if (at >= 0 && process.argv[at + 1]) return process.argv[at + 1]!;
  return process.env['SUUNTA_TEST_PG_URL'] ?? null;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'suunta-bench-projects-'));
  const lines: string[] = [];
  const say = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  try {
    const t0 = performance.now();
    const bytes = new TextEncoder().encode(generateCsv(ROOT, COUNT, 20221219));
    say(
      `Suunta projects bench — ${COUNT} synthetic projects (seed ` +
        `20221219, ${(bytes.length / 1e6).toFixed(1)} MB CSV, made ` +
        `in ${((performance.now() - t0) / 1000).toFixed(1)} s), ${new Date().toISOString()}`,
    );

    // SQLite: import, then the baseline into a fresh database with the same schema.
    const suuntaDb = join(work, 'suunta.sqlite');
    const ctx = await openAppContext(configFor(suuntaDb, work));
    const baseCtx = await openAppContext(configFor(join(work, 'baseline.sqlite'), work));
    await baseCtx.close();
    try {
      const imp = await importFigure(ctx, bytes);
      const base = baselineFigure(suuntaDb, join(work, 'baseline.sqlite'));
      say(
        `SQLite import: ${imp.added} projects in ${imp.seconds.toFixed(1)} s ` +
          `= ${imp.rowsPerSecond.toFixed(0)} rows/s; raw better-sqlite3 baseline (same rows, tables ` +
          `and database settings, prepared statements, one transaction): ${base.seconds.toFixed(2)} ` +
          `s = ${base.rowsPerSecond.toFixed(0)} rows/s; ` +
          `ratio ${(imp.rowsPerSecond / base.rowsPerSecond).toFixed(3)} (target ≥ 0.3)`,
      );
      const s = await searchFigure(ctx);
      say(
        `SQLite search (project browser query, q of 1–2 words, page of 20 with total ` +
          `count), ${s.queries} queries: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms ` +
          `(target p95 ≤ 10 ms); the first query after a change builds the region's ` +
          `catalogue: ${s.buildMs.toFixed(0)} ms`,
      );
      const labelled = (
        JSON.parse(readFileSync(join(ROOT, 'test/fixtures/alignment/labelled-projects.json'), 'utf8')) as {
          projects: LabelledProject[];
        }
      ).projects;
      const acc = evaluateAlignment(
        buildAlignmentModel(await ctx.reader.versionContent('08', '2022-2025'), 'fi'),
        labelled,
      );
      say(
        `Alignment helper on ${acc.count} hand-labelled projects (9 priorities): top-1 ${acc.top1.toFixed(3)}, top-3 ${acc.top3.toFixed(3)}`,
      );
    } finally {
      await ctx.close();
    }
    for (const line of await serverFigures(suuntaDb, work)) say(line);

    // PostgreSQL: the same import and search on a fresh schema.
    const url = pgUrl();
    if (url === null) {
      say('PostgreSQL: not measured (give SUUNTA_TEST_PG_URL or --pg URL)');
    } else {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const u = new URL(url);
      u.searchParams.set('schema', schema);
      const pctx = await openAppContext(configFor(u.toString(), work));
      try {
        const imp = await importFigure(pctx, bytes);
        say(
          `PostgreSQL import: ${imp.added} projects in ${imp.seconds.toFixed(1)} s = ${imp.rowsPerSecond.toFixed(0)} rows/s`,
        );
        const s = await searchFigure(pctx);
        say(
          `PostgreSQL search, ${s.queries} queries: p50 ${s.p50.toFixed(2)} ms, ` +
            `p95 ${s.p95.toFixed(2)} ms (target p95 ≤ 10 ms); catalogue build ${s.buildMs.toFixed(0)} ms`,
        );
      } finally {
        await pctx.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    }
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'projects-latest.txt'), lines.join('\n') + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:projects: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
