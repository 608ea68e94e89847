/** sitemap.xml, robots.txt, the stylesheet and favicon, and the security headers of pages. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS } from '#src/domain/languages.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { buildApp } from '#src/http/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { get, ORIGIN, PRIORITY, PROGRAMME } from './site-helpers.ts';

for (const target of databaseTargets()) {
  describe(`sitemap, robots and assets (${target.name})`, () => {
    const site = useTestApp(target);

    test('sitemap.xml lists every theme and priority page in every language with hreflang alternates', async () => {
      const res = await site.get('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      assert.ok(
        res.body.startsWith(
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ),
        res.body.slice(0, 200),
      );
      const urls = [...res.body.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
      const locs = new Set(urls.map((u) => /<loc>([^<]+)<\/loc>/.exec(u)![1]!));
      assert.equal(locs.size, urls.length, 'no page listed twice');
      const content = await site.ctx.reader.versionContent('08', '2022-2025');
      const themesAndPriorities = flattenTree(content.nodes).filter((n) => n.depth <= 2);
      assert.equal(themesAndPriorities.length, 12);
      for (const lang of LANGS) {
        for (const node of themesAndPriorities)
          assert.ok(locs.has(`${ORIGIN}/${lang}${PROGRAMME}${node.path.join('/')}/`), `${lang} ${node.path.join('/')}`);
        for (const rest of [
          '/',
          '/accessibility/',
          '/kymenlaakso/',
          '/kymenlaakso/contact/',
          PROGRAMME,
          `${PROGRAMME}versions/`,
          `${PROGRAMME}versions/1/`,
          `${PROGRAMME}tags/spearheads/logistics/`,
          '/lappi/',
        ]) {
          assert.ok(locs.has(`${ORIGIN}/${lang}${rest}`), `${lang}${rest}`);
        }
      }
      for (const u of urls) {
        assert.equal(
          (u.match(/<xhtml:link rel="alternate" hreflang="(fi|sv|en|x-default)" href="[^"]+"\/>/g) ?? []).length,
          4,
        );
      }
      // Every listed page answers 200.
      for (const loc of [...locs].filter((l) => l.includes(PROGRAMME)).slice(0, 40)) {
        assert.equal((await site.get(loc.slice(ORIGIN.length))).statusCode, 200, loc);
      }
    });

    test('the sitemap and canonical links use the configured public URL', async () => {
      const configured = await buildApp({
        ...site.ctx,
        config: { ...site.ctx.config, publicUrl: 'https://suunta.example.fi/' },
      });
      try {
        const sitemap = await get(configured, '/sitemap.xml');
        assert.ok(sitemap.body.includes(`<loc>https://suunta.example.fi/fi${PRIORITY}</loc>`));
        const page = await get(configured, `/en${PRIORITY}`);
        assert.ok(page.body.includes(`<link rel="canonical" href="https://suunta.example.fi/en${PRIORITY}"/>`));
        const robots = await get(configured, '/robots.txt');
        assert.ok(robots.body.includes('Sitemap: https://suunta.example.fi/sitemap.xml'));
      } finally {
        await configured.close();
      }
    });

    test('robots.txt allows everything and names the sitemap', async () => {
      const res = await site.get('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(res.body, `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`);
    });

    test('the stylesheet is linked with its hash and served with long cache headers and an ETag', async () => {
      const page = await site.get('/fi/');
      const href = /<link rel="stylesheet" href="(\/assets\/site\.css\?v=[\w-]+)"\/>/.exec(page.body)?.[1];
      assert.ok(href, 'stylesheet link');
      const css = await site.get(href);
      assert.equal(css.statusCode, 200);
      assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
      assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.match(css.body, /#003479/);
      const again = await site.get(href, { 'if-none-match': String(css.headers.etag) });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
    });

    test('favicon: SVG asset, and /favicon.ico points to it', async () => {
      const page = await site.get('/en/');
      const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(page.body)?.[1];
      assert.ok(href);
      const icon = await site.get(href);
      assert.equal(icon.statusCode, 200);
      assert.equal(icon.headers['content-type'], 'image/svg+xml');
      const ico = await site.get('/favicon.ico');
      assert.equal(ico.statusCode, 301);
      assert.equal(ico.headers.location, href);
      assert.equal((await site.get('/assets/nothing.js')).statusCode, 404);
    });

    test('pages carry a strict CSP and contain no inline style or script', async () => {
      for (const url of ['/fi/', `/sv${PRIORITY}`, `/en${PROGRAMME}`, '/fi/kymenlaakso/contact/']) {
        const res = await site.get(url);
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /default-src 'self'/);
        assert.match(csp, /script-src 'self'/);
        assert.match(csp, /style-src 'self'/);
        assert.doesNotMatch(res.body, /\sstyle=|<style|<script|\son[a-z]+=/i, url);
      }
    });
  });
}
