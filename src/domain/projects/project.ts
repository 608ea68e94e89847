/**
 * The project model: a development project of a region, its funding lines and its links to the
 * programme (node keys, taxonomy terms). `projectSchema` is the rule every stored project obeys.
 */
import { z } from 'zod';
import type { LocalizedText } from '#src/domain/languages.ts';
import { FUND_CODES, type FundCode } from './funds.ts';
import { FUNDING_KINDS, PROJECT_STATUSES, type FundingKind, type ProjectStatus } from './status.ts';

/** A project code as funders write them: `A70301`, `S10324`, `NSR-2021-17`, `101056765`. */
export const PROJECT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const PROJECT_CODE_RULE =
  'letters A–Z, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters';

/** A Finnish business id (Y-tunnus), `1234567-8`, with its check digit. */
export function isBusinessId(value: string): boolean {
  const m = /^(\d{7})-(\d)$/.exec(value);
  if (!m) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...m[1]!].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const rest = sum % 11;
  if (rest === 1) return false;
  return (rest === 0 ? 0 : 11 - rest) === Number(m[2]);
}

/** A funding period as stored: `2014-2020` (first and last year of the EU programme period). */
export const FUNDING_PERIOD = /^(\d{4})-(\d{4})$/;

/**
 * A funding period as sources write it (`2014-2020`, `2014–2020`, `2014 - 2020`) in its stored
 * form, or an error; the first year must not be after the last.
 */
export function parseFundingPeriod(value: string): { ok: true; period: string } | { ok: false; error: string } {
  const m = /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(value.trim());
  if (!m || Number(m[1]) > Number(m[2]) || Number(m[1]) < 1900 || Number(m[2]) > 2100)
    return { ok: false, error: `"${value}" is not a funding period (write the first and last year, e.g. 2014-2020)` };
  return { ok: true, period: `${m[1]}-${m[2]}` };
}

export interface Organisation {
  name: string;
  businessId: string | null;
}

export interface FundingLine {
  fund: FundCode;
  kind: FundingKind;
  /** Euro cents; negative for recoveries and corrections (sources report them so). */
  amountCents: number;
  /** The year the money belongs to, when the source says. */
  year: number | null;
}

/** A link to a node of a programme of the project's region (by the node's stable key). */
export interface NodeLink {
  programme: string;
  key: string;
  primary: boolean;
}

/** A link to a term (`taxonomy/term`) of a programme of the project's region. */
export interface TermLink {
  programme: string;
  taxonomy: string;
  term: string;
}

export interface Project {
  code: string;
  name: LocalizedText;
  summary: LocalizedText | null;
  leadOrganisation: Organisation | null;
  partners: Organisation[];
  /** Official 3-digit municipality codes, sorted. */
  municipalities: string[];
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  funding: FundingLine[];
  nodes: NodeLink[];
  terms: TermLink[];
  source: string | null;
  /**
   * The EU programme period whose money the project got, e.g. `2014-2020` (the structural funds'
   * 2014–2020 period); absent when the source does not say.
   */
  fundingPeriod?: string;
  /** Further facts from the source, kept as written (e.g. the priority axis of the source's own programme). */
  details: Record<string, string>;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date yyyy-mm-dd');
const text = z.string().trim().min(1);
const localized = z
  .object({ fi: text.optional(), sv: text.optional(), en: text.optional() })
  .strict()
  .refine(
    (t) => t.fi !== undefined || t.sv !== undefined || t.en !== undefined,
    'needs a text in at least one language',
  );
const organisation = z
  .object({
    name: text,
    businessId: z.string().refine(isBusinessId, 'must be a Finnish business id 1234567-8').nullable(),
  })
  .strict();

export const fundingLineSchema = z
  .object({
    fund: z.enum(FUND_CODES),
    kind: z.enum(FUNDING_KINDS),
    amountCents: z.number().int().refine(Number.isSafeInteger, 'is too large'),
    year: z.number().int().min(1900).max(2100).nullable(),
  })
  .strict();

export const projectSchema = z
  .object({
    code: z.string().regex(PROJECT_CODE, `must be a project code: ${PROJECT_CODE_RULE}`),
    name: localized,
    summary: localized.nullable(),
    leadOrganisation: organisation.nullable(),
    partners: z.array(organisation),
    municipalities: z.array(z.string().regex(/^\d{3}$/, 'must be a 3-digit municipality code')),
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    status: z.enum(PROJECT_STATUSES),
    funding: z.array(fundingLineSchema),
    nodes: z.array(z.object({ programme: text, key: text, primary: z.boolean() }).strict()),
    terms: z.array(z.object({ programme: text, taxonomy: text, term: text }).strict()),
    source: text.nullable(),
    fundingPeriod: z
      .string()
      .refine((v) => FUNDING_PERIOD.test(v) && parseFundingPeriod(v).ok, 'must be a funding period such as 2014-2020')
      .optional(),
    details: z.record(z.string(), z.string()),
  })
  .strict()
  .refine((p) => p.startDate === null || p.endDate === null || p.startDate <= p.endDate, {
    message: 'ends before it starts',
    path: ['endDate'],
  })
  .refine((p) => p.nodes.filter((n) => n.primary).length <= 1, {
    message: 'has more than one primary priority',
    path: ['nodes'],
  });

/**
 * The project in one canonical form (keys and lists in a fixed order), so that two imports of the
 * same data give the same string; used to tell changed projects from unchanged ones.
 */
export function canonicalProject(p: Project): string {
  const lt = (t: LocalizedText | null): Record<string, string> | null =>
    t === null
      ? null
      : Object.fromEntries((['fi', 'sv', 'en'] as const).filter((l) => t[l]).map((l) => [l, t[l] as string]));
  return JSON.stringify([
    p.code,
    lt(p.name),
    lt(p.summary),
    p.leadOrganisation ? [p.leadOrganisation.name, p.leadOrganisation.businessId] : null,
    p.partners.map((o) => [o.name, o.businessId]),
    [...p.municipalities].sort(),
    p.startDate,
    p.endDate,
    p.status,
    p.funding.map((f) => [f.fund, f.kind, f.amountCents, f.year]),
    [...p.nodes].map((n) => [n.programme, n.key, n.primary]).sort(),
    [...p.terms].map((t) => [t.programme, t.taxonomy, t.term]).sort(),
    p.source,
    Object.entries(p.details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    // Last and only when known, so that projects stored before the field existed keep their hash.
    ...(p.fundingPeriod !== undefined ? [p.fundingPeriod] : []),
  ]);
}
