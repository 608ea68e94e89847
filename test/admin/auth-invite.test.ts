/**
 * Accounts through the admin UI and the command line: inviting a user (the one-time link is shown
 * once and works), changing and removing roles, disabling and enabling, new links — each audited
 * with who, what, before and after — and the limits on what a region's admin may do.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { main } from '#src/cli/main.ts';
import { databaseTargets } from '../support/databases.ts';
import { assertAdminPage, Browser, createUser, PASSWORD, signedIn, useSignedInApp } from './admin-fixture.ts';

const LINK = /http:\/\/localhost:80\/admin\/set-password\/([A-Za-z0-9_-]{43})/;

for (const target of databaseTargets()) {
  describe(`user administration (${target.name})`, () => {
    const web = useSignedInApp(target, {
      admin: { email: 'admin@kymenlaakso.example', role: 'admin', name: 'Aino Admin' },
    });
    const adminBrowser = web.as.admin;

    const audit = async (action: string, entityId: string) =>
      web.ctx.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', action)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute();
    const roleOf = async (email: string, region: string) =>
      (
        await web.ctx.db.kysely
          .selectFrom('user_roles')
          .innerJoin('users', 'users.id', 'user_roles.user_id')
          .select('role')
          .where('users.email', '=', email)
          .where('region_code', '=', region)
          .executeTakeFirst()
      )?.role ?? null;

    test('an admin invites a user; the link is shown once, works once, and the invitation is audited', async () => {
      const page = await adminBrowser.get('/admin/users?region=08');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /admin@kymenlaakso\.example \(sinä\)/);
      const res = await adminBrowser.post('/admin/users', {
        region: '08',
        email: 'Uusi.Editori@Kymenlaakso.example',
        name: 'Uusi Editori',
        role: 'editor',
      });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Käyttäjä uusi\.editori@kymenlaakso\.example on lisätty roolilla Muokkaaja\./);
      const token = LINK.exec(res.body)?.[1];
      assert.ok(token, 'the one-time link is on the page');
      assert.doesNotMatch((await adminBrowser.get('/admin/users?region=08')).body, LINK, 'shown only once');
      assert.match((await adminBrowser.get('/admin/users?region=08')).body, /Salasana asettamatta/);

      const [event] = await audit('user.invite', 'uusi.editori@kymenlaakso.example');
      assert.ok(event);
      assert.equal(event.actor, web.users.admin.email);
      assert.equal(event.user_id, web.users.admin.id);
      assert.equal(event.region_code, '08');
      assert.deepEqual(JSON.parse(event.after_json!), {
        email: 'uusi.editori@kymenlaakso.example',
        name: 'Uusi Editori',
        role: 'editor',
        regionCode: '08',
        linkIssued: true,
      });
      assert.ok(!JSON.stringify(event).includes(token), 'the token is not in the audit log');

      const invited = new Browser(web.app);
      await invited.get(`/admin/set-password/${token}`);
      assert.equal(
        (
          await invited.post(`/admin/set-password/${token}`, {
            password: 'pitkä salalause 2026',
            confirm: 'pitkä salalause 2026',
          })
        ).statusCode,
        303,
      );
      await invited.signIn('uusi.editori@kymenlaakso.example', 'pitkä salalause 2026');
      const dashboard = await invited.get('/admin');
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /Roolisi: Muokkaaja/);
      assert.match(dashboard.body, /href="\/admin\/regions\/08\/programmes\/2022-2025"/);
      assert.equal((await audit('user.set-password', 'uusi.editori@kymenlaakso.example')).length, 1);
      assert.equal((await invited.get('/admin/users?region=08')).statusCode, 403, 'an editor does not manage users');
    });

    test('the invitation form names each bad field (400) and writes nothing', async () => {
      await adminBrowser.get('/admin/users?region=08&lang=en');
      const res = await adminBrowser.post('/admin/users', {
        region: '08',
        email: 'not an address',
        name: 'x'.repeat(201),
        role: 'boss',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<a href="#field-email">Enter the e-mail address in the form name@example\.fi\.<\/a>/);
      assert.match(res.body, /<a href="#field-name">The name may have at most 200 characters\.<\/a>/);
      assert.match(res.body, /<a href="#field-role">Choose a role\.<\/a>/);
      assert.match(res.body, /value="not an address"/, 'the typed values are kept');
      assert.equal(
        await web.ctx.db.kysely
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'not an address')
          .executeTakeFirst(),
        undefined,
      );
      await adminBrowser.get('/admin/users?lang=fi');
    });

    test('role changes and removals are audited with before and after', async () => {
      const user = await createUser(web.ctx, { email: 'roolit@example.fi', role: 'editor', region: '08' });
      await adminBrowser.get('/admin/users?region=08');
      const res = await adminBrowser.post(`/admin/users/${user.id}/role`, { region: '08', role: 'moderator' });
      assert.equal(res.statusCode, 303);
      const page = await adminBrowser.get(String(res.headers.location));
      assert.match(page.body, /Käyttäjän roolit@example\.fi rooli on nyt Moderaattori\./);
      assert.equal(await roleOf(user.email, '08'), 'moderator');
      const [changed] = await audit('user.role-change', user.email);
      assert.equal(changed?.actor, web.users.admin.email);
      assert.deepEqual(JSON.parse(changed!.before_json!), { role: 'editor' });
      assert.deepEqual(JSON.parse(changed!.after_json!), { role: 'moderator' });

      const removed = await adminBrowser.post(`/admin/users/${user.id}/role`, { region: '08', role: '' });
      assert.equal(removed.statusCode, 303);
      assert.equal(await roleOf(user.email, '08'), null);
      const [removal] = await audit('user.role-remove', user.email);
      assert.deepEqual(JSON.parse(removal!.before_json!), { role: 'moderator' });
      assert.deepEqual(JSON.parse(removal!.after_json!), { role: null });
      await adminBrowser.get('/admin/users?region=08');
      assert.equal(
        (await adminBrowser.post(`/admin/users/${user.id}/role`, { region: '08', role: 'viewer' })).statusCode,
        404,
        'no longer a user of the region',
      );
    });

    test('disabling ends the user’s sessions; enabling lets them back; both audited', async () => {
      const user = await createUser(web.ctx, { email: 'pois@example.fi', role: 'viewer', region: '08' });
      const theirs = await signedIn(web.app, user);
      await adminBrowser.get('/admin/users?region=08');
      assert.equal((await adminBrowser.post(`/admin/users/${user.id}/disable`, { region: '08' })).statusCode, 303);
      assert.equal((await theirs.get('/admin')).statusCode, 302, 'signed out');
      assert.match((await adminBrowser.get('/admin/users?region=08')).body, /Poistettu käytöstä/);
      assert.equal((await adminBrowser.post(`/admin/users/${user.id}/enable`, { region: '08' })).statusCode, 303);
      await theirs.signIn(user.email, PASSWORD);
      assert.equal((await audit('user.disable', user.email)).length, 1);
      assert.equal((await audit('user.enable', user.email)).length, 1);
    });

    test('a new link replaces the old one and is audited', async () => {
      const user = await createUser(web.ctx, { email: 'unohtui@example.fi', role: 'editor', region: '08' });
      await adminBrowser.get('/admin/users?region=08');
      const first = LINK.exec((await adminBrowser.post(`/admin/users/${user.id}/link`, { region: '08' })).body)?.[1];
      const second = LINK.exec((await adminBrowser.post(`/admin/users/${user.id}/link`, { region: '08' })).body)?.[1];
      assert.ok(first && second && first !== second);
      assert.equal((await new Browser(web.app).get(`/admin/set-password/${first}`)).statusCode, 410);
      assert.equal((await new Browser(web.app).get(`/admin/set-password/${second}`)).statusCode, 200);
      assert.equal((await audit('user.link-issued', user.email)).length, 2);
    });

    test('an admin cannot change their own role or disable themself', async () => {
      await adminBrowser.get('/admin/users?region=08');
      const res = await adminBrowser.post(`/admin/users/${web.users.admin.id}/role`, { region: '08', role: 'viewer' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Et voi muuttaa omaa rooliasi/);
      assert.equal(
        (await adminBrowser.post(`/admin/users/${web.users.admin.id}/disable`, { region: '08' })).statusCode,
        400,
      );
      assert.equal(await roleOf(web.users.admin.email, '08'), 'admin');
    });

    test('a user with roles in other regions: role in this region may change, but no disabling or links', async () => {
      const shared = await createUser(web.ctx, {
        email: 'kaksi@example.fi',
        role: 'editor',
        region: '08',
        also: [{ role: 'admin', region: '01' }],
      });
      await adminBrowser.get('/admin/users?region=08');
      const disable = await adminBrowser.post(`/admin/users/${shared.id}/disable`, { region: '08' });
      assert.equal(disable.statusCode, 403);
      assert.match(disable.body, /Vain kaikkien hänen alueidensa ylläpitäjä/);
      assert.equal((await adminBrowser.post(`/admin/users/${shared.id}/link`, { region: '08' })).statusCode, 403);
      assert.equal(
        (await adminBrowser.post(`/admin/users/${shared.id}/role`, { region: '08', role: 'viewer' })).statusCode,
        303,
      );
      assert.equal(await roleOf(shared.email, '01'), 'admin', 'the other region is untouched');
      // Inviting an existing account adds the role without a link.
      const invite = await adminBrowser.post('/admin/users', {
        region: '08',
        email: 'kaksi@example.fi',
        role: 'moderator',
      });
      assert.equal(invite.statusCode, 200);
      assert.match(invite.body, /on jo tunnus/);
      assert.doesNotMatch(invite.body, LINK);
      assert.equal(await roleOf(shared.email, '08'), 'moderator');
      // …and no form can reach a region the admin does not administer.
      assert.equal(
        (await adminBrowser.post(`/admin/users/${shared.id}/role`, { region: '01', role: 'viewer' })).statusCode,
        403,
      );
      assert.equal(await roleOf(shared.email, '01'), 'admin');
    });

    test('admin pages are well-formed and accessible in every UI language', async () => {
      for (const lang of ['sv', 'en', 'fi'] as const) {
        for (const url of [
          '/admin',
          '/admin/account',
          '/admin/users?region=08',
          '/admin/audit?region=08',
          '/admin/no-such-page',
        ]) {
          const res = await adminBrowser.get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
          assertAdminPage(res, lang, `${lang} ${url}`);
        }
        const anonymous = new Browser(web.app);
        assertAdminPage(await anonymous.get(`/admin/login?lang=${lang}`), lang, `${lang} login`);
        assertAdminPage(await anonymous.get(`/admin/set-password/${'x'.repeat(43)}`), lang, `${lang} bad link`);
      }
    });

    test('suunta user add prints a one-time link under SUUNTA_PUBLIC_URL; user list shows roles', async () => {
      const out: string[] = [];
      const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };
      const saved = {
        db: process.env['DATABASE_URL'],
        url: process.env['SUUNTA_PUBLIC_URL'],
        log: process.env['LOG_LEVEL'],
      };
      process.env['DATABASE_URL'] = target.name === 'sqlite' ? web.ctx.db.describe.replace(/^SQLite /, '') : '';
      if (target.name === 'postgres') {
        const url = new URL(process.env['SUUNTA_TEST_PG_URL']!);
        url.searchParams.set('schema', web.ctx.db.schema!);
        process.env['DATABASE_URL'] = url.toString();
      }
      process.env['SUUNTA_PUBLIC_URL'] = 'https://suunta.example.fi/';
      process.env['LOG_LEVEL'] = 'silent';
      try {
        assert.equal(
          await main(
            ['user', 'add', '--email', 'Kli@Example.fi', '--role', 'admin', '--region', '8', '--name', 'Kli Käyttäjä'],
            io,
          ),
          0,
        );
        const text = out.join('');
        assert.match(text, /Added kli@example\.fi: admin in region 08/);
        const token = /https:\/\/suunta\.example\.fi\/admin\/set-password\/([A-Za-z0-9_-]{43})\n/.exec(text)?.[1];
        assert.ok(token, text);
        assert.equal((await new Browser(web.app).get(`/admin/set-password/${token}`)).statusCode, 200);
        const [event] = await audit('user.invite', 'kli@example.fi');
        assert.equal(event?.actor, 'cli');
        out.length = 0;
        assert.equal(await main(['user', 'list'], io), 0);
        assert.match(out.join(''), /kli@example\.fi\tKli Käyttäjä\tpassword not set\t08:admin\n/);
        out.length = 0;
        assert.equal(
          await main(['user', 'add', '--email', 'kli@example.fi', '--role', 'chief', '--region', '08'], io),
          2,
        );
        assert.equal(
          await main(['user', 'add', '--email', 'kli@example.fi', '--role', 'viewer', '--region', '99'], io),
          2,
        );
        assert.match(out.join(''), /Region "99" was not found/);
      } finally {
        for (const [name, value] of [
          ['DATABASE_URL', saved.db],
          ['SUUNTA_PUBLIC_URL', saved.url],
          ['LOG_LEVEL', saved.log],
        ] as const) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    });
  });
}
