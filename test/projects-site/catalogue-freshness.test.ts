/**
 * The project catalogue follows changes: an import in this process shows at once; an import by
 * another process (a second context on the same database, as `suunta import projects` is) shows
 * within a few seconds, and until then the list is the previous complete one; a change to
 * programme texts leaves the projects as they were.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';
import { databaseTargets, testConfig } from '../support/databases.ts';
import { ALL, seedBareProjects, seedProjects } from './support.ts';

const codes = async (ctx: AppContext): Promise<string[]> =>
  (await ctx.projects.all('08', {}, 'code')).map((p) => p.code);

for (const target of databaseTargets()) {
  describe(`project catalogue freshness (${target.name})`, () => {
    let db: { url: string; dispose(): Promise<void> };
    let server: AppContext;
    let cli: AppContext;
    before(async () => {
      db = await target.create();
      server = await openAppContext(testConfig(db.url));
      cli = await openAppContext(testConfig(db.url));
      await seedProjects(server);
    });
    after(async () => {
      await server.close();
      await cli.close();
      await db.dispose();
    });

    test('an import in this process shows at once', async () => {
      assert.deepEqual(await codes(server), ALL);
      await seedBareProjects(server, '08', ['KY-900']);
      server.reader.invalidate();
      assert.deepEqual(await codes(server), [...ALL, 'KY-900']);
    });

    test('an import by another process shows within seconds, the previous list until then', async () => {
      const before = await codes(server);
      await seedBareProjects(cli, '08', ['KY-901', 'KY-902']);
      const after = [...before, 'KY-901', 'KY-902'];
      const seen: string[][] = [];
      const deadline = Date.now() + 5000;
      for (;;) {
        const now = await codes(server);
        seen.push(now);
        if (now.length === after.length || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(seen.at(-1), after, 'the new projects show');
      for (const list of seen.slice(0, -1)) assert.deepEqual(list, before, 'until then, the previous list in full');
    });

    test('an edit of programme texts keeps the project list as it is', async () => {
      const before = await codes(server);
      await server.db.kysely
        .updateTable('meta')
        .set({ value: '999' })
        .where('key', '=', 'content_generation')
        .execute();
      server.reader.invalidate();
      assert.deepEqual(await codes(server), before);
    });
  });
}
