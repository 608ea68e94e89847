/**
 * Helpers the benches share: medians and percentiles, a wrk run parsed into req/s and latency
 * percentiles, waiting for a server to answer, and a render loop's rate after a JIT warm-up.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The `p`th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** wrk's duration text (`812.00us`, `1.20ms`, `2.1s`) in milliseconds. */
export function parseDuration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 'ms' ? v : m[2] === 's' ? v * 1000 : v * 60_000;
}

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

type WrkOptions = { connections: number; seconds: number; script?: string };

function wrkArgs(url: string, options: WrkOptions): string[] {
  return [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    ...(options.script ? ['-s', options.script] : []),
    url,
  ];
}

function parseWrk(out: string): WrkResult {
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50Ms: parseDuration(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99Ms: parseDuration(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
  };
}

/** One `wrk -t1 --latency` run on `url` (or, with `script`, on the requests a Lua script makes). */
export function wrk(url: string, options: WrkOptions): WrkResult {
  return parseWrk(execFileSync('wrk', wrkArgs(url, options), { encoding: 'utf8' }));
}

/** {@link wrk} without blocking this process: its own requests (a load beside wrk's) go on meanwhile. */
export async function wrkInBackground(url: string, options: WrkOptions): Promise<WrkResult> {
  const { stdout } = await promisify(execFile)('wrk', wrkArgs(url, options), { encoding: 'utf8' });
  return parseWrk(stdout);
}

/** Waits until `url` answers 2xx. */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Calls `render` for a second (JIT warm-up), then for `seconds`: calls per second and the output's length. */
export function perSecond(render: () => string, seconds: number): { rate: number; bytes: number } {
  let bytes = 0;
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) bytes = render().length;
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) render();
    n += 100;
  }
  return { rate: n / ((performance.now() - start) / 1000), bytes };
}
