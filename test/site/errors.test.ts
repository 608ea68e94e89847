/** The root redirect, 404 pages in the visitor's language for every unknown part of a URL, and 400 pages. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { PRIORITY, PROGRAMME, textOf, THEME } from './site-helpers.ts';

const NOT_FOUND = { fi: 'Sivua ei löytynyt', sv: 'Sidan hittades inte', en: 'Page not found' } as const;

for (const target of databaseTargets()) {
  describe(`public site errors and redirects (${target.name})`, () => {
    const site = useTestApp(target);

    const redirects: [string | undefined, string][] = [
      [undefined, '/fi/'],
      ['sv-FI,sv;q=0.9,fi;q=0.8', '/sv/'],
      ['en-GB,en;q=0.9', '/en/'],
      ['de-DE,de;q=0.9', '/fi/'],
    ];
    for (const [acceptLanguage, location] of redirects) {
      test(`/ redirects to ${location} for Accept-Language ${acceptLanguage ?? '(none)'}`, async () => {
        const res = await site.get('/', acceptLanguage ? { 'accept-language': acceptLanguage } : {});
        assert.equal(res.statusCode, 302);
        assert.equal(res.headers.location, location);
        assert.match(String(res.headers.vary), /Accept-Language/i);
      });
    }

    const unknown: [string, 'fi' | 'sv' | 'en'][] = [
      ['/fi/atlantis/', 'fi'],
      ['/sv/kymenlaakso/1999-2002/', 'sv'],
      [`/en${THEME}no-such-priority/`, 'en'],
      [`/fi${PRIORITY}no-such-measure/extra/`, 'fi'],
      [`/sv${PROGRAMME}tags/spearheads/space/`, 'sv'],
      [`/en${PROGRAMME}tags/nothing/logistics/`, 'en'],
      [`/en${PROGRAMME}tags/spearheads/`, 'en'],
      [`/fi${PROGRAMME}versions/9/`, 'fi'],
      [`/fi${PROGRAMME}versions/abc/`, 'fi'],
      ['/sv/lappi/contact/', 'sv'],
      ['/fi/08/', 'fi'],
    ];
    for (const [url, lang] of unknown) {
      test(`404 for ${url} in ${lang}`, async () => {
        const res = await site.get(url, { 'accept-language': 'en' });
        assert.equal(res.statusCode, 404);
        assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
        assert.match(res.body, new RegExp(`<html lang="${lang}">`));
        assert.equal(textOf(res.body, 'h1'), NOT_FOUND[lang]);
        assert.ok(res.body.includes(`href="/${lang}/"`), 'link home');
        assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
      });
    }

    test('an unknown language prefix answers 404 in the Accept-Language language', async () => {
      const res = await site.get('/de/kymenlaakso/', { 'accept-language': 'sv-FI,sv;q=0.9' });
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /<html lang="sv">/);
      assert.equal(textOf(res.body, 'h1'), NOT_FOUND.sv);
    });

    test('an unknown path outside the site answers 404 in the Accept-Language language', async () => {
      const res = await site.get('/nothing-here', { 'accept-language': 'en' });
      assert.equal(res.statusCode, 404);
      assert.equal(textOf(res.body, 'h1'), NOT_FOUND.en);
    });

    test('an unknown API path still answers JSON, not the site page', async () => {
      const res = await site.get('/api/v1/nothing/at/all');
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /application\/json/);
      assert.equal(res.json().error.code, 'not_found');
    });

    test('a search longer than 200 characters answers 400 in the page language', async () => {
      const res = await site.get(`/sv${PROGRAMME}search?q=${'a'.repeat(201)}`);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<html lang="sv">/);
      assert.equal(textOf(res.body, 'h1'), 'Felaktig begäran');
    });

    test('a search of exactly 200 characters is fine', async () => {
      const res = await site.get(`/fi${PROGRAMME}search?q=${'a'.repeat(200)}`);
      assert.equal(res.statusCode, 200);
    });

    test('a repeated q answers 400', async () => {
      const res = await site.get(`/en${PROGRAMME}search?q=a&q=b`);
      assert.equal(res.statusCode, 400);
      assert.equal(textOf(res.body, 'h1'), 'Bad request');
    });

    test('error pages carry the CSP and no inline style or script', async () => {
      const res = await site.get('/fi/atlantis/');
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
      assert.doesNotMatch(res.body, /\sstyle=|<style|<script/i);
    });
  });
}
