/**
 * Pages of the project browser: the filtered list (HTML, CSV, JSON of exactly the same filter), a
 * page per project, and the funding overview of a programme version. Parameters are checked by
 * the query service; a bad one is a 400 page naming it.
 */
import { toCsv } from '#src/lib/csv.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  DEFAULT_PAGE_SIZE,
  filterParams,
  parseProjectQuery,
  type ProjectListItem,
} from '#src/services/projects/query-projects.ts';
import { fundingOverview } from '#src/services/projects/funding-overview.ts';
import { FundingPage } from '#src/views/pages/projects-funding-page.tsx';
import { ProjectPage } from '#src/views/pages/project-page.tsx';
import { ProjectsPage } from '#src/views/pages/projects-page.tsx';
import { mainProgramme, regionBySlug, type PageRequest } from './pages.ts';
import { renderPage } from './render.ts';

type Raw = Record<string, unknown>;

/** The normalised query of a browser URL (filter, sort, page, size), for the page cache's key. */
export function browserKey(raw: Raw): string {
  const q = parseProjectQuery(raw);
  return JSON.stringify([filterParams(q.filter), q.sort, q.page, q.size]);
}

async function regionContext(ctx: AppContext, regionSlug: string) {
  const region = await regionBySlug(ctx, regionSlug);
  const programme = mainProgramme(region.programmes);
  const [council, municipalities, allMunicipalities, content] = await Promise.all([
    ctx.reader.council(region.code),
    ctx.reader.municipalities(region.code),
    ctx.reader.municipalities(),
    programme ? ctx.reader.versionContent(region.code, programme.slug) : Promise.resolve(null),
  ]);
  return { region, programme, hasContact: council !== null, municipalities, allMunicipalities, content };
}

export async function projectsPage({ ctx, lang, baseUrl }: PageRequest, regionSlug: string, raw: Raw): Promise<string> {
  const query = parseProjectQuery(raw);
  const r = await regionContext(ctx, regionSlug);
  const result = await ctx.projects.list(r.region.code, query);
  return renderPage(lang, baseUrl, (rc) =>
    ProjectsPage({
      rc,
      region: r.region,
      hasContact: r.hasContact,
      programme: r.programme,
      content: r.content,
      municipalities: r.municipalities,
      allMunicipalities: r.allMunicipalities,
      params: filterParams(query.filter),
      sort: query.sort,
      size: query.size,
      defaultSize: DEFAULT_PAGE_SIZE,
      result,
    }),
  );
}

export const PROJECT_CSV_COLUMNS = [
  'code',
  'name_fi',
  'name_sv',
  'name_en',
  'status',
  'start_date',
  'end_date',
  'lead_organisation',
  'municipalities',
  'granted_eur',
  'paid_eur',
] as const;

const euros = (cents: number): string => (cents / 100).toFixed(2);

function csvOf(projects: readonly ProjectListItem[]): string {
  const rows = projects.map((p) => [
    p.code,
    p.name.fi ?? '',
    p.name.sv ?? '',
    p.name.en ?? '',
    p.status,
    p.startDate ?? '',
    p.endDate ?? '',
    p.leadOrganisation ?? '',
    p.municipalities.join(';'),
    euros(p.grantedCents),
    euros(p.paidCents),
  ]);
  return toCsv(PROJECT_CSV_COLUMNS, rows);
}

/** Every project of the filter in `raw` (sorted as asked), as CSV or JSON. */
export async function projectsExport(
  ctx: AppContext,
  regionSlug: string,
  raw: Raw,
  format: 'csv' | 'json',
): Promise<string> {
  const query = parseProjectQuery(raw);
  const region = await regionBySlug(ctx, regionSlug);
  const projects = await ctx.projects.all(region.code, query.filter, query.sort);
  if (format === 'csv') return csvOf(projects);
  return JSON.stringify(
    {
      region: region.code,
      filter: Object.fromEntries(filterParams(query.filter)),
      sort: query.sort,
      total: projects.length,
      projects,
    },
    null,
    2,
  );
}

export async function projectPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  code: string,
): Promise<string> {
  const r = await regionContext(ctx, regionSlug);
  const project = await ctx.projects.project(r.region.code, code);
  return renderPage(lang, baseUrl, (rc) =>
    ProjectPage({
      rc,
      region: r.region,
      hasContact: r.hasContact,
      programme: r.programme,
      content: r.content,
      municipalities: r.allMunicipalities,
      project,
    }),
  );
}

export async function fundingPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
): Promise<string> {
  const r = await regionContext(ctx, regionSlug);
  const overview = await fundingOverview(ctx.db, ctx.reader, ctx.projects, r.region.code, programmeSlug);
  return renderPage(lang, baseUrl, (rc) => FundingPage({ rc, region: r.region, hasContact: r.hasContact, overview }));
}
