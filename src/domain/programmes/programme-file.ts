/**
 * The programme file: the interchange format in which a council's programme, all its versions,
 * its taxonomies and the council's contact details are imported and exported (YAML or JSON).
 *
 * The tree of each version is written with the level names the programme declares: a programme
 * with levels theme → priority → measure has `themes`, each with `priorities`, each with
 * `measures`. Validation therefore runs in two steps: the header (levels) first, then the whole
 * file with a schema built for those levels, so an error names the exact place, e.g.
 * `versions[1].themes[0].priorities[2].title.fi`.
 */
import { z } from 'zod';
import { issuesToProblems } from '../file-problems.ts';

export { formatPath } from '../file-problems.ts';

export const PROGRAMME_FILE_FORMAT = 'suunta.programme/1';

/** Slugs used by the public site's own pages under a programme; a node may not take them. */
export const RESERVED_SLUGS = ['versions', 'search', 'tags', 'contact', 'api', 'v'] as const;

export const VERSION_STATUSES = ['draft', 'consultation', 'approved', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const keySchema = z
  .string()
  .max(80)
  .regex(KEY, 'must be lower-case letters a–z, digits and single hyphens, e.g. "osaaminen-ja-koulutus"');

const optionalText = z.string().trim().min(1, 'must not be empty').nullish();

/** A text in fi/sv/en; Finnish, the original, is required. `null` or a missing language means no translation yet. */
export const localizedRequiredSchema = z.strictObject({
  fi: z.string().trim().min(1, 'Finnish text is required and must not be empty'),
  sv: optionalText,
  en: optionalText,
});

/** A text in fi/sv/en where every language may be missing. */
export const localizedOptionalSchema = z.strictObject({ fi: optionalText, sv: optionalText, en: optionalText });

const isoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });

const levelSchema = z.strictObject({
  /** Singular key of the level, e.g. `theme`. */
  key: keySchema,
  /** The key under which nodes of this level are listed in the file, e.g. `themes`. */
  plural: z.string().regex(/^[a-z][a-zA-Z]*$/, 'must be a word of letters, e.g. "themes"'),
  name: localizedRequiredSchema,
  namePlural: localizedRequiredSchema,
});

const termSchema = z.strictObject({
  key: keySchema,
  title: localizedRequiredSchema,
  shortTitle: localizedOptionalSchema.optional(),
  description: localizedOptionalSchema.optional(),
});

const taxonomySchema = z.strictObject({
  key: keySchema,
  name: localizedRequiredSchema,
  description: localizedOptionalSchema.optional(),
  terms: z.array(termSchema).min(1, 'a taxonomy needs at least one term'),
});

const officeSchema = z.strictObject({
  key: keySchema,
  kind: z.enum(['main', 'branch']),
  name: localizedRequiredSchema,
  postalAddress: z.string().trim().min(1).optional(),
  visitingAddress: z.string().trim().min(1).optional(),
  hours: localizedOptionalSchema.optional(),
  phone: z.string().trim().min(1).optional(),
  email: z.email().optional(),
});

const contactSchema = z.strictObject({
  name: z.string().trim().min(1),
  role: localizedRequiredSchema,
  topic: localizedOptionalSchema.optional(),
  email: z.email().optional(),
  phone: z.string().trim().min(1).optional(),
});

const councilSchema = z.strictObject({
  name: localizedRequiredSchema,
  businessId: z
    .string()
    .regex(/^\d{7}-\d$/, 'must be a Finnish business id such as "0206714-5"')
    .optional(),
  email: z.email().optional(),
  web: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) address such as "https://www.kymenlaakso.fi/"' })
    .optional(),
  offices: z.array(officeSchema).default([]),
  contacts: z.array(contactSchema).default([]),
});

const programmeSchema = z.strictObject({
  /** URL part of the programme, normally its period, e.g. `2022-2025`. */
  slug: keySchema,
  kind: z.enum(['regional-programme', 'smart-specialisation-strategy']).default('regional-programme'),
  title: localizedRequiredSchema,
  period: z
    .strictObject({ start: z.number().int().min(1990).max(2100), end: z.number().int().min(1990).max(2100) })
    .refine((p) => p.end >= p.start, { message: 'period end must not be before its start' }),
  levels: z.array(levelSchema).min(1, 'at least one level is required').max(5, 'at most five levels are allowed'),
  taxonomies: z.array(taxonomySchema).default([]),
});

const headerSchema = z.object({
  format: z.literal(PROGRAMME_FILE_FORMAT, { message: `must be "${PROGRAMME_FILE_FORMAT}"` }),
  region: z.string().regex(/^\d{2}$/, 'must be a two-digit region code such as "08"'),
  programme: programmeSchema,
});

export type Level = z.infer<typeof levelSchema>;
export type LocalizedRequired = z.infer<typeof localizedRequiredSchema>;
export type LocalizedOptional = z.infer<typeof localizedOptionalSchema>;

/** A node of a version's tree, as written in the file (children under `children` once parsed). */
export interface FileNode {
  key: string;
  slug?: string | undefined;
  title: LocalizedRequired;
  shortTitle?: LocalizedOptional | undefined;
  summary?: LocalizedOptional | undefined;
  body?: LocalizedOptional | undefined;
  terms: string[];
  children: FileNode[];
}

export interface FileVersion {
  number: number;
  status: VersionStatus;
  label?: LocalizedOptional | undefined;
  decision?: { body: LocalizedRequired; date: string; reference?: string | undefined } | undefined;
  changelog?: LocalizedOptional | undefined;
  vision?: LocalizedOptional | undefined;
  summary?: LocalizedOptional | undefined;
  nodes: FileNode[];
}

export interface ProgrammeFile {
  format: typeof PROGRAMME_FILE_FORMAT;
  region: string;
  council?: z.infer<typeof councilSchema> | undefined;
  programme: z.infer<typeof programmeSchema>;
  versions: FileVersion[];
}

/** Builds the node schema for depth `depth` of `levels`, with children under the next level's plural key. */
function nodeSchemaFor(levels: Level[], depth: number): z.ZodType {
  const childLevel = levels[depth + 1];
  const shape: Record<string, z.ZodType> = {
    key: keySchema,
    slug: keySchema
      .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), {
        message: `must not be one of the reserved words ${RESERVED_SLUGS.join(', ')}`,
      })
      .optional(),
    title: localizedRequiredSchema,
    shortTitle: localizedOptionalSchema.optional(),
    summary: localizedOptionalSchema.optional(),
    body: localizedOptionalSchema.optional(),
    terms: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "taxonomy/term"')).default([]),
  };
  if (childLevel) shape[childLevel.plural] = z.array(nodeSchemaFor(levels, depth + 1)).default([]);
  return z.strictObject(shape);
}

function versionSchemaFor(levels: Level[]): z.ZodType {
  const first = levels[0]!;
  return z
    .strictObject({
      number: z.number().int().min(1),
      status: z.enum(VERSION_STATUSES),
      label: localizedOptionalSchema.optional(),
      decision: z
        .strictObject({ body: localizedRequiredSchema, date: isoDate, reference: z.string().trim().min(1).optional() })
        .optional(),
      changelog: localizedOptionalSchema.optional(),
      vision: localizedOptionalSchema.optional(),
      summary: localizedOptionalSchema.optional(),
      [first.plural]: z.array(nodeSchemaFor(levels, 0)).default([]),
    })
    .superRefine((v, ctx) => {
      const status = v['status'] as VersionStatus;
      if ((status === 'approved' || status === 'superseded') && !v['decision']) {
        ctx.addIssue({
          code: 'custom',
          path: ['decision'],
          message: `${status === 'approved' ? 'an' : 'a'} ${status} version needs its decision (body and date)`,
        });
      }
    });
}

/** Builds the full file schema for the levels the file declares. */
export function programmeFileSchemaFor(levels: Level[]): z.ZodType {
  // Strict at the top level too: an unknown field is reported, not silently dropped.
  return z.strictObject({
    ...headerSchema.shape,
    council: councilSchema.optional(),
    versions: z.array(versionSchemaFor(levels)).min(1, 'at least one version is required'),
  });
}

/** The levels of a regional programme as Kymenlaakso uses them; also used to publish the JSON Schema. */
export const DEFAULT_LEVELS: Level[] = [
  {
    key: 'theme',
    plural: 'themes',
    name: { fi: 'Teema', sv: 'Tema', en: 'Theme' },
    namePlural: { fi: 'Teemat', sv: 'Teman', en: 'Themes' },
  },
  {
    key: 'priority',
    plural: 'priorities',
    name: { fi: 'Painopiste', sv: 'Prioritering', en: 'Priority' },
    namePlural: { fi: 'Painopisteet', sv: 'Prioriteringar', en: 'Priorities' },
  },
  {
    key: 'measure',
    plural: 'measures',
    name: { fi: 'Toimenpide', sv: 'Åtgärd', en: 'Measure' },
    namePlural: { fi: 'Toimenpiteet', sv: 'Åtgärder', en: 'Measures' },
  },
];

/** Formats a zod issue path as `versions[1].themes[0].title.fi`. */
export type ParseResult = { ok: true; file: ProgrammeFile } | { ok: false; problems: string[] };

interface RawNode extends Record<string, unknown> {
  key: string;
}

/** Converts a validated node (children under a level's plural key) into a FileNode. */
function toFileNode(raw: RawNode, levels: Level[], depth: number): FileNode {
  const childLevel = levels[depth + 1];
  const rawChildren = childLevel ? ((raw[childLevel.plural] as RawNode[] | undefined) ?? []) : [];
  return {
    key: raw.key,
    slug: raw['slug'] as string | undefined,
    title: raw['title'] as LocalizedRequired,
    shortTitle: raw['shortTitle'] as LocalizedOptional | undefined,
    summary: raw['summary'] as LocalizedOptional | undefined,
    body: raw['body'] as LocalizedOptional | undefined,
    terms: (raw['terms'] as string[] | undefined) ?? [],
    children: rawChildren.map((c) => toFileNode(c, levels, depth + 1)),
  };
}

/**
 * Validates a parsed programme file (from YAML or JSON) completely and returns either the file or
 * every problem found, each as `path: reason`.
 */
export function parseProgrammeFile(input: unknown): ParseResult {
  const header = headerSchema.safeParse(input);
  if (!header.success) {
    // When the levels themselves are fine, check the whole file so every problem is listed at once.
    const levelsOnly = programmeSchema.shape.levels.safeParse(
      (input as { programme?: { levels?: unknown } } | null)?.programme?.levels,
    );
    const issues = levelsOnly.success
      ? (programmeFileSchemaFor(levelsOnly.data).safeParse(input).error?.issues ?? header.error.issues)
      : header.error.issues;
    return { ok: false, problems: issuesToProblems(issues) };
  }
  const levels = header.data.programme.levels;
  const full = programmeFileSchemaFor(levels).safeParse(input);
  if (!full.success) return { ok: false, problems: issuesToProblems(full.error.issues) };
  const data = full.data as Record<string, unknown> &
    Omit<ProgrammeFile, 'versions'> & { versions: Record<string, unknown>[] };
  const first = levels[0]!;
  const file: ProgrammeFile = {
    format: PROGRAMME_FILE_FORMAT,
    region: data.region,
    council: data.council,
    programme: data.programme,
    versions: data.versions.map((v) => ({
      number: v['number'] as number,
      status: v['status'] as VersionStatus,
      label: v['label'] as LocalizedOptional | undefined,
      decision: v['decision'] as FileVersion['decision'],
      changelog: v['changelog'] as LocalizedOptional | undefined,
      vision: v['vision'] as LocalizedOptional | undefined,
      summary: v['summary'] as LocalizedOptional | undefined,
      nodes: ((v[first.plural] as RawNode[] | undefined) ?? []).map((n) => toFileNode(n, levels, 0)),
    })),
  };
  const problems = checkReferences(file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file };
}

/** Rules across the file: unique keys and numbers, known term references, one approved version. */
function checkReferences(file: ProgrammeFile): string[] {
  const problems: string[] = [];
  const levels = file.programme.levels;
  const terms = new Set<string>();
  const seenTaxonomies = new Set<string>();
  file.programme.taxonomies.forEach((tax, ti) => {
    if (seenTaxonomies.has(tax.key))
      problems.push(`programme.taxonomies[${ti}].key: duplicate taxonomy key "${tax.key}"`);
    seenTaxonomies.add(tax.key);
    const seenTerms = new Set<string>();
    tax.terms.forEach((term, i) => {
      if (seenTerms.has(term.key))
        problems.push(`programme.taxonomies[${ti}].terms[${i}].key: duplicate term key "${term.key}"`);
      seenTerms.add(term.key);
      terms.add(`${tax.key}/${term.key}`);
    });
  });
  const seenLevels = new Set<string>();
  levels.forEach((level, i) => {
    if (seenLevels.has(level.plural))
      problems.push(`programme.levels[${i}].plural: duplicate level name "${level.plural}"`);
    seenLevels.add(level.plural);
  });
  const numbers = new Set<number>();
  let approved = 0;
  file.versions.forEach((version, vi) => {
    if (numbers.has(version.number))
      problems.push(`versions[${vi}].number: duplicate version number ${version.number}`);
    numbers.add(version.number);
    if (version.status === 'approved') approved += 1;
    const keys = new Set<string>();
    const walk = (nodes: FileNode[], depth: number, base: string): void => {
      const level = levels[depth];
      if (!level || nodes.length === 0) return;
      const plural = level.plural;
      const slugs = new Set<string>();
      nodes.forEach((node, i) => {
        const path = `${base}.${plural}[${i}]`;
        if (keys.has(node.key)) problems.push(`${path}.key: duplicate key "${node.key}" in this version`);
        keys.add(node.key);
        const slug = node.slug ?? node.key;
        if (node.slug === undefined && (RESERVED_SLUGS as readonly string[]).includes(slug)) {
          problems.push(`${path}.key: "${slug}" is a reserved word; give the node another slug`);
        }
        if (slugs.has(slug)) problems.push(`${path}.slug: duplicate slug "${slug}" among its siblings`);
        slugs.add(slug);
        node.terms.forEach((ref, ri) => {
          if (!terms.has(ref))
            problems.push(`${path}.terms[${ri}]: unknown term "${ref}" (declare it under programme.taxonomies)`);
        });
        walk(node.children, depth + 1, path);
      });
    };
    walk(version.nodes, 0, `versions[${vi}]`);
  });
  if (approved > 1)
    problems.push(
      `versions: ${approved} versions are "approved"; at most one may be, mark the older ones "superseded"`,
    );
  return problems;
}
