/**
 * adminForm's zod validation of admin forms: a bad field is a 400 that shows the page again with
 * the field named and why, and nothing is written; the good form still goes through (303).
 */
import { storedGenerations } from '../support/generations.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { DRAFT, PRIORITY, startDraft } from '../editing/editing-fixture.ts';
import { createUser, signedIn, type Browser } from './admin-fixture.ts';

const BASE = `/admin/regions/08/programmes/2022-2025/versions/${DRAFT.number}`;

for (const target of databaseTargets()) {
  describe(`admin form fields checked by zod schemas (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    let editor: Browser;

    before(async () => {
      ctx = await openTestContext(target);
      await startDraft(ctx);
      app = await buildApp(ctx);
      editor = await signedIn(app, await createUser(ctx, { email: 'zod@example.fi', role: 'editor', region: '08' }));
    });
    after(async () => {
      await app?.close();
      await ctx?.close();
    });

    const generation = () => storedGenerations(ctx);

    test('a bad lifecycle action → 400 naming the field and the choices', async () => {
      const before = await generation();
      await editor.get('/admin/regions/08/programmes/2022-2025');
      const res = await editor.post(`${BASE}/lifecycle`, { revision: '1', action: 'publish-now' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /action: must be one of: consult, approve, reopen/);
      assert.equal(await generation(), before, 'nothing written');
    });

    test('a move without a whole-number revision and with an unknown direction → 400 naming both', async () => {
      const before = await generation();
      await editor.get(BASE);
      const res = await editor.post(`${BASE}/nodes/${PRIORITY}/move`, { revision: 'abc', direction: 'sideways' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /revision: must be given as a whole number \(reload the page\)/);
      assert.match(res.body, /direction: must be one of: up, down/);
      assert.equal(await generation(), before, 'nothing written');
    });

    test('a deletion without confirm=yes → 400 naming the field; with it the node goes (303)', async () => {
      const page = await editor.get(`${BASE}/nodes/${PRIORITY}/delete`);
      const revision = /name="revision" value="(\d+)"/.exec(page.body)?.[1];
      assert.ok(revision, 'the confirmation page carries the revision');
      const refused = await editor.post(`${BASE}/nodes/${PRIORITY}/delete`, { revision });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /confirm: must be (&#34;|&quot;|")yes/);
      const done = await editor.post(`${BASE}/nodes/${PRIORITY}/delete`, { revision, confirm: 'yes' });
      assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    });
  });
}
