/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * One version in the editor: its node tree as a nested list with plain-form actions (edit, add a
 * child, move up or down, move elsewhere, delete), a form to add a node at the top level, and the
 * version's own texts. A version that is not a draft is shown read-only with a note.
 */
import type { EditorNode, VersionEditView, VersionState } from '#src/domain/editor-models.ts';
import { VERSION_TEXT_FIELDS } from '#src/domain/editor-models.ts';
import { CsrfField, ErrorSummary, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import {
  ButtonForm,
  compareLocalized,
  ConflictComparison,
  DoneNotice,
  formValue,
  LocalizedFieldset,
  localizedToForm,
  ProblemNotice,
  textIn,
  TranslationTag,
  VersionStatusTag,
  type DoneCode,
  type FormValues,
} from './editor-components.tsx';
import { editorPaths, type ProgrammeAt } from './editor-paths.ts';
import { planPaths } from '../financing-plan/plan-paths.ts';

export interface VersionPageProps {
  ac: AdminRenderContext;
  view: VersionEditView;
  canEdit: boolean;
  /** The version texts form (stored values, or as sent). */
  form: FormValues;
  errors: FieldError[];
  conflict: VersionState | null;
  /** The add-a-theme form when re-shown with errors. */
  addForm: FormValues;
  addErrors: FieldError[];
  problem: string | null;
  done: DoneCode | null;
}

export function versionForm(v: VersionState): Record<string, string> {
  return {
    revision: String(v.revision),
    ...Object.assign({}, ...VERSION_TEXT_FIELDS.map((f) => localizedToForm(f, v.texts[f]))),
  };
}

function NodeItem(props: {
  ac: AdminRenderContext;
  p: ProgrammeAt;
  number: number;
  node: EditorNode;
  siblings: number;
  index: number;
  editable: boolean;
  levelCount: number;
  levelNames: string[];
}): JSX.Element {
  const { ac, p, number, node, editable } = props;
  const { t } = ac;
  const title = textIn(ac, node.title);
  const labelId = `node-${node.key}`;
  return (
    <li id={`item-${node.key}`}>
      <div class="tree-item">
        <span class="tree-level" safe>
          {props.levelNames[node.depth - 1] ?? ''}
        </span>{' '}
        <a href={editorPaths.node(p, number, node.key)} id={labelId} safe>
          {title}
        </a>{' '}
        <span class="tree-langs">
          {(['sv', 'en'] as const).map((l) => (
            <span class="tree-lang">
              <span safe>{`${l.toUpperCase()}: `}</span>
              <TranslationTag ac={ac} state={node.status[l]} />
            </span>
          ))}
        </span>
        {node.toReview > 0 ? (
          <span class="hint" safe>
            {` ${t('admin.edit.tree.toReview', { n: node.toReview })}`}
          </span>
        ) : (
          ''
        )}
        {editable ? (
          <div class="cluster tree-actions">
            <a href={editorPaths.node(p, number, node.key)} aria-describedby={labelId} safe>
              {t('admin.edit.tree.edit')}
            </a>
            {node.depth < props.levelCount ? (
              <a href={editorPaths.newNode(p, number, node.key)} aria-describedby={labelId} safe>
                {t('admin.edit.tree.addChild', { level: props.levelNames[node.depth] ?? '' })}
              </a>
            ) : (
              ''
            )}
            {props.index > 0 ? (
              <ButtonForm
                ac={ac}
                action={editorPaths.moveNode(p, number, node.key)}
                label={t('admin.edit.tree.up')}
                fields={{ direction: 'up', revision: String(node.revision) }}
                describedBy={labelId}
              />
            ) : (
              ''
            )}
            {props.index < props.siblings - 1 ? (
              <ButtonForm
                ac={ac}
                action={editorPaths.moveNode(p, number, node.key)}
                label={t('admin.edit.tree.down')}
                fields={{ direction: 'down', revision: String(node.revision) }}
                describedBy={labelId}
              />
            ) : (
              ''
            )}
            <a href={`${editorPaths.node(p, number, node.key)}#move`} aria-describedby={labelId} safe>
              {t('admin.edit.tree.moveTo')}
            </a>
            <a href={editorPaths.deleteNode(p, number, node.key)} class="danger-link" aria-describedby={labelId} safe>
              {t('admin.edit.tree.delete')}
            </a>
          </div>
        ) : (
          ''
        )}
      </div>
      {node.children.length > 0 ? <NodeList {...props} nodes={node.children} /> : ''}
    </li>
  );
}

function NodeList(props: {
  ac: AdminRenderContext;
  p: ProgrammeAt;
  number: number;
  nodes: EditorNode[];
  editable: boolean;
  levelCount: number;
  levelNames: string[];
}): JSX.Element {
  return (
    <ul class="tree">
      {props.nodes.map((node, index) => (
        <NodeItem {...props} node={node} index={index} siblings={props.nodes.length} />
      ))}
    </ul>
  );
}

export function VersionPage(props: VersionPageProps): JSX.Element {
  const { ac, view, canEdit, form, errors, conflict } = props;
  const { t } = ac;
  const prog = view.programme;
  const v = view.version;
  const p = { code: prog.regionCode, slug: prog.slug };
  const programmeTitle = textIn(ac, prog.title);
  const title = t('admin.edit.version.title', { n: v.number });
  const editable = canEdit && v.editable;
  const levelNames = prog.levels.map((l) => textIn(ac, l.name));
  const labels: Record<(typeof VERSION_TEXT_FIELDS)[number], string> = {
    label: t('admin.edit.version.label'),
    vision: t('admin.edit.version.vision'),
    summary: t('admin.edit.version.summary'),
    changelog: t('admin.edit.version.changelog'),
  };
  return (
    <AdminLayout
      ac={ac}
      title={`${title} · ${programmeTitle}`}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programmes(), label: t('admin.nav.programmes') },
        { href: editorPaths.programme(p), label: programmeTitle },
        { href: editorPaths.version(p, v.number), label: title },
      ]}
    >
      <h1 safe>{title}</h1>
      <p class="lead">
        <span safe>{`${programmeTitle} · `}</span>
        <VersionStatusTag ac={ac} status={v.status} />
      </p>
      {!v.editable ? (
        <div class="notice notice-info" role="note">
          <p safe>{t(`admin.edit.version.readOnly.${v.status}`)}</p>
        </div>
      ) : (
        ''
      )}
      <DoneNotice ac={ac} done={props.done} />
      <ProblemNotice ac={ac} message={props.problem} />
      <p>
        <a href={planPaths.plan(p, v.number)} safe>
          {t('admin.plan.link')}
        </a>
      </p>

      <h2 id="tree" safe>
        {t('admin.edit.tree.title')}
      </h2>
      {view.nodes.length === 0 ? (
        <p safe>{t('admin.edit.tree.empty')}</p>
      ) : (
        <NodeList
          ac={ac}
          p={p}
          number={v.number}
          nodes={view.nodes}
          editable={editable}
          levelCount={prog.levels.length}
          levelNames={levelNames}
        />
      )}

      {editable ? (
        <section class="card" aria-labelledby="add-top">
          <h2 id="add-top" safe>
            {t('admin.edit.tree.addTop', { level: levelNames[0] ?? '' })}
          </h2>
          <ErrorSummary ac={ac} errors={props.addErrors} />
          <form method="post" action={editorPaths.nodes(p, v.number)} class="stack" novalidate>
            <CsrfField ac={ac} />
            <input type="hidden" name="parentKey" value="" />
            <LocalizedFieldset
              ac={ac}
              def={{ name: 'title', label: t('admin.edit.node.title'), required: true }}
              form={props.addForm}
              errors={props.addErrors}
            />
            <p>
              <button type="submit" class="button" safe>
                {t('admin.edit.tree.addSubmit')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}

      <h2 id="version-texts" safe>
        {t('admin.edit.version.texts')}
      </h2>
      {conflict ? (
        <ConflictComparison
          ac={ac}
          rows={VERSION_TEXT_FIELDS.flatMap((f) => compareLocalized(ac, f, labels[f], conflict.texts[f], form))}
        />
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={errors} />
      {editable ? (
        <form method="post" action={editorPaths.version(p, v.number)} class="stack" novalidate>
          <CsrfField ac={ac} />
          <input type="hidden" name="revision" value={formValue(form, 'revision')} />
          {VERSION_TEXT_FIELDS.map((f) => (
            <LocalizedFieldset
              ac={ac}
              def={{
                name: f,
                label: labels[f],
                multiline: f !== 'label',
                rows: f === 'label' ? 2 : 6,
                ...(f === 'label' ? {} : { hint: t('admin.edit.markdownHint') }),
              }}
              form={form}
              errors={errors}
              states={v.translation[f]}
            />
          ))}
          <p>
            <button type="submit" class="button" safe>
              {t('admin.edit.save')}
            </button>
          </p>
        </form>
      ) : (
        VERSION_TEXT_FIELDS.map((f) => (
          <LocalizedFieldset
            ac={ac}
            def={{ name: f, label: labels[f] }}
            form={form}
            errors={[]}
            states={v.translation[f]}
            readonly
          />
        ))
      )}
    </AdminLayout>
  );
}
