/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * "Import statistics" of a region (issue 8, point 8): the upload form (a statistics file), and
 * after an upload the reviewed diff — new values, revised values (old → new), withdrawn values,
 * unit changes and the datasets the file holds but no indicator reads (with the reason) — with
 * Confirm and Cancel. Nothing is written before Confirm: the review form carries the file back
 * (base64 in a hidden field, see http/admin/indicators/statistics-upload-routes.ts). A refused
 * file is named with each problem's JSON path and reason.
 */
import Html from '@kitajs/html';
import type { CellChange } from '#src/domain/indicators/observation-diff.ts';
import { formatNumber } from '#src/i18n/format.ts';
import { CsrfField, ErrorSummary, errorFor, fieldId, Notice, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import { cellText, dateText } from './figures.ts';
import { indicatorPaths } from './indicator-paths.ts';

export interface StatisticsRegion {
  code: string;
  name: string;
}

/** One problem of a refused file: its JSON path (null: the file as a whole) and why. */
export interface StatisticsProblem {
  path: string | null;
  reason: string;
}

export interface ReviewIndicator {
  code: string;
  name: string;
  added: CellChange[];
  revised: CellChange[];
  withdrawn: CellChange[];
  unchanged: number;
  unitChange: { before: string; after: string } | null;
}

export interface ReviewDataset {
  path: string;
  tableId: string | null;
  updated: string | null;
  cells: number;
  /** Names of the indicators it feeds (empty: not used, see `reason`). */
  indicators: string[];
  reason: string | null;
}

export interface StatisticsReviewView {
  fileName: string;
  /** The file's bytes as base64, sent back with Confirm. */
  fileBase64: string;
  reviewToken: string;
  datasets: ReviewDataset[];
  indicators: ReviewIndicator[];
  totals: { added: number; revised: number; withdrawn: number; unchanged: number; unitChanges: number };
}

export type StatisticsDone = 'imported' | 'unchanged' | 'cancelled';

export interface StatisticsUploadPageProps {
  ac: AdminRenderContext;
  region: StatisticsRegion;
  maxKilobytes: number;
  errors: FieldError[];
  refused: { file: string; problems: StatisticsProblem[]; total: number } | null;
  done: StatisticsDone | null;
}

function crumbs(ac: AdminRenderContext, region: StatisticsRegion) {
  return [
    { href: '/admin', label: ac.t('admin.nav.dashboard') },
    { href: indicatorPaths.list(region.code), label: ac.t('admin.indicators.listTitle') },
  ];
}

export function StatisticsUploadPage(props: StatisticsUploadPageProps): JSX.Element {
  const { ac, region, errors, refused } = props;
  const { t, lang } = ac;
  const title = `${t('admin.statistics.title')} – ${region.name}`;
  const fileId = fieldId('file');
  const fileError = errorFor(errors, 'file');
  const describedBy = [`${fileId}-hint`, fileError ? `${fileId}-error` : ''].filter((x) => x !== '').join(' ');
  return (
    <AdminLayout ac={ac} title={title} section="indicators" crumbs={crumbs(ac, region)}>
      <h1 safe>{title}</h1>
      <p safe>{t('admin.statistics.intro')}</p>
      {props.done ? (
        <Notice kind="success">
          <p safe>{t(`admin.statistics.done.${props.done}`)}</p>
        </Notice>
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={errors} />
      {refused ? (
        <section aria-labelledby="refused-title">
          <h2 id="refused-title" safe>
            {t('admin.statistics.refusedTitle')}
          </h2>
          <Notice kind="error">
            <p safe>{t('admin.statistics.refused', { file: refused.file, n: refused.total })}</p>
          </Notice>
          <table class="table">
            <caption safe>{t('admin.statistics.problems', { file: refused.file })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('admin.statistics.path')}
                </th>
                <th scope="col" safe>
                  {t('admin.statistics.reason')}
                </th>
              </tr>
            </thead>
            <tbody>
              {refused.problems.map((p) => (
                <tr>
                  <td>{p.path === null ? '–' : <code safe>{p.path}</code>}</td>
                  <td safe>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="upload-form">
        <h2 id="upload-form" safe>
          {t('admin.statistics.formTitle')}
        </h2>
        <form
          method="post"
          action={indicatorPaths.statisticsImport(region.code)}
          enctype="multipart/form-data"
          class="stack"
        >
          <CsrfField ac={ac} />
          <div class={fileError ? 'field field-error' : 'field'}>
            <label for={fileId}>
              {Html.escapeHtml(t('admin.statistics.file'))}
              <span class="required" safe>{` (${t('admin.required')})`}</span>
            </label>
            <p class="hint" id={`${fileId}-hint`} safe>
              {t('admin.statistics.fileHint', { kb: formatNumber(props.maxKilobytes, lang) })}
            </p>
            {fileError ? (
              <p class="field-error-message" id={`${fileId}-error`} safe>
                {fileError}
              </p>
            ) : (
              ''
            )}
            <input
              type="file"
              id={fileId}
              name="file"
              accept=".json,.csv,.px,application/json,text/csv"
              required
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={describedBy}
            />
          </div>
          <p>
            <button type="submit" class="button" safe>
              {t('admin.statistics.review')}
            </button>
          </p>
        </form>
      </section>
    </AdminLayout>
  );
}

function ChangeTable(props: {
  ac: AdminRenderContext;
  id: string;
  caption: string;
  changes: readonly CellChange[];
  kind: 'added' | 'revised' | 'withdrawn';
}): JSX.Element {
  const { ac, changes, kind } = props;
  const { t, lang } = ac;
  if (changes.length === 0) return '';
  return (
    <table class={`table diff-${kind}`} id={props.id}>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('admin.statistics.area')}
          </th>
          <th scope="col" safe>
            {t('admin.statistics.period')}
          </th>
          {kind !== 'added' ? (
            <th scope="col" safe>
              {t('admin.statistics.before')}
            </th>
          ) : (
            ''
          )}
          {kind !== 'withdrawn' || changes.some((c) => c.after !== null) ? (
            <th scope="col" safe>
              {t('admin.statistics.after')}
            </th>
          ) : (
            ''
          )}
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr>
            <td safe>{c.area}</td>
            <td safe>{c.period}</td>
            {kind !== 'added' ? <td safe>{cellText(c.before, lang)}</td> : ''}
            {kind !== 'withdrawn' || changes.some((x) => x.after !== null) ? (
              <td safe>{cellText(c.after, lang)}</td>
            ) : (
              ''
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface StatisticsReviewPageProps {
  ac: AdminRenderContext;
  region: StatisticsRegion;
  review: StatisticsReviewView;
  /** After a 409: why the review is shown again. */
  conflict: string | null;
}

export function StatisticsReviewPage(props: StatisticsReviewPageProps): JSX.Element {
  const { ac, region, review } = props;
  const { t, lang } = ac;
  const n = (x: number): string => formatNumber(x, lang);
  const title = `${t('admin.statistics.reviewTitle')} – ${region.name}`;
  const tt = review.totals;
  const empty = tt.added + tt.revised + tt.withdrawn + tt.unitChanges === 0;
  return (
    <AdminLayout ac={ac} title={title} section="indicators" crumbs={crumbs(ac, region)}>
      <h1 safe>{title}</h1>
      {props.conflict ? (
        <Notice kind="error">
          <p safe>{t('admin.statistics.conflict', { message: props.conflict })}</p>
        </Notice>
      ) : (
        ''
      )}
      <p class="lead" safe>
        {t('admin.statistics.reviewIntro', { file: review.fileName })}
      </p>
      <table class="table" id="review-totals">
        <caption safe>{t('admin.statistics.totals')}</caption>
        <tbody>
          {(
            [
              ['added', tt.added],
              ['revised', tt.revised],
              ['withdrawn', tt.withdrawn],
              ['unchanged', tt.unchanged],
              ['unitChanges', tt.unitChanges],
            ] as const
          ).map(([k, v]) => (
            <tr>
              <th scope="row" safe>
                {t(`admin.statistics.count.${k}`)}
              </th>
              <td safe>{n(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {review.indicators.map((ind) => (
        <section class="card" aria-labelledby={`diff-${ind.code}`}>
          <h2 id={`diff-${ind.code}`} safe>
            {`${ind.name} (${ind.code})`}
          </h2>
          <p safe>
            {t('admin.statistics.indicatorCounts', {
              added: ind.added.length,
              revised: ind.revised.length,
              withdrawn: ind.withdrawn.length,
              unchanged: ind.unchanged,
            })}
          </p>
          {ind.unitChange ? (
            <p class="diff-unit" safe>
              {t('admin.statistics.unitChange', { before: ind.unitChange.before, after: ind.unitChange.after })}
            </p>
          ) : (
            ''
          )}
          {(['added', 'revised', 'withdrawn'] as const).map((kind) => (
            <ChangeTable
              ac={ac}
              id={`${kind}-${ind.code}`}
              kind={kind}
              caption={t(`admin.statistics.${kind}`)}
              changes={ind[kind]}
            />
          ))}
        </section>
      ))}
      <section aria-labelledby="datasets-title">
        <h2 id="datasets-title" safe>
          {t('admin.statistics.datasets')}
        </h2>
        <table class="table" id="review-datasets">
          <caption safe>{t('admin.statistics.datasetsCaption', { file: review.fileName })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('admin.statistics.path')}
              </th>
              <th scope="col" safe>
                {t('admin.statistics.table')}
              </th>
              <th scope="col" safe>
                {t('admin.statistics.updated')}
              </th>
              <th scope="col" safe>
                {t('admin.statistics.cells')}
              </th>
              <th scope="col" safe>
                {t('admin.statistics.use')}
              </th>
            </tr>
          </thead>
          <tbody>
            {review.datasets.map((d) => (
              <tr>
                <td>
                  <code safe>{d.path}</code>
                </td>
                <td safe>{d.tableId ?? '–'}</td>
                <td safe>{dateText(d.updated, lang)}</td>
                <td safe>{n(d.cells)}</td>
                <td safe>
                  {d.indicators.length > 0
                    ? d.indicators.join(', ')
                    : t('admin.statistics.notUsed', { reason: d.reason ?? '–' })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <form
        method="post"
        action={indicatorPaths.statisticsConfirm(region.code)}
        enctype="multipart/form-data"
        class="stack"
      >
        <CsrfField ac={ac} />
        <input type="hidden" name="fileName" value={Html.escapeHtml(review.fileName)} />
        <input type="hidden" name="token" value={Html.escapeHtml(review.reviewToken)} />
        <input type="hidden" name="file" value={review.fileBase64} />
        {empty ? (
          <p safe>{t('admin.statistics.nothingToWrite')}</p>
        ) : (
          <p class="hint" id="confirm-hint" safe>
            {t('admin.statistics.confirmHint')}
          </p>
        )}
        <p class="cluster">
          {empty ? (
            ''
          ) : (
            <button type="submit" name="decision" value="confirm" class="button" aria-describedby="confirm-hint" safe>
              {t('admin.statistics.confirm')}
            </button>
          )}
          <button type="submit" name="decision" value="cancel" class="button button-secondary" safe>
            {t('admin.statistics.cancel')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}
