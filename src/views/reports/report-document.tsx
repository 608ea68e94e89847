/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The annual monitoring report as one HTML document, the one source of the web page, the printout
 * and the PDF: title block (region, period, year, version in force, data vintage, checksum), table
 * of contents, summary, a section per theme with its priorities (indicators with status, reason,
 * chart and data table; projects started in the year; the financing plan of the year against money
 * granted), the changes to the programme approved in the year, sources and freshness, and the
 * appendix of every observation used. Only site-relative links and no request-specific bytes, so
 * the same data give the same document wherever it is made.
 */
import Html from '@kitajs/html';
import type { Observation } from '#src/domain/indicators/indicator.ts';
import type { FundMoney } from '#src/domain/reports/report-year.ts';
import { totalCents } from '#src/domain/reports/report-year.ts';
import { formatDate, formatPeriod } from '#src/i18n/format.ts';
import type { IndicatorView } from '#src/services/indicators/monitoring-reader.ts';
import type { ReportData, ReportNodeSection, ReportProject } from '#src/services/reports/report-data.ts';
import { formatEuros } from '../charts/format-money.ts';
import { Text } from '../components.tsx';
import { indicatorChart } from '../pages/indicator-chart.ts';
import { areaName, figureText, flagText, reasonOf, StatusCountsTable, StatusName } from '../pages/monitoring-parts.tsx';
import { fundName } from '../pages/project-page.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { PrintableDocument } from './printable-document.tsx';

export interface ReportDocumentProps {
  rc: RenderContext;
  data: ReportData;
  /** The report's stylesheet URL (`/assets/report.css?v=…`). */
  cssHref: string;
}

/** The file names beside a report's page (relative to it). */
export const REPORT_FILES = { pdf: 'report.pdf', csv: 'observations.csv', jsonstat: 'observations.json' } as const;

/** The title of the report in the document's language (also the PDF's title). */
export function reportTitle(rc: RenderContext, data: ReportData): string {
  return rc.t('reports.title', { programme: plain(rc, data.programme.title), year: data.year });
}

/** The running header of the PDF's pages. */
export function reportRunningHeader(rc: RenderContext, data: ReportData): string {
  return rc.t('reports.runningHeader', { region: plain(rc, data.region.name), year: data.year });
}

const nodeId = (key: string): string => `node-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function MoneyTable(props: {
  rc: RenderContext;
  id: string;
  caption: string;
  money: readonly FundMoney[];
}): JSX.Element {
  const { rc } = props;
  const { t, lang } = rc;
  return (
    <table class="data-table" id={props.id}>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('reports.col.fund')}
          </th>
          <th scope="col" class="num" safe>
            {t('reports.col.granted')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.money.map((m) => (
          <tr>
            <th scope="row" safe>
              {fundName(rc, m.fund)}
            </th>
            <td class="num" safe>
              {formatEuros(m.cents, lang)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" safe>
            {t('reports.col.total')}
          </th>
          <td class="num" safe>
            {formatEuros(totalCents(props.money), lang)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function ProjectsTable(props: {
  rc: RenderContext;
  id: string;
  caption: string;
  projects: readonly ReportProject[];
  regionSlug: string;
}): JSX.Element {
  const { rc } = props;
  const { t, lang } = rc;
  return (
    <table class="data-table" id={props.id}>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('reports.col.project')}
          </th>
          <th scope="col" safe>
            {t('reports.col.lead')}
          </th>
          <th scope="col" safe>
            {t('reports.col.start')}
          </th>
          <th scope="col" safe>
            {t('reports.col.end')}
          </th>
          <th scope="col" class="num" safe>
            {t('reports.col.granted')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.projects.map((p) => (
          <tr>
            <th scope="row">
              <a
                href={inLang(lang, `/${encodeURIComponent(props.regionSlug)}/projects/${encodeURIComponent(p.code)}/`)}
              >
                <Text rc={rc} text={p.name} />
              </a>{' '}
              <span class="code" safe>
                ({p.code})
              </span>
            </th>
            <td safe>{p.leadOrganisation ?? ''}</td>
            <td>{p.startDate ? formatDate(p.startDate, lang) : ''}</td>
            <td>{p.endDate ? formatDate(p.endDate, lang) : ''}</td>
            <td class="num" safe>
              {p.granted.length > 0
                ? p.granted.map((g) => `${fundName(rc, g.fund)} ${formatEuros(g.cents, lang)}`).join(', ')
                : formatEuros(0, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Shared {
  rc: RenderContext;
  data: ReportData;
  regionName: string;
  areaOf: (area: string) => string;
}

function IndicatorsBlock(props: Shared & { id: string; title: string; items: readonly IndicatorView[] }): JSX.Element {
  const { rc, data, items } = props;
  const { t } = rc;
  if (items.length === 0) return <p safe>{t('reports.indicators.none')}</p>;
  return (
    <>
      <table class="data-table indicator-table" id={`${props.id}-indicators`}>
        <caption safe>{t('reports.indicators.caption', { node: props.title, year: data.year })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('reports.col.indicator')}
            </th>
            <th scope="col" class="num" safe>
              {t('reports.col.figure')}
            </th>
            <th scope="col" safe>
              {t('reports.col.period')}
            </th>
            <th scope="col" safe>
              {t('reports.col.status')}
            </th>
            <th scope="col" safe>
              {t('reports.col.reason')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              <th scope="row">
                <Text rc={rc} text={item.indicator.name} />
              </th>
              <td class="num" safe>
                {item.latest
                  ? `${figureText(rc, item.latest, item.indicator.decimals)} ${plain(rc, item.indicator.unit)}`
                  : t('monitoringPages.noFigure')}
              </td>
              <td safe>{item.latest?.period ?? ''}</td>
              <td>
                <StatusName rc={rc} status={item.status} />
              </td>
              <td safe>{reasonOf(rc, item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.map((item) => (
        <IndicatorFigure {...props} item={item} id={`${props.id}-${item.indicator.code}`} />
      ))}
    </>
  );
}

function IndicatorFigure(props: Shared & { item: IndicatorView; id: string }): JSX.Element {
  const { rc, data, item } = props;
  const { t } = rc;
  const ind = item.indicator;
  const name = plain(rc, ind.name);
  const unit = plain(rc, ind.unit);
  const rows: Observation[] = [...item.series, ...item.countrySeries];
  const safeChart = indicatorChart(rc, item, { code: data.region.code, name: props.regionName }, `${props.id}-chart`);
  if (!safeChart || rows.length === 0)
    return (
      <p class="no-figures" safe>
        {t('reports.indicator.noFigures', { name, year: data.year })}
      </p>
    );
  return (
    <figure class="report-figure" id={props.id}>
      {safeChart}
      <figcaption safe>{`${name} (${unit})`}</figcaption>
      <table class="data-table" id={`${props.id}-data`}>
        <caption safe>{t('reports.indicator.tableCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('reports.col.area')}
            </th>
            <th scope="col" safe>
              {t('reports.col.period')}
            </th>
            <th scope="col" class="num" safe>
              {`${t('reports.col.value')} (${unit})`}
            </th>
            <th scope="col" safe>
              {t('reports.col.flag')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr>
              <th scope="row" safe>
                {props.areaOf(o.area)}
              </th>
              <td safe>{o.period}</td>
              <td class="num" safe>
                {figureText(rc, o, ind.decimals)}
              </td>
              <td safe>{flagText(rc, o)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function NodeMoney(props: Shared & { node: ReportNodeSection; title: string }): JSX.Element {
  const { rc, data, node } = props;
  const { t, lang } = rc;
  if (node.plan.length === 0) return <p safe>{t('reports.nodeMoney.none', { year: data.year })}</p>;
  return (
    <table class="data-table" id={`${nodeId(node.key)}-money`}>
      <caption safe>{t('reports.nodeMoney.caption', { node: props.title, year: data.year })}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('reports.col.fund')}
          </th>
          <th scope="col" class="num" safe>
            {t('reports.col.planned')}
          </th>
          <th scope="col" class="num" safe>
            {t('reports.col.granted')}
          </th>
          <th scope="col" class="num" safe>
            {t('reports.col.difference')}
          </th>
        </tr>
      </thead>
      <tbody>
        {node.plan.map((r) => (
          <tr>
            <th scope="row" safe>
              {fundName(rc, r.fund)}
            </th>
            <td class="num" safe>
              {formatEuros(r.plannedCents, lang)}
            </td>
            <td class="num" safe>
              {formatEuros(r.grantedCents, lang)}
            </td>
            <td class="num" safe>
              {formatEuros(r.grantedCents - r.plannedCents, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A theme (h2) or a priority (h3) with its indicators, projects started in the year and money. */
function NodeSection(props: Shared & { node: ReportNodeSection }): JSX.Element {
  const { rc, data, node } = props;
  const { t } = rc;
  const title = plain(rc, node.title);
  const id = nodeId(node.key);
  const heading = node.depth === 1 ? 'h2' : 'h3';
  return (
    <section class={node.depth === 1 ? 'report-theme' : 'report-priority'} aria-labelledby={`${id}-heading`}>
      <Text rc={rc} text={node.title} tag={heading} id={`${id}-heading`} />
      <IndicatorsBlock {...props} id={id} title={title} items={node.indicators} />
      {node.depth > 1 || node.children.length === 0 ? (
        <>
          {node.started.length > 0 ? (
            <ProjectsTable
              rc={rc}
              id={`${id}-projects`}
              caption={t('reports.projects.caption', { node: title, year: data.year })}
              projects={node.started}
              regionSlug={data.region.slug}
            />
          ) : (
            <p safe>{t('reports.projects.none', { year: data.year })}</p>
          )}
          <NodeMoney {...props} node={node} title={title} />
        </>
      ) : (
        ''
      )}
      {node.depth === 1 && node.children.length > 0 ? <NodeMoney {...props} node={node} title={title} /> : ''}
      {node.depth === 1 ? node.children.map((child) => <NodeSection {...props} node={child} />) : ''}
    </section>
  );
}

function Changes(props: Shared): JSX.Element {
  const { rc, data } = props;
  const { t, lang } = rc;
  if (data.changes.length === 0) return <p safe>{t('reports.changes.none', { year: data.year })}</p>;
  return (
    <>
      {data.changes.map((c) => {
        const kind = (k: string): string =>
          k === 'added'
            ? t('reports.changes.added')
            : k === 'removed'
              ? t('reports.changes.removed')
              : t('reports.changes.changed');
        return (
          <div class="report-change">
            <p safe>
              {t('reports.changes.version', {
                number: c.version,
                from: c.from,
                date: c.decision ? formatDate(c.decision.date, lang) : t('reports.unknown'),
                body: c.decision ? plain(rc, c.decision.body) : t('reports.unknown'),
              })}
            </p>
            <Text rc={rc} text={c.changelog} tag="p" />
            <p safe>{t('reports.changes.counts', { added: c.added, removed: c.removed, changed: c.changed })}</p>
            {c.nodes.length > 0 ? (
              <table class="data-table" id={`change-${c.version}`}>
                <caption safe>{t('reports.changes.caption', { number: c.version })}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t('reports.col.change')}
                    </th>
                    <th scope="col" safe>
                      {t('reports.col.item')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.nodes.map((n) => (
                    <tr>
                      <td safe>
                        {[
                          kind(n.kind),
                          n.retitled ? t('reports.changes.retitled') : '',
                          n.moved ? t('reports.changes.moved') : '',
                        ]
                          .filter((x) => x !== '')
                          .join(', ')}
                      </td>
                      <th scope="row">
                        <Text rc={rc} text={n.title} />
                      </th>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              ''
            )}
            <p class="screen-only">
              <a href={inLang(lang, paths.compare(data.region.slug, data.programme.slug, c.from, c.version))} safe>
                {t('reports.changes.compare', { from: c.from, to: c.version })}
              </a>
            </p>
          </div>
        );
      })}
    </>
  );
}

function Sources(props: Shared): JSX.Element {
  const { rc, data } = props;
  const { t, lang } = rc;
  if (data.sources.length === 0) return <p safe>{t('reports.sources.none')}</p>;
  const day = (iso: string | null): string => (iso ? formatDate(iso, lang) : t('reports.unknown'));
  return (
    <table class="data-table" id="report-sources">
      <caption safe>{t('reports.sources.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('reports.col.indicator')}
          </th>
          <th scope="col" safe>
            {t('reports.col.source')}
          </th>
          <th scope="col" safe>
            {t('reports.col.updated')}
          </th>
          <th scope="col" safe>
            {t('reports.col.retrieved')}
          </th>
          <th scope="col" safe>
            {t('reports.col.nextRelease')}
          </th>
          <th scope="col" class="num" safe>
            {t('reports.col.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.sources.map((s) => (
          <tr>
            <th scope="row">
              <Text rc={rc} text={s.name} />
            </th>
            <td>
              <Text rc={rc} text={s.organisation} />
              {Html.escapeHtml(`, ${s.table}${s.licence ? `, ${s.licence}` : ''}`)}
            </td>
            <td safe>{day(s.sourceUpdated)}</td>
            <td safe>{day(s.retrievedAt)}</td>
            <td safe>{day(s.nextReleaseDue)}</td>
            <td class="num" safe>
              {String(s.observations)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Appendix(props: Shared): JSX.Element {
  const { rc, data } = props;
  const { t } = rc;
  const byCode = new Map(data.sources.map((s) => [s.indicator, s]));
  const decimals = new Map(
    [...data.programmeIndicators, ...allSections(data.themes).flatMap((n) => n.indicators)].map((v) => [
      v.indicator.code,
      v.indicator.decimals,
    ]),
  );
  return (
    <>
      <p safe>{t('reports.appendix.intro')}</p>
      <ul>
        <li>
          <a href={REPORT_FILES.csv} type="text/csv" safe>
            {t('reports.appendix.csv')}
          </a>
        </li>
        <li>
          <a href={REPORT_FILES.jsonstat} type="application/json" safe>
            {t('reports.appendix.jsonstat')}
          </a>
        </li>
      </ul>
      {data.observations.length === 0 ? (
        <p safe>{t('reports.appendix.none')}</p>
      ) : (
        <table class="data-table appendix-table" id="report-observations">
          <caption safe>{t('reports.appendix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('reports.col.indicator')}
              </th>
              <th scope="col" safe>
                {t('reports.col.area')}
              </th>
              <th scope="col" safe>
                {t('reports.col.period')}
              </th>
              <th scope="col" class="num" safe>
                {t('reports.col.value')}
              </th>
              <th scope="col" safe>
                {t('reports.col.flag')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.observations.map((o) => (
              <tr>
                <th scope="row">
                  <Text rc={rc} text={byCode.get(o.indicator)?.name ?? { fi: o.indicator }} />
                </th>
                <td safe>{props.areaOf(o.area)}</td>
                <td safe>{o.period}</td>
                <td class="num" safe>
                  {figureText(rc, o, decimals.get(o.indicator) ?? 0)}
                </td>
                <td safe>{flagText(rc, o)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function allSections(nodes: readonly ReportNodeSection[]): ReportNodeSection[] {
  return nodes.flatMap((n) => [n, ...allSections(n.children)]);
}

function Contents(props: { rc: RenderContext; data: ReportData }): JSX.Element {
  const { rc, data } = props;
  const { t } = rc;
  const item = (href: string, label: string) => (
    <a href={href} safe>
      {label}
    </a>
  );
  return (
    <nav class="report-toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading" safe>
        {t('reports.toc')}
      </h2>
      <ol>
        <li>{item('#summary-heading', t('reports.summary.heading'))}</li>
        {data.programmeIndicators.length > 0 ? (
          <li>{item('#programme-indicators-heading', t('reports.programmeIndicators'))}</li>
        ) : (
          ''
        )}
        {data.themes.map((theme) => (
          <li>
            {item(`#${nodeId(theme.key)}-heading`, plain(rc, theme.title))}
            {theme.children.length > 0 ? (
              <ol>
                {theme.children.map((p) => (
                  <li>{item(`#${nodeId(p.key)}-heading`, plain(rc, p.title))}</li>
                ))}
              </ol>
            ) : (
              ''
            )}
          </li>
        ))}
        <li>{item('#changes-heading', t('reports.changes.heading', { year: data.year }))}</li>
        <li>{item('#sources-heading', t('reports.sources.heading'))}</li>
        <li>{item('#appendix-heading', t('reports.appendix.heading'))}</li>
      </ol>
    </nav>
  );
}

export function ReportDocument(props: ReportDocumentProps): JSX.Element {
  const { rc, data } = props;
  const { t, lang } = rc;
  const regionName = plain(rc, data.region.name);
  const shared: Shared = {
    rc,
    data,
    regionName,
    areaOf: (area) =>
      areaName(
        rc,
        area,
        { code: data.region.code, name: regionName },
        data.municipalities.map((m) => ({ ...m, regionCode: data.region.code, languages: 'fi', subregionCode: null })),
        data.subregions.map((s) => ({ ...s, regionCode: data.region.code })),
      ),
  };
  const title = reportTitle(rc, data);
  const s = data.summary;
  const v = data.version;
  const rest = paths.report(data.region.slug, data.programme.slug, data.year);
  // The body is rendered before the head, so the fallback flag is final when the note is decided.
  const safeBody = Html.contentsToString([
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" safe>
          {t('reports.summary.heading')}
        </h2>
        {data.hasDataForYear ? (
          ''
        ) : (
          <p class="no-data" role="note" safe>
            {t('reports.summary.noData', { year: data.year })}
          </p>
        )}
        <p safe>
          {t('reports.summary.indicators', { n: s.indicators, withYear: s.withFigureOfYear, year: data.year })}
        </p>
        <StatusCountsTable
          rc={rc}
          id="summary-counts"
          caption={t('reports.summary.countsCaption', { year: data.year })}
          counts={s.counts}
        />
        <p safe>
          {t('reports.summary.projects', {
            year: data.year,
            started: s.projectsStarted,
            ended: s.projectsEnded,
            active: s.projectsActive,
          })}
        </p>
        {s.granted.length > 0 ? (
          <MoneyTable
            rc={rc}
            id="summary-money"
            caption={t('reports.summary.moneyCaption', { year: data.year })}
            money={s.granted}
          />
        ) : (
          <p safe>{t('reports.money.none', { year: data.year })}</p>
        )}
      </section>
      {data.programmeIndicators.length > 0 ? (
        <section aria-labelledby="programme-indicators-heading">
          <h2 id="programme-indicators-heading" safe>
            {t('reports.programmeIndicators')}
          </h2>
          <IndicatorsBlock
            {...shared}
            id="programme"
            title={plain(rc, data.programme.title)}
            items={data.programmeIndicators}
          />
        </section>
      ) : (
        ''
      )}
      {data.themes.map((theme) => (
        <NodeSection {...shared} node={theme} />
      ))}
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading" safe>
          {t('reports.changes.heading', { year: data.year })}
        </h2>
        <Changes {...shared} />
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading" safe>
          {t('reports.sources.heading')}
        </h2>
        <Sources {...shared} />
      </section>
      <section aria-labelledby="appendix-heading" class="report-appendix">
        <h2 id="appendix-heading" safe>
          {t('reports.appendix.heading')}
        </h2>
        <Appendix {...shared} />
      </section>
    </>,
  ]);
  const safeNote = rc.fallbackUsed ? (
    <p class="translation-note" role="note" safe>
      {t('site.untranslated')}
    </p>
  ) : (
    ''
  );
  const asOf = data.asOf
    ? t('reports.asOf.date', { date: formatDate(data.asOf, lang) })
    : data.vintage.retrievedAt
      ? t('reports.asOf.stored', { retrieved: formatDate(data.vintage.retrievedAt, lang) })
      : t('reports.asOf.storedNone');
  return (
    <PrintableDocument
      rc={rc}
      title={title}
      description={t('reports.description', { programme: plain(rc, data.programme.title), year: data.year })}
      cssHref={props.cssHref}
      rest={rest}
      links={[
        {
          href: inLang(
            lang,
            paths.programme({ region: data.region.slug, programme: data.programme.slug, version: null }),
          ),
          label: t('reports.back'),
        },
        { href: REPORT_FILES.pdf, label: t('reports.pdfLink'), type: 'application/pdf' },
      ]}
    >
      <header class="report-title">
        <p class="eyebrow" safe>
          {regionName}
        </p>
        <h1 safe>{title}</h1>
        <dl class="report-facts">
          <dt safe>{t('reports.region')}</dt>
          <dd safe>{regionName}</dd>
          <dt safe>{t('reports.period')}</dt>
          <dd safe>{formatPeriod(data.programme.periodStart, data.programme.periodEnd)}</dd>
          <dt safe>{t('reports.year')}</dt>
          <dd safe>{String(data.year)}</dd>
          <dt safe>{t('reports.version')}</dt>
          <dd safe>
            {v && v.decision
              ? t('reports.version.value', {
                  number: v.number,
                  date: formatDate(v.decision.date, lang),
                  body: plain(rc, v.decision.body),
                })
              : t('reports.version.none')}
          </dd>
          <dt safe>{t('reports.asOf')}</dt>
          <dd safe>{asOf}</dd>
          <dt safe>{t('reports.checksum')}</dt>
          <dd class="checksum" safe>
            {data.checksum}
          </dd>
        </dl>
      </header>
      {safeNote}
      <Contents rc={rc} data={data} />
      {safeBody}
      <footer class="report-colophon">
        <p safe>{t('reports.colophon')}</p>
      </footer>
    </PrintableDocument>
  );
}
