/**
 * Signing in and out: argon2id hashes, session cookies and their attributes, idle (2 h) and
 * absolute (12 h) expiry on an injected clock, log out / log out everywhere, throttling per
 * account and per IP address, CSRF on the sign-in form, and one-time set-password links.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { CLI_ACTOR } from '#src/domain/roles.ts';
import { buildApp } from '#src/http/app.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { Browser, createUser, FakeClock, HOUR, MINUTE, PASSWORD, signedIn, type TestUser } from './admin-fixture.ts';

for (const target of databaseTargets()) {
  describe(`admin sign-in and sessions (${target.name})`, () => {
    let base: AppContext;
    let ctx: AppContext;
    let clock: FakeClock;
    let app: FastifyInstance;
    let editor: TestUser;

    before(async () => {
      base = await openTestContext(target);
      clock = new FakeClock();
      ctx = { ...base, clock: clock.now };
      app = await buildApp(ctx);
      editor = await createUser(ctx, { email: 'Editor@Example.fi', role: 'editor', region: '08', name: 'Eeva Editor' });
    });

    beforeEach(async () => {
      // Each test starts with no recorded failures and at a later time (old sessions stay valid only if a test keeps them).
      await ctx.db.kysely.deleteFrom('login_attempts').execute();
    });

    after(async () => {
      await app?.close();
      await base?.close();
    });

    test('passwords are stored as argon2id hashes (m=19456, t=2, p=1), never in plain text', async () => {
      const row = await ctx.db.kysely
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', editor.email)
        .executeTakeFirstOrThrow();
      assert.match(row.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      assert.ok(!row.password_hash!.includes(PASSWORD));
    });

    test('signing in sets an HttpOnly, SameSite=Lax session cookie whose SHA-256 is the session id, and redirects to next', async () => {
      const browser = new Browser(app);
      const form = await browser.get('/admin/login?next=%2Fadmin%2Faccount');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<input type="hidden" name="next" value="\/admin\/account"\/>/);
      const res = await browser.post('/admin/login', {
        email: 'editor@example.fi',
        password: PASSWORD,
        next: '/admin/account',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/account');
      const cookie = (
        res.cookies as {
          name: string;
          value: string;
          httpOnly?: boolean;
          sameSite?: string;
          path?: string;
          secure?: boolean;
        }[]
      ).find((c) => c.name === 'suunta_session');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      assert.notEqual(cookie.secure, true, 'plain HTTP: no Secure flag');
      const id = createHash('sha256').update(cookie.value).digest('hex');
      const session = await ctx.db.kysely.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      assert.ok(session, 'the database keeps the hash of the token');
      assert.equal(
        await ctx.db.kysely.selectFrom('sessions').selectAll().where('id', '=', cookie.value).executeTakeFirst(),
        undefined,
      );
      const account = await browser.get('/admin/account');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /editor@example\.fi/);
    });

    test('behind an HTTPS proxy (X-Forwarded-Proto: https) the cookie is Secure', async () => {
      const browser = new Browser(app);
      await browser.get('/admin/login');
      const res = await browser.post(
        '/admin/login',
        { email: editor.email, password: PASSWORD },
        { headers: { 'x-forwarded-proto': 'https' } },
      );
      assert.equal(res.statusCode, 303);
      const cookie = (res.cookies as { name: string; secure?: boolean }[]).find((c) => c.name === 'suunta_session');
      assert.equal(cookie?.secure, true);
    });

    test('a wrong password and an unknown e-mail get the same generic answer', async () => {
      const wrong = new Browser(app);
      await wrong.get('/admin/login');
      const a = await wrong.post('/admin/login', { email: editor.email, password: 'not the password at all' });
      const unknown = new Browser(app);
      await unknown.get('/admin/login');
      const b = await unknown.post('/admin/login', { email: 'nobody@example.fi', password: 'not the password at all' });
      assert.equal(a.statusCode, 401);
      assert.equal(b.statusCode, 401);
      for (const res of [a, b]) {
        assert.match(res.body, /Sähköpostiosoite tai salasana on väärin\./);
        assert.ok(!res.cookies.some((c: { name: string }) => c.name === 'suunta_session'));
      }
      const strip = (html: string): string => html.replace(/value="[^"]*"/g, '');
      assert.equal(strip(a.body).replace('editor@example.fi', 'X'), strip(b.body).replace('nobody@example.fi', 'X'));
      const failures = await ctx.db.kysely.selectFrom('login_attempts').select('key').execute();
      assert.deepEqual(failures.map((f) => f.key).sort(), [
        'account:editor@example.fi',
        'account:nobody@example.fi',
        'ip:127.0.0.1',
        'ip:127.0.0.1',
      ]);
    });

    test('missing fields are named in an error summary linked to the fields (400)', async () => {
      const browser = new Browser(app);
      await browser.get('/admin/login?lang=en');
      const res = await browser.post('/admin/login', { email: '', password: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<html lang="en">/);
      assert.match(res.body, /<a href="#field-email">Enter your e-mail address\.<\/a>/);
      assert.match(res.body, /<a href="#field-password">Enter your password\.<\/a>/);
      assert.match(res.body, /aria-invalid="true"/);
    });

    test('the sign-in form needs its CSRF token: missing or wrong → 403', async () => {
      const browser = new Browser(app);
      await browser.get('/admin/login');
      const missing = await browser.post('/admin/login', { email: editor.email, password: PASSWORD }, { csrf: null });
      assert.equal(missing.statusCode, 403);
      assert.match(missing.body, /Lomaketta ei voitu käsitellä/);
      const other = new Browser(app);
      await other.get('/admin/login');
      const wrong = await browser.post(
        '/admin/login',
        { email: editor.email, password: PASSWORD },
        { csrf: other.csrf },
      );
      assert.equal(wrong.statusCode, 403);
      const noCookie = await app.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `email=x&password=y&_csrf=${browser.csrf}`,
      });
      assert.equal(noCookie.statusCode, 403);
    });

    test('next is followed only inside /admin (no open redirect)', async () => {
      for (const next of ['//evil.example/admin', 'https://evil.example/', '/fi/', '/admin\\@evil', '/administrator']) {
        const browser = new Browser(app);
        await browser.get('/admin/login');
        const res = await browser.post('/admin/login', { email: editor.email, password: PASSWORD, next });
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/admin', next);
      }
    });

    test('log out ends the session; the session cookie no longer works', async () => {
      const browser = await signedIn(app, editor);
      const token = browser.jar.cookies.get('suunta_session')!;
      const res = await browser.post('/admin/logout');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/login?notice=signed-out');
      const digest = createHash('sha256').update(token).digest('hex');
      assert.equal(
        await ctx.db.kysely.selectFrom('sessions').select('id').where('id', '=', digest).executeTakeFirst(),
        undefined,
      );
      const replay = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: `suunta_session=${token}` } });
      assert.equal(replay.statusCode, 302);
      assert.match(String(replay.headers.location), /^\/admin\/login\?next=/);
    });

    test('log out everywhere ends every session of the user and is audited', async () => {
      const user = await createUser(ctx, { email: 'everywhere@example.fi', role: 'viewer', region: '08' });
      const laptop = await signedIn(app, user);
      const phone = await signedIn(app, user);
      const other = await signedIn(app, editor);
      const res = await phone.post('/admin/logout-everywhere');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/login?notice=signed-out-everywhere');
      assert.equal((await laptop.get('/admin')).statusCode, 302);
      assert.equal((await phone.get('/admin')).statusCode, 302);
      assert.equal((await other.get('/admin')).statusCode, 200, "another user's session is untouched");
      const events = await ctx.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'user.logout-everywhere')
        .where('entity_id', '=', user.email)
        .execute();
      assert.equal(events.length, 1);
      assert.equal(events[0]!.region_code, '08');
      assert.match(events[0]!.summary, /2 session/);
    });

    test('idle expiry: a session ends after 2 hours without requests, and requests keep it alive', async () => {
      const browser = await signedIn(app, editor);
      clock.advance(HOUR + 59 * MINUTE);
      assert.equal((await browser.get('/admin')).statusCode, 200, '1 h 59 min idle: still signed in');
      clock.advance(HOUR + 59 * MINUTE);
      assert.equal((await browser.get('/admin')).statusCode, 200, 'the last request renewed the idle time');
      clock.advance(2 * HOUR);
      const res = await browser.get('/admin/account');
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, '/admin/login?next=%2Fadmin%2Faccount');
      const login = await browser.get(String(res.headers.location));
      assert.match(login.body, /Kirjaudu sisään jatkaaksesi/);
    });

    test('last_seen_at is written at most once a minute', async () => {
      const browser = await signedIn(app, editor);
      const digest = createHash('sha256').update(browser.jar.cookies.get('suunta_session')!).digest('hex');
      const seen = async (): Promise<string> =>
        (
          await ctx.db.kysely
            .selectFrom('sessions')
            .select('last_seen_at')
            .where('id', '=', digest)
            .executeTakeFirstOrThrow()
        ).last_seen_at;
      const first = await seen();
      clock.advance(30_000);
      await browser.get('/admin');
      assert.equal(await seen(), first, 'after 30 s: not written');
      clock.advance(31_000);
      await browser.get('/admin');
      assert.equal(await seen(), clock.now().toISOString(), 'after 61 s: written');
    });

    test('absolute expiry: a session ends 12 hours after signing in however active it is', async () => {
      const browser = await signedIn(app, editor);
      for (let hour = 1; hour < 12; hour++) {
        clock.advance(HOUR);
        assert.equal((await browser.get('/admin')).statusCode, 200, `after ${hour} h`);
      }
      clock.advance(HOUR);
      assert.equal((await browser.get('/admin')).statusCode, 302, 'after 12 h');
    });

    test('throttling per account: after 5 failures in 15 minutes even the right password gets 429, in the UI language', async () => {
      const user = await createUser(ctx, { email: 'throttled@example.fi', role: 'viewer', region: '08' });
      const browser = new Browser(app);
      await browser.get('/admin/login?lang=sv');
      for (let i = 0; i < 5; i++) {
        const res = await browser.post(
          '/admin/login',
          { email: user.email, password: `wrong password ${i}` },
          { headers: { 'x-forwarded-for': `10.0.0.${i + 1}` } },
        );
        assert.equal(res.statusCode, 401, `failure ${i + 1}`);
      }
      const blocked = await browser.post(
        '/admin/login',
        { email: user.email, password: PASSWORD },
        { headers: { 'x-forwarded-for': '10.0.0.99' } },
      );
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /<html lang="sv">/);
      assert.match(blocked.body, /För många misslyckade inloggningsförsök\. Försök igen om 15 minuter\./);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      // Another account from the same address is not affected.
      const other = new Browser(app);
      await other.get('/admin/login');
      assert.equal(
        (
          await other.post(
            '/admin/login',
            { email: editor.email, password: PASSWORD },
            { headers: { 'x-forwarded-for': '10.0.0.99' } },
          )
        ).statusCode,
        303,
      );
      clock.advance(15 * MINUTE + 1000);
      const later = new Browser(app);
      await later.get('/admin/login');
      assert.equal(
        (await later.post('/admin/login', { email: user.email, password: PASSWORD })).statusCode,
        303,
        'after 15 minutes',
      );
      const left = await ctx.db.kysely
        .selectFrom('login_attempts')
        .select('key')
        .where('key', '=', `account:${user.email}`)
        .execute();
      assert.equal(left.length, 0, "a successful sign-in clears the account's counter");
    });

    test('throttling per IP address: after 20 failures in 15 minutes the address gets 429 for any account', async () => {
      const ip = '192.0.2.7';
      const browser = new Browser(app);
      await browser.get('/admin/login?lang=en');
      for (let i = 0; i < 20; i++) {
        const res = await browser.post(
          '/admin/login',
          { email: `guess${i}@example.fi`, password: 'guessing the password' },
          { headers: { 'x-forwarded-for': ip } },
        );
        assert.equal(res.statusCode, 401, `failure ${i + 1}`);
      }
      const blocked = await browser.post(
        '/admin/login',
        { email: editor.email, password: PASSWORD },
        { headers: { 'x-forwarded-for': ip } },
      );
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /Too many failed sign-in attempts/);
      const elsewhere = new Browser(app);
      await elsewhere.get('/admin/login');
      assert.equal(
        (
          await elsewhere.post(
            '/admin/login',
            { email: editor.email, password: PASSWORD },
            { headers: { 'x-forwarded-for': '192.0.2.8' } },
          )
        ).statusCode,
        303,
      );
      const recorded = await ctx.db.kysely
        .selectFrom('login_attempts')
        .select('key')
        .where('key', '=', `ip:${ip}`)
        .execute();
      assert.equal(recorded.length, 20);
    });

    test('writes are rate-limited: the 121st state-changing request within a minute gets 429 in the UI language', async () => {
      const user = await createUser(ctx, { email: 'busy@example.fi', role: 'viewer', region: '08' });
      const browser = await signedIn(app, user);
      await browser.get('/admin/account?lang=en');
      // Any write counts, including one to an unknown address (404 after the CSRF check).
      for (let i = 0; i < 120; i++) {
        const res = await browser.post('/admin/no-such-write', {});
        assert.equal(res.statusCode, 404, `write ${i + 1}`);
      }
      const limited = await browser.post('/admin/no-such-write', {});
      assert.equal(limited.statusCode, 429);
      assert.match(limited.body, /<html lang="en">/);
      assert.match(limited.body, /You sent too many requests in a short time\. Wait \d+ seconds and try again\./);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await browser.get('/admin')).statusCode, 200, 'reading is not limited');
      const other = await signedIn(app, editor);
      assert.equal((await other.post('/admin/no-such-write', {})).statusCode, 404, 'the limit is per user');
      await browser.get('/admin/account?lang=fi');
    });

    test('a disabled user cannot sign in, and disabling ends their sessions', async () => {
      const user = await createUser(ctx, { email: 'disabled@example.fi', role: 'viewer', region: '08' });
      const browser = await signedIn(app, user);
      await new AccountService(ctx.db.kysely, ctx.clock).setDisabled(user.id, true, '08', CLI_ACTOR);
      assert.equal((await browser.get('/admin')).statusCode, 302);
      const again = new Browser(app);
      await again.get('/admin/login');
      const res = await again.post('/admin/login', { email: user.email, password: PASSWORD });
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /Sähköpostiosoite tai salasana on väärin/);
    });

    describe('one-time set-password links', () => {
      const issue = async (email: string): Promise<string> => {
        const result = await new AccountService(ctx.db.kysely, ctx.clock).addUser(
          { email, role: 'viewer', regionCode: '08' },
          CLI_ACTOR,
          { linkForExisting: 'always' },
        );
        assert.ok(result.token);
        assert.match(result.token, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
        return result.token;
      };

      test('the link sets the password once; used again it says so (410)', async () => {
        const token = await issue('newcomer@example.fi');
        const stored = await ctx.db.kysely
          .selectFrom('one_time_tokens')
          .select('id')
          .where('id', '=', createHash('sha256').update(token).digest('hex'))
          .executeTakeFirst();
        assert.ok(stored, 'the token is stored hashed');
        const browser = new Browser(app);
        const form = await browser.get(`/admin/set-password/${token}`);
        assert.equal(form.statusCode, 200);
        assert.match(form.body, /newcomer@example\.fi/);
        assert.equal(form.headers['referrer-policy'], 'no-referrer');
        const done = await browser.post(`/admin/set-password/${token}`, {
          password: 'a long new passphrase',
          confirm: 'a long new passphrase',
        });
        assert.equal(done.statusCode, 303);
        assert.equal(done.headers.location, '/admin/login?notice=password-set');
        const login = await browser.get('/admin/login?notice=password-set');
        assert.match(login.body, /Salasana on asetettu/);
        assert.equal(
          (await browser.post('/admin/login', { email: 'newcomer@example.fi', password: 'a long new passphrase' }))
            .statusCode,
          303,
        );

        const again = new Browser(app);
        const used = await again.get(`/admin/set-password/${token}`);
        assert.equal(used.statusCode, 410);
        assert.match(used.body, /Tämä linkki on jo käytetty/);
        assert.doesNotMatch(used.body, /name="password"/);
        await again.get('/admin/login'); // a form's CSRF token, as if the form had been open in another tab
        const reuse = await again.post(`/admin/set-password/${token}`, {
          password: 'another long passphrase',
          confirm: 'another long passphrase',
        });
        assert.equal(reuse.statusCode, 410);
        const login2 = new Browser(app);
        await login2.get('/admin/login');
        assert.equal(
          (await login2.post('/admin/login', { email: 'newcomer@example.fi', password: 'another long passphrase' }))
            .statusCode,
          401,
          'the reused link changed nothing',
        );
      });

      test('a link expires after 72 hours', async () => {
        const token = await issue('late@example.fi');
        clock.advance(71 * HOUR);
        const browser = new Browser(app);
        assert.equal((await browser.get(`/admin/set-password/${token}?lang=en`)).statusCode, 200);
        clock.advance(HOUR);
        const expired = await browser.get(`/admin/set-password/${token}`);
        assert.equal(expired.statusCode, 410);
        assert.match(expired.body, /This link has expired: links are valid for 72 hours/);
        const post = await browser.post(`/admin/set-password/${token}`, {
          password: 'a long new passphrase',
          confirm: 'a long new passphrase',
        });
        assert.equal(post.statusCode, 410);
      });

      test('a new link voids the earlier unused one', async () => {
        const first = await issue('twice@example.fi');
        const second = await issue('twice@example.fi');
        const browser = new Browser(app);
        assert.equal((await browser.get(`/admin/set-password/${first}`)).statusCode, 410);
        assert.equal((await browser.get(`/admin/set-password/${second}`)).statusCode, 200);
      });

      test('an unknown or malformed token is a clear 404', async () => {
        const browser = new Browser(app);
        for (const token of ['x'.repeat(43), 'short', '%3Cscript%3E']) {
          const res = await browser.get(`/admin/set-password/${token}`);
          assert.equal(res.statusCode, 404, token);
          assert.match(res.body, /Linkki ei kelpaa/);
        }
      });

      test('password rules: at least 12 characters, not the e-mail address, typed twice alike', async () => {
        const token = await issue('rules@example.fi');
        const browser = new Browser(app);
        await browser.get(`/admin/set-password/${token}?lang=en`);
        const cases: [string, string, string, RegExp][] = [
          ['short pass', 'short pass', 'password', /at least 12 characters/],
          ['rules@example.fi', 'rules@example.fi', 'password', /must not be the same as the e-mail address/],
          ['RULES@example.fi ', 'RULES@example.fi ', 'password', /must not be the same as the e-mail address/],
          ['a long new passphrase', 'a long new passphrasE', 'confirm', /do not match/],
        ];
        for (const [password, confirm, field, message] of cases) {
          const res = await browser.post(`/admin/set-password/${token}`, { password, confirm });
          assert.equal(res.statusCode, 400, password);
          assert.match(res.body, message);
          assert.match(res.body, new RegExp(`<a href="#field-${field}">`));
        }
        assert.equal((await browser.get(`/admin/set-password/${token}`)).statusCode, 200, 'the link is still unused');
      });
    });

    test('every /admin answer is no-store and noindex, with the strict CSP', async () => {
      const browser = await signedIn(app, editor);
      for (const url of ['/admin/login', '/admin', '/admin/account', '/admin/no-such-page']) {
        const res = await browser.get(url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
        assert.equal(res.headers['x-robots-tag'], 'noindex', url);
        assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
        assert.doesNotMatch(res.body, /\sstyle=|<style|<script/i, `${url}: no inline style or script`);
      }
      assert.equal((await browser.get('/admin/no-such-page')).statusCode, 404);
      const anonymous = await app.inject({ method: 'GET', url: '/admin/no-such-page' });
      assert.equal(anonymous.statusCode, 302, 'unknown admin pages reveal nothing before signing in');
      const unknownPost = await app.inject({ method: 'PUT', url: '/admin/nothing' });
      assert.equal(unknownPost.headers['cache-control'], 'no-store');
      assert.equal(unknownPost.headers['x-robots-tag'], 'noindex');
    });
  });
}
