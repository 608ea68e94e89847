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

/** The linear indexes of the sparse entries (both layers), or null when a layer has an entry for every cell. */
function sparseIndexes(values: CellLayer, statuses: CellLayer): number[] | null {
  const keys = (l: CellLayer): Iterable<number> | null =>
    l.kind === 'none' ? [] : l.kind === 'sparse' ? l.entries.keys() : null;
  const a = keys(values);
  const b = keys(statuses);
  if (a === null || b === null) return null;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/**
 * Visits the cells with a value or a status, in row-major order. With `fixed` (one entry per
 * dimension: a category position, or -1 for a free dimension) only the cells of that slice.
 */
export function* walkCells(
  sizes: readonly number[],
  values: CellLayer,
  statuses: CellLayer,
  fixed?: readonly number[],
): Iterable<StatCell> {
  const n = sizes.length;
  if (fixed !== undefined && fixed.length !== n)
    throw new RangeError(`${fixed.length} fixed positions for ${n} dimensions`);
  let total = 1;
  let slice = 1;
  for (let d = 0; d < n; d++) {
    total *= sizes[d]!;
    const f = fixed?.[d] ?? -1;
    if (f >= sizes[d]!) throw new RangeError(`position ${f} outside dimension ${d} of size ${sizes[d]}`);
    slice *= f >= 0 ? 1 : sizes[d]!;
  }
  if (total === 0) return;
  const inSlice = (positions: readonly number[]): boolean => {
    if (fixed === undefined) return true;
    for (let d = 0; d < n; d++) if (fixed[d]! >= 0 && positions[d] !== fixed[d]) return false;
    return true;
  };
  // Few sparse entries: visit them (ascending) rather than every cell of the slice.
  const sparse = sparseIndexes(values, statuses);
  if (sparse !== null && sparse.length < slice) {
    for (const i of sparse) {
      const value = entryAt(values, i);
      const status = entryAt(statuses, i);
      if (value === null && status === null) continue;
      const index = cellPositions(sizes, i);
      if (inSlice(index)) yield { index, value, status };
    }
    return;
  }
  // Every cell of the slice in row-major order: an odometer over the free dimensions (the last
  // fastest), the linear index kept alongside.
  const positions = sizes.map((_s, d) => Math.max(fixed?.[d] ?? -1, 0));
  const strides = new Array<number>(n);
  let stride = 1;
  for (let d = n - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= sizes[d]!;
  }
  let linear = 0;
  for (let d = 0; d < n; d++) linear += positions[d]! * strides[d]!;
  for (;;) {
    const value = entryAt(values, linear);
    const status = entryAt(statuses, linear);
    if (value !== null || status !== null) yield { index: positions.slice(), value, status };
    let d = n - 1;
    for (; d >= 0; d--) {
      if ((fixed?.[d] ?? -1) >= 0) continue;
      if (positions[d]! + 1 < sizes[d]!) {
        positions[d] = positions[d]! + 1;
        linear += strides[d]!;
        break;
      }
      linear -= positions[d]! * strides[d]!;
      positions[d] = 0;
    }
    if (d < 0) return;
  }
}
