/**
 * When a source's next release is due: its `updated` time moved on by the source's update
 * frequency (a year, a quarter, a month), in UTC calendar arithmetic; a day that does not exist in
 * the month reached is clamped to the month's last day (31 January + 1 month → 28/29 February).
 * `irregular` and unknown frequencies have no due date. Pure.
 */

const MONTHS: Readonly<Record<string, number>> = { annual: 12, quarterly: 3, monthly: 1 };

/** A Date from an ISO date (`2024-03-15`, as UTC midnight) or timestamp (`2024-03-15T08:00:00Z`); else an error naming `what`. */
function parseUpdated(updated: string | Date, what = 'updated'): Date {
  if (updated instanceof Date) {
    if (Number.isNaN(updated.getTime())) throw new Error(`${what}: invalid date`);
    return updated;
  }
  const text = updated.trim();
  // A date alone is UTC midnight; a timestamp without a zone is read as UTC too (never the machine's zone).
  const zoned = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? `${text}Z`
      : text;
  const date = new Date(zoned);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime()))
    throw new Error(`${what} "${updated}": not an ISO 8601 date or timestamp`);
  return date;
}

/** `date` plus `months` calendar months in UTC, the day clamped to the last day of the month reached. */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return out;
}

/**
 * The due time of the next release as an ISO timestamp (`2025-03-15T08:00:00.000Z`), or null when the
 * frequency is `irregular`, unknown or missing, or `updated` is missing.
 */
export function releaseDue(
  frequency: string | null | undefined,
  updated: string | Date | null | undefined,
): string | null {
  const months = frequency ? MONTHS[frequency] : undefined;
  if (months === undefined || updated === null || updated === undefined) return null;
  return addMonthsUtc(parseUpdated(updated), months).toISOString();
}

/** True when a due time has passed at `now` (false when there is no due date). */
export function isOverdue(due: string | Date | null | undefined, now: Date | string): boolean {
  if (due === null || due === undefined) return false;
  return parseUpdated(now, 'now').getTime() > parseUpdated(due, 'due').getTime();
}
