/**
 * Request validation of the API with zod: the route's zod schemas (params, querystring, body)
 * check and convert the request, and a refused value becomes one clear sentence naming the
 * parameter, the rule and the value given, e.g.
 * `Query parameter "fund" must be one of ERDF, … (fund: "EU")`.
 */
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { z } from 'zod';

const WHERE: Record<string, string> = {
  params: 'Path parameter',
  querystring: 'Query parameter',
  body: 'Body field',
  headers: 'Header',
};

/** The value at `path` in the request part as sent (before zod converted it). */
function sentAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Validates with the route's zod schema; the refused issues carry the value as sent. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const errors: FastifySchemaValidationError[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: issue.path.length > 0 ? `/${issue.path.map(String).join('/')}` : '',
      schemaPath: '',
      params: { sent: sentAt(data, issue.path), ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}) },
      message: issue.message,
    }));
    return { error: errors as unknown as Error };
  };

/** `"20x"`, `2025`, `["a","b"]`: a value as the message shows it (at most 40 characters). */
function shown(value: unknown): string | null {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || Array.isArray(value)) return JSON.stringify(value).slice(0, 60);
  return null;
}

function describe(error: FastifySchemaValidationError, dataVar: string): string {
  const where = WHERE[dataVar] ?? dataVar;
  const params = error.params as { sent?: unknown; keys?: string[] };
  if (error.keyword === 'unrecognized_keys') return `${where}s not known: ${(params.keys ?? []).join(', ')}`;
  const name = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || dataVar;
  const value = params.sent === undefined ? null : shown(params.sent);
  return `${where} "${name}" ${error.message ?? 'is invalid'}${value === null ? '' : ` (${name}: ${value})`}`;
}

/** A route `schemaErrorFormatter`: every problem, one sentence each. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  return new Error(errors.map((e) => describe(e, dataVar)).join('; '));
}
