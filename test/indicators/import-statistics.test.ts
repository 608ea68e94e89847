/**
 * The reviewed statistics import on every database: a revised file's diff names exactly the
 * revised cells before anything is written, a second identical import changes nothing, a failing
 * import (invalid file, unknown area) leaves the database unchanged, and a value published as empty
 * with a status is shown as withdrawn.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { runCli, snapshotAt, tempFolder } from '../support/cli.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../support/real-data.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { listIndicators, listObservations } from '#src/storage/repositories/indicators-repository.ts';

const velk = (): string => readFileSync(join(DATA_DIR, 'pxweb/statfin/statfin-velk-jsonstat2-en.json'), 'utf8');

for (const target of databaseTargets()) {
  describe(`statistics import on ${target.name}`, REAL_DATA, () => {
    let url: string;
    let ctx: AppContext;
    const files = tempFolder('suunta-stat-');
    before(async () => {
      requireData();
      ctx = await openTestContext(target);
      url = ctx.config.databaseUrl;
    });
    after(() => ctx.close());

    const stored = async (
      code: string,
    ): Promise<{ area: string; period: string; value: string | null; status: string | null }[]> => {
      const ind = (await listIndicators(ctx.db.kysely, '08')).find((i) => i.code === code)!;
      return (await listObservations(ctx.db.kysely, [ind.id])).map((o) => ({
        area: o.area,
        period: o.period,
        value: o.value,
        status: o.status,
      }));
    };

    test('the seeded figures are stored as exact decimals', async () => {
      assert.deepEqual(await stored('asuntokuntien-velat'), [
        { area: 'SSS', period: '2002', value: '58443598209', status: null },
      ]);
      assert.deepEqual(await stored('vaesto'), [
        { area: 'MK08', period: '2020', value: '162840', status: 'p' },
        { area: 'MK08', period: '2021', value: '161391', status: null },
        { area: 'SK081', period: '2021', value: '80454', status: null },
        { area: 'SK082', period: '2021', value: '80937', status: null },
      ]);
    });

    test('the real file again changes nothing', async () => {
      const beforeSnap = await snapshotAt(url);
      const run = await runCli(['import', 'statistics', files.file('velk-en.json', velk()), '--region', '08'], url);
      assert.equal(run.code, 0, run.err);
      assert.match(
        run.out,
        /Total: 0 new, 0 revised, 0 withdrawn, 2 unchanged, 0 unit change\(s\)\nNothing changes: nothing was written\.\n$/,
      );
      assert.deepEqual(await snapshotAt(url), beforeSnap);
    });

    test('a revised file shows exactly the revised cells before it writes, and writes them once', async () => {
      const revised = files.file('velk-revised.json', velk().replace('70.3', '71.25'));
      const beforeSnap = await snapshotAt(url);
      const dry = await runCli(['import', 'statistics', revised, '--region', '08', '--dry-run'], url);
      assert.equal(dry.code, 0, dry.err);
      assert.ok(
        dry.out.includes(
          '  velkaantumisaste: 0 new, 1 revised, 0 withdrawn, 0 unchanged\n    ~ SSS 2002: 70.3 → 71.25\n  asuntokuntien-velat: 0 new, 0 revised, 0 withdrawn, 1 unchanged\n',
        ),
        dry.out,
      );
      assert.match(dry.out, /Dry run: nothing was written\.\n$/);
      assert.deepEqual(await snapshotAt(url), beforeSnap, 'the dry run wrote nothing');

      const run = await runCli(['import', 'statistics', revised, '--region', '08'], url);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /Written as statistics import #\d+\./);
      assert.deepEqual(await stored('velkaantumisaste'), [
        { area: 'SSS', period: '2002', value: '71.25', status: null },
      ]);
      const again = await runCli(['import', 'statistics', revised, '--region', '08'], url);
      assert.match(again.out, /Nothing changes: nothing was written\./);

      // Back to the published figure: the diff is the reverse revision.
      const back = await runCli(['import', 'statistics', files.file('velk-back.json', velk()), '--region', '08'], url);
      assert.ok(back.out.includes('    ~ SSS 2002: 71.25 → 70.3\n'), back.out);
    });

    test('a value published as empty with a status is withdrawn, with the status kept', async () => {
      const text = velk().replace(
        '"value": [\n                58443598209',
        '"status": {"0": ".."},\n            "value": [\n                null',
      );
      assert.notEqual(text, velk(), 'the fixture edit applied');
      const run = await runCli(
        ['import', 'statistics', files.file('velk-withdrawn.json', text), '--region', '08'],
        url,
      );
      assert.equal(run.code, 0, run.err);
      assert.ok(run.out.includes('    - SSS 2002: 58443598209 → (empty) [..]\n'), run.out);
      assert.deepEqual(await stored('asuntokuntien-velat'), [
        { area: 'SSS', period: '2002', value: null, status: '..' },
      ]);
      await runCli(['import', 'statistics', files.file('velk-restore.json', velk()), '--region', '08'], url);
    });

    test('an area Suunta does not hold fails the whole file and writes nothing', async () => {
      const text = velk()
        .replace(/"SSS": "WHOLE COUNTRY"/, '"KU999": "NOWHERE"')
        .replace('"SSS": 0', '"KU999": 0');
      const beforeSnap = await snapshotAt(url);
      const run = await runCli(['import', 'statistics', files.file('velk-bad-area.json', text), '--region', '08'], url);
      assert.equal(run.code, 2);
      assert.equal(
        run.err,
        'suunta: velk-bad-area.json: 1 problem(s) found; nothing was written\n  $.dimension["Maakunta"].category["KU999"]: "KU999" (NOWHERE) is not an area Suunta holds\n',
      );
      assert.deepEqual(await snapshotAt(url), beforeSnap);
    });

    test('an invalid JSON-stat file names the JSON path and writes nothing', async () => {
      const beforeSnap = await snapshotAt(url);
      const run = await runCli(
        ['import', 'statistics', join(DATA_DIR, 'jsonstat/ons-uk-QS104EW-jsonstat1-bundle.json'), '--region', '08'],
        url,
      );
      assert.equal(run.code, 2);
      assert.match(run.err, /\$\.QS104EW\.dimension\.id: 4 dimension ids but 3 sizes/);
      assert.deepEqual(await snapshotAt(url), beforeSnap);
    });

    test('the real household-debt responses in all three languages import as the same figures', async () => {
      for (const [lang, unchanged] of [
        ['fi', 1],
        ['sv', 2],
        ['en', 2],
      ] as const) {
        const run = await runCli(
          [
            'import',
            'statistics',
            join(DATA_DIR, `pxweb/statfin/statfin-velk-jsonstat2-${lang}.json`),
            '--region',
            '08',
          ],
          url,
        );
        assert.equal(run.code, 0, run.err);
        assert.ok(
          run.out.includes(`Total: 0 new, 0 revised, 0 withdrawn, ${unchanged} unchanged, 0 unit change(s)\n`),
          `${lang}: ${run.out}`,
        );
      }
    });

    test('a file no indicator reads is refused with the reason', async () => {
      const run = await runCli(
        [
          'import',
          'statistics',
          join(DATA_DIR, 'pxweb/other-nsi/ssb-no-07221-jsonstat2-status.json'),
          '--region',
          '08',
        ],
        url,
      );
      assert.equal(run.code, 2);
      assert.match(run.err, /\$: no indicator reads table 07221 \(no indicator of region 08 reads it\)/);
    });
  });
}
