/**
 * A saved statistics query: which table of which PxWeb source to ask, in which language, with
 * which selection per variable. Pure: builds the PxWeb v1 POST body and the PxWebApi 2 GET URL,
 * and reads the forms a query is saved in (Suunta's own, a bare PxWeb v1 body, and the PxWeb
 * web UI's wrapped `{"queryObj":{…},"tableIdForQuery":"…"}`). No I/O.
 *
 * Filters are those of PxWeb v1: `item` (the values listed), `all` (values are wildcard
 * patterns: `*`, `039*`), `top` (the one value is a count: the latest n periods), `agg:NAME` and
 * `vs:NAME` (the values are codes of that aggregation or value set; none listed = all of it).
 *
 * PxWebApi 2 parameter names follow PxTools/PxApiSpecs `PxAPI-2.yml` (GET /tables/{id}/data):
 * `lang`, `valuecodes[VAR]` (deepObject; comma-separated codes or expressions such as `*`,
 * `top(n)`), `codelist[VAR]` (a value set or aggregation id) and `outputFormat`.
 */
import { z } from 'zod';
import { invalidFile } from '#src/domain/errors.ts';

export const SAVED_QUERY_APIS = ['pxweb-v1', 'pxwebapi-2'] as const;
export type SavedQueryApi = (typeof SAVED_QUERY_APIS)[number];
export const SAVED_QUERY_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type SavedQueryLanguage = (typeof SAVED_QUERY_LANGUAGES)[number];

const FILTER = /^(item|all|top|(agg|vs):.+)$/;

const selectionSchema = z
  .object({
    variable: z.string().min(1, 'must name the variable (its code, e.g. "Vuosi")'),
    filter: z.string().regex(FILTER, 'must be one of item, all, top, agg:NAME or vs:NAME').default('item'),
    values: z.array(z.string({ error: 'must be a list of value codes (strings)' })),
  })
  .strict()
  .superRefine((selection, ctx) => {
    if ((selection.filter === 'item' || selection.filter === 'all') && selection.values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `must list at least one value for filter "${selection.filter}"`,
      });
    }
    if (
      selection.filter === 'top' &&
      !(selection.values.length === 1 && /^[1-9][0-9]*$/.test(selection.values[0] ?? ''))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: 'must be one positive whole number for filter "top", e.g. ["4"]',
      });
    }
  });

export const savedQuerySchema = z
  .object({
    api: z.enum(SAVED_QUERY_APIS, { error: 'must be "pxweb-v1" or "pxwebapi-2"' }),
    baseUrl: z
      .string()
      .refine((text) => /^https?:\/\/[^/\s]+/.test(text) && URL.canParse(text), 'must be an http(s) URL'),
    table: z
      .string()
      .trim()
      .min(1, 'must name the table (a path such as "vaerak/statfin_vaerak_pxt_11re.px" or an id such as "TAB6471")'),
    language: z.enum(SAVED_QUERY_LANGUAGES, { error: 'must be fi, sv or en' }),
    selections: z.array(selectionSchema).min(1, 'must select at least one variable'),
    format: z.literal('json-stat2', { error: 'must be "json-stat2"' }).default('json-stat2'),
  })
  .strict()
  .superRefine((query, ctx) => {
    const seen = new Set<string>();
    query.selections.forEach((selection, i) => {
      if (seen.has(selection.variable)) {
        ctx.addIssue({
          code: 'custom',
          path: ['selections', i, 'variable'],
          message: `selects "${selection.variable}" a second time`,
        });
      }
      seen.add(selection.variable);
    });
    const urlLanguage = v1UrlLanguage(query.baseUrl);
    if (query.api === 'pxweb-v1' && urlLanguage && urlLanguage !== query.language) {
      ctx.addIssue({
        code: 'custom',
        path: ['language'],
        message: `is "${query.language}" but the PxWeb v1 baseUrl asks for "${urlLanguage}" (…/api/v1/${urlLanguage}/…)`,
      });
    }
  });

export type SavedQuery = z.output<typeof savedQuerySchema>;
export type QuerySelection = SavedQuery['selections'][number];

/** The language segment of a PxWeb v1 URL (`…/api/v1/fi/StatFin/` → `fi`), if it has one. */
function v1UrlLanguage(url: string): string | null {
  return /\/api\/v1\/([a-z]{2})(\/|$)/.exec(url)?.[1] ?? null;
}

/** What a query read from a bare PxWeb body or a wrapped saved query lacks, given by the caller. */
export interface SavedQueryDefaults {
  api?: SavedQueryApi;
  baseUrl?: string;
  table?: string;
  language?: SavedQueryLanguage;
}

/** A PxWeb v1 POST body (`{query:[{code,selection:{filter,values}}],response:{format}}`). */
export interface PxwebV1Body {
  query: { code: string; selection: { filter: string; values: string[] } }[];
  response: { format: string };
}

const v1BodySchema = z
  .object({
    query: z.array(
      z.object({
        code: z.string().min(1, 'must name the variable'),
        selection: z.object({
          filter: z.string(),
          values: z.array(z.string({ error: 'must be a list of value codes (strings)' })),
        }),
      }),
    ),
    response: z.object({ format: z.string() }).optional(),
  })
  .passthrough();

/**
 * Reads a saved query in any of its forms; `where` names the file (or setting) in errors.
 * Throws `invalidFile(where, ["<path>: <reason>", …])` for anything wrong.
 */
export function readSavedQuery(input: unknown, where: string, defaults: SavedQueryDefaults = {}): SavedQuery {
  if (isObject(input) && ('queryObj' in input || 'tableIdForQuery' in input)) {
    const table = input['tableIdForQuery'];
    if (typeof table !== 'string' || table.trim() === '') {
      throw invalidFile(where, ['tableIdForQuery: must name the table, e.g. "statfin_eot_pxt_132a.px"']);
    }
    return fromV1Body(input['queryObj'], where, 'queryObj', { ...defaults, table: defaults.table ?? table });
  }
  if (isObject(input) && 'query' in input && !('selections' in input)) {
    return fromV1Body(input, where, '', defaults);
  }
  return validate(input, where, '');
}

function fromV1Body(body: unknown, where: string, at: string, defaults: SavedQueryDefaults): SavedQuery {
  const parsed = v1BodySchema.safeParse(body);
  if (!parsed.success) throw invalidFile(where, problemLines(parsed.error, at));
  const missing = (['baseUrl', 'table'] as const).filter((key) => defaults[key] === undefined);
  if (missing.length > 0) {
    throw invalidFile(
      where,
      missing.map((key) => `${key}: a PxWeb query body does not say its ${key}; give it with the query`),
    );
  }
  const baseUrl = defaults.baseUrl ?? '';
  const language = defaults.language ?? v1UrlLanguage(baseUrl);
  const candidate = {
    api: defaults.api ?? 'pxweb-v1',
    baseUrl,
    table: defaults.table,
    language: language ?? undefined,
    selections: parsed.data.query.map((q) => ({
      variable: q.code,
      filter: q.selection.filter,
      values: q.selection.values,
    })),
    format: parsed.data.response?.format ?? 'json-stat2',
  };
  const result = savedQuerySchema.safeParse(candidate);
  if (result.success) return result.data;
  // Name the fields as the body has them (query[1].selection.values), not as Suunta's form does.
  throw invalidFile(
    where,
    result.error.issues.map((issue) => `${bodyPath(issue.path, at)}: ${issue.message}`),
  );
}

function bodyPath(path: readonly PropertyKey[], at: string): string {
  const prefix = at === '' ? '' : `${at}.`;
  if (path[0] === 'selections' && typeof path[1] === 'number') {
    const field = path[2] === 'variable' ? 'code' : path[2] === undefined ? '' : `selection.${String(path[2])}`;
    return `${prefix}query[${path[1]}]${field ? `.${field}` : ''}`;
  }
  if (path[0] === 'format') return `${prefix}response.format`;
  return path.map(String).join('.') || '(the query)';
}

function validate(input: unknown, where: string, at: string): SavedQuery {
  const result = savedQuerySchema.safeParse(input);
  if (result.success) return result.data;
  throw invalidFile(where, problemLines(result.error, at));
}

function problemLines(error: z.ZodError, at: string): string[] {
  return error.issues.map((issue) => {
    const path = [at, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .filter((p) => p !== '')
      .join('.')
      .replaceAll('.[', '[');
    return `${path || '(the query)'}: ${issue.message}`;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` + relative `path`, with exactly one slash between them. */
function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The PxWeb v1 table URL (GET: its metadata; POST: its data): baseUrl + the table path, each segment encoded. */
export function pxwebV1TableUrl(query: SavedQuery): string {
  return joinUrl(query.baseUrl, query.table.split('/').map(encodeURIComponent).join('/'));
}

/** The PxWeb v1 POST body of a query. */
export function pxwebV1Body(query: SavedQuery): PxwebV1Body {
  return {
    query: query.selections.map((s) => ({ code: s.variable, selection: { filter: s.filter, values: [...s.values] } })),
    response: { format: query.format },
  };
}

/** A PxWebApi 2 URL under the query's baseUrl (`/config`, `/tables/{id}/metadata`…). */
export function pxwebApi2Url(query: SavedQuery, path: string, params: readonly [string, string][] = []): string {
  const search = params.map(([key, value]) => `${key}=${value}`).join('&');
  return joinUrl(query.baseUrl, path) + (search ? `?${search}` : '');
}

/**
 * The PxWebApi 2 GET URL of a query's data:
 * `{baseUrl}/tables/{id}/data?lang=fi&valuecodes[VAR]=a,b&codelist[VAR]=X&outputFormat=json-stat2`.
 * `all` becomes the value expressions as written (`*`, `039*`), `top` becomes `top(n)`, and
 * `agg:X` / `vs:X` the codelist `X` with the values listed (all of them, `*`, when none are).
 */
export function pxwebApi2DataUrl(query: SavedQuery): string {
  const params: [string, string][] = [['lang', query.language]];
  for (const s of query.selections) {
    const variable = encodeURIComponent(s.variable);
    const codelist = /^(agg|vs):(.+)$/.exec(s.filter)?.[2];
    const values = s.filter === 'top' ? [`top(${s.values[0] ?? ''})`] : s.values.length > 0 ? s.values : ['*'];
    params.push([`valuecodes[${variable}]`, values.map(encodeURIComponent).join(',')]);
    if (codelist !== undefined) params.push([`codelist[${variable}]`, encodeURIComponent(codelist)]);
  }
  params.push(['outputFormat', query.format]);
  return pxwebApi2Url(query, `tables/${encodeURIComponent(query.table)}/data`, params);
}

/** The URL a query's data is asked from (v1: POSTed to; v2: fetched with GET). */
export function dataUrl(query: SavedQuery): string {
  return query.api === 'pxweb-v1' ? pxwebV1TableUrl(query) : pxwebApi2DataUrl(query);
}
