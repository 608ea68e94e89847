/**
 * Turns fastify's schema validation errors into one clear sentence naming the parameter and
 * the rule, e.g. `Path parameter "code" must be a two-digit region code such as "08"`.
 */
import type { FastifySchemaValidationError } from 'fastify';
import { expectedOf } from './params.ts';

const WHERE: Record<string, string> = {
  params: 'Path parameter',
  querystring: 'Query parameter',
  body: 'Body field',
  headers: 'Header',
};

function describe(error: FastifySchemaValidationError, dataVar: string): string {
  const where = WHERE[dataVar] ?? dataVar;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${where} "${String(params['missingProperty'])}" is required`;
  const name = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || dataVar;
  const expected = expectedOf(name);
  if (error.keyword === 'enum')
    return `${where} "${name}" must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}`;
  if ((error.keyword === 'pattern' || error.keyword === 'minLength') && expected)
    return `${where} "${name}" must ${expected}`;
  return `${where} "${name}" ${error.message ?? 'is invalid'}`;
}

/** A route `schemaErrorFormatter`: the first problem as the message (fastify stops at the first). */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  return new Error(errors.map((e) => describe(e, dataVar)).join('; '));
}
