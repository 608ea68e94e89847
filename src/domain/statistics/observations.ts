/**
 * The observations a dataset would produce: one per non-empty cell (a value, or a null value with a
 * status), with its area (the first geo dimension's category through normaliseArea), period (the
 * first time dimension's code), content (the first metric dimension's code) and the codes of every
 * other dimension. A dataset without a geo / time / metric dimension gives null there.
 *
 * A geo code that is not a Finnish area is kept as written with `recognised: false`: level
 * `country` for totals (`TOTAL`, `T`, `_T`) and two-letter ISO country codes (`FR`), else `region`.
 */
import { normaliseArea } from './areas.ts';
import type { AreaLevel, StatDataset } from './dataset.ts';

export interface ObservationArea {
  level: AreaLevel;
  code: string;
  /** Present (false) when the code is not a Finnish area code. */
  recognised?: false;
}

export interface CellObservation {
  area: ObservationArea | null;
  period: string | null;
  content: string | null;
  value: string | null;
  status: string | null;
  /** Codes of the further dimensions, by dimension id (absent when there are none). */
  other?: Record<string, string>;
}

/** Which dimension (by position) gives area, period and content; the rest are `others`. */
export interface DatasetAxes {
  geo: number | null;
  time: number | null;
  metric: number | null;
  others: number[];
}

export function datasetAxes(dataset: StatDataset): DatasetAxes {
  const first = (role: string): number | null => {
    const i = dataset.dimensions.findIndex((d) => d.role === role);
    return i < 0 ? null : i;
  };
  const geo = first('geo');
  const time = first('time');
  const metric = first('metric');
  const others = dataset.dimensions.map((_, i) => i).filter((i) => i !== geo && i !== time && i !== metric);
  return { geo, time, metric, others };
}

const TOTAL = /^(?:TOTAL|TOT|T|_T)$/i;

/** The observation area of a geo code (see the module comment). */
export function observationArea(code: string, dimensionId: string, dimensionLabel: string): ObservationArea {
  const area = normaliseArea(code, { dimensionId, dimensionLabel });
  if (area) return area;
  const level: AreaLevel = TOTAL.test(code) || /^[A-Z]{2}$/.test(code) ? 'country' : 'region';
  return { level, code, recognised: false };
}

/** The observations of `dataset`, in row-major cell order. */
export function* datasetObservations(dataset: StatDataset): Iterable<CellObservation> {
  const axes = datasetAxes(dataset);
  const dims = dataset.dimensions;
  const areas =
    axes.geo === null
      ? null
      : dims[axes.geo]!.categories.map((c) => observationArea(c.code, dims[axes.geo!]!.id, dims[axes.geo!]!.label));
  const code = (axis: number | null, index: readonly number[]): string | null =>
    axis === null ? null : dims[axis]!.categories[index[axis]!]!.code;
  for (const cell of dataset.cells()) {
    const obs: CellObservation = {
      area: areas === null ? null : areas[cell.index[axes.geo!]!]!,
      period: code(axes.time, cell.index),
      content: code(axes.metric, cell.index),
      value: cell.value,
      status: cell.status,
    };
    if (axes.others.length > 0) {
      obs.other = Object.fromEntries(axes.others.map((i) => [dims[i]!.id, dims[i]!.categories[cell.index[i]!]!.code]));
    }
    yield obs;
  }
}
