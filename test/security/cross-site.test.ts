/**
 * Cross-site requests are refused even with a valid CSRF token: a state-changing request whose
 * Origin is another site, or whose Sec-Fetch-Site is `cross-site` (or `same-site` from anywhere
 * but the public URL), gets 403 and writes nothing — the admin's error page in the admin's
 * language, JSON for JSON clients and the API. Same-origin requests (also behind the trusted
 * proxy), the public URL's origin, and clients that send neither header (the token alone) pass.
 */
import { storedGenerations } from '../support/generations.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Browser, useSignedInApp } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';

const PUBLIC_URL = 'https://suunta.example.fi/';

for (const target of databaseTargets()) {
  describe(`cross-site writes are refused behind the CSRF token (${target.name})`, () => {
    const web = useSignedInApp(
      target,
      { admin: { email: 'xs-admin@example.fi', role: 'admin' } },
      { appContext: (ctx) => ({ ...ctx, config: { ...ctx.config, publicUrl: PUBLIC_URL } }) },
    );
    const browser = web.as.admin;
    let n = 0;

    const users = async (): Promise<number> =>
      Number(
        (
          await web.ctx.db.kysely
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** Adds a user as the signed-in admin, with the page's valid CSRF token and the given headers. */
    const addUser = async (headers: Record<string, string>): Promise<LightMyRequestResponse> => {
      await browser.get('/admin/users?region=08');
      n += 1;
      return browser.post(
        '/admin/users',
        { region: '08', email: `xs-new-${n}@example.fi`, role: 'viewer' },
        { headers },
      );
    };

    const refused = async (headers: Record<string, string>, what: string): Promise<LightMyRequestResponse> => {
      const before = await users();
      const generation = await storedGenerations(web.ctx);
      const res = await addUser(headers);
      assert.equal(res.statusCode, 403, `${what}: ${res.body.slice(0, 300)}`);
      assert.equal(await users(), before, `${what}: no user was added`);
      assert.equal(await storedGenerations(web.ctx), generation, `${what}: nothing was written`);
      return res;
    };

    const accepted = async (headers: Record<string, string>, what: string): Promise<void> => {
      const before = await users();
      const res = await addUser(headers);
      assert.ok(res.statusCode < 400, `${what}: got ${res.statusCode} ${res.body.slice(0, 300)}`);
      assert.equal(await users(), before + 1, `${what}: the user was added`);
    };

    test('a valid token with Origin: https://evil.example → 403, nothing written, a clear page', async () => {
      const res = await refused({ origin: 'https://evil.example' }, 'evil origin');
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(res.body, /<html lang="fi">/);
      assert.match(res.body, /<h1>Pyyntö tuli toiselta sivustolta<\/h1>/);
    });

    test('the page is in the admin language; JSON clients get JSON naming the reason', async () => {
      await browser.get('/admin/account?lang=sv');
      const sv = await refused({ origin: 'https://evil.example' }, 'evil origin, Swedish');
      assert.match(sv.body, /<html lang="sv">/);
      assert.match(sv.body, /Begäran kom från en annan webbplats/);
      await browser.get('/admin/account?lang=fi');
      const json = await refused({ origin: 'https://evil.example', accept: 'application/json' }, 'JSON');
      assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
      const body = json.json() as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'forbidden');
      assert.match(body.error.message, /^Cross-site request refused: .*"https:\/\/evil\.example"/);
    });

    test('Sec-Fetch-Site: cross-site → 403, whatever the Origin says', async () => {
      await refused({ 'sec-fetch-site': 'cross-site' }, 'cross-site');
      await refused({ 'sec-fetch-site': 'cross-site', origin: 'http://localhost' }, 'cross-site with own origin');
    });

    test('same-site from another address, Origin: null, and a look-alike host → 403', async () => {
      await refused({ 'sec-fetch-site': 'same-site', origin: 'https://other.example.fi' }, 'same-site elsewhere');
      await refused({ 'sec-fetch-site': 'same-site' }, 'same-site without Origin');
      await refused({ origin: 'null' }, 'Origin null');
      await refused({ origin: 'http://localhost.evil.example' }, 'look-alike host');
      await refused({ origin: 'https://suunta.example.fi.evil.example' }, 'look-alike public URL');
      await refused({ origin: 'http://suunta.example.fi' }, 'the public host over plain HTTP');
    });

    test('the sign-in form and the API refuse cross-site posts too', async () => {
      const anonymous = new Browser(web.app);
      await anonymous.get('/admin/login');
      const login = await anonymous.post(
        '/admin/login',
        { email: web.users.admin.email, password: web.users.admin.password },
        { headers: { origin: 'https://evil.example' } },
      );
      assert.equal(login.statusCode, 403, 'login CSRF');
      assert.ok(!anonymous.jar.cookies.has('suunta_session'), 'no session was started');
      const api = await web.app.inject({
        method: 'POST',
        url: '/api/v1/programmes/08-2022-2025/align',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        payload: { text: 'satamat', lang: 'fi' },
      });
      assert.equal(api.statusCode, 403);
      assert.equal(api.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal((api.json() as { error: { code: string } }).error.code, 'forbidden');
    });

    test('same-origin, the public URL, behind the proxy, and no headers at all → accepted', async () => {
      await accepted({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }, 'same origin');
      await accepted({ origin: 'http://localhost:80' }, 'same origin with the default port');
      await accepted({ origin: 'https://suunta.example.fi', 'sec-fetch-site': 'same-site' }, 'the public URL');
      await accepted({ origin: 'https://suunta.example.fi' }, 'the public URL without fetch metadata');
      await accepted(
        {
          origin: 'https://admin.example.fi',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'admin.example.fi',
          'sec-fetch-site': 'same-origin',
        },
        'behind the trusted proxy',
      );
      await accepted({}, 'a non-browser client: the token alone');
      await accepted({ 'sec-fetch-site': 'none' }, 'user-initiated');
    });

    test('GET requests are not affected', async () => {
      const res = await browser.get('/admin/users?region=08', {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      });
      assert.equal(res.statusCode, 200);
    });
  });
}
