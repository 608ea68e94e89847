/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The project browser: a GET form of labelled filters (every state is a shareable URL), the result
 * count, a page of projects, page links, and downloads of exactly the current filter.
 */
import Html from '@kitajs/html';
import type { ProjectListItem } from '#src/domain/projects/listing.ts';
import { FUNDS } from '#src/domain/projects/funds.ts';
import { PROJECT_STATUSES } from '#src/domain/projects/status.ts';
import type { Municipality, ProgrammeSummary, Region, VersionContent } from '#src/domain/read-models.ts';
import { formatDate, formatNumber } from '#src/i18n/format.ts';
import { Breadcrumbs } from '../components.tsx';
import { formatEuros } from '../charts/format-money.ts';
import { Frame } from '../layout.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { regionCrumbs, regionMenu } from '../site-nav.ts';
import { inLang } from '../urls.ts';
import { periodText } from './project-page.tsx';
import { projectPaths, queryString } from './project-urls.ts';

export interface ProjectsPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  programme: ProgrammeSummary | null;
  /** The programme's current version, for the theme, priority and term choices. */
  content: VersionContent | null;
  municipalities: Municipality[];
  /** Every municipality, for the names of those a project names outside the region. */
  allMunicipalities: Municipality[];
  /** The filter as query parameters, in a fixed order (what the links keep). */
  params: [string, string][];
  sort: string;
  size: number;
  /** The page size used when none is given (left out of links). */
  defaultSize: number;
  result: { total: number; page: number; pages: number; projects: ProjectListItem[] };
}

interface Choice {
  value: string;
  label: string;
}

function Select(props: {
  rc: RenderContext;
  name: string;
  label: string;
  choices: Choice[];
  value: string | undefined;
  any?: boolean;
}): JSX.Element {
  const id = `filter-${props.name}`;
  return (
    <div class="filter-field">
      <label for={id} safe>
        {props.label}
      </label>
      <select id={id} name={props.name}>
        {props.any === false ? (
          ''
        ) : (
          <option value="" safe>
            {props.rc.t('projects.any')}
          </option>
        )}
        {props.choices.map((c) => (
          <option value={Html.escapeHtml(c.value)} selected={c.value === props.value} safe>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function dates(rc: RenderContext, start: string | null, end: string | null): string {
  if (start === null && end === null) return rc.t('projects.unknown');
  return `${start ? formatDate(start, rc.lang) : '…'} – ${end ? formatDate(end, rc.lang) : '…'}`;
}

/** Page links: previous, a window of numbers around this page, first and last, next. */
function Pagination(props: {
  rc: RenderContext;
  href: (page: number) => string;
  page: number;
  pages: number;
}): JSX.Element {
  const { rc, page, pages } = props;
  if (pages <= 1) return '';
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={rc.t('projects.pages')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={props.href(page - 1)} rel="prev" safe>
              {rc.t('projects.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {numbers.map((n) =>
          n === page ? (
            <li>
              <a
                href={props.href(n)}
                aria-current="page"
                aria-label={Html.escapeHtml(rc.t('projects.page', { n }))}
                safe
              >
                {formatNumber(n, rc.lang)}
              </a>
            </li>
          ) : (
            <li>
              <a href={props.href(n)} aria-label={Html.escapeHtml(rc.t('projects.page', { n }))} safe>
                {formatNumber(n, rc.lang)}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={props.href(page + 1)} rel="next" safe>
              {rc.t('projects.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

export function ProjectsPage(props: ProjectsPageProps): JSX.Element {
  const { rc, region, content, params, result } = props;
  const { t, lang } = rc;
  const regionName = plain(rc, region.name);
  const value = (name: string): string | undefined => params.find(([k]) => k === name)?.[1];
  const nodesAt = (depth: number): Choice[] => {
    const out: Choice[] = [];
    const walk = (nodes: VersionContent['nodes']): void => {
      for (const n of nodes) {
        if (n.depth === depth) out.push({ value: n.key, label: plain(rc, n.title) });
        else walk(n.children);
      }
    };
    walk(content?.nodes ?? []);
    return out;
  };
  const terms: Choice[] = (content?.taxonomies ?? []).flatMap((tx) =>
    tx.terms.map((term) => ({
      value: `${tx.key}/${term.key}`,
      label: `${plain(rc, tx.name)}: ${plain(rc, term.title)}`,
    })),
  );
  const municipalityName = new Map(props.allMunicipalities.map((m) => [m.code, plain(rc, m.name)]));
  const mainProgramme = props.programme ? plain(rc, props.programme.title) : null;
  const withPage = (page: number): [string, string][] => {
    const extra: [string, string][] = [];
    if (props.sort !== 'name') extra.push(['sort', props.sort]);
    if (props.size !== props.defaultSize) extra.push(['size', String(props.size)]);
    if (page > 1) extra.push(['page', String(page)]);
    return [...params, ...extra];
  };
  const exportParams: [string, string][] = props.sort !== 'name' ? [...params, ['sort', props.sort]] : params;
  const rest = projectPaths.browser(region.slug);
  const name = shownRequired(rc, region.name);
  return (
    <Frame
      rc={rc}
      title={[t('projects.title'), regionName]}
      description={t('projects.description', { region: regionName })}
      rest={rest}
      query={queryString(withPage(result.page))}
      noindex={params.length > 0 || result.page > 1}
      menu={regionMenu(rc, region, { programme: props.programme, hasContact: props.hasContact, place: 'projects' })}
    >
      <Breadcrumbs
        rc={rc}
        items={[...regionCrumbs(rc, region), { href: inLang(lang, rest), label: t('projects.title') }]}
      />
      <h1 safe>{t('projects.title')}</h1>
      <p class="lead" lang={name.lang} safe>
        {t('projects.description', { region: name.text })}
      </p>
      {props.programme ? (
        <p>
          <a href={inLang(lang, projectPaths.funding(region.slug, props.programme.slug))} safe>
            {t('funding.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form class="project-filters" method="get" action={inLang(lang, rest)}>
        <fieldset>
          <legend safe>{t('projects.filters')}</legend>
          <div class="filter-grid">
            <Select
              rc={rc}
              name="theme"
              label={t('projects.filter.theme')}
              choices={nodesAt(1)}
              value={value('theme')}
            />
            <Select
              rc={rc}
              name="priority"
              label={t('projects.filter.priority')}
              choices={nodesAt(2)}
              value={value('priority')}
            />
            <Select rc={rc} name="term" label={t('projects.filter.term')} choices={terms} value={value('term')} />
            <Select
              rc={rc}
              name="municipality"
              label={t('projects.filter.municipality')}
              choices={props.municipalities.map((m) => ({ value: m.code, label: plain(rc, m.name) }))}
              value={value('municipality')}
            />
            <Select
              rc={rc}
              name="fund"
              label={t('projects.filter.fund')}
              choices={FUNDS.map((f) => ({ value: f.code, label: f.name[lang] ?? f.code }))}
              value={value('fund')}
            />
            <Select
              rc={rc}
              name="status"
              label={t('projects.filter.status')}
              choices={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
              value={value('status')}
            />
            <div class="filter-field">
              <label for="filter-from_year" safe>
                {t('projects.filter.fromYear')}
              </label>
              <input
                id="filter-from_year"
                name="from_year"
                type="number"
                inputmode="numeric"
                min="1900"
                max="2100"
                value={Html.escapeHtml(value('from_year') ?? '')}
              />
            </div>
            <div class="filter-field">
              <label for="filter-to_year" safe>
                {t('projects.filter.toYear')}
              </label>
              <input
                id="filter-to_year"
                name="to_year"
                type="number"
                inputmode="numeric"
                min="1900"
                max="2100"
                value={Html.escapeHtml(value('to_year') ?? '')}
              />
            </div>
            <div class="filter-field filter-wide">
              <label for="filter-q" safe>
                {t('projects.filter.q')}
              </label>
              <input
                id="filter-q"
                name="q"
                type="search"
                maxlength="200"
                aria-describedby="filter-q-hint"
                value={Html.escapeHtml(value('q') ?? '')}
              />
              <p id="filter-q-hint" class="hint" safe>
                {t('projects.filter.hint')}
              </p>
            </div>
            <Select
              rc={rc}
              name="sort"
              label={t('projects.filter.sort')}
              any={false}
              choices={(['name', 'start', 'code'] as const).map((s) => ({ value: s, label: t(`projects.sort.${s}`) }))}
              value={props.sort}
            />
          </div>
          <p class="filter-actions">
            <button type="submit" class="button" safe>
              {t('projects.apply')}
            </button>{' '}
            <a href={inLang(lang, rest)} safe>
              {t('projects.clear')}
            </a>
          </p>
        </fieldset>
      </form>
      <section aria-labelledby="results-heading" class="results">
        <h2 id="results-heading" aria-live="polite" safe>
          {result.total === 0 ? t('projects.none') : t('projects.count', { n: result.total })}
        </h2>
        <p class="downloads">
          <span safe>{t('projects.download')}:</span>{' '}
          <a href={inLang(lang, projectPaths.csv(region.slug, exportParams))} type="text/csv" safe>
            {t('projects.csv')}
          </a>
          {' · '}
          <a href={inLang(lang, projectPaths.json(region.slug, exportParams))} type="application/json" safe>
            {t('projects.json')}
          </a>
        </p>
        {result.projects.length > 0 ? (
          <ol class="result-list project-list" start={String((result.page - 1) * props.size + 1)}>
            {result.projects.map((p) => {
              const shown = shownRequired(rc, p.name);
              return (
                <li>
                  <a href={inLang(lang, projectPaths.project(region.slug, p.code))} lang={shown.lang} safe>
                    {shown.text}
                  </a>
                  <p class="eyebrow" safe>
                    {`${p.code} · ${t(`projects.status.${p.status}`)} · ${dates(rc, p.startDate, p.endDate)}`}
                  </p>
                  {p.fundingPeriod || (!p.linked && mainProgramme) ? (
                    <p class="project-period" safe>
                      {[
                        p.fundingPeriod ? periodText(rc, p.fundingPeriod) : '',
                        !p.linked && mainProgramme ? t('projects.notLinked', { programme: mainProgramme }) : '',
                      ]
                        .filter((s) => s)
                        .join(' · ')}
                    </p>
                  ) : (
                    ''
                  )}
                  <p safe>
                    {[
                      p.leadOrganisation,
                      p.municipalities.map((c) => municipalityName.get(c) ?? c).join(', '),
                      `${t('projects.kind.granted')} ${formatEuros(p.grantedCents, lang)}`,
                    ]
                      .filter((s) => s)
                      .join(' · ')}
                  </p>
                </li>
              );
            })}
          </ol>
        ) : (
          ''
        )}
        <Pagination
          rc={rc}
          page={result.page}
          pages={result.pages}
          href={(n) => inLang(lang, projectPaths.browser(region.slug, withPage(n)))}
        />
      </section>
    </Frame>
  );
}
