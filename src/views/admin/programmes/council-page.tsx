/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The regional council's offices and contact persons (shown on the region's public contact
 * page): lists with move up / move down / edit / delete, forms to add, and the edit pages.
 */
import type { CouncilEditView, EditableContact, EditableOffice } from '#src/domain/programmes/editor-models.ts';
import type { Lang } from '#src/domain/languages.ts';
import type { MessageKey } from '#src/i18n/index.ts';
import { CsrfField, ErrorSummary, errorFor, SelectField, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminCrumb, type AdminRenderContext } from '../layout.tsx';
import {
  ButtonForm,
  ConflictComparison,
  DoneNotice,
  formValue,
  langName,
  LocalizedFieldset,
  localizedToForm,
  ProblemNotice,
  textIn,
  type DoneCode,
  type FormValues,
} from './editor-components.tsx';
import { editorPaths } from './editor-paths.ts';

export type CouncilKind = 'offices' | 'contacts';

export function officeForm(o: EditableOffice): Record<string, string> {
  return {
    revision: String(o.revision),
    kind: o.kind,
    postalAddress: o.postalAddress ?? '',
    visitingAddress: o.visitingAddress ?? '',
    phone: o.phone ?? '',
    email: o.email ?? '',
    ...localizedToForm('name', o.name),
    ...localizedToForm('hours', o.hours),
  };
}

export function contactForm(c: EditableContact): Record<string, string> {
  return {
    revision: String(c.revision),
    name: c.name,
    email: c.email ?? '',
    phone: c.phone ?? '',
    ...localizedToForm('role', c.role),
    ...localizedToForm('topic', c.topic),
  };
}

function crumbs(ac: AdminRenderContext, code: string, regionName: string): AdminCrumb[] {
  return [
    { href: '/admin', label: ac.t('admin.nav.dashboard') },
    { href: editorPaths.council(code), label: `${ac.t('admin.edit.council.title')} · ${regionName}` },
  ];
}

function OfficeFields(props: {
  ac: AdminRenderContext;
  form: FormValues;
  errors: FieldError[];
  prefix: string;
}): JSX.Element {
  const { ac, form, errors, prefix } = props;
  const { t } = ac;
  const n = (name: string): string => `${prefix}${name}`;
  return (
    <>
      <LocalizedFieldset
        ac={ac}
        def={{ name: n('name'), label: t('admin.edit.office.name'), required: true }}
        form={form}
        errors={errors}
      />
      <SelectField
        ac={ac}
        name={n('kind')}
        label={t('admin.edit.office.kind')}
        value={formValue(form, n('kind')) || 'branch'}
        error={errorFor(errors, n('kind'))}
        options={[
          { value: 'main', label: t('admin.edit.office.main') },
          { value: 'branch', label: t('admin.edit.office.branch') },
        ]}
      />
      <TextField
        ac={ac}
        name={n('visitingAddress')}
        label={t('admin.edit.office.visitingAddress')}
        value={formValue(form, n('visitingAddress'))}
        error={errorFor(errors, n('visitingAddress'))}
      />
      <TextField
        ac={ac}
        name={n('postalAddress')}
        label={t('admin.edit.office.postalAddress')}
        value={formValue(form, n('postalAddress'))}
        error={errorFor(errors, n('postalAddress'))}
      />
      <LocalizedFieldset
        ac={ac}
        def={{ name: n('hours'), label: t('admin.edit.office.hours') }}
        form={form}
        errors={errors}
      />
      <TextField
        ac={ac}
        name={n('phone')}
        type="text"
        autocomplete="off"
        label={t('admin.edit.contact.phone')}
        value={formValue(form, n('phone'))}
        error={errorFor(errors, n('phone'))}
      />
      <TextField
        ac={ac}
        name={n('email')}
        type="email"
        autocomplete="off"
        label={t('admin.edit.contact.email')}
        value={formValue(form, n('email'))}
        error={errorFor(errors, n('email'))}
      />
    </>
  );
}

function ContactFields(props: {
  ac: AdminRenderContext;
  form: FormValues;
  errors: FieldError[];
  prefix: string;
}): JSX.Element {
  const { ac, form, errors, prefix } = props;
  const { t } = ac;
  const n = (name: string): string => `${prefix}${name}`;
  return (
    <>
      <TextField
        ac={ac}
        name={n('name')}
        label={t('admin.edit.contact.name')}
        autocomplete="off"
        value={formValue(form, n('name'))}
        error={errorFor(errors, n('name'))}
        required
      />
      <LocalizedFieldset
        ac={ac}
        def={{ name: n('role'), label: t('admin.edit.contact.role'), required: true }}
        form={form}
        errors={errors}
      />
      <LocalizedFieldset
        ac={ac}
        def={{ name: n('topic'), label: t('admin.edit.contact.topic') }}
        form={form}
        errors={errors}
      />
      <TextField
        ac={ac}
        name={n('phone')}
        autocomplete="off"
        label={t('admin.edit.contact.phone')}
        value={formValue(form, n('phone'))}
        error={errorFor(errors, n('phone'))}
      />
      <TextField
        ac={ac}
        name={n('email')}
        type="email"
        autocomplete="off"
        label={t('admin.edit.contact.email')}
        value={formValue(form, n('email'))}
        error={errorFor(errors, n('email'))}
      />
    </>
  );
}

export interface CouncilPageProps {
  ac: AdminRenderContext;
  view: CouncilEditView;
  regionName: string;
  canEdit: boolean;
  /** An add form re-shown with errors (its inputs are prefixed `new-office.` / `new-contact.`). */
  adding: { kind: CouncilKind; form: FormValues; errors: FieldError[] } | null;
  problem: string | null;
  done: DoneCode | null;
}

export function CouncilPage(props: CouncilPageProps): JSX.Element {
  const { ac, view, canEdit } = props;
  const { t } = ac;
  const code = view.regionCode;
  const title = `${t('admin.edit.council.title')} · ${props.regionName}`;
  const list = (kind: CouncilKind, rows: { id: number; label: string; revision: number }[]): JSX.Element => (
    <table class="table">
      <tbody>
        {rows.map((r, i) => (
          <tr>
            <th scope="row" id={`${kind}-${r.id}`} safe>
              {r.label}
            </th>
            <td>
              <div class="cluster">
                <a href={editorPaths.councilEntry(code, kind, r.id)} aria-describedby={`${kind}-${r.id}`} safe>
                  {canEdit ? t('admin.edit.tree.edit') : t('admin.edit.view')}
                </a>
                {canEdit && i > 0 ? (
                  <ButtonForm
                    ac={ac}
                    action={editorPaths.moveCouncilEntry(code, kind, r.id)}
                    label={t('admin.edit.tree.up')}
                    fields={{ direction: 'up', revision: String(r.revision) }}
                    describedBy={`${kind}-${r.id}`}
                  />
                ) : (
                  ''
                )}
                {canEdit && i < rows.length - 1 ? (
                  <ButtonForm
                    ac={ac}
                    action={editorPaths.moveCouncilEntry(code, kind, r.id)}
                    label={t('admin.edit.tree.down')}
                    fields={{ direction: 'down', revision: String(r.revision) }}
                    describedBy={`${kind}-${r.id}`}
                  />
                ) : (
                  ''
                )}
                {canEdit ? (
                  <a
                    href={editorPaths.deleteCouncilEntry(code, kind, r.id)}
                    class="danger-link"
                    aria-describedby={`${kind}-${r.id}`}
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
  );
  const addingOffice = props.adding?.kind === 'offices' ? props.adding : null;
  const addingContact = props.adding?.kind === 'contacts' ? props.adding : null;
  return (
    <AdminLayout ac={ac} title={title} crumbs={crumbs(ac, code, props.regionName)}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {textIn(ac, view.name)}
      </p>
      <DoneNotice ac={ac} done={props.done} />
      <ProblemNotice ac={ac} message={props.problem} />
      <h2 safe>{t('admin.edit.council.offices')}</h2>
      {list(
        'offices',
        view.offices.map((o) => ({ id: o.id, label: textIn(ac, o.name), revision: o.revision })),
      )}
      {canEdit ? (
        <details open={addingOffice !== null}>
          <summary safe>{t('admin.edit.council.addOffice')}</summary>
          <ErrorSummary ac={ac} errors={addingOffice?.errors ?? []} />
          <form method="post" action={editorPaths.councilList(code, 'offices')} class="stack" novalidate>
            <CsrfField ac={ac} />
            <OfficeFields
              ac={ac}
              form={addingOffice?.form ?? {}}
              errors={addingOffice?.errors ?? []}
              prefix="new-office."
            />
            <p>
              <button type="submit" class="button" safe>
                {t('admin.edit.council.addOffice')}
              </button>
            </p>
          </form>
        </details>
      ) : (
        ''
      )}
      <h2 safe>{t('admin.edit.council.contacts')}</h2>
      {list(
        'contacts',
        view.contacts.map((c) => ({ id: c.id, label: `${c.name} – ${textIn(ac, c.role)}`, revision: c.revision })),
      )}
      {canEdit ? (
        <details open={addingContact !== null}>
          <summary safe>{t('admin.edit.council.addContact')}</summary>
          <ErrorSummary ac={ac} errors={addingContact?.errors ?? []} />
          <form method="post" action={editorPaths.councilList(code, 'contacts')} class="stack" novalidate>
            <CsrfField ac={ac} />
            <ContactFields
              ac={ac}
              form={addingContact?.form ?? {}}
              errors={addingContact?.errors ?? []}
              prefix="new-contact."
            />
            <p>
              <button type="submit" class="button" safe>
                {t('admin.edit.council.addContact')}
              </button>
            </p>
          </form>
        </details>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

export interface CouncilEntryPageProps {
  ac: AdminRenderContext;
  code: string;
  regionName: string;
  kind: CouncilKind;
  entry: EditableOffice | EditableContact;
  canEdit: boolean;
  form: FormValues;
  errors: FieldError[];
  conflict: EditableOffice | EditableContact | null;
  problem: string | null;
}

/** The label of an office or contact form field (`name.sv` → "Toimipisteen nimi – ruotsi"). */
function fieldLabel(ac: AdminRenderContext, kind: CouncilKind, field: string): string {
  const [base, lang] = field.split('.') as [string, Lang | undefined];
  const keys: Record<string, MessageKey> =
    kind === 'offices'
      ? {
          name: 'admin.edit.office.name',
          kind: 'admin.edit.office.kind',
          visitingAddress: 'admin.edit.office.visitingAddress',
          postalAddress: 'admin.edit.office.postalAddress',
          hours: 'admin.edit.office.hours',
          phone: 'admin.edit.contact.phone',
          email: 'admin.edit.contact.email',
        }
      : {
          name: 'admin.edit.contact.name',
          role: 'admin.edit.contact.role',
          topic: 'admin.edit.contact.topic',
          phone: 'admin.edit.contact.phone',
          email: 'admin.edit.contact.email',
        };
  const label = keys[base] ? ac.t(keys[base]) : base;
  return lang ? `${label} – ${langName(ac, lang)}` : label;
}

/** The stored values of an office or contact as form values, for the conflict comparison. */
function comparable(kind: CouncilKind, entry: EditableOffice | EditableContact): Record<string, string> {
  return kind === 'offices' ? officeForm(entry as EditableOffice) : contactForm(entry as EditableContact);
}

export function CouncilEntryPage(props: CouncilEntryPageProps): JSX.Element {
  const { ac, code, kind, entry, form, errors, conflict } = props;
  const { t } = ac;
  const label = kind === 'offices' ? textIn(ac, (entry as EditableOffice).name) : (entry as EditableContact).name;
  const stored = conflict ? comparable(kind, conflict) : null;
  return (
    <AdminLayout
      ac={ac}
      title={label}
      crumbs={[...crumbs(ac, code, props.regionName), { href: editorPaths.councilEntry(code, kind, entry.id), label }]}
    >
      <h1 safe>{label}</h1>
      <ProblemNotice ac={ac} message={props.problem} />
      {stored ? (
        <ConflictComparison
          ac={ac}
          rows={Object.keys(stored)
            .filter((k) => k !== 'revision')
            .map((k) => ({ label: fieldLabel(ac, kind, k), stored: stored[k] ?? '', yours: formValue(form, k) }))}
        />
      ) : (
        ''
      )}
      <ErrorSummary ac={ac} errors={errors} />
      <form method="post" action={editorPaths.councilEntry(code, kind, entry.id)} class="stack" novalidate>
        <CsrfField ac={ac} />
        <input type="hidden" name="revision" value={formValue(form, 'revision')} />
        <fieldset class="plain" disabled={!props.canEdit}>
          <legend class="visually-hidden" safe>
            {label}
          </legend>
          {kind === 'offices' ? (
            <OfficeFields ac={ac} form={form} errors={errors} prefix="" />
          ) : (
            <ContactFields ac={ac} form={form} errors={errors} prefix="" />
          )}
        </fieldset>
        {props.canEdit ? (
          <p>
            <button type="submit" class="button" safe>
              {t('admin.edit.save')}
            </button>
          </p>
        ) : (
          ''
        )}
      </form>
    </AdminLayout>
  );
}
