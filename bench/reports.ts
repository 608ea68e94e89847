/**
 * `npm run bench:reports`: the annual monitoring report of Kymenlaakso (issue 9), on a fresh
 * seeded SQLite database with the shipped projects:
 *   - HTML generation (report data + document), in-process, median of 20 after a warm-up;
 *   - PDF generation through Debian's Chromium (the first render, which starts the browser, apart),
 *     median of 5, with the PDF's pages (pdfinfo) and bytes;
 *   - the built server's p99 for a public page (the programme page, wrk -t1 -c20) idle and while two
 *     reports are being generated (two PDF requests kept in flight, the stored reports deleted before
 *     each so every one is made anew), in interleaved rounds; medians and the ratio against the idle
 *     p99 (target ≤ 2×).
 * Needs /usr/bin/chromium, pdfinfo (poppler-utils) and wrk.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '#src/config/config.ts';
import { reportHtml } from '#src/http/site/report-pages.ts';
import { ReportPdfs } from '#src/http/site/report-pdf.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { closeRenderer } from '#src/services/reports/pdf/render-pdf.ts';
import { START_ENV, START_FLAGS } from './production-start.ts';
import { median, waitFor, wrk, wrkInBackground } from './support.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PORT = 3197;
const YEAR = 2024;
const REQUEST = { regionCode: '08', programmeSlug: '2022-2025', year: YEAR };
const PAGE = '/fi/kymenlaakso/2022-2025/';
const ROUNDS = 3;
const SECONDS = 8;

const ms = (n: number): string => `${n.toFixed(1)} ms`;

async function inProcess(work: string): Promise<string[]> {
  const config = {
    ...loadConfig({ NODE_ENV: 'production' }),
    databaseUrl: join(work, 'inproc.sqlite'),
    seedProjects: true,
  };
  const ctx = await openAppContext(config);
  const lines: string[] = [];
  try {
    for (let i = 0; i < 5; i++) await reportHtml(ctx, REQUEST, 'fi');
    const html: number[] = [];
    let size = 0;
    for (let i = 0; i < 20; i++) {
      ctx.reader.invalidate();
      const t = performance.now();
      const made = await reportHtml(ctx, REQUEST, 'fi');
      html.push(performance.now() - t);
      size = Buffer.byteLength(made.html);
    }
    lines.push(
      `HTML generation (data + document, fi): median ${ms(median(html))} of 20, ${(size / 1024).toFixed(1)} KB`,
    );

    const pdfs = new ReportPdfs();
    const t0 = performance.now();
    let pdf = await pdfs.pdf(ctx, REQUEST, 'fi', { force: true });
    const cold = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      pdf = await pdfs.pdf(ctx, REQUEST, 'fi', { force: true });
      times.push(performance.now() - t);
    }
    const file = join(work, 'report.pdf');
    writeFileSync(file, pdf.body);
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
    lines.push(
      `PDF generation (fi, Chromium running): median ${ms(median(times))} of 5; first, starting Chromium: ${ms(cold)}`,
      `PDF size: ${pages} pages, ${pdf.body.length} bytes (${(pdf.body.length / 1024).toFixed(0)} KB)`,
    );
  } finally {
    await closeRenderer();
    await ctx.close();
  }
  return lines;
}

/** Keeps two report PDFs being made until `stop()`: the stored ones are deleted before each request. */
function generateTwo(base: string, dbFile: string): { stop(): Promise<number> } {
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 5000');
  let running = true;
  let made = 0;
  const loop = async (lang: string): Promise<void> => {
    while (running) {
      db.prepare('DELETE FROM reports WHERE lang = ?').run(lang);
      const res = await fetch(`${base}/${lang}/kymenlaakso/2022-2025/reports/${YEAR}/report.pdf`);
      await res.arrayBuffer();
      if (res.status === 200) made++;
    }
  };
  const loops = [loop('sv'), loop('en')];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      db.close();
      return made;
    },
  };
}

async function underLoad(work: string): Promise<string[]> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
  const dataDir = join(work, 'server');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...START_ENV,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SUUNTA_DATA_DIR: dataDir,
    // The page is served from the rendered-page cache through Fastify's full request path (hooks,
    // headers), not the front cache's short cut: each request is the server's ordinary work.
    SUUNTA_FRONT_CACHE: 'off',
  };
  delete env['DATABASE_URL'];
  const server: ChildProcess = spawn(process.execPath, [...START_FLAGS, join(ROOT, 'bin/suunta.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  const base = `http://127.0.0.1:${PORT}`;
  const lines: string[] = [];
  try {
    await waitFor(`${base}/readyz`, 120_000);
    for (let i = 0; i < 200; i++) await (await fetch(base + PAGE)).arrayBuffer();
    // Chromium started once before the rounds (a running server has it running after its first PDF).
    await (await fetch(`${base}/fi/kymenlaakso/2022-2025/reports/${YEAR}/report.pdf`)).arrayBuffer();
    const idle: number[] = [];
    const loaded: number[] = [];
    let made = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? ['idle', 'loaded'] : ['loaded', 'idle'];
      const parts: string[] = [];
      for (const kind of order) {
        if (kind === 'idle') {
          const w = wrk(base + PAGE, { connections: 20, seconds: SECONDS });
          idle.push(w.p99Ms);
          parts.push(`idle p99 ${ms(w.p99Ms)} (${w.requestsPerSecond.toFixed(0)} req/s)`);
        } else {
          const two = generateTwo(base, join(dataDir, 'suunta.sqlite'));
          await new Promise((r) => setTimeout(r, 500));
          const w = await wrkInBackground(base + PAGE, { connections: 20, seconds: SECONDS });
          const n = await two.stop();
          made += n;
          loaded.push(w.p99Ms);
          parts.push(`with two reports p99 ${ms(w.p99Ms)} (${w.requestsPerSecond.toFixed(0)} req/s, ${n} PDFs made)`);
        }
      }
      lines.push(`round ${round}: ${parts.join('; ')}`);
    }
    const ratio = median(loaded) / median(idle);
    lines.push(
      `Public page ${PAGE} (built server, front cache off, wrk -t1 -c20 -d${SECONDS}s), medians of ${ROUNDS} interleaved rounds: ` +
        `idle p99 ${ms(median(idle))}, while two reports are generated p99 ${ms(median(loaded))}; ` +
        `ratio ${ratio.toFixed(2)} (target ≤ 2) ${ratio <= 2 ? '✔' : '✘'}; ${made} PDFs made during the loaded runs`,
    );
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
  return lines;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'suunta-bench-reports-'));
  try {
    console.log(
      `Annual report bench: Kymenlaakso ${REQUEST.programmeSlug}, year ${YEAR} (seeded data with the shipped projects)`,
    );
    for (const line of await inProcess(work)) console.log(line);
    for (const line of await underLoad(work)) console.log(line);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
