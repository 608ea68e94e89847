/**
 * The sign-in throttle holds under concurrency: 40 wrong passwords sent at once for one account
 * (from 40 addresses) get exactly 5 answers "wrong email or password" (401, the password was
 * checked) and 429 for the rest; 60 at once from one address (for 60 accounts) exactly 20 (the limit holds, and is not undercut). The
 * attempt is reserved in the database before the password is checked, so parallel requests cannot
 * all pass the count. A right password afterwards is refused too (429), and within the limits a
 * right password still signs in and frees its reservation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '#src/services/accounts/policy.ts';
import { Browser, createUser, PASSWORD } from '../admin/admin-fixture.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`the sign-in throttle holds under concurrent attempts (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;

    before(async () => {
      ctx = await openTestContext(target);
      app = await buildApp(ctx);
    });
    after(async () => {
      await app?.close();
      await ctx?.close();
    });

    /** Sends all `attempts` at once from one browser (one pre-session CSRF token); the statuses in order. */
    async function concurrently(attempts: { email: string; password: string; ip: string }[]): Promise<number[]> {
      const browser = new Browser(app);
      await browser.get('/admin/login');
      const responses = await Promise.all(
        attempts.map((a) =>
          browser.post(
            '/admin/login',
            { email: a.email, password: a.password },
            { headers: { 'x-forwarded-for': a.ip } },
          ),
        ),
      );
      return responses.map((r) => r.statusCode);
    }

    const count = (statuses: number[], status: number): number => statuses.filter((s) => s === status).length;

    test(`40 concurrent wrong passwords for one account: at most ${MAX_FAILURES_PER_ACCOUNT} are checked`, async () => {
      const user = await createUser(ctx, { email: 'raced@example.fi', role: 'viewer', region: '08' });
      const statuses = await concurrently(
        Array.from({ length: 40 }, (_, i) => ({
          email: user.email,
          password: `wrong ${i}`,
          ip: `198.51.100.${i + 1}`,
        })),
      );
      assert.equal(count(statuses, 401) + count(statuses, 429), 40, `only 401 and 429: ${statuses.join(' ')}`);
      assert.equal(
        count(statuses, 401),
        MAX_FAILURES_PER_ACCOUNT,
        `${count(statuses, 401)} passwords were checked (limit ${MAX_FAILURES_PER_ACCOUNT})`,
      );
      const [right] = await concurrently([{ email: user.email, password: PASSWORD, ip: '198.51.100.200' }]);
      assert.equal(right, 429, 'the account stays throttled, even for the right password');
    });

    test(`60 concurrent attempts from one address: at most ${MAX_FAILURES_PER_IP} are checked`, async () => {
      const ip = '203.0.113.9';
      const statuses = await concurrently(
        Array.from({ length: 60 }, (_, i) => ({ email: `guess${i}@example.fi`, password: 'guessing', ip })),
      );
      assert.equal(count(statuses, 401) + count(statuses, 429), 60, `only 401 and 429: ${statuses.join(' ')}`);
      assert.equal(
        count(statuses, 401),
        MAX_FAILURES_PER_IP,
        `${count(statuses, 401)} passwords were checked (limit ${MAX_FAILURES_PER_IP})`,
      );
      const user = await createUser(ctx, { email: 'same-address@example.fi', role: 'viewer', region: '08' });
      const [right] = await concurrently([{ email: user.email, password: PASSWORD, ip }]);
      assert.equal(right, 429, 'the address stays throttled');
    });

    test('concurrent right passwords within the limits all sign in and leave no attempt behind', async () => {
      const users = await Promise.all(
        [0, 1, 2, 3].map((i) => createUser(ctx, { email: `fine${i}@example.fi`, role: 'viewer', region: '08' })),
      );
      const ip = '203.0.113.50';
      const statuses = await concurrently(
        users.flatMap((u) => [
          { email: u.email, password: PASSWORD, ip },
          { email: u.email, password: PASSWORD, ip },
        ]),
      );
      assert.deepEqual(statuses, Array(8).fill(303));
      const left = await ctx.db.kysely
        .selectFrom('login_attempts')
        .select('key')
        .where('key', 'in', [`ip:${ip}`, ...users.map((u) => `account:${u.email}`)])
        .execute();
      assert.deepEqual(left, [], 'a successful sign-in counts as no failure');
    });
  });
}
