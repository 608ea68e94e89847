/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The municipality comparison of one indicator: every municipality of the region, then the region
 * and the whole country, as a bar chart with the data table under it. Per resident when the
 * indicator says so (the figure divided by the population of the same period and area). A figure
 * without a value shows its status meaning ("luottamuksellinen tai ei saatavilla") or "missing" as
 * text, never a zero.
 */
import type { Municipality, Region, Subregion, VersionContent } from '#src/domain/read-models.ts';
import type { Observation } from '#src/domain/indicators/indicator.ts';
import { formatDecimal } from '#src/i18n/format.ts';
import { renderComparisonChart } from '../charts/comparison-chart.ts';
import { plain, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { areaName, figureText, flagText, FreshnessLine, type MonitoredIndicator } from './monitoring-parts.tsx';
import { MonitoringFrame } from './monitoring-frame.tsx';

/** One row of the comparison (services' `ComparisonRowView` has these fields). */
export interface ComparedArea {
  area: string;
  kind: 'municipality' | 'subregion' | 'region' | 'country';
  observation: Observation | null;
  /** The compared figure (per resident when the indicator says so); null when confidential or missing. */
  value: number | null;
  population: Observation | null;
}

export interface ComparisonPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  item: MonitoredIndicator;
  comparison: { period: string | null; rows: readonly ComparedArea[] };
  municipalities: readonly Municipality[];
  subregions: readonly Subregion[];
  day: string;
}

/** Decimals of a per-resident figure: whole units from 100 up, else enough to be read (2 or 4). */
export function perResidentDecimals(value: number): number {
  const a = Math.abs(value);
  return a >= 100 ? 0 : a >= 1 ? 2 : 4;
}

export function ComparisonPage(props: ComparisonPageProps): JSX.Element {
  const { rc, region, content, item, comparison, day } = props;
  const { t, lang } = rc;
  const { programme } = content;
  const ind = item.indicator;
  const rest = paths.indicatorMunicipalities(region.slug, programme.slug, ind.code);
  const name = plain(rc, ind.name);
  const unit = plain(rc, ind.unit);
  const regionName = plain(rc, region.name);
  const areaOf = (area: string): string =>
    areaName(rc, area, { code: region.code, name: regionName }, props.municipalities, props.subregions);
  const perResident = ind.perResident;
  const compared = (v: number): string =>
    perResident ? formatDecimal(v, lang, perResidentDecimals(v)) : formatDecimal(v, lang, ind.decimals);
  /** Why a row has no compared figure, as text. */
  const noteOf = (r: ComparedArea): string => {
    if (r.observation === null || r.observation.value === null) return figureText(rc, r.observation, ind.decimals);
    if (perResident && r.value === null) return t('monitoringPages.comparison.noPopulation');
    return flagText(rc, r.observation);
  };
  const title = t('monitoringPages.comparison.title');
  const period = comparison.period ?? '';
  const safeChart =
    comparison.period !== null
      ? renderComparisonChart({
          id: 'comparison-chart',
          title: t('monitoringPages.comparison.caption', { name, period }),
          desc: t('monitoringPages.comparison.chartDesc', { name, period }),
          rows: comparison.rows.map((r) => ({
            label: areaOf(r.area),
            value: r.value,
            note: r.value === null ? noteOf(r) : null,
            emphasis: r.kind !== 'municipality',
          })),
          format: compared,
          missingLabel: t('monitoringPages.comparison.missing'),
        })
      : null;
  return (
    <MonitoringFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[title, name, plain(rc, programme.title)]}
      description={t('monitoringPages.comparison.description', { name })}
      rest={rest}
      trail={[
        { href: inLang(lang, paths.indicator(region.slug, programme.slug, ind.code)), label: name },
        { href: inLang(lang, rest), label: title },
      ]}
    >
      <p class="eyebrow" safe>
        {name}
      </p>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {t('monitoringPages.comparison.description', { name })}
      </p>
      {perResident ? <p safe>{t('monitoringPages.comparison.perResident')}</p> : ''}
      {safeChart === null ? (
        <p class="banner" safe>
          {t('monitoringPages.comparison.noData')}
        </p>
      ) : (
        <>
          <figure class="chart-figure">{safeChart}</figure>
          <table class="data-table" id="comparison-data">
            <caption safe>{t('monitoringPages.comparison.caption', { name, period })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('monitoringPages.comparison.area')}
                </th>
                <th scope="col" class="num" safe>
                  {t('monitoringPages.comparison.value', { unit })}
                </th>
                {perResident ? (
                  <>
                    <th scope="col" class="num" safe>
                      {t('monitoringPages.comparison.population')}
                    </th>
                    <th scope="col" class="num" safe>
                      {t('monitoringPages.comparison.perResidentValue', { unit })}
                    </th>
                  </>
                ) : (
                  ''
                )}
                <th scope="col" safe>
                  {t('monitoringPages.comparison.note')}
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((r) => (
                <tr class={r.kind === 'municipality' ? undefined : 'total-row'}>
                  <th scope="row" safe>
                    {areaOf(r.area)}
                  </th>
                  <td class="num" safe>
                    {figureText(rc, r.observation, ind.decimals)}
                  </td>
                  {perResident ? (
                    <>
                      <td class="num" safe>
                        {r.population?.value
                          ? formatDecimal(Number(r.population.value), lang, 0)
                          : t('monitoringPages.comparison.missing')}
                      </td>
                      <td class="num" safe>
                        {r.value !== null ? compared(r.value) : noteOf(r)}
                      </td>
                    </>
                  ) : (
                    ''
                  )}
                  <td safe>{noteOf(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <FreshnessLine rc={rc} item={item} day={day} />
    </MonitoringFrame>
  );
}
