/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The indicators of a region in the admin (issue 8, point 8): first those whose data is overdue
 * (the next release the source's frequency promises has passed) with their owners, the source's
 * last update and the due date; then every indicator with its latest figure and status. Editors
 * find the statistics upload and each indicator's edit page here.
 */
import Html from '@kitajs/html';
import { Notice } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import { cellText, dateText } from './figures.ts';
import { indicatorPaths } from './indicator-paths.ts';

export interface IndicatorRow {
  code: string;
  name: string;
  group: string;
  owner: string | null;
  latest: { period: string; area: string; value: string | null; status: string | null } | null;
  unit: string;
  /** The status's name and its one-sentence reason. */
  status: string;
  reason: string;
  sourceUpdated: string | null;
  nextReleaseDue: string | null;
  overdue: boolean;
}

export interface IndicatorsPageProps {
  ac: AdminRenderContext;
  region: { code: string; name: string };
  rows: IndicatorRow[];
  canEdit: boolean;
  done: boolean;
  /** The admin page of the monitored programme's annual reports, when there is one. */
  reportsHref: string | null;
}

export function IndicatorsPage(props: IndicatorsPageProps): JSX.Element {
  const { ac, region, rows } = props;
  const { t, lang } = ac;
  const title = `${t('admin.indicators.listTitle')} – ${region.name}`;
  const overdue = rows.filter((r) => r.overdue);
  const nameCell = (r: IndicatorRow): JSX.Element => (
    <th scope="row">
      <a href={indicatorPaths.indicator(region.code, r.code)} safe>
        {r.name}
      </a>
    </th>
  );
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="indicators"
      crumbs={[{ href: '/admin', label: t('admin.nav.dashboard') }]}
    >
      <h1 safe>{title}</h1>
      {props.done ? (
        <Notice kind="success">
          <p safe>{t('admin.indicators.saved')}</p>
        </Notice>
      ) : (
        ''
      )}
      {props.canEdit ? (
        <p>
          <a class="button" href={indicatorPaths.statisticsImport(region.code)} safe>
            {t('admin.statistics.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.reportsHref ? (
        <p>
          <a href={props.reportsHref} safe>
            {t('reports.admin.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title" safe>
          {t('admin.indicators.overdueTitle')}
        </h2>
        {overdue.length === 0 ? (
          <p safe>{t('admin.indicators.noneOverdue')}</p>
        ) : (
          <table class="table" id="overdue">
            <caption safe>{t('admin.indicators.overdueCaption', { n: overdue.length })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('admin.indicators.name')}
                </th>
                <th scope="col" safe>
                  {t('admin.indicators.owner')}
                </th>
                <th scope="col" safe>
                  {t('admin.indicators.sourceUpdated')}
                </th>
                <th scope="col" safe>
                  {t('admin.indicators.due')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((r) => (
                <tr>
                  {nameCell(r)}
                  <td safe>{r.owner ?? t('admin.indicators.noOwner')}</td>
                  <td safe>{dateText(r.sourceUpdated, lang)}</td>
                  <td safe>{dateText(r.nextReleaseDue, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="all-title">
        <h2 id="all-title" safe>
          {t('admin.indicators.allTitle')}
        </h2>
        <table class="table" id="indicators">
          <caption safe>{t('admin.indicators.allCaption', { n: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('admin.indicators.name')}
              </th>
              <th scope="col" safe>
                {t('admin.indicators.group')}
              </th>
              <th scope="col" safe>
                {t('admin.indicators.latest')}
              </th>
              <th scope="col" safe>
                {t('admin.indicators.status')}
              </th>
              <th scope="col" safe>
                {t('admin.indicators.sourceUpdated')}
              </th>
              <th scope="col" safe>
                {t('admin.indicators.due')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {nameCell(r)}
                <td safe>{r.group}</td>
                <td safe>
                  {r.latest
                    ? `${cellText(r.latest, lang)} ${r.unit} (${r.latest.area} ${r.latest.period})`
                    : t('admin.indicators.noData')}
                </td>
                <td>
                  <span safe>{r.status}</span>
                  <span class="hint" safe>{` – ${r.reason}`}</span>
                </td>
                <td safe>{dateText(r.sourceUpdated, lang)}</td>
                <td>
                  {Html.escapeHtml(dateText(r.nextReleaseDue, lang))}
                  {r.overdue ? <strong safe>{` (${t('admin.indicators.overdue')})`}</strong> : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AdminLayout>
  );
}

/** The regions whose indicators the user may see (shown when there is more than one, or none). */
export function RegionsPage(props: { ac: AdminRenderContext; regions: { code: string; name: string }[] }): JSX.Element {
  const { ac } = props;
  const { t } = ac;
  return (
    <AdminLayout
      ac={ac}
      title={t('admin.indicators.regionsTitle')}
      section="indicators"
      crumbs={[{ href: '/admin', label: t('admin.nav.dashboard') }]}
    >
      <h1 safe>{t('admin.indicators.regionsTitle')}</h1>
      {props.regions.length === 0 ? (
        <p safe>{t('admin.indicators.noRegions')}</p>
      ) : (
        <>
          <p safe>{t('admin.indicators.regionsIntro')}</p>
          <ul>
            {props.regions.map((r) => (
              <li>
                <a href={indicatorPaths.list(r.code)} safe>
                  {`${r.name} (${r.code})`}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminLayout>
  );
}
