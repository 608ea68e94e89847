/**
 * Cutting a saved query under the cell limit: the real table metadata read and wildcards resolved
 * against it, exact cuts of the real tables, and a property test against a naive cell product.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '#src/domain/errors.ts';
import {
  cellCount,
  halveQuery,
  readTableMetadata,
  resolveQuery,
  splitQuery,
  type TableMetadata,
} from '#src/domain/indicators/query-split.ts';
import type { QuerySelection, SavedQuery } from '#src/domain/indicators/saved-query.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../support/real-data.ts';

const PXWEB = join(DATA_DIR, 'pxweb');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(PXWEB, file), 'utf8'));

const query = (selections: QuerySelection[], api: SavedQuery['api'] = 'pxweb-v1'): SavedQuery => ({
  api,
  baseUrl: 'https://x.example/api/v1/fi/db/',
  table: 't.px',
  language: 'fi',
  selections,
  format: 'json-stat2',
});
const all = (variable: string, ...patterns: string[]): QuerySelection => ({
  variable,
  filter: 'all',
  values: patterns.length ? patterns : ['*'],
});
const sizes = (parts: SavedQuery[]): number[][] => parts.map((p) => p.selections.map((s) => s.values.length));

describe('table metadata', () => {
  test(
    'PxWeb v1 metadata (StatFin velk) and PxWebApi 2 JSON-stat metadata (SCB TAB6471) read with their time variable',
    REAL_DATA,
    () => {
      requireData();
      const velk = readTableMetadata(readJson('statfin/statfin-velk-metadata-fi.json'), 'velk');
      assert.deepEqual(
        velk.variables.map((v) => [v.code, v.values.length, v.time]),
        [
          ['Vuosi', 20, true],
          ['Tiedot', 6, false],
          ['Maakunta', 20, false],
          ['Viitehenkilön ikä', 8, false],
          ['Asuntokunnat', 10, false],
        ],
      );
      const tab = readTableMetadata(readJson('pxwebapi-v2-scb/TAB6471-metadata-jsonstat2.json'), 'TAB6471');
      assert.deepEqual(
        tab.variables.map((v) => [v.code, v.values.length, v.time]),
        [
          ['Region', 312, false],
          ['Alder', 134, false],
          ['Kon', 3, false],
          ['ContentsCode', 1, false],
          ['Tid', 16, true],
        ],
      );
    },
  );

  test('an answer that is no metadata is refused', () => {
    assert.throws(
      () => readTableMetadata({ variables: [{ code: 'Vuosi', values: ['1'], valueTexts: [] }] }, 'the metadata at u'),
      (error: AppError) =>
        error.message === 'the metadata at u: 1 problem(s) found; nothing was written' &&
        error.details[0] === 'variables[0].valueTexts: has 0 texts for 1 values',
    );
    assert.throws(
      () => readTableMetadata({ id: ['a', 'b'], size: [1], dimension: {} }, 'm'),
      (error: AppError) => error.details[0] === 'size: has 1 entries for 2 ids',
    );
    assert.throws(
      () => readTableMetadata('<html>', 'm'),
      (error: AppError) => error.details[0]?.startsWith('(the answer): is neither PxWeb v1 table metadata') === true,
    );
  });
});

describe('resolving against the table', () => {
  test('wildcards, top and items on the real SCB v1 metadata', REAL_DATA, () => {
    requireData();
    const meta = readTableMetadata(readJson('other-nsi/pxweb-v1-table-metadata-response_table_variables.json'), 'scb');
    const resolved = resolveQuery(
      query([
        all('Region', '01*'),
        all('ContentsCode'),
        { variable: 'Tid', filter: 'top', values: ['4'] },
        { variable: 'Kon', filter: 'item', values: ['1+2'] },
      ]),
      meta,
    );
    const [region, contents, tid, kon] = resolved.selections;
    assert.equal(region?.values.length, 27);
    assert.deepEqual(region?.values.slice(0, 3), ['01', '0114', '0115']);
    assert.deepEqual(contents, {
      variable: 'ContentsCode',
      filter: 'item',
      values: ['HE0110J7', 'HE0110J8', 'HE0110J0', 'HE0110J9'],
    });
    assert.deepEqual(tid, { variable: 'Tid', filter: 'item', values: ['2019', '2020', '2021', '2022'] });
    assert.deepEqual(kon, { variable: 'Kon', filter: 'item', values: ['1+2'] });
    assert.equal(cellCount(resolved), 27 * 4 * 4);
  });

  test('unknown variables and values, wildcards that match nothing, and all/top without metadata are refused', () => {
    const meta: TableMetadata = { title: null, variables: [{ code: 'Vuosi', values: ['2020', '2021'], time: true }] };
    const message = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'bad_request');
        return error.message;
      }
      assert.fail('accepted');
    };
    assert.equal(
      message(() => resolveQuery(query([all('Alue')]), meta)),
      'table t.px: has no variable "Alue" (it has "Vuosi")',
    );
    assert.equal(
      message(() =>
        resolveQuery(query([{ variable: 'Vuosi', filter: 'item', values: ['2020', '1999', '2030'] }]), meta),
      ),
      'table t.px: variable "Vuosi" has no value "1999", "2030"',
    );
    assert.equal(
      message(() => resolveQuery(query([all('Vuosi', '19*')]), meta)),
      'table t.px: variable "Vuosi": "19*" match no value',
    );
    assert.equal(
      message(() => resolveQuery(query([all('Vuosi')]), null)),
      'table t.px: variable "Vuosi" uses filter "all", which needs the table\'s metadata',
    );
  });
});

describe('splitting the real tables', () => {
  test('StatFin velk, everything (192 000 cells): cut along the year', REAL_DATA, () => {
    requireData();
    const meta = readTableMetadata(readJson('statfin/statfin-velk-metadata-fi.json'), 'velk');
    const everything = query(meta.variables.map((v) => all(v.code)));
    assert.deepEqual(sizes(splitQuery(everything, meta, 120_000)), [
      [10, 6, 20, 8, 10],
      [10, 6, 20, 8, 10],
    ]);
    assert.deepEqual(
      sizes(splitQuery(everything, meta, 10_000)),
      Array.from({ length: 20 }, () => [1, 6, 20, 8, 10]),
    );
    const years = splitQuery(everything, meta, 50_000).map((p) => p.selections[0]?.values);
    assert.deepEqual(years, [
      ['2002', '2003', '2004', '2005', '2006'],
      ['2007', '2008', '2009', '2010', '2011'],
      ['2012', '2013', '2014', '2015', '2016'],
      ['2017', '2018', '2019', '2020', '2021'],
    ]);
    // Under 9 600 cells a year is too many: per year, then along the largest remaining variable.
    const small = splitQuery(everything, meta, 5_000);
    assert.equal(small.length, 40);
    assert.ok(small.every((p) => cellCount(p) <= 5_000 && p.selections[0]?.values.length === 1));
  });

  test('SCB TAB6471 in full (2 006 784 cells) under its maxDataCells 150 000: one call per month', REAL_DATA, () => {
    requireData();
    const meta = readTableMetadata(readJson('pxwebapi-v2-scb/TAB6471-metadata-jsonstat2.json'), 'TAB6471');
    const parts = splitQuery(
      query(
        meta.variables.map((v) => all(v.code)),
        'pxwebapi-2',
      ),
      meta,
      150_000,
    );
    assert.equal(parts.length, 16);
    assert.ok(parts.every((p) => cellCount(p) === 312 * 134 * 3));
  });

  test('a query that fits is one part; a limit below one cell of an unsplittable query is refused', () => {
    const q = query([{ variable: 'A', filter: 'item', values: ['1', '2'] }]);
    assert.deepEqual(splitQuery(q, null, 2), [q]);
    assert.throws(() => splitQuery(q, null, 0), /the cell limit must be a positive whole number \(got 0\)/);
    const agg = query([{ variable: 'A', filter: 'agg:X', values: ['1'] }]);
    assert.deepEqual(splitQuery(agg, null, 1), [agg]);
  });
});

/** A table and a query on it, generated. */
interface Case {
  meta: TableMetadata;
  query: SavedQuery;
  /** The cells the query asks for, computed naively (each a tuple of codes in selection order). */
  cells: string[];
  maxCells: number;
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    counts: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }),
    timeAt: fc.integer({ min: -1, max: 4 }),
    choices: fc.array(
      fc.record({
        kind: fc.constantFrom('omit', 'item', 'all', 'prefix', 'top'),
        pick: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        n: fc.integer({ min: 1, max: 15 }),
      }),
      { minLength: 5, maxLength: 5 },
    ),
    maxCells: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ counts, timeAt, choices, maxCells }) => {
    const variables = counts.map((count, i) => ({
      code: `V${i}`,
      values: Array.from({ length: count }, (_, j) => `v${i}_${j}`),
      time: i === timeAt,
    }));
    const selections: QuerySelection[] = [];
    const naive: string[][] = [];
    variables.forEach((v, i) => {
      const choice = choices[i];
      if (!choice || choice.kind === 'omit') return;
      if (choice.kind === 'item') {
        const picked = v.values.filter((_, j) => choice.pick[j]);
        const values = picked.length > 0 ? picked : [v.values[0] as string];
        selections.push({ variable: v.code, filter: 'item', values });
        naive.push(values);
      } else if (choice.kind === 'all') {
        selections.push(all(v.code));
        naive.push(v.values);
      } else if (choice.kind === 'prefix') {
        // `v0_1*` selects v0_1 and v0_10, v0_11…
        selections.push(all(v.code, `v${i}_1*`));
        naive.push(v.values.filter((value) => value.startsWith(`v${i}_1`)));
      } else {
        selections.push({ variable: v.code, filter: 'top', values: [String(choice.n)] });
        naive.push(v.time ? v.values.slice(-choice.n) : v.values.slice(0, choice.n));
      }
    });
    if (selections.length === 0) {
      const v = variables[0] as TableMetadata['variables'][number];
      selections.push(all(v.code));
      naive.push(v.values);
    }
    return { meta: { title: null, variables }, query: query(selections), cells: product(naive), maxCells };
  })
  .filter((c) => c.cells.length > 0);

function product(lists: readonly (readonly string[])[]): string[] {
  return lists.reduce<string[]>(
    (acc, list) => acc.flatMap((prefix) => list.map((v) => (prefix ? `${prefix}|${v}` : v))),
    [''],
  );
}

const cellsOf = (q: SavedQuery): string[] => product(q.selections.map((s) => s.values));

describe('splitting, property-tested', () => {
  test('the parts ask for exactly the original cells, each once, each part under the limit', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ meta, query: q, cells, maxCells }) => {
        const parts = splitQuery(q, meta, maxCells);
        for (const part of parts)
          assert.ok(cellCount(part) <= maxCells, `a part of ${cellCount(part)} cells > ${maxCells}`);
        const asked = parts.flatMap(cellsOf);
        assert.equal(asked.length, cells.length, 'no cell asked for twice');
        assert.deepEqual(new Set(asked), new Set(cells));
        if (cells.length <= maxCells) assert.equal(parts.length, 1);
      }),
      { numRuns: 400 },
    );
  });

  test('halving cuts the largest selection in two and keeps every cell', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ meta, query: q }) => {
        const resolved = resolveQuery(q, meta);
        const halves = halveQuery(resolved);
        if (resolved.selections.every((s) => s.values.length === 1)) {
          assert.equal(halves, null);
          return;
        }
        assert.ok(halves);
        const [a, b] = halves;
        assert.ok(cellCount(a) < cellCount(resolved) && cellCount(b) < cellCount(resolved));
        assert.deepEqual([...cellsOf(a), ...cellsOf(b)].sort(), cellsOf(resolved).sort());
      }),
      { numRuns: 300 },
    );
  });
});
