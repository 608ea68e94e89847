/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * "Import projects" of a region: the upload form (file, mapping preset, encoding, skip invalid
 * rows) and, after an upload, its outcome above the form — the counts of an import, or, when the
 * file was refused, that nothing was written and a table of the problems (row, column, reason;
 * the first 50 and the total). Rows skipped with "skip invalid rows" are listed the same way and
 * offered as a CSV download (a second POST that sends the rows back; nothing is kept on the server).
 */
import Html from '@kitajs/html';
import { formatNumber } from '#src/i18n/format.ts';
import { CsrfField, ErrorSummary, errorFor, fieldId, Notice, SelectField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

/** One problem of an import: where (a CSV row or a JSON item, or the file as a whole), the column, and why. */
export interface ImportProblem {
  place: { kind: 'row' | 'item'; n: number } | null;
  column: string | null;
  reason: string;
}

export type ImportOutcome =
  | {
      kind: 'imported';
      file: string;
      /** The preset picked because the header matched it exactly (the form said "detect"), else null. */
      presetUsed: string | null;
      rows: number;
      added: number;
      changed: number;
      unchanged: number;
      rejected: number;
      encoding: 'utf-8' | 'windows-1252';
      encodingDetected: boolean;
      /** The problems of the rejected rows (first 50) and their total. */
      problems: ImportProblem[];
      problemTotal: number;
      /** The rejected rows as JSON for the download form; null when there are none or too many to send back. */
      rejectsJson: string | null;
    }
  | { kind: 'refused'; file: string; problems: ImportProblem[]; problemTotal: number };

export type EncodingChoice = '' | 'utf-8' | 'windows-1252';

export interface ProjectImportPageProps {
  ac: AdminRenderContext;
  region: { code: string; name: string; publicHref: string | null };
  presets: readonly string[];
  form: { preset: string; encoding: string; skipInvalid: boolean };
  errors: FieldError[];
  maxMegabytes: number;
  outcome: ImportOutcome | null;
}

export function projectImportPath(regionCode: string): string {
  return `/admin/regions/${regionCode}/projects/import`;
}

function ProblemTable(props: {
  ac: AdminRenderContext;
  caption: string;
  problems: readonly ImportProblem[];
}): JSX.Element {
  const { t, lang } = props.ac;
  return (
    <table class="table">
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('admin.projectImport.row')}
          </th>
          <th scope="col" safe>
            {t('admin.projectImport.column')}
          </th>
          <th scope="col" safe>
            {t('admin.projectImport.reason')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.problems.map((p) => (
          <tr>
            <td safe>
              {p.place === null
                ? '–'
                : p.place.kind === 'item'
                  ? t('admin.projectImport.item', { n: formatNumber(p.place.n, lang) })
                  : formatNumber(p.place.n, lang)}
            </td>
            <td>{p.column === null ? '–' : <code safe>{p.column}</code>}</td>
            <td safe>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function problemCaption(ac: AdminRenderContext, shown: number, total: number): string {
  return shown < total
    ? ac.t('admin.projectImport.problemsSome', { shown, n: total })
    : ac.t('admin.projectImport.problemsAll', { n: total });
}

function Outcome(props: {
  ac: AdminRenderContext;
  regionCode: string;
  publicHref: string | null;
  outcome: ImportOutcome;
}): JSX.Element {
  const { ac, outcome } = props;
  const { t, lang } = ac;
  const n = (x: number): string => formatNumber(x, lang);
  if (outcome.kind === 'refused') {
    return (
      <section aria-labelledby="import-outcome">
        <h2 id="import-outcome" safe>
          {t('admin.projectImport.refusedTitle')}
        </h2>
        <Notice kind="error">
          <p safe>{t('admin.projectImport.refused', { file: outcome.file, n: outcome.problemTotal })}</p>
        </Notice>
        <ProblemTable
          ac={ac}
          caption={problemCaption(ac, outcome.problems.length, outcome.problemTotal)}
          problems={outcome.problems}
        />
      </section>
    );
  }
  const encoding = `${outcome.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}${outcome.encodingDetected ? `, ${t('admin.projectImport.detected')}` : ''}`;
  const counts: [string, number][] = [
    [t('admin.projectImport.added'), outcome.added],
    [t('admin.projectImport.changed'), outcome.changed],
    [t('admin.projectImport.unchanged'), outcome.unchanged],
    [t('admin.projectImport.rejected'), outcome.rejected],
  ];
  return (
    <section aria-labelledby="import-outcome">
      <h2 id="import-outcome" safe>
        {t('admin.projectImport.importedTitle')}
      </h2>
      <Notice kind="success">
        <p safe>{t('admin.projectImport.imported', { file: outcome.file, rows: outcome.rows, encoding })}</p>
        {outcome.presetUsed !== null ? (
          <p safe>{t('admin.projectImport.presetUsed', { preset: outcome.presetUsed })}</p>
        ) : (
          ''
        )}
        {outcome.added + outcome.changed === 0 ? <p safe>{t('admin.projectImport.nothingChanged')}</p> : ''}
      </Notice>
      <table class="table">
        <caption safe>{t('admin.projectImport.counts')}</caption>
        <tbody>
          {counts.map(([label, value]) => (
            <tr>
              <th scope="row" safe>
                {label}
              </th>
              <td safe>{n(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.publicHref ? (
        <p>
          <a href={Html.escapeHtml(props.publicHref)} safe>
            {t('admin.projectImport.viewProjects')}
          </a>
        </p>
      ) : (
        ''
      )}
      {outcome.rejected > 0 ? (
        <>
          <h3 safe>{t('admin.projectImport.rejectedTitle')}</h3>
          <p safe>{t('admin.projectImport.rejectedIntro')}</p>
          <ProblemTable
            ac={ac}
            caption={problemCaption(ac, outcome.problems.length, outcome.problemTotal)}
            problems={outcome.problems}
          />
          {outcome.rejectsJson === null ? (
            <p safe>{t('admin.projectImport.downloadTooLarge')}</p>
          ) : (
            <form
              method="post"
              action={`${projectImportPath(props.regionCode)}/rejects`}
              enctype="multipart/form-data"
              class="stack"
            >
              <CsrfField ac={ac} />
              <input type="hidden" name="source" value={Html.escapeHtml(outcome.file)} />
              <input type="hidden" name="rejects" value={Html.escapeHtml(outcome.rejectsJson)} />
              <p class="hint" id="rejects-hint" safe>
                {t('admin.projectImport.downloadHint')}
              </p>
              <p>
                <button type="submit" class="button button-secondary" aria-describedby="rejects-hint" safe>
                  {t('admin.projectImport.download')}
                </button>
              </p>
            </form>
          )}
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function ProjectImportPage(props: ProjectImportPageProps): JSX.Element {
  const { ac, region, form, errors, outcome } = props;
  const { t } = ac;
  const title = t('admin.projectImport.title');
  const fileId = fieldId('file');
  const fileError = errorFor(errors, 'file');
  const fileDescribedBy = [`${fileId}-hint`, fileError ? `${fileId}-error` : ''].filter((x) => x !== '').join(' ');
  const skipId = fieldId('skipInvalid');
  return (
    <AdminLayout
      ac={ac}
      title={`${title} – ${region.name}`}
      crumbs={[{ href: '/admin', label: t('admin.nav.dashboard') }]}
    >
      <h1 safe>{`${title} – ${region.name}`}</h1>
      <p safe>{t('admin.projectImport.intro')}</p>
      <ErrorSummary ac={ac} errors={errors} />
      {outcome === null ? (
        ''
      ) : (
        <Outcome ac={ac} regionCode={region.code} publicHref={region.publicHref} outcome={outcome} />
      )}
      <section aria-labelledby="import-form">
        <h2 id="import-form" safe>
          {outcome === null ? t('admin.projectImport.formTitle') : t('admin.projectImport.again')}
        </h2>
        <form method="post" action={projectImportPath(region.code)} enctype="multipart/form-data" class="stack">
          <CsrfField ac={ac} />
          <div class={fileError ? 'field field-error' : 'field'}>
            <label for={fileId}>
              {Html.escapeHtml(t('admin.projectImport.file'))}
              <span class="required" safe>{` (${t('admin.required')})`}</span>
            </label>
            <p class="hint" id={`${fileId}-hint`} safe>
              {t('admin.projectImport.fileHint', { mb: formatNumber(props.maxMegabytes, ac.lang) })}
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
              accept=".csv,.json,.txt,text/csv,application/json"
              required
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileDescribedBy}
            />
          </div>
          <SelectField
            ac={ac}
            name="preset"
            label={t('admin.projectImport.preset')}
            hint={t('admin.projectImport.presetHint')}
            value={form.preset}
            options={[
              { value: '', label: t('admin.projectImport.presetDetect') },
              ...props.presets.map((p) => ({ value: p, label: p })),
            ]}
            error={errorFor(errors, 'preset')}
          />
          <SelectField
            ac={ac}
            name="encoding"
            label={t('admin.projectImport.encoding')}
            hint={t('admin.projectImport.encodingHint')}
            value={form.encoding}
            options={[
              { value: '', label: t('admin.projectImport.encodingDetect') },
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'windows-1252', label: 'Windows-1252 / ISO-8859-1' },
            ]}
            error={errorFor(errors, 'encoding')}
          />
          <div class="field">
            <div class="checkbox">
              <input
                type="checkbox"
                id={skipId}
                name="skipInvalid"
                value="on"
                checked={form.skipInvalid}
                aria-describedby={`${skipId}-hint`}
              />
              <label for={skipId} safe>
                {t('admin.projectImport.skipInvalid')}
              </label>
            </div>
            <p class="hint" id={`${skipId}-hint`} safe>
              {t('admin.projectImport.skipInvalidHint')}
            </p>
          </div>
          <p>
            <button type="submit" class="button" safe>
              {t('admin.projectImport.submit')}
            </button>
          </p>
        </form>
      </section>
    </AdminLayout>
  );
}
