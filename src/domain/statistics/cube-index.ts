/**
 * JSON-stat index arithmetic: a cube of dimensions with `sizes` is stored row-major ("what does not
 * change, first"): the last dimension varies fastest. For sizes [3,2,4] the cell (a,b,c) sits at
 * linear index a·8 + b·4 + c.
 */

/** Cells in a cube of `sizes` (1 for no dimensions). */
export function cubeCellCount(sizes: readonly number[]): number {
  let n = 1;
  for (const s of sizes) n *= s;
  return n;
}

/** The linear index of the cell at `positions` (one per dimension, each within its size). */
export function linearIndex(sizes: readonly number[], positions: readonly number[]): number {
  if (positions.length !== sizes.length)
    throw new RangeError(`${positions.length} positions for ${sizes.length} dimensions`);
  let index = 0;
  for (let i = 0; i < sizes.length; i++) {
    const p = positions[i]!;
    if (!Number.isInteger(p) || p < 0 || p >= sizes[i]!)
      throw new RangeError(`position ${p} outside dimension ${i} of size ${sizes[i]}`);
    index = index * sizes[i]! + p;
  }
  return index;
}

/** The positions (one per dimension) of the cell at linear `index`. */
export function cellPositions(sizes: readonly number[], index: number): number[] {
  const total = cubeCellCount(sizes);
  if (!Number.isInteger(index) || index < 0 || index >= total)
    throw new RangeError(`index ${index} outside a cube of ${total} cells`);
  const positions = new Array<number>(sizes.length);
  let rest = index;
  for (let i = sizes.length - 1; i >= 0; i--) {
    const s = sizes[i]!;
    positions[i] = rest % s;
    rest = Math.floor(rest / s);
  }
  return positions;
}
