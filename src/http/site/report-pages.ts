/**
 * The annual monitoring report on the site and on the command line: the report document (one HTML
 * source for the web page, the printout and the PDF), the list of a programme's reports, and the
 * observations the report used as CSV and JSON-stat 2.0 files beside it.
 */
import { notFound } from '#src/domain/errors.ts';
import type { Lang } from '#src/domain/languages.ts';
import { indicatorCollectionJson, indicatorDatasetJson } from '#src/domain/indicators/jsonstat-export.ts';
import { translator } from '#src/i18n/index.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { buildReportData, type ReportData, type ReportRequest } from '#src/services/reports/report-data.ts';
import type { RenderContext } from '#src/views/render-context.ts';
import { ReportDocument, reportRunningHeader, reportTitle } from '#src/views/reports/report-document.tsx';
import { ReportsPage } from '#src/views/reports/reports-page.tsx';
import { observationsCsv } from '../api/indicators-csv.ts';
import { areaNamer } from '../api/present-indicator.ts';
import { assets, chromeFor } from './assets.ts';
import { regionBySlug, type PageRequest } from './pages.ts';
import { renderPage } from './render.ts';

export interface ReportHtml {
  html: string;
  data: ReportData;
  title: string;
  runningHeader: string;
}

/** The render context of a report: no base URL, so the document carries no host. */
function reportContext(lang: Lang): RenderContext {
  return { lang, t: translator(lang), chrome: chromeFor(''), fallbackUsed: false };
}

/** The report's HTML document in `lang` from its data. */
export function renderReportHtml(data: ReportData, lang: Lang): ReportHtml {
  const rc = reportContext(lang);
  const html = ReportDocument({ rc, data, cssHref: assets().get('report.css')!.href });
  if (typeof html !== 'string') throw new Error('The report view returned a promise; views must be synchronous');
  return { html, data, title: reportTitle(rc, data), runningHeader: reportRunningHeader(rc, data) };
}

/** Builds the report's data and its HTML document. */
export async function reportHtml(ctx: AppContext, request: ReportRequest, lang: Lang): Promise<ReportHtml> {
  return renderReportHtml(await buildReportData(ctx, request), lang);
}

function namesOf(data: ReportData, lang: Lang) {
  return areaNamer(
    lang,
    [data.region],
    data.municipalities.map((m) => ({ ...m, regionCode: data.region.code, languages: 'fi', subregionCode: null })),
    data.subregions.map((s) => ({ ...s, regionCode: data.region.code })),
  );
}

/** The observations the report used, as CSV (the API's observation columns). */
export function reportObservationsCsv(data: ReportData, lang: Lang): string {
  return observationsCsv(data.indicators, lang, namesOf(data, lang));
}

/** The observations the report used, as a JSON-stat 2.0 collection of one dataset per indicator. */
export function reportObservationsJsonStat(data: ReportData, lang: Lang): string {
  const areaName = namesOf(data, lang);
  const withData = data.indicators.filter((iv) => iv.observations.length > 0);
  const datasets = withData.map((iv) =>
    indicatorDatasetJson(iv.indicator, iv.observations, {
      lang,
      areaName,
      generatedAt: iv.retrievedAt ?? data.vintage.retrievedAt ?? `${data.year}-12-31T00:00:00Z`,
    }),
  );
  const t = translator(lang);
  const label = t('reports.title', {
    programme: data.programme.title[lang] ?? data.programme.title.fi ?? '',
    year: data.year,
  });
  return indicatorCollectionJson(
    label,
    datasets,
    data.vintage.sourceUpdated ?? data.vintage.retrievedAt ?? `${data.year}-12-31T00:00:00Z`,
  );
}

/** The region and programme of a report address; a programme without a current version is not found. */
export async function reportTarget(
  ctx: AppContext,
  regionSlug: string,
  programmeSlug: string,
  year?: string,
): Promise<{ regionCode: string; programmeSlug: string; year: number }> {
  const region = await regionBySlug(ctx, regionSlug);
  const programme = region.programmes.find((p) => p.slug === programmeSlug && p.currentVersion !== null);
  if (!programme) throw notFound(`Reports of programme "${programmeSlug}"`);
  let y = 0;
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year) || !reportYears(programme, currentYear(ctx)).includes(Number(year)))
      throw notFound(`The report for "${year}" of programme "${programmeSlug}"`);
    y = Number(year);
  }
  return { regionCode: region.code, programmeSlug: programme.slug, year: y };
}

const currentYear = (ctx: AppContext): number => (ctx.clock?.() ?? new Date()).getUTCFullYear();

/** The years a programme has reports for: its period, up to the current year. */
export function reportYears(programme: { periodStart: number; periodEnd: number }, thisYear: number): number[] {
  const years: number[] = [];
  for (let y = programme.periodStart; y <= Math.min(programme.periodEnd, thisYear); y++) years.push(y);
  return years;
}

/** The list of a programme's reports. */
export async function reportsPage({ ctx, lang, baseUrl }: PageRequest, regionSlug: string, programmeSlug: string) {
  const region = await regionBySlug(ctx, regionSlug);
  const programme = region.programmes.find((p) => p.slug === programmeSlug && p.currentVersion !== null);
  if (!programme) throw notFound(`Reports of programme "${programmeSlug}"`);
  const council = await ctx.reader.council(region.code);
  return renderPage(lang, baseUrl, (rc) =>
    ReportsPage({
      rc,
      region,
      programme,
      hasContact: council !== null,
      years: reportYears(programme, currentYear(ctx)),
    }),
  );
}
