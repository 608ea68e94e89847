/**
 * The `updated` of a statistics file as an ISO 8601 UTC timestamp (`2022-12-21T06:00:00Z`), read
 * leniently; anything it cannot read is null, never an error (a file is not refused for its date).
 *
 * Read: ISO dates and date-times, with `.` instead of `:` in the time (`2022-12-21T06.00.00Z`, old
 * PxWeb), spaces after the colons (`05: 52: 00`), a space instead of `T`, fractions of seconds, `Z`
 * or an offset (`+01:00`, converted to UTC); `dd/mm/yyyy hh:mm:ss` (ONS) and `dd.mm.yyyy` (day first:
 * the files that write it so are European); a number, or a string of 12–13 digits, as epoch
 * milliseconds (Eurostat's old `lastUpdateDate`). A date without a time is midnight UTC; a time
 * without a zone is taken as UTC.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, zone?: string): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null; // 31 February
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }
  return fromEpoch(t - offsetMinutes * 60_000);
}

function fromEpoch(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** `raw` (a string or epoch-milliseconds number) as an ISO UTC timestamp, or null. */
export function parseUpdated(raw: unknown): string | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 ? fromEpoch(raw) : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/([:.])\s+(?=\d)/g, '$1');
  if (/^\d{12,13}$/.test(text)) return fromEpoch(Number(text));
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    return build(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms, zone);
  }
  const dm = DAY_FIRST.exec(text);
  if (dm) {
    const [, d, mo, y, h, mi, s] = dm;
    return build(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  }
  return null;
}
