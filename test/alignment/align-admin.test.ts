/** The admin alignment page: viewers of the region get the ranked table with marked words; errors name the field; others are refused. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { createUser, signedIn, Browser } from '../admin/admin-fixture.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';

const URL = '/admin/regions/08/programmes/2022-2025/align';

for (const target of databaseTargets()) {
  describe(`admin alignment page (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    let viewer: Browser;
    before(async () => {
      ctx = await openTestContext(target);
      app = await buildApp(ctx);
      viewer = await signedIn(app, await createUser(ctx, { email: 'katsoja@example.fi', role: 'viewer', region: '08' }));
    });
    after(async () => {
      await app.close();
      await ctx.close();
    });

    test('the empty form', async () => {
      const res = await viewer.get(URL);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.match(res.body, /<form method="get" action="\/admin\/regions\/08\/programmes\/2022-2025\/align"/);
      assert.match(res.body, /<textarea id="field-text" name="text"/);
      assert.doesNotMatch(res.body, /<table/);
    });

    test('a text gives both ranked tables and the text with <mark>ed words, escaped', async () => {
      const text = 'Satamien ja rautateiden logistiikka <b>vähäpäästöiseksi</b>';
      const res = await viewer.get(`${URL}?text=${encodeURIComponent(text)}&lang=fi`);
      assert.equal(res.statusCode, 200);
      const rows = [...res.body.matchAll(/<tr><td>(\d+)<\/td><th scope="row"><span>[^<]*<\/span> <code>([a-z-]+)<\/code>/g)].map((m) => m[2]);
      assert.equal(rows.length, 12, 'nine priorities and three spearheads');
      assert.equal(rows[0], 'saavutettavuus-ja-kestava-liikkuminen');
      assert.equal(rows[9], 'logistics');
      assert.match(res.body, /<mark>Satamien<\/mark>/);
      assert.match(res.body, /<mark>satamien<\/mark>/, 'matched words in the table');
      assert.ok(!res.body.includes('<b>vähäpäästöiseksi</b>'), 'the text is escaped');
    });

    test('a blank text or unknown language re-shows the form with a 400 naming the field', async () => {
      const blank = await viewer.get(`${URL}?text=%20&lang=fi`);
      assert.equal(blank.statusCode, 400);
      assert.match(blank.body, /href="#field-text"/);
      const lang = await viewer.get(`${URL}?text=kala&lang=de`);
      assert.equal(lang.statusCode, 400);
      assert.match(lang.body, /href="#field-lang"/);
    });

    test('anonymous visitors are sent to sign in; a viewer of another region is refused', async () => {
      const anon = await new Browser(app).get(URL);
      assert.equal(anon.statusCode, 302);
      const other = await signedIn(app, await createUser(ctx, { email: 'muu@example.fi', role: 'admin', region: '01' }));
      assert.equal((await other.get(URL)).statusCode, 403);
    });
  });
}
