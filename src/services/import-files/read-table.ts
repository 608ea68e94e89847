/**
 * Reads an import file's text as a table: CSV (`,` `;` or tab, detected from the header line;
 * quoted fields may hold line breaks) or JSON (an array of objects). Rows keep their number (the
 * header is row 1 and blank lines count, as in a spreadsheet) and their lines in the file. A row with the wrong number
 * of fields, or one a stray quote breaks, is kept as a broken row with the reason — its fields
 * are never shifted into other columns — and reading resumes on the next line.
 */
import { parse } from 'csv-parse/sync';

export interface TableRow {
  /** Row number as a spreadsheet shows it (CSV: the header is row 1), or the item number in JSON. */
  row: number;
  /** First and last line of the row in the file. */
  line: number;
  endLine: number;
  /** The row's values by header position; null when the row could not be read into the columns. */
  cells: string[] | null;
  /** Why the row could not be read (cells is null). */
  problem: string | null;
  /** The row as written in the file (for the rejects file). */
  raw: string;
}

export interface Table {
  format: 'csv' | 'json';
  delimiter: string | null;
  header: string[];
  rows: TableRow[];
  /** "row N" or "item N", as problems name a row. */
  rowLabel: 'row' | 'item';
}

/** Detects the separator from the header line: the most frequent of `,` `;` and tab outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

const show = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

/** A reader's explanation of a csv-parse error about quotes (code and line where it was noticed). */
function quoteProblem(code: string, message: string, start: number, end: number, lastLine: number): string {
  const lines = start === end ? `line ${start}` : `lines ${start}–${end}`;
  switch (code) {
    case 'CSV_INVALID_CLOSING_QUOTE': {
      const got = /got "(.*?)"/s.exec(message)?.[1];
      return `not valid CSV (${lines}): a quoted value ends and "${got ?? '?'}" follows instead of a separator — a stray quote character? The row is not read`;
    }
    case 'INVALID_OPENING_QUOTE':
      return (
        `not valid CSV (${lines}): a quote character inside an unquoted value — quote the whole ` +
        `value and double the quotes inside it; the row is not read`
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      return (
        `not valid CSV (${lines}${end === lastLine ? ', to the end of the file' : ''}): a quote ` +
        `opened in this row is never closed, so it swallows the lines after it; they are not read`
      );
    default:
      return `not valid CSV (${lines}): ${message}`;
  }
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
  record?: unknown[];
}

type FirstRecord = { record: string[]; info: { lines: number } }[];

/**
 * The header record. csv-parse reads the whole text even when asked for one record, so the first
 * 64 KB are tried first (to whole lines); when the header does not end well inside them — or they
 * do not parse — the whole text is read, so errors are the same as before.
 */
function parseHeader(text: string, delimiter: string): FirstRecord {
  const options = { delimiter, to: 1, info: true, record_delimiter: '\n' };
  const cut = text.lastIndexOf('\n', 65_536);
  if (cut > 0 && text.length > 65_536) {
    const prefix = text.slice(0, cut + 1);
    try {
      const first = parse(prefix, options) as unknown as FirstRecord;
      const prefixLines = prefix.split('\n').length - 1;
      if (first[0] && first[0].info.lines < prefixLines) return first;
    } catch {
      // read the whole text below
    }
  }
  return parse(text, options) as unknown as FirstRecord;
}

/** Reads CSV text (line endings already normalised to \n). */
export function readCsv(input: string, delimiter: string = detectDelimiter(input)): Table {
  const text = input.replace(/\r\n?/g, '\n');
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // A final newline does not start another line.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  const lastLine = starts.length;
  const lineText = (from: number, to: number): string =>
    text.slice(starts[from - 1], to < lastLine ? starts[to]! - 1 : undefined).replace(/\n$/, '');
  const isEmptyLine = (n: number): boolean => n <= lastLine && lineText(n, n) === '';

  if (text.trim() === '') return { format: 'csv', delimiter, header: [], rows: [], rowLabel: 'row' };
  let header: string[];
  let headerEnd: number;
  try {
    const first = parseHeader(text, delimiter);
    header = (first[0]?.record ?? []).map((h) => h.trim());
    headerEnd = first[0]?.info.lines ?? 1;
  } catch (error) {
    const e = error as CsvError;
    header = [];
    headerEnd = e.lines ?? 1;
    return {
      format: 'csv',
      delimiter,
      header,
      rows: [
        {
          row: 1,
          line: 1,
          endLine: headerEnd,
          cells: null,
          problem: `the header row cannot be read: ${quoteProblem(e.code ?? '', e.message, 1, headerEnd, lastLine)}`,
          raw: lineText(1, headerEnd),
        },
      ],
      rowLabel: 'row',
    };
  }
  // Each run of the parser starts with the header line, so that csv-parse checks every record against
  // the header's field count (relax_column_count: false) even after a restart behind a broken row.
  const headerText = lineText(1, headerEnd);
  const rows: TableRow[] = [];
  let rowNumber = 1;
  let segmentStart = headerEnd + 1;
  while (segmentStart <= lastLine) {
    // Line n of this run is line n + base of the file; the run's own header takes its first lines.
    const base = segmentStart - 1 - headerEnd;
    let lastEnd = segmentStart - 1;
    let seenHeader = false;
    // Blank lines are rows too, as a spreadsheet shows the file: they keep the numbering in step.
    const nextStart = (): number => {
      let s = lastEnd + 1;
      while (isEmptyLine(s)) {
        s++;
        rowNumber++;
      }
      return s;
    };
    const runText = segmentStart === headerEnd + 1 ? text : `${headerText}\n${text.slice(starts[segmentStart - 1])}`;
    try {
      parse(runText, {
        delimiter,
        record_delimiter: '\n',
        relax_column_count: false,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (error: Error | undefined) => {
          const e = error as CsvError | undefined;
          if (!e || !e.code?.startsWith('CSV_RECORD_INCONSISTENT')) throw error ?? new Error('unreadable row');
          const start = nextStart();
          const end = base + (e.lines ?? 0);
          const found = Array.isArray(e.record) ? e.record.length : Number(/got (\d+)/.exec(e.message)?.[1] ?? NaN);
          rows.push({
            row: ++rowNumber,
            line: start,
            endLine: end,
            cells: null,
            problem:
              `has ${found} fields but the header has ${header.length} (separator ${show(delimiter)}); ` +
              `the row is not read, so that no value lands in the wrong column`,
            raw: lineText(start, end),
          });
          lastEnd = end;
        },
        on_record: (record: string[]) => {
          if (!seenHeader) {
            seenHeader = true;
            return null;
          }
          const start = nextStart();
          // A record spans one line more for each line break inside its (quoted) values. Counted
          // here rather than asked of csv-parse (its `info` option costs a third of the parse).
          let end = start;
          for (const cell of record)
            for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) end++;
          lastEnd = end;
          rowNumber++;
          // Rows of nothing but empty cells (spreadsheets leave them) are not data.
          if (record.every((c) => c.trim() === '')) return null;
          rows.push({
            row: rowNumber,
            line: start,
            endLine: end,
            cells: record,
            problem: null,
            raw: lineText(start, end),
          });
          return null;
        },
      } as never);
      break;
    } catch (error) {
      const e = error as CsvError;
      const start = nextStart();
      const end = Math.max(start, Math.min(lastLine, base + (e.lines ?? 1)));
      rows.push({
        row: ++rowNumber,
        line: start,
        endLine: end,
        cells: null,
        problem: quoteProblem(e.code ?? '', e.message, start, end, lastLine),
        raw: lineText(start, end),
      });
      segmentStart = end + 1;
    }
  }
  return { format: 'csv', delimiter, header, rows, rowLabel: 'row' };
}

/**
 * Only the header of a table (trimmed), e.g. to tell which mapping fits before reading the rows;
 * empty when the header cannot be read (the import then reports why).
 */
export function readHeader(text: string, format: 'csv' | 'json', delimiter?: string): string[] {
  if (format === 'json') {
    const table = readJsonTable(text);
    return 'error' in table ? [] : table.header;
  }
  const normalised = text.replace(/\r\n?/g, '\n');
  try {
    return (parseHeader(normalised, delimiter ?? detectDelimiter(normalised))[0]?.record ?? []).map((h) => h.trim());
  } catch {
    return [];
  }
}

/** Reads a JSON array of objects; keys are the columns (in order of first appearance), lists become one value per line. */
export function readJsonTable(text: string): Table | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(data)) return { error: 'a JSON import must be an array of objects, one per project' };
  const header: string[] = [];
  const seen = new Set<string>();
  for (const item of data) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const key of Object.keys(item)) {
        if (!seen.has(key)) {
          seen.add(key);
          header.push(key);
        }
      }
    }
  }
  const rows: TableRow[] = data.map((item: unknown, i) => {
    const raw = JSON.stringify(item);
    const base = { row: i + 1, line: i + 1, endLine: i + 1, raw };
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return { ...base, cells: null, problem: 'is not an object' };
    const record = item as Record<string, unknown>;
    const bad: string[] = [];
    const cells = header.map((key) => {
      const value = record[key];
      if (value === undefined || value === null) return '';
      if (Array.isArray(value) && value.every((v) => ['string', 'number'].includes(typeof v)))
        return value.map(String).join('\n');
      if (typeof value === 'object') {
        bad.push(key);
        return '';
      }
      return String(value);
    });
    if (bad.length > 0)
      return {
        ...base,
        cells: null,
        problem: `holds an object in ${bad.map((k) => `"${k}"`).join(', ')}; values must be text, numbers or lists of them`,
      };
    return { ...base, cells, problem: null };
  });
  return { format: 'json', delimiter: null, header, rows, rowLabel: 'item' };
}
