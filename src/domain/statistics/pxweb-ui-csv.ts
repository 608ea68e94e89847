/**
 * The CSV the PxWeb web UI saves ("Comma delimited with heading"): a quoted title line
 * (`"128c -- Income … 1995-2023"`), an empty line, a header, then one row per combination of the
 * leading columns. The header's trailing columns are time periods (`2020`, `2020M01`, `2020Q1`,
 * `2022K1`): the table is pivoted, so those columns become one time dimension. The UI writes labels,
 * not codes, so a category's code is its label. Numbers are unquoted; a symbol such as `..` or `-`
 * is an empty cell with that status; an empty field is an empty cell. Errors name the line.
 */
import { parse } from 'csv-parse/sync';
import { walkCells } from './cell-store.ts';
import { cubeCellCount, linearIndex } from './cube-index.ts';
import { StatisticsFileError, type StatDataset, type StatDimension } from './dataset.ts';
import { plainDecimal } from './decimal-text.ts';
import { guessDimensionRole } from './dimension-roles.ts';

const PERIOD = /^\d{4}(?:[MQKHW]\d{1,2})?$/;
/** Status symbols PxWeb writes in place of a number. */
const SYMBOL = /^(?:\.{1,3}|-|:|x|…)$/;

interface Row {
  record: string[];
  info: { lines: number };
}

/** True when `text` looks like the UI's CSV export: a one-field title line, then a header with a period column. */
export function looksLikePxWebCsv(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 4);
  return /^".*"$/.test(lines[0]?.trim() ?? '') && (lines[1]?.trim() ?? '') === '' && /,"?\d{4}/.test(lines[2] ?? '');
}

export function readPxWebCsv(text: string, file: string, fileLanguage: string | null): StatDataset {
  const fail = (line: number, reason: string): never => {
    throw new StatisticsFileError(file, `line ${line}`, reason);
  };
  let rows: Row[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as Row[];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return fail(e.lines ?? 1, `malformed CSV: ${e.message}`);
  }
  let at = 0;
  let title: string | null = null;
  if (rows[0] && rows[0].record.length === 1) {
    title = rows[0].record[0]!.trim();
    at = 1;
  }
  const header = rows[at];
  if (!header) return fail(1, 'no header line');
  const names = header.record.map((h) => h.trim());
  const firstPeriod = names.findIndex((h, i) => names.slice(i).every((n) => PERIOD.test(n)));
  if (firstPeriod <= 0)
    fail(
      header.info.lines,
      'the header has no time-period columns at its end (e.g. "2020","2021") after the dimension columns',
    );
  const keyNames = names.slice(0, firstPeriod);
  const periods = names.slice(firstPeriod);

  const codes = keyNames.map(() => new Map<string, number>());
  const data = rows.slice(at + 1).map((row) => {
    if (row.record.length !== names.length)
      fail(row.info.lines, `${row.record.length} fields but the header has ${names.length}`);
    const key = row.record.slice(0, firstPeriod).map((k) => k.trim());
    key.forEach((k, i) => codes[i]!.has(k) || codes[i]!.set(k, codes[i]!.size));
    return { key, cells: row.record.slice(firstPeriod).map((c) => c.trim()), line: row.info.lines };
  });
  const dimensions: StatDimension[] = keyNames.map((name, i) => ({
    id: name,
    label: name,
    role: guessDimensionRole(name, name),
    categories: [...codes[i]!.keys()].map((code) => ({ code, label: code })),
  }));
  dimensions.push({
    id: 'Period',
    label: 'Period',
    role: 'time',
    categories: periods.map((p) => ({ code: p, label: p })),
  });
  const sizes = dimensions.map((d) => d.categories.length);
  const values = new Map<number, string | null>();
  const statuses = new Map<number, string | null>();
  const seen = new Set<string>();
  for (const { key, cells, line } of data) {
    const positions = key.map((k, i) => codes[i]!.get(k)!);
    if (seen.has(positions.join())) fail(line, `the row ${JSON.stringify(key)} is given twice`);
    seen.add(positions.join());
    cells.forEach((cell, p) => {
      const index = linearIndex(sizes, [...positions, p]);
      if (cell === '') return;
      const number = plainDecimal(cell);
      if (number !== null) values.set(index, number);
      else if (SYMBOL.test(cell)) statuses.set(index, cell);
      else
        fail(
          line,
          `column ${JSON.stringify(periods[p])}: ${JSON.stringify(cell)} is neither a number nor a status symbol`,
        );
    });
  }
  return {
    path: '$',
    tableId: title ? (/^(\w+)\s+--\s/.exec(title)?.[1] ?? null) : null,
    label: title,
    source: null,
    updated: null,
    language: fileLanguage,
    dimensions,
    cellCount: cubeCellCount(sizes),
    metadataOnly: false,
    statusLabels: {},
    cells: (fixed) =>
      walkCells(sizes, { kind: 'sparse', entries: values }, { kind: 'sparse', entries: statuses }, fixed),
  };
}
