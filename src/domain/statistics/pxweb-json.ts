/**
 * PxWeb API v1 shapes that are not JSON-stat:
 * - table metadata `{title, variables:[{code, text, values[], valueTexts[], time?, elimination?, map?}]}`
 *   → a metadata-only dataset (`time: true` → time role, `map` → geo, else guessed from code/text);
 * - the `"format":"json"` response `{columns:[{code, text, type}], data:[{key[], values[]}],
 *   metadata:[{updated, label, source}]}`: columns of type `t` (time) and `d` are the key dimensions,
 *   each `c` (content) column is a category of one metric dimension `ContentsCode` after them. A
 *   category's label is its code (the response gives no value texts). A value that is not a number
 *   (`..`, `-`) is an empty cell with that status. Row order does not matter; a key given twice is an error.
 */
import { walkCells } from './cell-store.ts';
import { cubeCellCount, linearIndex } from './cube-index.ts';
import type { DimensionRole, StatDataset, StatDimension } from './dataset.ts';
import { plainDecimal } from './decimal-text.ts';
import { guessDimensionRole } from './dimension-roles.ts';
import { describe, fail, jsonPath, objectAt, textAt, textListAt } from './json-fields.ts';
import type { JsonObject } from './lossless-json.ts';
import { parseUpdated } from './updated-time.ts';

interface Context {
  file: string;
  fileLanguage: string | null;
}

function emptyDataset(): Pick<StatDataset, 'source' | 'updated' | 'statusLabels'> {
  return { source: null, updated: null, statusLabels: {} };
}

/** PxWeb v1 table metadata (`{title, variables}`) as a metadata-only dataset. */
export function readPxWebMetadata(doc: JsonObject, ctx: Context): StatDataset {
  const variables = doc.get('variables');
  if (!Array.isArray(variables))
    fail(ctx.file, '$.variables', `must be a list of variables, found ${describe(variables)}`);
  const dimensions = variables.map((raw, i): StatDimension => {
    const path = jsonPath('$', 'variables', i);
    const v = objectAt(raw);
    if (!v) fail(ctx.file, path, `a variable must be an object, found ${describe(raw)}`);
    const code = textAt(v.get('code'));
    if (code === null) fail(ctx.file, jsonPath(path, 'code'), `must be a string, found ${describe(v.get('code'))}`);
    const label = textAt(v.get('text')) ?? code;
    const values = textListAt(v.get('values'));
    if (values === null) fail(ctx.file, jsonPath(path, 'values'), 'must be a list of value codes');
    const texts = textListAt(v.get('valueTexts')) ?? values;
    if (texts.length !== values.length)
      fail(ctx.file, jsonPath(path, 'valueTexts'), `${texts.length} value texts for ${values.length} values`);
    const role: DimensionRole =
      v.get('time') === true ? 'time' : v.has('map') ? 'geo' : guessDimensionRole(code, label);
    return { id: code, label, role, categories: values.map((c, k) => ({ code: c, label: texts[k]! })) };
  });
  return {
    ...emptyDataset(),
    path: '$',
    tableId: null,
    label: textAt(doc.get('title')),
    language: ctx.fileLanguage,
    dimensions,
    cellCount: cubeCellCount(dimensions.map((d) => d.categories.length)),
    metadataOnly: true,
    cells: () => [],
  };
}

const COLUMN_ROLES: Record<string, DimensionRole | undefined> = { t: 'time' };

/** A PxWeb v1 `"format":"json"` response as a dataset (see the module comment). */
export function readPxWebJson(doc: JsonObject, ctx: Context): StatDataset {
  const columns = doc.get('columns');
  if (!Array.isArray(columns)) fail(ctx.file, '$.columns', `must be a list of columns, found ${describe(columns)}`);
  const keyColumns: { code: string; label: string; type: string }[] = [];
  const contentColumns: { code: string; label: string }[] = [];
  columns.forEach((raw, i) => {
    const path = jsonPath('$', 'columns', i);
    const c = objectAt(raw);
    const code = textAt(c?.get('code'));
    if (!c || code === null) fail(ctx.file, path, 'a column needs a code');
    const label = textAt(c.get('text')) ?? code;
    const type = textAt(c.get('type')) ?? 'd';
    if (type === 'c') contentColumns.push({ code, label });
    else if (type === 't' || type === 'd') keyColumns.push({ code, label, type });
    else fail(ctx.file, jsonPath(path, 'type'), `unknown column type ${JSON.stringify(type)} (expected t, d or c)`);
  });
  if (contentColumns.length === 0) fail(ctx.file, '$.columns', 'no content column (type "c")');
  const data = doc.get('data');
  if (!Array.isArray(data)) fail(ctx.file, '$.data', `must be a list of rows, found ${describe(data)}`);

  const rows = data.map((raw, r) => {
    const path = jsonPath('$', 'data', r);
    const row = objectAt(raw);
    const key = textListAt(row?.get('key'));
    const values = textListAt(row?.get('values'));
    if (!row || key === null) fail(ctx.file, jsonPath(path, 'key'), 'must be a list of codes');
    if (key.length !== keyColumns.length)
      fail(ctx.file, jsonPath(path, 'key'), `${key.length} codes for ${keyColumns.length} key columns`);
    if (values === null || values.length !== contentColumns.length)
      fail(ctx.file, jsonPath(path, 'values'), `must list ${contentColumns.length} value(s), one per content column`);
    return { key, values, path };
  });

  // Categories in the order they first appear.
  const codes = keyColumns.map(() => new Map<string, number>());
  for (const { key } of rows) key.forEach((k, i) => codes[i]!.has(k) || codes[i]!.set(k, codes[i]!.size));
  const dimensions: StatDimension[] = keyColumns.map((c, i) => ({
    id: c.code,
    label: c.label,
    role: COLUMN_ROLES[c.type] ?? guessDimensionRole(c.code, c.label),
    categories: [...codes[i]!.keys()].map((code) => ({ code, label: code })),
  }));
  dimensions.push({
    id: 'ContentsCode',
    label: 'ContentsCode',
    role: 'metric',
    categories: contentColumns.map((c) => ({ code: c.code, label: c.label })),
  });
  const sizes = dimensions.map((d) => d.categories.length);
  const values = new Map<number, string | null>();
  const statuses = new Map<number, string | null>();
  const seen = new Set<string>();
  for (const { key, values: vs, path } of rows) {
    const positions = key.map((k, i) => codes[i]!.get(k)!);
    if (seen.has(positions.join()))
      fail(ctx.file, jsonPath(path, 'key'), `the key ${JSON.stringify(key)} is given twice`);
    seen.add(positions.join());
    vs.forEach((v, c) => {
      const index = linearIndex(sizes, [...positions, c]);
      const text = plainDecimal(v.trim());
      if (text !== null) values.set(index, text);
      else if (v.trim() !== '') statuses.set(index, v.trim());
    });
  }
  const metadata = doc.get('metadata');
  const meta = objectAt(Array.isArray(metadata) ? metadata[0] : undefined);
  return {
    path: '$',
    // The response names no table (`infofile` is the statistics' documentation page, not the table).
    tableId: null,
    label: textAt(meta?.get('label')),
    source: textAt(meta?.get('source')),
    updated: parseUpdated(textAt(meta?.get('updated'))),
    language: ctx.fileLanguage,
    dimensions,
    cellCount: cubeCellCount(sizes),
    metadataOnly: false,
    statusLabels: {},
    cells: (fixed) =>
      walkCells(sizes, { kind: 'sparse', entries: values }, { kind: 'sparse', entries: statuses }, fixed),
  };
}
