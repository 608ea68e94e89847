/**
 * The preset detection test (issue 12, point 8): `suunta import projects FILE --region 08` without
 * --preset or --mapping uses the shipped preset whose columns the header has exactly and says so;
 * a header that nearly matches a preset is refused with the preset's name and the differing columns;
 * an unrelated header gets the old error of the default preset. The real list in ../shared/data is
 * used when present (skipped otherwise), with small fixtures beside it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '#src/cli/main.ts';
import { ROOT_DIR, loadConfig } from '#src/config/config.ts';
import { detectPreset } from '#src/services/projects/detect-preset.ts';
import { databaseTargets } from '../support/databases.ts';

const CONTENT = loadConfig({ NODE_ENV: 'test' }).contentDir;
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const EXACT = fixture('rakennerahastot-2014-exact.csv');
const NEAR = fixture('rakennerahastot-2014-near.csv');
const UNRELATED = fixture('unrelated-header.csv');

const DATA_DIR = process.env['SUUNTA_SHARED_DATA'] ?? resolve(ROOT_DIR, '../shared/data');
const REAL_CLEAN = join(DATA_DIR, 'projects/rakennerahastot-fi-2014-2020-projektilista-cleaned.csv');
const REAL_ORIGINAL = join(DATA_DIR, 'projects/rakennerahastot-fi-2014-2020-projektilista-original.csv');
const REAL =
  existsSync(REAL_CLEAN) || process.env['CI']
    ? {}
    : { skip: `NOT RUN: real-data folder ${DATA_DIR} is missing (these tests run only when ../shared/data exists)` };

const header = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')[0]!
    .split(/[,;]/)
    .map((h) => h.trim());

describe('detectPreset', () => {
  test('an exact header is the preset’s', async () => {
    const found = await detectPreset(CONTENT, header(EXACT));
    assert.equal(found.kind, 'exact');
    assert.equal(found.name, 'rakennerahastot-fi-2014-2020');
  });
  test('a near header names the preset and the differing columns', async () => {
    const found = await detectPreset(CONTENT, header(NEAR));
    assert.equal(found.kind, 'near');
    if (found.kind !== 'near') return;
    assert.equal(found.name, 'rakennerahastot-fi-2014-2020');
    assert.deepEqual(found.missing, ['Tila']);
    assert.deepEqual(found.unexpected, ['Toiminnan tila', 'Huomio']);
  });
  test('an unrelated header falls back to the default preset', async () => {
    const found = await detectPreset(CONTENT, header(UNRELATED));
    assert.equal(found.kind, 'default');
    assert.equal(found.name, 'suunta');
  });
  test("a header of Suunta's own columns keeps the default without a note, extra columns and all", async () => {
    const found = await detectPreset(CONTENT, ['code', 'name_fi', 'status', 'notes']);
    assert.equal(found.kind, 'default');
  });
});

for (const target of databaseTargets()) {
  describe(`suunta import projects without --preset on ${target.name}`, () => {
    let url: string;
    let dispose: () => Promise<void>;
    const run = async (file: string): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const saved = { db: process.env['DATABASE_URL'], seed: process.env['SUUNTA_SEED_PROJECTS'] };
      process.env['DATABASE_URL'] = url;
      process.env['SUUNTA_SEED_PROJECTS'] = '0';
      try {
        const code = await main(['import', 'projects', '--region', '08', file], {
          out: (t) => void (out += t),
          err: (t) => void (err += t),
        });
        return { code, out, err };
      } finally {
        for (const [k, v] of [
          ['DATABASE_URL', saved.db],
          ['SUUNTA_SEED_PROJECTS', saved.seed],
        ] as const)
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
      }
    };
    before(async () => {
      ({ url, dispose } = await target.create());
    });
    after(async () => dispose());

    test('an exact header: the preset is used and said', async () => {
      const r = await run(EXACT);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^Using preset rakennerahastot-fi-2014-2020 \(header matches\)\n/);
      assert.match(r.out, /1 added/);
    });

    test('a near header: the error names the preset and the missing and unexpected columns', async () => {
      const r = await run(NEAR);
      assert.equal(r.code, 2);
      assert.ok(
        r.err.includes(
          `${NEAR}: row 1: the header nearly matches the preset "rakennerahastot-fi-2014-2020" (12 of its 13 columns) but differs: missing "Tila"; unexpected "Toiminnan tila", "Huomio"`,
        ),
        r.err,
      );
      assert.doesNotMatch(r.out, /Using preset/);
    });

    test('an unrelated header: the old clear error of the default preset', async () => {
      const r = await run(UNRELATED);
      assert.equal(r.code, 2);
      assert.match(r.err, /column "code": missing required column/);
      assert.doesNotMatch(r.err, /nearly matches/);
    });

    test('the real 2014–2020 list is recognised', REAL, async () => {
      const r = await run(REAL_CLEAN);
      assert.match(r.out, /^Using preset rakennerahastot-fi-2014-2020 \(header matches\)\n/);
      // All or nothing: its one shifted row (row 148) is refused, no longer "missing required column".
      assert.doesNotMatch(r.err, /missing required column/);
      assert.match(r.err, /row 148, column "Aloituspvm"/);
    });

    test(
      'the real original list (a stray ";" ends its header) nearly matches and says which column',
      REAL,
      async () => {
        const r = await run(REAL_ORIGINAL);
        assert.equal(r.code, 2);
        assert.match(
          r.err,
          /nearly matches the preset "rakennerahastot-fi-2014-2020" \(12 of its 13 columns\) but differs: missing "Toteutunut julkinen rahoitus yhteensä"; unexpected "Toteutunut julkinen rahoitus yhteensä;"/,
        );
      },
    );
  });
}
