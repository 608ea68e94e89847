/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * Pieces shared by the monitoring pages, the indicator pages and the node pages: the shape of a
 * monitored indicator the views read (the read model's `IndicatorView` fits it), figures per locale,
 * status as text (never colour alone), status counts, and the freshness line with its OVERDUE mark.
 */
import type { Municipality, Subregion } from '#src/domain/read-models.ts';
import type { IndicatorGroup, Observation, StoredIndicator } from '#src/domain/indicators/indicator.ts';
import { PROGRESS_STATES, type ProgressResult } from '#src/domain/indicators/progress-status.ts';
import { isOverdue } from '#src/domain/indicators/release-due.ts';
import type { StatusCounts } from '#src/domain/indicators/status-roll-up.ts';
import { statusMeaning } from '#src/domain/indicators/status-symbols.ts';
import { formatDate, formatDecimal } from '#src/i18n/format.ts';
import { progressReasonText, progressStateName } from '../progress-text.ts';
import { plain, type RenderContext } from '../render-context.ts';

/** What the views read of an indicator with its figures (services' `IndicatorView` has these fields). */
export interface MonitoredIndicator {
  indicator: StoredIndicator;
  group: IndicatorGroup | null;
  observations: Observation[];
  series: Observation[];
  countrySeries: Observation[];
  latest: Observation | null;
  status: ProgressResult;
  sourceUpdated: string | null;
  nextReleaseDue: string | null;
}

/** Where the indicator pages of a programme live. */
export interface MonitoringBase {
  region: string;
  programme: string;
}

/** An exact decimal figure with the indicator's decimals in the page's language (fi `162 840`, `70,3`). */
export function formatFigure(rc: RenderContext, value: string | number, decimals: number): string {
  return formatDecimal(Number(value), rc.lang, decimals);
}

/** A figure, or its status meaning (confidential, missing…) as text when it has no value; never a zero. */
export function figureText(rc: RenderContext, o: Observation | null, decimals: number): string {
  if (o === null) return rc.t('monitoringPages.comparison.missing');
  if (o.value !== null) return formatFigure(rc, o.value, decimals);
  return statusMeaning(o.status, o.statusLabel, rc.lang)?.text ?? rc.t('monitoringPages.comparison.missing');
}

/** The status flag of a figure as text (`p` → "ennakkotieto"), or an empty string. */
export function flagText(rc: RenderContext, o: Observation | null): string {
  if (!o) return '';
  return statusMeaning(o.status, o.statusLabel, rc.lang)?.text ?? '';
}

/** The name of an area key in the page's language: a municipality, the region, the whole country. */
export function areaName(
  rc: RenderContext,
  area: string,
  region: { code: string; name: string },
  municipalities: readonly Municipality[],
  subregions: readonly Subregion[] = [],
): string {
  if (area === 'SSS') return rc.t('monitoringPages.country');
  if (area === `MK${region.code}`) return region.name;
  const s = subregions.find((x) => `SK${x.code}` === area);
  if (s) return rc.t('monitoringPages.subregion', { name: plain(rc, s.name) });
  const m = municipalities.find((x) => `KU${x.code}` === area);
  return m ? plain(rc, m.name) : area;
}

/** The day of `now` (UTC) as `YYYY-MM-DD`: pages with a freshness line are cached per day. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whether the next release is overdue on `day`: the due day has passed (a release due at any time on
 * 19.12. is overdue from 20.12.). A function of the day alone, so a page cached for the day stays right.
 */
export function overdueOn(due: string | null, day: string): boolean {
  return isOverdue(due, `${day}T00:00:00Z`);
}

/** "Updated … / source … / next release due …", with the OVERDUE text when the due day has passed. */
export function FreshnessLine(props: { rc: RenderContext; item: MonitoredIndicator; day: string }): JSX.Element {
  const { rc, item, day } = props;
  const { t, lang } = rc;
  const source = item.indicator.source;
  const due = item.nextReleaseDue;
  const line = t('monitoringPages.freshness', {
    updated: item.sourceUpdated ? formatDate(item.sourceUpdated, lang) : t('monitoringPages.freshness.unknown'),
    source: `${plain(rc, source.organisation)}, ${source.table}`,
    due: due
      ? formatDate(due, lang)
      : source.frequency === 'irregular'
        ? t('monitoringPages.freshness.noDue')
        : t('monitoringPages.freshness.unknown'),
  });
  const overdue = overdueOn(due, day);
  return (
    <p class={overdue ? 'freshness freshness-overdue' : 'freshness'}>
      <span safe>{line}</span>
      {overdue && due ? (
        <>
          {' '}
          <strong class="overdue" safe>
            {t('monitoringPages.overdue', { due: formatDate(due, lang) })}
          </strong>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

/** The status name as text with a state class (the class only styles; the text carries the meaning). */
export function StatusName(props: { rc: RenderContext; status: ProgressResult }): JSX.Element {
  return (
    <span class={`status status-${props.status.state}`} safe>
      {progressStateName(props.rc.lang, props.status.state)}
    </span>
  );
}

/** The one-sentence reason of the indicator's status in the page's language. */
export function reasonOf(rc: RenderContext, item: MonitoredIndicator): string {
  return progressReasonText(rc.lang, item.status, plain(rc, item.indicator.name));
}

/** A table of how many indicators are in each state (every state listed; counts, never an average). */
export function StatusCountsTable(props: {
  rc: RenderContext;
  id: string;
  caption: string;
  counts: StatusCounts;
}): JSX.Element {
  const { rc, counts } = props;
  const { t } = rc;
  return (
    <table class="data-table status-counts" id={props.id}>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('monitoringPages.counts.state')}
          </th>
          <th scope="col" class="num" safe>
            {t('monitoringPages.counts.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {PROGRESS_STATES.map((state) => (
          <tr>
            <th scope="row" safe>
              {progressStateName(rc.lang, state)}
            </th>
            <td class="num" safe>
              {String(counts[state])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The states with at least one indicator, as "Paranee 2, Ei tietoja 3" (for short summaries). */
export function countsSummary(rc: RenderContext, counts: StatusCounts): string {
  return PROGRESS_STATES.filter((s) => counts[s] > 0)
    .map((s) => `${progressStateName(rc.lang, s)} ${counts[s]}`)
    .join(', ');
}

/** A table of indicators: name (linked to its page), latest figure, its period, status name, reason. */
export function IndicatorTable(props: {
  rc: RenderContext;
  id: string;
  caption: string;
  items: readonly MonitoredIndicator[];
  hrefOf: (item: MonitoredIndicator) => string;
}): JSX.Element {
  const { rc } = props;
  const { t } = rc;
  return (
    <table class="data-table indicator-table" id={props.id}>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('monitoringPages.col.indicator')}
          </th>
          <th scope="col" class="num" safe>
            {t('monitoringPages.col.latest')}
          </th>
          <th scope="col" safe>
            {t('monitoringPages.col.period')}
          </th>
          <th scope="col" safe>
            {t('monitoringPages.col.status')}
          </th>
          <th scope="col" safe>
            {t('monitoringPages.col.reason')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => {
          const ind = item.indicator;
          return (
            <tr>
              <th scope="row">
                <a href={props.hrefOf(item)} safe>
                  {plain(rc, ind.name)}
                </a>
              </th>
              <td class="num" safe>
                {item.latest?.value
                  ? `${formatFigure(rc, item.latest.value, ind.decimals)} ${plain(rc, ind.unit)}`
                  : t('monitoringPages.noFigure')}
              </td>
              <td safe>{item.latest?.period ?? ''}</td>
              <td>
                <StatusName rc={rc} status={item.status} />
              </td>
              <td safe>{reasonOf(rc, item)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
