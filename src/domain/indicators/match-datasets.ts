/**
 * Turns the datasets of a statistics file into observations of the indicators whose source
 * matches: the table (through its canonical id and the id map), the content code in the metric
 * dimension, the fixed filters on the other dimensions; areas normalised to Suunta's keys and
 * checked against the areas Suunta holds; periods to `2024` / `2024Q3` / `2024M07`. Dimensions are
 * found by role first, then by id or label through the definition — never by hard-coded ids.
 * Every problem names the file, the JSON path and the reason; nothing is dropped silently.
 */
import type { AreaRef, StatDataset, StatDimension } from '../statistics/dataset.ts';
import { areaKey } from './area-key.ts';
import type { IndicatorSource } from './definition-file.ts';
import { normalisePeriod } from './periods.ts';
import { sameDimension, sameTable, type IdMap } from './table-ids.ts';

export interface MatchableIndicator {
  code: string;
  source: Pick<IndicatorSource, 'table' | 'earlierTables' | 'content' | 'filters' | 'area'>;
}

export interface ObservationDraft {
  area: string;
  period: string;
  value: string | null;
  status: string | null;
  statusLabel: string | null;
  unit: string | null;
}

export interface DatasetMatch {
  indicatorCode: string;
  datasetPath: string;
  tableId: string;
  updated: string | null;
  observations: ObservationDraft[];
  /** The areas and periods the dataset covers for this indicator (a stored value there that the file lacks is withdrawn). */
  scope: { areas: string[]; periods: string[] };
}

export interface MatchResult {
  matches: DatasetMatch[];
  /** Datasets no indicator reads, with the reason. */
  unmatched: { path: string; tableId: string | null; reason: string }[];
  /** Problems that make the file unusable (`path: reason`). */
  problems: string[];
}

export interface MatchContext {
  idMap: IdMap;
  /** Area keys Suunta holds (SSS, MK08, KU091…). */
  knownAreas: ReadonlySet<string>;
  /** Normalises an area code of a geo dimension (domain/statistics/areas.ts). */
  areaOf: (code: string, hint: { dimensionId: string; dimensionLabel: string }) => AreaRef | null;
}

const lower = (s: string): string => s.trim().toLowerCase();

function findCategory(dim: StatDimension, wanted: string): number {
  const w = lower(wanted);
  const byCode = dim.categories.findIndex((c) => lower(c.code) === w);
  return byCode >= 0 ? byCode : dim.categories.findIndex((c) => lower(c.label) === w);
}

export function matchDatasets(
  datasets: readonly StatDataset[],
  indicators: readonly MatchableIndicator[],
  ctx: MatchContext,
): MatchResult {
  const result: MatchResult = { matches: [], unmatched: [], problems: [] };
  for (const ds of datasets) {
    if (ds.metadataOnly) {
      result.unmatched.push({ path: ds.path, tableId: ds.tableId, reason: 'holds metadata only, no figures' });
      continue;
    }
    if (!ds.tableId) {
      result.unmatched.push({ path: ds.path, tableId: null, reason: 'does not name its table' });
      continue;
    }
    const tableId = ds.tableId;
    const readers = indicators.filter((i) =>
      sameTable(tableId, [i.source.table, ...i.source.earlierTables], ctx.idMap),
    );
    if (readers.length === 0) {
      result.unmatched.push({ path: ds.path, tableId, reason: `no indicator reads table ${tableId}` });
      continue;
    }
    const skipped: string[] = [];
    for (const ind of readers) {
      const m = matchOne(ds, tableId, ind, ctx, result.problems);
      if (m && 'skipped' in m) skipped.push(`${ind.code}: ${m.skipped}`);
      else if (m) result.matches.push(m);
    }
    if (skipped.length === readers.length)
      result.unmatched.push({
        path: ds.path,
        tableId,
        reason: `no indicator's figure is in it (${skipped.join('; ')})`,
      });
  }
  // Two indicators reading the same table find the same problem of it once.
  result.problems = [...new Set(result.problems)];
  return result;
}

function matchOne(
  ds: StatDataset,
  tableId: string,
  ind: MatchableIndicator,
  ctx: MatchContext,
  problems: string[],
): DatasetMatch | { skipped: string } | null {
  const at = (p: string): string => `${ds.path}${p}`;
  const before = problems.length;
  // The category each dimension is fixed to (-1: free, i.e. time or geo).
  const fixed: number[] = ds.dimensions.map(() => -1);
  const used = new Set<number>();
  let missingContent: string | null = null;
  for (const [name, category] of Object.entries(ind.source.filters)) {
    const d = ds.dimensions.findIndex((dim) => sameDimension(dim, name, ctx.idMap));
    if (d < 0) {
      problems.push(`${at('.dimension')}: indicator ${ind.code} fixes "${name}", which the dataset does not have`);
      continue;
    }
    const c = findCategory(ds.dimensions[d]!, category);
    if (c < 0) {
      problems.push(
        `${at(`.dimension["${ds.dimensions[d]!.id}"]`)}: indicator ${ind.code} fixes "${category}", which is not a category of it`,
      );
      continue;
    }
    fixed[d] = c;
    used.add(d);
  }
  ds.dimensions.forEach((dim, d) => {
    if (used.has(d) || dim.role === 'time' || dim.role === 'geo') return;
    if (dim.role === 'metric') {
      if (ind.source.content !== undefined) {
        const c = findCategory(dim, ind.source.content);
        if (c < 0) missingContent = `the dataset has no content "${ind.source.content}" (${dim.id})`;
        else fixed[d] = c;
        return;
      }
      if (dim.categories.length === 1) fixed[d] = 0;
      else
        problems.push(
          `${at(`.dimension["${dim.id}"]`)}: ${dim.categories.length} contents, and indicator ${ind.code} names none (set source.content)`,
        );
      return;
    }
    if (dim.categories.length === 1) fixed[d] = 0;
    else
      problems.push(
        `${at(`.dimension["${dim.id}"]`)}: ${dim.categories.length} categories, and indicator ${ind.code} fixes none (add it to source.filters)`,
      );
  });
  if (problems.length > before) return null;
  // A file of the table that lacks this indicator's figure feeds other indicators, not this one.
  if (missingContent !== null) return { skipped: missingContent };

  const timeDim = ds.dimensions.findIndex((d) => d.role === 'time');
  const geoDim = ds.dimensions.findIndex((d) => d.role === 'geo');
  const metricDim = ds.dimensions.findIndex((d) => d.role === 'metric');
  if (timeDim < 0) {
    problems.push(`${at('.dimension')}: no time dimension, so the figures have no period`);
    return null;
  }
  const periods = ds.dimensions[timeDim]!.categories.map((c) => {
    const p = normalisePeriod(c.code);
    if (p === null)
      problems.push(
        `${at(`.dimension["${ds.dimensions[timeDim]!.id}"].category["${c.code}"]`)}: "${c.code}" is not a year, quarter or month`,
      );
    return p;
  });
  const defaultArea = ind.source.area ?? 'SSS';
  const areas: (string | null)[] =
    geoDim < 0
      ? [defaultArea]
      : ds.dimensions[geoDim]!.categories.map((c) => {
          const dim = ds.dimensions[geoDim]!;
          const ref = ctx.areaOf(c.code, { dimensionId: dim.id, dimensionLabel: dim.label });
          const key = ref ? areaKey(ref) : null;
          if (key === null || !ctx.knownAreas.has(key)) {
            problems.push(
              `${at(`.dimension["${dim.id}"].category["${c.code}"]`)}: "${c.code}" (${c.label}) is not an area Suunta holds`,
            );
            return null;
          }
          return key;
        });
  if (problems.length > before) return null;

  const metric = metricDim >= 0 ? ds.dimensions[metricDim]!.categories[fixed[metricDim]!] : undefined;
  const unit = metric?.unit?.base ?? null;
  const observations: ObservationDraft[] = [];
  // Only the indicator's slice of the cube (the fixed categories), not every cell.
  for (const cell of ds.cells(fixed)) {
    observations.push({
      area: areas[geoDim < 0 ? 0 : cell.index[geoDim]!]!,
      period: periods[cell.index[timeDim]!]!,
      value: cell.value,
      status: cell.status,
      statusLabel: cell.status !== null ? (ds.statusLabels[cell.status] ?? null) : null,
      unit,
    });
  }
  return {
    indicatorCode: ind.code,
    datasetPath: ds.path,
    tableId,
    updated: ds.updated,
    observations,
    scope: { areas: areas as string[], periods: periods as string[] },
  };
}
