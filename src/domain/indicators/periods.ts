/**
 * Statistical periods as Suunta writes them: a year `2024`, a quarter `2024Q3`, a month `2024M07`.
 * Offices write quarters as `2024K3` (Finnish, Norwegian), `2024Q3`, `2024-Q3`; months as
 * `2024M07`, `2024M7`, `2024-07`.
 */

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})[-\s]?[QK]([1-4])$/i;
const MONTH = /^(\d{4})(?:M|-)(\d{1,2})$/i;

/** The period in Suunta's form, or null when the text is not a year, quarter or month. */
export function normalisePeriod(text: string): string | null {
  const t = text.trim();
  if (YEAR.test(t)) return t;
  const q = QUARTER.exec(t);
  if (q) return `${q[1]}Q${q[2]}`;
  const m = MONTH.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return `${m[1]}M${String(month).padStart(2, '0')}`;
  }
  return null;
}

/** The period as a fractional year at its middle: `2024` → 2024.5, `2024Q1` → 2024.125, `2024M01` → 2024.042. */
export function periodMidYear(period: string): number {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return year + 0.5;
  if (period[4] === 'Q') return year + (Number(period.slice(5)) - 0.5) / 4;
  return year + (Number(period.slice(5)) - 0.5) / 12;
}

/** Orders periods in time (a year before its quarters' ends, all of the same kind in practice). */
export function comparePeriods(a: string, b: string): number {
  return periodMidYear(a) - periodMidYear(b) || a.localeCompare(b);
}
