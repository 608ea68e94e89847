/**
 * The rules of an annual report's year, pure: which figures, targets, versions and projects belong
 * to the report of `year` made "as of" a day, and the money of a year by fund.
 */
import type { Observation, StoredTarget } from '../indicators/indicator.ts';
import { FUND_CODES } from '../projects/funds.ts';

/** The first year a report can be made for, and the last (a sanity bound, not a policy). */
export const REPORT_YEARS = { min: 1990, max: 2100 } as const;

/** The end of a report's "as of" day as an ISO instant bound: everything stamped before it counts. */
export function asOfBound(asOf: string | null): string | null {
  return asOf === null ? null : `${asOf}T23:59:59.999Z`;
}

/** Whether the observation belongs to the report of `year` made as of `asOf`: its period is not later than the year, and it was retrieved by then. */
export function observationInReport(o: Observation, year: number, asOf: string | null): boolean {
  const bound = asOfBound(asOf);
  return Number(o.period.slice(0, 4)) <= year && (bound === null || o.retrievedAt <= bound);
}

/** The targets in force at `asOf` (all current ones without a day). */
export function targetsInForce(history: readonly StoredTarget[], asOf: string | null): StoredTarget[] {
  const bound = asOfBound(asOf);
  if (bound === null) return history.filter((t) => t.supersededAt === null);
  return history.filter((t) => t.setAt <= bound && (t.supersededAt === null || t.supersededAt > bound));
}

/** The day a report's year ends, or the "as of" day when it is earlier. */
export function reportCutoff(year: number, asOf: string | null): string {
  const end = `${year}-12-31`;
  return asOf !== null && asOf < end ? asOf : end;
}

/** Whether an ISO date falls in `year`. */
export function inYear(date: string | null, year: number): boolean {
  return date !== null && Number(date.slice(0, 4)) === year;
}

export interface FundMoney {
  fund: string;
  cents: number;
}

/** Money of `kind` belonging to `year`, summed by fund in the order of the fund list (funds without money left out). */
export function moneyOfYear(
  lines: Iterable<{ fund: string; kind: string; cents: number; year: number | null }>,
  kind: string,
  year: number,
): FundMoney[] {
  const sums = new Map<string, number>();
  for (const l of lines) if (l.kind === kind && l.year === year) sums.set(l.fund, (sums.get(l.fund) ?? 0) + l.cents);
  const order = (f: string): number => {
    const i = (FUND_CODES as readonly string[]).indexOf(f);
    return i < 0 ? FUND_CODES.length : i;
  };
  return [...sums.entries()]
    .filter(([, cents]) => cents !== 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([fund, cents]) => ({ fund, cents }));
}

export const totalCents = (list: readonly FundMoney[]): number => list.reduce((a, m) => a + m.cents, 0);
