/**
 * Loads what each page of the public site shows from the programme reader and renders it.
 * Unknown regions, programmes, versions, nodes and terms raise not_found (a 404 page).
 */
import { notFound } from '#src/domain/errors.ts';
import type { Lang } from '#src/domain/languages.ts';
import type { ProgrammeSummary, TreeNode } from '#src/domain/read-models.ts';
import { findByPath, flattenTree } from '#src/domain/tree.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { compareVersions } from '#src/services/compare-versions.ts';
import { indicatorsOfNodes } from '#src/services/indicators/monitoring-reader.ts';
import type { RegionWithProgrammes } from '#src/services/programmes/programme-reader.ts';
import { AccessibilityPage } from '#src/views/pages/accessibility-page.tsx';
import { ContactPage } from '#src/views/pages/contact-page.tsx';
import { HomePage } from '#src/views/pages/home-page.tsx';
import { NodePage, type NodeIndicators } from '#src/views/pages/node-page.tsx';
import { ProgrammePage } from '#src/views/pages/programme-page.tsx';
import { RegionPage } from '#src/views/pages/region-page.tsx';
import { SearchPage } from '#src/views/pages/search-page.tsx';
import { TermPage } from '#src/views/pages/term-page.tsx';
import { VersionDiffPage } from '#src/views/pages/version-diff-page.tsx';
import { VersionsPage } from '#src/views/pages/versions-page.tsx';
import type { ProgrammeBase } from '#src/views/urls.ts';
import { renderPage } from './render.ts';
import { priorityProposals } from '#src/services/projects/priority-suggestions.ts';

export interface PageRequest {
  ctx: AppContext;
  lang: Lang;
  baseUrl: string;
}

/** A region by its URL slug (the code is not accepted in page URLs, so each page has one address). */
export async function regionBySlug(ctx: AppContext, slug: string): Promise<RegionWithProgrammes> {
  const region = (await ctx.reader.regions()).find((r) => r.slug === slug);
  if (!region) throw notFound(`Region "${slug}"`);
  return region;
}

/** The programme shown first on a region's page: the one with the latest period. */
export function mainProgramme(programmes: readonly ProgrammeSummary[]): ProgrammeSummary | null {
  return (
    [...programmes]
      .filter((p) => p.currentVersion !== null)
      .sort((a, b) => b.periodEnd - a.periodEnd || b.periodStart - a.periodStart)[0] ?? null
  );
}

export async function homePage({ ctx, lang, baseUrl }: PageRequest): Promise<string> {
  const regions = await ctx.reader.regions();
  return renderPage(lang, baseUrl, (rc) => HomePage({ rc, regions }));
}

export async function accessibilityPage({ ctx, lang, baseUrl }: PageRequest): Promise<string> {
  const regions = (await ctx.reader.regions()).filter((r) => r.programmes.length > 0);
  const councils = (await Promise.all(regions.map((r) => ctx.reader.council(r.code)))).flatMap((c) =>
    c ? [{ name: c.name, email: c.email }] : [],
  );
  return renderPage(lang, baseUrl, (rc) => AccessibilityPage({ rc, councils }));
}

export async function regionPage({ ctx, lang, baseUrl }: PageRequest, regionSlug: string): Promise<string> {
  const region = await regionBySlug(ctx, regionSlug);
  const main = mainProgramme(region.programmes);
  const [council, municipalities, current] = await Promise.all([
    ctx.reader.council(region.code),
    ctx.reader.municipalities(region.code),
    main ? ctx.reader.versionContent(region.code, main.slug) : Promise.resolve(null),
  ]);
  return renderPage(lang, baseUrl, (rc) =>
    RegionPage({ rc, region, council, programmes: region.programmes, current, municipalities }),
  );
}

export async function contactPage({ ctx, lang, baseUrl }: PageRequest, regionSlug: string): Promise<string> {
  const region = await regionBySlug(ctx, regionSlug);
  const council = await ctx.reader.council(region.code);
  if (!council) throw notFound(`Contact details of region "${regionSlug}"`);
  return renderPage(lang, baseUrl, (rc) =>
    ContactPage({ rc, region, council, programme: mainProgramme(region.programmes) }),
  );
}

export async function versionsPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
): Promise<string> {
  const region = await regionBySlug(ctx, regionSlug);
  const [programme, versions, council] = await Promise.all([
    ctx.reader.programme(region.code, programmeSlug),
    ctx.reader.versions(region.code, programmeSlug),
    ctx.reader.council(region.code),
  ]);
  return renderPage(lang, baseUrl, (rc) =>
    VersionsPage({ rc, region, hasContact: council !== null, programme, versions }),
  );
}

/** The differences between versions `from` and `to` of a programme. */
export async function versionDiffPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
  from: number,
  to: number,
): Promise<string> {
  const region = await regionBySlug(ctx, regionSlug);
  const [programme, versions, council, comparison] = await Promise.all([
    ctx.reader.programme(region.code, programmeSlug),
    ctx.reader.versions(region.code, programmeSlug),
    ctx.reader.council(region.code),
    compareVersions(ctx.reader, region.code, programmeSlug, from, to),
  ]);
  return renderPage(lang, baseUrl, (rc) =>
    VersionDiffPage({ rc, region, hasContact: council !== null, programme, versions, ...comparison }),
  );
}

/** What a page inside a programme version may be: the programme page, a node, a term, or the search. */
export type ProgrammeTarget =
  | { kind: 'programme' }
  | { kind: 'node'; path: string[] }
  | { kind: 'term'; taxonomy: string; term: string }
  | { kind: 'search'; query: string };

/** The projects of a priority or term, on the pages of the current version of the region's main programme (whose keys project filters name). */
async function projectSection(
  ctx: AppContext,
  regionCode: string,
  base: ProgrammeBase,
  filter: { priority?: string; term?: string },
) {
  if (base.version !== null) return null;
  const projects = ctx.projects;
  if ((await projects.mainProgrammeSlug(regionCode)) !== base.programme) return null;
  const section = await projects.section(regionCode, filter);
  if (filter.priority === undefined) return section;
  // The region's unlinked projects for which the alignment helper ranks this priority first (not links).
  const found = await priorityProposals(ctx.db, ctx.reader, regionCode, base.programme);
  const proposed = found.proposals
    .filter((p) => p.priority === filter.priority)
    .map((p) => ({ code: p.code, name: p.name, fundingPeriod: p.fundingPeriod }));
  return { ...section, proposed: { projects: proposed, truncated: found.truncated } };
}

/**
 * The indicators a node page of the current version lists: those linked to the node or a node below
 * it (a theme shows its priorities' indicators), when the region's indicators follow this programme.
 */
async function nodeIndicators(
  ctx: AppContext,
  region: RegionWithProgrammes,
  base: ProgrammeBase,
  node: TreeNode,
): Promise<NodeIndicators | null> {
  if (base.version !== null) return null;
  const view = await ctx.monitoring.region(region.code);
  const monitored = view.settings?.programmeSlug ?? mainProgramme(region.programmes)?.slug ?? null;
  if (monitored !== base.programme) return null;
  const items = indicatorsOfNodes(
    view,
    flattenTree([node]).map((n) => n.key),
  );
  return items.length === 0 ? null : { items, base: { region: base.region, programme: base.programme } };
}

export async function programmeVersionPage(
  { ctx, lang, baseUrl }: PageRequest,
  base: ProgrammeBase,
  target: ProgrammeTarget,
): Promise<string> {
  const region = await regionBySlug(ctx, base.region);
  const [content, council] = await Promise.all([
    ctx.reader.versionContent(region.code, base.programme, base.version ?? undefined),
    ctx.reader.council(region.code),
  ]);
  const common = { region, hasContact: council !== null, content, base };
  switch (target.kind) {
    case 'programme': {
      // The monitoring lives under the region's main programme (its menu links it there).
      const monitoring = base.version === null && mainProgramme(region.programmes)?.slug === base.programme;
      return renderPage(lang, baseUrl, (rc) => ProgrammePage({ rc, ...common, monitoring }));
    }
    case 'node': {
      const node = findByPath(content.nodes, target.path);
      if (!node) throw notFound(`Page "${target.path.join('/')}"`);
      const projects = node.depth === 2 ? await projectSection(ctx, region.code, base, { priority: node.key }) : null;
      const indicators = await nodeIndicators(ctx, region, base, node);
      return renderPage(lang, baseUrl, (rc) => NodePage({ rc, ...common, node, projects, indicators }));
    }
    case 'term': {
      const taxonomy = content.taxonomies.find((t) => t.key === target.taxonomy);
      const term = taxonomy?.terms.find((t) => t.key === target.term);
      if (!taxonomy || !term) throw notFound(`Term "${target.taxonomy}/${target.term}"`);
      const projects = await projectSection(ctx, region.code, base, { term: `${taxonomy.key}/${term.key}` });
      return renderPage(lang, baseUrl, (rc) => TermPage({ rc, ...common, taxonomy, term, projects }));
    }
    case 'search': {
      const hits = target.query
        ? await ctx.reader.search(region.code, base.programme, content.version.number, lang, target.query)
        : [];
      return renderPage(lang, baseUrl, (rc) => SearchPage({ rc, ...common, query: target.query, hits }));
    }
  }
}
