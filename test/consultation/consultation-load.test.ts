/**
 * Load on a consultation round (issue 10): 500 visitors, each from an address of their own with
 * their own pre-session and form, send their comments at the same moment; exactly 500 comments are
 * stored, and a form sent twice at once with the same idempotency key stores one. On both databases.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listComments } from '#src/storage/repositories/consultation-repository.ts';
import { CookieJar, FakeClock, formBody } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { parseHtml } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { NODE, openRound, ROUND } from './consultation-fixture.ts';

const FORM = `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/comment`;
const VISITORS = 500;

interface Visitor {
  address: string;
  jar: CookieJar;
  fields: Record<string, string>;
}

for (const target of databaseTargets()) {
  describe(`500 comments at once (${target.name})`, () => {
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = new FakeClock(Date.parse('2021-09-10T09:00:00Z')).now;
        await openRound(ctx, { preModeration: 'none' });
      },
    });

    const visit = async (i: number): Promise<Visitor> => {
      const address = `10.${Math.floor(i / 250)}.${i % 250}.${1 + (i % 7)}`;
      const jar = new CookieJar();
      const res = await t.app.inject({ method: 'GET', url: `${FORM}?node=${NODE}&p=${i % 2}`, remoteAddress: address });
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      jar.update(res);
      const fields: Record<string, string> = {};
      for (const input of parseHtml(res.body).querySelectorAll('form.comment-form input[type=hidden]'))
        fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
      return {
        address,
        jar,
        fields: {
          ...fields,
          body: `Kommentti numero ${i}`,
          respondentType: 'resident',
          publishAs: 'anonymous',
          consent: 'yes',
          website: '',
        },
      };
    };
    const send = (v: Visitor) =>
      t.app.inject({
        method: 'POST',
        url: FORM,
        remoteAddress: v.address,
        headers: { cookie: v.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody(v.fields),
      });

    test('500 concurrent submissions store exactly 500 comments', async () => {
      const visitors: Visitor[] = [];
      for (let i = 0; i < VISITORS; i++) visitors.push(await visit(i));
      const answers = await Promise.all(visitors.map(send));
      const statuses = new Map<number, number>();
      for (const a of answers) statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
      assert.deepEqual([...statuses], [[303, VISITORS]], 'every submission answered 303');
      const round = await t.ctx.db.kysely
        .selectFrom('consultation_rounds')
        .select('id')
        .where('slug', '=', ROUND)
        .executeTakeFirstOrThrow();
      const stored = await listComments(t.ctx.db.kysely, round.id);
      assert.equal(stored.length, VISITORS);
      assert.deepEqual(
        new Set(stored.map((c) => c.body)),
        new Set(visitors.map((v) => v.fields['body'])),
        'each visitor’s own comment, none lost or doubled',
      );
    });

    test('the same form sent twice at once stores one comment', async () => {
      const round = await t.ctx.db.kysely
        .selectFrom('consultation_rounds')
        .select('id')
        .where('slug', '=', ROUND)
        .executeTakeFirstOrThrow();
      const before = (await listComments(t.ctx.db.kysely, round.id)).length;
      const v = await visit(VISITORS + 1);
      const [a, b] = await Promise.all([send(v), send(v)]);
      assert.equal(a.statusCode, 303);
      assert.equal(b.statusCode, 303);
      assert.equal((await listComments(t.ctx.db.kysely, round.id)).length, before + 1);
    });
  });
}
