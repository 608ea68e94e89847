/**
 * A change drops only the cached pages that show it (docs/freshness.md): a change in another
 * region leaves a region's pages cached, a project import leaves its programme page cached but
 * not its priority pages (which list projects), and a programme edit drops the programme page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generateCsv } from '../../bench/synthetic-projects.ts';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { contentChanged, type ContentKind } from '#src/services/freshness.ts';
import { importProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { FIRST_PRIORITY, PROGRAMME } from './site-helpers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

for (const target of databaseTargets()) {
  describe(`cached pages follow the content they show (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    let base: string;
    /** Requests that reached the framework (the front cache answers a page whose content is unchanged). */
    let throughFramework = 0;

    const fetched = async (path: string): Promise<{ framework: boolean; body: string }> => {
      const before = throughFramework;
      const res = await fetch(`${base}/fi${path}`);
      assert.equal(res.status, 200, path);
      return { framework: throughFramework > before, body: await res.text() };
    };
    const change = async (region: string, kinds: ContentKind[]): Promise<void> => {
      await inTransaction(ctx.db.kysely, (trx) => contentChanged(trx, region, kinds));
      ctx.reader.invalidate();
    };

    before(async () => {
      ctx = await openTestContext(target);
      app = await buildApp(ctx);
      app.addHook('onRequest', async () => {
        throughFramework += 1;
      });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
      for (const path of [PROGRAMME, FIRST_PRIORITY]) {
        await fetched(path);
        assert.equal((await fetched(path)).framework, false, `${path} is cached`);
      }
    });

    after(async () => {
      await app?.close();
      await ctx?.close();
    });

    test("a change of another region's content keeps this region's pages", async () => {
      await change('01', ['region', 'programme', 'projects']);
      assert.equal((await fetched(PROGRAMME)).framework, false);
      assert.equal((await fetched(FIRST_PRIORITY)).framework, false);
    });

    test('a project import keeps the programme page and drops the priority page, which lists projects', async () => {
      const before = (await fetched(FIRST_PRIORITY)).body;
      await importProjects(ctx.db, new TextEncoder().encode(generateCsv(ROOT, 40, 3)), {
        regionCode: '08',
        mapping: await readPreset(ctx.config.contentDir, 'suunta'),
        file: 'projects.csv',
      });
      ctx.reader.invalidate();
      assert.equal((await fetched(PROGRAMME)).framework, false, 'the programme page shows no projects');
      const after = await fetched(FIRST_PRIORITY);
      assert.equal(after.framework, true);
      assert.notEqual(after.body, before, 'the priority page lists the new projects');
    });

    test("a change of the region's programme drops its programme page", async () => {
      await change('08', ['programme']);
      assert.equal((await fetched(PROGRAMME)).framework, true);
      assert.equal((await fetched(PROGRAMME)).framework, false, 'and caches it again');
    });
  });
}
