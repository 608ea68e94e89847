/**
 * `suunta import projects` and `suunta import financing-plan` run in-process on every database:
 * exit codes, exact output, the rejects file of --skip-invalid, and nothing written on bad input.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAppContext } from '#src/services/app-context.ts';
import { openDatabase } from '#src/storage/database.ts';
import { databaseTargets, testConfig } from '../support/databases.ts';
import { runCli, snapshotAt, tempFolder } from '../support/cli.ts';
import { csv } from './support.ts';

const run = runCli;
const dbSnapshot = snapshotAt;

/** The audit events of imports, oldest first: actor, action, summary. */
async function importEvents(url: string): Promise<string[]> {
  const db = await openDatabase(url);
  try {
    const rows = await db.kysely
      .selectFrom('audit_events')
      .select(['actor', 'action', 'summary'])
      .where('action', 'like', '%.import')
      .orderBy('id')
      .execute();
    return rows.map((r) => `${r.actor} ${r.action}: ${r.summary}`);
  } finally {
    await db.close();
  }
}

const { dir: tmp, file } = tempFolder('suunta-projects-cli-');

const HEADER = ['code', 'name_fi', 'municipalities', 'start_date', 'end_date', 'status', 'fund', 'granted_eur'];
const GOOD = file(
  'hankkeet.csv',
  csv(
    [
      HEADER,
      ['KY-1', 'Satamat', 'Kotka', '1.1.2024', '31.12.2025', 'running', 'EAKR', '1 000,50'],
      ['KY-2', 'Kylät', 'Pyhtää', '', '', 'planned', '', ''],
    ],
    ';',
  ),
);
const BAD = file(
  'huonot.csv',
  csv([
    HEADER,
    ['KY-1', 'Satamat', 'Kotka', '31.2.2020', '', 'running', 'EAKR', '1.234,5,6'],
    ['KY-2', 'Kylät', '999', '', '', 'planned', '', ''],
  ]),
);
const PLAN = file(
  'plan.csv',
  csv([
    ['node', 'fund', 'year', 'amount'],
    ['uudistuva-elinkeinoelama', 'EAKR', '2023', '1 000 000'],
    ['kestava-kymenlaakso', 'JTF', '2024', '500000'],
  ]),
);

describe('project commands: usage (no database needed)', () => {
  test('--help lists the commands with their usage', async () => {
    const r = await run(['--help'], join(tmp, 'unused.sqlite'));
    assert.equal(r.code, 0);
    for (const line of [
      'suunta import projects --region <code> [--mapping <file> | --preset <name>] [--programme ' +
        '<slug>] [--encoding <name>] [--skip-invalid <rejects.csv>] [--select-region] ' +
        '[--facts-out <path> --facts-publisher <text> --facts-licence <text>] <file>',
      'suunta import financing-plan --region <code> --period <slug> --version <n> [--encoding <name>] <file>',
    ]) {
      assert.ok(r.out.includes(line), `help mentions "${line}"`);
    }
  });

  test('bad arguments exit 2 with a message', async () => {
    const url = join(tmp, 'unused.sqlite');
    const enc = await run(['import', 'projects', GOOD, '--region', '08', '--encoding', 'ebcdic'], url);
    assert.equal(enc.code, 2);
    assert.match(
      enc.err,
      /option '--encoding <name>' argument 'ebcdic' is invalid\. must be one of utf-8, utf8, windows-1252, cp1252, iso-8859-1, iso8859-1, latin1, latin-1/,
    );
    const version = await run(
      ['import', 'financing-plan', PLAN, '--region', '08', '--period', '2022-2025', '--version', 'two'],
      url,
    );
    assert.equal(version.code, 2);
    assert.match(version.err, /must be a version number such as 2/);
    const both = await run(
      ['import', 'projects', GOOD, '--region', '08', '--mapping', 'x.json', '--preset', 'suunta'],
      url,
    );
    assert.deepEqual([both.code, both.err], [2, 'suunta: give either --mapping or --preset, not both\n']);
    const preset = await run(['import', 'projects', GOOD, '--region', '08', '--preset', 'eura2021'], url);
    assert.deepEqual(
      [preset.code, preset.err],
      [
        2,
        'suunta: there is no mapping preset "eura2021" (presets: rakennerahastot-fi-2007-2013, rakennerahastot-fi-2014-2020, suunta)\n',
      ],
    );
    const mappingPath = file(
      'mapping.json',
      JSON.stringify({
        format: 'suunta.project-mapping/1',
        fields: { code: { column: 'code' }, 'name.fi': { column: 'n' } },
      }),
    );
    const mapping = await run(['import', 'projects', GOOD, '--region', '08', '--mapping', mappingPath], url);
    assert.deepEqual(
      [mapping.code, mapping.err],
      [
        2,
        `suunta: ${mappingPath}: 1 problem(s) found; nothing was written\n  ${mappingPath}: fields: "status" must be mapped\n`,
      ],
    );
  });
});

for (const target of databaseTargets()) {
  describe(`project commands on ${target.name}`, () => {
    let url: string;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ url, dispose } = await target.create());
      const ctx = await openAppContext(testConfig(url));
      await ctx.close();
    });
    after(async () => {
      await dispose();
    });

    test('a malformed list: exit 2, every problem, nothing written', async () => {
      const before = await dbSnapshot(url);
      const r = await run(['import', 'projects', BAD, '--region', '08'], url);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(
        r.err,
        `suunta: ${BAD}: 3 problem(s) found; nothing was written\n` +
          `  ${BAD}: row 2, column "start_date": "31.2.2020" is not a date: February 2020 has 29 days\n` +
          `  ${BAD}: row 2, column "granted_eur": "1.234,5,6" is not an amount: the decimal separator "," appears more than once\n` +
          `  ${BAD}: row 3, column "municipalities": "999" is not the code of a municipality in the municipality register\n`,
      );
      assert.deepEqual(await dbSnapshot(url), before);
    });

    test('a valid list is imported; the second time nothing changes', async () => {
      const first = await run(['import', 'projects', GOOD, '--region', '8'], url);
      assert.deepEqual(first, {
        code: 0,
        out: 'Imported hankkeet.csv into region 08 (2 row(s), UTF-8 (detected)): 2 added, 0 changed, 0 unchanged\n',
        err: '',
      });
      const again = await run(['import', 'projects', GOOD, '--region', '08', '--preset', 'suunta'], url);
      assert.deepEqual(again, {
        code: 0,
        out: 'Imported hankkeet.csv into region 08 (2 row(s), UTF-8 (detected)): 0 added, 0 changed, 2 unchanged\n',
        err: '',
      });
      assert.deepEqual(
        await importEvents(url),
        [`cli projects.import: Imported ${GOOD} (preset suunta): 2 added, 0 changed, 0 unchanged, 0 rejected`],
        'the audit log has the import that changed something',
      );
    });

    test('--skip-invalid writes the valid rows and the rejected ones to a file', async () => {
      const rejects = join(tmp, `rejects-${target.name}.csv`);
      const mixed = file(
        'mixed.csv',
        csv([
          HEADER,
          ['KY-3', 'Uusi', 'Hamina', '', '', 'running', '', ''],
          ['KY-4', 'Huono', 'Hamina', '1.13.2024', '', 'running', '', ''],
        ]),
      );
      const r = await run(['import', 'projects', mixed, '--region', '08', '--skip-invalid', rejects], url);
      assert.equal(r.code, 0);
      assert.equal(
        r.out,
        `Imported mixed.csv into region 08 (2 row(s), UTF-8 (detected)): 1 added, 0 changed, 0 ` +
          `unchanged; 1 rejected\nWrote the rejected rows with their reasons to ${rejects}\n`,
      );
      assert.equal(
        r.err,
        `suunta: 1 row(s) skipped:\n  ${mixed}: row 3, column "start_date": "1.13.2024" is not a date: there is no month 13\n`,
      );
      assert.equal(
        readFileSync(rejects, 'utf8'),
        '\ufeffrow,lines,problems,raw\r\n3,3,"column ""start_date"": ""1.13.2024"" is not a date: ' +
          'there is no month 13","KY-4,Huono,Hamina,1.13.2024,,running,,"\r\n',
      );
    });

    test('a Latin-1 file is detected; declared UTF-8 it is refused', async () => {
      const latin = join(tmp, 'latin.csv');
      writeFileSync(
        latin,
        Buffer.from(csv([HEADER, ['KY-5', 'Kylätalo', 'Miehikkälä', '', '', 'ended', '', '']]), 'latin1'),
      );
      const detected = await run(['import', 'projects', latin, '--region', '08'], url);
      assert.deepEqual(detected, {
        code: 0,
        out: 'Imported latin.csv into region 08 (1 row(s), Windows-1252 (detected)): 1 added, 0 changed, 0 unchanged\n',
        err: '',
      });
      const declared = await run(['import', 'projects', latin, '--region', '08', '--encoding', 'utf8'], url);
      assert.deepEqual(declared, {
        code: 2,
        out: '',
        err:
          `suunta: ${latin}: 1 problem(s) found; nothing was written\n` +
          (`  ${latin}: line 2, byte offset 80: not valid UTF-8 (bytes 0xE4 0x74 0x61 0x6C); the file ` +
            `was declared UTF-8 but looks like Windows-1252 / ISO-8859-1 (use --encoding windows-1252, ` +
            `or leave --encoding out to detect it)\n`),
      });
    });

    test('the financing plan: imported with counts; a bad one exits 2', async () => {
      const r = await run(
        ['import', 'financing-plan', PLAN, '--region', '08', '--period', '2022-2025', '--version', '2'],
        url,
      );
      assert.deepEqual(r, {
        code: 0,
        out: 'Imported the financing plan of programme 08/2022-2025 version 2: 2 line(s); 2 added, 0 changed, 0 removed, 0 unchanged\n',
        err: '',
      });
      assert.equal(
        (await importEvents(url)).at(-1),
        `cli financing-plan.import: Imported the financing plan of version 2 from ${PLAN}: 2 added, 0 changed, 0 removed, 0 unchanged`,
      );
      const before = await dbSnapshot(url);
      const bad = file(
        'plan-bad.csv',
        csv([
          ['node', 'fund', 'year', 'amount'],
          ['uudistuva-elinkeinoelama', 'EAKR', '2021', '1'],
        ]),
      );
      const b = await run(
        ['import', 'financing-plan', bad, '--region', '08', '--period', '2022-2025', '--version', '2'],
        url,
      );
      assert.deepEqual(b, {
        code: 2,
        out: '',
        err: `suunta: ${bad}: 1 problem(s) found; nothing was written\n  ${bad}: row 2, column "year": 2021 is outside the programme period 2022–2025\n`,
      });
      const missing = await run(
        ['import', 'financing-plan', PLAN, '--region', '08', '--period', '2022-2025', '--version', '9'],
        url,
      );
      assert.deepEqual(
        [missing.code, missing.err],
        [2, 'suunta: version 9 of programme 2022-2025 of region 08 was not found\n'],
      );
      assert.deepEqual(await dbSnapshot(url), before);
    });
  });
}
