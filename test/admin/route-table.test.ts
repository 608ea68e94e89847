/**
 * The route table: EVERY route whose URL starts with /admin, and every route whose method is not
 * GET/HEAD (anywhere in the app), must be registered with adminRoute and so carry an access rule.
 * For each such route this test checks, against the real app:
 *   - it has a rule (a route without one fails — proven below with a rogue route in a test app);
 *   - anonymous: GET/HEAD → 302 to /admin/login?next=…, other methods → 401 (public rules: only
 *     the sign-in and set-password pages may have them; public-form rules — forms anyone may send,
 *     such as consultation comments — only outside /admin, and they get the pre-session CSRF check);
 *   - role rules: a signed-in user with no role, with the role in another region only, or with a
 *     too weak role → 403 (and the allowed user is let through on GET);
 *   - state-changing methods: a missing CSRF token → 403 and another session's token → 403.
 *
 * HOW TO COVER A NEW ROUTE: nothing to do for a route without parameters whose region (for role
 * rules) comes from the URL's params. Otherwise add a row to ROUTE_VALUES below, keyed by the route
 * URL exactly as registered (e.g. '/admin/regions/:code/programmes/:slug'), giving real values from
 * the seed (`params`, and `query`/`body` fields the route reads its region from). The test users
 * are entitled in region '08' (Kymenlaakso, the seeded programme '2022-2025'); the wrong-region
 * user is an admin of region '01'. A route with params but no row fails with "no values for …".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { CLI_ACTOR, type Role } from '#src/domain/roles.ts';
import { adminRoute, ruleFor, type AccessRule } from '#src/http/admin/admin-route.ts';
import { buildApp } from '#src/http/app.ts';
import { registerSecurity } from '#src/http/security/index.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { Browser, createUser, signedIn, type TestUser } from './admin-fixture.ts';

/** Ids made in the test database, for rows that need them. */
interface Seeded {
  /** A user with a role in region 08 (the target of user actions). */
  targetUserId: number;
}

interface RouteValues {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, string>;
}

const ROUTE_VALUES: Record<string, RouteValues | ((s: Seeded) => RouteValues)> = {
  '/admin/*': { params: { '*': 'no-such-page' } },
  '/admin/set-password/:token': { params: { token: 'A'.repeat(43) } },
  '/admin/users': { query: { region: '08' }, body: { region: '08', email: 'route-table@example.fi', role: 'viewer' } },
  '/admin/audit': { query: { region: '08' } },
  '/admin/audit.csv': { query: { region: '08' } },
  '/admin/users/:id/role': (s) => ({ params: { id: String(s.targetUserId) }, body: { region: '08', role: 'viewer' } }),
  '/admin/users/:id/disable': (s) => ({ params: { id: String(s.targetUserId) }, body: { region: '08' } }),
  '/admin/users/:id/enable': (s) => ({ params: { id: String(s.targetUserId) }, body: { region: '08' } }),
  '/admin/users/:id/link': (s) => ({ params: { id: String(s.targetUserId) }, body: { region: '08' } }),
  '/admin/regions/:code/programmes/:slug/align': {
    params: { code: '08', slug: '2022-2025' },
    body: { text: 'satamat', lang: 'fi' },
  },
  '/admin/regions/:code/programmes/:slug/align/confirm': {
    params: { code: '08', slug: '2022-2025' },
    body: { project: 'ROUTE-TABLE-1', priority: 'uudistuva-elinkeinoelama' },
  },
  '/admin/regions/:code/projects/import': { params: { code: '08' } },
  '/admin/regions/:code/projects/import/rejects': { params: { code: '08' } },
  '/admin/regions/:code/indicators': { params: { code: '08' } },
  '/admin/regions/:code/programmes/:programme/reports': { params: { code: '08', programme: '2022-2025' } },
  // A year outside the period: the guards are checked without making three PDFs.
  '/admin/regions/:code/programmes/:programme/reports/:year': {
    params: { code: '08', programme: '2022-2025', year: '2019' },
  },
  '/admin/regions/:code/indicators/:indicator': { params: { code: '08', indicator: 'vaesto' } },
  // ---- consultation (no round is seeded: the guards answer before the round is looked up) ----
  '/admin/regions/:code/programmes/:programme/consultation': { params: { code: '08', programme: '2022-2025' } },
  '/admin/regions/:code/programmes/:programme/consultation/:round': {
    params: { code: '08', programme: '2022-2025', round: 'route-table' },
  },
  '/admin/regions/:code/programmes/:programme/consultation/:round/moderate': {
    params: { code: '08', programme: '2022-2025', round: 'route-table' },
  },
  '/admin/regions/:code/programmes/:programme/consultation/:round/responses': {
    params: { code: '08', programme: '2022-2025', round: 'route-table' },
  },
  '/admin/regions/:code/programmes/:programme/consultation/:round/responses/publish': {
    params: { code: '08', programme: '2022-2025', round: 'route-table' },
  },
  '/admin/regions/:code/programmes/:programme/consultation/:round/responses/:response': {
    params: { code: '08', programme: '2022-2025', round: 'route-table', response: '1' },
  },
  '/admin/regions/:code/consultation/personal-data': { params: { code: '08' } },
  '/:lang/:region/:programme/consultation/:round/comment': {
    params: { lang: 'fi', region: 'kymenlaakso', programme: '2022-2025', round: 'route-table' },
  },
  '/:lang/:region/:programme/consultation/:round/sent': {
    params: { lang: 'fi', region: 'kymenlaakso', programme: '2022-2025', round: 'route-table' },
  },
  '/:lang/:region/:programme/consultation/:round/statement': {
    params: { lang: 'fi', region: 'kymenlaakso', programme: '2022-2025', round: 'route-table' },
  },
  '/admin/regions/:code/programmes/:programme/consultation/:round/redact': {
    params: { code: '08', programme: '2022-2025', round: 'route-table' },
  },
  '/admin/regions/:code/programmes/:programme/consultation/:round/comments/:comment/attachment': {
    params: { code: '08', programme: '2022-2025', round: 'route-table', comment: '1' },
  },
  '/admin/regions/:code/indicators/:indicator/targets': { params: { code: '08', indicator: 'vaesto' } },
  '/admin/regions/:code/statistics/import': { params: { code: '08' } },
  '/admin/regions/:code/statistics/import/confirm': { params: { code: '08' } },
  // ---- programme editor (F) ----
  '/admin/regions/:code/programmes/:slug': { params: { code: '08', slug: '2022-2025' } },
  '/admin/regions/:code/programmes/:slug/updates': { params: { code: '08', slug: '2022-2025' } },
  '/admin/regions/:code/programmes/:slug/versions/:number': { params: { code: '08', slug: '2022-2025', number: '2' } },
  '/admin/regions/:code/programmes/:slug/versions/:number/lifecycle': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/nodes': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/nodes/new': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key': {
    params: { code: '08', slug: '2022-2025', number: '2', key: 'uudistuva-elinkeinoelama' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/move': {
    params: { code: '08', slug: '2022-2025', number: '2', key: 'uudistuva-elinkeinoelama' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/delete': {
    params: { code: '08', slug: '2022-2025', number: '2', key: 'uudistuva-elinkeinoelama' },
  },
  '/admin/regions/:code/programmes/:slug/terms': { params: { code: '08', slug: '2022-2025' } },
  '/admin/regions/:code/programmes/:slug/terms/:taxonomy': {
    params: { code: '08', slug: '2022-2025', taxonomy: 'crosscutting' },
  },
  '/admin/regions/:code/programmes/:slug/terms/:taxonomy/:term': {
    params: { code: '08', slug: '2022-2025', taxonomy: 'crosscutting', term: 'digitalisation' },
  },
  '/admin/regions/:code/programmes/:slug/terms/:taxonomy/:term/delete': {
    params: { code: '08', slug: '2022-2025', taxonomy: 'crosscutting', term: 'digitalisation' },
  },
  '/admin/regions/:code/council': { params: { code: '08' } },
  '/admin/regions/:code/council/:kind': { params: { code: '08', kind: 'offices' } },
  '/admin/regions/:code/council/:kind/:id': { params: { code: '08', kind: 'offices', id: '1' } },
  '/admin/regions/:code/council/:kind/:id/move': { params: { code: '08', kind: 'contacts', id: '1' } },
  '/admin/regions/:code/council/:kind/:id/delete': { params: { code: '08', kind: 'offices', id: '1' } },
  // ---- end of programme editor (F) ----
  // ---- financing plan editor ----
  '/admin/regions/:code/programmes/:slug/versions/:number/financing-plan': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/financing-plan.csv': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/financing-plan/cells': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/financing-plan/cells/remove': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/financing-plan/import': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  '/admin/regions/:code/programmes/:slug/versions/:number/financing-plan/copy': {
    params: { code: '08', slug: '2022-2025', number: '2' },
  },
  // ---- end of financing plan editor ----
};

/**
 * Catch-all routes that only answer 404 for every method and change nothing; they need no rule.
 * Each is checked below to really answer a POST with 404. Add to this list only such routes.
 */
const NOT_FOUND_CATCH_ALLS: Record<string, string> = {
  '/api': '/api',
  '/api/*': '/api/no-such-route',
};

/**
 * POST routes that compute an answer from their body and write nothing (so need no sign-in, rate
 * limit or CSRF check): each with a request checked below to answer 200 to an anonymous caller and
 * to leave the database's generation as it was. Add to this list only such routes.
 */
const READ_ONLY_POSTS: Record<string, { url: string; payload: Record<string, unknown> }> = {
  '/api/v1/programmes/:id/align': {
    url: '/api/v1/programmes/08-2022-2025/align',
    payload: { text: 'satamat ja logistiikka', lang: 'fi' },
  },
};

/** The only addresses that may be reached without signing in. */
const PUBLIC_URLS = new Set(['/admin/login', '/admin/set-password/:token']);

interface CollectedRoute {
  method: string;
  url: string;
  rule: AccessRule | undefined;
}

/** Routes the table covers: everything under /admin, and every method that is not GET/HEAD (except the 404 catch-alls). */
export function coveredRoutes(routes: readonly CollectedRoute[]): CollectedRoute[] {
  return routes.filter(
    (r) =>
      r.url === '/admin' ||
      r.url.startsWith('/admin/') ||
      r.url.startsWith('/admin.') ||
      (r.method !== 'GET' &&
        r.method !== 'HEAD' &&
        !(r.url in NOT_FOUND_CATCH_ALLS) &&
        !(r.method === 'POST' && r.url in READ_ONLY_POSTS)),
  );
}

/** The covered routes that lack an access rule (registered with app.get/post… instead of adminRoute). */
export function routesWithoutRule(routes: readonly CollectedRoute[]): string[] {
  return coveredRoutes(routes)
    .filter((r) => r.rule === undefined || ruleFor(r.method, r.url) === undefined)
    .map((r) => `${r.method} ${r.url}`);
}

function collector(): { routes: CollectedRoute[]; onRoute: (route: RouteOptions) => void } {
  const routes: CollectedRoute[] = [];
  const onRoute = (route: RouteOptions): void => {
    for (const method of [route.method].flat()) {
      routes.push({
        method: String(method).toUpperCase(),
        url: route.url,
        rule: (route.config as { adminRule?: AccessRule } | undefined)?.adminRule,
      });
    }
  };
  return { routes, onRoute };
}

function valuesFor(route: CollectedRoute, seeded: Seeded): RouteValues {
  const row = ROUTE_VALUES[route.url];
  const values = typeof row === 'function' ? row(seeded) : (row ?? {});
  const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  if (route.url.includes('*')) names.push('*');
  for (const name of names)
    assert.ok(
      values.params?.[name] !== undefined,
      `no values for ${route.method} ${route.url} (param ${name}): add a row to ROUTE_VALUES`,
    );
  return values;
}

function concreteUrl(route: CollectedRoute, values: RouteValues): string {
  const path = route.url
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_m, name: string) => encodeURIComponent(values.params![name]!))
    .replace('*', values.params?.['*'] ?? '');
  const query = values.query ? `?${new URLSearchParams(values.query).toString()}` : '';
  return path + query;
}

const isWrite = (method: string): boolean => method !== 'GET' && method !== 'HEAD';

describe('route-table check', () => {
  test('a route registered without adminRoute is reported (rogue routes in a test app)', async () => {
    const { routes, onRoute } = collector();
    const app = Fastify();
    app.addHook('onRoute', onRoute);
    await registerSecurity(app);
    const ctx = {} as AppContext; // the routes are never called
    adminRoute(app, ctx, {
      method: 'GET',
      url: '/admin/ruled',
      rule: { kind: 'signed-in' },
      handler: async () => 'ok',
    });
    app.post('/admin/rogue', async () => 'unchecked');
    app.delete('/api/v1/rogue-write', async () => 'unchecked');
    app.get('/admin/rogue-page', async () => 'unchecked');
    app.get('/public/page', async () => 'fine: a public GET outside /admin');
    await app.ready();
    assert.deepEqual(routesWithoutRule(routes).sort(), [
      'DELETE /api/v1/rogue-write',
      'GET /admin/rogue-page',
      'HEAD /admin/rogue-page',
      'POST /admin/rogue',
    ]);
    assert.ok(coveredRoutes(routes).some((r) => r.url === '/admin/ruled'));
    await app.close();
  });
});

for (const target of databaseTargets()) {
  describe(`every admin and write route is guarded (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    let routes: CollectedRoute[];
    let seeded: Seeded;
    const users: Record<string, TestUser> = {};
    const admins: TestUser[] = [];
    const browsers: Record<string, { browser: Browser; uses: number; user: TestUser }[]> = {};

    /**
     * A signed-in browser of `kind`; a fresh sign-in every 40 requests, and for the admin (who makes
     * most of the writes) another admin each time, keeps under the write rate limit (per user).
     */
    const as = async (
      kind: 'admin' | 'viewer' | 'moderator' | 'editor' | 'wrongRegion' | 'noRole',
    ): Promise<Browser> => {
      const pool = (browsers[kind] ??= []);
      let entry = pool.at(-1);
      if (!entry || entry.uses >= 40) {
        const user = kind === 'admin' ? admins[pool.length % admins.length]! : users[kind]!;
        entry = { browser: await signedIn(app, user), uses: 0, user };
        pool.push(entry);
      }
      entry.uses += 1;
      return entry.browser;
    };

    before(async () => {
      ctx = await openTestContext(target);
      const { routes: collected, onRoute } = collector();
      app = await buildApp(ctx, { onRoute });
      await app.ready();
      routes = collected;
      users['admin'] = await createUser(ctx, { email: 'rt-admin@example.fi', role: 'admin', region: '08' });
      admins.push(users['admin']);
      for (const n of [2, 3, 4])
        admins.push(await createUser(ctx, { email: `rt-admin-${n}@example.fi`, role: 'admin', region: '08' }));
      users['editor'] = await createUser(ctx, { email: 'rt-editor@example.fi', role: 'editor', region: '08' });
      users['moderator'] = await createUser(ctx, { email: 'rt-moderator@example.fi', role: 'moderator', region: '08' });
      users['viewer'] = await createUser(ctx, { email: 'rt-viewer@example.fi', role: 'viewer', region: '08' });
      users['wrongRegion'] = await createUser(ctx, { email: 'rt-elsewhere@example.fi', role: 'admin', region: '01' });
      const noRole = await createUser(ctx, { email: 'rt-norole@example.fi', role: 'viewer', region: '08' });
      await new AccountService(ctx.db.kysely).changeRole(noRole.id, '08', null, CLI_ACTOR);
      users['noRole'] = noRole;
      const targetUser = await createUser(ctx, { email: 'rt-target@example.fi', role: 'editor', region: '08' });
      seeded = { targetUserId: targetUser.id };
    });

    after(async () => {
      await app?.close();
      await ctx?.close();
    });

    test('the app has admin routes, and every covered route has a rule', () => {
      const covered = coveredRoutes(routes);
      assert.ok(covered.length >= 20, `found ${covered.length} covered routes`);
      assert.deepEqual(routesWithoutRule(routes), []);
      for (const r of covered) {
        if (r.rule?.kind === 'public') assert.ok(PUBLIC_URLS.has(r.url), `${r.method} ${r.url} must not be public`);
        if (r.rule?.kind === 'public-form')
          assert.ok(!r.url.startsWith('/admin'), `${r.method} ${r.url}: a public form must not be under /admin`);
      }
    });

    test('the exempt catch-alls only answer 404', async () => {
      for (const [pattern, url] of Object.entries(NOT_FOUND_CATCH_ALLS)) {
        assert.ok(
          routes.some((r) => r.url === pattern && r.method === 'POST'),
          `${pattern} exists`,
        );
        for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
          const res = await app.inject({ method, url, payload: { any: 'thing' } });
          assert.equal(res.statusCode, 404, `${method} ${url}`);
        }
      }
    });

    test('the exempt read-only POST routes answer anonymous callers and write nothing', async () => {
      for (const [pattern, call] of Object.entries(READ_ONLY_POSTS)) {
        assert.ok(
          routes.some((r) => r.url === pattern && r.method === 'POST'),
          `${pattern} exists`,
        );
        const before = (await ctx.freshness.current()).total();
        const res = await app.inject({ method: 'POST', url: call.url, payload: call.payload });
        assert.equal(res.statusCode, 200, `${pattern}: ${res.body.slice(0, 200)}`);
        ctx.reader.invalidate();
        assert.equal((await ctx.freshness.current()).total(), before, `${pattern} changed the database`);
      }
    });

    test('each covered route: anonymous, role and region, and CSRF checks', async () => {
      const covered = coveredRoutes(routes).filter((r) => r.rule !== undefined);
      assert.ok(
        covered.some((r) => r.method === 'HEAD'),
        'HEAD routes of admin pages are covered too',
      );
      for (const route of covered) {
        const name = `${route.method} ${route.url}`;
        const values = valuesFor(route, seeded);
        const url = concreteUrl(route, values);
        const rule = route.rule!;
        const json = { accept: 'application/json' };
        const anonymous = (): Promise<{ statusCode: number; headers: Record<string, unknown> }> =>
          app.inject({
            method: route.method as 'GET',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...json },
            ...(isWrite(route.method) ? { payload: new URLSearchParams(values.body ?? {}).toString() } : {}),
          });
        /** A write with the browser's cookies and the given CSRF field (null: none). */
        const write = async (browser: Browser, csrf: string | null): Promise<{ statusCode: number; body: string }> => {
          const fields = csrf === null ? (values.body ?? {}) : { ...(values.body ?? {}), _csrf: csrf };
          return app.inject({
            method: route.method as 'POST',
            url,
            headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...json },
            payload: new URLSearchParams(fields).toString(),
          });
        };

        const open = rule.kind === 'public' || rule.kind === 'public-form';
        // Anonymous.
        if (!open) {
          const res = await anonymous();
          if (isWrite(route.method)) assert.equal(res.statusCode, 401, `${name}: anonymous → 401`);
          else {
            assert.equal(res.statusCode, 302, `${name}: anonymous → 302`);
            assert.equal(
              res.headers['location'],
              `/admin/login?next=${encodeURIComponent(url)}`,
              `${name}: redirect to the sign-in page`,
            );
          }
        }

        if (route.method === 'HEAD') continue; // the same handlers as GET; bodies cannot be checked

        // Role and region.
        if (rule.kind === 'role') {
          const needed: Role = rule.role;
          const weak =
            needed === 'viewer'
              ? []
              : needed === 'moderator'
                ? ['editor', 'viewer']
                : needed === 'editor'
                  ? ['moderator', 'viewer']
                  : ['editor', 'moderator', 'viewer'];
          for (const kind of ['noRole', 'wrongRegion', ...weak] as const) {
            const browser = await as(kind as 'noRole');
            const res = isWrite(route.method) ? await write(browser, browser.csrf) : await browser.get(url, json);
            assert.equal(res.statusCode, 403, `${name}: ${kind} → 403 (${res.body.slice(0, 200)})`);
            assert.match(res.body, /needs the role/, `${name}: ${kind}: refused for the role, not for something else`);
          }
        }

        // The allowed user gets through on GET (proves the 403s above are about the role).
        const allowed = await as('admin');
        if (!isWrite(route.method) && !open) {
          const res = await allowed.get(url);
          assert.ok(
            ![401, 403].includes(res.statusCode) && res.statusCode !== 302,
            `${name}: the admin of 08 is let through (got ${res.statusCode})`,
          );
        }

        // CSRF.
        if (isWrite(route.method)) {
          const browser = open ? new Browser(app) : allowed;
          if (open) await browser.get('/admin/login');
          else await browser.get('/admin/account');
          const missing = await write(browser, null);
          assert.equal(missing.statusCode, 403, `${name}: missing CSRF token → 403`);
          assert.match(missing.body, /CSRF/, `${name}: missing token refused as CSRF`);
          const other = open ? new Browser(app) : await as('editor');
          if (open) await other.get('/admin/login');
          else await other.get('/admin/account');
          assert.notEqual(other.csrf, browser.csrf);
          const wrong = await write(browser, other.csrf);
          assert.equal(wrong.statusCode, 403, `${name}: another session's CSRF token → 403`);
          assert.match(wrong.body, /CSRF/);
          const header = await app.inject({
            method: route.method as 'POST',
            url,
            headers: { cookie: browser.jar.header(), 'x-csrf-token': 'forged', ...json },
            payload: {},
          });
          assert.equal(header.statusCode, 403, `${name}: forged x-csrf-token header → 403`);
        }
      }
    });
  });
}
