/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The page of one indicator: its latest figure and status with the reason sentence, a line chart
 * of the region's series (and the whole country's) with baseline and target markers, right under
 * it a data table of exactly the stored observations the chart shows, the freshness line under
 * every figure (OVERDUE as text when the due day has passed), the definition and source, the
 * targets with the decisions that set them and their history, and the open-data downloads.
 */
import type { Municipality, Region, Subregion, VersionContent } from '#src/domain/read-models.ts';
import type { Observation, StoredTarget } from '#src/domain/indicators/indicator.ts';
import { formatDate } from '#src/i18n/format.ts';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { apiPaths, inLang, paths } from '../urls.ts';
import {
  areaName,
  figureText,
  flagText,
  formatFigure,
  FreshnessLine,
  reasonOf,
  StatusName,
  type MonitoredIndicator,
} from './monitoring-parts.tsx';
import { indicatorChart } from './indicator-chart.ts';
import { MonitoringFrame } from './monitoring-frame.tsx';

export interface IndicatorPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  item: MonitoredIndicator;
  /** Every target the indicator has had (listTargetHistory), the one in force last. */
  targetHistory: readonly StoredTarget[];
  municipalities: readonly Municipality[];
  subregions: readonly Subregion[];
  /** The day the page is made for (`YYYY-MM-DD`, UTC): decides the OVERDUE mark. */
  day: string;
}

/** The observations the chart draws: the region's series, then the whole country's (each in time order). */
export function chartedObservations(item: Pick<MonitoredIndicator, 'series' | 'countrySeries'>): Observation[] {
  return [...item.series, ...item.countrySeries];
}

export function IndicatorPage(props: IndicatorPageProps): JSX.Element {
  const { rc, region, content, item, day } = props;
  const { t, lang } = rc;
  const { programme } = content;
  const ind = item.indicator;
  const rest = paths.indicator(region.slug, programme.slug, ind.code);
  const name = plain(rc, ind.name);
  const unit = plain(rc, ind.unit);
  const regionName = plain(rc, region.name);
  const areaOf = (area: string): string =>
    areaName(rc, area, { code: region.code, name: regionName }, props.municipalities, props.subregions);

  const safeChart = indicatorChart(rc, item, { code: region.code, name: regionName }, 'indicator-chart');
  const charted = chartedObservations(item);
  const definition = shownRequired(rc, ind.definition);
  const source = ind.source;
  const download = { code: region.code, indicator: ind.code };

  return (
    <MonitoringFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[name, t('monitoringPages.title'), plain(rc, programme.title)]}
      description={t('monitoringPages.indicator.description', { name })}
      rest={rest}
      trail={[{ href: inLang(lang, rest), label: name }]}
    >
      <article class="indicator">
        {item.group ? (
          <p class="eyebrow" safe>
            {plain(rc, item.group.name)}
          </p>
        ) : (
          ''
        )}
        <h1 safe>{name}</h1>
        <section aria-labelledby="latest-heading" class="indicator-latest">
          <h2 id="latest-heading" safe>
            {t('monitoringPages.indicator.latest')}
          </h2>
          <p class="figure" safe>
            {item.latest?.value
              ? t('monitoringPages.indicator.latestValue', {
                  value: formatFigure(rc, item.latest.value, ind.decimals),
                  unit,
                  area: areaOf(item.latest.area),
                  period: item.latest.period,
                })
              : t('monitoringPages.noFigure')}
          </p>
          <p>
            <strong safe>{t('monitoringPages.indicator.status')}:</strong> <StatusName rc={rc} status={item.status} />
          </p>
          <p class="reason" safe>
            {reasonOf(rc, item)}
          </p>
          <FreshnessLine rc={rc} item={item} day={day} />
          {props.municipalities.length > 0 ? (
            <p>
              <a href={inLang(lang, paths.indicatorMunicipalities(region.slug, programme.slug, ind.code))} safe>
                {t('monitoringPages.indicator.comparisonLink')}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
        <section aria-labelledby="chart-heading">
          <h2 id="chart-heading" safe>
            {t('monitoringPages.chart.heading')}
          </h2>
          {safeChart ? (
            <figure class="chart-figure">{safeChart}</figure>
          ) : (
            <p safe>{t('monitoringPages.chart.noData')}</p>
          )}
          {charted.length > 0 ? (
            <table class="data-table" id="indicator-data">
              <caption safe>{t('monitoringPages.table.caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('monitoringPages.table.area')}
                  </th>
                  <th scope="col" safe>
                    {t('monitoringPages.table.period')}
                  </th>
                  <th scope="col" class="num" safe>
                    {t('monitoringPages.table.value', { unit })}
                  </th>
                  <th scope="col" safe>
                    {t('monitoringPages.table.status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {charted.map((o) => (
                  <tr>
                    <th scope="row" safe>
                      {areaOf(o.area)}
                    </th>
                    <td safe>{o.period}</td>
                    <td class="num" safe>
                      {figureText(rc, o, ind.decimals)}
                    </td>
                    <td safe>{flagText(rc, o)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            ''
          )}
          <FreshnessLine rc={rc} item={item} day={day} />
        </section>
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading" safe>
            {t('monitoringPages.targets.heading')}
          </h2>
          {props.targetHistory.length === 0 ? (
            <p safe>{t('monitoringPages.targets.none')}</p>
          ) : (
            <table class="data-table" id="indicator-targets">
              <caption safe>{t('monitoringPages.targets.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('monitoringPages.targets.period')}
                  </th>
                  <th scope="col" class="num" safe>
                    {t('monitoringPages.targets.value')}
                  </th>
                  <th scope="col" safe>
                    {t('monitoringPages.targets.area')}
                  </th>
                  <th scope="col" safe>
                    {t('monitoringPages.targets.decision')}
                  </th>
                  <th scope="col" safe>
                    {t('monitoringPages.targets.decided')}
                  </th>
                  <th scope="col" safe>
                    {t('monitoringPages.targets.state')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...props.targetHistory].reverse().map((x) => (
                  <tr>
                    <th scope="row" safe>
                      {x.period}
                    </th>
                    <td class="num" safe>
                      {`${formatFigure(rc, x.value, ind.decimals)} ${unit}`}
                    </td>
                    <td safe>{areaOf(x.area)}</td>
                    <td safe>{x.decision}</td>
                    <td safe>{formatDate(x.decided ?? '', lang)}</td>
                    <td safe>
                      {x.supersededAt === null
                        ? t('monitoringPages.targets.inForce', { date: formatDate(x.setAt, lang) })
                        : t('monitoringPages.targets.superseded', {
                            date: formatDate(x.supersededAt, lang),
                            set: formatDate(x.setAt, lang),
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" safe>
            {t('monitoringPages.about.heading')}
          </h2>
          <dl class="facts">
            {definition.text ? (
              <>
                <dt safe>{t('monitoringPages.about.definition')}</dt>
                <dd lang={definition.lang} safe>
                  {definition.text}
                </dd>
              </>
            ) : (
              ''
            )}
            <dt safe>{t('monitoringPages.about.unit')}</dt>
            <dd safe>{unit}</dd>
            <dt safe>{t('monitoringPages.about.direction')}</dt>
            <dd safe>{t('monitoringPages.direction', { direction: ind.direction })}</dd>
            {ind.baseline ? (
              <>
                <dt safe>{t('monitoringPages.about.baseline')}</dt>
                <dd safe>
                  {t('monitoringPages.about.baselineValue', {
                    value: `${formatFigure(rc, ind.baseline.value, ind.decimals)} ${unit}`,
                    area: areaOf(ind.baseline.area),
                    period: ind.baseline.period,
                    decision: ind.baseline.decision ?? '',
                  })}
                </dd>
              </>
            ) : (
              ''
            )}
            <dt safe>{t('monitoringPages.about.organisation')}</dt>
            <dd safe>{plain(rc, source.organisation)}</dd>
            <dt safe>{t('monitoringPages.about.table')}</dt>
            <dd>
              <code safe>{source.table}</code>
            </dd>
            {source.earlierTables.length > 0 ? (
              <>
                <dt safe>{t('monitoringPages.about.earlierTables')}</dt>
                <dd safe>{source.earlierTables.join(', ')}</dd>
              </>
            ) : (
              ''
            )}
            <dt safe>{t('monitoringPages.about.licence')}</dt>
            <dd safe>{source.licence}</dd>
            {source.url ? (
              <>
                <dt safe>{t('monitoringPages.about.url')}</dt>
                <dd>
                  <a href={source.url} class="url" safe>
                    {source.url}
                  </a>
                </dd>
              </>
            ) : (
              ''
            )}
            <dt safe>{t('monitoringPages.about.frequency')}</dt>
            <dd safe>{t('monitoringPages.frequency', { frequency: source.frequency })}</dd>
            {ind.owner ? (
              <>
                <dt safe>{t('monitoringPages.about.owner')}</dt>
                <dd safe>{ind.owner}</dd>
              </>
            ) : (
              ''
            )}
          </dl>
        </section>
        <section aria-labelledby="downloads-heading">
          <h2 id="downloads-heading" safe>
            {t('monitoringPages.downloads.heading')}
          </h2>
          <ul>
            <li>
              <a href={apiPaths.observationsCsv(download.code, download.indicator)} safe>
                {t('monitoringPages.downloads.csv')}
              </a>
            </li>
            <li>
              <a href={apiPaths.jsonstat(download.code, download.indicator)} safe>
                {t('monitoringPages.downloads.jsonstat')}
              </a>
            </li>
          </ul>
        </section>
      </article>
    </MonitoringFrame>
  );
}
