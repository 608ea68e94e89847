/**
 * The front cache on a listening server: a repeated page request is answered from memory with the
 * same bytes and headers (CSP included), 304 for its ETag, and never outlives a content change.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';
import { importProgramme } from '#src/services/programmes/import-programme.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { FIRST_PRIORITY, textOf } from './site-helpers.ts';

const HEADERS_THAT_VARY = new Set(['date', 'connection', 'keep-alive']);

function stableHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers.entries()].filter(([k]) => !HEADERS_THAT_VARY.has(k)));
}

for (const target of databaseTargets()) {
  describe(`front cache on a listening server (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    let base: string;
    /** Requests that reached the framework (the front cache answers the others). */
    let throughFramework = 0;

    before(async () => {
      ctx = await openTestContext(target);
      app = await buildApp(ctx);
      app.addHook('onRequest', async () => {
        throughFramework += 1;
      });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
    });

    after(async () => {
      await app?.close();
      await ctx?.close();
    });

    test('the repeated answer has the same bytes and headers, and 304 for its ETag', async () => {
      const url = `${base}/fi${FIRST_PRIORITY}`;
      const first = await fetch(url);
      const firstBody = await first.text();
      const counted = throughFramework;
      const second = await fetch(url);
      const secondBody = await second.text();
      assert.equal(second.status, 200);
      assert.equal(secondBody, firstBody);
      assert.deepEqual(stableHeaders(second), stableHeaders(first));
      assert.match(String(second.headers.get('content-security-policy')), /script-src 'self'/);
      assert.equal(second.headers.get('content-length'), String(Buffer.byteLength(secondBody)));
      const conditional = await fetch(url, { headers: { 'if-none-match': String(second.headers.get('etag')) } });
      assert.equal(conditional.status, 304);
      assert.equal(conditional.headers.get('etag'), second.headers.get('etag'));
      assert.equal(throughFramework, counted, 'answered from the front cache');
      assert.match(String(conditional.headers.get('content-security-policy')), /default-src/);
      const head = await fetch(url, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(throughFramework, counted + 1, 'HEAD goes through the framework');
    });

    test('another Host gets its own links, not the cached page of the first', async () => {
      const url = `${base}/en${FIRST_PRIORITY}`;
      await fetch(url);
      const port = new URL(base).port;
      const other = await fetch(`http://localhost:${port}/en${FIRST_PRIORITY}`);
      assert.ok(
        (await other.text()).includes(`<link rel="canonical" href="http://localhost:${port}/en${FIRST_PRIORITY}"/>`),
      );
    });

    test('a content change in this process shows on the very next request', async () => {
      const url = `${base}/fi${FIRST_PRIORITY}`;
      await fetch(url);
      await fetch(url);
      const file = await readProgrammeFile(join(ctx.config.contentDir, 'programmes', 'kymenlaakso-2022-2025.yaml'));
      const current = file.versions.find((v) => v.status === 'approved')!;
      current.nodes[0]!.children[0]!.title = { ...current.nodes[0]!.children[0]!.title, fi: 'Uusi otsikko' };
      await importProgramme(ctx.db, file);
      ctx.reader.invalidate();
      const counted = throughFramework;
      const after = await fetch(url);
      assert.equal(textOf(await after.text(), 'h1'), 'Uusi otsikko');
      assert.equal(throughFramework, counted + 1, 'rendered again by the framework');
    });

    test('a content change by another process shows within about a second', async () => {
      const url = `${base}/fi${FIRST_PRIORITY}`;
      await fetch(url);
      await fetch(url);
      const other = await openAppContext(ctx.config, { seed: false });
      try {
        const file = await readProgrammeFile(join(ctx.config.contentDir, 'programmes', 'kymenlaakso-2022-2025.yaml'));
        const current = file.versions.find((v) => v.status === 'approved')!;
        current.nodes[0]!.children[0]!.title = {
          ...current.nodes[0]!.children[0]!.title,
          fi: 'Toisen prosessin otsikko',
        };
        await importProgramme(other.db, file);
      } finally {
        await other.close();
      }
      const started = Date.now();
      let h1 = '';
      while (h1 !== 'Toisen prosessin otsikko' && Date.now() - started < 3000) {
        await new Promise((r) => setTimeout(r, 50));
        h1 = textOf(await (await fetch(url)).text(), 'h1');
      }
      assert.equal(h1, 'Toisen prosessin otsikko');
      assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    });

    test('unknown pages and errors are not served from the cache', async () => {
      const missing = await fetch(`${base}/fi/atlantis/`);
      assert.equal(missing.status, 404);
      const again = await fetch(`${base}/fi/atlantis/`);
      assert.equal(again.status, 404);
      const redirect = await fetch(`${base}/`, { redirect: 'manual', headers: { 'accept-language': 'en' } });
      assert.equal(redirect.headers.get('location'), '/en/');
      const redirectSv = await fetch(`${base}/`, { redirect: 'manual', headers: { 'accept-language': 'sv' } });
      assert.equal(redirectSv.headers.get('location'), '/sv/');
    });
  });
}
