/**
 * The PDF of an annual report: made from the report's HTML by Debian's Chromium through a queue of
 * at most two at a time (a further request waits, or is told "busy, try again" past the queue's
 * limits), kept in the database and served until its data change (the stored checksum of the report
 * data differs from the current one). Requests for the same report while it is being made share the
 * one making.
 */
import type { Lang } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { renderPdf } from '#src/services/reports/pdf/render-pdf.ts';
import { buildReportData, type ReportRequest } from '#src/services/reports/report-data.ts';
import { ReportQueue } from '#src/services/reports/report-queue.ts';
import { findStoredReport, saveStoredReport, type ReportKey } from '#src/storage/repositories/reports-repository.ts';
import { translator } from '#src/i18n/index.ts';
import { assets } from './assets.ts';
import { renderReportHtml } from './report-pages.ts';

export interface ReportPdf {
  body: Buffer;
  checksum: string;
  /** True when it was made for this request; false when the stored one was still current. */
  made: boolean;
  madeAt: string;
}

export interface ReportPdfOptions {
  /** Make it again even when the stored one is current (the editors' "generate" button). */
  force?: boolean;
  /** Who asked (an editor's e-mail, `cli`); null for a public request. */
  madeBy?: string | null;
}

/** Serves `/assets/report.css` and the other site assets to Chromium (for every report PDF). */
export function pdfAssetAt(urlPath: string): { body: Buffer; contentType: string } | null {
  const name = urlPath.replace(/^\/assets\//, '');
  const asset = assets().get(name);
  return asset ? { body: asset.body, contentType: asset.contentType } : null;
}

export class ReportPdfs {
  readonly queue: ReportQueue;
  readonly #making = new Map<string, Promise<unknown>>();

  constructor(queue = new ReportQueue()) {
    this.queue = queue;
  }

  /**
   * Runs `job` (making a PDF) through the queue; a request with the same `id` while it runs shares
   * its answer. Every report PDF (the annual report, a consultation's feedback report) is made here,
   * so that together they never run more than the queue's limit of Chromium pages.
   */
  shared<T>(id: string, job: () => Promise<T>): Promise<T> {
    const pending = this.#making.get(id);
    if (pending) return pending as Promise<T>;
    const making = this.queue.run(job).finally(() => this.#making.delete(id));
    this.#making.set(id, making);
    return making;
  }

  async pdf(ctx: AppContext, request: ReportRequest, lang: Lang, options: ReportPdfOptions = {}): Promise<ReportPdf> {
    const data = await buildReportData(ctx, request);
    const key: ReportKey = {
      regionCode: data.region.code,
      programmeSlug: data.programme.slug,
      year: data.year,
      lang,
      format: 'pdf',
    };
    // A report "as of" a day is made for the asker and not kept (the stored one is the current report).
    const keep = (request.asOf ?? null) === null;
    if (keep && !options.force) {
      const stored = await findStoredReport(ctx.db.kysely, key);
      if (stored && stored.checksum === data.checksum)
        return { body: stored.body, checksum: stored.checksum, made: false, madeAt: stored.madeAt };
    }
    const id = `annual/${key.regionCode}/${key.programmeSlug}/${key.year}/${lang}/${data.checksum}/${request.asOf ?? ''}`;
    return this.shared(id, async (): Promise<ReportPdf> => {
      const started = Date.now();
      const html = renderReportHtml(data, lang);
      const t = translator(lang);
      const body = await renderPdf(html.html, {
        lang,
        title: html.title,
        runningHeader: html.runningHeader,
        pageLabel: (page, pages) => t('reports.page', { page, pages }),
        assets: pdfAssetAt,
      });
      const madeAt = new Date().toISOString();
      if (keep)
        await ctx.db.kysely.transaction().execute((trx) =>
          saveStoredReport(trx, {
            ...key,
            checksum: data.checksum,
            body,
            bytes: body.length,
            madeAt,
            madeBy: options.madeBy ?? null,
            durationMs: Date.now() - started,
          }),
        );
      return { body, checksum: data.checksum, made: true, madeAt };
    });
  }
}

const byContext = new WeakMap<AppContext, ReportPdfs>();

/** The report PDFs of an app context (one queue per process and database). */
export function reportPdfsOf(ctx: AppContext): ReportPdfs {
  let pdfs = byContext.get(ctx);
  if (!pdfs) {
    pdfs = new ReportPdfs();
    byContext.set(ctx, pdfs);
  }
  return pdfs;
}
