/** Programme search on the site: Finnish inflection, result count, no-results message, escaping. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { FIRST_PRIORITY, PROGRAMME, textOf } from './site-helpers.ts';

const search = (lang: string, q: string): string => `/${lang}${PROGRAMME}search?q=${encodeURIComponent(q)}`;

for (const target of databaseTargets()) {
  describe(`site search (${target.name})`, () => {
    const site = useTestApp(target);

    test('"elinkeinoelämää" finds "Elinkeinoelämän uudistaminen"', async () => {
      const res = await site.get(search('fi', 'elinkeinoelämää'));
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<a href="/fi${FIRST_PRIORITY}">Elinkeinoelämän uudistaminen</a>`));
      assert.match(textOf(res.body, 'h2'), /^\d+ tulosta? haulla ”elinkeinoelämää”$/);
      assert.match(res.body, /<input id="search-q" type="search" name="q" value="elinkeinoelämää"/);
      assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
    });

    test('the Swedish page finds Finnish text and marks it as Finnish', async () => {
      const res = await site.get(search('sv', 'elinkeinoelämän'));
      assert.equal(res.statusCode, 200);
      assert.ok(
        res.body.includes(`<a href="/sv${FIRST_PRIORITY}"><span lang="fi">Elinkeinoelämän uudistaminen</span></a>`),
      );
      assert.match(textOf(res.body, 'h2'), /träff(ar)? för/);
      // The language switcher keeps the query.
      assert.ok(res.body.includes(`href="/fi${PROGRAMME}search?q=elinkeinoel%C3%A4m%C3%A4n"`));
    });

    test('English search over English texts', async () => {
      const res = await site.get(search('en', 'tourism'));
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(`<a href="/en${FIRST_PRIORITY}">Diversifying of businesses</a>`));
    });

    test('one hit is counted in the singular', async () => {
      const res = await site.get(search('en', 'Pyhtää effect'));
      const heading = textOf(res.body, 'h2');
      const n = Number(/^(\d+)/.exec(heading)?.[1]);
      assert.equal(heading, `${n} ${n === 1 ? 'result' : 'results'} for “Pyhtää effect”`);
    });

    test('no results: a clear message and no list', async () => {
      const res = await site.get(search('fi', 'kvanttitietokone'));
      assert.equal(res.statusCode, 200);
      assert.equal(
        textOf(res.body, 'h2'),
        'Haulla ”kvanttitietokone” ei löytynyt tuloksia. Kokeile toista sanaa tai lyhyempää hakua.',
      );
      assert.ok(!res.body.includes('class="result-list"'));
    });

    test('a whitespace-only query shows the form only', async () => {
      const res = await site.get(search('fi', '   '));
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('class="results"'));
    });

    test('the query is escaped wherever it is shown', async () => {
      const res = await site.get(search('en', '<script>alert("x")</script>'));
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /<script/i);
      assert.ok(res.body.includes('value="&lt;script>alert(&#34;x&#34;)&lt;/script>"'), 'input value');
      assert.ok(res.body.includes('“&lt;script>alert(&#34;x&#34;)&lt;/script>”'), 'results heading');
    });

    test('searching an older version links into that version', async () => {
      const res = await site.get(`/fi${PROGRAMME}versions/1/search?q=${encodeURIComponent('uudistuva')}`);
      assert.equal(res.statusCode, 200);
      assert.ok(
        res.body.includes(
          `<a href="/fi${PROGRAMME}versions/1/innovatiivinen-kymenlaakso/uudistuva-elinkeinoelama/">Uudistuva elinkeinoelämä</a>`,
        ),
      );
    });
  });
}
