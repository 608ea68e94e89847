/**
 * One JSON-stat dataset (2.0 `class:"dataset"`, or a 1.x dataset of a bundle or `{dataset:…}`
 * wrapper) read into a StatDataset, following json-stat.org's specifications:
 * - `id`, `size` and `role` at the top (2.0) or inside `dimension` (1.x); sizes may be strings.
 * - category `index` as an array, an object (code → position), or missing (then the `label` keys in
 *   their written order; a one-category dimension may have only a label).
 * - `value` as an array (one per cell, or one element for every cell) or a sparse object (linear
 *   index → value, any order); numbers keep their source text, strings stay text.
 * - `status` as a string (every cell), an array (one per cell, or one for all), a sparse object, or
 *   Eurostat's old web service shape `{value:[…], category:{label:{…}}}`; meanings also from
 *   `extension.status.label` (Eurostat's current API).
 * - An empty or missing `value` with a non-empty cube is a metadata-only response (PxWebApi 2's
 *   metadata): no cells, `metadataOnly: true`.
 */
import { walkCells, NO_LAYER, type CellLayer } from './cell-store.ts';
import { cubeCellCount } from './cube-index.ts';
import type { DimensionRole, StatCategory, StatDataset, StatDimension, StatUnit } from './dataset.ts';
import { plainDecimal } from './decimal-text.ts';
import { guessDimensionRole } from './dimension-roles.ts';
import { countAt, describe, fail, jsonPath, member, objectAt, stringAt, textAt, textListAt } from './json-fields.ts';
import { JsonNumber, type JsonObject, type JsonValue } from './lossless-json.ts';
import { parseUpdated } from './updated-time.ts';

export interface DatasetContext {
  file: string;
  /** The JSON path of the dataset object. */
  path: string;
  /** The language the file name tells, if any. */
  fileLanguage: string | null;
}

const ROLES: readonly DimensionRole[] = ['time', 'geo', 'metric'];

/** `id`, `size` and `role` wherever the version puts them, with the JSON path of each. */
function structure(obj: JsonObject, dims: JsonObject, ctx: DatasetContext) {
  const top = obj.has('id');
  const idPath = jsonPath(ctx.path, ...(top ? ['id'] : ['dimension', 'id']));
  const ids = textListAt(top ? obj.get('id') : dims.get('id'));
  if (ids === null) fail(ctx.file, idPath, 'the list of dimension ids is missing or not a list of strings');
  const sizeTop = obj.has('size');
  const sizePath = jsonPath(ctx.path, ...(sizeTop ? ['size'] : ['dimension', 'size']));
  const rawSizes = sizeTop ? obj.get('size') : dims.get('size');
  if (!Array.isArray(rawSizes)) fail(ctx.file, sizePath, `the list of dimension sizes is ${describe(rawSizes)}`);
  const sizes = rawSizes.map((s, i) => {
    const n = countAt(s);
    if (n === null) fail(ctx.file, `${sizePath}[${i}]`, `a size must be a whole number, found ${describe(s)}`);
    return n;
  });
  if (ids.length !== sizes.length) fail(ctx.file, idPath, `${ids.length} dimension ids but ${sizes.length} sizes`);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) fail(ctx.file, idPath, `the dimension id ${JSON.stringify(duplicate)} is listed twice`);

  const roleTop = obj.has('role');
  const rolePath = jsonPath(ctx.path, ...(roleTop ? ['role'] : ['dimension', 'role']));
  const roleObj = objectAt(roleTop ? obj.get('role') : dims.get('role'));
  const roles = new Map<string, DimensionRole>();
  for (const [role, list] of roleObj ?? []) {
    if (!ROLES.includes(role as DimensionRole)) continue; // other roles are not part of the standard
    const named = textListAt(list);
    if (named === null)
      fail(ctx.file, jsonPath(rolePath, role), `must be a list of dimension ids, found ${describe(list)}`);
    for (const id of named) {
      if (!ids.includes(id))
        fail(ctx.file, jsonPath(rolePath, role), `names ${JSON.stringify(id)}, which is not a dimension`);
      if (!roles.has(id)) roles.set(id, role as DimensionRole);
    }
  }
  return { ids, sizes, roles };
}

function categoryCodes(category: JsonObject, path: string, file: string): string[] {
  const index = category.get('index');
  if (Array.isArray(index)) {
    const codes = textListAt(index);
    if (codes === null) fail(file, jsonPath(path, 'index'), 'the category index must list codes as strings');
    return codes;
  }
  const indexObj = objectAt(index);
  if (indexObj) {
    const codes = new Array<string | undefined>(indexObj.size);
    for (const [code, pos] of indexObj) {
      const p = countAt(pos);
      const at = jsonPath(path, 'index', code);
      if (p === null) fail(file, at, `a category position must be a whole number, found ${describe(pos)}`);
      if (p >= indexObj.size) fail(file, at, `position ${p} is outside the ${indexObj.size} categories`);
      if (codes[p] !== undefined) fail(file, at, `position ${p} is also given to ${JSON.stringify(codes[p])}`);
      codes[p] = code;
    }
    return codes as string[];
  }
  if (index !== undefined)
    fail(file, jsonPath(path, 'index'), `the category index must be an array or an object, found ${describe(index)}`);
  const labels = objectAt(category.get('label'));
  if (!labels) fail(file, path, 'the category has neither an index nor labels');
  return [...labels.keys()];
}

function unitOf(v: JsonValue | undefined): StatUnit | undefined {
  const u = objectAt(v);
  if (!u) return undefined;
  const unit: StatUnit = {};
  const base = stringAt(u.get('base')) ?? stringAt(u.get('label'));
  if (base !== null) unit.base = base;
  const decimals = countAt(u.get('decimals'));
  if (decimals !== null) unit.decimals = decimals;
  const symbol = stringAt(u.get('symbol'));
  if (symbol !== null) unit.symbol = symbol;
  return unit;
}

function readDimension(
  id: string,
  size: number,
  explicitRole: DimensionRole | undefined,
  dims: JsonObject,
  ctx: DatasetContext,
): StatDimension {
  const path = jsonPath(ctx.path, 'dimension', id);
  const dim = objectAt(dims.get(id));
  if (!dim) fail(ctx.file, path, `dimension ${JSON.stringify(id)} is listed in the ids but not described`);
  const label = textAt(dim.get('label')) ?? id;
  const category = objectAt(dim.get('category'));
  if (!category) fail(ctx.file, jsonPath(path, 'category'), `the categories are ${describe(dim.get('category'))}`);
  const codes = categoryCodes(category, jsonPath(path, 'category'), ctx.file);
  if (codes.length !== size)
    fail(ctx.file, jsonPath(path, 'category'), `${codes.length} categories but the size of the dimension is ${size}`);
  const labels = objectAt(category.get('label'));
  const units = objectAt(category.get('unit'));
  const categories = codes.map((code): StatCategory => {
    const c: StatCategory = { code, label: textAt(labels?.get(code)) ?? code };
    const unit = unitOf(units?.get(code));
    if (unit) c.unit = unit;
    return c;
  });
  return { id, label, role: explicitRole ?? guessDimensionRole(id, label), categories };
}

/** The JSON path of an entry, built only for an error message (a file may have a million entries). */
type PathOf = () => string;

function valueText(v: JsonValue, path: PathOf, file: string): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (v instanceof JsonNumber) {
    // A JSON number without an exponent is already plain decimal text (no leading zeros, no `+`).
    if (!/[eE]/.test(v.text)) return v.text;
    const t = plainDecimal(v.text);
    if (t === null) fail(file, path(), `the number ${v.text} is out of range`);
    return t;
  }
  return fail(file, path(), `a value must be a number, a string or null, found ${describe(v)}`);
}

function statusText(v: JsonValue, path: PathOf, file: string): string | null {
  if (v === null) return null;
  const t = textAt(v);
  if (t === null) fail(file, path(), `a status must be a string or null, found ${describe(v)}`);
  return t === '' ? null : t;
}

/** A `value` or `status` layer: array (per cell or one for all) or sparse object. */
function readLayer(
  raw: JsonValue | undefined,
  path: string,
  cells: number,
  what: 'values' | 'statuses',
  file: string,
  entry: (v: JsonValue, path: PathOf, file: string) => string | null,
): CellLayer {
  if (raw === undefined || raw === null) return NO_LAYER;
  if (Array.isArray(raw)) {
    if (raw.length === 1 && cells !== 1) return { kind: 'all', entry: entry(raw[0]!, () => `${path}[0]`, file) };
    if (raw.length !== cells) fail(file, path, `${raw.length} ${what} but the cube has ${cells} cells`);
    const entries = new Array<string | null>(cells);
    for (let i = 0; i < cells; i++) entries[i] = entry(raw[i]!, () => `${path}[${i}]`, file);
    return { kind: 'dense', entries };
  }
  const obj = objectAt(raw);
  if (obj) {
    const entries = new Map<number, string | null>();
    for (const [key, v] of obj) {
      const at = () => jsonPath(path, key);
      const i = Number(key);
      if (!/^\d+$/.test(key)) fail(file, at(), `${JSON.stringify(key)} is not a cell index`);
      if (i >= cells) fail(file, at(), `index ${key} is outside the cube of ${cells} cells`);
      entries.set(i, entry(v, at, file));
    }
    return { kind: 'sparse', entries };
  }
  if (what === 'statuses' && typeof raw === 'string') return { kind: 'all', entry: raw === '' ? null : raw };
  return fail(file, path, `the ${what} must be an array or an object, found ${describe(raw)}`);
}

function labelMap(v: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, label] of objectAt(v) ?? []) {
    const t = textAt(label);
    if (t !== null) out[k] = t;
  }
  return out;
}

/** Status layer and meanings, including Eurostat's old `{value:[…], category:{label}}` shape. */
function readStatuses(obj: JsonObject, cells: number, ctx: DatasetContext) {
  const raw = obj.get('status');
  const path = jsonPath(ctx.path, 'status');
  const labels = labelMap(member(member(objectAt(obj.get('extension')), 'status'), 'label'));
  const wrapped = objectAt(raw);
  if (wrapped && wrapped.has('value') && !/^\d+$/.test([...wrapped.keys()][0] ?? '')) {
    Object.assign(labels, labelMap(member(member(wrapped, 'category'), 'label')));
    return {
      layer: readLayer(wrapped.get('value'), jsonPath(path, 'value'), cells, 'statuses', ctx.file, statusText),
      labels,
    };
  }
  return { layer: readLayer(raw, path, cells, 'statuses', ctx.file, statusText), labels };
}

function tableIdOf(obj: JsonObject): string | null {
  const ext = objectAt(obj.get('extension'));
  const fromExt =
    textAt(member(ext, 'px')?.get('tableid')) ?? textAt(ext?.get('tableid')) ?? textAt(ext?.get('tableId'));
  if (fromExt !== null) return fromExt;
  // Eurostat's old web service names its table in `code` (`nama_gdp_c`).
  if (obj.has('wsVersion')) return textAt(obj.get('code'));
  return null;
}

function languageOf(obj: JsonObject, ctx: DatasetContext): string | null {
  const lang = textAt(member(objectAt(obj.get('extension')), 'px')?.get('language')) ?? textAt(obj.get('language'));
  return lang ? lang.toLowerCase() : ctx.fileLanguage;
}

/** Reads the dataset object `obj` at `ctx.path`; throws StatisticsFileError. */
export function readJsonStatDataset(obj: JsonObject, ctx: DatasetContext): StatDataset {
  const dims = objectAt(obj.get('dimension'));
  if (!dims) fail(ctx.file, jsonPath(ctx.path, 'dimension'), `the dimensions are ${describe(obj.get('dimension'))}`);
  const { ids, sizes, roles } = structure(obj, dims, ctx);
  const dimensions = ids.map((id, i) => readDimension(id, sizes[i]!, roles.get(id), dims, ctx));
  const cellCount = cubeCellCount(sizes);
  const rawValue = obj.get('value');
  const metadataOnly = cellCount > 0 && (rawValue === undefined || (Array.isArray(rawValue) && rawValue.length === 0));
  const values = metadataOnly
    ? NO_LAYER
    : readLayer(rawValue, jsonPath(ctx.path, 'value'), cellCount, 'values', ctx.file, valueText);
  const statuses = metadataOnly ? { layer: NO_LAYER, labels: {} } : readStatuses(obj, cellCount, ctx);
  const updatedRaw = obj.get('updated') ?? obj.get('lastUpdateDate');
  return {
    path: ctx.path,
    tableId: tableIdOf(obj),
    label: textAt(obj.get('label')) ?? textAt(obj.get('title')),
    source: textAt(obj.get('source')),
    updated: parseUpdated(updatedRaw instanceof JsonNumber ? Number(updatedRaw.text) : updatedRaw),
    language: languageOf(obj, ctx),
    dimensions,
    cellCount,
    metadataOnly,
    statusLabels: statuses.labels,
    cells: (fixed) => walkCells(sizes, values, statuses.layer, fixed),
  };
}
