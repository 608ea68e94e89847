/**
 * Observations of indicators as JSON-stat 2.0: one dataset per indicator (a `collection` of
 * embedded datasets for a set), shaped like a Statistics Finland response so that Suunta's own
 * import reads it back unchanged: `extension.px.tableid` names the source table, the metric
 * dimension holds the content code, the fixed filters are one-category dimensions, areas are
 * written as StatFin codes (`SSS`, `MK08`, `KU091`) and values are the exact decimals as written.
 */
import { pickText, type Lang } from '../languages.ts';
import type { Observation, StoredIndicator } from './indicator.ts';
import { comparePeriods } from './periods.ts';

export interface JsonStatOptions {
  lang: Lang;
  /** Area key → name in `lang`. */
  areaName: (key: string) => string;
  /** The dataset's `source` text. */
  source?: string;
  /** Used as `updated` when the observations carry no source timestamp. */
  generatedAt: string;
}

const q = (s: string): string => JSON.stringify(s);

function categoryJson(codes: readonly string[], label: (c: string) => string, unit?: Record<string, unknown>): string {
  const index = `{${codes.map((c, i) => `${q(c)}:${i}`).join(',')}}`;
  const labels = `{${codes.map((c) => `${q(c)}:${q(label(c))}`).join(',')}}`;
  const units = unit ? `,"unit":${JSON.stringify(unit)}` : '';
  return `{"index":${index},"label":${labels}${units}}`;
}

/** The JSON text of one indicator's dataset (a JSON object, without a trailing newline). */
export function indicatorDatasetJson(
  indicator: Pick<StoredIndicator, 'code' | 'name' | 'unit' | 'decimals' | 'source'>,
  observations: readonly Pick<Observation, 'area' | 'period' | 'value' | 'status' | 'sourceUpdated' | 'unit'>[],
  options: JsonStatOptions,
): string {
  const areas = [...new Set(observations.map((o) => o.area))].sort();
  const periods = [...new Set(observations.map((o) => o.period))].sort(comparePeriods);
  const content = indicator.source.content ?? indicator.code;
  const filters = Object.entries(indicator.source.filters);
  const name = pickText(indicator.name, options.lang)?.text ?? indicator.code;
  const unitText = pickText(indicator.unit, options.lang)?.text ?? '';
  // The unit as the source wrote it, so that a re-import sees no unit change.
  const sourceUnit = observations.find((o) => o.unit !== null)?.unit ?? unitText;
  const ids = ['Alue', 'Vuosi', 'Tiedot', ...filters.map(([dim]) => dim)];
  const size = [areas.length, periods.length, 1, ...filters.map(() => 1)];
  const cell = new Map(observations.map((o) => [`${o.area}\u0000${o.period}`, o]));
  const values: string[] = [];
  const statuses: string[] = [];
  let i = 0;
  for (const a of areas)
    for (const p of periods) {
      const o = cell.get(`${a}\u0000${p}`);
      values.push(o?.value ?? 'null');
      if (o?.status) statuses.push(`${q(String(i))}:${q(o.status)}`);
      i++;
    }
  const updated =
    observations
      .map((o) => o.sourceUpdated)
      .filter((u): u is string => u !== null)
      .sort()
      .at(-1) ?? options.generatedAt;
  const dims = [
    `"Alue":{"label":"Alue","category":${categoryJson(areas, options.areaName)}}`,
    `"Vuosi":{"label":"Vuosi","category":${categoryJson(periods, (p) => p)}}`,
    `"Tiedot":{"label":"Tiedot","category":${categoryJson([content], () => `${name} (${unitText})`, {
      [content]: { base: sourceUnit, decimals: indicator.decimals },
    })}}`,
    ...filters.map(([dim, cat]) => `${q(dim)}:{"label":${q(dim)},"category":${categoryJson([cat], (c) => c)}}`),
  ];
  return [
    '{"version":"2.0","class":"dataset"',
    `,"label":${q(name)}`,
    `,"source":${q(options.source ?? pickText(indicator.source.organisation, options.lang)?.text ?? '')}`,
    `,"updated":${q(updated)}`,
    `,"id":${JSON.stringify(ids)},"size":${JSON.stringify(size)}`,
    `,"role":{"geo":["Alue"],"time":["Vuosi"],"metric":["Tiedot"]}`,
    `,"dimension":{${dims.join(',')}}`,
    `,"value":[${values.join(',')}]`,
    statuses.length > 0 ? `,"status":{${statuses.join(',')}}` : '',
    `,"extension":{"px":{"tableid":${q(indicator.source.table)},"decimals":${indicator.decimals}},"suunta":{"indicator":${q(indicator.code)}}}`,
    '}',
  ].join('');
}

/** A JSON-stat 2.0 collection embedding one dataset per indicator. */
export function indicatorCollectionJson(label: string, datasets: readonly string[], updated: string): string {
  const items = datasets.map((d) => d).join(',');
  return `{"version":"2.0","class":"collection","label":${q(label)},"updated":${q(updated)},"link":{"item":[${items}]}}`;
}
