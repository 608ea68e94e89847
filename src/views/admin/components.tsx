/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * Building blocks of admin forms and lists: the CSRF field, an error summary linked to the
 * fields, labelled inputs with hints and errors, notices, a pager and the admin error page.
 */
import Html from '@kitajs/html';
import { AdminLayout, type AdminRenderContext } from './layout.tsx';

/** A problem with one form field; `field` is the input's name. */
export interface FieldError {
  field: string;
  message: string;
}

/** The id of the input named `name` (error summaries link to it). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** The hidden `_csrf` field every state-changing form must carry. */
export function CsrfField({ ac }: { ac: AdminRenderContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={ac.csrfToken} />;
}

/** The list of a form's errors at its top, each linking to its field; focusable as the page's first stop. */
export function ErrorSummary({ ac, errors }: { ac: AdminRenderContext; errors: readonly FieldError[] }): JSX.Element {
  if (errors.length === 0) return '';
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title" safe>
        {ac.t('admin.errorSummary')}
      </h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`} safe>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ac: AdminRenderContext;
  name: string;
  label: string;
  value?: string | null | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** The language of the value (e.g. a Swedish title field). */
  lang?: string | undefined;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function LabelAndNotes(props: {
  ac: AdminRenderContext;
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
}): JSX.Element {
  return (
    <>
      <label for={props.id}>
        {Html.escapeHtml(props.label)}
        {props.required ? <span class="required" safe>{` (${props.ac.t('admin.required')})`}</span> : ''}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.error ? (
        <p class="field-error-message" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'url' | 'number';
    autocomplete?: string;
    maxlength?: number;
  },
): JSX.Element {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <LabelAndNotes
        ac={props.ac}
        id={id}
        label={props.label}
        hint={props.hint}
        error={props.error}
        required={props.required}
      />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value === null || props.value === undefined ? undefined : Html.escapeHtml(props.value)}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }): JSX.Element {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <LabelAndNotes
        ac={props.ac}
        id={id}
        label={props.label}
        hint={props.hint}
        error={props.error}
        required={props.required}
      />
      <textarea
        id={id}
        name={props.name}
        rows={String(props.rows ?? 6)}
        required={props.required}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: readonly SelectOption[] }): JSX.Element {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <LabelAndNotes
        ac={props.ac}
        id={id}
        label={props.label}
        hint={props.hint}
        error={props.error}
        required={props.required}
      />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option value={Html.escapeHtml(o.value)} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A status message: success and info are announced politely, errors assertively. */
export function Notice(props: { kind: 'success' | 'error' | 'info'; children?: Html.Children }): JSX.Element {
  const safeBody = Html.contentsToString([props.children]);
  return (
    <div class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {safeBody}
    </div>
  );
}

/** Previous / next page links of a long list. */
export function Pager(props: {
  ac: AdminRenderContext;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}): JSX.Element {
  if (props.pages <= 1) return '';
  const { t } = props.ac;
  return (
    <nav class="admin-pager" aria-label={t('admin.pager.label')}>
      <ul class="cluster">
        {props.page > 1 ? (
          <li>
            <a href={Html.escapeHtml(props.hrefFor(props.page - 1))} rel="prev" safe>
              {t('admin.pager.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li aria-current="page" safe>
          {t('admin.pager.position', { page: props.page, pages: props.pages })}
        </li>
        {props.page < props.pages ? (
          <li>
            <a href={Html.escapeHtml(props.hrefFor(props.page + 1))} rel="next" safe>
              {t('admin.pager.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** Which error text to show: an HTTP status, a rejected CSRF token, or a request from another site. */
export type AdminErrorKind = '400' | '401' | '403' | 'csrf' | 'crossSite' | '404' | '409' | '429' | '500' | '503';

export function AdminErrorPage(props: {
  ac: AdminRenderContext;
  kind: AdminErrorKind;
  retryAfterSeconds?: number;
  detail?: string | undefined;
}): JSX.Element {
  const { ac, kind } = props;
  const { t } = ac;
  const title = t(`admin.error.${kind}.title`);
  return (
    <AdminLayout ac={ac} title={title}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {t(`admin.error.${kind}.text`, { seconds: props.retryAfterSeconds ?? 60 })}
      </p>
      {props.detail ? <p safe>{t('admin.error.details', { message: props.detail })}</p> : ''}
      {kind === '401' ? (
        <p>
          <a class="button" href="/admin/login" safe>
            {t('admin.login.title')}
          </a>
        </p>
      ) : (
        <p>
          <a href="/admin" safe>
            {t('admin.error.back')}
          </a>
        </p>
      )}
    </AdminLayout>
  );
}
