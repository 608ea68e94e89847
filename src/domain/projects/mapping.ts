/**
 * The column mapping of a project import: which source column (or constant value) feeds which
 * project field, with per-field options (value maps such as EAKR → ERDF or Toiminnassa → running,
 * list separators, the decimal separator of amounts). Stored as JSON (content/mappings/*.json).
 */
import { z } from 'zod';
import { FUNDING_KINDS } from './status.ts';

export const MAPPING_FORMAT = 'suunta.project-mapping/1';

/** The project fields a mapping can fill (besides funding lines and details). */
export const MAPPED_FIELDS = [
  'code',
  'name.fi',
  'name.sv',
  'name.en',
  'summary.fi',
  'summary.sv',
  'summary.en',
  'leadOrganisation.name',
  'leadOrganisation.businessId',
  'partners',
  'municipalities',
  'startDate',
  'endDate',
  'status',
  'primaryNode',
  'nodes',
  'terms',
  'source',
  'fundingPeriod',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Fields that hold a list; a cell is split at `split` (default: see DEFAULT_SPLIT). */
export const LIST_FIELDS: ReadonlySet<MappedField> = new Set(['partners', 'municipalities', 'nodes', 'terms']);

/** Organisation names may hold commas ("Hämeen liitto, kuntayhtymä"): partners split at line breaks and ";" only. */
export const DEFAULT_SPLIT: Record<string, RegExp> = {
  partners: /\s*(?:\r?\n|;)\s*/,
  municipalities: /\s*[,;\n]\s*/,
  nodes: /\s*[,;\s]\s*/,
  terms: /\s*[,;\s]\s*/,
};

const fieldSpec = z
  .object({
    /** The source column (its header text, exactly, after trimming). */
    column: z.string().trim().min(1).optional(),
    /** A constant value used for every row instead of a column. */
    value: z.string().optional(),
    /** Source value → value (applied before the field's own parsing), e.g. {"EAKR": "ERDF"}. */
    map: z.record(z.string(), z.string()).optional(),
    /** List fields: the separator between items (a literal string). */
    split: z.string().min(1).optional(),
    /** True when the column may be missing from the file (its field is then empty). */
    optional: z.boolean().optional(),
    /** 'slug': turn the value into a code-like slug of at most 64 characters (for sources without codes). */
    transform: z.enum(['slug']).optional(),
    /** Amounts: the source's decimal separator when values alone cannot tell (e.g. `1.234`). */
    decimalSeparator: z.enum([',', '.']).optional(),
    /** Amounts: 'euros' (default) or 'cents'. */
    unit: z.enum(['euros', 'cents']).optional(),
    /** Details: 'amount' checks the value as money and keeps it in euros (`1234.50`); default 'text'. */
    type: z.enum(['text', 'amount']).optional(),
  })
  .strict()
  .refine((f) => (f.column === undefined) !== (f.value === undefined), 'give either "column" or "value"');
export type FieldSpec = z.infer<typeof fieldSpec>;

const fundingSpec = z
  .object({
    fund: fieldSpec,
    kind: z.enum(FUNDING_KINDS),
    amount: fieldSpec,
    year: fieldSpec.optional(),
  })
  .strict();
export type FundingSpec = z.infer<typeof fundingSpec>;

export const mappingSchema = z
  .object({
    format: z.literal(MAPPING_FORMAT),
    description: z.string().optional(),
    /** Notes on what each column means and why it maps as it does. */
    notes: z.array(z.string()).optional(),
    /** The programme (slug) whose node keys and terms the links name; default: the one of the region's programmes that has the key. */
    programme: z.string().optional(),
    fields: z
      .partialRecord(z.enum(MAPPED_FIELDS), fieldSpec)
      .refine((f) => f.code !== undefined, '"code" must be mapped')
      .refine((f) => f.status !== undefined, '"status" must be mapped')
      .refine(
        (f) => f['name.fi'] !== undefined || f['name.sv'] !== undefined || f['name.en'] !== undefined,
        'a name ("name.fi", "name.sv" or "name.en") must be mapped',
      ),
    funding: z.array(fundingSpec).default([]),
    /** Further source columns kept verbatim on the project, by the label they are shown with. */
    details: z.record(z.string(), fieldSpec).default({}),
  })
  .strict();
export type ProjectMapping = z.infer<typeof mappingSchema>;

/** Every source column the mapping reads, with whether it may be missing. */
export function mappedColumns(mapping: ProjectMapping): { column: string; optional: boolean }[] {
  const specs: FieldSpec[] = [
    ...Object.values(mapping.fields),
    ...mapping.funding.flatMap((f) => [f.fund, f.amount, ...(f.year ? [f.year] : [])]),
    ...Object.values(mapping.details),
  ];
  const out = new Map<string, boolean>();
  for (const s of specs) {
    if (s.column === undefined) continue;
    out.set(s.column, (out.get(s.column) ?? true) && s.optional === true);
  }
  return [...out.entries()].map(([column, optional]) => ({ column, optional }));
}
