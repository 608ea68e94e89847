/**
 * THE CSV writer of Suunta: every CSV file or response the app makes goes through `toCsv` (eslint
 * forbids importing csv-stringify anywhere else). RFC 4180 with CRLF line ends, UTF-8 with a byte
 * order mark (so spreadsheet programs read Finnish letters correctly), and every cell neutralised
 * against spreadsheet formula injection.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK("https://evil.example")`,
 * `+cmd|' /C calc'!A0`). Such a cell is written with a leading apostrophe inside a quoted field
 * (`"'=HYPERLINK(""https://evil.example"")"`), which Excel and LibreOffice show as text.
 *
 * Plain numbers are left as they are: a cell that is wholly a decimal number (`-1250.50`, `+3`,
 * `-0,5`) cannot be a formula, and prefixing it would turn every negative amount into text. Only
 * an optional sign, digits and at most one decimal point or comma count as a plain number; `-2+3`,
 * `-1e5` or `-1 250` are not and get the apostrophe. A JavaScript number passed as a cell is
 * always written as is.
 */
import { stringify } from 'csv-stringify/sync';

/** What a cell may hold: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** The characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell that is wholly a decimal number (see the module comment). */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

const BOM = '\uFEFF';

/** The cell as written: numbers and safe text as is, text a spreadsheet would run prefixed with `'`. */
export function safeCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** True when the cell as written (by `safeCell`) is one a spreadsheet would run as a formula. */
export function isFormulaCell(written: string): boolean {
  return FORMULA_START.test(written) && !PLAIN_NUMBER.test(written);
}

export interface CsvOptions {
  /** Start with a byte order mark (default true). */
  bom?: boolean;
}

/** The header row and the rows as CSV text: every cell through `safeCell`, neutralised cells quoted. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const records: string[][] = [header.map(safeCell)];
  for (const row of rows) records.push(row.map(safeCell));
  const text = stringify(records, { record_delimiter: 'windows', quoted_match: /^'/ });
  return (options.bom ?? true) ? BOM + text : text;
}
