/**
 * Exact decimal text of a number literal, without a binary float in between.
 *
 * A literal without an exponent is kept exactly as written (`58443598209`, `12.30`, `-0.5`). One with an
 * exponent (`1e3`, `1.25E-2`) is rewritten as plain decimal text by moving the decimal point in the
 * digits (`1000`, `0.0125`); the digits written are all kept (`1.20e1` → `12.0`), nothing is rounded.
 * Leading zeros in front of the point are dropped (`0012` cannot occur in JSON; in CSV `007` → `7`).
 */

const LITERAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Exponents beyond this are refused (they would be thousands of zeros, not statistics). */
const MAX_EXPONENT = 400;

/** True when `s` is a decimal number literal (optional sign, digits, fraction, exponent). */
export function isDecimalLiteral(s: string): boolean {
  return LITERAL.test(s);
}

/** The plain decimal text of the literal `s`, or null when `s` is not a number literal (or absurdly scaled). */
export function plainDecimal(s: string): string | null {
  const m = LITERAL.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  const intPart = m[2]!;
  const frac = m[3] ?? '';
  if (m[4] === undefined) {
    const i = intPart.replace(/^0+(?=\d)/, '');
    return `${sign}${i}${frac ? `.${frac}` : ''}`;
  }
  const exp = Number(m[4]);
  if (Math.abs(exp) > MAX_EXPONENT) return null;
  const digits = intPart + frac;
  // The position of the decimal point within `digits` after scaling.
  const point = intPart.length + exp;
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
