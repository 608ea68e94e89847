/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The public list of a programme's annual monitoring reports: one entry per year of the programme
 * period up to the current year, with the report page in each language and its PDF.
 */
import { LANGS } from '#src/domain/languages.ts';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { LANGUAGE_NAMES } from '../layout.tsx';
import { MonitoringFrame } from '../pages/monitoring-frame.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { REPORT_FILES } from './report-document.tsx';

export interface ReportsPageProps {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  years: readonly number[];
}

export function ReportsPage(props: ReportsPageProps): JSX.Element {
  const { rc, region, programme } = props;
  const { t, lang } = rc;
  const rest = paths.reports(region.slug, programme.slug);
  return (
    <MonitoringFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[t('reports.list.title'), plain(rc, programme.title)]}
      description={t('reports.list.description')}
      rest={rest}
      trail={[{ href: inLang(lang, rest), label: t('reports.list.title') }]}
    >
      <h1 safe>{t('reports.list.title')}</h1>
      <p safe>{t('reports.list.intro')}</p>
      <ul class="report-list">
        {props.years.map((year) => {
          const page = paths.report(region.slug, programme.slug, year);
          return (
            <li>
              <a href={inLang(lang, page)} safe>
                {t('reports.list.year', { year })}
              </a>{' '}
              (
              {LANGS.map((l, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`${inLang(l, page)}${REPORT_FILES.pdf}`} hreflang={l} type="application/pdf" safe>
                    {t('reports.list.pdf', { lang: LANGUAGE_NAMES[l] })}
                  </a>
                </>
              ))}
              )
            </li>
          );
        })}
      </ul>
    </MonitoringFrame>
  );
}
