/** What the repositories of editable rows share: the time of a change and the outcome of a conditional write. */

export const now = (): string => new Date().toISOString();

/** True when an `UPDATE … WHERE revision = ?` changed a row (false: the row changed or is gone). */
export const updated = (r: { numUpdatedRows: bigint } | undefined): boolean => (r?.numUpdatedRows ?? 0n) > 0n;

/** True when a `DELETE … WHERE revision = ?` removed a row. */
export const deleted = (r: { numDeletedRows: bigint } | undefined): boolean => (r?.numDeletedRows ?? 0n) > 0n;
