/**
 * CSV of indicators' observations: one row per observation (written by lib/csv.ts: RFC 4180,
 * UTF-8 with a byte order mark, formula cells neutralised). Values are the exact decimal text stored;
 * the unit is the source's own, else the indicator's unit in `lang`.
 */
import { pickText, type Lang } from '#src/domain/languages.ts';
import { toCsv } from '#src/lib/csv.ts';
import type { IndicatorView } from '#src/services/indicators/monitoring-reader.ts';
import { statusMeaning } from '#src/views/observation-text.ts';
import { indicatorName, type AreaNamer } from './present-indicator.ts';

export const OBSERVATION_CSV_COLUMNS = [
  'indicator',
  'indicator_name',
  'area',
  'area_name',
  'period',
  'value',
  'status',
  'status_meaning',
  'unit',
  'source_updated',
  'retrieved_at',
] as const;

/** The observations of `views` (each indicator's by area and period), names and meanings in `lang`. */
export function observationsCsv(views: readonly IndicatorView[], lang: Lang, areaName: AreaNamer): string {
  const rows = views.flatMap((iv) => {
    const name = indicatorName(iv.indicator, lang);
    const unit = pickText(iv.indicator.unit, lang)?.text ?? null;
    return iv.observations.map((o) => [
      iv.indicator.code,
      name,
      o.area,
      areaName(o.area),
      o.period,
      o.value,
      o.status,
      statusMeaning(lang, o.status, o.statusLabel),
      o.unit ?? unit,
      o.sourceUpdated,
      o.retrievedAt,
    ]);
  });
  return toCsv([...OBSERVATION_CSV_COLUMNS], rows);
}
