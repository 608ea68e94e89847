/**
 * A consultation round as open data (issue 10, point 8), on every database: the round, its
 * published comments and the council's published responses as JSON and CSV. Never an e-mail
 * address, never a comment sent "not to be published", never the name (or a resident's
 * organisation) of an anonymous comment — a statement keeps its organisation —, and no names at all
 * once the retention date has passed and the data was removed.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { AppContext } from '#src/services/app-context.ts';
import { removeExpiredPersonalData } from '#src/services/consultation/personal-data.ts';
import { FakeClock } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { openRound, ROUND } from './consultation-fixture.ts';
import { ANONYMOUS, BODIES, HIDDEN, NAMED, PERSONAL, SIGNER, sendPersonalComments } from './privacy-fixture.ts';

const BASE = `/api/v1/regions/08/programmes/2022-2025/consultation/${ROUND}`;

interface ApiComment {
  id: number;
  kind: string;
  body: string;
  author: { name: string | null; organisation: string | null };
}
interface CommentList {
  personalDataRemoved: boolean;
  comments: ApiComment[];
  responses: { id: number; text: { fi: string | null }; decision: string; comments: number[] }[];
}

/** What must never reach the public before removal: every e-mail address, and what the senders kept to themselves. */
const NEVER = [
  NAMED.email,
  'Maija@Example.FI',
  ANONYMOUS.email,
  ANONYMOUS.name,
  ANONYMOUS.organisation,
  HIDDEN.email,
  HIDDEN.name,
  BODIES.hidden,
  SIGNER.email,
  SIGNER.name,
  SIGNER.businessId,
  SIGNER.role,
];

function assertAbsent(text: string, values: readonly string[], what: string): void {
  const lower = text.toLowerCase();
  for (const v of values) assert.ok(!lower.includes(v.toLowerCase()), `${what} must not contain ${JSON.stringify(v)}`);
}

/** Adds a published response (to the named and the hidden comment) and a draft one, as the response editor stores them. */
async function addResponses(
  ctx: AppContext,
  roundId: number,
  ids: { named: number; hidden: number; statement: number },
): Promise<void> {
  const at = '2021-10-15T10:00:00.000Z';
  const insert = async (status: string, text: string) =>
    (
      await ctx.db.kysely
        .insertInto('consultation_responses')
        .values({
          round_id: roundId,
          text: JSON.stringify({ fi: text }),
          decision: 'taken_into_account',
          status,
          published_at: status === 'published' ? at : null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const published = await insert('published', 'Pyhtää lisätään ohjelmaan.');
  const draft = await insert('draft', 'Luonnos vastauksesta.');
  await ctx.db.kysely
    .insertInto('consultation_response_comments')
    .values([
      { response_id: published, comment_id: ids.named },
      { response_id: published, comment_id: ids.hidden },
      { response_id: draft, comment_id: ids.statement },
    ])
    .execute();
}

for (const target of databaseTargets()) {
  describe(`a consultation round as open data (${target.name})`, () => {
    let ids: Awaited<ReturnType<typeof sendPersonalComments>>;
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = new FakeClock(Date.parse('2021-09-10T09:00:00Z')).now;
        await openRound(ctx, { retentionUntil: '2022-12-31' });
        ids = await sendPersonalComments(ctx);
      },
    });
    let roundId: number;
    before(async () => {
      roundId = (
        await t.ctx.db.kysely
          .selectFrom('consultation_rounds')
          .select('id')
          .where('slug', '=', ROUND)
          .executeTakeFirstOrThrow()
      ).id;
    });

    const getJson = async <T>(url: string): Promise<T> => {
      const res = await t.get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
      assertAbsent(res.body, NEVER, url);
      return res.json() as T;
    };
    const getCsv = async (): Promise<Record<string, string>[]> => {
      const res = await t.get(`${BASE}/comments.csv`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], `attachment; filename="08-2022-2025-${ROUND}-comments.csv"`);
      assertAbsent(res.body, NEVER, 'comments.csv');
      return parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    };

    test('the round: times, phase, counts (the comment not to be published is not counted as published), retention', async () => {
      const round = await getJson<Record<string, unknown>>(BASE);
      assert.equal(round['round'], ROUND);
      assert.equal(round['phase'], 'open');
      assert.equal(round['closesAt'], '2021-09-30T12:00:00.000Z');
      assert.deepEqual(round['counts'], { published: 4, waiting: 0, rejected: 0 });
      assert.equal(round['retentionUntil'], '2022-12-31');
      assert.equal(round['personalDataRemoved'], false);
    });

    test('the comments: only the published ones, authors as the senders allowed, no e-mail; published responses only', async () => {
      await addResponses(t.ctx, roundId, ids);
      const list = await getJson<CommentList>(`${BASE}/comments`);
      assert.deepEqual(
        list.comments.map((c) => c.id),
        [ids.named, ids.anonymous, ids.statement, ids.second],
      );
      const by = Object.fromEntries(list.comments.map((c) => [c.id, c]));
      assert.deepEqual(by[ids.named]!.author, { name: NAMED.name, organisation: NAMED.organisation });
      assert.deepEqual(by[ids.anonymous]!.author, { name: null, organisation: null });
      assert.deepEqual(by[ids.statement]!.author, { name: null, organisation: SIGNER.organisation });
      assert.equal(by[ids.statement]!.kind, 'statement');
      assert.equal(by[ids.anonymous]!.body, BODIES.anonymous);
      for (const c of list.comments) assert.deepEqual(Object.keys(c.author).sort(), ['name', 'organisation']);
      assert.equal(list.responses.length, 1, 'the draft response is not published');
      assert.equal(list.responses[0]!.text.fi, 'Pyhtää lisätään ohjelmaan.');
      assert.deepEqual(list.responses[0]!.comments, [ids.named], 'the hidden comment is not named');
    });

    test('the CSV: the same comments and authors, a formula neutralised, the responses named', async () => {
      const rows = await getCsv();
      assert.deepEqual(
        rows.map((r) => Number(r['id'])),
        [ids.named, ids.anonymous, ids.statement, ids.second],
      );
      const by = Object.fromEntries(rows.map((r) => [Number(r['id']), r]));
      assert.equal(by[ids.named]!['author_name'], NAMED.name);
      assert.equal(by[ids.anonymous]!['author_name'], '');
      assert.equal(by[ids.anonymous]!['organisation'], '');
      assert.equal(by[ids.statement]!['organisation'], SIGNER.organisation);
      assert.equal(by[ids.statement]!['body'], `'${BODIES.statement}`, 'the = cell is neutralised');
      assert.equal(by[ids.named]!['paragraph'], '1');
      assert.match(by[ids.named]!['responses']!, /^\d+$/);
      assert.equal(by[ids.anonymous]!['responses'], '');
      assert.ok(!Object.keys(rows[0]!).some((k) => /mail/i.test(k)), 'no e-mail column');
    });

    test('after the retention date no names at all; texts and organisations stay', async () => {
      await removeExpiredPersonalData(t.ctx, new Date('2023-01-01T12:00:00Z'));
      const everyName = [...NEVER, ...PERSONAL];
      const round = await getJson<Record<string, unknown>>(BASE);
      assert.equal(round['personalDataRemoved'], true);
      const list = await getJson<CommentList>(`${BASE}/comments`);
      assertAbsent(JSON.stringify(list), everyName, 'comments after removal');
      assert.equal(list.personalDataRemoved, true);
      assert.equal(list.comments.length, 4);
      assert.ok(list.comments.every((c) => c.author.name === null));
      assert.deepEqual(
        list.comments.map((c) => c.author.organisation),
        [NAMED.organisation, null, SIGNER.organisation, NAMED.organisation],
      );
      assert.equal(list.comments[0]!.body, BODIES.named);
      const rows = await getCsv();
      assertAbsent(JSON.stringify(rows), everyName, 'comments.csv after removal');
      assert.ok(rows.every((r) => r['author_name'] === ''));
    });

    test('an unknown round is 404, a malformed one 400', async () => {
      assert.equal((await t.get('/api/v1/regions/08/programmes/2022-2025/consultation/ei-ole')).statusCode, 404);
      assert.equal((await t.get('/api/v1/regions/08/programmes/2022-2025/consultation/Ei_Ole')).statusCode, 400);
      assert.equal(
        (await t.get(`/api/v1/regions/01/programmes/2022-2025/consultation/${ROUND}/comments`)).statusCode,
        404,
      );
    });
  });
}
