/**
 * The line chart of an indicator: the region's series and the whole country's, with the baseline
 * and the target of the region as markers (the indicator page and the annual report draw the same).
 */
import { comparePeriods } from '#src/domain/indicators/periods.ts';
import { renderLineChart, type LineMarker, type LineSeries } from '../charts/line-chart.ts';
import { plain, type RenderContext } from '../render-context.ts';
import { formatFigure, type MonitoredIndicator } from './monitoring-parts.tsx';

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/** The chart's SVG (safe markup), or null when there is no figure to draw. */
export function indicatorChart(
  rc: RenderContext,
  item: MonitoredIndicator,
  region: { code: string; name: string },
  id: string,
): string | null {
  const { t } = rc;
  const ind = item.indicator;
  const name = plain(rc, ind.name);
  const regionArea = `MK${region.code}`;
  const series: LineSeries[] = [];
  if (item.series.length > 0)
    series.push({ label: region.name, points: item.series.map((o) => ({ period: o.period, value: num(o.value) })) });
  if (item.countrySeries.length > 0)
    series.push({
      label: t('monitoringPages.country'),
      points: item.countrySeries.map((o) => ({ period: o.period, value: num(o.value) })),
      style: 1,
    });
  const baseline: LineMarker | null =
    ind.baseline && ind.baseline.area === regionArea && item.series.length > 0
      ? {
          period: ind.baseline.period,
          value: Number(ind.baseline.value),
          label: t('monitoringPages.chart.baseline', { period: ind.baseline.period }),
        }
      : null;
  const regionTarget =
    ind.targets.filter((x) => x.area === regionArea).sort((a, b) => comparePeriods(a.period, b.period))[0] ?? null;
  const target: LineMarker | null =
    regionTarget && item.series.length > 0
      ? {
          period: regionTarget.period,
          value: Number(regionTarget.value),
          label: t('monitoringPages.chart.target', { period: regionTarget.period }),
        }
      : null;
  if (!series.some((s) => s.points.some((p) => p.value !== null))) return null;
  return renderLineChart({
    id,
    title: name,
    desc: t('monitoringPages.chart.desc', {
      name,
      region: region.name,
      country: item.countrySeries.length > 0 ? 'yes' : 'no',
      markers: baseline || target ? 'yes' : 'no',
    }),
    series,
    baseline,
    target,
    format: (n) => formatFigure(rc, n, ind.decimals),
  });
}
