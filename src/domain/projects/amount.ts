/**
 * Reads money written the ways project lists write it — `443909`, `40196.99`, `1 234,50`,
 * `1.234,50`, `15.414.794`, `1,234.50`, `-744`, `12 000 €` — into integer euro cents, and rejects
 * what cannot be read without guessing (`1.234,5,6`, `1.23.4`, or a lone `1.234` whose separator
 * could be either kind).
 */

export type DecimalSeparator = ',' | '.';

export interface AmountOptions {
  /** The source's decimal separator; without it, the separator is worked out from the value. */
  decimalSeparator?: DecimalSeparator;
  /** 'euros' (default) or 'cents' (then the value must be a whole number). */
  unit?: 'euros' | 'cents';
}

/** Why a value is not an amount, as a code with parameters (`errors.field.<code>`; `text` is the value). */
export interface AmountReason {
  code: string;
  params: Readonly<Record<string, string>>;
}

export type AmountResult = { ok: true; cents: number } | { ok: false; error: string; reason: AmountReason };

const fail = (raw: string, code: string, reason: string, params: Record<string, string> = {}): AmountResult => ({
  ok: false,
  error: `"${raw}" is not an amount: ${reason}`,
  reason: { code: `amount_${code}`, params: { text: raw, ...params } },
});

/** Spaces that sources put between groups of thousands (plain, no-break, narrow no-break, thin) and the apostrophe. */
const GROUP_SPACE = /[ \u00a0\u202f\u2009']/;
const GROUP_SPACES = /[ \u00a0\u202f\u2009']/g;

/** True when `groups` (split at a thousands separator) are 1–3 digits and then groups of exactly 3. */
function validGroups(groups: readonly string[]): boolean {
  return groups.length > 0 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Parses `raw` (already trimmed of surrounding whitespace by the caller or not) into cents.
 * An empty value is not an amount; the caller decides whether a value is required.
 */
export function parseAmount(raw: string, options: AmountOptions = {}): AmountResult {
  const text = raw.trim();
  let s = text.replace(/^€\s*|\s*(€|EUR|eur|euroa?)$/u, '');
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '' || !/^\d/.test(s) || !/\d$/.test(s))
    return fail(text, 'not_number', 'write it as a number of euros, e.g. 1234,50');
  if (!/^[\d ., \u00a0\u202f\u2009']+$/.test(s))
    return fail(text, 'characters', 'it holds characters other than digits and separators');

  // Spaces always separate thousands.
  if (GROUP_SPACE.test(s)) {
    const beforeDecimal = s.split(/[.,]/)[0]!;
    if (!validGroups(beforeDecimal.split(GROUP_SPACE)))
      return fail(text, 'groups', 'digits between thousands separators must come in groups of three');
    s = s.replace(GROUP_SPACES, '');
  }

  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let decimal: DecimalSeparator | null = null;
  if (options.decimalSeparator) {
    decimal = options.decimalSeparator;
  } else if (commas > 0 && dots > 0) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  } else if (commas + dots === 1) {
    const sep: DecimalSeparator = commas === 1 ? ',' : '.';
    const after = s.length - s.indexOf(sep) - 1;
    if (after === 3) {
      return fail(
        text,
        'ambiguous',
        `"${sep}" followed by three digits may separate thousands or decimals (set "decimalSeparator" in the mapping)`,
        { sep },
      );
    }
    decimal = sep;
  } else if (commas + dots > 1) {
    // One kind of separator used more than once: thousands.
    decimal = commas > 0 ? '.' : ',';
  }

  let whole = s;
  let fraction = '';
  if (decimal !== null) {
    const thousands = decimal === ',' ? '.' : ',';
    const parts = s.split(decimal);
    if (parts.length > 2)
      return fail(text, 'decimal_twice', `the decimal separator "${decimal}" appears more than once`, { sep: decimal });
    whole = parts[0]!;
    fraction = parts[1] ?? '';
    if (parts.length === 2 && fraction === '')
      return fail(text, 'nothing_after', `nothing follows the decimal separator "${decimal}"`, { sep: decimal });
    if (fraction.includes(thousands))
      return fail(
        text,
        'thousands_after',
        `a thousands separator "${thousands}" follows the decimal separator "${decimal}"`,
        {
          thousands,
          sep: decimal,
        },
      );
    if (whole.includes(thousands)) {
      if (!validGroups(whole.split(thousands)))
        return fail(text, 'groups', 'digits between thousands separators must come in groups of three');
      whole = whole.split(thousands).join('');
    }
  }
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction))
    return fail(text, 'not_number', 'write it as a number of euros, e.g. 1234,50');

  let cents: number;
  if (options.unit === 'cents') {
    if (fraction !== '') return fail(text, 'cents_whole', 'an amount in cents must be a whole number');
    cents = Number(whole);
  } else {
    if (fraction.length > 2) return fail(text, 'decimals', 'more than two decimals (amounts are in euros and cents)');
    cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  }
  if (!Number.isSafeInteger(cents)) return fail(text, 'too_large', 'too large');
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/** Euros as a plain decimal string with two decimals (`1234.50`), for CSV export and messages. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
