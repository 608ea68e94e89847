/**
 * `npm run bench`: serves the programme page and a priority page from Suunta (production mode)
 * and, in the same run, from two baselines serving the same bytes — nginx from static files and
 * a bare node:http server from memory — loads each with wrk (50 connections, 10 s, loopback) and
 * prints req/s, p50/p99 latency and the ratios Suunta/bare Node and Suunta/nginx, the priority
 * page's weight and Suunta's RSS after the run.
 *
 * Options (environment): BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 50).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { START_ENV, START_FLAGS } from './production-start.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const PORTS = { suunta: 18080, node: 18081, nginx: 18082 };
const PAGES = {
  programme: '/fi/kymenlaakso/2022-2025/',
  priority: '/fi/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/',
};

interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

function ensureTools(): void {
  const missing = ['wrk', 'nginx'].filter((t) => {
    try {
      execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.join(', ')} from Debian…`);
    execFileSync(
      'sh',
      [
        '-c',
        `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`,
      ],
      { stdio: 'inherit' },
    );
  } else {
    throw new Error(
      `bench needs ${missing.join(' and ')} (Debian packages): sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function parseDuration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 'ms' ? v : m[2] === 's' ? v * 1000 : v * 60_000;
}

function wrk(url: string): WrkResult {
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', url], {
    encoding: 'utf8',
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = parseDuration(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = parseDuration(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { requestsPerSecond: rps, p50Ms: p50, p99Ms: p99, non2xx };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** The bare node:http baseline: answers each page from memory with the same headers Suunta sends. */
const BARE_NODE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const pages = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const answers = new Map(Object.entries(pages).map(([p, x]) => [p, { body: fs.readFileSync(x.file), headers: x.headers }]));
http.createServer((req, res) => {
  const answer = answers.get(req.url);
  if (!answer) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { ...answer.headers, 'content-length': answer.body.length });
  res.end(answer.body);
}).listen(${PORTS.node}, '127.0.0.1');
`;

function nginxConfig(dir: string): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  types { text/html html; text/css css; }
  server {
    listen 127.0.0.1:${PORTS.nginx};
    root ${dir}/pub;
    location / { index index.html; try_files $uri $uri/index.html =404; }
  }
}
`;
}

async function main(): Promise<void> {
  ensureTools();
  const work = mkdtempSync(join(tmpdir(), 'suunta-bench-'));
  // nginx's worker runs as an unprivileged user and must be able to read the page files.
  chmodSync(work, 0o755);
  const children: ChildProcess[] = [];
  const stop = (): void => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    // 1. Suunta in production mode on a fresh embedded database (migrated and seeded on start).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORTS.suunta),
      HOST: '127.0.0.1',
      SUUNTA_DATA_DIR: join(work, 'data'),
    };
    delete env['DATABASE_URL'];
    // Exactly what `npm start` runs: the built bundle with the same V8 flags.
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
    Object.assign(env, START_ENV);
    const suunta = spawn(process.execPath, [...START_FLAGS, join(ROOT, 'bin/suunta.js'), 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(suunta);
    const base = `http://127.0.0.1:${PORTS.suunta}`;
    await waitFor(`${base}/readyz`);

    // 2. The same bytes for the baselines.
    const pub = join(work, 'nginx', 'pub');
    const files: Record<string, { file: string; headers: Record<string, string> }> = {};
    let priorityWeight = 0;
    for (const [name, path] of Object.entries(PAGES)) {
      const res = await fetch(base + path);
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      const html = Buffer.from(await res.arrayBuffer());
      const dir = join(pub, path);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), html);
      // The bare server replays the headers Suunta sent, so both answer with the same bytes.
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(key)) headers[key] = value;
      });
      files[path] = { file: join(dir, 'index.html'), headers };
      if (name === 'priority') {
        priorityWeight = html.length;
        const text = html.toString('utf8');
        const assets = [...text.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
          (m) => m[1]!,
        );
        for (const asset of assets) {
          const a = await fetch(new URL(asset, base));
          priorityWeight += (await a.arrayBuffer()).byteLength;
        }
      }
    }
    const pagesFile = join(work, 'pages.json');
    writeFileSync(pagesFile, JSON.stringify(files));
    const bare = spawn(process.execPath, ['-e', BARE_NODE_SERVER, pagesFile], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(bare);
    const nginxDir = join(work, 'nginx');
    writeFileSync(join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir));
    const nginx = spawn('nginx', ['-c', join(nginxDir, 'nginx.conf'), '-p', nginxDir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${PORTS.node}${PAGES.programme}`);
    await waitFor(`http://127.0.0.1:${PORTS.nginx}${PAGES.programme}`);

    // 3. Load each with wrk, after a short warm-up of Suunta's page cache and JIT.
    for (const path of Object.values(PAGES))
      for (let i = 0; i < 200; i++) await (await fetch(base + path)).arrayBuffer();
    const results: Record<string, Record<string, WrkResult>> = {};
    for (const [name, path] of Object.entries(PAGES)) {
      results[name] = {
        suunta: wrk(`${base}${path}`),
        node: wrk(`http://127.0.0.1:${PORTS.node}${path}`),
        nginx: wrk(`http://127.0.0.1:${PORTS.nginx}${path}`),
      };
    }
    const rss = rssMb(suunta.pid!);

    // 4. Report.
    const f = (n: number, d = 0): string => n.toFixed(d);
    console.log(`\nSuunta bench — wrk -t1 -c${CONNECTIONS} -d${DURATION}s on loopback, ${new Date().toISOString()}`);
    console.log('| page | server | req/s | p50 ms | p99 ms | non-2xx |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const [name, r] of Object.entries(results)) {
      for (const [server, x] of Object.entries(r)) {
        console.log(
          `| ${name} | ${server === 'node' ? 'bare node:http' : server} | ${f(x.requestsPerSecond)} | ${f(x.p50Ms, 2)} | ${f(x.p99Ms, 2)} | ${x.non2xx} |`,
        );
      }
    }
    console.log('\n| page | Suunta / bare Node | Suunta / nginx | Suunta p99 ms |');
    console.log('|---|---:|---:|---:|');
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `| ${name} | ${f(r['suunta']!.requestsPerSecond / r['node']!.requestsPerSecond, 2)} ` +
          `| ${f(r['suunta']!.requestsPerSecond / r['nginx']!.requestsPerSecond, 2)} ` +
          `| ${f(r['suunta']!.p99Ms, 2)} |`,
      );
    }
    console.log(
      `\nPriority page weight (HTML + CSS + JS, uncompressed): ${f(priorityWeight / 1024, 1)} KB (target ≤ 30 KB)`,
    );
    console.log(`Suunta RSS after the run: ${f(rss, 1)} MB (target ≤ 120 MB)`);
    const resultsDir = join(ROOT, 'bench', 'results');
    if (!existsSync(resultsDir)) mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, 'latest.json'),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          duration: DURATION,
          connections: CONNECTIONS,
          results,
          priorityWeight,
          rssMb: rss,
        },
        null,
        2,
      ),
    );
  } finally {
    stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
