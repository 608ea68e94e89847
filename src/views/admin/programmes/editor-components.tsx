/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * Building blocks of the programme editor: a text field in fi/sv/en side by side with each
 * translation's status and a "mark reviewed / machine translation" choice, status tags that say
 * their meaning in words, the comparison shown on a 409 conflict, and the notice after a save.
 */
import type { LangStates } from '#src/domain/editor-models.ts';
import { LANGS, pickText, type Lang, type LocalizedText } from '#src/domain/languages.ts';
import type { VersionStatus } from '#src/domain/programme-file.ts';
import type { TranslationState } from '#src/domain/translation-status.ts';
import { errorFor, fieldId, Notice, SelectField, TextArea, TextField, type FieldError } from '../components.tsx';
import type { AdminRenderContext } from '../layout.tsx';

/** The values of a form as sent (or as built from what is stored): `name` → value(s). */
export type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export function formValue(form: FormValues, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
}

export function formValues(form: FormValues, name: string): readonly string[] {
  const v = form[name];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
}

/** Puts a localised text into form values as `name.fi`, `name.sv`, `name.en`. */
export function localizedToForm(name: string, text: LocalizedText | null | undefined): Record<string, string> {
  return Object.fromEntries(LANGS.map((l) => [`${name}.${l}`, text?.[l] ?? '']));
}

/** A content text in the UI language (falling back to Finnish), as plain text. */
export function textIn(ac: AdminRenderContext, text: LocalizedText | null | undefined): string {
  return pickText(text, ac.lang)?.text ?? '';
}

export function langName(ac: AdminRenderContext, lang: Lang): string {
  return ac.t(`admin.edit.lang.${lang}`);
}

export function VersionStatusTag({ ac, status }: { ac: AdminRenderContext; status: VersionStatus }): JSX.Element {
  return (
    <span class={`status-tag status-${status}`} safe>
      {ac.t(`status.${status}`)}
    </span>
  );
}

export function TranslationTag({ ac, state }: { ac: AdminRenderContext; state: TranslationState | null }): JSX.Element {
  if (state === null) {
    return (
      <span class="translation-tag translation-missing" safe>
        {ac.t('admin.edit.translation.missing')}
      </span>
    );
  }
  return (
    <span class={`translation-tag translation-${state}`} safe>
      {ac.t(`admin.edit.translation.${state}`)}
    </span>
  );
}

export interface LocalizedFieldDef {
  /** Form name prefix, e.g. `title` (inputs `title.fi`, `title.sv`, `title.en`). */
  name: string;
  label: string;
  multiline?: boolean;
  rows?: number;
  /** Finnish required. */
  required?: boolean;
  hint?: string;
}

/**
 * One text field in three languages side by side. With `states`, each translation shows its
 * status and offers a choice: keep the automatic rule, mark it reviewed, or mark it machine-made.
 */
export function LocalizedFieldset(props: {
  ac: AdminRenderContext;
  def: LocalizedFieldDef;
  form: FormValues;
  errors: readonly FieldError[];
  states?: LangStates | undefined;
  readonly?: boolean;
}): JSX.Element {
  const { ac, def, form, errors, states } = props;
  const { t } = ac;
  const legendId = `legend-${fieldId(def.name)}`;
  return (
    <fieldset class="localized" aria-describedby={def.hint ? `${legendId}-hint` : undefined}>
      <legend id={legendId} safe>
        {def.label}
      </legend>
      {def.hint ? (
        <p class="hint" id={`${legendId}-hint`} safe>
          {def.hint}
        </p>
      ) : (
        ''
      )}
      <div class="lang-columns">
        {LANGS.map((lang) => {
          const name = `${def.name}.${lang}`;
          const label = `${def.label} – ${langName(ac, lang)}`;
          const common = {
            ac,
            name,
            label,
            value: formValue(form, name),
            error: errorFor(errors, name),
            lang,
            required: def.required === true && lang === 'fi',
          };
          if (props.readonly) {
            return (
              <div class="lang-column">
                <p class="lang-label" safe>
                  {langName(ac, lang)}
                </p>
                <p class="readonly-text" lang={lang} safe>
                  {formValue(form, name) || '–'}
                </p>
                {states ? <TranslationTag ac={ac} state={states[lang]} /> : ''}
              </div>
            );
          }
          return (
            <div class="lang-column">
              {def.multiline ? <TextArea {...common} rows={def.rows ?? 6} /> : <TextField {...common} />}
              {states && lang !== 'fi' ? (
                <div class="translation-status">
                  <p>
                    <span safe>{`${t('admin.edit.translation.now')}: `}</span>
                    <TranslationTag ac={ac} state={states[lang]} />
                  </p>
                  <SelectField
                    ac={ac}
                    name={`status.${name}`}
                    label={t('admin.edit.translation.choice', { lang: langName(ac, lang) })}
                    value={formValue(form, `status.${name}`)}
                    options={[
                      { value: '', label: t('admin.edit.translation.auto') },
                      { value: 'reviewed', label: t('admin.edit.translation.markReviewed') },
                      { value: 'machine', label: t('admin.edit.translation.markMachine') },
                    ]}
                  />
                </div>
              ) : (
                ''
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export interface ComparedValue {
  label: string;
  stored: string;
  yours: string;
}

/**
 * What a 409 shows: every field whose stored value differs from the editor's input, side by side,
 * so the other person's change and the editor's own are both in view.
 */
export function ConflictComparison({
  ac,
  rows,
}: {
  ac: AdminRenderContext;
  rows: readonly ComparedValue[];
}): JSX.Element {
  const { t } = ac;
  const differing = rows.filter((r) => r.stored.trim() !== r.yours.trim());
  return (
    <section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" safe>
        {t('admin.edit.conflict.title')}
      </h2>
      <p safe>{t('admin.edit.conflict.text')}</p>
      {differing.length === 0 ? (
        <p safe>{t('admin.edit.conflict.same')}</p>
      ) : (
        <table class="table conflict-table">
          <caption safe>{t('admin.edit.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('admin.edit.conflict.field')}
              </th>
              <th scope="col" safe>
                {t('admin.edit.conflict.stored')}
              </th>
              <th scope="col" safe>
                {t('admin.edit.conflict.yours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {differing.map((r) => (
              <tr>
                <th scope="row" safe>
                  {r.label}
                </th>
                <td class="conflict-stored" safe>
                  {r.stored || '–'}
                </td>
                <td class="conflict-yours" safe>
                  {r.yours || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The values of a localised field for the comparison, one row per language. */
export function compareLocalized(
  ac: AdminRenderContext,
  name: string,
  label: string,
  stored: LocalizedText | null | undefined,
  form: FormValues,
): ComparedValue[] {
  return LANGS.map((l) => ({
    label: `${label} – ${langName(ac, l)}`,
    stored: stored?.[l] ?? '',
    yours: formValue(form, `${name}.${l}`),
  }));
}

/** What was done, said after the redirect that follows a save (`?done=…`). */
export const DONE_CODES = [
  'saved',
  'added',
  'moved',
  'deleted',
  'consult',
  'approve',
  'reopen',
  'update-started',
] as const;
export type DoneCode = (typeof DONE_CODES)[number];

export function DoneNotice({ ac, done }: { ac: AdminRenderContext; done: DoneCode | null }): JSX.Element {
  if (!done) return '';
  return (
    <Notice kind="success">
      <p safe>{ac.t(`admin.edit.done.${done}`)}</p>
    </Notice>
  );
}

/** An error said at the top of a page that was sent back with status 400 or 409 (not tied to one field). */
export function ProblemNotice({ ac, message }: { ac: AdminRenderContext; message: string | null }): JSX.Element {
  if (!message) return '';
  return (
    <Notice kind="error">
      <p safe>{ac.t('admin.edit.problem.refused', { message })}</p>
    </Notice>
  );
}

/** A small form with one button (POST), e.g. "move up"; `fields` become hidden inputs. */
export function ButtonForm(props: {
  ac: AdminRenderContext;
  action: string;
  label: string;
  fields?: Record<string, string>;
  class?: string;
  describedBy?: string;
}): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline-form">
      <input type="hidden" name="_csrf" value={props.ac.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.class ?? 'button-secondary'} aria-describedby={props.describedBy} safe>
        {props.label}
      </button>
    </form>
  );
}
