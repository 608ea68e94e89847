/**
 * Configuration from the environment, checked once at start. A bad value stops the process with
 * a message naming the variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The nearest folder above `start` holding Suunta's package.json (works from src/ and from the dist/ bundle). */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'suunta')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Suunta's package.json above ${start}`);
    dir = parent;
  }
}

/** The repository root (where content/ and public/ live). */
export const ROOT_DIR = findRoot(dirname(fileURLToPath(import.meta.url)));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SUUNTA_DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… for PostgreSQL; otherwise a SQLite file path. Default: SUUNTA_DATA_DIR/suunta.sqlite. */
  DATABASE_URL: z.string().min(1).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Public base URL used in sitemap.xml and canonical links. */
  SUUNTA_PUBLIC_URL: z.url().optional(),
  /**
   * Which proxies to trust for X-Forwarded-* (client address for throttling, HTTPS for Secure
   * cookies): unset = none, `true` = any (only behind a proxy that always overwrites them),
   * a number of hops, or a comma-separated list of addresses/CIDRs.
   */
  SUUNTA_TRUST_PROXY: z.string().min(1).optional(),
  /**
   * Whether the first-start seed stores the shipped project facts (content/facts/projects-*.json):
   * `1` or `0`; default 1, except under NODE_ENV=test (tests ask for them when they need them).
   */
  SUUNTA_SEED_PROJECTS: z.enum(['0', '1']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** `off` sends every request through the framework (the bench measures the front cache's worth with it). */
  SUUNTA_FRONT_CACHE: z.enum(['on', 'off']).default('on'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  production: boolean;
  publicUrl: string | null;
  logLevel: string;
  contentDir: string;
  /** Whether the first-start seed stores the shipped project facts (SUUNTA_SEED_PROJECTS). */
  seedProjects: boolean;
  /** fastify's trustProxy setting. */
  trustProxy: boolean | number | string[];
  /** Whether repeated public GETs are answered before the framework (src/http/site/front-cache.ts). */
  frontCache: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.SUUNTA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? join(dataDir, 'suunta.sqlite'),
    production: e.NODE_ENV === 'production',
    publicUrl: e.SUUNTA_PUBLIC_URL ?? null,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'warn' : e.NODE_ENV === 'test' ? 'silent' : 'info'),
    contentDir: join(ROOT_DIR, 'content'),
    seedProjects: e.SUUNTA_SEED_PROJECTS !== undefined ? e.SUUNTA_SEED_PROJECTS === '1' : e.NODE_ENV !== 'test',
    trustProxy: parseTrustProxy(e.SUUNTA_TRUST_PROXY),
    frontCache: e.SUUNTA_FRONT_CACHE === 'on',
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
