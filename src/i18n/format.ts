/** Number and date formatting per locale (fi-FI, sv-FI, en-GB) with the Intl API. */
import type { Lang } from '#src/domain/languages.ts';

export const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  fi: new Intl.NumberFormat(LOCALES.fi),
  sv: new Intl.NumberFormat(LOCALES.sv),
  en: new Intl.NumberFormat(LOCALES.en),
};

/** Finnish and Swedish pages write dates as 19.12.2022, English ones as 19 December 2022. */
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fi: new Intl.DateTimeFormat(LOCALES.fi, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  sv: new Intl.DateTimeFormat(LOCALES.sv, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Date and time in Finnish time (Europe/Helsinki): 30.9.2021 klo 15.00, 30.9.2021 kl. 15.00, 30 September 2021, 15:00. */
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  fi: new Intl.DateTimeFormat(LOCALES.fi, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
  sv: new Intl.DateTimeFormat(LOCALES.sv, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
};

/** Formats an instant (ISO 8601) as a date and time in Finnish time for `lang`. */
export function formatDateTime(instant: string, lang: Lang): string {
  return dateTimeFormats[lang].format(new Date(instant));
}

/** Formats a number for `lang` (Finnish and Swedish group digits with a no-break space). */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

/** Formats `value` for `lang` with exactly `digits` decimals (fi `0,85`, en `0.85`). */
export function formatDecimal(value: number, lang: Lang, digits: number): string {
  const key = `${lang}:${digits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimalFormats.set(key, format);
  }
  return format.format(value);
}

/** Formatted dates, remembered: Intl formatting costs microseconds, and a list of projects repeats its dates. */
const formattedDates: Record<Lang, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };
const MAX_REMEMBERED_DATES = 20_000;

/** Formats an ISO date `YYYY-MM-DD` for `lang`; an unparsable value is returned unchanged. */
export function formatDate(isoDate: string, lang: Lang): string {
  const memo = formattedDates[lang];
  let text = memo.get(isoDate);
  if (text === undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    text = date === null || Number.isNaN(date.getTime()) ? isoDate : dateFormats[lang].format(date);
    if (memo.size >= MAX_REMEMBERED_DATES) memo.clear();
    memo.set(isoDate, text);
  }
  return text;
}

/** A programme period such as `2022–2025` (with an en dash). */
export function formatPeriod(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}
