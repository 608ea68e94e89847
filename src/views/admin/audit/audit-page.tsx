/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The audit log of a region: filters (user, action, entity type, dates), a paged table and a CSV link. */
import Html from '@kitajs/html';
import type { AuditEntry } from '#src/domain/audit.ts';
import { ErrorSummary, errorFor, Pager, SelectField, TextField, type FieldError } from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';

/** The filter as typed in the form (strings; '' = any). */
export interface AuditFilterValues {
  region: string;
  user: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}

export interface AuditPageProps {
  ac: AdminRenderContext;
  region: { code: string; name: string };
  adminRegions: { code: string; name: string }[];
  values: AuditFilterValues;
  errors: FieldError[];
  choices: { users: { userId: number; actor: string }[]; actions: string[]; entityTypes: string[] };
  entries: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  /** The CSV export of exactly this filter. */
  csvHref: string;
  pageHref: (page: number) => string;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}

export function AuditPage(props: AuditPageProps): JSX.Element {
  const { ac, values, errors, choices } = props;
  const { t } = ac;
  const any = { value: '', label: t('admin.audit.any') };
  const title = `${t('admin.audit.title')}: ${props.region.name}`;
  return (
    <AdminLayout ac={ac} title={title} section="audit">
      <h1 safe>{title}</h1>
      <p safe>{t('admin.audit.intro', { region: props.region.name })}</p>
      <ErrorSummary ac={ac} errors={errors} />
      <form method="get" action="/admin/audit" class="filters" aria-labelledby="audit-filters">
        <h2 id="audit-filters" safe>
          {t('admin.audit.filters')}
        </h2>
        <div class="filter-grid">
          {props.adminRegions.length > 1 ? (
            <SelectField
              ac={ac}
              name="region"
              label={t('admin.users.region')}
              value={values.region}
              options={props.adminRegions.map((r) => ({ value: r.code, label: r.name }))}
            />
          ) : (
            <input type="hidden" name="region" value={values.region} />
          )}
          <SelectField
            ac={ac}
            name="user"
            label={t('admin.audit.user')}
            value={values.user}
            options={[any, ...choices.users.map((u) => ({ value: String(u.userId), label: u.actor }))]}
          />
          <SelectField
            ac={ac}
            name="action"
            label={t('admin.audit.action')}
            value={values.action}
            options={[any, ...choices.actions.map((a) => ({ value: a, label: a }))]}
          />
          <SelectField
            ac={ac}
            name="entity"
            label={t('admin.audit.entityType')}
            value={values.entity}
            options={[any, ...choices.entityTypes.map((e) => ({ value: e, label: e }))]}
          />
          <TextField
            ac={ac}
            name="from"
            label={t('admin.audit.from')}
            hint={t('admin.audit.dateHint')}
            value={values.from}
            error={errorFor(errors, 'from')}
          />
          <TextField
            ac={ac}
            name="to"
            label={t('admin.audit.to')}
            hint={t('admin.audit.dateHint')}
            value={values.to}
            error={errorFor(errors, 'to')}
          />
        </div>
        <p class="cluster">
          <button type="submit" class="button" safe>
            {t('admin.audit.apply')}
          </button>
          {errors.length === 0 ? (
            <a href={Html.escapeHtml(props.csvHref)} download="audit.csv" safe>
              {t('admin.audit.csv')}
            </a>
          ) : (
            ''
          )}
        </p>
      </form>
      <p role="status" safe>
        {t('admin.audit.count', { n: props.total })}
      </p>
      {props.entries.length === 0 ? (
        <p safe>{t('admin.audit.none')}</p>
      ) : (
        <table class="table audit-table">
          <caption class="visually-hidden" safe>
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('admin.audit.at')}
              </th>
              <th scope="col" safe>
                {t('admin.audit.actor')}
              </th>
              <th scope="col" safe>
                {t('admin.audit.action')}
              </th>
              <th scope="col" safe>
                {t('admin.audit.entity')}
              </th>
              <th scope="col" safe>
                {t('admin.audit.summary')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr>
                <td>
                  <time datetime={e.at} safe>
                    {e.at.replace('T', ' ').slice(0, 19)}
                  </time>
                </td>
                <td safe>{e.actor}</td>
                <td>
                  <code safe>{e.action}</code>
                </td>
                <td safe>{`${e.entityType}: ${e.entityId}`}</td>
                <td>
                  <span class="audit-summary" safe>
                    {e.summary}
                  </span>
                  {e.before !== null || e.after !== null ? (
                    <details>
                      <summary safe>{t('admin.audit.details')}</summary>
                      <h3 safe>{t('admin.audit.before')}</h3>
                      <pre safe>{json(e.before)}</pre>
                      <h3 safe>{t('admin.audit.after')}</h3>
                      <pre safe>{json(e.after)}</pre>
                    </details>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager ac={ac} page={props.page} pages={props.pages} hrefFor={props.pageHref} />
    </AdminLayout>
  );
}
