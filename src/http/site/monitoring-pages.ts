/**
 * Pages of a programme's monitoring: the overview (status counts, indicators by group and theme),
 * a page per indicator and its municipality comparison. The monitoring lives under the region's
 * main programme (the one its menu links) or the programme its indicator definitions name; the
 * indicators are shown under the programme they link to (`programme:` of the definitions file,
 * else the main programme). Unknown programmes and indicators are 404 pages.
 */
import { notFound } from '#src/domain/errors.ts';
import { rollUpStatuses } from '#src/domain/indicators/status-roll-up.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { comparisonOf, type IndicatorView, type MonitoringView } from '#src/services/indicators/monitoring-reader.ts';
import { ComparisonPage } from '#src/views/pages/indicator-comparison-page.tsx';
import { IndicatorPage } from '#src/views/pages/indicator-page.tsx';
import { dayOf } from '#src/views/pages/monitoring-parts.tsx';
import { MonitoringPage } from '#src/views/pages/monitoring-page.tsx';
import { mainProgramme, regionBySlug, type PageRequest } from './pages.ts';
import { renderPage } from './render.ts';

/** The day (UTC, `YYYY-MM-DD`) of the app clock: freshness lines mark OVERDUE by it. */
export function today(ctx: AppContext): string {
  return dayOf(ctx.clock?.() ?? new Date());
}

/** The programme whose nodes a region's indicators link to: the definitions' `programme`, else the main one. */
export function monitoredProgramme(
  view: Pick<MonitoringView, 'settings'>,
  programmes: Parameters<typeof mainProgramme>[0],
): string | null {
  return view.settings?.programmeSlug ?? mainProgramme(programmes)?.slug ?? null;
}

async function monitoringContext(ctx: AppContext, regionSlug: string, programmeSlug: string) {
  const region = await regionBySlug(ctx, regionSlug);
  const view = await ctx.monitoring.region(region.code);
  const monitored = monitoredProgramme(view, region.programmes);
  const programme = region.programmes.find((p) => p.slug === programmeSlug && p.currentVersion !== null);
  if (!programme || (programmeSlug !== monitored && programmeSlug !== mainProgramme(region.programmes)?.slug))
    throw notFound(`Monitoring of programme "${programmeSlug}"`);
  const [content, council] = await Promise.all([
    ctx.reader.versionContent(region.code, programmeSlug),
    ctx.reader.council(region.code),
  ]);
  const indicators = programmeSlug === monitored ? view.indicators : [];
  return { region, view, content, hasContact: council !== null, indicators };
}

function indicatorOf(indicators: readonly IndicatorView[], code: string): IndicatorView {
  const item = indicators.find((i) => i.indicator.code === code);
  if (!item) throw notFound(`Indicator "${code}"`);
  return item;
}

export async function monitoringPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
): Promise<string> {
  const m = await monitoringContext(ctx, regionSlug, programmeSlug);
  const shown = m.indicators;
  return renderPage(lang, baseUrl, (rc) =>
    MonitoringPage({
      rc,
      region: m.region,
      hasContact: m.hasContact,
      content: m.content,
      groups: m.view.groups,
      indicators: shown,
      counts: shown === m.view.indicators ? m.view.counts : rollUpStatuses([]),
    }),
  );
}

export async function indicatorPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
  code: string,
  day: string,
): Promise<string> {
  const m = await monitoringContext(ctx, regionSlug, programmeSlug);
  const item = indicatorOf(m.indicators, code);
  const history = await ctx.monitoring.targetHistory(item.indicator.id);
  return renderPage(lang, baseUrl, (rc) =>
    IndicatorPage({
      rc,
      region: m.region,
      hasContact: m.hasContact,
      content: m.content,
      item,
      targetHistory: history,
      municipalities: m.view.municipalities,
      subregions: m.view.subregions,
      day,
    }),
  );
}

export async function indicatorComparisonPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
  code: string,
  day: string,
): Promise<string> {
  const m = await monitoringContext(ctx, regionSlug, programmeSlug);
  const item = indicatorOf(m.indicators, code);
  if (m.view.municipalities.length === 0) throw notFound(`Municipality comparison of "${code}"`);
  const comparison = comparisonOf(m.view, item);
  return renderPage(lang, baseUrl, (rc) =>
    ComparisonPage({
      rc,
      region: m.region,
      hasContact: m.hasContact,
      content: m.content,
      item,
      comparison,
      municipalities: m.view.municipalities,
      subregions: m.view.subregions,
      day,
    }),
  );
}
