/** compareVersions: loads two stored versions through the reader and diffs them, on every database. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '#src/domain/errors.ts';
import { isEmptyDiff } from '#src/domain/version-diff.ts';
import { databaseTargets, openTestContext } from '../../test/support/databases.ts';
import type { AppContext } from './app-context.ts';
import { compareVersions } from './compare-versions.ts';
import { importProgramme } from './programmes/import-programme.ts';
import { readProgrammeFile } from './programmes/programme-source.ts';
import { V1_V2_COUNTS } from '../../test/diff/kymenlaakso-changes.ts';

const rejectsWith = (promise: Promise<unknown>, code: string, message: RegExp): Promise<void> =>
  assert.rejects(promise, (e: unknown) => e instanceof AppError && e.code === code && message.test(e.message));

for (const target of databaseTargets()) {
  describe(`compareVersions (${target.name})`, () => {
    let ctx: AppContext;
    before(async () => {
      ctx = await openTestContext(target);
    });
    after(async () => {
      await ctx.close();
    });

    test('diffs two stored versions and names them', async () => {
      const { from, to, diff } = await compareVersions(ctx.reader, '08', '2022-2025', 1, 2);
      assert.equal(from.version.number, 1);
      assert.equal(to.version.number, 2);
      assert.deepEqual(diff.counts, V1_V2_COUNTS);
    });

    test('a version compared with itself has no differences; the newer one may come first', async () => {
      assert.ok(isEmptyDiff((await compareVersions(ctx.reader, '08', '2022-2025', 2, 2)).diff));
      const back = await compareVersions(ctx.reader, '08', '2022-2025', 2, 1);
      assert.deepEqual(back.diff.counts, {
        added: 0,
        removed: 3,
        moved: 0,
        retitled: 2,
        textChanged: 4,
        termsChanged: 0,
        versionTexts: 4,
      });
    });

    test('unknown programmes and versions are not_found; malformed numbers bad_request', async () => {
      await rejectsWith(
        compareVersions(ctx.reader, '08', '2022-2025', 1, 9),
        'not_found',
        /Version 9 of programme "08-2022-2025"/,
      );
      await rejectsWith(compareVersions(ctx.reader, '08', '1990-1993', 1, 2), 'not_found', /Programme "08-1990-1993"/);
      await rejectsWith(
        compareVersions(ctx.reader, '08', '2022-2025', 0, 2),
        'bad_request',
        /^from must be a version number/,
      );
      await rejectsWith(
        compareVersions(ctx.reader, '08', '2022-2025', 1, 1.5),
        'bad_request',
        /^to must be a version number/,
      );
    });

    test('the diff is kept for the current content generation and computed again after a change', async () => {
      const first = await compareVersions(ctx.reader, '08', '2022-2025', 1, 2);
      const again = await compareVersions(ctx.reader, '08', '2022-2025', 1, 2);
      assert.equal(again.diff, first.diff, 'the same diff object while the content is unchanged');

      // A new import: the second version's first priority gets another Finnish title.
      const file = await readProgrammeFile(join(ctx.config.contentDir, 'programmes', 'kymenlaakso-2022-2025.yaml'));
      const priority = file.versions.find((v) => v.number === 2)!.nodes[0]!.children[0]!;
      priority.title = { ...priority.title, fi: 'Elinkeinoelämän uudistaminen ja monipuolistaminen' };
      await importProgramme(ctx.db, file);
      ctx.reader.invalidate();

      const changed = await compareVersions(ctx.reader, '08', '2022-2025', 1, 2);
      assert.notEqual(changed.diff, first.diff);
      const title = changed.diff.nodes
        .find((n) => n.key === 'uudistuva-elinkeinoelama')!
        .texts.find((t) => t.field === 'title')!;
      assert.equal(title.after, 'Elinkeinoelämän uudistaminen ja monipuolistaminen');
      assert.deepEqual(title.segments, [
        { type: 'delete', text: 'Uudistuva elinkeinoelämä' },
        { type: 'insert', text: 'Elinkeinoelämän uudistaminen ja monipuolistaminen' },
      ]);
    });
  });
}
