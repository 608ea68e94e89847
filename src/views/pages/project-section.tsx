/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The "projects" section of a priority or term page: the count, the first projects and money by fund, with a link to all of them. */
import type { ProjectSection as Section } from '#src/domain/projects/listing.ts';
import { formatEuros } from '../charts/format-money.ts';
import { shownRequired, type RenderContext } from '../render-context.ts';
import { inLang } from '../urls.ts';
import { fundName, periodText } from './project-page.tsx';
import { projectPaths } from './project-urls.ts';

export function ProjectSection(props: { rc: RenderContext; region: string; section: Section }): JSX.Element {
  const { rc, region, section } = props;
  const { t, lang } = rc;
  const { totals } = section;
  return (
    <section aria-labelledby="projects-heading" class="project-section">
      <h2 id="projects-heading" safe>
        {t('projects.section')}
      </h2>
      <p safe>{t('projects.section.count', { n: totals.count })}</p>
      {section.projects.length > 0 ? (
        <ul class="plain-list">
          {section.projects.map((p) => {
            const name = shownRequired(rc, p.name);
            return (
              <li>
                <a href={inLang(lang, projectPaths.project(region, p.code))} lang={name.lang} safe>
                  {name.text}
                </a>
              </li>
            );
          })}
        </ul>
      ) : (
        ''
      )}
      {totals.byFund.length > 0 ? <FundMoneyTable rc={rc} caption={t('projects.byFund')} rows={totals.byFund} /> : ''}
      {totals.count > 0 ? (
        <p>
          <a href={inLang(lang, projectPaths.browser(region, section.filter))} safe>
            {t('projects.section.all', { n: totals.count })}
          </a>
        </p>
      ) : (
        ''
      )}
      {section.proposed && section.proposed.projects.length > 0 ? (
        <section aria-labelledby="proposed-heading" class="project-proposals">
          <h3 id="proposed-heading" safe>
            {t('projects.proposed')}
          </h3>
          <p class="hint" safe>
            {t('projects.proposed.intro')}
          </p>
          <ul class="plain-list">
            {section.proposed.projects.map((p) => {
              const name = shownRequired(rc, p.name);
              return (
                <li>
                  <a href={inLang(lang, projectPaths.project(region, p.code))} lang={name.lang} safe>
                    {name.text}
                  </a>
                  {p.fundingPeriod ? <span safe>{` (${periodText(rc, p.fundingPeriod)})`}</span> : ''}
                </li>
              );
            })}
          </ul>
        </section>
      ) : (
        ''
      )}
    </section>
  );
}

/** Granted and paid money by fund as a data table; with `fundLink`, each fund links to its projects. */
export function FundMoneyTable(props: {
  rc: RenderContext;
  caption: string;
  rows: readonly { fund: string; grantedCents: number; paidCents: number }[];
  id?: string;
  fundLink?: (fund: string) => string;
}): JSX.Element {
  const { rc, caption, rows, id, fundLink } = props;
  const { t, lang } = rc;
  return (
    <table class="data-table" id={id}>
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('projects.fund')}
          </th>
          <th scope="col" class="num" safe>
            {t('projects.kind.granted')}
          </th>
          <th scope="col" class="num" safe>
            {t('projects.kind.paid')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">
              {fundLink ? (
                <a href={fundLink(r.fund)} safe>
                  {fundName(rc, r.fund)}
                </a>
              ) : (
                <span safe>{fundName(rc, r.fund)}</span>
              )}
            </th>
            <td class="num" safe>
              {formatEuros(r.grantedCents, lang)}
            </td>
            <td class="num" safe>
              {formatEuros(r.paidCents, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
