/**
 * The zod validation of admin forms and queries: a bad field is a 400 that shows the page again
 * with the field named and why, and nothing is written; the good form still goes through (303).
 * Covers the programme editor's forms, the user admin posts, the set-password form, the alignment
 * form and its confirm post, the project upload's text fields and the audit log's query.
 */
import { storedGenerations } from '../support/generations.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseTargets } from '../support/databases.ts';
import { DRAFT, PRIORITY, startDraft } from '../editing/editing-fixture.ts';
import { Browser, createUser, useSignedInApp } from './admin-fixture.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { csv, PROJECT_COLUMNS, sampleProjectRows } from '../projects/support.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import { CLI_ACTOR } from '#src/domain/roles.ts';

/** A multipart/form-data body of text fields and one file. */
function multipart(fields: Record<string, string>, file: { filename: string; content: string }) {
  const boundary = '----suunta-form-validation';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
  );
  parts.push(`--${boundary}--\r\n`);
  return { payload: Buffer.from(parts.join(''), 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}

const BASE = `/admin/regions/08/programmes/2022-2025/versions/${DRAFT.number}`;

for (const target of databaseTargets()) {
  describe(`admin form fields checked by zod schemas (${target.name})`, () => {
    const web = useSignedInApp(
      target,
      { editor: { email: 'zod@example.fi' }, admin: { email: 'zod-admin@example.fi', role: 'admin' } },
      { prepare: startDraft },
    );
    const { editor, admin } = web.as;

    const generation = () => storedGenerations(web.ctx);
    const stored = () => snapshot(web.ctx.db.kysely);

    test('a bad lifecycle action → 400 naming the field and the choices', async () => {
      const before = await generation();
      await editor.get('/admin/regions/08/programmes/2022-2025');
      const res = await editor.post(`${BASE}/lifecycle`, { revision: '1', action: 'publish-now' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /action: pitää olla jokin näistä: consult, approve, reopen/);
      assert.equal(await generation(), before, 'nothing written');
    });

    test('a move without a whole-number revision and with an unknown direction → 400 naming both', async () => {
      const before = await generation();
      await editor.get(BASE);
      const res = await editor.post(`${BASE}/nodes/${PRIORITY}/move`, { revision: 'abc', direction: 'sideways' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /revision: pitää antaa kokonaislukuna \(lataa sivu uudelleen\)/);
      assert.match(res.body, /direction: pitää olla jokin näistä: up, down/);
      assert.equal(await generation(), before, 'nothing written');
    });

    test('a deletion without confirm=yes → 400 naming the field; with it the node goes (303)', async () => {
      const page = await editor.get(`${BASE}/nodes/${PRIORITY}/delete`);
      const revision = /name="revision" value="(\d+)"/.exec(page.body)?.[1];
      assert.ok(revision, 'the confirmation page carries the revision');
      const refused = await editor.post(`${BASE}/nodes/${PRIORITY}/delete`, { revision });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /confirm: pitää olla ”yes” \(vahvista poisto\)/);
      const done = await editor.post(`${BASE}/nodes/${PRIORITY}/delete`, { revision, confirm: 'yes' });
      assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    });
    test('user admin posts: an unknown role → 400 naming the field, nothing written', async () => {
      const other = await createUser(web.ctx, { email: 'zod-other@example.fi', role: 'viewer', region: '08' });
      await admin.get('/admin/users?region=08');
      const before = await stored();
      const res = await admin.post(`/admin/users/${other.id}/role`, { region: '08', role: 'superuser' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /role: Valitse rooli/);
      assert.deepEqual(await stored(), before, 'nothing written');
      const done = await admin.post(`/admin/users/${other.id}/role`, { region: '08', role: 'editor' });
      assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    });

    test('set-password: a password over the limit → 400 at the field, nothing written (the link still works)', async () => {
      const accounts = new AccountService(web.ctx.db.kysely, web.ctx.clock);
      const { token } = await accounts.addUser(
        { email: 'zod-new@example.fi', name: 'Uusi', role: 'viewer', regionCode: '08' },
        CLI_ACTOR,
        { linkForExisting: 'never' },
      );
      assert.ok(token);
      const visitor = new Browser(web.app);
      await visitor.get(`/admin/set-password/${token}`);
      const before = await stored();
      const long = 'x'.repeat(2000);
      const res = await visitor.post(`/admin/set-password/${token}`, { password: long, confirm: long });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-password"/);
      assert.match(res.body, /Salasana on liian pitkä/);
      assert.deepEqual(await stored(), before, 'nothing written');
      assert.equal((await visitor.get(`/admin/set-password/${token}`)).statusCode, 200, 'the link is unused');
    });

    test('alignment: an unknown language → 400 naming it; a confirm without its priority → 400, nothing written', async () => {
      const align = '/admin/regions/08/programmes/2022-2025/align';
      await editor.get(align);
      const lang = await editor.post(align, { text: 'satamat', lang: 'de' });
      assert.equal(lang.statusCode, 400);
      assert.match(lang.body, /lang: pitää olla jokin näistä: fi, sv, en/);
      const before = await stored();
      const res = await editor.post(`${align}/confirm`, { project: 'KY-001' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /priority: pitää antaa \(lähetä kohdistamissivun lomake\)/);
      assert.deepEqual(await stored(), before, 'nothing written');
    });

    test('project upload: a bad "skip invalid rows" value → 400 naming the field, nothing imported', async () => {
      const url = '/admin/regions/08/projects/import';
      await editor.get(url);
      const header = PROJECT_COLUMNS.filter((c) => !['lead_business_id', 'partners', 'paid_eur'].includes(c));
      const before = await stored();
      const { payload, contentType } = multipart(
        { _csrf: editor.csrf, preset: 'suunta', encoding: '', skipInvalid: 'maybe' },
        { filename: 'hankkeet.csv', content: csv([header, ...sampleProjectRows(header)]) },
      );
      const res = await web.app.inject({
        method: 'POST',
        url,
        headers: { cookie: editor.jar.header(), 'content-type': contentType },
        payload,
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-skipInvalid"/);
      assert.match(res.body, /Valitse ruutu tai jätä se tyhjäksi/);
      assert.deepEqual(await stored(), before, 'nothing imported');
    });

    test('audit log: a page or user that is not a number → 400 naming the parameter', async () => {
      const page = await admin.get('/admin/audit?region=08&page=abc');
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /href="#field-page">Sivun on oltava kokonaisluku/);
      const user = await admin.get('/admin/audit?region=08&user=someone');
      assert.equal(user.statusCode, 400);
      assert.match(user.body, /href="#field-user">Valitse käyttäjä luettelosta/);
      assert.equal((await admin.get('/admin/audit?region=08&page=1')).statusCode, 200);
    });
    test('council: an edit with a bad revision → 400 naming it, nothing written; the good edit is saved (303)', async () => {
      await editor.get('/admin/regions/08/council');
      const added = await editor.post('/admin/regions/08/council/contacts', {
        'new-contact.name': 'Zod Testaaja',
        'new-contact.role.fi': 'Suunnittelija',
        'new-contact.email': 'zod.testaaja@example.fi',
      });
      assert.equal(added.statusCode, 303, added.body.slice(0, 300));
      const council = (await editor.get('/admin/regions/08/council')).body;
      const id = [...council.matchAll(/\/admin\/regions\/08\/council\/contacts\/(\d+)"/g)].at(-1)?.[1];
      assert.ok(id, 'the new contact has an edit link');
      const url = `/admin/regions/08/council/contacts/${id}`;
      const page = await editor.get(url);
      const revision = /name="revision" value="(\d+)"/.exec(page.body)?.[1];
      assert.ok(revision, 'the edit page carries the revision');
      const fields = { name: 'Zod Muutettu', 'role.fi': 'Suunnittelija', email: 'zod.testaaja@example.fi' };
      const before = await stored();
      const refused = await editor.post(url, { ...fields, revision: 'x' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /revision: pitää antaa kokonaislukuna/);
      assert.deepEqual(await stored(), before, 'nothing written');
      const saved = await editor.post(url, { ...fields, revision });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      assert.ok((await web.ctx.reader.council('08'))!.contacts.some((c) => c.name === 'Zod Muutettu'));
    });
  });
}
