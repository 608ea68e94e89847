/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The form that adds a node under a parent (a priority under a theme, a measure under a priority…). */
import type { LocalizedText } from '#src/domain/languages.ts';
import { CsrfField, ErrorSummary, errorFor, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import { formValue, LocalizedFieldset, ProblemNotice, textIn, type FormValues } from './editor-components.tsx';
import { editorPaths, type ProgrammeAt } from './editor-paths.ts';

export interface NodeAddPageProps {
  ac: AdminRenderContext;
  programme: ProgrammeAt & { title: LocalizedText };
  number: number;
  parent: { key: string; title: LocalizedText } | null;
  levelName: string;
  form: FormValues;
  errors: FieldError[];
  problem: string | null;
}

export function NodeAddPage(props: NodeAddPageProps): JSX.Element {
  const { ac, programme: p, number, parent, form, errors } = props;
  const { t } = ac;
  const programmeTitle = textIn(ac, p.title);
  const title = parent
    ? t('admin.edit.add.titleUnder', { level: props.levelName, parent: textIn(ac, parent.title) })
    : t('admin.edit.tree.addTop', { level: props.levelName });
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programme(p), label: programmeTitle },
        { href: editorPaths.version(p, number), label: t('admin.edit.version.title', { n: number }) },
      ]}
    >
      <h1 safe>{title}</h1>
      <ProblemNotice ac={ac} message={props.problem} />
      <ErrorSummary ac={ac} errors={errors} />
      <form method="post" action={editorPaths.nodes(p, number)} class="stack" novalidate>
        <CsrfField ac={ac} />
        <input type="hidden" name="parentKey" value={parent?.key ?? ''} />
        <LocalizedFieldset
          ac={ac}
          def={{ name: 'title', label: t('admin.edit.node.title'), required: true }}
          form={form}
          errors={errors}
        />
        <TextField
          ac={ac}
          name="slug"
          label={t('admin.edit.node.slug')}
          hint={t('admin.edit.add.slugHint')}
          value={formValue(form, 'slug')}
          error={errorFor(errors, 'slug') ?? errorFor(errors, 'parentKey')}
        />
        <p class="cluster">
          <button type="submit" class="button" safe>
            {t('admin.edit.tree.addSubmit')}
          </button>
          <a href={editorPaths.version(p, number)} safe>
            {t('admin.edit.cancel')}
          </a>
        </p>
      </form>
    </AdminLayout>
  );
}
