/**
 * Property tests of JSON-stat index arithmetic (row-major: the last dimension varies fastest)
 * against a naive nested-loop walk of the cube: linear index ↔ positions, the walk over sparse,
 * dense and one-for-all values and statuses, and the same cubes written as JSON-stat text and read
 * back through readStatisticsFile (sparse `value`/`status` objects with their keys shuffled).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { walkCells, type CellLayer } from '#src/domain/statistics/cell-store.ts';
import { cellPositions, cubeCellCount, linearIndex } from '#src/domain/statistics/cube-index.ts';
import { readStatisticsFile } from '#src/domain/statistics/read-statistics.ts';

/** Every position tuple in nested-loop order (outermost loop = first dimension). */
function naiveCells(sizes: readonly number[]): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === sizes.length) {
      out.push(prefix);
      return;
    }
    for (let p = 0; p < sizes[prefix.length]!; p++) walk([...prefix, p]);
  };
  walk([]);
  return out;
}

function naiveEntry(layer: CellLayer, i: number): string | null {
  if (layer.kind === 'none') return null;
  if (layer.kind === 'all') return layer.entry;
  if (layer.kind === 'dense') return layer.entries[i] ?? null;
  return layer.entries.get(i) ?? null;
}

const sizesArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });

/** A layer of `cells` entries of the given shape; entries are codes or null. */
function layerArb(cells: number, entry: fc.Arbitrary<string | null>): fc.Arbitrary<CellLayer> {
  return fc.oneof(
    fc.constant<CellLayer>({ kind: 'none' }),
    entry.map((e): CellLayer => ({ kind: 'all', entry: e })),
    fc.array(entry, { minLength: cells, maxLength: cells }).map((entries): CellLayer => ({ kind: 'dense', entries })),
    fc
      .uniqueArray(fc.integer({ min: 0, max: cells - 1 }), { maxLength: cells })
      .chain((keys) =>
        fc
          .array(entry, { minLength: keys.length, maxLength: keys.length })
          .map((es): CellLayer => ({ kind: 'sparse', entries: new Map(keys.map((k, i) => [k, es[i]!])) })),
      ),
  );
}

const valueArb = fc.oneof(fc.constant(null), fc.integer({ min: -999, max: 99999 }).map(String));
const statusArb = fc.oneof(fc.constant(null), fc.constantFrom('..', '.', 'e', ':', '-'));

const cubeArb = sizesArb.chain((sizes) => {
  const cells = cubeCellCount(sizes);
  return fc.record({
    sizes: fc.constant(sizes),
    values: layerArb(cells, valueArb),
    statuses: layerArb(cells, statusArb),
  });
});

function expectedCells(sizes: readonly number[], values: CellLayer, statuses: CellLayer) {
  return naiveCells(sizes)
    .map((index, i) => ({ index, value: naiveEntry(values, i), status: naiveEntry(statuses, i) }))
    .filter((c) => c.value !== null || c.status !== null);
}

describe('cube index arithmetic', () => {
  test('linearIndex and cellPositions agree with the nested-loop order', () => {
    fc.assert(
      fc.property(sizesArb, (sizes) => {
        const cells = naiveCells(sizes);
        assert.equal(cubeCellCount(sizes), cells.length);
        cells.forEach((positions, i) => {
          assert.equal(linearIndex(sizes, positions), i);
          assert.deepEqual(cellPositions(sizes, i), positions);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('out-of-range positions and indexes are refused', () => {
    assert.throws(() => linearIndex([3, 2], [3, 0]), /position 3 outside dimension 0 of size 3/);
    assert.throws(() => linearIndex([3, 2], [0]), /1 positions for 2 dimensions/);
    assert.throws(() => cellPositions([3, 2], 6), /index 6 outside a cube of 6 cells/);
  });

  test('walkCells visits exactly the non-empty cells, in row-major order', () => {
    fc.assert(
      fc.property(cubeArb, ({ sizes, values, statuses }) => {
        assert.deepEqual([...walkCells(sizes, values, statuses)], expectedCells(sizes, values, statuses));
      }),
      { numRuns: 500 },
    );
  });

  test('walkCells with fixed positions visits exactly the non-empty cells of that slice, in row-major order', () => {
    const sliced = cubeArb.chain((cube) =>
      fc.record({
        cube: fc.constant(cube),
        fixed: fc.tuple(...cube.sizes.map((s) => fc.integer({ min: -1, max: s - 1 }))),
      }),
    );
    fc.assert(
      fc.property(sliced, ({ cube: { sizes, values, statuses }, fixed }) => {
        const inSlice = (index: readonly number[]): boolean => fixed.every((f, d) => f < 0 || index[d] === f);
        assert.deepEqual(
          [...walkCells(sizes, values, statuses, fixed)],
          expectedCells(sizes, values, statuses).filter((c) => inSlice(c.index)),
        );
      }),
      { numRuns: 500 },
    );
    assert.throws(() => [...walkCells([2, 3], { kind: 'none' }, { kind: 'none' }, [0])], /1 fixed positions for 2/);
    assert.throws(() => [...walkCells([2, 3], { kind: 'none' }, { kind: 'none' }, [2, -1])], /position 2 outside/);
  });

  test('a JSON-stat file with sparse value and status objects (keys shuffled) reads back as the naive walk', () => {
    const sparseCube = sizesArb.chain((sizes) => {
      const cells = cubeCellCount(sizes);
      const sparse = (entry: fc.Arbitrary<string | null>) =>
        layerArb(cells, entry).filter((l) => l.kind === 'sparse') as fc.Arbitrary<
          Extract<CellLayer, { kind: 'sparse' }>
        >;
      return fc.record({
        sizes: fc.constant(sizes),
        values: sparse(valueArb),
        statuses: sparse(statusArb),
        seed: fc.integer(),
      });
    });
    fc.assert(
      fc.property(sparseCube, ({ sizes, values, statuses, seed }) => {
        const shuffled = (m: ReadonlyMap<number, string | null>, valueAsNumber: boolean): string => {
          const keys = [...m.keys()].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
          const entry = (v: string | null) => (v === null ? 'null' : valueAsNumber ? v : JSON.stringify(v));
          return `{${keys.map((k) => `"${k}": ${entry(m.get(k)!)}`).join(', ')}}`;
        };
        const ids = sizes.map((_, i) => `d${i}`);
        const dimension = Object.fromEntries(
          ids.map((id, i) => [id, { category: { index: Array.from({ length: sizes[i]! }, (_, k) => `c${k}`) } }]),
        );
        const text =
          `{"version":"2.0","class":"dataset","id":${JSON.stringify(ids)},"size":${JSON.stringify(sizes)},` +
          `"dimension":${JSON.stringify(dimension)},"value":${shuffled(values.entries, true)},` +
          `"status":${shuffled(statuses.entries, false)}}`;
        const [ds] = readStatisticsFile(text, 'generated.json');
        assert.deepEqual([...ds!.cells()], expectedCells(sizes, values, statuses));
      }),
      { numRuns: 300 },
    );
  });
});
