/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A programme in the editor: its versions with status and decision and the lifecycle actions
 * (send to consultation, approve with the decision, reopen, start an update), and the form for
 * the programme's title, period and level names.
 */
import type { ProgrammeOverview, ProgrammeState } from '#src/domain/programmes/editor-models.ts';
import { formatDate, formatPeriod } from '#src/i18n/format.ts';
import { CsrfField, ErrorSummary, errorFor, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import {
  ButtonForm,
  compareLocalized,
  ConflictComparison,
  DoneNotice,
  formValue,
  LocalizedFieldset,
  ProblemNotice,
  textIn,
  VersionStatusTag,
  type ComparedValue,
  type DoneCode,
  type FormValues,
} from './editor-components.tsx';
import { editorPaths } from './editor-paths.ts';

export interface ProgrammePageProps {
  ac: AdminRenderContext;
  overview: ProgrammeOverview;
  regionName: string;
  regionSlug: string;
  canEdit: boolean;
  /** The metadata form's values (stored, or as sent when re-shown). */
  form: FormValues;
  errors: FieldError[];
  /** Set on a 409 of the metadata form: the values stored now. */
  conflict: ProgrammeState | null;
  /** The approval form of the version in consultation, when re-shown with errors. */
  approval: { number: number; form: FormValues; errors: FieldError[] } | null;
  problem: string | null;
  done: DoneCode | null;
}

/** Form values of the metadata form from what is stored. */
export function programmeForm(p: ProgrammeState): Record<string, string> {
  const form: Record<string, string> = {
    revision: String(p.revision),
    periodStart: String(p.periodStart),
    periodEnd: String(p.periodEnd),
  };
  const put = (name: string, text: Partial<Record<string, string | null>>): void => {
    for (const l of ['fi', 'sv', 'en']) form[`${name}.${l}`] = text[l] ?? '';
  };
  put('title', p.title);
  for (const level of p.levels) {
    put(`levels.${level.key}.name`, level.name);
    put(`levels.${level.key}.namePlural`, level.namePlural);
  }
  return form;
}

function ApprovalForm(props: {
  ac: AdminRenderContext;
  overview: ProgrammeOverview;
  number: number;
  revision: number;
  form: FormValues;
  errors: FieldError[];
}): JSX.Element {
  const { ac, overview, number, form, errors } = props;
  const { t } = ac;
  const p = { code: overview.programme.regionCode, slug: overview.programme.slug };
  return (
    <section class="card" aria-labelledby={`approve-${number}`}>
      <h3 id={`approve-${number}`} safe>
        {t('admin.edit.approve.title', { n: number })}
      </h3>
      <p class="hint" safe>
        {t('admin.edit.approve.hint')}
      </p>
      <ErrorSummary ac={ac} errors={errors} />
      <form method="post" action={editorPaths.lifecycle(p, number)} class="stack" novalidate>
        <CsrfField ac={ac} />
        <input type="hidden" name="action" value="approve" />
        <input type="hidden" name="revision" value={String(props.revision)} />
        <LocalizedFieldset
          ac={ac}
          def={{ name: 'decisionBody', label: t('admin.edit.approve.body'), required: true }}
          form={form}
          errors={errors}
        />
        <TextField
          ac={ac}
          name="decisionDate"
          type="date"
          label={t('admin.edit.approve.date')}
          hint={t('admin.edit.approve.dateHint')}
          value={formValue(form, 'decisionDate')}
          error={errorFor(errors, 'decisionDate')}
          required
        />
        <TextField
          ac={ac}
          name="decisionReference"
          label={t('admin.edit.approve.reference')}
          hint={t('admin.edit.approve.referenceHint')}
          value={formValue(form, 'decisionReference')}
          error={errorFor(errors, 'decisionReference')}
          required
        />
        <p>
          <button type="submit" class="button" safe>
            {t('admin.edit.approve.submit', { n: number })}
          </button>
        </p>
      </form>
    </section>
  );
}

export function ProgrammePage(props: ProgrammePageProps): JSX.Element {
  const { ac, overview, canEdit, form, errors, conflict } = props;
  const { t, lang } = ac;
  const prog = overview.programme;
  const p = { code: prog.regionCode, slug: prog.slug };
  const title = textIn(ac, prog.title);
  const newestFirst = [...overview.versions].sort((a, b) => b.number - a.number);
  const inConsultation = overview.versions.filter((v) => v.status === 'consultation');
  const compared: ComparedValue[] = conflict
    ? [
        ...compareLocalized(ac, 'title', t('admin.edit.programme.title'), conflict.title, form),
        {
          label: t('admin.edit.programme.periodStart'),
          stored: String(conflict.periodStart),
          yours: formValue(form, 'periodStart'),
        },
        {
          label: t('admin.edit.programme.periodEnd'),
          stored: String(conflict.periodEnd),
          yours: formValue(form, 'periodEnd'),
        },
        ...conflict.levels.flatMap((l) => [
          ...compareLocalized(
            ac,
            `levels.${l.key}.name`,
            t('admin.edit.programme.levelName', { n: conflict.levels.indexOf(l) + 1 }),
            l.name,
            form,
          ),
          ...compareLocalized(
            ac,
            `levels.${l.key}.namePlural`,
            t('admin.edit.programme.levelPlural', { n: conflict.levels.indexOf(l) + 1 }),
            l.namePlural,
            form,
          ),
        ]),
      ]
    : [];
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programmes(), label: t('admin.nav.programmes') },
        { href: editorPaths.programme(p), label: title },
      ]}
    >
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {`${props.regionName} · ${formatPeriod(prog.periodStart, prog.periodEnd)}`}
      </p>
      <ul class="cluster">
        <li>
          <a href={editorPaths.terms(p)} safe>
            {t('admin.edit.terms.title')}
          </a>
        </li>
        <li>
          <a href={editorPaths.council(p.code)} safe>
            {t('admin.edit.council.title')}
          </a>
        </li>
        <li>
          <a href={editorPaths.consultation(p)} safe>
            {t('consultation.admin.title')}
          </a>
        </li>
        <li>
          <a href={`/${lang}/${encodeURIComponent(props.regionSlug)}/${encodeURIComponent(prog.slug)}/`} safe>
            {t('admin.edit.publicPage')}
          </a>
        </li>
      </ul>
      <DoneNotice ac={ac} done={props.done} />
      <ProblemNotice ac={ac} message={props.problem} />

      <h2 safe>{t('admin.edit.versions.title')}</h2>
      <table class="table">
        <caption class="visually-hidden" safe>
          {t('admin.edit.versions.caption', { programme: title })}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('admin.edit.versions.version')}
            </th>
            <th scope="col" safe>
              {t('admin.edit.versions.status')}
            </th>
            <th scope="col" safe>
              {t('admin.edit.versions.decision')}
            </th>
            <th scope="col" safe>
              {t('admin.edit.versions.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => {
            const label = textIn(ac, v.texts.label);
            const decisionText: string = v.decision
              ? `${textIn(ac, v.decision.body)} ${formatDate(v.decision.date, lang)}${v.decision.reference ? ` (${v.decision.reference})` : ''}`
              : '–';
            const name = label
              ? `${t('admin.edit.versions.number', { n: v.number })} – ${label}`
              : t('admin.edit.versions.number', { n: v.number });
            return (
              <tr>
                <th scope="row">
                  <a href={editorPaths.version(p, v.number)} safe>
                    {name}
                  </a>
                </th>
                <td>
                  <VersionStatusTag ac={ac} status={v.status} />
                </td>
                <td safe>{decisionText}</td>
                <td>
                  <div class="cluster">
                    <a href={editorPaths.version(p, v.number)} safe>
                      {v.editable && canEdit
                        ? t('admin.edit.versions.edit', { n: v.number })
                        : t('admin.edit.versions.view', { n: v.number })}
                    </a>
                    {canEdit && v.actions.includes('consult') ? (
                      <ButtonForm
                        ac={ac}
                        action={editorPaths.lifecycle(p, v.number)}
                        label={t('admin.edit.lifecycle.consult', { n: v.number })}
                        fields={{ action: 'consult', revision: String(v.revision) }}
                      />
                    ) : (
                      ''
                    )}
                    {canEdit && v.actions.includes('reopen') ? (
                      <ButtonForm
                        ac={ac}
                        action={editorPaths.lifecycle(p, v.number)}
                        label={t('admin.edit.lifecycle.reopen', { n: v.number })}
                        fields={{ action: 'reopen', revision: String(v.revision) }}
                      />
                    ) : (
                      ''
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {canEdit
        ? inConsultation.map((v) => (
            <ApprovalForm
              ac={ac}
              overview={overview}
              number={v.number}
              revision={v.revision}
              form={props.approval?.number === v.number ? props.approval.form : {}}
              errors={props.approval?.number === v.number ? props.approval.errors : []}
            />
          ))
        : ''}

      {canEdit ? (
        <section aria-labelledby="start-update">
          <h2 id="start-update" safe>
            {t('admin.edit.update.title')}
          </h2>
          <p safe>{t('admin.edit.update.text')}</p>
          {overview.updateBlocked === null ? (
            <ButtonForm
              ac={ac}
              action={editorPaths.startUpdate(p)}
              label={t('admin.edit.update.submit')}
              class="button"
            />
          ) : (
            <p class="hint" safe>
              {t('admin.edit.update.blocked')}
            </p>
          )}
        </section>
      ) : (
        ''
      )}

      <h2 id="programme-details" safe>
        {t('admin.edit.programme.details')}
      </h2>
      {conflict ? <ConflictComparison ac={ac} rows={compared} /> : ''}
      {canEdit ? (
        <>
          <ErrorSummary ac={ac} errors={errors} />
          <form method="post" action={editorPaths.programme(p)} class="stack" novalidate>
            <CsrfField ac={ac} />
            <input type="hidden" name="revision" value={formValue(form, 'revision')} />
            <LocalizedFieldset
              ac={ac}
              def={{ name: 'title', label: t('admin.edit.programme.title'), required: true }}
              form={form}
              errors={errors}
              states={prog.translation['title']}
            />
            <div class="cluster">
              <TextField
                ac={ac}
                name="periodStart"
                type="number"
                label={t('admin.edit.programme.periodStart')}
                value={formValue(form, 'periodStart')}
                error={errorFor(errors, 'periodStart')}
                required
              />
              <TextField
                ac={ac}
                name="periodEnd"
                type="number"
                label={t('admin.edit.programme.periodEnd')}
                value={formValue(form, 'periodEnd')}
                error={errorFor(errors, 'periodEnd')}
                required
              />
            </div>
            <h3 safe>{t('admin.edit.programme.levels')}</h3>
            <p class="hint" safe>
              {t('admin.edit.programme.levelsHint')}
            </p>
            {prog.levels.map((l, i) => (
              <>
                <LocalizedFieldset
                  ac={ac}
                  def={{
                    name: `levels.${l.key}.name`,
                    label: t('admin.edit.programme.levelName', { n: i + 1 }),
                    required: true,
                  }}
                  form={form}
                  errors={errors}
                  states={prog.translation[`levels.${l.key}.name`]}
                />
                <LocalizedFieldset
                  ac={ac}
                  def={{
                    name: `levels.${l.key}.namePlural`,
                    label: t('admin.edit.programme.levelPlural', { n: i + 1 }),
                    required: true,
                  }}
                  form={form}
                  errors={errors}
                  states={prog.translation[`levels.${l.key}.namePlural`]}
                />
              </>
            ))}
            <p>
              <button type="submit" class="button" safe>
                {t('admin.edit.save')}
              </button>
            </p>
          </form>
        </>
      ) : (
        <p safe>{t('admin.edit.readOnlyRole')}</p>
      )}
    </AdminLayout>
  );
}
