/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The annual reports of a programme in the admin: for each year of the programme period, the PDF
 * of each language — current (made from today's data), out of date (the data changed since) or not
 * made — with its size and when it was made, links to the public report pages, and the "generate"
 * button that makes the year's report in Finnish, Swedish and English.
 */
import { LANGS } from '#src/domain/languages.ts';
import { formatDate } from '#src/i18n/format.ts';
import { CsrfField, Notice } from '../components.tsx';
import { AdminLayout, LANGUAGE_NAMES, type AdminRenderContext } from '../layout.tsx';

export interface ReportCell {
  lang: string;
  state: 'current' | 'stale' | 'missing';
  bytes: number | null;
  madeAt: string | null;
  /** The public report page and its PDF. */
  pageHref: string;
  pdfHref: string;
}

export interface ReportYearRow {
  year: number;
  cells: ReportCell[];
  generateAction: string;
}

export interface ReportsAdminPageProps {
  ac: AdminRenderContext;
  region: { code: string; name: string };
  programme: { slug: string; title: string };
  years: ReportYearRow[];
  canGenerate: boolean;
  /** The year just generated, for the notice. */
  done: number | null;
}

export function ReportsAdminPage(props: ReportsAdminPageProps): JSX.Element {
  const { ac, region, programme } = props;
  const { t, lang } = ac;
  const title = `${t('reports.admin.title')} – ${programme.title}`;
  const kb = (bytes: number): string =>
    new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, { maximumFractionDigits: 0 }).format(bytes / 1024);
  return (
    <AdminLayout
      ac={ac}
      title={title}
      section="indicators"
      crumbs={[{ href: '/admin', label: t('admin.nav.dashboard') }]}
    >
      <h1 safe>{title}</h1>
      <p safe>{t('reports.admin.intro', { region: region.name })}</p>
      {props.done !== null ? (
        <Notice kind="success">
          <p safe>{t('reports.admin.done', { year: props.done })}</p>
        </Notice>
      ) : (
        ''
      )}
      <table class="data-table" id="reports-table">
        <caption safe>{t('reports.admin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('reports.year')}
            </th>
            {LANGS.map((l) => (
              <th scope="col" safe>
                {LANGUAGE_NAMES[l]}
              </th>
            ))}
            {props.canGenerate ? (
              <th scope="col" safe>
                {t('reports.admin.action')}
              </th>
            ) : (
              ''
            )}
          </tr>
        </thead>
        <tbody>
          {props.years.map((row) => (
            <tr>
              <th scope="row" safe>
                {String(row.year)}
              </th>
              {row.cells.map((c) => (
                <td>
                  <span class={`report-state report-state-${c.state}`} safe>
                    {c.state === 'current'
                      ? t('reports.admin.current')
                      : c.state === 'stale'
                        ? t('reports.admin.stale')
                        : t('reports.admin.missing')}
                  </span>
                  {c.madeAt !== null && c.bytes !== null ? (
                    <span
                      safe
                    >{` ${t('reports.admin.made', { date: formatDate(c.madeAt, lang), size: kb(c.bytes) })}`}</span>
                  ) : (
                    ''
                  )}
                  <br />
                  <a href={c.pageHref}>HTML</a>
                  {' · '}
                  <a href={c.pdfHref}>PDF</a>
                </td>
              ))}
              {props.canGenerate ? (
                <td>
                  <form method="post" action={row.generateAction}>
                    <CsrfField ac={ac} />
                    <button type="submit" safe>
                      {t('reports.admin.generate', { year: row.year })}
                    </button>
                  </form>
                </td>
              ) : (
                ''
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
