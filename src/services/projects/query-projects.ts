/**
 * Browsing projects: the filters of the project browser and API (theme, priority, term,
 * municipality, fund, status, year range, full-text search), read from query parameters and
 * checked (a bad value is a bad_request naming the parameter), then a page of projects, the
 * count, and money by fund and kind for the same filter.
 */
import { badRequest, notFound } from '#src/domain/errors.ts';
import { LANGS } from '#src/domain/languages.ts';
import { FUND_CODES, FUND_LIST, isFundCode, type FundCode } from '#src/domain/projects/funds.ts';
import {
  PROJECT_STATUSES,
  isProjectStatus,
  type FundingKind,
  type ProjectStatus,
} from '#src/domain/projects/status.ts';
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

function single(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) throw badRequest(`${name}: give the parameter once`);
  if (typeof v !== 'string' && typeof v !== 'number') throw badRequest(`${name}: must be a text`);
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function integer(raw: Raw, name: string, min: number, max: number): number | undefined {
  const s = single(raw, name);
  if (s === undefined) return undefined;
  if (!/^\d{1,6}$/.test(s) || Number(s) < min || Number(s) > max)
    throw badRequest(`${name}: must be a whole number from ${min} to ${max}, not "${s.slice(0, 40)}"`);
  return Number(s);
}

/** Reads and checks the filter parameters (empty values count as not given). */
export function parseProjectFilter(raw: Raw): ProjectFilter {
  const f: ProjectFilter = {};
  for (const name of ['theme', 'priority'] as const) {
    const v = single(raw, name);
    if (v !== undefined && !KEY.test(v))
      throw badRequest(`${name}: must be a node key of lower-case letters a–z, digits and single hyphens`);
    if (v !== undefined) f[name] = v;
  }
  const term = single(raw, 'term');
  if (term !== undefined) {
    const parts = term.split('/');
    if (parts.length !== 2 || !parts.every((p) => KEY.test(p)))
      throw badRequest('term: must be a taxonomy and a term key, "taxonomy/term", e.g. "spearheads/logistics"');
    f.term = term;
  }
  const municipality = single(raw, 'municipality');
  if (municipality !== undefined) {
    if (!/^\d{3}$/.test(municipality))
      throw badRequest('municipality: must be a 3-digit official municipality code such as "285"');
    f.municipality = municipality;
  }
  const fund = single(raw, 'fund');
  if (fund !== undefined) {
    if (!isFundCode(fund)) throw badRequest(`fund: must be one of ${FUND_LIST}`);
    f.fund = fund;
  }
  const status = single(raw, 'status');
  if (status !== undefined) {
    if (!isProjectStatus(status)) throw badRequest(`status: must be one of ${PROJECT_STATUSES.join(', ')}`);
    f.status = status;
  }
  const from = integer(raw, 'from_year', 1900, 2100);
  const to = integer(raw, 'to_year', 1900, 2100);
  if (from !== undefined && to !== undefined && from > to)
    throw badRequest(`from_year: ${from} is after to_year ${to}`);
  if (from !== undefined) f.from_year = from;
  if (to !== undefined) f.to_year = to;
  const q = single(raw, 'q');
  if (q !== undefined) {
    if (q.length > MAX_Q) throw badRequest(`q: must be at most ${MAX_Q} characters`);
    f.q = q;
  }
  return f;
}

/** Reads and checks the filter, page (1…), size (1…100) and sort (name, start, code). */
export function parseProjectQuery(raw: Raw): ProjectQuery {
  const filter = parseProjectFilter(raw);
  const page = integer(raw, 'page', 1, 100_000) ?? 1;
  const size = integer(raw, 'size', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const sort = single(raw, 'sort') ?? 'name';
  if (!(PROJECT_SORTS as readonly string[]).includes(sort))
    throw badRequest(`sort: must be one of ${PROJECT_SORTS.join(', ')}`);
  return { filter, page, size, sort: sort as ProjectSort };
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
