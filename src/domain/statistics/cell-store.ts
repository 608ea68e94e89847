/**
 * The values and statuses of a cube as the file gives them, and the walk over its non-empty cells
 * in row-major order. A layer is dense (one entry per cell), sparse (linear index → entry; a missing
 * index is empty) or one entry for every cell (JSON-stat's one-element `value` / `status` array and
 * a `status` string).
 */
import type { StatCell } from './dataset.ts';
import { cellPositions } from './cube-index.ts';

export type CellLayer =
  | { kind: 'none' }
  | { kind: 'all'; entry: string | null }
  | { kind: 'dense'; entries: readonly (string | null)[] }
  | { kind: 'sparse'; entries: ReadonlyMap<number, string | null> };

export const NO_LAYER: CellLayer = { kind: 'none' };

function entryAt(layer: CellLayer, index: number): string | null {
  switch (layer.kind) {
    case 'none':
      return null;
    case 'all':
      return layer.entry;
    case 'dense':
      return layer.entries[index] ?? null;
    case 'sparse':
      return layer.entries.get(index) ?? null;
  }
}

/** The linear indexes worth visiting, ascending: every cell unless both layers are sparse or absent. */
function candidateIndexes(total: number, values: CellLayer, statuses: CellLayer): Iterable<number> {
  const sparseKeys = (l: CellLayer): number[] | null =>
    l.kind === 'none' ? [] : l.kind === 'sparse' ? [...l.entries.keys()] : null;
  const a = sparseKeys(values);
  const b = sparseKeys(statuses);
  if (a === null || b === null) {
    return (function* () {
      for (let i = 0; i < total; i++) yield i;
    })();
  }
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** Visits the cells with a value or a status, in row-major order. */
export function* walkCells(sizes: readonly number[], values: CellLayer, statuses: CellLayer): Iterable<StatCell> {
  let total = 1;
  for (const s of sizes) total *= s;
  for (const i of candidateIndexes(total, values, statuses)) {
    const value = entryAt(values, i);
    const status = entryAt(statuses, i);
    if (value === null && status === null) continue;
    yield { index: cellPositions(sizes, i), value, status };
  }
}
