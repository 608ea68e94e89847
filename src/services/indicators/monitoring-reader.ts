/**
 * The read model of a region's monitoring, shared by the public pages, the API and the admin: its
 * indicators with their groups, observations, status (with its reason) for the region, freshness
 * (source `updated`, next release due) and municipality comparisons; counts by status for the
 * programme, each group and each node. Built once per `indicators` and `region` generation.
 */
import { areaFromKey } from '#src/domain/indicators/area-key.ts';
import type {
  IndicatorGroup,
  IndicatorSettings,
  Observation,
  StoredIndicator,
  StoredTarget,
} from '#src/domain/indicators/indicator.ts';
import { comparePeriods } from '#src/domain/indicators/periods.ts';
import { progressStatus, type ProgressResult } from '#src/domain/indicators/progress-status.ts';
import { isOverdue, releaseDue } from '#src/domain/indicators/release-due.ts';
import { rollUpStatuses, type StatusCounts } from '#src/domain/indicators/status-roll-up.ts';
import { canonicalUnit } from '#src/domain/indicators/units.ts';
import type { Municipality, Subregion } from '#src/domain/read-models.ts';
import type { Db } from '#src/storage/database.ts';
import {
  listIndicatorGroups,
  listIndicators,
  listObservations,
  listTargetHistory,
  readIndicatorSettings,
} from '#src/storage/repositories/indicators-repository.ts';
import { listMunicipalities, listSubregions } from '#src/storage/repositories/regions-repository.ts';
import type { Freshness } from '../freshness.ts';

export interface IndicatorView {
  indicator: StoredIndicator;
  group: IndicatorGroup | null;
  /** All observations, by area and period. */
  observations: Observation[];
  /** The region's own series (area `MK<code>`), in time order. */
  series: Observation[];
  /** The whole country's series, in time order (for context). */
  countrySeries: Observation[];
  /** The latest observation of the region with a value, or null. */
  latest: Observation | null;
  status: ProgressResult;
  /** The newest source `updated` of the indicator's figures, the retrieval time and the next release due. */
  sourceUpdated: string | null;
  retrievedAt: string | null;
  nextReleaseDue: string | null;
}

export interface ComparisonRowView {
  area: string;
  /** Subregion, region and country rows stand out. */
  kind: 'municipality' | 'subregion' | 'region' | 'country';
  observation: Observation | null;
  /** The figure compared: per resident when the indicator says so (null when the population is missing). */
  value: number | null;
  population: Observation | null;
}

export interface MonitoringView {
  regionCode: string;
  settings: IndicatorSettings | null;
  groups: IndicatorGroup[];
  indicators: IndicatorView[];
  counts: StatusCounts;
  municipalities: Municipality[];
  /** The region's subregions (seutukunnat), whose figures the comparison shows between the municipalities and the region. */
  subregions: Subregion[];
}

const regionArea = (code: string): string => `MK${code}`;

function inTime(obs: readonly Observation[]): Observation[] {
  return [...obs].sort((a, b) => comparePeriods(a.period, b.period));
}

function statusOf(ind: StoredIndicator, series: readonly Observation[], area: string): ProgressResult {
  const baseline = ind.baseline && ind.baseline.area === area ? ind.baseline : null;
  const target =
    ind.targets.filter((t) => t.area === area).sort((a, b) => comparePeriods(a.period, b.period))[0] ?? null;
  const units = new Set(
    series
      .map((o) => o.unit)
      .filter((u): u is string => u !== null)
      .map(canonicalUnit),
  );
  return progressStatus({
    direction: ind.direction,
    baseline: baseline ? { period: baseline.period, value: baseline.value } : null,
    target: target ? { period: target.period, value: target.value } : null,
    observations: series.map((o) => ({ period: o.period, value: o.value, status: o.status })),
    // Eurostat's `b` and Statistics Finland's `b`/`break`: a break in the series starts at that period.
    breaks: series.filter((o) => o.status !== null && /^b$|break/i.test(o.status)).map((o) => o.period),
    unitChanged: units.size > 1,
  });
}

export function buildMonitoringView(
  regionCode: string,
  settings: IndicatorSettings | null,
  groups: IndicatorGroup[],
  indicators: StoredIndicator[],
  observations: Observation[],
  municipalities: Municipality[],
  subregions: Subregion[] = [],
): MonitoringView {
  const area = regionArea(regionCode);
  const byIndicator = new Map<number, Observation[]>();
  for (const o of observations) {
    const list = byIndicator.get(o.indicatorId) ?? [];
    list.push(o);
    byIndicator.set(o.indicatorId, list);
  }
  const views = indicators.map((ind): IndicatorView => {
    const obs = byIndicator.get(ind.id) ?? [];
    const series = inTime(obs.filter((o) => o.area === area));
    const sourceUpdated =
      obs
        .map((o) => o.sourceUpdated)
        .filter((u): u is string => u !== null)
        .sort()
        .at(-1) ?? null;
    return {
      indicator: ind,
      group: groups.find((g) => g.code === ind.group) ?? null,
      observations: obs,
      series,
      countrySeries: inTime(obs.filter((o) => o.area === 'SSS')),
      latest: [...series].reverse().find((o) => o.value !== null) ?? null,
      status: statusOf(ind, series, area),
      sourceUpdated,
      retrievedAt:
        obs
          .map((o) => o.retrievedAt)
          .sort()
          .at(-1) ?? null,
      nextReleaseDue: releaseDue(ind.source.frequency, sourceUpdated),
    };
  });
  return {
    regionCode,
    settings,
    groups,
    indicators: views,
    counts: rollUpStatuses(views.map((v) => v.status)),
    municipalities,
    subregions,
  };
}

/** The indicators that follow any of `nodeKeys` (a theme and its priorities, say). */
export function indicatorsOfNodes(view: MonitoringView, nodeKeys: readonly string[]): IndicatorView[] {
  const keys = new Set(nodeKeys);
  return view.indicators.filter((v) => v.indicator.nodes.some((k) => keys.has(k)));
}

export function countsOf(views: readonly IndicatorView[]): StatusCounts {
  return rollUpStatuses(views.map((v) => v.status));
}

/** Whether the indicator's next release is overdue at `now`. */
export function isIndicatorOverdue(view: IndicatorView, now: Date): boolean {
  return isOverdue(view.nextReleaseDue, now);
}

/**
 * The municipality comparison of an indicator for one period (default: the latest period with a
 * municipality figure, else the region's latest): every municipality of the region, then the region
 * and the country. Per resident when the indicator says so, dividing by the population indicator's
 * figure of the same period and area; a confidential or missing figure stays null, never zero.
 */
export function comparisonOf(
  view: MonitoringView,
  indicator: IndicatorView,
  period?: string,
): { period: string | null; rows: ComparisonRowView[] } {
  const obs = indicator.observations;
  const muniPeriods = obs.filter((o) => areaFromKey(o.area)?.level === 'municipality').map((o) => o.period);
  const chosen =
    period ??
    [...(muniPeriods.length > 0 ? muniPeriods : obs.map((o) => o.period))].sort(comparePeriods).at(-1) ??
    null;
  if (chosen === null) return { period: null, rows: [] };
  const population = indicator.indicator.perResident
    ? view.indicators.find((v) => v.indicator.code === view.settings?.populationCode)
    : undefined;
  const at = (list: readonly Observation[], area: string): Observation | null =>
    list.find((o) => o.area === area && o.period === chosen) ?? null;
  const row = (area: string, kind: ComparisonRowView['kind']): ComparisonRowView => {
    const o = at(obs, area);
    const pop = population ? at(population.observations, area) : null;
    let value = o?.value !== null && o?.value !== undefined ? Number(o.value) : null;
    if (indicator.indicator.perResident) value = value !== null && pop?.value ? value / Number(pop.value) : null;
    return { area, kind, observation: o, value, population: pop };
  };
  return {
    period: chosen,
    rows: [
      ...view.municipalities.map((m) => row(`KU${m.code}`, 'municipality')),
      // A subregion without a figure for the period is left out (older files have none); municipalities always show.
      ...view.subregions.map((s) => row(`SK${s.code}`, 'subregion')).filter((r) => r.observation !== null),
      row(regionArea(view.regionCode), 'region'),
      row('SSS', 'country'),
    ],
  };
}

/** Builds and holds the monitoring view of each region per content generation. */
export class MonitoringReader {
  private readonly held = new Map<string, { stamp: number; view: Promise<MonitoringView> }>();

  constructor(
    private readonly db: Db,
    private readonly freshness: Freshness,
  ) {}

  async region(regionCode: string): Promise<MonitoringView> {
    const generations = await this.freshness.current();
    const stamp = generations.stamp({ region: regionCode, kinds: ['indicators', 'region'] });
    const held = this.held.get(regionCode);
    if (held && held.stamp === stamp) return held.view;
    const view = this.load(regionCode);
    this.held.set(regionCode, { stamp, view });
    view.catch(() => this.held.delete(regionCode));
    return view;
  }

  /** Every target the indicator has had (superseded ones with their `supersededAt`), the one in force last. */
  /** Every target an indicator has had, the one in force last (read per request; pages cache on the generation). */
  async targetHistory(indicatorId: number): Promise<StoredTarget[]> {
    return listTargetHistory(this.db.kysely, indicatorId);
  }

  private async load(regionCode: string): Promise<MonitoringView> {
    const k = this.db.kysely;
    const [settings, groups, indicators, municipalities, subregions] = await Promise.all([
      readIndicatorSettings(k, regionCode),
      listIndicatorGroups(k, regionCode),
      listIndicators(k, regionCode),
      listMunicipalities(k, regionCode),
      listSubregions(k, regionCode),
    ]);
    const observations = await listObservations(
      k,
      indicators.map((i) => i.id),
    );
    return buildMonitoringView(regionCode, settings, groups, indicators, observations, municipalities, subregions);
  }
}
