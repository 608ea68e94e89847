/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * An indicator's edit page in the admin (issue 8, point 2): its definition texts in fi/sv/en,
 * owner, direction and group; its targets in force with a form to set one (a target for the same
 * area and period supersedes the old one); the whole target history. Both forms carry the
 * indicator's revision; a stale one comes back as 409 with the stored values beside the sent ones.
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import { CsrfField, ErrorSummary, errorFor, Notice, SelectField, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import {
  compareLocalized,
  ConflictComparison,
  formValue,
  LocalizedFieldset,
  localizedToForm,
  ProblemNotice,
  textIn,
  type FormValues,
} from '../programmes/editor-components.tsx';
import { dateText, exactDecimal } from './figures.ts';
import { indicatorPaths } from './indicator-paths.ts';

export interface IndicatorEditState {
  code: string;
  revision: number;
  name: LocalizedText;
  definition: LocalizedText | null;
  unit: LocalizedText;
  owner: string | null;
  direction: 'increase' | 'decrease' | 'keep';
  group: string;
  targets: { period: string; value: string; area: string; decision: string; decided: string | null }[];
}

export interface TargetHistoryRow {
  period: string;
  value: string;
  area: string;
  decision: string;
  decided: string | null;
  setAt: string;
  setBy: string | null;
  supersededAt: string | null;
}

/** Which form a failure belongs to, with its values, errors, stored state (409) and reason. */
export interface IndicatorFormState {
  which: 'definition' | 'target';
  form: FormValues;
  errors: FieldError[];
  conflict: IndicatorEditState | null;
  problem: string | null;
}

export interface IndicatorEditPageProps {
  ac: AdminRenderContext;
  region: { code: string; name: string };
  indicator: IndicatorEditState;
  groups: { code: string; name: LocalizedText }[];
  history: TargetHistoryRow[];
  canEdit: boolean;
  failure: IndicatorFormState | null;
  done: 'saved' | 'target' | null;
}

/** The definition form's values of a stored indicator. */
export function definitionForm(i: IndicatorEditState): FormValues {
  return {
    revision: String(i.revision),
    ...localizedToForm('name', i.name),
    ...localizedToForm('definition', i.definition),
    ...localizedToForm('unit', i.unit),
    owner: i.owner ?? '',
    direction: i.direction,
    group: i.group,
  };
}

const TEXT_FIELDS = ['name', 'definition', 'unit'] as const;

export function IndicatorEditPage(props: IndicatorEditPageProps): JSX.Element {
  const { ac, region, indicator: ind, failure } = props;
  const { t, lang } = ac;
  const name = textIn(ac, ind.name) || ind.code;
  const defFailure = failure?.which === 'definition' ? failure : null;
  const targetFailure = failure?.which === 'target' ? failure : null;
  const defForm = defFailure?.form ?? definitionForm(ind);
  const defErrors = defFailure?.errors ?? [];
  // The target form's fields are named `target-…` so both forms' ids can stand on one page.
  const targetForm: FormValues = targetFailure?.form ?? {
    revision: String(ind.revision),
    'target-area': `MK${region.code}`,
  };
  const targetErrors = targetFailure?.errors ?? [];
  const labels = {
    name: t('admin.indicators.name'),
    definition: t('admin.indicators.definition'),
    unit: t('admin.indicators.unit'),
  };
  const directions = (['increase', 'decrease', 'keep'] as const).map((d) => ({
    value: d,
    label: t(`admin.indicators.direction.${d}`),
  }));
  const conflict = failure?.conflict ?? null;
  return (
    <AdminLayout
      ac={ac}
      title={`${name} · ${t('admin.indicators.listTitle')}`}
      section="indicators"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: indicatorPaths.list(region.code), label: t('admin.indicators.listTitle') },
      ]}
    >
      <h1 safe>{name}</h1>
      <p class="lead" safe>
        {`${ind.code} · ${region.name}`}
      </p>
      {props.done ? (
        <Notice kind="success">
          <p safe>{t(props.done === 'saved' ? 'admin.indicators.saved' : 'admin.indicators.targetSaved')}</p>
        </Notice>
      ) : (
        ''
      )}
      <ProblemNotice ac={ac} message={failure?.problem ?? null} />
      {conflict ? (
        <ConflictComparison
          ac={ac}
          rows={
            failure?.which === 'definition'
              ? [
                  ...TEXT_FIELDS.flatMap((f) => compareLocalized(ac, f, labels[f], conflict[f], defForm)),
                  {
                    label: t('admin.indicators.owner'),
                    stored: conflict.owner ?? '',
                    yours: formValue(defForm, 'owner'),
                  },
                  {
                    label: t('admin.indicators.directionLabel'),
                    stored: conflict.direction,
                    yours: formValue(defForm, 'direction'),
                  },
                  { label: t('admin.indicators.group'), stored: conflict.group, yours: formValue(defForm, 'group') },
                ]
              : conflict.targets.map((tg) => ({
                  label: `${t('admin.indicators.target')} ${tg.area} ${tg.period}`,
                  stored: `${tg.value} (${tg.decision})`,
                  yours: `${formValue(targetForm, 'target-value')} (${formValue(targetForm, 'target-decision')})`,
                }))
          }
        />
      ) : (
        ''
      )}
      <section aria-labelledby="definition-title">
        <h2 id="definition-title" safe>
          {t('admin.indicators.definitionTitle')}
        </h2>
        <ErrorSummary ac={ac} errors={defErrors} />
        {props.canEdit ? (
          <form method="post" action={indicatorPaths.indicator(region.code, ind.code)} class="stack" novalidate>
            <CsrfField ac={ac} />
            <input type="hidden" name="revision" value={formValue(defForm, 'revision')} />
            {TEXT_FIELDS.map((f) => (
              <LocalizedFieldset
                ac={ac}
                def={{
                  name: f,
                  label: labels[f],
                  required: f !== 'definition',
                  multiline: f === 'definition',
                  rows: 3,
                }}
                form={defForm}
                errors={defErrors}
              />
            ))}
            <TextField
              ac={ac}
              name="owner"
              label={t('admin.indicators.owner')}
              hint={t('admin.indicators.ownerHint')}
              value={formValue(defForm, 'owner')}
              error={errorFor(defErrors, 'owner')}
            />
            <SelectField
              ac={ac}
              name="direction"
              label={t('admin.indicators.directionLabel')}
              value={formValue(defForm, 'direction')}
              error={errorFor(defErrors, 'direction')}
              options={directions}
            />
            <SelectField
              ac={ac}
              name="group"
              label={t('admin.indicators.group')}
              value={formValue(defForm, 'group')}
              error={errorFor(defErrors, 'group')}
              options={props.groups.map((g) => ({ value: g.code, label: textIn(ac, g.name) || g.code }))}
            />
            <p>
              <button type="submit" class="button" safe>
                {t('admin.indicators.save')}
              </button>
            </p>
          </form>
        ) : (
          <dl>
            {TEXT_FIELDS.map((f) => (
              <>
                <dt safe>{labels[f]}</dt>
                <dd safe>{textIn(ac, ind[f]) || '–'}</dd>
              </>
            ))}
            <dt safe>{t('admin.indicators.owner')}</dt>
            <dd safe>{ind.owner ?? t('admin.indicators.noOwner')}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="targets-title">
        <h2 id="targets-title" safe>
          {t('admin.indicators.targetsTitle')}
        </h2>
        {ind.targets.length === 0 ? (
          <p safe>{t('admin.indicators.noTargets')}</p>
        ) : (
          <ul id="targets-in-force">
            {ind.targets.map((tg) => (
              <li safe>
                {t('admin.indicators.targetLine', {
                  area: tg.area,
                  period: tg.period,
                  value: exactDecimal(tg.value, lang),
                  decision: tg.decision,
                })}
              </li>
            ))}
          </ul>
        )}
        {props.canEdit ? (
          <form method="post" action={indicatorPaths.targets(region.code, ind.code)} class="stack" novalidate>
            <h3 safe>{t('admin.indicators.setTarget')}</h3>
            <p class="hint" safe>
              {t('admin.indicators.setTargetHint')}
            </p>
            <ErrorSummary ac={ac} errors={targetErrors} />
            <CsrfField ac={ac} />
            <input type="hidden" name="revision" value={formValue(targetForm, 'revision')} />
            {(
              [
                ['period', t('admin.indicators.period'), t('admin.indicators.periodHint')],
                ['value', t('admin.indicators.value'), t('admin.indicators.valueHint')],
                ['area', t('admin.indicators.area'), t('admin.indicators.areaHint')],
                ['decision', t('admin.indicators.decision'), t('admin.indicators.decisionHint')],
                ['decided', t('admin.indicators.decided'), t('admin.indicators.decidedHint')],
              ] as const
            ).map(([f, label, hint]) => (
              <TextField
                ac={ac}
                name={`target-${f}`}
                label={label}
                hint={hint}
                required={f !== 'decided'}
                value={formValue(targetForm, `target-${f}`)}
                error={errorFor(targetErrors, `target-${f}`)}
              />
            ))}
            <p>
              <button type="submit" class="button" safe>
                {t('admin.indicators.saveTarget')}
              </button>
            </p>
          </form>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title" safe>
          {t('admin.indicators.historyTitle')}
        </h2>
        {props.history.length === 0 ? (
          <p safe>{t('admin.indicators.noTargets')}</p>
        ) : (
          <table class="table" id="target-history">
            <caption safe>{t('admin.indicators.historyCaption')}</caption>
            <thead>
              <tr>
                {(['area', 'period', 'value', 'decision', 'setAt', 'supersededAt'] as const).map((k) => (
                  <th scope="col" safe>
                    {t(`admin.indicators.history.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.history.map((h) => (
                <tr class={h.supersededAt ? 'superseded' : 'in-force'}>
                  <td safe>{h.area}</td>
                  <td safe>{h.period}</td>
                  <td safe>{exactDecimal(h.value, lang)}</td>
                  <td safe>{h.decided ? `${h.decision} (${dateText(h.decided, lang)})` : h.decision}</td>
                  <td safe>{`${dateText(h.setAt, lang)}${h.setBy ? ` · ${h.setBy}` : ''}`}</td>
                  <td safe>{h.supersededAt ? dateText(h.supersededAt, lang) : t('admin.indicators.inForce')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminLayout>
  );
}
