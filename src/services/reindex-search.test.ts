import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { writeMeta } from '#src/storage/repositories/meta-repository.ts';
import { deleteAllSearchRows } from '#src/storage/repositories/search-repository.ts';
import { databaseTargets, openTestContext } from '../../test/support/databases.ts';
import { ensureSearchIndex } from './reindex-search.ts';

for (const target of databaseTargets()) {
  describe(`search index upkeep (${target.name})`, () => {
    test('an index built with older rules is rebuilt from the stored texts on start', async () => {
      const ctx = await openTestContext(target);
      try {
        assert.equal(await ensureSearchIndex(ctx.db), 0, 'a freshly opened database has a current index');
        await deleteAllSearchRows(ctx.db.kysely);
        await writeMeta(ctx.db.kysely, 'search_index_version', '1');
        ctx.reader.invalidate();
        assert.deepEqual(
          await ctx.reader.search('08', '2022-2025', undefined, 'fi', 'elinkeinoelämää'),
          [],
          'the emptied index finds nothing',
        );
        const reindexed = await ensureSearchIndex(ctx.db);
        assert.ok(reindexed > 100, `every node of both versions is re-indexed (got ${reindexed})`);
        ctx.reader.invalidate();
        const hits = await ctx.reader.search('08', '2022-2025', undefined, 'fi', 'elinkeinoelämää');
        assert.equal(hits[0]?.key, 'uudistuva-elinkeinoelama');
      } finally {
        await ctx.close();
      }
    });
  });
}
