/**
 * Path and query parameters of the API as zod schemas: fastify validates requests with them (see
 * ./validation.ts) and @fastify/swagger publishes them, converted to JSON Schema, as OpenAPI
 * parameters. Each schema carries the wording used when a value is refused ("… must …").
 */
import { z } from 'zod';
import { LANGS } from '#src/domain/languages.ts';
import { refusal } from '#src/lib/zod-messages.ts';

/** The longest search query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

const VERSION_NUMBER = /^(current|[1-9][0-9]{0,5})$/;
const versionText = 'be a version number (1, 2, …) or "current"';
const regionText = 'be a two-digit region code such as "08"';

const PARAMS = {
  code: z
    .string(refusal(regionText))
    .regex(/^[0-9]{2}$/, refusal(regionText))
    .describe('Region code (Statistics Finland), two digits, e.g. "08".'),
  region: z
    .string(refusal(regionText))
    .regex(/^[0-9]{2}$/, refusal(regionText))
    .describe('Only those of the region with this code, e.g. "08".'),
  id: z
    .string(refusal('be a programme id'))
    .max(90, refusal('be at most 90 characters long'))
    .regex(
      /^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$/,
      refusal('be a programme id such as "08-2022-2025" (region code, hyphen, programme slug)'),
    )
    .describe('Programme id: region code and programme slug, e.g. "08-2022-2025".'),
  number: z
    .string(refusal(versionText))
    .regex(VERSION_NUMBER, refusal(versionText))
    .describe('Version number (1, 2, …), or "current" for the current version.'),
  version: z
    .string(refusal(versionText))
    .regex(VERSION_NUMBER, refusal(versionText))
    .default('current')
    .describe('Version whose node links are listed: a number, or "current" (the default).'),
  from: z
    .string(refusal(versionText))
    .regex(VERSION_NUMBER, refusal(versionText))
    .describe('The version to compare from (version A): a number (1, 2, …) or "current".'),
  to: z
    .string(refusal(versionText))
    .regex(VERSION_NUMBER, refusal(versionText))
    .describe('The version to compare with (version B): a number (1, 2, …) or "current".'),
  key: z
    .string(refusal('be a node key'))
    .max(80, refusal('be at most 80 characters long'))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, refusal('be a node key of lower-case letters a–z, digits and single hyphens'))
    .describe('Stable key of a node, e.g. "osaaminen-ja-koulutus".'),
  lang: z
    .enum(LANGS, refusal(`be one of: ${LANGS.join(', ')}`))
    .default('fi')
    .describe('Language of the texts to search: fi (default), sv or en.'),
  q: z
    .string(refusal('contain at least one word'))
    .min(1, refusal('contain at least one word'))
    .max(MAX_QUERY_LENGTH, refusal(`be at most ${MAX_QUERY_LENGTH} characters long`))
    .regex(/\S/, refusal('contain at least one word'))
    .describe(
      `Search words (at most ${MAX_QUERY_LENGTH} characters); inflected Finnish forms match, e.g. "elinkeinoelämää".`,
    ),
  indicator: z
    .string(refusal('be an indicator code'))
    .max(80, refusal('be at most 80 characters long'))
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      refusal('be an indicator code of lower-case letters a–z, digits and single hyphens, e.g. "vaesto"'),
    )
    .describe('Code of an indicator of the region, e.g. "vaesto".'),
  programme: z
    .string(refusal('be a programme slug'))
    .max(80, refusal('be at most 80 characters long'))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, refusal('be a programme slug such as "2022-2025"'))
    .describe('Slug of a programme of the region, e.g. "2022-2025".'),
  round: z
    .string(refusal('be a consultation round slug'))
    .max(40, refusal('be at most 40 characters long'))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, refusal('be a consultation round slug such as "luonnos-2021"'))
    .describe('Slug of a consultation round of the programme, e.g. "luonnos-2021".'),
  projectCode: z
    .string(refusal('be a project code'))
    .min(1, refusal('be a project code'))
    .describe('Project code, e.g. "A70301".'),
};

export type ParamName = keyof typeof PARAMS;
type ParamsOf<N extends ParamName, R extends ParamName> = {
  [K in N]: K extends R ? (typeof PARAMS)[K] : z.ZodOptional<(typeof PARAMS)[K]>;
};

/** An object schema of the named parameters; `required` lists the mandatory ones (all by default); others are dropped. */
export function paramsSchema<const N extends ParamName, const R extends N = N>(
  names: readonly N[],
  required?: readonly R[],
): z.ZodObject<ParamsOf<N, R>> {
  const must = new Set<ParamName>(required ?? names);
  const shape = Object.fromEntries(names.map((n) => [n, must.has(n) ? PARAMS[n] : PARAMS[n].optional()]));
  return z.object(shape) as unknown as z.ZodObject<ParamsOf<N, R>>;
}
