/**
 * Turns one source row into a project through a mapping, checking every value on the way: dates
 * that exist, amounts that read without guessing, known funds, statuses, municipalities, programme
 * nodes and terms. Returns the project or every problem of the row (column and reason).
 */
import { slugify } from '#src/lib/slug.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import { formatCents, parseAmount, type AmountOptions } from './amount.ts';
import { parseDate, parseYear } from './dates.ts';
import { FUND_LIST, fundFromName } from './funds.ts';
import { DEFAULT_SPLIT, type FieldSpec, type MappedField, type ProjectMapping } from './mapping.ts';
import {
  PROJECT_CODE,
  parseFundingPeriod,
  PROJECT_CODE_RULE,
  isBusinessId,
  type FundingLine,
  type NodeLink,
  type Organisation,
  type Project,
  type TermLink,
} from './project.ts';
import { PROJECT_STATUSES, isProjectStatus } from './status.ts';

/** What a row is checked against: the municipality register and the region's programmes. */
export interface ProjectLookups {
  regionCode: string;
  /** Official 3-digit municipality codes. */
  municipalityCodes: ReadonlySet<string>;
  /** Lower-case Finnish, Swedish and English municipality names → code. */
  municipalityByName: ReadonlyMap<string, string>;
  /** Programme slug → its node keys (with the key of each node's level) and its `taxonomy/term` refs. */
  programmes: ReadonlyMap<
    string,
    { nodes: ReadonlyMap<string, string | null>; terms: ReadonlySet<string>; levelKeys: ReadonlySet<string> }
  >;
  /** The programme whose keys the links name; null lets each key find its programme. */
  programme: string | null;
}

export interface RowProblem {
  /** The source column, or a description of the mapping value, or null for the row as a whole. */
  column: string | null;
  reason: string;
  /** The reason as a code with parameters, where an edge translates it (`errors.field.<code>`). */
  code?: { code: string; params?: Readonly<Record<string, string | number>> };
}

/** A row's cell by column name; undefined when the file has no such column. */
export type CellReader = (column: string) => string | undefined;

const hasLetter = (s: string): boolean => /\p{L}/u.test(s);

function label(field: string, spec: FieldSpec): string {
  return spec.column ?? `(mapping value of ${field})`;
}

/** A code made from a name: `Vækst 2.0 – Nordjylland` → `vaekst-2-0-nordjylland`, at most 64 characters. */
export function codeSlug(text: string): string {
  const plain = text
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l');
  return slugify(plain).slice(0, 64).replace(/-+$/, '');
}

function amountOptions(spec: FieldSpec): AmountOptions {
  return {
    ...(spec.decimalSeparator ? { decimalSeparator: spec.decimalSeparator } : {}),
    ...(spec.unit ? { unit: spec.unit } : {}),
  };
}

function lookupMap(map: Record<string, string> | undefined, value: string): string {
  if (!map || value === '') return value;
  if (Object.hasOwn(map, value)) return map[value]!;
  const lower = value.toLowerCase();
  for (const [from, to] of Object.entries(map)) if (from.toLowerCase() === lower) return to;
  return value;
}

/** Maps one row; `get` reads its cells. */
export interface MappedRow {
  project: Project | null;
  problems: RowProblem[];
  /** The row's project code when it is a valid code (also when other values are wrong), to find duplicates. */
  code: string | null;
  /** The column the code comes from. */
  codeColumn: string;
}

export function mapRow(get: CellReader, mapping: ProjectMapping, lookups: ProjectLookups): MappedRow {
  const problems: RowProblem[] = [];
  const problem = (column: string | null, reason: string): void => {
    problems.push({ column, reason });
  };
  /** The cell (or constant) of `spec`, trimmed, with its value map applied; '' when empty or absent. */
  const read = (spec: FieldSpec | undefined): string => {
    if (!spec) return '';
    const raw = spec.value ?? get(spec.column!) ?? '';
    let value = lookupMap(spec.map, raw.trim());
    if (spec.transform === 'slug') value = codeSlug(value);
    return value;
  };
  const fields = mapping.fields;
  const field = (name: MappedField): { spec: FieldSpec | undefined; value: string; column: string } => {
    const spec = fields[name];
    return { spec, value: read(spec), column: spec ? label(name, spec) : name };
  };
  const list = (name: MappedField): { items: string[]; column: string } => {
    const { spec, value, column } = field(name);
    if (value === '') return { items: [], column };
    const parts = spec?.split !== undefined ? value.split(spec.split) : value.split(DEFAULT_SPLIT[name] ?? /\s*;\s*/);
    return { items: parts.map((p) => p.trim()).filter((p) => p !== ''), column };
  };

  // Code
  const code = field('code');
  if (code.value === '') problem(code.column, 'is empty (every project needs its code)');
  else if (!PROJECT_CODE.test(code.value))
    problem(code.column, `"${code.value}" is not a project code (${PROJECT_CODE_RULE})`);

  // Names and summaries
  const texts = (prefix: 'name' | 'summary'): LocalizedText => {
    const out: LocalizedText = {};
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const f = field(`${prefix}.${lang}`);
      if (f.value === '') continue;
      if (prefix === 'name' && !hasLetter(f.value)) problem(f.column, `"${f.value}" is not a name (it has no letters)`);
      else out[lang] = f.value;
    }
    return out;
  };
  const name = texts('name');
  const nameColumns = (['fi', 'sv', 'en'] as const).flatMap((l) => {
    const spec = fields[`name.${l}`];
    return spec ? [label(`name.${l}`, spec)] : [];
  });
  if (Object.keys(name).length === 0 && !problems.some((p) => p.column !== null && nameColumns.includes(p.column))) {
    problem(nameColumns.join('" / "'), 'is empty (every project needs a name)');
  }
  const summary = texts('summary');

  // Organisations
  const leadName = field('leadOrganisation.name');
  const leadId = field('leadOrganisation.businessId');
  let leadOrganisation: Organisation | null = null;
  if (leadName.value !== '' && !hasLetter(leadName.value))
    problem(leadName.column, `"${leadName.value}" is not an organisation name (it has no letters)`);
  else if (leadName.value !== '') leadOrganisation = { name: leadName.value, businessId: null };
  if (leadId.value !== '') {
    if (!isBusinessId(leadId.value))
      problem(leadId.column, `"${leadId.value}" is not a Finnish business id (1234567-8 with a valid check digit)`);
    else if (leadOrganisation) leadOrganisation.businessId = leadId.value;
    else if (leadName.value === '')
      problem(leadId.column, 'a business id is given but the lead organisation has no name');
  }
  const partnerList = list('partners');
  const partners: Organisation[] = [];
  for (const item of partnerList.items) {
    const m = /^(.*?)\s*\((\d{7}-\d)\)$/.exec(item);
    const partnerName = m ? m[1]! : item;
    const businessId = m ? m[2]! : null;
    if (!hasLetter(partnerName))
      problem(partnerList.column, `"${item}" is not an organisation name (it has no letters)`);
    else if (businessId !== null && !isBusinessId(businessId))
      problem(partnerList.column, `"${item}": ${businessId} is not a valid Finnish business id`);
    else partners.push({ name: partnerName, businessId });
  }

  // Municipalities
  const municipalityList = list('municipalities');
  const municipalities = new Set<string>();
  for (const item of municipalityList.items) {
    const m = /^(?:KU)?(\d{1,3})$/i.exec(item);
    if (m) {
      const c = m[1]!.padStart(3, '0');
      if (lookups.municipalityCodes.has(c)) municipalities.add(c);
      else problem(municipalityList.column, `"${item}" is not the code of a municipality in the municipality register`);
    } else {
      const c = lookups.municipalityByName.get(item.toLowerCase());
      if (c) municipalities.add(c);
      else
        problem(
          municipalityList.column,
          `"${item}" is not a municipality (neither a name nor an official code in the municipality register)`,
        );
    }
  }

  // Dates
  const date = (name: 'startDate' | 'endDate'): { iso: string | null; column: string } => {
    const f = field(name);
    if (f.value === '') return { iso: null, column: f.column };
    const r = parseDate(f.value);
    if (!r.ok) {
      problem(f.column, r.error);
      return { iso: null, column: f.column };
    }
    return { iso: r.iso, column: f.column };
  };
  const start = date('startDate');
  const end = date('endDate');
  if (start.iso && end.iso && end.iso < start.iso)
    problem(end.column, `the project ends (${end.iso}) before it starts (${start.iso})`);

  // Status
  const status = field('status');
  const statusValue = status.value.toLowerCase();
  if (status.value === '') problem(status.column, 'is empty (every project needs a status)');
  else if (!isProjectStatus(statusValue)) {
    problem(
      status.column,
      `"${status.value}" is not a status (${PROJECT_STATUSES.join(', ')}; map the source's words in the mapping's "map")`,
    );
  }

  // Programme links
  const nodes: NodeLink[] = [];
  const resolveProgramme = (
    what: 'node key' | 'term',
    has: (p: { nodes: ReadonlyMap<string, string | null>; terms: ReadonlySet<string> }) => boolean,
    value: string,
  ): string | { error: string } => {
    if (lookups.programme !== null) {
      const p = lookups.programmes.get(lookups.programme);
      return p && has(p)
        ? lookups.programme
        : { error: `"${value}" is not a ${what} of programme ${lookups.programme}` };
    }
    const found = [...lookups.programmes.entries()].filter(([, p]) => has(p)).map(([slug]) => slug);
    if (found.length === 1) return found[0]!;
    if (found.length === 0)
      return { error: `"${value}" is not a ${what} of any programme of region ${lookups.regionCode}` };
    return {
      error: `"${value}" is a ${what} of several programmes (${found.join(', ')}); name one with "programme" in the mapping`,
    };
  };
  const primary = field('primaryNode');
  if (primary.value !== '') {
    const p = resolveProgramme('node key', (prog) => prog.nodes.has(primary.value), primary.value);
    if (typeof p !== 'string') problem(primary.column, p.error);
    else {
      const prog = lookups.programmes.get(p)!;
      const level = prog.nodes.get(primary.value) ?? null;
      if (prog.levelKeys.has('priority') && level !== 'priority')
        problem(primary.column, `"${primary.value}" is a ${level ?? 'node'} of programme ${p}, not a priority`);
      else nodes.push({ programme: p, key: primary.value, primary: true });
    }
  }
  const nodeList = list('nodes');
  for (const key of nodeList.items) {
    const p = resolveProgramme('node key', (prog) => prog.nodes.has(key), key);
    if (typeof p !== 'string') problem(nodeList.column, p.error);
    else if (!nodes.some((n) => n.programme === p && n.key === key)) nodes.push({ programme: p, key, primary: false });
  }
  const termList = list('terms');
  const terms: TermLink[] = [];
  for (const ref of termList.items) {
    const m = /^([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(ref);
    if (!m) {
      problem(termList.column, `"${ref}" is not a term reference (write taxonomy/term, e.g. spearheads/logistics)`);
      continue;
    }
    const p = resolveProgramme('term', (prog) => prog.terms.has(ref), ref);
    if (typeof p !== 'string') problem(termList.column, p.error);
    else if (!terms.some((t) => t.programme === p && t.taxonomy === m[1] && t.term === m[2]))
      terms.push({ programme: p, taxonomy: m[1]!, term: m[2]! });
  }

  // Funding lines
  const funding: FundingLine[] = [];
  mapping.funding.forEach((spec, i) => {
    const amountColumn = label(`funding[${i}].amount`, spec.amount);
    const amountRaw = read(spec.amount);
    if (amountRaw === '') return;
    const amount = parseAmount(amountRaw, amountOptions(spec.amount));
    if (!amount.ok) problem(amountColumn, amount.error);
    const fundColumn = label(`funding[${i}].fund`, spec.fund);
    const fundRaw = read(spec.fund);
    const fund = fundRaw === '' ? null : fundFromName(fundRaw);
    if (fundRaw === '') problem(fundColumn, `is empty, but "${amountColumn}" has an amount (which fund is it from?)`);
    else if (fund === null)
      problem(
        fundColumn,
        `"${fundRaw}" is not a fund (${FUND_LIST}; or map the source's names in the mapping's "map")`,
      );
    let year: number | null = null;
    if (spec.year) {
      const yearRaw = read(spec.year);
      if (yearRaw !== '') {
        const y = parseYear(yearRaw);
        if (y.ok) year = y.year;
        else problem(label(`funding[${i}].year`, spec.year), y.error);
      }
    }
    if (amount.ok && fund !== null) funding.push({ fund, kind: spec.kind, amountCents: amount.cents, year });
  });

  // Details and source
  const details: Record<string, string> = {};
  for (const [detailLabel, spec] of Object.entries(mapping.details)) {
    const value = read(spec);
    if (value === '') continue;
    if (spec.type === 'amount') {
      const amount = parseAmount(value, amountOptions(spec));
      if (amount.ok) details[detailLabel] = formatCents(amount.cents);
      else problem(label(`details.${detailLabel}`, spec), amount.error);
    } else details[detailLabel] = value;
  }
  const source = field('source').value;
  const periodField = field('fundingPeriod');
  let fundingPeriod: string | undefined;
  if (periodField.value !== '') {
    const r = parseFundingPeriod(periodField.value);
    if (r.ok) fundingPeriod = r.period;
    else problem(periodField.column, r.error);
  }

  const validCode = PROJECT_CODE.test(code.value) ? code.value : null;
  if (problems.length > 0) return { project: null, problems, code: validCode, codeColumn: code.column };
  return {
    code: validCode,
    codeColumn: code.column,
    project: {
      code: code.value,
      name,
      summary: Object.keys(summary).length > 0 ? summary : null,
      leadOrganisation,
      partners,
      municipalities: [...municipalities].sort(),
      startDate: start.iso,
      endDate: end.iso,
      status: statusValue as Project['status'],
      funding,
      nodes,
      terms,
      source: source === '' ? null : source,
      ...(fundingPeriod !== undefined ? { fundingPeriod } : {}),
      details,
    },
    problems,
  };
}
