/**
 * Browsing projects: the filters of the project browser and API (theme, priority, term,
 * municipality, fund, status, year range, full-text search), read from query parameters and
 * checked (a bad value is a bad_request naming the parameter), then a page of projects, the
 * count, and money by fund and kind for the same filter.
 */
import { z } from 'zod';
import { badRequest, notFound } from '#src/domain/errors.ts';
import { problemsOf, refusal } from '#src/lib/zod-messages.ts';
import { LANGS } from '#src/domain/languages.ts';
import { FUND_CODES, FUND_LIST, type FundCode } from '#src/domain/projects/funds.ts';
import { PROJECT_STATUSES, type FundingKind, type ProjectStatus } from '#src/domain/projects/status.ts';
import { PROJECT_CODE } from '#src/domain/projects/project.ts';
import type { ProjectListItem, ProjectSection, ProjectTotals, StoredProject } from '#src/domain/projects/listing.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import { searchGroups } from '#src/domain/search-text.ts';
import { findByKey, flattenTree } from '#src/domain/tree.ts';
import type { Db } from '#src/storage/database.ts';
import {
  CatalogueBuilder,
  type ProjectCatalogue,
  type MoneySum,
  type ProjectFilterQuery,
  type ProjectSort,
} from '#src/domain/projects/catalogue.ts';
import { readGenerations } from '#src/storage/repositories/generations-repository.ts';
import { findProject, forEachCatalogueProject } from '#src/storage/repositories/projects-repository.ts';
import type { ProgrammeReader } from '../programmes/programme-reader.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const PROJECT_SORTS = ['name', 'start', 'code'] as const;
const MAX_Q = 200;

export type { ProjectListItem, ProjectTotals, StoredProject };
export type { ProjectSort, ProjectFilterQuery };

interface HeldCatalogue {
  /** The projects generation `ready` is of (-1: none yet). */
  generation: number;
  ready: ProjectCatalogue | null;
  /** A catalogue being built for generation `buildingFor`. */
  building: Promise<ProjectCatalogue & { generation: number }> | null;
  buildingFor: number;
}

/** Names sort the Finnish way (å, ä, ö after z), whatever the page's language. */
const NAME_ORDER = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

/** The filter as the user gave it (query parameter names), each value checked for form. */
export interface ProjectFilter {
  theme?: string;
  priority?: string;
  term?: string;
  municipality?: string;
  fund?: FundCode;
  status?: ProjectStatus;
  from_year?: number;
  to_year?: number;
  q?: string;
}

export interface ProjectQuery {
  filter: ProjectFilter;
  page: number;
  size: number;
  sort: ProjectSort;
}

/** The parameter names of the filter, in the order URLs list them. */
export const FILTER_PARAMS = [
  'theme',
  'priority',
  'term',
  'municipality',
  'fund',
  'status',
  'from_year',
  'to_year',
  'q',
] as const;

type Raw = Record<string, unknown>;

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NODE_KEY = 'be a node key of lower-case letters a–z, digits and single hyphens';
const year = (description: string) =>
  z.coerce
    .number(refusal('be a whole number from 1900 to 2100'))
    .int(refusal('be a whole number from 1900 to 2100'))
    .min(1900, refusal('be a whole number from 1900 to 2100'))
    .max(2100, refusal('be a whole number from 1900 to 2100'))
    .optional()
    .describe(description);
const nodeKey = (description: string) =>
  z.string(refusal(NODE_KEY)).trim().regex(KEY, refusal(NODE_KEY)).optional().describe(description);

/**
 * The filter parameters as a zod schema: the API validates and publishes them with it (enums,
 * integers with their bounds, patterns) and the project browser reads its URLs with it. Values
 * are trimmed; empty values count as not given (see `withoutEmptyValues`).
 */
const filterShape = {
  theme: nodeKey('Only projects linked to this theme (node key) or to any node under it.'),
  priority: nodeKey('Only projects linked to this priority (node key) or to any measure under it.'),
  term: z
    .string(refusal('be a taxonomy and a term key, "taxonomy/term", e.g. "spearheads/logistics"'))
    .trim()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/,
      refusal('be a taxonomy and a term key, "taxonomy/term", e.g. "spearheads/logistics"'),
    )
    .optional()
    .describe('Only projects linked to this taxonomy term, "taxonomy/term", e.g. "spearheads/logistics".'),
  municipality: z
    .string(refusal('be a 3-digit official municipality code such as "285"'))
    .trim()
    .regex(/^\d{3}$/, refusal('be a 3-digit official municipality code such as "285"'))
    .optional()
    .describe('Only projects working in this municipality (official 3-digit code, e.g. "285").'),
  fund: z
    .enum(FUND_CODES, refusal(`be one of ${FUND_LIST}`))
    .optional()
    .describe(`Only projects with money from this fund: ${FUND_LIST}.`),
  status: z
    .enum(PROJECT_STATUSES, refusal(`be one of ${PROJECT_STATUSES.join(', ')}`))
    .optional()
    .describe(`Only projects with this status: ${PROJECT_STATUSES.join(', ')}.`),
  from_year: year('Only projects active in or after this year (ending on or after 1 January).'),
  to_year: year('Only projects active in or before this year (starting on or before 31 December).'),
  q: z
    .string(refusal(`be a text of at most ${MAX_Q} characters`))
    .trim()
    .max(MAX_Q, refusal(`be at most ${MAX_Q} characters`))
    .optional()
    .describe(
      'Search words in names, summaries, organisations and codes; inflected Finnish forms match; every word must match.',
    ),
};

/** from_year must not come after to_year. */
function yearsInOrder(f: { from_year?: number | undefined; to_year?: number | undefined }, c: z.RefinementCtx): void {
  if (f.from_year !== undefined && f.to_year !== undefined && f.from_year > f.to_year)
    c.addIssue({
      code: 'custom',
      path: ['from_year'],
      message: `must not be after to_year ${f.to_year}`,
      input: f.from_year,
    });
}

/** The filter parameters of the project list and totals (unknown parameters are dropped). */
export const projectFilterSchema = z.object(filterShape).superRefine(yearsInOrder);

/** The filter with paging and order: page (1…), size (1…100) and sort (name, start, code). */
export const projectQuerySchema = z
  .object({
    ...filterShape,
    page: z.coerce
      .number(refusal('be a whole number from 1 to 100000'))
      .int(refusal('be a whole number from 1 to 100000'))
      .min(1, refusal('be a whole number from 1 to 100000'))
      .max(100_000, refusal('be a whole number from 1 to 100000'))
      .default(1)
      .describe('Page number, from 1 (default 1).'),
    size: z.coerce
      .number(refusal(`be a whole number from 1 to ${MAX_PAGE_SIZE}`))
      .int(refusal(`be a whole number from 1 to ${MAX_PAGE_SIZE}`))
      .min(1, refusal(`be a whole number from 1 to ${MAX_PAGE_SIZE}`))
      .max(MAX_PAGE_SIZE, refusal(`be a whole number from 1 to ${MAX_PAGE_SIZE}`))
      .default(DEFAULT_PAGE_SIZE)
      .describe(`Projects per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`),
    sort: z
      .enum(PROJECT_SORTS, refusal(`be one of ${PROJECT_SORTS.join(', ')}`))
      .default('name')
      .describe('Order: name (default), start (start date) or code.'),
  })
  .superRefine(yearsInOrder);

/** The query with empty (or blank) values left out: `?fund=` means no fund filter. */
export function withoutEmptyValues(raw: unknown): Raw {
  if (raw === null || typeof raw !== 'object') return {};
  return Object.fromEntries(
    Object.entries(raw as Raw).filter(
      ([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
}

/** Parses with `schema`; a refused value is a bad_request naming the parameter ("fund: must be one of …"). */
function parseWith<T>(schema: z.ZodType<T>, raw: Raw): T {
  const result = schema.safeParse(withoutEmptyValues(raw));
  if (result.success) return result.data;
  const problems = problemsOf(result.error);
  throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
}

/** The filter of parameters checked by `projectFilterSchema` (or `projectQuerySchema`). */
export function projectFilterOf(parsed: z.output<typeof projectFilterSchema>): ProjectFilter {
  const f: Record<string, unknown> = {};
  for (const name of FILTER_PARAMS) if (parsed[name] !== undefined) f[name] = parsed[name];
  return f as ProjectFilter;
}

/** The query of parameters checked by `projectQuerySchema`. */
export function projectQueryOf(q: z.output<typeof projectQuerySchema>): ProjectQuery {
  return { filter: projectFilterOf(q), page: q.page, size: q.size, sort: q.sort };
}

/** Reads and checks the filter parameters (empty values count as not given). */
export function parseProjectFilter(raw: Raw): ProjectFilter {
  return projectFilterOf(parseWith(projectFilterSchema, raw));
}

/** Reads and checks the filter, page (1…), size (1…100) and sort (name, start, code). */
export function parseProjectQuery(raw: Raw): ProjectQuery {
  return projectQueryOf(parseWith(projectQuerySchema, raw));
}

/** The filter as query parameters (only those given), for links that keep it. */
export function filterParams(f: ProjectFilter): [string, string][] {
  return FILTER_PARAMS.flatMap((name) => (f[name] === undefined ? [] : [[name, String(f[name])] as [string, string]]));
}

export interface ProjectPage {
  total: number;
  page: number;
  size: number;
  pages: number;
  sort: ProjectSort;
  projects: ProjectListItem[];
}

/**
 * Project queries of one database, with the programme reader for the node and term names. Lists,
 * counts and totals come from each region's catalogue (domain/projects/catalogue.ts), built from
 * the database once per projects generation of the region and shared by concurrent requests; the rows of a page
 * are then read by id.
 */
export class ProjectQueries {
  private readonly catalogues = new Map<string, HeldCatalogue>();

  constructor(
    private readonly db: Db,
    private readonly reader: ProgrammeReader,
  ) {}

  /**
   * The catalogue of a region's projects as of the region's current projects generation. When
   * another process changed the projects, the held catalogue keeps answering while the new one is
   * built (seconds for 100 000 projects); a change made in this process waits for the new one.
   */
  private async catalogue(regionCode: string): Promise<ProjectCatalogue> {
    const freshness = this.reader.freshness;
    const generation = (await freshness.current()).of(regionCode, 'projects');
    const fresh = freshness.changedHere(regionCode, 'projects', generation);
    const held = this.catalogues.get(regionCode);
    // Generations only grow; a catalogue built after the last look may be newer than it.
    if (held?.ready && held.generation >= generation) return held.ready;
    if (held?.building && held.buildingFor >= generation) return fresh || !held.ready ? held.building : held.ready;
    const building = this.build(regionCode);
    const entry: HeldCatalogue = {
      generation: held?.generation ?? -1,
      ready: held?.ready ?? null,
      building,
      buildingFor: generation,
    };
    this.catalogues.set(regionCode, entry);
    building.then(
      (catalogue) => {
        if (this.catalogues.get(regionCode) === entry)
          this.catalogues.set(regionCode, {
            generation: catalogue.generation,
            ready: catalogue,
            building: null,
            buildingFor: generation,
          });
      },
      () => {
        if (this.catalogues.get(regionCode) === entry) this.catalogues.set(regionCode, { ...entry, building: null });
      },
    );
    return fresh || !entry.ready ? building : entry.ready;
  }

  /**
   * Reads a region's projects into a catalogue, filed under the projects generation read before;
   * read again (up to three times) when a write landed meanwhile, so a catalogue is one moment's
   * projects.
   */
  private async build(regionCode: string): Promise<ProjectCatalogue & { generation: number }> {
    const read = async (): Promise<number> => {
      const rows = await readGenerations(this.db.kysely);
      return rows.find((r) => r.regionCode === regionCode && r.kind === 'projects')?.generation ?? 0;
    };
    for (let attempt = 1; ; attempt++) {
      const generation = await read();
      const builder = new CatalogueBuilder();
      await forEachCatalogueProject(this.db.kysely, regionCode, (p) => builder.add(p));
      if (attempt === 3 || (await read()) === generation)
        return Object.assign(builder.build(NAME_ORDER), { generation });
    }
  }

  /** Builds the catalogues of every region now rather than at the first visit. */
  async warm(): Promise<void> {
    for (const region of await this.reader.regions()) await this.catalogue(region.code);
  }

  /** The region's catalogue and the filter in stored values. */
  private async prepared(
    regionCode: string,
    f: ProjectFilter,
  ): Promise<{ catalogue: ProjectCatalogue; filter: ProjectFilterQuery }> {
    const { regionCode: code, filter } = await this.resolve(regionCode, f);
    return { catalogue: await this.catalogue(code), filter };
  }

  /** The programme whose nodes and terms the filters name: the region's main programme (latest period). */
  async mainProgrammeSlug(regionCode: string): Promise<string | null> {
    return (await this.programmeTree(regionCode))?.slug ?? null;
  }

  /** The programme whose nodes and terms the filters name: the region's main programme (latest period). */
  private async programmeTree(
    regionCode: string,
  ): Promise<{ slug: string; nodes: TreeNode[]; terms: Set<string> } | null> {
    // The same rule as the site's main programme: the one with the latest period.
    const programmes = (await this.reader.programmes(regionCode)).filter((p) => p.currentVersion !== null);
    const p = programmes.sort((a, b) => b.periodEnd - a.periodEnd || b.periodStart - a.periodStart)[0];
    if (!p) return null;
    const content = await this.reader.versionContent(regionCode, p.slug);
    return {
      slug: p.slug,
      nodes: content.nodes,
      terms: new Set(content.taxonomies.flatMap((t) => t.terms.map((term) => `${t.key}/${term.key}`))),
    };
  }

  /** The filter in stored values; unknown nodes, terms or regions are errors naming the parameter. */
  async resolve(regionCode: string, f: ProjectFilter): Promise<{ regionCode: string; filter: ProjectFilterQuery }> {
    const region = await this.reader.region(regionCode);
    const out: ProjectFilterQuery = {};
    if (f.theme !== undefined || f.priority !== undefined || f.term !== undefined) {
      const tree = await this.programmeTree(region.code);
      const under = (name: 'theme' | 'priority', depth: number): string[] => {
        const key = f[name]!;
        const node = tree ? findByKey(tree.nodes, key) : null;
        if (!tree || !node || node.depth !== depth)
          throw badRequest(`${name}: "${key}" is not a ${name} of the region's programme`);
        return [node.key, ...flattenTree(node.children).map((n) => n.key)];
      };
      let keys: string[] | null = null;
      if (f.theme !== undefined) keys = under('theme', 1);
      if (f.priority !== undefined) {
        const p = under('priority', 2);
        keys = keys === null ? p : p.filter((k) => keys!.includes(k));
      }
      if (keys !== null) out.nodeKeys = { programme: tree!.slug, keys };
      if (f.term !== undefined) {
        if (!tree || !tree.terms.has(f.term))
          throw badRequest(`term: "${f.term}" is not a term of the region's programme`);
        const [taxonomy, term] = f.term.split('/') as [string, string];
        out.term = { programme: tree.slug, taxonomy, term };
      }
    }
    if (f.municipality !== undefined) {
      if (!(await this.reader.municipalities()).some((m) => m.code === f.municipality))
        throw badRequest(`municipality: "${f.municipality}" is not an official municipality code`);
      out.municipality = f.municipality;
    }
    if (f.fund !== undefined) out.fund = f.fund;
    if (f.status !== undefined) out.status = f.status;
    if (f.from_year !== undefined) out.activeFrom = `${f.from_year}-01-01`;
    if (f.to_year !== undefined) out.activeTo = `${f.to_year}-12-31`;
    if (f.q !== undefined) out.groups = searchGroups(f.q, LANGS);
    return { regionCode: region.code, filter: out };
  }

  /** One page of the matching projects with the total count. */
  async list(regionCode: string, query: ProjectQuery): Promise<ProjectPage> {
    const { catalogue, filter } = await this.prepared(regionCode, query.filter);
    const { count: total, items: projects } = catalogue.query(
      filter,
      query.sort,
      (query.page - 1) * query.size,
      query.size,
    );
    return {
      total,
      page: query.page,
      size: query.size,
      pages: Math.max(1, Math.ceil(total / query.size)),
      sort: query.sort,
      projects,
    };
  }

  /** Every matching project (for exports), in `sort` order. */
  async all(regionCode: string, f: ProjectFilter, sort: ProjectSort): Promise<ProjectListItem[]> {
    const { catalogue, filter } = await this.prepared(regionCode, f);
    return catalogue.query(filter, sort, 0, catalogue.size).items;
  }

  /** Money of the projects matching a filter in stored values (any programme's nodes), summed by fund and kind. */
  async sums(regionCode: string, filter: ProjectFilterQuery): Promise<MoneySum[]> {
    const catalogue = await this.catalogue((await this.reader.region(regionCode)).code);
    return catalogue.summary(filter).sums;
  }

  /** Count and money by fund and kind of the matching projects. */
  async totals(regionCode: string, f: ProjectFilter): Promise<ProjectTotals> {
    const { catalogue, filter } = await this.prepared(regionCode, f);
    const { count, sums } = catalogue.summary(filter);
    const cents = (fund: FundCode | null, kind: FundingKind): number =>
      sums.filter((s) => (fund === null || s.fund === fund) && s.kind === kind).reduce((a, s) => a + s.cents, 0);
    const byFund = FUND_CODES.filter((fund) => sums.some((s) => s.fund === fund)).map((fund) => ({
      fund,
      grantedCents: cents(fund, 'granted'),
      paidCents: cents(fund, 'paid'),
      plannedCents: cents(fund, 'planned'),
    }));
    return {
      count,
      grantedCents: cents(null, 'granted'),
      paidCents: cents(null, 'paid'),
      plannedCents: cents(null, 'planned'),
      byFund,
    };
  }

  /** The projects section of a priority or term page: the first `limit` projects by name, the count and money by fund. */
  async section(
    regionCode: string,
    filter: Pick<ProjectFilter, 'priority' | 'term'>,
    limit = 10,
  ): Promise<ProjectSection> {
    const [page, totals] = await Promise.all([
      this.list(regionCode, { filter, page: 1, size: limit, sort: 'name' }),
      this.totals(regionCode, filter),
    ]);
    return { filter: filterParams(filter), totals, projects: page.projects };
  }

  /** One project of the region; not_found when there is none. */
  async project(regionCode: string, code: string): Promise<StoredProject> {
    const region = await this.reader.region(regionCode);
    if (!PROJECT_CODE.test(code))
      throw badRequest('projectCode: must be a project code of letters, digits, ".", "_" and "-"');
    const p = await findProject(this.db.kysely, region.code, code);
    if (!p) throw notFound(`Project "${code}" of region ${region.code}`);
    return p;
  }
}
