/**
 * The `suunta` command line, run in-process through main(argv, io) against every database:
 * help, exit codes (0 success, 2 bad input), exact messages, the export/import round trip and
 * that a rejected file writes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT_DIR } from '#src/config/config.ts';
import { municipalityFactsSchema } from '#src/domain/municipality-facts.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { readMunicipalityFacts, storeMunicipalityFacts } from '#src/services/seed.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { MIGRATION_NAMES } from '#src/storage/migrate.ts';
import { databaseTargets, testConfig, type DatabaseTarget } from '../support/databases.ts';
import { runCli, snapshotAt, tempFolder } from '../support/cli.ts';
import { DATA_DIR, HAVE_DATA, REAL_DATA } from '../support/real-data.ts';

const KYMENLAAKSO = join(ROOT_DIR, 'content/programmes/kymenlaakso-2022-2025.yaml');

const run = runCli;
const dbSnapshot = snapshotAt;

/** Prepares `url` with regions and municipalities but no programme (so first-start seeding does not run). */
async function withoutProgrammes(url: string): Promise<void> {
  const ctx = await openAppContext(testConfig(url), { seed: false });
  try {
    const facts = await readMunicipalityFacts(join(ROOT_DIR, 'content/facts/municipalities.json'));
    await inTransaction(ctx.db.kysely, (trx) => storeMunicipalityFacts(trx, facts));
  } finally {
    await ctx.close();
  }
}

const { dir: tmp, file: tmpFile } = tempFolder('suunta-cli-');

describe('suunta: help and usage errors (no database needed)', () => {
  test('--help lists every command with its usage', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    for (const line of [
      'suunta serve',
      'suunta db migrate',
      'suunta import programme <file>',
      'suunta import municipalities [--facts-out <path>] <file>',
      'suunta export programme --region <code> --period <slug> [--format yaml|json] [-o <file>]',
      'Exit codes: 0 success, 1 failure, 2 invalid input file or arguments.',
      'DATABASE_URL',
    ]) {
      assert.ok(r.out.includes(line), `help mentions "${line}"`);
    }
  });

  for (const [argv, expected] of [
    [['serve', '--help'], 'Start the web server (migrates and, on first start, seeds the database).'],
    [['db', '--help'], 'Database maintenance.'],
    [['db', 'migrate', '--help'], 'Bring the database schema to the latest migration.'],
    [['import', '--help'], 'Import data from files.'],
    [['import', 'programme', '--help'], 'Writes nothing if the file is invalid.'],
    [['import', 'municipalities', '--help'], '--facts-out <path>'],
    [['export', '--help'], 'Export data to files.'],
    [['export', 'programme', '--help'], '--format <format>'],
    [['help', 'import'], 'municipalities'],
  ] as const) {
    test(`${argv.join(' ')} describes the command and exits 0`, async () => {
      const r = await run([...argv]);
      assert.equal(r.code, 0);
      assert.ok(r.out.includes(expected), `"${expected}" in:\n${r.out}`);
    });
  }

  for (const [argv, message] of [
    [['bogus'], "error: unknown command 'bogus'"],
    [['import', 'bogus'], "error: unknown command 'bogus'"],
    [['--bogus'], "error: unknown option '--bogus'"],
    [['import', 'programme', 'x.yaml', '--bogus'], "error: unknown option '--bogus'"],
    [['import', 'programme'], "error: missing required argument 'file'"],
    [['import', 'municipalities'], "error: missing required argument 'file'"],
    [['export', 'programme', '--period', '2022-2025'], "error: required option '--region <code>' not specified"],
    [
      ['export', 'programme', '--region', 'Kymenlaakso', '--period', '2022-2025'],
      "error: option '--region <code>' argument 'Kymenlaakso' is invalid. must be a region code such as 08",
    ],
    [
      ['export', 'programme', '--region', '08', '--period', '2022-2025', '--format', 'xml'],
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are yaml, json.",
    ],
    [['serve', 'now'], "error: too many arguments for 'serve'. Expected 0 arguments but got 1."],
    [['import'], 'Usage: suunta import [options] [command]'],
    [[], 'Usage: suunta [options] [command]'],
  ] as const) {
    test(`\`suunta ${argv.join(' ')}\` is a usage error: exit 2`, async () => {
      const r = await run([...argv]);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.ok(r.err.includes(message), `"${message}" in:\n${r.err}`);
    });
  }

  test('a programme file that does not exist: exit 2, the path named', async () => {
    const missing = join(tmp, 'no-such-file.yaml');
    const r = await run(['import', 'programme', missing], join(tmp, 'never-opened.sqlite'));
    assert.deepEqual(r, { code: 2, out: '', err: `suunta: ${missing}: cannot be read (ENOENT)\n` });
    assert.equal(existsSync(join(tmp, 'never-opened.sqlite')), false, 'the database is not even opened');
  });

  test('a classification file that does not exist: exit 2, the path named', async () => {
    const missing = join(tmp, 'no-such-file.csv');
    const r = await run(['import', 'municipalities', missing], join(tmp, 'never-opened.sqlite'));
    assert.deepEqual(r, { code: 2, out: '', err: `suunta: ${missing}: cannot be read (ENOENT)\n` });
  });
});

const CSV_HEADER =
  'kunta,municipality_name_fi,municipality_name_sv,municipality_name_en,kielisuhde_code,maakunta_code,maakunta_name_fi,maakunta_name_sv,maakunta_name_en,year';

for (const target of databaseTargets()) {
  describe(`suunta on ${target.name}`, () => {
    let url: string;
    let dispose: () => Promise<void>;
    const extra: { dispose(): Promise<void> }[] = [];

    async function freshUrl(t: DatabaseTarget): Promise<string> {
      const made = await t.create();
      extra.push(made);
      return made.url;
    }

    before(async () => {
      ({ url, dispose } = await target.create());
    });
    after(async () => {
      await dispose();
      for (const e of extra) await e.dispose();
    });

    test('db migrate applies the migrations once', async () => {
      const first = await run(['db', 'migrate'], url);
      assert.equal(first.code, 0, first.err);
      assert.match(
        first.out,
        new RegExp(`^Applied migrations: ${MIGRATION_NAMES.join(', ')} \\((SQLite|PostgreSQL) .+\\)\n$`),
      );
      const second = await run(['db', 'migrate'], url);
      assert.equal(second.code, 0);
      assert.match(second.out, /^Database is up to date \(/);
    });

    test('export programme prints YAML (the first command seeds the database)', async () => {
      const r = await run(['export', 'programme', '--region', '8', '--period', '2022-2025'], url);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.err, '');
      const data = parse(r.out) as Record<string, unknown>;
      assert.equal(data['format'], 'suunta.programme/1');
      assert.equal(data['region'], '08');
      assert.equal((data['versions'] as unknown[]).length, 2);
    });

    test('export of an unknown programme: exit 2 with the reason', async () => {
      const r = await run(['export', 'programme', '--region', '08', '--period', '1999-2002'], url);
      assert.deepEqual(r, { code: 2, out: '', err: 'suunta: Programme 08/1999-2002 was not found\n' });
    });

    test('export into a folder that does not exist: exit 1 (a failure, not bad input), the path named', async () => {
      const output = join(tmp, 'no-such-folder', 'out.yaml');
      const r = await run(['export', 'programme', '--region', '08', '--period', '2022-2025', '-o', output], url);
      assert.deepEqual(r, {
        code: 1,
        out: '',
        err: `suunta: ENOENT: no such file or directory, open '${output}'\n`,
      });
      const next = await run(['user', 'list'], url);
      assert.equal(next.code, 0, next.err);
    });

    test('import programme with an error in the second version: exit 2, every problem listed, nothing written', async () => {
      const raw = parse(readFileSync(KYMENLAAKSO, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      raw['programme']['title']['fi'] = 'Must not be stored';
      delete raw['versions'][1]['themes'][1]['priorities'][2]['title']['fi'];
      raw['versions'][1]['themes'][0]['key'] = 'Bad Key';
      const file = tmpFile('broken.json', JSON.stringify(raw));
      const before = await dbSnapshot(url);
      const r = await run(['import', 'programme', file], url);
      assert.deepEqual(r, {
        code: 2,
        out: '',
        err:
          `suunta: ${file}: 2 problem(s) found; nothing was written\n` +
          '  versions[1].themes[0].key: must be lower-case letters a–z, digits and single hyphens, e.g. "osaaminen-ja-koulutus"\n' +
          '  versions[1].themes[1].priorities[2].title.fi: is required\n',
      });
      assert.deepEqual(await dbSnapshot(url), before);
    });

    test('import programme with invalid YAML: exit 2, line and column named, nothing written', async () => {
      const file = tmpFile(
        'broken.yaml',
        readFileSync(KYMENLAAKSO, 'utf8').replace('region: "08"', 'region: "08"\nregion: "09"'),
      );
      const before = await dbSnapshot(url);
      const r = await run(['import', 'programme', file], url);
      assert.equal(r.code, 2);
      assert.match(
        r.err,
        new RegExp(
          `^suunta: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: 1 problem\\(s\\) found; nothing ` +
            `was written\\n  not valid YAML at line \\d+, column 1: Map keys must be unique\\n$`,
        ),
      );
      assert.deepEqual(await dbSnapshot(url), before);
    });

    test('import programme for a region that does not exist: exit 2, nothing written', async () => {
      const file = tmpFile('region-03.yaml', readFileSync(KYMENLAAKSO, 'utf8').replace('region: "08"', 'region: "03"'));
      const before = await dbSnapshot(url);
      const r = await run(['import', 'programme', file], url);
      assert.deepEqual(r, { code: 2, out: '', err: 'suunta: Region "03" was not found\n' });
      assert.deepEqual(await dbSnapshot(url), before);
    });

    test('import programme of a valid file replaces the stored one', async () => {
      const r = await run(['import', 'programme', KYMENLAAKSO], url);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^Replaced programme 08-2022-2025: 2 version\(s\), \d+ node\(s\)\n$/);
    });

    test('round trip: export (json and yaml) → import into a fresh database → export gives the same text', async () => {
      for (const format of ['json', 'yaml'] as const) {
        const exported = join(tmp, `export-${target.name}.${format}`);
        const first = await run(
          ['export', 'programme', '--region', '08', '--period', '2022-2025', '--format', format, '-o', exported],
          url,
        );
        assert.deepEqual(first, { code: 0, out: '', err: '' });
        const fresh = await freshUrl(target);
        await withoutProgrammes(fresh);
        const imported = await run(['import', 'programme', exported], fresh);
        assert.equal(imported.code, 0, imported.err);
        assert.match(
          imported.out,
          /^Imported programme 08-2022-2025: 2 version\(s\), \d+ node\(s\)\n$/,
          'a new import, not a replacement of seeded content',
        );
        const again = await run(
          ['export', 'programme', '--region', '08', '--period', '2022-2025', '--format', format],
          fresh,
        );
        assert.equal(again.code, 0, again.err);
        assert.equal(again.out, readFileSync(exported, 'utf8'));
      }
    });

    test('import municipalities with a malformed file: exit 2, exact problems, nothing written, no facts file', async () => {
      const file = tmpFile(
        'kunnat-bad.csv',
        [
          CSV_HEADER,
          '75,Hamina,Fredrikshamn,Hamina,0,8,Kymenlaakso,Kymmenedalen,Kymenlaakso,2026',
          'x,Kotka,Kotka,Kotka,5,8,Kymenlaakso,Kymmenedalen,Kymenlaakso,2026',
          '075,,Fredrikshamn,Hamina,0,8,Kymenlaakso,Kymmenedalen,Kymenlaakso,2026',
        ].join('\n'),
      );
      const factsOut = join(tmp, 'facts-bad.json');
      const before = await dbSnapshot(url);
      const r = await run(['import', 'municipalities', file, '--facts-out', factsOut], url);
      assert.deepEqual(r, {
        code: 2,
        out: '',
        err:
          `suunta: ${file}: 3 problem(s) found; nothing was written\n` +
          '  line 3, column kunta: "x" is not a municipality code (1–3 digits, e.g. 20, 020 or KU020)\n' +
          '  line 3, column kielisuhde_code: "5" is not a known language status (0, 1, 2 or 3)\n' +
          '  line 4, column municipality_name_fi: is empty\n',
      });
      assert.deepEqual(await dbSnapshot(url), before);
      assert.equal(existsSync(factsOut), false);
    });

    test('import municipalities with a missing column: exit 2 naming file and column', async () => {
      const file = tmpFile('kunnat-cols.csv', 'kunta,municipality_name_fi\n75,Hamina\n');
      const r = await run(['import', 'municipalities', file], url);
      assert.equal(r.code, 2);
      assert.equal(
        r.err,
        `suunta: ${file}: 8 problem(s) found; nothing was written\n` +
          [
            'municipality_name_sv',
            'municipality_name_en',
            'kielisuhde_code',
            'maakunta_code',
            'maakunta_name_fi',
            'maakunta_name_sv',
            'maakunta_name_en',
            'year',
          ]
            .map((c) => `  missing column "${c}"\n`)
            .join(''),
      );
    });

    test('import municipalities with a valid file prints the counts and writes the facts file', async () => {
      const file = tmpFile(
        'kunnat-ok.csv',
        [
          CSV_HEADER,
          '75,Hamina,Fredrikshamn,Hamina,0,8,Kymenlaakso,Kymmenedalen,Kymenlaakso,2026',
          '999,Uusikunta,Nykommun,New Town,1,8,Kymenlaakso,Kymmenedalen,Kymenlaakso,2026',
        ].join('\n'),
      );
      const fresh = await freshUrl(target);
      await withoutProgrammes(fresh);
      const factsOut = join(tmp, `facts-${target.name}.json`);
      const r = await run(['import', 'municipalities', file, '--facts-out', factsOut], fresh);
      assert.equal(r.code, 0, r.err);
      assert.equal(
        r.out,
        `Imported the 2026 municipality classification: 1 region(s); municipalities: 1 added, 0 updated, 307 removed (2 in total)\nWrote ${factsOut}\n`,
      );
      const facts = municipalityFactsSchema.parse(JSON.parse(readFileSync(factsOut, 'utf8')));
      assert.deepEqual(
        facts.municipalities.map((m) => [m.code, m.region, m.name.fi, m.languages]),
        [
          ['075', '08', 'Hamina', 'fi'],
          ['999', '08', 'Uusikunta', 'fi-sv'],
        ],
      );
      assert.match(
        facts.source,
        new RegExp(
          `made by \`suunta import municipalities kunnat-ok\\.csv --facts-out ${factsOut.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\`$`,
        ),
      );
      const snap = await dbSnapshot(fresh);
      assert.equal(snap.counts['municipalities'], 2);
    });

    test(
      'import municipalities with the real 2026 classification reproduces the shipped facts file',
      REAL_DATA,
      async () => {
        if (!HAVE_DATA) assert.fail(`CI is set but the real-data folder ${DATA_DIR} is missing`);
        const factsOut = join(tmp, `facts-2026-${target.name}.json`);
        const r = await run(
          [
            'import',
            'municipalities',
            join(DATA_DIR, 'classifications/geofi-municipality_key_2026.csv'),
            '--facts-out',
            factsOut,
          ],
          url,
        );
        assert.equal(r.code, 0, r.err);
        assert.equal(
          r.out,
          `Imported the 2026 municipality classification: 19 region(s); municipalities: 0 added, 0 updated, 0 removed (308 in total)\nWrote ${factsOut}\n`,
        );
        const written = JSON.parse(readFileSync(factsOut, 'utf8')) as Record<string, unknown>;
        const shipped = JSON.parse(readFileSync(join(ROOT_DIR, 'content/facts/municipalities.json'), 'utf8')) as Record<
          string,
          unknown
        >;
        assert.deepEqual({ ...written, source: '' }, { ...shipped, source: '' });
      },
    );
  });
}
