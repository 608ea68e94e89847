/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A programme's taxonomies and their terms: the list with the versions linking each term, a form
 * per taxonomy to add a term, and a term's edit page (title, short title and description in
 * fi/sv/en with translation status).
 */
import type { TermState, TermsEditView, TermTextField } from '#src/domain/programmes/editor-models.ts';
import { TERM_TEXT_FIELDS } from '#src/domain/programmes/editor-models.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import { CsrfField, ErrorSummary, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import {
  compareLocalized,
  ConflictComparison,
  DoneNotice,
  formValue,
  LocalizedFieldset,
  localizedToForm,
  ProblemNotice,
  textIn,
  type DoneCode,
  type FormValues,
} from './editor-components.tsx';
import { editorPaths, type ProgrammeAt } from './editor-paths.ts';

function labels(ac: AdminRenderContext): Record<TermTextField, string> {
  return {
    title: ac.t('admin.edit.term.title'),
    shortTitle: ac.t('admin.edit.term.shortTitle'),
    description: ac.t('admin.edit.term.description'),
  };
}

function TermFields(props: {
  ac: AdminRenderContext;
  form: FormValues;
  errors: FieldError[];
  term: TermState | null;
}): JSX.Element {
  const l = labels(props.ac);
  return (
    <>
      {TERM_TEXT_FIELDS.map((f) => (
        <LocalizedFieldset
          ac={props.ac}
          def={{
            name: f,
            label: l[f],
            required: f === 'title',
            multiline: f === 'description',
            rows: 4,
            ...(f === 'description' ? { hint: props.ac.t('admin.edit.markdownHint') } : {}),
          }}
          form={props.form}
          errors={props.errors}
          states={props.term?.translation[f]}
        />
      ))}
    </>
  );
}

export function termForm(term: TermState): Record<string, string> {
  return {
    revision: String(term.revision),
    ...Object.assign({}, ...TERM_TEXT_FIELDS.map((f) => localizedToForm(f, term.texts[f]))),
  };
}

export interface TermsPageProps {
  ac: AdminRenderContext;
  view: TermsEditView;
  canEdit: boolean;
  /** The add form of one taxonomy when re-shown with errors. */
  adding: { taxonomy: string; form: FormValues; errors: FieldError[] } | null;
  problem: string | null;
  done: DoneCode | null;
}

export function TermsPage(props: TermsPageProps): JSX.Element {
  const { ac, view, canEdit } = props;
  const { t } = ac;
  const prog = view.programme;
  const p = { code: prog.regionCode, slug: prog.slug };
  const programmeTitle = textIn(ac, prog.title);
  const title = t('admin.edit.terms.title');
  const usedInText = (numbers: number[]): string =>
    numbers.length > 0 ? numbers.map((n) => t('admin.edit.versions.number', { n })).join(', ') : '–';
  return (
    <AdminLayout
      ac={ac}
      title={`${title} · ${programmeTitle}`}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programme(p), label: programmeTitle },
        { href: editorPaths.terms(p), label: title },
      ]}
    >
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {t('admin.edit.terms.intro')}
      </p>
      <DoneNotice ac={ac} done={props.done} />
      <ProblemNotice ac={ac} message={props.problem} />
      {view.taxonomies.map((tax) => (
        <section aria-labelledby={`tax-${tax.key}`}>
          <h2 id={`tax-${tax.key}`} safe>
            {textIn(ac, tax.name)}
          </h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('admin.edit.term.title')}
                </th>
                <th scope="col" safe>
                  {t('admin.edit.terms.usedIn')}
                </th>
                <th scope="col" safe>
                  {t('admin.edit.versions.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tax.terms.map((term) => (
                <tr>
                  <th scope="row" id={`term-${tax.key}-${term.key}`} safe>
                    {textIn(ac, term.texts.title)}
                  </th>
                  <td safe>{usedInText(term.usedIn)}</td>
                  <td>
                    <div class="cluster">
                      <a
                        href={editorPaths.term(p, tax.key, term.key)}
                        aria-describedby={`term-${tax.key}-${term.key}`}
                        safe
                      >
                        {canEdit ? t('admin.edit.tree.edit') : t('admin.edit.view')}
                      </a>
                      {canEdit ? (
                        <a
                          href={editorPaths.deleteTerm(p, tax.key, term.key)}
                          class="danger-link"
                          aria-describedby={`term-${tax.key}-${term.key}`}
                          safe
                        >
                          {t('admin.edit.tree.delete')}
                        </a>
                      ) : (
                        ''
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit ? (
            <details class="add-term" open={props.adding?.taxonomy === tax.key}>
              <summary safe>{t('admin.edit.terms.add', { taxonomy: textIn(ac, tax.name) })}</summary>
              {props.adding?.taxonomy === tax.key ? (
                <ErrorSummary
                  ac={ac}
                  errors={props.adding.errors.map((e) => ({ ...e, field: `${tax.key}:${e.field}` }))}
                />
              ) : (
                ''
              )}
              <form method="post" action={editorPaths.taxonomy(p, tax.key)} class="stack" novalidate>
                <CsrfField ac={ac} />
                <TermFieldsScoped ac={ac} taxonomy={tax.key} adding={props.adding} />
                <p>
                  <button type="submit" class="button" safe>
                    {t('admin.edit.terms.addSubmit')}
                  </button>
                </p>
              </form>
            </details>
          ) : (
            ''
          )}
        </section>
      ))}
    </AdminLayout>
  );
}

/** The add form's fields; only the taxonomy being re-shown keeps its input (ids stay unique: one form is open at a time). */
function TermFieldsScoped(props: {
  ac: AdminRenderContext;
  taxonomy: string;
  adding: TermsPageProps['adding'];
}): JSX.Element {
  const mine = props.adding?.taxonomy === props.taxonomy;
  const l = labels(props.ac);
  return (
    <>
      {TERM_TEXT_FIELDS.map((f) => (
        <AddField
          ac={props.ac}
          taxonomy={props.taxonomy}
          field={f}
          label={l[f]}
          form={mine ? props.adding!.form : {}}
          errors={mine ? props.adding!.errors : []}
        />
      ))}
    </>
  );
}

function AddField(props: {
  ac: AdminRenderContext;
  taxonomy: string;
  field: TermTextField;
  label: string;
  form: FormValues;
  errors: FieldError[];
}): JSX.Element {
  // Field ids must be unique on the page, so each taxonomy's add form names its inputs `<taxonomy>:<field>.<lang>`.
  const name = `${props.taxonomy}:${props.field}`;
  const scoped: Record<string, string> = {};
  for (const l of ['fi', 'sv', 'en']) scoped[`${name}.${l}`] = formValue(props.form, `${props.field}.${l}`);
  return (
    <LocalizedFieldset
      ac={props.ac}
      def={{
        name,
        label: props.label,
        required: props.field === 'title',
        multiline: props.field === 'description',
        rows: 3,
      }}
      form={scoped}
      errors={props.errors.map((e) => ({ ...e, field: `${props.taxonomy}:${e.field}` }))}
    />
  );
}

export interface TermPageProps {
  ac: AdminRenderContext;
  programme: ProgrammeAt & { title: LocalizedText };
  taxonomyName: LocalizedText;
  term: TermState;
  canEdit: boolean;
  form: FormValues;
  errors: FieldError[];
  conflict: TermState | null;
  problem: string | null;
}

export function TermPage(props: TermPageProps): JSX.Element {
  const { ac, programme: p, term, form, errors, conflict } = props;
  const { t } = ac;
  const programmeTitle = textIn(ac, p.title);
  const title = textIn(ac, term.texts.title);
  const l = labels(ac);
  return (
    <AdminLayout
      ac={ac}
      title={`${title} · ${t('admin.edit.terms.title')}`}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programme(p), label: programmeTitle },
        { href: editorPaths.terms(p), label: t('admin.edit.terms.title') },
        { href: editorPaths.term(p, term.taxonomy, term.key), label: title },
      ]}
    >
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {textIn(ac, props.taxonomyName)}
      </p>
      <ProblemNotice ac={ac} message={props.problem} />
      {conflict ? (
        <ConflictComparison
          ac={ac}
          rows={TERM_TEXT_FIELDS.flatMap((f) => compareLocalized(ac, f, l[f], conflict.texts[f], form))}
        />
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={errors} />
      {props.canEdit ? (
        <form method="post" action={editorPaths.term(p, term.taxonomy, term.key)} class="stack" novalidate>
          <CsrfField ac={ac} />
          <input type="hidden" name="revision" value={formValue(form, 'revision')} />
          <TermFields ac={ac} form={form} errors={errors} term={term} />
          <p>
            <button type="submit" class="button" safe>
              {t('admin.edit.save')}
            </button>
          </p>
        </form>
      ) : (
        TERM_TEXT_FIELDS.map((f) => (
          <LocalizedFieldset
            ac={ac}
            def={{ name: f, label: l[f] }}
            form={form}
            errors={[]}
            states={term.translation[f]}
            readonly
          />
        ))
      )}
    </AdminLayout>
  );
}
