/**
 * `suunta import indicators FILE` on every database: the shipped Kymenlaakso definitions are
 * seeded; a file with problems names each one (path and reason) and writes nothing; a changed
 * target supersedes the old one, which stays in the history; the same file twice changes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { runCli, snapshotAt, tempFolder } from '../support/cli.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { listIndicators, listTargetHistory } from '#src/storage/repositories/indicators-repository.ts';

const shipped = readFileSync(new URL('../../content/indicators/kymenlaakso.yaml', import.meta.url), 'utf8');

for (const target of databaseTargets()) {
  describe(`indicator definitions on ${target.name}`, () => {
    let ctx: AppContext;
    let url: string;
    const files = tempFolder('suunta-ind-');
    before(async () => {
      ctx = await openTestContext(target);
      url = ctx.config.databaseUrl;
    });
    after(() => ctx.close());

    test('the shipped definitions are seeded: 10 indicators in the six groups, the population target', async () => {
      const all = await listIndicators(ctx.db.kysely, '08');
      assert.equal(all.length, 10);
      assert.deepEqual(
        [...new Set(all.map((i) => i.group))],
        ['vaesto', 'aluetalous', 'tyollisyys', 'osaaminen', 'hyvinvointi', 'elinymparisto'],
      );
      const pop = all.find((i) => i.code === 'vaesto')!;
      assert.deepEqual(
        pop.targets.map((t) => [t.period, t.value, t.area]),
        [['2040', '150200', 'MK08']],
      );
      assert.deepEqual(pop.baseline?.value, '162840');
    });

    test('a file with problems names each of them and writes nothing', async () => {
      const beforeSnap = await snapshotAt(url);
      const badShape = shipped
        .replace('direction: increase', 'direction: upwards')
        .replace('decimals: 0', 'decimals: -1');
      const run = await runCli(['import', 'indicators', files.file('bad.yaml', badShape)], url);
      assert.equal(run.code, 2);
      assert.match(run.err, /: 2 problem\(s\) found; nothing was written\n/);
      assert.match(run.err, /indicators\[0\]\.direction: must be one of "increase", "decrease", "keep"/);
      assert.match(run.err, /indicators\[0\]\.decimals: /);
      // Rules across the file are checked once every indicator has a valid shape.
      const badGroup = shipped.replace(
        'group: osaaminen\n    level: priority\n    nodes: [alykas',
        'group: unknown-group\n    level: priority\n    nodes: [alykas',
      );
      const run1 = await runCli(['import', 'indicators', files.file('group.yaml', badGroup)], url);
      assert.equal(run1.code, 2);
      assert.match(
        run1.err,
        /indicators\[6\]\.group: names the group "unknown-group", which the file's groups do not list/,
      );
      assert.deepEqual(await snapshotAt(url), beforeSnap);

      const unknownNode = shipped.replace('nodes: [innovatiivinen-kymenlaakso]', 'nodes: [no-such-theme]');
      const run2 = await runCli(['import', 'indicators', files.file('node.yaml', unknownNode)], url);
      assert.equal(run2.code, 2);
      assert.match(run2.err, /indicators\[4\]\.nodes\[0\]: "no-such-theme" is not a node of programme 2022-2025/);
      assert.deepEqual(await snapshotAt(url), beforeSnap);
    });

    test('a changed target supersedes the old one, which stays in the history', async () => {
      const changed = shipped.replace('value: "150200"', 'value: "152000"');
      const run = await runCli(['import', 'indicators', files.file('changed.yaml', changed)], url);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /1 changed, 0 removed, 9 unchanged; targets: 1 set, 1 superseded/);
      const pop = (await listIndicators(ctx.db.kysely, '08')).find((i) => i.code === 'vaesto')!;
      assert.deepEqual(
        pop.targets.map((t) => t.value),
        ['152000'],
      );
      const history = await listTargetHistory(ctx.db.kysely, pop.id);
      assert.deepEqual(
        history.map((t) => [t.value, t.supersededAt === null]),
        [
          ['150200', false],
          ['152000', true],
        ],
      );
      const again = await runCli(['import', 'indicators', files.file('changed-again.yaml', changed)], url);
      assert.match(again.out, /0 added, 0 changed, 0 removed, 10 unchanged; targets: 0 set, 0 superseded/);
    });
  });
}
