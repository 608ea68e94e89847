/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A node's edit page: every text field in fi/sv/en side by side with its translation status and
 * a "mark reviewed" choice, the slug, the term links, and the hidden revision; then moving the
 * node under another parent and a link to delete it. On a conflict (409) the stored values are
 * shown beside the editor's own input, which stays in the form.
 */
import type { NodeEditView, NodeState, NodeTextField } from '#src/domain/programmes/editor-models.ts';
import { NODE_TEXT_FIELDS } from '#src/domain/programmes/editor-models.ts';
import { CsrfField, ErrorSummary, errorFor, SelectField, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import {
  compareLocalized,
  ConflictComparison,
  formValue,
  formValues,
  LocalizedFieldset,
  localizedToForm,
  ProblemNotice,
  textIn,
  VersionStatusTag,
  type FormValues,
} from './editor-components.tsx';
import { editorPaths } from './editor-paths.ts';

export interface NodePageProps {
  ac: AdminRenderContext;
  view: NodeEditView;
  canEdit: boolean;
  form: FormValues;
  errors: FieldError[];
  conflict: NodeState | null;
  problem: string | null;
  saved: boolean;
}

export function nodeForm(n: NodeState): Record<string, string | string[]> {
  return {
    revision: String(n.revision),
    slug: n.slug,
    terms: n.terms,
    ...Object.assign({}, ...NODE_TEXT_FIELDS.map((f) => localizedToForm(f, n.texts[f]))),
  };
}

export function NodePage(props: NodePageProps): JSX.Element {
  const { ac, view, canEdit, form, errors, conflict } = props;
  const { t } = ac;
  const prog = view.programme;
  const v = view.version;
  const n = view.node;
  const p = { code: prog.regionCode, slug: prog.slug };
  const programmeTitle = textIn(ac, prog.title);
  const title = textIn(ac, n.texts.title) || n.key;
  const levelName = n.level ? textIn(ac, n.level.name) : '';
  const editable = canEdit && v.editable;
  const labels: Record<NodeTextField, string> = {
    title: t('admin.edit.node.title'),
    shortTitle: t('admin.edit.node.shortTitle'),
    summary: t('admin.edit.node.summary'),
    body: t('admin.edit.node.body'),
  };
  const chosen = new Set(formValues(form, 'terms'));
  return (
    <AdminLayout
      ac={ac}
      title={`${title} · ${t('admin.edit.version.title', { n: v.number })}`}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programme(p), label: programmeTitle },
        { href: editorPaths.version(p, v.number), label: t('admin.edit.version.title', { n: v.number }) },
        { href: editorPaths.node(p, v.number, n.key), label: title },
      ]}
    >
      <h1 safe>{title}</h1>
      <p class="lead">
        <span safe>{`${levelName} · ${t('admin.edit.version.title', { n: v.number })} `}</span>
        <VersionStatusTag ac={ac} status={v.status} />
      </p>
      {!v.editable ? (
        <div class="notice notice-info" role="note">
          <p safe>{t('admin.edit.node.readOnly')}</p>
        </div>
      ) : (
        ''
      )}
      {props.saved ? (
        <div class="notice notice-success" role="status">
          <p safe>{t('admin.edit.done.saved')}</p>
        </div>
      ) : (
        ''
      )}
      <ProblemNotice ac={ac} message={props.problem} />
      {conflict ? (
        <ConflictComparison
          ac={ac}
          rows={[
            ...NODE_TEXT_FIELDS.flatMap((f) => compareLocalized(ac, f, labels[f], conflict.texts[f], form)),
            { label: t('admin.edit.node.slug'), stored: conflict.slug, yours: formValue(form, 'slug') },
            {
              label: t('admin.edit.node.terms'),
              stored: conflict.terms.join(', '),
              yours: formValues(form, 'terms').join(', '),
            },
          ]}
        />
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={errors} />
      {editable ? (
        <form method="post" action={editorPaths.node(p, v.number, n.key)} class="stack" novalidate>
          <CsrfField ac={ac} />
          <input type="hidden" name="revision" value={formValue(form, 'revision')} />
          {NODE_TEXT_FIELDS.map((f) => (
            <LocalizedFieldset
              ac={ac}
              def={{
                name: f,
                label: labels[f],
                required: f === 'title',
                multiline: f === 'summary' || f === 'body',
                rows: f === 'body' ? 10 : 4,
                ...(f === 'body' ? { hint: t('admin.edit.markdownHint') } : {}),
              }}
              form={form}
              errors={errors}
              states={n.status[f]}
            />
          ))}
          <TextField
            ac={ac}
            name="slug"
            label={t('admin.edit.node.slug')}
            hint={t('admin.edit.node.slugHint')}
            value={formValue(form, 'slug')}
            error={errorFor(errors, 'slug')}
            required
          />
          <fieldset class="terms" id="field-terms">
            <legend safe>{t('admin.edit.node.terms')}</legend>
            {errorFor(errors, 'terms') ? (
              <p class="field-error-message" safe>
                {errorFor(errors, 'terms')!}
              </p>
            ) : (
              ''
            )}
            {view.taxonomies.map((tax) => (
              <fieldset class="term-group">
                <legend safe>{textIn(ac, tax.name)}</legend>
                {tax.terms.map((term) => {
                  const id = `term-${term.ref.replace(/[^a-z0-9-]/g, '-')}`;
                  return (
                    <div class="checkbox">
                      <input type="checkbox" id={id} name="terms" value={term.ref} checked={chosen.has(term.ref)} />
                      <label for={id} safe>
                        {textIn(ac, term.title)}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </fieldset>
          <p>
            <button type="submit" class="button" safe>
              {t('admin.edit.save')}
            </button>
          </p>
        </form>
      ) : (
        NODE_TEXT_FIELDS.map((f) => (
          <LocalizedFieldset
            ac={ac}
            def={{ name: f, label: labels[f] }}
            form={form}
            errors={[]}
            states={n.status[f]}
            readonly
          />
        ))
      )}

      {editable ? (
        <>
          <section class="card" aria-labelledby="move">
            <h2 id="move" safe>
              {t('admin.edit.node.moveTitle')}
            </h2>
            <p class="hint" safe>
              {t('admin.edit.node.moveHint')}
            </p>
            <form method="post" action={editorPaths.moveNode(p, v.number, n.key)} class="stack">
              <CsrfField ac={ac} />
              <input type="hidden" name="revision" value={String(n.revision)} />
              <SelectField
                ac={ac}
                name="parentKey"
                label={t('admin.edit.node.moveParent')}
                value={n.parentKey ?? ''}
                options={view.moveTargets.map((m) => ({
                  value: m.key ?? '',
                  label:
                    m.key === null
                      ? t('admin.edit.node.topLevel')
                      : `${'– '.repeat(m.depth - 1)}${textIn(ac, m.title)}`,
                }))}
              />
              <p>
                <button type="submit" class="button-secondary" safe>
                  {t('admin.edit.node.moveSubmit')}
                </button>
              </p>
            </form>
          </section>
          <p>
            <a href={editorPaths.deleteNode(p, v.number, n.key)} class="button-danger" safe>
              {n.childCount > 0
                ? t('admin.edit.node.deleteWithChildren', { n: view.subtree.length - 1 })
                : t('admin.edit.node.delete')}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
