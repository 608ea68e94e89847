/**
 * Figures of the indicator pages of the admin as text: an exact decimal (stored as written, e.g.
 * `58443598209`, `70.3`) in the locale's digits (fi `58 443 598 209`, `70,3`) without a binary
 * float round-trip, and an observation's value or status.
 */
import type { Lang } from '#src/domain/languages.ts';
import { formatDate, LOCALES } from '#src/i18n/format.ts';

const integerFormats = new Map<Lang, Intl.NumberFormat>();

/** `value` (a decimal such as `-1234.50`) in the digits of `lang`; other text is returned unchanged. */
export function exactDecimal(value: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  let format = integerFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { useGrouping: true });
    integerFormats.set(lang, format);
  }
  const int = format.format(BigInt(m[2]!));
  const sep = lang === 'en' ? '.' : ',';
  return `${m[1] ? '−' : ''}${int}${m[3] ? `${sep}${m[3]}` : ''}`;
}

/** A cell of a diff or a list: the value with its status flag, `–` when there is neither. */
export function cellText(cell: { value: string | null; status: string | null } | null, lang: Lang): string {
  if (cell === null) return '–';
  const v = cell.value === null ? '' : exactDecimal(cell.value, lang);
  const s = cell.status === null || cell.status === '' ? '' : `(${cell.status})`;
  return [v, s].filter((x) => x !== '').join(' ') || '–';
}

/** A timestamp or date as a date of `lang` (`2023-12-21T06:00:00Z` → fi `21.12.2023`), `–` for none. */
export function dateText(at: string | null, lang: Lang): string {
  return at === null ? '–' : formatDate(at.slice(0, 10), lang);
}
