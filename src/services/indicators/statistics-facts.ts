/**
 * The compact facts files under content/facts/statistics/: the figures a statistics import matched,
 * written as a JSON-stat 2.0 collection by Suunta's own exporter (so the seed reads them through
 * the same import), with the file and command they were made from named in `source`.
 */
import { indicatorCollectionJson, indicatorDatasetJson } from '#src/domain/indicators/jsonstat-export.ts';
import type { StatisticsReview } from './import-statistics.ts';

export function statisticsFactsJson(review: StatisticsReview, madeBy: string): string {
  const byCode = new Map(review.indicators.map((i) => [i.code, i]));
  const datasets = review.matches.map((m) => {
    const ind = byCode.get(m.indicatorCode)!;
    const source = `${ind.source.organisation.en ?? ind.source.organisation.fi}, table ${m.tableId}; from ${review.fileName} (${m.datasetPath}), made by \`${madeBy}\``;
    return indicatorDatasetJson(
      ind,
      m.observations.map((o) => ({ ...o, sourceUpdated: m.updated })),
      { lang: 'en', areaName: (key) => key, source, generatedAt: m.updated ?? '1970-01-01T00:00:00Z' },
    );
  });
  const updated =
    review.matches
      .map((m) => m.updated)
      .filter((u): u is string => u !== null)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z';
  return `${indicatorCollectionJson(`Suunta statistics facts from ${review.fileName}`, datasets, updated)}\n`;
}
