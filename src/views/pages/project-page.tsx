/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** A page per project: names, summary, organisations, municipalities, dates, status, funding lines and programme links. */
import { FUNDS } from '#src/domain/projects/funds.ts';
import type { StoredProject } from '#src/domain/projects/listing.ts';
import type { Municipality, ProgrammeSummary, Region, VersionContent } from '#src/domain/read-models.ts';
import { findByKey } from '#src/domain/tree.ts';
import { formatDate } from '#src/i18n/format.ts';
import { Breadcrumbs, Prose } from '../components.tsx';
import { formatEuros } from '../charts/format-money.ts';
import { Frame } from '../layout.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { regionCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';
import { projectPaths } from './project-urls.ts';

export interface ProjectPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  programme: ProgrammeSummary | null;
  /** The current version of the programme the project's links name (for titles and links). */
  content: VersionContent | null;
  municipalities: Municipality[];
  project: StoredProject;
}

export function fundName(rc: RenderContext, code: string): string {
  const fund = FUNDS.find((f) => f.code === code);
  return fund ? (fund.name[rc.lang] ?? fund.code) : code;
}

/** A funding period `2014-2020` in words: "EU structural funds, programme period 2014–2020". */
export function periodText(rc: RenderContext, period: string): string {
  const [from, to] = period.split('-');
  return rc.t('projects.period.value', { from: from ?? period, to: to ?? '' });
}

export function ProjectPage(props: ProjectPageProps): JSX.Element {
  const { rc, region, project: p, content } = props;
  const { t, lang } = rc;
  const name = shownRequired(rc, p.name);
  const rest = projectPaths.project(region.slug, p.code);
  const municipalityName = new Map(props.municipalities.map((m) => [m.code, plain(rc, m.name)]));
  const base = content ? { region: region.slug, programme: content.programme.slug, version: null } : null;
  const nodeLinks = p.nodes.flatMap((link) => {
    const node =
      content && base && link.programme === content.programme.slug ? findByKey(content.nodes, link.key) : null;
    return node && base
      ? [
          {
            href: inLang(lang, paths.node(base, node.path)),
            title: shownRequired(rc, node.title),
            primary: link.primary,
          },
        ]
      : [];
  });
  const termLinks = p.terms.flatMap((link) => {
    const taxonomy =
      content && link.programme === content.programme.slug
        ? content.taxonomies.find((x) => x.key === link.taxonomy)
        : undefined;
    const term = taxonomy?.terms.find((x) => x.key === link.term);
    return term && base && taxonomy
      ? [
          {
            href: inLang(lang, paths.term(base, taxonomy.key, term.key)),
            label: `${plain(rc, taxonomy.name)}: ${plain(rc, term.title)}`,
          },
        ]
      : [];
  });
  const total = (kind: string): number =>
    p.funding.filter((f) => f.kind === kind).reduce((s, f) => s + f.amountCents, 0);
  return (
    <Frame
      rc={rc}
      title={[name.text, t('projects.title'), plain(rc, region.name)]}
      description={plain(rc, p.summary) || `${p.code} · ${name.text}`}
      rest={rest}
      menu={regionMenu(rc, region, { programme: props.programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...regionCrumbs(rc, region),
          { href: inLang(lang, projectPaths.browser(region.slug)), label: t('projects.title') },
          { href: inLang(lang, rest), label: name.text, lang: name.lang },
        ]}
      />
      <p class="eyebrow" safe>
        {`${t('projects.code')} ${p.code}`}
      </p>
      <h1 lang={name.lang} safe>
        {name.text}
      </h1>
      <Prose rc={rc} text={p.summary} class="lead" />
      <dl class="facts">
        <dt safe>{t('projects.period')}</dt>
        <dd safe>{p.fundingPeriod ? periodText(rc, p.fundingPeriod) : t('projects.unknown')}</dd>
        <dt safe>{t('projects.status')}</dt>
        <dd safe>{t(`projects.status.${p.status}`)}</dd>
        <dt safe>{t('projects.dates')}</dt>
        <dd safe>
          {p.startDate === null && p.endDate === null
            ? t('projects.unknown')
            : `${p.startDate ? formatDate(p.startDate, lang) : '…'} – ${p.endDate ? formatDate(p.endDate, lang) : '…'}`}
        </dd>
        <dt safe>{t('projects.lead')}</dt>
        <dd safe>
          {p.leadOrganisation
            ? `${p.leadOrganisation.name}${p.leadOrganisation.businessId ? ` (${p.leadOrganisation.businessId})` : ''}`
            : t('projects.unknown')}
        </dd>
        {p.partners.length > 0 ? (
          <>
            <dt safe>{t('projects.partners')}</dt>
            <dd safe>{p.partners.map((o) => o.name).join(', ')}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('projects.municipalities')}</dt>
        <dd safe>
          {p.municipalities.length > 0
            ? p.municipalities.map((c) => municipalityName.get(c) ?? c).join(', ')
            : t('projects.unknown')}
        </dd>
      </dl>
      <section aria-labelledby="funding-heading">
        <h2 id="funding-heading" safe>
          {t('projects.funding')}
        </h2>
        {p.funding.length === 0 ? (
          <p safe>{t('projects.none.funding')}</p>
        ) : (
          <table class="data-table">
            <caption safe>{t('projects.funding')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('projects.fund')}
                </th>
                <th scope="col" safe>
                  {t('projects.kind')}
                </th>
                <th scope="col" safe>
                  {t('projects.year')}
                </th>
                <th scope="col" class="num" safe>
                  {t('projects.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.funding.map((f) => (
                <tr>
                  <th scope="row" safe>
                    {fundName(rc, f.fund)}
                  </th>
                  <td safe>{t(`projects.kind.${f.kind}`)}</td>
                  <td safe>{f.year === null ? '–' : String(f.year)}</td>
                  <td class="num" safe>
                    {formatEuros(f.amountCents, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {(['granted', 'paid'] as const).map((kind) => (
                <tr>
                  <th scope="row" colspan="3" safe>
                    {`${t('projects.total')}: ${t(`projects.kind.${kind}`)}`}
                  </th>
                  <td class="num" safe>
                    {formatEuros(total(kind), lang)}
                  </td>
                </tr>
              ))}
            </tfoot>
          </table>
        )}
      </section>
      {nodeLinks.length === 0 && content ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading" safe>
            {t('projects.links')}
          </h2>
          <p class="not-linked" safe>
            {t('projects.notLinked', { programme: plain(rc, content.programme.title) })}
          </p>
        </section>
      ) : (
        ''
      )}
      {nodeLinks.length > 0 ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading" safe>
            {t('projects.links')}
          </h2>
          <ul class="plain-list">
            {nodeLinks.map((l) => (
              <li>
                <a href={l.href} lang={l.title.lang} safe>
                  {l.title.text}
                </a>
                {l.primary ? <span safe>{` (${t('projects.primary')})`}</span> : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {termLinks.length > 0 ? (
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" safe>
            {t('projects.terms')}
          </h2>
          <ul class="tag-list">
            {termLinks.map((l) => (
              <li>
                <a href={l.href} safe>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <p>
        <a href={inLang(lang, projectPaths.browser(region.slug))} safe>
          {t('projects.title')}
        </a>
      </p>
    </Frame>
  );
}
