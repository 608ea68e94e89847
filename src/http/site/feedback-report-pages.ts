/**
 * A consultation round's feedback report on the site (issue 10, point 6): the HTML document (the
 * one source of the page and the PDF, src/views/consultation/feedback-report-document.tsx), the
 * comments with their responses as CSV (through toCsv, which neutralises spreadsheet formulas), and
 * the tagged PDF made by the annual report's Chromium pipeline through the same queue (at most two
 * PDFs at once, shared by every report). The PDF is kept in memory per round and language while
 * the content it shows (its scope's stamp) is unchanged.
 */
import { createHash } from 'node:crypto';
import { notFound } from '#src/domain/errors.ts';
import { pickText, type Lang, type LocalizedText } from '#src/domain/languages.ts';
import { toCsv } from '#src/lib/csv.ts';
import { translator } from '#src/i18n/index.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { feedbackReport, type FeedbackReport } from '#src/services/consultation/feedback-report.ts';
import { renderPdf } from '#src/services/reports/pdf/render-pdf.ts';
import {
  FeedbackReportDocument,
  feedbackRunningHeader,
  feedbackTitle,
} from '#src/views/consultation/feedback-report-document.tsx';
import type { RenderContext } from '#src/views/render-context.ts';
import { assets, chromeFor } from './assets.ts';
import { regionBySlug } from './pages.ts';
import { pdfAssetAt, reportPdfsOf } from './report-pdf.ts';

export interface FeedbackHtml {
  html: string;
  title: string;
  runningHeader: string;
  report: FeedbackReport;
}

function reportContext(lang: Lang): RenderContext {
  return { lang, t: translator(lang), chrome: chromeFor(''), fallbackUsed: false };
}

/** The region, programme and round of a report address (404 when any is not there). */
async function targetOf(ctx: AppContext, regionSlug: string, programmeSlug: string) {
  const region = await regionBySlug(ctx, regionSlug);
  const programme = region.programmes.find((p) => p.slug === programmeSlug);
  if (!programme) throw notFound(`Programme "${programmeSlug}"`);
  return { region, ref: { code: region.code, slug: programme.slug } };
}

/** The feedback report's data and its HTML document in `lang`. */
export async function feedbackHtml(
  ctx: AppContext,
  regionSlug: string,
  programmeSlug: string,
  roundSlug: string,
  lang: Lang,
): Promise<FeedbackHtml> {
  const { region, ref } = await targetOf(ctx, regionSlug, programmeSlug);
  const report = await feedbackReport(ctx.db.kysely, ref, roundSlug, lang);
  const rc = reportContext(lang);
  const regionName = region.name[lang] ?? region.name.fi ?? region.slug;
  const html = FeedbackReportDocument({
    rc,
    report,
    region: { slug: region.slug, name: regionName },
    programmeSlug: ref.slug,
    cssHref: assets().get('report.css')!.href,
  });
  if (typeof html !== 'string') throw new Error('The report view returned a promise; views must be synchronous');
  return {
    html,
    title: feedbackTitle(rc, report),
    runningHeader: feedbackRunningHeader(rc, report, regionName),
    report,
  };
}

/** The CSV columns: one row per counted comment, with its response (texts in the report's language). */
export const FEEDBACK_CSV_COLUMNS = [
  'comment_id',
  'kind',
  'node_key',
  'node_title',
  'paragraph',
  'respondent_type',
  'organisation',
  'author',
  'comment',
  'response_id',
  'decision',
  'response',
  'reason',
  'change_version',
  'change_node_key',
] as const;

export function feedbackCsv(report: FeedbackReport): string {
  const lang = report.lang;
  const pick = (t: LocalizedText | null | undefined): string => pickText(t, lang)?.text.trim() ?? '';
  const rows: (string | number | null)[][] = [];
  for (const node of report.nodes)
    for (const c of node.comments) {
      const r = c.response;
      rows.push([
        c.id,
        c.kind,
        node.key,
        node.title ? pick(node.title) : null,
        c.paragraphIndex === null ? null : c.paragraphIndex + 1,
        c.respondentType,
        c.organisation ?? c.author?.organisation ?? null,
        c.author?.name ?? null,
        c.body,
        r?.id ?? null,
        r?.decision ?? 'unanswered',
        r ? pick(r.text) : null,
        r?.reason ? pick(r.reason) : null,
        r?.change?.version ?? null,
        r?.change?.nodeKey ?? null,
      ]);
    }
  return toCsv(FEEDBACK_CSV_COLUMNS, rows);
}

interface KeptPdf {
  stamp: number;
  body: Buffer;
  etag: string;
}

const kept = new WeakMap<AppContext, Map<string, KeptPdf>>();

/**
 * The report's tagged PDF: the kept one while `stamp` (the content the report shows) is unchanged,
 * else made again through the report queue.
 */
export async function feedbackPdf(
  ctx: AppContext,
  regionSlug: string,
  programmeSlug: string,
  roundSlug: string,
  lang: Lang,
  stamp: number,
): Promise<{ body: Buffer; etag: string; fileName: string }> {
  let byKey = kept.get(ctx);
  if (!byKey) kept.set(ctx, (byKey = new Map()));
  const key = `${regionSlug}/${programmeSlug}/${roundSlug}/${lang}`;
  const fileName = `${regionSlug}-${programmeSlug}-${roundSlug}-feedback-${lang}.pdf`;
  const hit = byKey.get(key);
  if (hit && hit.stamp === stamp) return { body: hit.body, etag: hit.etag, fileName };
  const made = await reportPdfsOf(ctx).shared(`feedback/${key}/${stamp}`, async () => {
    const doc = await feedbackHtml(ctx, regionSlug, programmeSlug, roundSlug, lang);
    const t = translator(lang);
    const body = await renderPdf(doc.html, {
      lang,
      title: doc.title,
      runningHeader: doc.runningHeader,
      pageLabel: (page, pages) => t('feedback.page', { page, pages }),
      assets: pdfAssetAt,
      date: new Date(doc.report.round.closesAt),
    });
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}-${lang}"`;
    return { stamp, body, etag };
  });
  byKey.set(key, made);
  return { body: made.body, etag: made.etag, fileName };
}
