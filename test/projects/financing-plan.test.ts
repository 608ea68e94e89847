/**
 * Importing the financing plan of a programme version (node × fund × year → planned euros), on
 * every database: replace with counts, a second import changes nothing, and malformed files give
 * exact problems with the database unchanged.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '#src/domain/errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { importFinancingPlan, type PlanImportOptions } from '#src/services/financing-plan/import-financing-plan.ts';
import { listFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { csv, rejection } from './support.ts';

const HEADER = ['Node', 'title', 'fund', 'year', 'amount'];
const ROWS = [
  ['uudistuva-elinkeinoelama', 'Uudistuva elinkeinoelämä', 'EAKR', '2022', '1 500 000'],
  ['uudistuva-elinkeinoelama', '', 'JTF', '2023', '25 000 000,00'],
  ['alykas-erikoistuminen-ja-tki', '', 'ESR+', '2024', '750000,50'],
  ['innovatiivinen-kymenlaakso', 'teema', 'akke', '2025', '0'],
];
const FILE = csv([HEADER, ...ROWS]);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
function withCell(index: number, column: string, value: string): string {
  const c = HEADER.indexOf(column);
  return csv([HEADER, ...ROWS.map((r, i) => (i === index ? r.map((v, j) => (j === c ? value : v)) : r))]);
}

const MALFORMED: [string, Uint8Array, Partial<PlanImportOptions>, string[]][] = [
  [
    'unknown node key',
    bytes(withCell(1, 'Node', 'satamat')),
    {},
    ['plan.csv: row 3, column "Node": "satamat" is not a node key of programme 2022-2025 version 2'],
  ],
  [
    'unknown fund',
    bytes(withCell(0, 'fund', 'EMKR')),
    {},
    [
      'plan.csv: row 2, column "fund": "EMKR" is not a fund (ERDF, ESF+, JTF, AKKE, INTERREG, HORIZON, MUNICIPAL, PRIVATE, OTHER)',
    ],
  ],
  [
    'year outside the period',
    bytes(withCell(2, 'year', '2030')),
    {},
    ['plan.csv: row 4, column "year": 2030 is outside the programme period 2022–2025'],
  ],
  [
    'amount 1.234,5,6',
    bytes(withCell(3, 'amount', '1.234,5,6')),
    {},
    [
      'plan.csv: row 5, column "amount": "1.234,5,6" is not an amount: the decimal separator "," appears more than once',
    ],
  ],
  [
    'negative amount',
    bytes(withCell(3, 'amount', '-5')),
    {},
    ['plan.csv: row 5, column "amount": "-5" is negative (a plan holds amounts of 0 or more)'],
  ],
  [
    'empty amount',
    bytes(withCell(3, 'amount', '')),
    {},
    ['plan.csv: row 5, column "amount": is empty (write 0 for no money)'],
  ],
  [
    'the same cell twice',
    bytes(withCell(2, 'Node', 'uudistuva-elinkeinoelama').replace('ESR+,2024', 'ERDF,2022')),
    {},
    ['plan.csv: row 4: node uudistuva-elinkeinoelama, fund ERDF and year 2022 appear twice (rows 2 and 4)'],
  ],
  [
    'missing column',
    bytes(csv([HEADER.slice(0, 4), ...ROWS.map((r) => r.slice(0, 4))])),
    {},
    ['plan.csv: row 1, column "amount": missing required column (the columns are node, fund, year, amount)'],
  ],
  [
    'a ragged row',
    bytes(FILE.replace('JTF,2023', 'JTF,x,2023')),
    {},
    [
      'plan.csv: row 3: has 6 fields but the header has 5 (separator ","); the row is not read, so that no value lands in the wrong column',
    ],
  ],
  [
    'declared UTF-8 but Latin-1',
    Uint8Array.from([...FILE].map((c) => c.charCodeAt(0))),
    { encoding: 'utf-8' },
    [
      'plan.csv: line 2, byte offset 74: not valid UTF-8 (bytes 0xE4 0x6D 0xE4 0x2C); the file ' +
        'was declared UTF-8 but looks like Windows-1252 / ISO-8859-1 (use --encoding windows-1252, ' +
        'or leave --encoding out to detect it)',
    ],
  ],
  ['no rows', bytes(csv([HEADER])), {}, ['plan.csv: the file has no plan rows']],
];

for (const target of databaseTargets()) {
  describe(`financing plan import on ${target.name}`, () => {
    let ctx: AppContext;
    const options = (o: Partial<PlanImportOptions> = {}): PlanImportOptions => ({
      file: 'plan.csv',
      regionCode: '08',
      programme: '2022-2025',
      version: 2,
      ...o,
    });
    before(async () => {
      ctx = await openTestContext(target);
    });
    after(async () => {
      await ctx.close();
    });

    test('malformed files: exact problems, and the database is unchanged', async () => {
      const before = await snapshot(ctx.db.kysely);
      for (const [what, file, extra, expected] of MALFORMED) {
        const { message, details } = await rejection(() => importFinancingPlan(ctx.db, file, options(extra)));
        assert.deepEqual(details, expected, what);
        assert.equal(message, `plan.csv: ${expected.length} problem(s) found; nothing was written`, what);
      }
      for (const [extra, expected] of [
        [{ version: 7 }, 'version 7 of programme 2022-2025 of region 08 was not found'],
        [{ programme: '2026-2029' }, 'programme 2026-2029 of region 08 was not found'],
      ] as const) {
        await assert.rejects(
          importFinancingPlan(ctx.db, bytes(FILE), options(extra)),
          (e: unknown) => e instanceof AppError && e.code === 'not_found' && e.message === expected,
        );
      }
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('a valid plan is stored exactly; importing it again changes nothing', async () => {
      assert.deepEqual(await importFinancingPlan(ctx.db, bytes(FILE), options()), {
        lines: 4,
        added: 4,
        changed: 0,
        removed: 0,
        unchanged: 0,
      });
      const key = { regionCode: '08', programmeSlug: '2022-2025', versionNumber: 2 };
      assert.deepEqual(await listFinancingPlan(ctx.db.kysely, key), [
        { nodeKey: 'alykas-erikoistuminen-ja-tki', fund: 'ESF+', year: 2024, plannedCents: 75_000_050 },
        { nodeKey: 'innovatiivinen-kymenlaakso', fund: 'AKKE', year: 2025, plannedCents: 0 },
        { nodeKey: 'uudistuva-elinkeinoelama', fund: 'ERDF', year: 2022, plannedCents: 150_000_000 },
        { nodeKey: 'uudistuva-elinkeinoelama', fund: 'JTF', year: 2023, plannedCents: 2_500_000_000 },
      ]);
      const stored = await snapshot(ctx.db.kysely);
      assert.deepEqual(await importFinancingPlan(ctx.db, bytes(FILE), options()), {
        lines: 4,
        added: 0,
        changed: 0,
        removed: 0,
        unchanged: 4,
      });
      assert.deepEqual(await snapshot(ctx.db.kysely), stored);
      assert.deepEqual(
        await listFinancingPlan(ctx.db.kysely, { ...key, versionNumber: 1 }),
        [],
        'another version has its own plan',
      );
    });

    test('a new plan replaces the old one: added, changed and removed cells are counted', async () => {
      const next = csv([
        HEADER,
        ROWS[0]!,
        [...ROWS[1]!.slice(0, 4), '24 000 000'],
        ['kestava-kymenlaakso', '', 'ERDF', '2022', '10'],
      ]);
      assert.deepEqual(await importFinancingPlan(ctx.db, bytes(next), options()), {
        lines: 3,
        added: 1,
        changed: 1,
        removed: 2,
        unchanged: 1,
      });
      const plan = await listFinancingPlan(ctx.db.kysely, {
        regionCode: '08',
        programmeSlug: '2022-2025',
        versionNumber: 2,
      });
      assert.deepEqual(
        plan.map((l) => `${l.nodeKey} ${l.fund} ${l.year} ${l.plannedCents}`),
        [
          'kestava-kymenlaakso ERDF 2022 1000',
          'uudistuva-elinkeinoelama ERDF 2022 150000000',
          'uudistuva-elinkeinoelama JTF 2023 2400000000',
        ],
      );
    });
  });
}
