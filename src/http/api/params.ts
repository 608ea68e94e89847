/**
 * Path and query parameters of the API as JSON Schema (fastify validates them; @fastify/swagger
 * lists them as OpenAPI parameters), with the wording used when a value is rejected.
 */
import { LANGS } from '#src/domain/languages.ts';
import type { JsonSchema } from './schemas/registry.ts';

/** The longest search query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

interface Param {
  schema: JsonSchema;
  /** Completes "… must …" when the value does not match the pattern. */
  expected?: string;
}

const PARAMS = {
  code: {
    schema: {
      type: 'string',
      pattern: '^[0-9]{2}$',
      description: 'Region code (Statistics Finland), two digits, e.g. "08".',
    },
    expected: 'be a two-digit region code such as "08"',
  },
  region: {
    schema: {
      type: 'string',
      pattern: '^[0-9]{2}$',
      description: 'Only those of the region with this code, e.g. "08".',
    },
    expected: 'be a two-digit region code such as "08"',
  },
  id: {
    schema: {
      type: 'string',
      pattern: '^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 90,
      description: 'Programme id: region code and programme slug, e.g. "08-2022-2025".',
    },
    expected: 'be a programme id such as "08-2022-2025" (region code, hyphen, programme slug)',
  },
  number: {
    schema: {
      type: 'string',
      pattern: '^(current|[1-9][0-9]{0,5})$',
      description: 'Version number (1, 2, …), or "current" for the current version.',
    },
    expected: 'be a version number (1, 2, …) or "current"',
  },
  version: {
    schema: {
      type: 'string',
      pattern: '^(current|[1-9][0-9]{0,5})$',
      description: 'Version whose node links are listed: a number, or "current" (the default).',
      default: 'current',
    },
    expected: 'be a version number (1, 2, …) or "current"',
  },
  from: {
    schema: {
      type: 'string',
      pattern: '^(current|[1-9][0-9]{0,5})$',
      description: 'The version to compare from (version A): a number (1, 2, …) or "current".',
    },
    expected: 'be a version number (1, 2, …) or "current"',
  },
  to: {
    schema: {
      type: 'string',
      pattern: '^(current|[1-9][0-9]{0,5})$',
      description: 'The version to compare with (version B): a number (1, 2, …) or "current".',
    },
    expected: 'be a version number (1, 2, …) or "current"',
  },
  key: {
    schema: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 80,
      description: 'Stable key of a node, e.g. "osaaminen-ja-koulutus".',
    },
    expected: 'be a node key of lower-case letters a–z, digits and single hyphens',
  },
  lang: {
    schema: {
      type: 'string',
      enum: [...LANGS],
      default: 'fi',
      description: 'Language of the texts to search: fi (default), sv or en.',
    },
  },
  q: {
    schema: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_QUERY_LENGTH,
      pattern: '\\S',
      description: `Search words (at most ${MAX_QUERY_LENGTH} characters); inflected Finnish forms match, e.g. "elinkeinoelämää".`,
    },
    expected: 'contain at least one word',
  },
} satisfies Record<string, Param>;

export type ParamName = keyof typeof PARAMS;

/** An object schema of the named parameters; `required` lists the mandatory ones. */
export function paramsSchema(names: readonly ParamName[], required: readonly ParamName[] = names): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, PARAMS[n].schema])),
    required: [...required],
    additionalProperties: false,
  };
}

/** What a value of parameter `name` must look like, for error messages. */
export function expectedOf(name: string): string | undefined {
  return (PARAMS as Record<string, Param>)[name]?.expected;
}
