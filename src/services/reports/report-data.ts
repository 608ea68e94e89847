/**
 * The data of the annual monitoring report of a programme for a year, computed from the stored
 * data "as of" a day (`asOf`; without one, as stored now): the version in force, the indicators'
 * figures up to the year and their statuses, the projects started and ended in the year and the
 * money granted for it by fund, per theme and priority, the financing plan of the year against the
 * money granted, the changes to the programme approved in the year, and the observations used.
 * Everything the document shows comes from here, so the same data and day give the same document;
 * `checksum` is the SHA-256 of this data's canonical JSON.
 */
import { createHash } from 'node:crypto';
import { badRequest, notFound } from '#src/domain/errors.ts';
import type { Observation, StoredIndicator } from '#src/domain/indicators/indicator.ts';
import type { StatusCounts } from '#src/domain/indicators/status-roll-up.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Region, TreeNode, VersionSummary } from '#src/domain/read-models.ts';
import {
  inYear,
  moneyOfYear,
  observationInReport,
  REPORT_YEARS,
  reportCutoff,
  targetsInForce,
  type FundMoney,
} from '#src/domain/reports/report-year.ts';
import { flattenTree } from '#src/domain/tree.ts';
import type { NodeChange } from '#src/domain/version-diff.ts';
import { listFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import {
  listIndicatorGroups,
  listIndicators,
  listObservations,
  listTargetHistory,
  readIndicatorSettings,
} from '#src/storage/repositories/indicators-repository.ts';
import { listProjectsActiveIn, type ReportProjectRow } from '#src/storage/repositories/projects-repository.ts';
import { listMunicipalities, listSubregions } from '#src/storage/repositories/regions-repository.ts';
import type { AppContext } from '../app-context.ts';
import { compareVersions } from '../compare-versions.ts';
import { buildMonitoringView, indicatorsOfNodes, type IndicatorView } from '../indicators/monitoring-reader.ts';

export interface ReportRequest {
  regionCode: string;
  programmeSlug: string;
  year: number;
  /** `YYYY-MM-DD`: only what was known by the end of this day; null or absent: as stored now. */
  asOf?: string | null;
}

export interface ReportProject {
  code: string;
  name: LocalizedText;
  leadOrganisation: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Money granted for the report's year, by fund. */
  granted: FundMoney[];
}

export interface ReportPlanRow {
  fund: string;
  plannedCents: number;
  grantedCents: number;
}

export interface ReportNodeSection {
  key: string;
  title: LocalizedText;
  path: string[];
  depth: number;
  indicators: IndicatorView[];
  /** Projects linked to the node (or a node under it) that started in the year. */
  started: ReportProject[];
  /** Money granted for the year to every project linked to the node (or under it), by fund. */
  granted: FundMoney[];
  /** The financing plan of the year against the money granted, by fund (funds of either). */
  plan: ReportPlanRow[];
  children: ReportNodeSection[];
}

export interface ReportChange {
  version: number;
  label: LocalizedText | null;
  decision: VersionSummary['decision'];
  changelog: LocalizedText | null;
  /** The version it changed (the previous one by number). */
  from: number;
  added: number;
  removed: number;
  changed: number;
  nodes: { key: string; kind: NodeChange['kind']; title: LocalizedText; retitled: boolean; moved: boolean }[];
}

export interface ReportSource {
  indicator: string;
  name: LocalizedText;
  organisation: LocalizedText;
  table: string;
  url: string | null;
  licence: string | null;
  sourceUpdated: string | null;
  retrievedAt: string | null;
  nextReleaseDue: string | null;
  observations: number;
}

export interface ReportData {
  format: 'suunta.report/1';
  region: Region;
  programme: { slug: string; title: LocalizedText; periodStart: number; periodEnd: number };
  year: number;
  asOf: string | null;
  /** The version in force at the end of the year (or the "as of" day); null when none was approved by then. */
  version: VersionSummary | null;
  /** The newest source `updated` and retrieval time of the figures used, and the newest project change. */
  vintage: { sourceUpdated: string | null; retrievedAt: string | null; projectsUpdated: string | null };
  summary: {
    counts: StatusCounts;
    indicators: number;
    /** Indicators with a figure of the report's year itself. */
    withFigureOfYear: number;
    granted: FundMoney[];
    projectsStarted: number;
    projectsEnded: number;
    projectsActive: number;
  };
  /** False when the year has no figure of its own, no project money or activity and no approved change. */
  hasDataForYear: boolean;
  /** Every indicator of the programme with its figures up to the year, in the definitions' order. */
  indicators: IndicatorView[];
  /** Indicators of the whole programme (linked to no theme or priority). */
  programmeIndicators: IndicatorView[];
  themes: ReportNodeSection[];
  changes: ReportChange[];
  sources: ReportSource[];
  /** Every observation the report uses, by indicator, area and period. */
  observations: (Observation & { indicator: string })[];
  municipalities: { code: string; name: LocalizedText }[];
  subregions: { code: string; name: LocalizedText }[];
  checksum: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the year and day of a report request (the CLI and the site pass what users typed). */
export function checkReportRequest(year: number, asOf: string | null | undefined): void {
  if (!Number.isInteger(year) || year < REPORT_YEARS.min || year > REPORT_YEARS.max)
    throw badRequest(`year: must be a year between ${REPORT_YEARS.min} and ${REPORT_YEARS.max}, not "${year}"`);
  if (asOf !== null && asOf !== undefined && (!DAY.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))))
    throw badRequest(`date: must be a day written YYYY-MM-DD, not "${asOf}"`);
}

/** JSON with object keys sorted, so equal data give equal text whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function projectOf(p: ReportProjectRow, year: number): ReportProject {
  return {
    code: p.code,
    name: p.name,
    leadOrganisation: p.leadOrganisation,
    startDate: p.startDate,
    endDate: p.endDate,
    granted: moneyOfYear(p.funding, 'granted', year),
  };
}

/** The version in force on `day`: the last approved (now perhaps superseded) version decided by then. */
function versionInForce(versions: readonly VersionSummary[], day: string): VersionSummary | null {
  return (
    versions
      .filter((v) => (v.status === 'approved' || v.status === 'superseded') && v.decision && v.decision.date <= day)
      .sort((a, b) => a.decision!.date.localeCompare(b.decision!.date) || a.number - b.number)
      .at(-1) ?? null
  );
}

export async function buildReportData(ctx: AppContext, request: ReportRequest): Promise<ReportData> {
  const { year } = request;
  const asOf = request.asOf ?? null;
  checkReportRequest(year, asOf);
  const region = await ctx.reader.region(request.regionCode);
  const programme = region.programmes.find((p) => p.slug === request.programmeSlug);
  if (!programme) throw notFound(`Programme "${request.programmeSlug}" of region ${region.code}`);
  const cutoff = reportCutoff(year, asOf);
  const versions = await ctx.reader.versions(region.code, programme.slug);
  const version = versionInForce(versions, cutoff);
  // The tree of the version in force; before any approval, the current version's (so the sections have a shape).
  const content = await ctx.reader.versionContent(region.code, programme.slug, version?.number);

  const k = ctx.db.kysely;
  const [settings, groups, stored, municipalities, subregions, projectRows] = await Promise.all([
    readIndicatorSettings(k, region.code),
    listIndicatorGroups(k, region.code),
    listIndicators(k, region.code),
    listMunicipalities(k, region.code),
    listSubregions(k, region.code),
    listProjectsActiveIn(k, region.code, { from: `${year}-01-01`, to: cutoff }),
  ]);
  const monitored = settings?.programmeSlug ?? null;
  const indicators: StoredIndicator[] =
    monitored !== null && monitored !== programme.slug
      ? []
      : asOf === null
        ? stored
        : await Promise.all(
            stored.map(async (ind) => ({
              ...ind,
              targets: targetsInForce(await listTargetHistory(k, ind.id), asOf),
            })),
          );
  const observations = (
    await listObservations(
      k,
      indicators.map((i) => i.id),
    )
  ).filter((o) => observationInReport(o, year, asOf));
  const view = buildMonitoringView(region.code, settings, groups, indicators, observations, municipalities, subregions);

  const projects = projectRows.filter(
    (p) => asOf === null || p.startDate === null || p.startDate <= cutoff || p.updatedAt.slice(0, 10) <= asOf,
  );
  const plan =
    version === null
      ? []
      : (
          await listFinancingPlan(k, {
            regionCode: region.code,
            programmeSlug: programme.slug,
            versionNumber: version.number,
          })
        ).filter((l) => l.year === year);

  const linkedTo = (keys: ReadonlySet<string>) =>
    projects.filter((p) =>
      p.nodes.some((n) => n.startsWith(`${programme.slug}/`) && keys.has(n.slice(programme.slug.length + 1))),
    );
  const section = (node: TreeNode): ReportNodeSection => {
    const keys = new Set([node.key, ...flattenTree(node.children).map((n) => n.key)]);
    const linked = linkedTo(keys);
    const granted = moneyOfYear(
      linked.flatMap((p) => p.funding),
      'granted',
      year,
    );
    const planned = new Map<string, number>();
    for (const l of plan) if (keys.has(l.nodeKey)) planned.set(l.fund, (planned.get(l.fund) ?? 0) + l.plannedCents);
    const funds = [...new Set([...planned.keys(), ...granted.map((g) => g.fund)])];
    return {
      key: node.key,
      title: node.title,
      path: node.path,
      depth: node.depth,
      indicators: indicatorsOfNodes(view, [node.key]),
      started: linked.filter((p) => inYear(p.startDate, year)).map((p) => projectOf(p, year)),
      granted,
      plan: funds
        .map((fund) => ({
          fund,
          plannedCents: planned.get(fund) ?? 0,
          grantedCents: granted.find((g) => g.fund === fund)?.cents ?? 0,
        }))
        .sort((a, b) => funds.indexOf(a.fund) - funds.indexOf(b.fund)),
      children: node.children.map(section),
    };
  };
  const themes = content.nodes.map(section);
  const allKeys = new Set(flattenTree(content.nodes).map((n) => n.key));
  const programmeIndicators = view.indicators.filter((v) => !v.indicator.nodes.some((key) => allKeys.has(key)));

  const changes: ReportChange[] = [];
  for (const v of versions.filter(
    (x) => x.decision && inYear(x.decision.date, year) && x.decision.date <= cutoff && x.number > 1,
  )) {
    if (v.status !== 'approved' && v.status !== 'superseded') continue;
    const { diff } = await compareVersions(ctx.reader, region.code, programme.slug, v.number - 1, v.number);
    changes.push({
      version: v.number,
      label: v.label,
      decision: v.decision,
      changelog: v.changelog,
      from: v.number - 1,
      added: diff.counts.added,
      removed: diff.counts.removed,
      changed: diff.nodes.filter((n) => n.kind === 'changed').length,
      nodes: diff.nodes.map((n) => ({
        key: n.key,
        kind: n.kind,
        title: (n.after ?? n.before)!.title,
        retitled: n.retitled,
        moved: n.moved !== null,
      })),
    });
  }

  const used = view.indicators.flatMap((v) =>
    [...v.observations]
      .sort((a, b) =>
        a.area < b.area ? -1 : a.area > b.area ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
      )
      .map((o) => ({ ...o, indicator: v.indicator.code })),
  );
  const newest = (list: readonly (string | null)[]): string | null =>
    list
      .filter((x): x is string => x !== null)
      .sort()
      .at(-1) ?? null;
  const granted = moneyOfYear(
    projects.flatMap((p) => p.funding),
    'granted',
    year,
  );
  const started = projects.filter((p) => inYear(p.startDate, year)).length;
  const ended = projects.filter((p) => inYear(p.endDate, year)).length;
  const withFigureOfYear = view.indicators.filter((v) =>
    v.series.some((o) => o.value !== null && Number(o.period.slice(0, 4)) === year),
  ).length;

  const data: Omit<ReportData, 'checksum'> = {
    format: 'suunta.report/1',
    region: { code: region.code, slug: region.slug, name: region.name, statfinCode: region.statfinCode },
    programme: {
      slug: programme.slug,
      title: programme.title,
      periodStart: programme.periodStart,
      periodEnd: programme.periodEnd,
    },
    year,
    asOf,
    version,
    vintage: {
      sourceUpdated: newest(used.map((o) => o.sourceUpdated)),
      retrievedAt: newest(used.map((o) => o.retrievedAt)),
      projectsUpdated: newest(projects.map((p) => p.updatedAt)),
    },
    summary: {
      counts: view.counts,
      indicators: view.indicators.length,
      withFigureOfYear,
      granted,
      projectsStarted: started,
      projectsEnded: ended,
      projectsActive: projects.length,
    },
    hasDataForYear: withFigureOfYear > 0 || granted.length > 0 || started > 0 || ended > 0 || changes.length > 0,
    indicators: view.indicators,
    programmeIndicators,
    themes,
    changes,
    sources: view.indicators.map((v) => ({
      indicator: v.indicator.code,
      name: v.indicator.name,
      organisation: v.indicator.source.organisation,
      table: v.indicator.source.table,
      url: v.indicator.source.url ?? null,
      licence: v.indicator.source.licence ?? null,
      sourceUpdated: v.sourceUpdated,
      retrievedAt: v.retrievedAt,
      nextReleaseDue: v.nextReleaseDue,
      observations: v.observations.length,
    })),
    observations: used,
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
    subregions: subregions.map((s) => ({ code: s.code, name: s.name })),
  };
  return { ...data, checksum: createHash('sha256').update(canonicalJson(data)).digest('hex') };
}
