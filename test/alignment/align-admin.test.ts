/**
 * The admin alignment page: GET shows the empty form, the form POSTs the text (with the CSRF token)
 * and viewers of the region get the ranked table with marked words; errors name the field; long
 * texts work; a post without the token and other users are refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUser, signedIn, Browser, useSignedInApp } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';

const URL = '/admin/regions/08/programmes/2022-2025/align';

for (const target of databaseTargets()) {
  describe(`admin alignment page (${target.name})`, () => {
    const web = useSignedInApp(target, { viewer: { email: 'katsoja@example.fi', role: 'viewer' } });
    const viewer = web.as.viewer;

    test('the empty form', async () => {
      const res = await viewer.get(URL);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.match(
        res.body,
        /<form method="post" action="\/admin\/regions\/08\/programmes\/2022-2025\/align" class="stack"><input type="hidden" name="_csrf" value="[^"]+"\/>/,
      );
      assert.match(res.body, /<textarea id="field-text" name="text"/);
      assert.doesNotMatch(res.body, /<table/);
      const old = await viewer.get(`${URL}?text=satamat&lang=fi`);
      assert.equal(old.statusCode, 200);
      assert.doesNotMatch(old.body, /<table/, 'GET no longer ranks a text (it travels by POST)');
    });

    test('a text gives both ranked tables and the text with <mark>ed words, escaped', async () => {
      const text = 'Satamien ja rautateiden logistiikka <b>vähäpäästöiseksi</b>';
      const res = await viewer.post(URL, { text, lang: 'fi' });
      assert.equal(res.statusCode, 200);
      const rows = [
        ...res.body.matchAll(/<tr><td>(\d+)<\/td><th scope="row"><span>[^<]*<\/span> <code>([a-z-]+)<\/code>/g),
      ].map((m) => m[2]);
      assert.equal(rows.length, 12, 'nine priorities and three spearheads');
      assert.equal(rows[0], 'saavutettavuus-ja-kestava-liikkuminen');
      assert.equal(rows[9], 'logistics');
      assert.match(res.body, /<mark>Satamien<\/mark>/);
      assert.match(res.body, /<mark>satamien<\/mark>/, 'matched words in the table');
      assert.ok(!res.body.includes('<b>vähäpäästöiseksi</b>'), 'the text is escaped');
    });

    test('a blank text or unknown language re-shows the form with a 400 naming the field', async () => {
      const blank = await viewer.post(URL, { text: ' ', lang: 'fi' });
      assert.equal(blank.statusCode, 400);
      assert.match(blank.body, /href="#field-text"/);
      const lang = await viewer.post(URL, { text: 'kala', lang: 'de' });
      assert.equal(lang.statusCode, 400);
      assert.match(lang.body, /href="#field-lang"/);
      const none = await viewer.post(URL, {});
      assert.equal(none.statusCode, 400, 'a post without the text names the field');
      assert.match(none.body, /href="#field-text"/);
    });

    test('a long description (far beyond what a URL may carry) is ranked', async () => {
      const sentence = 'Satamien ja rautateiden logistiikka vähäpäästöiseksi, ja osaamista yritysten kasvuun. ';
      const text = sentence.repeat(Math.floor(15_000 / sentence.length));
      assert.ok(text.length > 14_000);
      const res = await viewer.post(URL, { text, lang: 'fi' });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.match(res.body, /<code>saavutettavuus-ja-kestava-liikkuminen<\/code>/);
    });

    test("a post without the CSRF token, or with another session's, is refused and ranks nothing", async () => {
      const missing = await viewer.post(URL, { text: 'satamat', lang: 'fi' }, { csrf: null });
      assert.equal(missing.statusCode, 403);
      assert.doesNotMatch(missing.body, /<mark>/);
      const other = await signedIn(
        web.app,
        await createUser(web.ctx, { email: 'toinen-katsoja@example.fi', role: 'viewer', region: '08' }),
      );
      const forged = await viewer.post(URL, { text: 'satamat', lang: 'fi' }, { csrf: other.csrf });
      assert.equal(forged.statusCode, 403);
    });

    test('anonymous visitors are sent to sign in; a viewer of another region is refused', async () => {
      const anon = await new Browser(web.app).get(URL);
      assert.equal(anon.statusCode, 302);
      const anonPost = await new Browser(web.app).post(URL, { text: 'satamat', lang: 'fi' }, { csrf: null });
      assert.equal(anonPost.statusCode, 401);
      const other = await signedIn(
        web.app,
        await createUser(web.ctx, { email: 'muu@example.fi', role: 'admin', region: '01' }),
      );
      assert.equal((await other.get(URL)).statusCode, 403);
      assert.equal((await other.post(URL, { text: 'satamat', lang: 'fi' })).statusCode, 403);
    });
  });
}
