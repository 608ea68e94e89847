/**
 * `npm run bench:consultation [-- --pg postgres://…]`: the consultation's write path (issue 10).
 *   - Comment submissions through the app (POST of the public comment form, each from a visitor of
 *     its own with a pre-session, CSRF token and idempotency key), 20 at a time: submissions per
 *     second and the latency p50/p99, on SQLite and (with SUUNTA_TEST_PG_URL or --pg) PostgreSQL.
 *   - Re-anchoring 10 000 stored comments after a revision of the draft: the time of the programme
 *     edit that re-anchors them in its transaction, against the same edit with no comments stored.
 * Requests go through Fastify's inject (in-process, no sockets): what is measured is the app's own
 * work, the form parsing, checks, anchor and the transaction.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '#src/config/config.ts';
import { buildApp } from '#src/http/app.ts';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';
import { createRound } from '#src/services/consultation/rounds.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { median, percentile } from './support.ts';

const ACTOR = { userId: null, label: 'bench' };
const P = { code: '08', slug: '2022-2025' } as const;
const NODE = 'uudistuva-elinkeinoelama';
const SUBMISSIONS = Number(process.env['BENCH_SUBMISSIONS'] ?? 2000);
const CONCURRENCY = 20;
const REANCHORED = 10_000;

const configFor = (databaseUrl: string, dataDir: string): Config => ({
  ...loadConfig({ NODE_ENV: 'production', SUUNTA_DATA_DIR: dataDir }),
  databaseUrl,
  logLevel: 'silent',
  seedProjects: false,
});

async function versionRevision(ctx: AppContext, n: number): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('versions')
    .select('revision')
    .where('number', '=', n)
    .executeTakeFirstOrThrow();
  return row.revision;
}

async function openRound(ctx: AppContext): Promise<void> {
  await startUpdate(ctx, ACTOR, P);
  await transitionVersion(
    ctx,
    ACTOR,
    { ...P, number: 3 },
    { revision: await versionRevision(ctx, 3), action: 'consult' },
  );
  await createRound(ctx, ACTOR, P, {
    slug: 'bench',
    title: { fi: 'Bench' },
    intro: { fi: 'Bench' },
    opens: '2020-01-01T00:00',
    closes: '2099-12-31T23:00',
  });
}

const cookieOf = (setCookie: string | string[] | undefined): string =>
  [setCookie ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');

async function submissions(ctx: AppContext): Promise<string> {
  const app = await buildApp(ctx);
  try {
    const form = '/fi/kymenlaakso/2022-2025/consultation/bench/comment';
    // Each visitor's form first (a GET with its pre-session), then the posts, 20 in flight.
    const visitors: { address: string; cookie: string; payload: string }[] = [];
    for (let i = 0; i < SUBMISSIONS; i++) {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const res = await app.inject({ method: 'GET', url: `${form}?node=${NODE}&p=${i % 2}`, remoteAddress: address });
      const field = (name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(res.body)?.[1] ?? '';
      const fields = {
        _csrf: field('_csrf'),
        key: field('key'),
        node: NODE,
        p: String(i % 2),
        body: `Kommentti ${i}: laajakaistayhteydet ja joukkoliikenne haja-asutusalueilla.`,
        respondentType: 'resident',
        publishAs: 'anonymous',
        consent: 'yes',
        website: '',
      };
      visitors.push({
        address,
        cookie: cookieOf(res.headers['set-cookie']),
        payload: new URLSearchParams(fields).toString(),
      });
    }
    const latencies: number[] = [];
    let next = 0;
    let failed = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < visitors.length) {
          const v = visitors[next++]!;
          const t = performance.now();
          const res = await app.inject({
            method: 'POST',
            url: form,
            remoteAddress: v.address,
            headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            payload: v.payload,
          });
          latencies.push(performance.now() - t);
          if (res.statusCode !== 303) failed++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return (
      `${SUBMISSIONS} submissions, ${CONCURRENCY} in flight: ${(SUBMISSIONS / seconds).toFixed(0)} per second, ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms` +
      (failed > 0 ? ` (${failed} not answered 303!)` : '')
    );
  } finally {
    await app.close();
  }
}

/** Stores `n` comments on the round straight into the table (fast), anchored on paragraph 1 of NODE. */
async function storeComments(ctx: AppContext, n: number): Promise<void> {
  const round = await ctx.db.kysely
    .selectFrom('consultation_rounds')
    .select(['id', 'version_id'])
    .where('slug', '=', 'bench')
    .executeTakeFirstOrThrow();
  const node = (await findNode(ctx.db.kysely, round.version_id, NODE))!;
  const words = (node.body?.fi ?? '').split(' ');
  const rows = Array.from({ length: n }, (_, i) => {
    const start = i % Math.max(1, words.length - 4);
    return {
      round_id: round.id,
      kind: 'comment',
      status: 'approved',
      version_id: round.version_id,
      node_key: NODE,
      paragraph_index: 1,
      text_lang: 'fi',
      quote: words.slice(start, start + 4).join(' '),
      quote_before: '',
      quote_after: '',
      body: `Kommentti ${i}`,
      respondent_type: 'resident',
      publish_as: 'anonymous',
      ui_lang: 'fi',
      idempotency_key: `bench-${i}-${randomBytes(6).toString('hex')}`,
      submitted_at: new Date().toISOString(),
      anchor_version_id: round.version_id,
      anchor_paragraph_index: 1,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db.kysely
      .insertInto('consultation_comments')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** One edit of NODE's Finnish body in the draft (reopened), timed; the edit replaces a word each time. */
async function timedEdit(ctx: AppContext, round: number): Promise<number> {
  const v = await ctx.db.kysely.selectFrom('versions').select('id').where('number', '=', 3).executeTakeFirstOrThrow();
  const node = (await findNode(ctx.db.kysely, v.id, NODE))!;
  const body = (node.body?.fi ?? '').replace(/ ja /, round % 2 === 0 ? ' sekä ' : ' ja ');
  const t = performance.now();
  await updateNode(
    ctx,
    ACTOR,
    { ...P, number: 3, key: NODE },
    {
      revision: node.revision,
      slug: node.slug,
      texts: {
        title: node.title,
        shortTitle: node.shortTitle,
        summary: node.summary,
        body: { ...node.body, fi: `${body} ` },
      },
    },
  );
  return performance.now() - t;
}

async function reanchoring(ctx: AppContext): Promise<string> {
  await transitionVersion(
    ctx,
    ACTOR,
    { ...P, number: 3 },
    { revision: await versionRevision(ctx, 3), action: 'reopen' },
  );
  const empty: number[] = [];
  for (let i = 0; i < 5; i++) empty.push(await timedEdit(ctx, i));
  await storeComments(ctx, REANCHORED);
  const loaded: number[] = [];
  for (let i = 0; i < 5; i++) loaded.push(await timedEdit(ctx, i));
  return (
    `a programme edit re-anchoring ${REANCHORED} comments: median ${(median(loaded) / 1000).toFixed(2)} s ` +
    `(the same edit without comments ${(median(empty) / 1000).toFixed(3)} s), 5 edits each`
  );
}

async function run(label: string, databaseUrl: string, work: string): Promise<void> {
  const ctx = await openAppContext(configFor(databaseUrl, work));
  try {
    await openRound(ctx);
    console.log(`${label}: ${await submissions(ctx)}`);
    console.log(`${label}: ${await reanchoring(ctx)}`);
  } finally {
    await ctx.close();
  }
}

const pgArg = process.argv.indexOf('--pg');
const pgUrl = pgArg >= 0 ? process.argv[pgArg + 1]! : (process.env['SUUNTA_TEST_PG_URL'] ?? null);
const work = mkdtempSync(join(tmpdir(), 'suunta-bench-consultation-'));
try {
  await run('SQLite', join(work, 'bench.sqlite'), work);
  if (pgUrl) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const u = new URL(pgUrl);
    u.searchParams.set('schema', schema);
    try {
      await run('PostgreSQL', u.toString(), work);
    } finally {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  } else console.log('PostgreSQL: not measured (give SUUNTA_TEST_PG_URL or --pg URL)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
