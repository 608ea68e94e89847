/**
 * Indicators, observations and status roll-ups of the monitoring read model as the API shows them:
 * figures as the exact decimal text stored, status texts and area names in the requested language.
 */
import { areaFromKey } from '#src/domain/indicators/area-key.ts';
import type { Observation, StoredIndicator, StoredTarget } from '#src/domain/indicators/indicator.ts';
import { PROGRESS_STATES, type ProgressResult } from '#src/domain/indicators/progress-status.ts';
import { statusTotal, type StatusCounts } from '#src/domain/indicators/status-roll-up.ts';
import { pickText, type Lang } from '#src/domain/languages.ts';
import type { Municipality, Region, Subregion, TreeNode } from '#src/domain/read-models.ts';
import {
  countsOf,
  indicatorsOfNodes,
  type IndicatorView,
  type MonitoringView,
} from '#src/services/indicators/monitoring-reader.ts';
import { countryName, statusMeaning } from '#src/views/observation-text.ts';
import { progressReasonText, progressStateName } from '#src/views/progress-text.ts';
import { presentOptionalText, presentText } from './present-text.ts';
import type {
  IndicatorSummaryJson,
  ObservationJson,
  ProgressStatusJson,
  StatusRollUpJson,
  TargetJson,
} from './schemas/indicators.ts';

/** Area key → name in one language: the country, regions and municipalities by name, other keys as they are. */
export type AreaNamer = (key: string) => string;

export function areaNamer(
  lang: Lang,
  regions: readonly Region[],
  municipalities: readonly Municipality[],
  subregions: readonly Subregion[] = [],
): AreaNamer {
  const names = new Map<string, string>();
  names.set('SSS', countryName(lang));
  for (const r of regions) names.set(`MK${r.code}`, pickText(r.name, lang)?.text ?? r.code);
  for (const s of subregions) names.set(`SK${s.code}`, pickText(s.name, lang)?.text ?? s.code);
  for (const m of municipalities) names.set(`KU${m.code}`, pickText(m.name, lang)?.text ?? m.code);
  return (key) => names.get(key) ?? key;
}

/** The indicator's name in `lang` (its code when it has none). */
export function indicatorName(ind: Pick<StoredIndicator, 'code' | 'name'>, lang: Lang): string {
  return pickText(ind.name, lang)?.text ?? ind.code;
}

export function presentObservation(o: Observation, lang: Lang, areaName: AreaNamer): ObservationJson {
  return {
    area: o.area,
    areaName: areaName(o.area),
    period: o.period,
    value: o.value,
    status: o.status,
    statusMeaning: statusMeaning(lang, o.status, o.statusLabel),
    unit: o.unit,
    sourceUpdated: o.sourceUpdated,
    retrievedAt: o.retrievedAt,
  };
}

export function presentStatus(status: ProgressResult, lang: Lang, name: string): ProgressStatusJson {
  return {
    state: status.state,
    stateName: progressStateName(lang, status.state),
    reason: { key: status.reason.key, params: { ...status.reason.params } },
    text: progressReasonText(lang, status, name),
  };
}

export function presentTarget(t: StoredTarget): TargetJson {
  return {
    period: t.period,
    value: t.value,
    area: t.area,
    decision: t.decision,
    decided: t.decided,
    setAt: t.setAt,
    supersededAt: t.supersededAt,
  };
}

export const indicatorPath = (regionCode: string, code: string): string =>
  `/api/v1/regions/${regionCode}/indicators/${encodeURIComponent(code)}`;

export function presentIndicator(iv: IndicatorView, lang: Lang, areaName: AreaNamer): IndicatorSummaryJson {
  const ind = iv.indicator;
  const self = indicatorPath(ind.regionCode, ind.code);
  const s = ind.source;
  return {
    code: ind.code,
    name: presentText(ind.name),
    definition: presentOptionalText(ind.definition),
    unit: presentText(ind.unit),
    decimals: ind.decimals,
    direction: ind.direction,
    group: ind.group,
    level: ind.level,
    perResident: ind.perResident,
    nodes: [...ind.nodes],
    terms: ind.terms.map((t) => ({ taxonomy: t.taxonomy, term: t.term })),
    source: {
      organisation: presentText(s.organisation),
      table: s.table,
      earlierTables: [...s.earlierTables],
      content: s.content ?? null,
      filters: { ...s.filters },
      area: s.area ?? null,
      licence: s.licence,
      url: s.url ?? null,
      frequency: s.frequency,
    },
    baseline: ind.baseline
      ? {
          period: ind.baseline.period,
          value: ind.baseline.value,
          area: ind.baseline.area,
          decision: ind.baseline.decision ?? null,
        }
      : null,
    targets: ind.targets.map(presentTarget),
    latest: iv.latest ? presentObservation(iv.latest, lang, areaName) : null,
    status: presentStatus(iv.status, lang, indicatorName(ind, lang)),
    sourceUpdated: iv.sourceUpdated,
    retrievedAt: iv.retrievedAt,
    nextReleaseDue: iv.nextReleaseDue,
    links: {
      self,
      observations: `${self}/observations`,
      csv: `${self}/observations.csv`,
      jsonstat: `${self}/jsonstat`,
    },
  };
}

function rollUp(views: readonly IndicatorView[]): { counts: StatusCounts; total: number; indicators: string[] } {
  const counts = countsOf(views);
  return { counts, total: statusTotal(counts), indicators: views.map((v) => v.indicator.code) };
}

/** Every key of `node` and the nodes under it. */
function keysUnder(node: TreeNode): string[] {
  return [node.key, ...node.children.flatMap(keysUnder)];
}

/**
 * Counts by state for the programme, each group, each theme (first-level node) and each priority
 * (second-level node) of `nodes`; a node counts the indicators linked to it or to a node under it.
 */
export function presentStatusRollUp(view: MonitoringView, nodes: readonly TreeNode[]): StatusRollUpJson {
  return {
    regionCode: view.regionCode,
    programme: view.settings?.programmeSlug ?? null,
    states: [...PROGRESS_STATES],
    overall: rollUp(view.indicators),
    groups: view.groups.map((g) => ({
      code: g.code,
      name: presentText(g.name),
      ...rollUp(view.indicators.filter((v) => v.indicator.group === g.code)),
    })),
    themes: nodes.map((t) => ({
      key: t.key,
      title: presentText(t.title),
      ...rollUp(indicatorsOfNodes(view, keysUnder(t))),
    })),
    priorities: nodes.flatMap((t) =>
      t.children.map((p) => ({
        key: p.key,
        theme: t.key,
        title: presentText(p.title),
        ...rollUp(indicatorsOfNodes(view, keysUnder(p))),
      })),
    ),
  };
}

/** Whether `key` is an area key (`SSS`, `MK08`, `SK081`, `KU285`). */
export const isAreaKey = (key: string): boolean => areaFromKey(key) !== null;
