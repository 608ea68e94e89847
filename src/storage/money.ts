/** Money columns (euro cents as 64-bit integers) read back the same way on both databases. */

/** A money column read back: a number on SQLite, a string on PostgreSQL (bigint). */
export function moneyFromDb(value: number | string | bigint): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`money value ${String(value)} is not a safe integer`);
  return n;
}
