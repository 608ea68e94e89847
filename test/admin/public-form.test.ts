/**
 * The `public-form` access rule (forms anyone may send, e.g. consultation comments), on a tiny
 * test-only form registered in the real app: no sign-in, the CSRF token of the pre-session cookie
 * (a missing or another visitor's token → 403), a stricter rate limit per address (429), the
 * route-table rule recorded, and adminForm's answers (400 naming the field, 303 after success).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { publicForm } from '#src/http/admin/admin-form.ts';
import { adminRoute, ruleFor } from '#src/http/admin/admin-route.ts';
import { buildApp } from '#src/http/app.ts';
import { PUBLIC_FORM_POSTS_PER_MINUTE } from '#src/http/security/rate-limits.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { Browser } from './admin-fixture.ts';

const URL = '/test-only/comments';

describe('public-form rule', () => {
  let ctx: AppContext;
  let app: FastifyInstance;
  const comments: string[] = [];
  const routes: { method: string; url: string }[] = [];

  before(async () => {
    ctx = await openTestContext(databaseTargets()[0]!); // no storage is touched: one database is enough
    app = await buildApp(ctx, {
      onRoute: (r: RouteOptions) => void routes.push({ method: String(r.method), url: r.url }),
    });
    const page = (csrf: string, errors: string[]): string =>
      `<!doctype html><form method="post"><input type="hidden" name="_csrf" value="${csrf}">` +
      errors.map((e) => `<p class="error">${e.replace(/[<&"]/g, '')}</p>`).join('') +
      `<textarea name="comment"></textarea></form>`;
    adminRoute(app, ctx, {
      method: 'GET',
      url: URL,
      rule: { kind: 'public-form' },
      handler: async (request, reply) => reply.type('text/html').send(page(request.csrfToken, [])),
    });
    publicForm(app, ctx, {
      url: URL,
      rule: { kind: 'public-form' },
      schema: z.object({
        comment: z.string({ error: 'is required' }).trim().min(3, { error: 'must be 3 characters or more' }),
      }),
      action: async ({ comment }) => {
        comments.push(comment);
        return `${URL}?done=sent`;
      },
      view: (request, reply, failure) =>
        reply
          .code(failure.status)
          .type('text/html')
          .send(
            page(
              request.csrfToken,
              failure.errors.map((e) => e.message),
            ),
          ),
    });
    await app.ready();
  });

  after(async () => {
    await app?.close();
    await ctx?.close();
  });

  test('the rule is recorded for the route table', () => {
    assert.deepEqual(ruleFor('POST', URL), { kind: 'public-form' });
    assert.deepEqual(ruleFor('GET', URL), { kind: 'public-form' });
    assert.ok(routes.some((r) => r.url === URL && r.method === 'POST'));
  });

  test('anyone gets the form with a pre-session CSRF token; sending it works without signing in', async () => {
    const visitor = new Browser(app);
    const form = await visitor.get(URL);
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'no-store', 'the per-visitor token is never cached');
    assert.ok(visitor.jar.cookies.size > 0, 'a pre-session cookie is set');
    assert.ok(visitor.csrf.length > 20, 'the page carries a CSRF token');
    const sent = await visitor.post(URL, { comment: 'Hyvä suunnitelma' });
    assert.equal(sent.statusCode, 303, sent.body);
    assert.equal(sent.headers['location'], `${URL}?done=sent`);
    assert.deepEqual(comments.slice(-1), ['Hyvä suunnitelma']);
  });

  test('a bad field is a 400 naming it; nothing is stored', async () => {
    const visitor = new Browser(app);
    await visitor.get(URL);
    const before = comments.length;
    const res = await visitor.post(URL, { comment: ' x ' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /comment: must be 3 characters or more/);
    assert.equal(comments.length, before);
  });

  test('a missing or another visitor’s CSRF token → 403, nothing stored', async () => {
    const visitor = new Browser(app);
    const other = new Browser(app);
    await visitor.get(URL);
    await other.get(URL);
    assert.notEqual(visitor.csrf, other.csrf);
    const before = comments.length;
    const missing = await visitor.post(URL, { comment: 'Ilman tunnistetta' }, { csrf: null });
    assert.equal(missing.statusCode, 403);
    const wrong = await visitor.post(URL, { comment: 'Väärä tunniste' }, { csrf: other.csrf });
    assert.equal(wrong.statusCode, 403);
    assert.equal(comments.length, before);
  });

  test(`more than ${PUBLIC_FORM_POSTS_PER_MINUTE} posts a minute from one address → 429`, async () => {
    const visitor = new Browser(app);
    await visitor.get(URL);
    const post = () =>
      app.inject({
        method: 'POST',
        url: URL,
        remoteAddress: '127.0.0.77',
        headers: { cookie: visitor.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ comment: 'Taas yksi', _csrf: visitor.csrf }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_FORM_POSTS_PER_MINUTE; i++) statuses.push((await post()).statusCode);
    assert.deepEqual(statuses.slice(0, PUBLIC_FORM_POSTS_PER_MINUTE), Array(PUBLIC_FORM_POSTS_PER_MINUTE).fill(303));
    assert.equal(statuses.at(-1), 429);
  });
});
