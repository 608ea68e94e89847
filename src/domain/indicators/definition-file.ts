/**
 * The indicator definitions file of a region (YAML or JSON; `suunta import indicators FILE`):
 * the indicator groups, the indicators with their names, unit, direction, links to programme
 * nodes and taxonomy terms, where their figures come from (organisation, table with its earlier
 * ids, content code, fixed filters on the other dimensions, licence, frequency) and their baseline
 * and targets. JSON Schema: `schemas/indicators.schema.json` (made from this schema).
 */
import { z } from 'zod';
import { localizedOptionalSchema, localizedRequiredSchema } from '../programmes/programme-file.ts';

export const INDICATOR_FILE_FORMAT = 'suunta.indicators/1';

export const DIRECTIONS = ['increase', 'decrease', 'keep'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const INDICATOR_LEVELS = ['programme', 'theme', 'priority'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export const FREQUENCIES = ['annual', 'quarterly', 'monthly', 'irregular'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const keySchema = z
  .string()
  .max(80)
  .regex(KEY, 'must be lower-case letters a–z, digits and single hyphens, e.g. "vaesto"');

/** An exact decimal written as text or as a YAML number (kept as written). */
export const decimalSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as 150200 or 12.3'));

/** A statistical period: a year `2024`, a quarter `2024Q3` or a month `2024M07`. */
export const periodSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(
    z.string().regex(/^\d{4}(Q[1-4]|M(0[1-9]|1[0-2]))?$/, 'must be a year (2024), quarter (2024Q3) or month (2024M07)'),
  );

/**
 * An area as Suunta holds it, written as its key: `SSS` (whole country), `MK08` (a region), `SK081`
 * (a subregion), `KU091` (a municipality). A bare `08` is read as the region, a bare `091` as the
 * municipality.
 */
export const areaKeySchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().toUpperCase())
  .transform((v) => (/^\d{2}$/.test(v) ? `MK${v}` : /^\d{3}$/.test(v) ? `KU${v}` : v))
  .pipe(
    z
      .string()
      .regex(
        /^(SSS|MK\d{2}|SK\d{3}|KU\d{3})$/,
        'must be SSS (whole country), a region (MK08 or 08), a subregion (SK081) or a municipality (KU091 or 091)',
      ),
  );

const isoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });

const sourceSchema = z.strictObject({
  organisation: localizedRequiredSchema,
  /** The table id now, e.g. `statfin_vaerak_pxt_11ra`. */
  table: z.string().trim().min(1),
  /** Ids the table had before (Statistics Finland renamed tables and dimensions in 2026). */
  earlierTables: z.array(z.string().trim().min(1)).default([]),
  /** The code of the figure in the table's metric (content) dimension, e.g. `vaesto`; omit when the table has one figure. */
  content: z.string().trim().min(1).optional(),
  /** Fixed categories of the other dimensions: dimension (id or label) → category (code or label), e.g. `Sukupuoli: SSS`. */
  filters: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  /** The area of a file that has no area dimension (default: the whole country). */
  area: areaKeySchema.optional(),
  licence: z.string().trim().min(1),
  url: z.url({ message: 'must be an absolute URL' }).optional(),
  frequency: z.enum(FREQUENCIES),
  /** The saved query `suunta fetch statistics` runs (PxWeb v1 POST body or PxWebApi 2 selection). */
  query: z.record(z.string(), z.unknown()).optional(),
});

const baselineSchema = z.strictObject({
  period: periodSchema,
  value: decimalSchema,
  area: areaKeySchema,
  decision: z.string().trim().min(1).optional(),
});

const targetSchema = z.strictObject({
  period: periodSchema,
  value: decimalSchema,
  area: areaKeySchema,
  /** The decision that set the target (body, date or document). */
  decision: z.string().trim().min(1),
  decided: isoDate.optional(),
});

const termLinkSchema = z.strictObject({ taxonomy: keySchema, term: keySchema });

export const indicatorDefinitionSchema = z.strictObject({
  code: keySchema,
  name: localizedRequiredSchema,
  definition: localizedOptionalSchema.optional(),
  unit: localizedRequiredSchema,
  decimals: z.number().int().min(0).max(6),
  direction: z.enum(DIRECTIONS),
  group: keySchema,
  level: z.enum(INDICATOR_LEVELS),
  /** Programme node keys (theme or priority) the indicator follows. */
  nodes: z.array(keySchema).default([]),
  terms: z.array(termLinkSchema).default([]),
  /** Compare municipalities per resident (divided by the population indicator's value of the same period). */
  perResident: z.boolean().default(false),
  /** Who keeps the indicator's data up to date (shown on the overdue list). */
  owner: z.string().trim().min(1).optional(),
  source: sourceSchema,
  baseline: baselineSchema.optional(),
  targets: z.array(targetSchema).default([]),
});

const groupSchema = z.strictObject({ code: keySchema, name: localizedRequiredSchema });

export const indicatorFileSchema = z
  .strictObject({
    format: z.literal(INDICATOR_FILE_FORMAT),
    region: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).padStart(2, '0'))
      .pipe(z.string().regex(/^\d{2}$/, 'must be a two-digit region code such as "08"')),
    /** The programme whose nodes the indicators link to (its slug). */
    programme: keySchema.optional(),
    /** The population indicator used for per-resident comparisons. */
    population: keySchema.optional(),
    /** Extra ids the statistics offices use for the same table or dimension: alias → id. */
    idMap: z
      .strictObject({
        tables: z.record(z.string(), z.string()).default({}),
        dimensions: z.record(z.string(), z.string()).default({}),
      })
      .default({ tables: {}, dimensions: {} }),
    groups: z.array(groupSchema).min(1),
    indicators: z.array(indicatorDefinitionSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const groups = new Set(file.groups.map((g) => g.code));
    const seen = new Set<string>();
    file.indicators.forEach((ind, i) => {
      if (seen.has(ind.code))
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'code'], message: `repeats the code "${ind.code}"` });
      seen.add(ind.code);
      if (!groups.has(ind.group))
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'group'],
          message: `names the group "${ind.group}", which the file's groups do not list`,
        });
      if (ind.level !== 'programme' && ind.nodes.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'nodes'],
          message: `a ${ind.level} indicator must name at least one node`,
        });
    });
    if (file.population && !seen.has(file.population))
      ctx.addIssue({
        code: 'custom',
        path: ['population'],
        message: `names "${file.population}", which is not an indicator of the file`,
      });
    if (file.indicators.some((i) => i.perResident) && !file.population)
      ctx.addIssue({
        code: 'custom',
        path: ['population'],
        message: 'is required when an indicator compares per resident',
      });
  });

export type IndicatorFile = z.output<typeof indicatorFileSchema>;
export type IndicatorDefinition = z.output<typeof indicatorDefinitionSchema>;
export type IndicatorSource = IndicatorDefinition['source'];
export type Baseline = NonNullable<IndicatorDefinition['baseline']>;
export type Target = IndicatorDefinition['targets'][number];
