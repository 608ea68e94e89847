/** Reads the dates project lists use — `1.3.2015`, `01.03.2015` and ISO `2015-03-01` — checking that the day exists. */

export type DateResult = { ok: true; iso: string } | { ok: false; error: string };

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The earliest and latest year accepted in a project date (a typo such as 0215 is caught). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Parses `raw` into `YYYY-MM-DD`. */
export function parseDate(raw: string): DateResult {
  const text = raw.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  let day: number;
  let month: number;
  let year: number;
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return { ok: false, error: `"${text}" is not a date (write d.m.yyyy, e.g. 1.3.2015, or yyyy-mm-dd)` };
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (year < MIN_YEAR || year > MAX_YEAR)
    return { ok: false, error: `"${text}" is not a date: the year must be between ${MIN_YEAR} and ${MAX_YEAR}` };
  if (month < 1 || month > 12) return { ok: false, error: `"${text}" is not a date: there is no month ${month}` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last)
    return { ok: false, error: `"${text}" is not a date: ${MONTHS_EN[month - 1]} ${year} has ${last} days` };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** A year such as `2024` within the accepted range, or an error. */
export function parseYear(raw: string): { ok: true; year: number } | { ok: false; error: string } {
  const text = raw.trim();
  if (!/^\d{4}$/.test(text)) return { ok: false, error: `"${text}" is not a year` };
  const year = Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return { ok: false, error: `"${text}" is not a year between ${MIN_YEAR} and ${MAX_YEAR}` };
  return { ok: true, year };
}
