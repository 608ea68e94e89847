/**
 * `npm run bench`: serves the programme page and a priority page from Suunta (production mode,
 * started as `npm start` starts it) and, in the same run, from two baselines answering with the
 * same bytes and the same response headers — a bare node:http server from memory and nginx from
 * static files — and from Suunta with its front cache off (SUUNTA_FRONT_CACHE=off). Rounds are
 * interleaved (each round loads every server in turn, the starting server rotating), so noise on
 * a shared machine falls on all of them alike; the report gives each round's req/s, the medians,
 * p50/p99 latency, the ratios Suunta/bare Node and Suunta/nginx, the priority page's weight,
 * Suunta's RSS, and where a profiled Suunta (`--cpu-prof`) spends its time on the front path.
 *
 * Options (environment): BENCH_DURATION (seconds per wrk run, default 10), BENCH_CONNECTIONS
 * (default 50), BENCH_ROUNDS (default 3), BENCH_PROFILE_SECONDS (default 5; 0 skips the profile).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { START_ENV, START_FLAGS } from './production-start.ts';
import { summariseProfile, type ProfileSummary } from './profile-summary.ts';
import { median, waitFor, wrk as wrkRun, type WrkResult } from './support.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const PROFILE_SECONDS = Number(process.env['BENCH_PROFILE_SECONDS'] ?? 5);
const PORTS = { suunta: 18080, node: 18081, nginx: 18082, noFront: 18083, profiled: 18084 };
const PAGES = {
  programme: '/fi/kymenlaakso/2022-2025/',
  priority: '/fi/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/',
};
const SERVERS = ['suunta', 'node', 'nginx', 'noFront'] as const;
type Server = (typeof SERVERS)[number];
const LABEL: Record<Server, string> = {
  suunta: 'Suunta',
  node: 'bare node:http',
  nginx: 'nginx',
  noFront: 'Suunta, front cache off',
};
/** Headers each server makes itself (per response or per connection); the rest are replayed. */
const OWN_HEADERS = ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'];

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

function wrk(url: string, seconds = DURATION): WrkResult {
  return wrkRun(url, { connections: CONNECTIONS, seconds });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

/**
 * One GET over a raw socket: the response head as sent (bytes) and a hash of the body. The Host
 * header is Suunta's address for every server (Suunta's pages link to their own host).
 */
function rawGet(port: number, path: string): Promise<{ head: string; bodySha1: string; bodyBytes: number }> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = all.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1]);
      const body = all.subarray(end + 4);
      if (body.length < length) return;
      socket.destroy();
      done({ head, bodySha1: createHash('sha1').update(body).digest('hex'), bodyBytes: body.length });
    });
    socket.on('error', fail);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${PORTS.suunta}\r\n\r\n`);
  });
}

/** The header names of a raw response head that one server sends and Suunta does not (or the reverse). */
function headerNames(head: string): Set<string> {
  return new Set(
    head
      .split('\r\n')
      .slice(1)
      .map((l) => l.slice(0, l.indexOf(':')).toLowerCase()),
  );
}

/** The bare node:http baseline: answers each page from memory with the headers Suunta sent for it. */
const BARE_NODE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const pages = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const answers = new Map(Object.entries(pages).map(([p, x]) => {
  const body = fs.readFileSync(x.file);
  return [p, { body, headers: [...x.headers.flat(), 'content-length', String(body.length)] }];
}));
const server = http.createServer((req, res) => {
  const answer = answers.get(req.url);
  if (!answer) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, answer.headers);
  res.end(answer.body);
});
server.keepAliveTimeout = 72000;
server.listen(${PORTS.node}, '127.0.0.1');
`;

function nginxString(value: string): string {
  if (value.includes('$')) throw new Error(`a header value with "$" cannot be given to nginx as is: ${value}`);
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** nginx serving the page files, with Suunta's headers added per page (nginx's own ETag off, Suunta's sent). */
function nginxConfig(dir: string, pages: Record<string, { headers: [string, string][] }>): string {
  const locations = Object.entries(pages).map(([path, { headers }]) => {
    const type = headers.find(([n]) => n === 'content-type')?.[1] ?? 'text/html';
    const adds = headers
      .filter(([n]) => n !== 'content-type')
      .map(([n, v]) => `      add_header ${n} ${nginxString(v)} always;`)
      .join('\n');
    return `    location = ${path} {\n      types { }\n      default_type ${nginxString(type)};\n      etag off;\n${adds}\n      try_files ${path}index.html =404;\n    }`;
  });
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  server_tokens off;
  keepalive_requests 100000;
  keepalive_timeout 72s;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  server {
    listen 127.0.0.1:${PORTS.nginx};
    root ${dir}/pub;
${locations.join('\n')}
  }
}
`;
}

function startSuunta(port: number, dataDir: string, extraEnv: NodeJS.ProcessEnv, extraFlags: string[]): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...START_ENV,
    PORT: String(port),
    HOST: '127.0.0.1',
    SUUNTA_DATA_DIR: dataDir,
    ...extraEnv,
  };
  delete env['DATABASE_URL'];
  // Exactly what `npm start` runs: the built bundle with the same V8 flags and environment.
  return spawn(process.execPath, [...START_FLAGS, ...extraFlags, join(ROOT, 'bin/suunta.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function warm(base: string): Promise<void> {
  for (const path of Object.values(PAGES)) for (let i = 0; i < 200; i++) await (await fetch(base + path)).arrayBuffer();
}

/** Suunta again with `--cpu-prof`, loaded on the priority page; the profile's summary. */
async function profileFrontPath(dataDir: string, work: string): Promise<ProfileSummary> {
  const dir = join(work, 'profile');
  const child = startSuunta(PORTS.profiled, dataDir, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${PORTS.profiled}`;
  let loadStart = performance.now();
  let loadEnd = loadStart;
  try {
    await waitFor(`${base}/readyz`);
    await warm(base);
    loadStart = performance.now();
    wrk(base + PAGES.priority, PROFILE_SECONDS);
    loadEnd = performance.now();
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  // The samples of the load only: the profile ends when the process exits, shortly after the load.
  const shutdownMs = performance.now() - loadEnd;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written in ${dir}`);
  return summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), ROOT, loadEnd - loadStart + shutdownMs);
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
    // 1. Suunta in production mode on a fresh embedded database (migrated and seeded on start),
    //    then a second Suunta with the front cache off on the same database.
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
    const dataDir = join(work, 'data');
    const suunta = startSuunta(PORTS.suunta, dataDir, {}, []);
    children.push(suunta);
    const base = `http://127.0.0.1:${PORTS.suunta}`;
    await waitFor(`${base}/readyz`);
    const noFront = startSuunta(PORTS.noFront, dataDir, { SUUNTA_FRONT_CACHE: 'off' }, []);
    children.push(noFront);

    // 2. The same bytes and headers for the baselines, as Suunta sends them for each page.
    const pub = join(work, 'nginx', 'pub');
    const files: Record<string, { file: string; headers: [string, string][] }> = {};
    let priorityWeight = 0;
    for (const [name, path] of Object.entries(PAGES)) {
      const res = await fetch(base + path);
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      const html = Buffer.from(await res.arrayBuffer());
      const dir = join(pub, path);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), html);
      const headers: [string, string][] = [];
      res.headers.forEach((value, key) => {
        if (!OWN_HEADERS.includes(key)) headers.push([key, value]);
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
    writeFileSync(join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir, files));
    const nginx = spawn('nginx', ['-c', join(nginxDir, 'nginx.conf'), '-p', nginxDir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(nginx);
    const urls: Record<Server, string> = {
      suunta: base,
      node: `http://127.0.0.1:${PORTS.node}`,
      nginx: `http://127.0.0.1:${PORTS.nginx}`,
      noFront: `http://127.0.0.1:${PORTS.noFront}`,
    };
    for (const server of SERVERS) await waitFor(urls[server] + PAGES.programme);

    // 3. What each server sends: the same body; the header names that differ from Suunta's.
    const sent: string[] = [];
    for (const path of Object.values(PAGES)) {
      const reference = await rawGet(PORTS.suunta, path);
      for (const server of SERVERS) {
        const r = await rawGet(PORTS[server], path);
        if (r.bodySha1 !== reference.bodySha1) throw new Error(`${LABEL[server]} sent other bytes for ${path}`);
        const own = headerNames(r.head);
        const ref = headerNames(reference.head);
        const extra = [...own].filter((n) => !ref.has(n));
        const lacking = [...ref].filter((n) => !own.has(n));
        sent.push(
          `${path} ${LABEL[server]}: head ${r.head.length + 4} B, body ${r.bodyBytes} B` +
            (extra.length > 0 ? `; also sends ${extra.join(', ')}` : '') +
            (lacking.length > 0 ? `; lacks ${lacking.join(', ')}` : ''),
        );
      }
    }

    // 4. Interleaved rounds after a warm-up of Suunta's caches and JIT: in round r every page is
    //    loaded on every server in turn, starting with server r (mod the number of servers).
    for (const server of ['suunta', 'noFront'] as const) await warm(urls[server]);
    const rounds: Record<string, Record<Server, WrkResult[]>> = {};
    for (const name of Object.keys(PAGES)) rounds[name] = { suunta: [], node: [], nginx: [], noFront: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = SERVERS.map((_s, i) => SERVERS[(i + r) % SERVERS.length]!);
      for (const [name, path] of Object.entries(PAGES))
        for (const server of order) rounds[name]![server].push(wrk(urls[server] + path));
    }
    const rss = rssMb(suunta.pid!);
    const rssNoFront = rssMb(noFront.pid!);
    stop();

    // 5. The front path under a profiler (a separate run: profiling slows the server down).
    const profile = PROFILE_SECONDS > 0 ? await profileFrontPath(dataDir, work) : null;

    // 6. Report.
    const f = (n: number, d = 0): string => n.toFixed(d);
    const medians: Record<string, Record<Server, WrkResult>> = {};
    for (const [name, r] of Object.entries(rounds)) {
      medians[name] = Object.fromEntries(
        SERVERS.map((s) => [
          s,
          {
            requestsPerSecond: median(r[s].map((x) => x.requestsPerSecond)),
            p50Ms: median(r[s].map((x) => x.p50Ms)),
            p99Ms: median(r[s].map((x) => x.p99Ms)),
            non2xx: r[s].reduce((a, x) => a + x.non2xx, 0),
          },
        ]),
      ) as Record<Server, WrkResult>;
    }
    console.log(
      `\nSuunta bench — ${ROUNDS} interleaved rounds of wrk -t1 -c${CONNECTIONS} -d${DURATION}s per server and page, loopback, ${new Date().toISOString()}`,
    );
    console.log('\nWhat each server sends (raw GET):');
    for (const line of sent) console.log(`- ${line}`);
    console.log(
      `\n| page | server | ${Array.from({ length: ROUNDS }, (_x, i) => `round ${i + 1} req/s`).join(' | ')} | median req/s | p50 ms | p99 ms | non-2xx |`,
    );
    console.log(`|---|---|${'---:|'.repeat(ROUNDS)}---:|---:|---:|---:|`);
    for (const [name, r] of Object.entries(rounds)) {
      for (const s of SERVERS) {
        const m = medians[name]![s];
        console.log(
          `| ${name} | ${LABEL[s]} | ${r[s].map((x) => f(x.requestsPerSecond)).join(' | ')} | ${f(m.requestsPerSecond)} | ${f(m.p50Ms, 2)} | ${f(m.p99Ms, 2)} | ${m.non2xx} |`,
        );
      }
    }
    console.log(
      '\n| page | Suunta / bare Node (medians) | per round | Suunta / nginx (medians) | front cache on / off | Suunta p99 ms |',
    );
    console.log('|---|---:|---|---:|---:|---:|');
    const ratios: Record<string, { node: number; nodePerRound: number[]; nginx: number; frontCache: number }> = {};
    for (const [name, m] of Object.entries(medians)) {
      const rps = (s: Server): number => m[s].requestsPerSecond;
      // Suunta against bare Node within each round (the two ran back to back, under the same noise).
      const perRound = rounds[name]!.suunta.map(
        (x, i) => x.requestsPerSecond / rounds[name]!.node[i]!.requestsPerSecond,
      );
      ratios[name] = {
        node: rps('suunta') / rps('node'),
        nodePerRound: perRound,
        nginx: rps('suunta') / rps('nginx'),
        frontCache: rps('suunta') / rps('noFront'),
      };
      console.log(
        `| ${name} | ${f(ratios[name]!.node, 2)} ` +
          `| ${perRound.map((r) => f(r, 2)).join(', ')} (median ${f(median(perRound), 2)}) ` +
          `| ${f(ratios[name]!.nginx, 2)} | ${f(ratios[name]!.frontCache, 2)} | ${f(m['suunta'].p99Ms, 2)} |`,
      );
    }
    console.log(
      `\nPriority page weight (HTML + CSS + JS, uncompressed): ${f(priorityWeight / 1024, 1)} KB (target ≤ 30 KB)`,
    );
    console.log(
      `Suunta RSS after the rounds: ${f(rss, 1)} MB (target ≤ 120 MB); with the front cache off: ${f(rssNoFront, 1)} MB`,
    );
    if (profile) {
      console.log(
        `\nProfile of Suunta's front path (--cpu-prof, wrk -c${CONNECTIONS} ${PROFILE_SECONDS}s on the priority page): ${f(profile.busyMs)} ms busy of ${f(profile.totalMs)} ms`,
      );
      console.log('\n| where | self ms | share of busy |');
      console.log('|---|---:|---:|');
      for (const c of profile.categories) console.log(`| ${c.name} | ${f(c.selfMs)} | ${f(c.share * 100, 1)} % |`);
      console.log('\n| function (top self time) | where | self ms | share of busy |');
      console.log('|---|---|---:|---:|');
      for (const t of profile.top)
        console.log(`| ${t.name} | ${t.where} | ${f(t.selfMs)} | ${f(t.share * 100, 1)} % |`);
    }
    const resultsDir = join(ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, 'latest.json'),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          duration: DURATION,
          connections: CONNECTIONS,
          rounds,
          medians,
          ratios,
          sent,
          priorityWeight,
          rssMb: rss,
          rssNoFrontMb: rssNoFront,
          profile,
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
