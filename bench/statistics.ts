/**
 * `npm run bench:statistics` (issue 8): a synthetic JSON-stat 2.0 file of 1 000 000 cells (fixed
 * seed; 5 dimensions, sparse statuses: bench/synthetic-statistics.ts) and 400 bench-only indicator
 * definitions that read every cell, in one run:
 * - SQLite: the file through the real reviewed import (`importStatistics`) into a fresh seeded
 *   database with the bench definitions imported first: cells/s, and the ratio to raw
 *   better-sqlite3 inserts of the same observation rows (same columns and values, a prepared
 *   statement, one transaction, the same database settings, into a copy of the database as it was
 *   just before the import) — target ≥ 0.3. Each round runs both (the baseline right after the
 *   import it copies); the figures are medians over the rounds. Each import runs in a child process of its own, whose peak RSS
 *   (`process.resourceUsage().maxRSS`) is the import's — target ≤ 400 MB.
 * - PostgreSQL (`--pg URL`, SUUNTA_BENCH_PG_URL, else postgres://postgres@127.0.0.1:5432/test when it
 *   answers): the same import in a fresh schema (dropped afterwards), cells/s and peak RSS.
 * - A CPU profile (`--cpu-prof`) of one SQLite import: the top self-time functions.
 * - The seeded population indicator's line chart and data table rendered from the monitoring read
 *   model in-process, uncached: renders per second (target ≥ 2 000).
 * - The public indicator page under wrk (20 connections, the built server with its front cache off):
 *   p99 (target ≤ 20 ms). The page's URL is passed by `npm run bench:statistics -- --page URL`
 *   (default: /fi/kymenlaakso/2022-2025/monitoring/vaesto/); when it does not answer 200 that part
 *   is skipped with a message.
 *
 * Options (environment): BENCH_ROUNDS (SQLite rounds, default 3), BENCH_DURATION (wrk seconds,
 * default 10), BENCH_SECONDS (chart render seconds, default 3), BENCH_PROFILE (0 skips the profile).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Html from '@kitajs/html';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadConfig, type Config } from '#src/config/config.ts';
import { SYSTEM_ACTOR } from '#src/domain/roles.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { importIndicators, parseIndicatorText } from '#src/services/indicators/import-indicators.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import type { IndicatorView } from '#src/services/indicators/monitoring-reader.ts';
import { formatNumber } from '#src/i18n/format.ts';
import { renderLineChart, type LineChartProps } from '#src/views/charts/line-chart.ts';
import { START_ENV, START_FLAGS } from './production-start.ts';
import { summariseProfile } from './profile-summary.ts';
import { median, perSecond, waitFor, wrk } from './support.ts';
import { generateStatistics } from './synthetic-statistics.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SELF = fileURLToPath(import.meta.url);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const RENDER_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const PROFILE = process.env['BENCH_PROFILE'] !== '0';
const SEED = 20250328;
const PORT = 18095;
const DEFAULT_PAGE = '/fi/kymenlaakso/2022-2025/monitoring/vaesto/';
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';
const OBSERVATION_COLUMNS = [
  'indicator_id',
  'area',
  'period',
  'value',
  'status',
  'status_label',
  'unit',
  'source_updated',
  'retrieved_at',
  'import_id',
] as const;

const configFor = (databaseUrl: string, dataDir: string): Config => ({
  ...loadConfig({ NODE_ENV: 'production', SUUNTA_DATA_DIR: dataDir }),
  databaseUrl,
  logLevel: 'silent',
});

function argument(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : null;
}

/** What a child process reports of one import. */
interface ImportFigure {
  seconds: number;
  cells: number;
  observations: number;
  added: number;
  /** Peak RSS of the child (MB) and its RSS just before the import started. */
  peakRssMb: number;
  rssBeforeMb: number;
}

// ---------------------------------------------------------------------------------------------
// The children: `--prepare` seeds a fresh database (`--db URL`) and imports the definitions
// `--definitions` (and for SQLite copies it to `--snapshot`); `--run-import` then imports `--file` in a
// process of its own, so its peak RSS is the import's, not the seed's.

async function prepareChild(): Promise<void> {
  const databaseUrl = argument('--db')!;
  const snapshot = argument('--snapshot');
  const ctx = await openAppContext(configFor(databaseUrl, argument('--work')!));
  try {
    const definitionsFile = argument('--definitions')!;
    const definitions = parseIndicatorText(readFileSync(definitionsFile, 'utf8'), definitionsFile);
    await importIndicators(ctx.db, definitions, { fileName: 'bench-definitions.json', actor: SYSTEM_ACTOR });
  } finally {
    await ctx.close();
  }
  if (snapshot !== null) {
    // The database as it is just before the import, for the raw-insert baseline.
    const raw = new Database(databaseUrl);
    raw.prepare('VACUUM INTO ?').run(snapshot);
    raw.close();
  }
}

async function importChild(): Promise<void> {
  const ctx = await openAppContext(configFor(argument('--db')!, argument('--work')!));
  try {
    const bytes = new Uint8Array(readFileSync(argument('--file')!));
    const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
    const t0 = performance.now();
    const r = await importStatistics(ctx.db, {
      bytes,
      fileName: 'synthetic-1m.json',
      region: '08',
      actor: SYSTEM_ACTOR,
    });
    const seconds = (performance.now() - t0) / 1000;
    const figure: ImportFigure = {
      seconds,
      cells: r.datasets.reduce((n, d) => n + d.cells, 0),
      observations: r.matches.reduce((n, m) => n + m.observations.length, 0),
      added: r.diff.totals.added,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rssBeforeMb,
    };
    if (!r.written) throw new Error('the import wrote nothing');
    process.stdout.write(`${JSON.stringify(figure)}\n`);
  } finally {
    await ctx.close();
  }
}

/**
 * Prepares a database and runs one import on it, each in a child process started as
 * `suunta import statistics` starts (plain node: the server's `--max-semi-space-size=1` makes an
 * import of a million cells about twice as slow); `nodeFlags` (e.g. a CPU profile) go to the import.
 */
function runImport(
  work: string,
  databaseUrl: string,
  options: { snapshot?: string; nodeFlags?: string[] } = {},
): ImportFigure {
  const run = (flags: string[], args: string[]): string =>
    execFileSync(process.execPath, [...flags, '--import', 'tsx', SELF, ...args, '--db', databaseUrl, '--work', work], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
  run(
    [],
    [
      '--prepare',
      '--definitions',
      join(work, 'bench-definitions.json'),
      ...(options.snapshot ? ['--snapshot', options.snapshot] : []),
    ],
  );
  const out = run(options.nodeFlags ?? [], ['--run-import', '--file', join(work, 'synthetic-1m.json')]);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ImportFigure;
}

/**
 * Raw better-sqlite3 inserts of the observation rows the import stored, into the snapshot taken
 * just before it (the same schema, indexes, definitions and settings), one transaction, a prepared
 * statement. The import's row (statistics_imports) is copied first, outside the timing.
 */
function baselineFigure(imported: string, snapshot: string): { seconds: number; rowsPerSecond: number; rows: number } {
  const src = new Database(imported, { readonly: true });
  // The bench import is the newest one (the seed's imports are in the snapshot already).
  const importRows = src.prepare('SELECT * FROM statistics_imports ORDER BY id DESC LIMIT 1').all() as Record<
    string,
    unknown
  >[];
  const rows = src
    .prepare(`SELECT ${OBSERVATION_COLUMNS.join(', ')} FROM observations WHERE import_id = ?`)
    .raw()
    .all(importRows[0]!['id']) as unknown[][];
  src.close();
  const db = new Database(snapshot);
  // The settings Suunta's connections use (src/storage/database.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  for (const r of importRows) {
    const columns = Object.keys(r);
    db.prepare(
      `INSERT INTO statistics_imports (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((c) => r[c]));
  }
  const insert = db.prepare(
    `INSERT INTO observations (${OBSERVATION_COLUMNS.join(', ')}) VALUES (${OBSERVATION_COLUMNS.map(() => '?').join(', ')})`,
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(...r);
  })();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { seconds, rowsPerSecond: rows.length / seconds, rows: rows.length };
}

// ---------------------------------------------------------------------------------------------
// The indicator page's chart and table, and the page under wrk.

/** The line chart and data table of an indicator view, as an indicator page shows them (Finnish). */
function chartAndTable(iv: IndicatorView): string {
  const fmt = (n: number): string => formatNumber(n, 'fi');
  const num = (v: string | null): number | null => (v === null ? null : Number(v));
  const name = iv.indicator.name.fi ?? iv.indicator.code;
  const baseline = iv.indicator.baseline;
  const target = iv.indicator.targets[0];
  const props: LineChartProps = {
    id: iv.indicator.code,
    title: name,
    desc: `${name}: ${iv.series.length} havaintoa`,
    series: [
      { label: 'Kymenlaakso', points: iv.series.map((o) => ({ period: o.period, value: num(o.value) })) },
      { label: 'Koko maa', points: iv.countrySeries.map((o) => ({ period: o.period, value: num(o.value) })) },
    ],
    baseline: baseline
      ? { period: baseline.period, value: Number(baseline.value), label: `Lähtötaso ${baseline.period}` }
      : null,
    target: target ? { period: target.period, value: Number(target.value), label: `Tavoite ${target.period}` } : null,
    format: fmt,
  };
  const rows = iv.observations.map(
    (o) =>
      `<tr><th scope="row">${Html.escapeHtml(o.area)}</th><td>${Html.escapeHtml(o.period)}</td>` +
      `<td>${o.value === null ? '' : Html.escapeHtml(fmt(Number(o.value)))}</td>` +
      `<td>${Html.escapeHtml(o.statusLabel ?? o.status ?? '')}</td></tr>`,
  );
  return (
    `<figure>${renderLineChart(props)}<table><caption>${Html.escapeHtml(name)}</caption>` +
    `<thead><tr><th scope="col">Alue</th><th scope="col">Vuosi</th><th scope="col">Arvo</th><th scope="col">Tila</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></figure>`
  );
}

async function renderFigure(work: string): Promise<{ rate: number; bytes: number; observations: number }> {
  const ctx = await openAppContext(configFor(join(work, 'render.sqlite'), work));
  try {
    const view = await ctx.monitoring.region('08');
    const iv = view.indicators.find((i) => i.indicator.code === 'vaesto');
    if (!iv) throw new Error('the seeded population indicator (vaesto) is missing');
    const { rate, bytes } = perSecond(() => chartAndTable(iv), RENDER_SECONDS);
    return { rate, bytes, observations: iv.observations.length };
  } finally {
    await ctx.close();
  }
}

async function pageFigure(work: string, page: string): Promise<string> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
  const dataDir = join(work, 'server');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...START_ENV,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SUUNTA_DATA_DIR: dataDir,
    // Uncached: every request renders the page.
    SUUNTA_FRONT_CACHE: 'off',
  };
  delete env['DATABASE_URL'];
  const server: ChildProcess = spawn(process.execPath, [...START_FLAGS, join(ROOT, 'bin/suunta.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/readyz`, 120_000);
    const res = await fetch(base + page);
    await res.arrayBuffer();
    if (res.status !== 200)
      return `Indicator page under wrk: skipped: ${page} answered ${res.status} (give the page with -- --page URL)`;
    for (let i = 0; i < 200; i++) await (await fetch(base + page)).arrayBuffer();
    const w = wrk(base + page, { connections: 20, seconds: DURATION });
    return (
      `Indicator page ${page} (built server, front cache off, wrk -t1 -c20 -d${DURATION}s): ` +
      `${w.requestsPerSecond.toFixed(0)} req/s, p50 ${w.p50Ms.toFixed(2)} ms, p99 ${w.p99Ms.toFixed(2)} ms ` +
      `(target ≤ 20 ms), non-2xx ${w.non2xx}`
    );
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------

async function pgUrl(): Promise<string | null> {
  const given = argument('--pg') ?? process.env['SUUNTA_BENCH_PG_URL'] ?? null;
  const url = given ?? DEFAULT_PG;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch (error) {
    if (given !== null) throw new Error(`PostgreSQL at ${given} does not answer: ${(error as Error).message}`);
    return null;
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'suunta-bench-statistics-'));
  const lines: string[] = [];
  const say = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  const f = (n: number, d = 0): string => n.toFixed(d);
  try {
    const t0 = performance.now();
    const synthetic = generateStatistics(ROOT, SEED);
    writeFileSync(join(work, 'synthetic-1m.json'), synthetic.text);
    writeFileSync(join(work, 'bench-definitions.json'), synthetic.definitions);
    say(
      `Suunta statistics bench — a synthetic JSON-stat 2.0 file of ${synthetic.cells} cells (seed ${SEED}; ` +
        `5 dimensions; ${synthetic.emptyWithStatus} empty cells with status "..", 1 % "p"; ` +
        `${f(synthetic.text.length / 1e6, 1)} MB, made in ${f((performance.now() - t0) / 1000, 1)} s), ` +
        `${synthetic.indicators} bench indicators reading every cell, ${new Date().toISOString()}`,
    );

    // SQLite: rounds alternating import-first and baseline-first.
    const imports: ImportFigure[] = [];
    const baselines: { seconds: number; rowsPerSecond: number; rows: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const dir = join(work, `round-${r}`);
      mkdirSync(dir);
      const db = join(dir, 'suunta.sqlite');
      const snapshot = join(dir, 'before-import.sqlite');
      const fig = runImport(work, db, { snapshot });
      if (fig.observations !== synthetic.cells || fig.added !== synthetic.cells)
        throw new Error(
          `the import made ${fig.observations} observations (${fig.added} new) of ${synthetic.cells} cells`,
        );
      imports.push(fig);
      baselines.push(baselineFigure(db, snapshot));
      say(
        `  round ${r + 1}: import ${f(fig.seconds, 2)} s = ${f(fig.cells / fig.seconds)} cells/s, ` +
          `peak RSS ${f(fig.peakRssMb, 1)} MB; raw inserts ${f(baselines.at(-1)!.seconds, 2)} s = ` +
          `${f(baselines.at(-1)!.rowsPerSecond)} rows/s; ratio ${f(fig.cells / fig.seconds / baselines.at(-1)!.rowsPerSecond, 3)}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
    const importRate = median(imports.map((i) => i.cells / i.seconds));
    const baseRate = median(baselines.map((b) => b.rowsPerSecond));
    const ratio = median(imports.map((i, n) => i.cells / i.seconds / baselines[n]!.rowsPerSecond));
    const peak = Math.max(...imports.map((i) => i.peakRssMb));
    say(
      `SQLite import (importStatistics: read, match, diff, write; ${ROUNDS} rounds, medians): ` +
        `${f(importRate)} cells/s (${f(median(imports.map((i) => i.seconds)), 2)} s for ${synthetic.cells} observations); ` +
        `raw better-sqlite3 inserts of the same rows: ${f(baseRate)} rows/s; ratio ${f(ratio, 3)} (target ≥ 0.3)`,
    );
    say(
      `SQLite import peak RSS (child process, maxRSS): ${f(peak, 1)} MB (target ≤ 400 MB); ` +
        `the process held ${f(median(imports.map((i) => i.rssBeforeMb)), 1)} MB before the import started`,
    );

    // PostgreSQL: the same import in a fresh schema.
    const url = await pgUrl();
    if (url === null) {
      say(`PostgreSQL: not measured (${DEFAULT_PG} does not answer; give --pg URL or SUUNTA_BENCH_PG_URL)`);
    } else {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const u = new URL(url);
      u.searchParams.set('schema', schema);
      try {
        const fig = runImport(work, u.toString());
        say(
          `PostgreSQL import (${u.host}${u.pathname}, fresh schema): ${f(fig.seconds, 2)} s = ` +
            `${f(fig.cells / fig.seconds)} cells/s; peak RSS ${f(fig.peakRssMb, 1)} MB`,
        );
      } finally {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    }

    // A profile of one SQLite import.
    if (PROFILE) {
      const dir = join(work, 'profile');
      const fig = runImport(work, join(work, 'profiled.sqlite'), {
        nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
      });
      const file = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no CPU profile was written in ${dir}`);
      const profile = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), ROOT, Infinity, 12);
      say(
        `\nProfile of one SQLite import (--cpu-prof; the child's whole run, the import ${f(fig.seconds, 1)} s of it): ` +
          `${f(profile.busyMs)} ms busy`,
      );
      say('| function (top self time) | where | self ms | share of busy |');
      say('|---|---|---:|---:|');
      for (const t of profile.top) say(`| ${t.name} | ${t.where} | ${f(t.selfMs)} | ${f(t.share * 100, 1)} % |`);
      say('');
    }

    // The indicator page's chart and table, then the page itself.
    const render = await renderFigure(work);
    say(
      `Population indicator's line chart + data table (${render.observations} observations) from the monitoring ` +
        `read model, in-process, uncached: ${f(render.rate)} renders/s (${render.bytes} bytes; target ≥ 2000: ` +
        `${f(render.rate / 2000, 1)}×)`,
    );
    say(await pageFigure(work, argument('--page') ?? DEFAULT_PAGE));

    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'statistics-latest.txt'), lines.join('\n') + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--prepare') || process.argv.includes('--run-import')) {
  (process.argv.includes('--prepare') ? prepareChild() : importChild()).catch((error: unknown) => {
    console.error(`bench:statistics (import): ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(`bench:statistics: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  });
}
