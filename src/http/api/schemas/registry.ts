/**
 * The named JSON shapes of the API: each is a zod schema registered under an id, converted once to
 * JSON Schema, added to fastify (validation and serialisation) and published by @fastify/swagger
 * as `components.schemas.<id>` of the OpenAPI document.
 */
import { z } from 'zod';

const apiRegistry = z.registry<{ id: string }>();

/** Registers `schema` under `id` with its description; returns the described schema. */
export function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  const described = schema.describe(description) as T;
  apiRegistry.add(described, { id });
  return described;
}

export type JsonSchema = Record<string, unknown>;

/** Every named schema as JSON Schema with `$id` set to its id; references between them are `Id#`. */
export function namedJsonSchemas(): JsonSchema[] {
  const { schemas } = z.toJSONSchema(apiRegistry, { target: 'draft-2020-12', uri: (id) => `${id}#` }) as {
    schemas: Record<string, JsonSchema>;
  };
  // fastify's own Ajv instance is draft-07; the keywords used here mean the same in both drafts.
  return Object.entries(schemas).map(([id, { $schema: _dialect, ...schema }]) => ({
    ...withoutSafeIntegerBounds(schema),
    $id: id,
  }));
}

/** Drops the ±Number.MAX_SAFE_INTEGER bounds zod writes on every integer (noise in the published document). */
function withoutSafeIntegerBounds(value: unknown): JsonSchema {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: JsonSchema = {};
    for (const [k, child] of Object.entries(v)) {
      if (
        (k === 'minimum' && child === Number.MIN_SAFE_INTEGER) ||
        (k === 'maximum' && child === Number.MAX_SAFE_INTEGER)
      )
        continue;
      out[k] = walk(child);
    }
    return out;
  };
  return walk(value) as JsonSchema;
}

/** A reference to the named schema `id`, with the description of the response or field using it. */
export function ref(id: string, description: string): JsonSchema {
  return { $ref: `${id}#`, description };
}

/** A text in the three languages; `null` means no text (or no translation yet) in that language. */
export const localizedText = named(
  'LocalizedText',
  'A text in Finnish, Swedish and English. null means that no text exists in that language ' +
    '(for instance no translation yet); the Finnish text is the original.',
  z.object({
    fi: z.string().nullable().describe('Finnish'),
    sv: z.string().nullable().describe('Swedish'),
    en: z.string().nullable().describe('English'),
  }),
);

export const apiError = named(
  'ApiError',
  'An error: a stable code and a message naming what was not found or which parameter was wrong, and why.',
  z.object({
    error: z.object({
      code: z.string().describe('Stable error code: not_found, bad_request (or internal_error on a server fault).'),
      message: z.string().describe('Human-readable explanation, in English.'),
      details: z.array(z.string()).optional().describe('Individual problems, when there are several.'),
    }),
  }),
);

/** The API's error responses, for a route's `response` schema. */
export const errorResponses = {
  400: ref('ApiError', 'Bad request: a parameter is malformed (the message names it and says why).'),
  404: ref('ApiError', 'Not found: the message names what was not found.'),
} as const;

export type LocalizedText = z.output<typeof localizedText>;
