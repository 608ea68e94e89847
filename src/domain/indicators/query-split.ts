/**
 * Keeping a saved query under the source's cell limit. Pure: the table's variables (from its
 * metadata) in, queries out.
 *
 * 1. `resolveQuery` turns `all` (wildcards) and `top` into the value codes they stand for, in
 *    the order of the metadata, and checks every `item` code against it.
 * 2. `splitQuery` cuts a query whose cells (the product of the selected value counts; a
 *    variable left out is eliminated and counts once) exceed the limit into several: along the
 *    time variable when that alone is enough, else along the largest variable, into chunks of
 *    nearly equal size; when even one value of that variable is too many, per value and on
 *    along the next. The parts together ask for exactly the original cells, each cell once.
 * 3. `halveQuery` cuts a query in two along its largest variable (for a source that answers
 *    "too many cells" although the count was under the configured limit).
 */
import { z } from 'zod';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import type { QuerySelection, SavedQuery } from './saved-query.ts';

export interface TableVariable {
  code: string;
  /** Value codes in the table's order. */
  values: string[];
  /** True for the time variable (`time: true` in v1 metadata, `role.time` in JSON-stat). */
  time: boolean;
}

export interface TableMetadata {
  title: string | null;
  variables: TableVariable[];
}

const v1MetadataSchema = z.object({
  title: z.string().optional(),
  variables: z
    .array(
      z.object({
        code: z.string().min(1),
        values: z.array(z.string()),
        valueTexts: z.array(z.string()).optional(),
        time: z.boolean().optional(),
      }),
    )
    .min(1, 'must list at least one variable'),
});

const jsonStatMetadataSchema = z.object({
  label: z.string().optional(),
  id: z.array(z.string()).min(1),
  size: z.array(z.coerce.number().int().nonnegative()),
  role: z
    .object({ time: z.array(z.string()).optional() })
    .partial()
    .optional(),
  dimension: z.record(
    z.string(),
    z.object({
      category: z.object({
        index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]).optional(),
        label: z.record(z.string(), z.string()).optional(),
      }),
    }),
  ),
});

/**
 * Table metadata from a PxWeb v1 GET on the table (`{title, variables:[{code,values,time?}]}`)
 * or a PxWebApi 2 `/tables/{id}/metadata` answer (JSON-stat 2.0 with the full `size`).
 */
export function readTableMetadata(input: unknown, where: string): TableMetadata {
  if (typeof input === 'object' && input !== null && 'variables' in input) {
    const parsed = v1MetadataSchema.safeParse(input);
    if (!parsed.success) throw invalidFile(where, zodLines(parsed.error));
    const problems: string[] = [];
    parsed.data.variables.forEach((v, i) => {
      if (v.valueTexts && v.valueTexts.length !== v.values.length) {
        problems.push(`variables[${i}].valueTexts: has ${v.valueTexts.length} texts for ${v.values.length} values`);
      }
    });
    if (problems.length > 0) throw invalidFile(where, problems);
    return {
      title: parsed.data.title ?? null,
      variables: parsed.data.variables.map((v) => ({ code: v.code, values: v.values, time: v.time === true })),
    };
  }
  const parsed = jsonStatMetadataSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidFile(where, [
      '(the answer): is neither PxWeb v1 table metadata ({title, variables}) nor JSON-stat 2.0 metadata ({id, size, dimension})',
      ...zodLines(parsed.error),
    ]);
  }
  const { id, size, dimension, role } = parsed.data;
  if (id.length !== size.length) throw invalidFile(where, [`size: has ${size.length} entries for ${id.length} ids`]);
  const timeIds = new Set(role?.time ?? []);
  const variables = id.map((code, i): TableVariable => {
    const category = dimension[code]?.category;
    if (!category) throw invalidFile(where, [`dimension.${code}: is missing (named in id)`]);
    const values = categoryCodes(category.index, category.label);
    if (values.length !== size[i]) {
      throw invalidFile(where, [
        `dimension.${code}.category: has ${values.length} categories but size says ${size[i]}`,
      ]);
    }
    return { code, values, time: timeIds.has(code) };
  });
  return { title: parsed.data.label ?? null, variables };
}

function categoryCodes(
  index: string[] | Record<string, number> | undefined,
  label: Record<string, string> | undefined,
): string[] {
  if (Array.isArray(index)) return index;
  if (index)
    return Object.entries(index)
      .sort((a, b) => a[1] - b[1])
      .map(([code]) => code);
  return Object.keys(label ?? {});
}

function zodLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(the answer)'}: ${issue.message}`);
}

/** Thrown when a query cannot be resolved against its table or cut under the limit (bad input: exit 2). */
export class QuerySplitError extends AppError {
  constructor(message: string) {
    super('bad_request', message);
    this.name = 'QuerySplitError';
  }
}

/** Whether a selection needs the table's metadata to know its values (`all`, `top`). */
export function needsMetadata(query: SavedQuery): boolean {
  return query.selections.some((s) => s.filter === 'all' || s.filter === 'top');
}

/** A wildcard pattern (`*` any run of characters, `?` one character) as a whole-code test. */
function wildcard(pattern: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'su');
}

/**
 * The query with `all` and `top` replaced by the `item` codes they select (in table order) and
 * every `item` code checked against the table. `agg:` and `vs:` selections stay as they are
 * (their codes belong to the aggregation, not to the table). Without metadata only `item`,
 * `agg:` and `vs:` queries resolve.
 */
export function resolveQuery(query: SavedQuery, metadata: TableMetadata | null): SavedQuery {
  const where = `table ${query.table}`;
  const selections = query.selections.map((s): QuerySelection => {
    if (/^(agg|vs):/.test(s.filter)) return s;
    const variable = metadata?.variables.find((v) => v.code === s.variable);
    if (!metadata) {
      if (s.filter === 'item') return s;
      throw new QuerySplitError(
        `${where}: variable "${s.variable}" uses filter "${s.filter}", which needs the table's metadata`,
      );
    }
    if (!variable) {
      const known = metadata.variables.map((v) => `"${v.code}"`).join(', ');
      throw new QuerySplitError(`${where}: has no variable "${s.variable}" (it has ${known})`);
    }
    if (s.filter === 'item') {
      const known = new Set(variable.values);
      const unknown = s.values.filter((value) => !known.has(value));
      if (unknown.length > 0) {
        throw new QuerySplitError(
          `${where}: variable "${s.variable}" has no value ${unknown.map((u) => `"${u}"`).join(', ')}`,
        );
      }
      return s;
    }
    if (s.filter === 'top') {
      const n = Number(s.values[0]);
      // PxWeb's `top` is the latest n periods: the end of a time variable, else its first n values.
      const values = variable.time
        ? variable.values.slice(Math.max(0, variable.values.length - n))
        : variable.values.slice(0, n);
      return { variable: s.variable, filter: 'item', values };
    }
    const patterns = s.values.map(wildcard);
    const values = variable.values.filter((value) => patterns.some((p) => p.test(value)));
    if (values.length === 0) {
      throw new QuerySplitError(
        `${where}: variable "${s.variable}": ${s.values.map((v) => `"${v}"`).join(', ')} match no value`,
      );
    }
    return { variable: s.variable, filter: 'item', values };
  });
  return { ...query, selections };
}

/** The number of cells a resolved query asks for (an `agg:`/`vs:` selection with no values counts once). */
export function cellCount(query: SavedQuery): number {
  return query.selections.reduce((n, s) => n * Math.max(1, s.values.length), 1);
}

function isSplittable(s: QuerySelection): boolean {
  return s.values.length > 1 && s.filter !== 'top' && s.filter !== 'all';
}

function withValues(query: SavedQuery, index: number, values: string[]): SavedQuery {
  return { ...query, selections: query.selections.map((s, i) => (i === index ? { ...s, values } : s)) };
}

/** `values` cut into `parts` consecutive chunks whose sizes differ by at most one. */
function chunks(values: readonly string[], parts: number): string[][] {
  const out: string[][] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(values.length / parts) + (p < values.length % parts ? 1 : 0);
    out.push(values.slice(start, start + size));
    start += size;
  }
  return out;
}

/** The variable to cut: the time variable if cutting it alone is enough, else the largest. */
function pickVariable(query: SavedQuery, maxCells: number, timeCodes: ReadonlySet<string>): number {
  const cells = cellCount(query);
  const candidates = query.selections.map((s, i) => ({ s, i })).filter(({ s }) => isSplittable(s));
  const time = candidates.find(({ s }) => timeCodes.has(s.variable));
  if (time && cells / time.s.values.length <= maxCells) return time.i;
  let best = -1;
  for (const { s, i } of candidates) {
    if (best < 0 || s.values.length > (query.selections[best]?.values.length ?? 0)) best = i;
  }
  return best;
}

/**
 * The resolved query cut into parts of at most `maxCells` cells each (one part when it fits).
 * Throws `QuerySplitError` when no cut can get under the limit (every selection down to one
 * value, or the rest is an `agg:`/`vs:` selection of unknown size).
 */
export function splitQuery(query: SavedQuery, metadata: TableMetadata | null, maxCells: number): SavedQuery[] {
  if (!Number.isInteger(maxCells) || maxCells < 1)
    throw new QuerySplitError(`the cell limit must be a positive whole number (got ${maxCells})`);
  const resolved = resolveQuery(query, metadata);
  const timeCodes = new Set((metadata?.variables ?? []).filter((v) => v.time).map((v) => v.code));
  const out: SavedQuery[] = [];
  const cut = (part: SavedQuery): void => {
    const cells = cellCount(part);
    if (cells <= maxCells) {
      out.push(part);
      return;
    }
    const index = pickVariable(part, maxCells, timeCodes);
    const selection = part.selections[index];
    if (!selection) {
      throw new QuerySplitError(
        `table ${part.table}: the query asks for ${cells} cells, over the limit of ${maxCells}, and cannot be cut further`,
      );
    }
    const others = cells / selection.values.length;
    if (others <= maxCells) {
      const perPart = Math.floor(maxCells / others);
      for (const values of chunks(selection.values, Math.ceil(selection.values.length / perPart))) {
        out.push(withValues(part, index, values));
      }
      return;
    }
    for (const value of selection.values) cut(withValues(part, index, [value]));
  };
  cut(resolved);
  return out;
}

/** The query cut in two along its largest variable, or null when every selection has one value. */
export function halveQuery(query: SavedQuery): [SavedQuery, SavedQuery] | null {
  let best = -1;
  query.selections.forEach((s, i) => {
    if (isSplittable(s) && (best < 0 || s.values.length > (query.selections[best]?.values.length ?? 0))) best = i;
  });
  const selection = query.selections[best];
  if (!selection) return null;
  const [a, b] = chunks(selection.values, 2);
  return [withValues(query, best, a ?? []), withValues(query, best, b ?? [])];
}
