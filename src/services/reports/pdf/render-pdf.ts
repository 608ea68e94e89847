/**
 * Renders a report's HTML as a tagged PDF with Debian's Chromium: A4, structure tree (headings,
 * tables, figures with their text alternatives, `lang`), bookmarks from the headings, a running
 * header and "page X of Y" in the document's language.
 *
 * One browser is shared by all renders, launched on the first one (and again if it crashed or
 * was closed); each render gets its own context and page. The document is loaded under a fake
 * origin, {@link REPORT_ORIGIN}, whose every request is answered here: the document itself, its
 * `/assets/…` from `opts.assets`, and nothing else (any other request is aborted: no network).
 * Page scripts are off.
 *
 * Chromium drops the space at each line wrap of a heading from its bookmark's title; the titles
 * are given their headings' text again (see pdf-bytes.ts).
 *
 * The same HTML and date give the same bytes: Chromium's PDF differs between runs only by its
 * creation and modification dates, which are set to `opts.date` (a same-length rewrite, so the
 * cross-reference offsets stay valid); a document ID or XMP dates, were Chromium ever to write
 * them, are made the same way from the content.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { normalisePdf, repairOutlineTitles } from './pdf-bytes.ts';

export { normalisePdf } from './pdf-bytes.ts';

/** The origin the document is served under; `.invalid` never resolves (RFC 2606). */
export const REPORT_ORIGIN = 'http://report.invalid';

/** The page margins; the running header and the page numbers are printed inside them. */
const MARGIN = { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } as const;

const DEFAULT_TIMEOUT_MS = 60_000;

export interface PdfAsset {
  body: Buffer;
  contentType: string;
}

export interface RenderPdfOptions {
  /** The document's language; the HTML's `<html lang>` must be this (it is set when missing). */
  lang: string;
  /** The PDF's title (viewers show it instead of the file name). */
  title: string;
  /** The text at the top of every page, e.g. "Kymenlaakson maakuntaohjelma 2022–2025 · Seurantaraportti 2024". */
  runningHeader: string;
  /**
   * "Page X of Y" in the document's language: called once with the two placeholders to put where
   * the page number and the page count go, e.g. `(page, pages) => t('report.page', { page, pages })`
   * → "Sivu {page} / {pages}". The text around them is escaped.
   */
  pageLabel: (page: string, pages: string) => string;
  /**
   * The file at `urlPath` (the path of a `/assets/…` URL, without its query), or null when there is
   * none; a missing asset (or one whose lookup throws) fails the render.
   */
  assets: (urlPath: string) => PdfAsset | null;
  /** Told of each request that was aborted (another origin, or a path of the fake origin that is not served). */
  onBlockedRequest?: (url: string) => void;
  /** The creation and modification date written into the PDF (default: now). */
  date?: Date;
  /** The whole render, starting Chromium included, must finish within this (default 60 000 ms). */
  timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------
// The shared browser

interface SharedBrowser {
  promise: Promise<Browser>;
  browser: Browser | null;
}

let shared: SharedBrowser | null = null;

/** The running browser, launching one when there is none or the last one disconnected or crashed. */
function sharedBrowser(): Promise<Browser> {
  const current = shared;
  if (current && (current.browser === null || current.browser.isConnected())) return current.promise;
  const entry: SharedBrowser = { promise: launchChromium({ lowPriority: true }), browser: null };
  shared = entry;
  entry.promise.then(
    (browser) => {
      entry.browser = browser;
      browser.on('disconnected', () => {
        if (shared === entry) shared = null;
      });
    },
    () => {
      if (shared === entry) shared = null;
    },
  );
  return entry.promise;
}

/** Closes the shared browser (a later render launches a new one). Call when the process stops. */
export async function closeRenderer(): Promise<void> {
  const entry = shared;
  shared = null;
  if (!entry) return;
  const browser = await entry.promise.catch(() => null);
  await browser?.close();
}

// ---------------------------------------------------------------------------------------------
// Rendering

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Private-use characters: they pass through escaping and no translation contains them. */
const PAGE_MARK = '\uE000';
const PAGES_MARK = '\uE001';

function pageLabelHtml(pageLabel: RenderPdfOptions['pageLabel']): string {
  const label = pageLabel(PAGE_MARK, PAGES_MARK);
  if (label.split(PAGE_MARK).length !== 2 || label.split(PAGES_MARK).length !== 2)
    throw new Error(
      `renderPdf: pageLabel must put the page number and the page count in its text once each, got ${JSON.stringify(
        label.replaceAll(PAGE_MARK, '{page}').replaceAll(PAGES_MARK, '{pages}'),
      )}`,
    );
  return escapeHtml(label)
    .replace(PAGE_MARK, '<span class="pageNumber"></span>')
    .replace(PAGES_MARK, '<span class="totalPages"></span>');
}

/**
 * Chromium prints these in the margins, outside the page (its CSP and stylesheets do not apply),
 * at a tiny default size unless a font size is given inline.
 */
function marginTemplate(lang: string, align: 'left' | 'right', content: string): string {
  return (
    `<div lang="${escapeHtml(lang)}" style="width:100%;margin:0 ${MARGIN.right} 0 ${MARGIN.left};` +
    `font-family:'DejaVu Sans',sans-serif;font-size:8pt;color:#333;text-align:${align}">${content}</div>`
  );
}

/** Answers every request of the page: the document, its assets, and an abort for anything else. */
async function answer(route: Route, html: string, opts: RenderPdfOptions, missing: string[]): Promise<void> {
  const url = new URL(route.request().url());
  const block = (): Promise<void> => {
    opts.onBlockedRequest?.(url.href);
    return route.abort('blockedbyclient');
  };
  if (url.origin !== REPORT_ORIGIN) return block();
  if (url.pathname === '/' && route.request().isNavigationRequest())
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  if (url.pathname.startsWith('/assets/')) {
    let asset: PdfAsset | null;
    try {
      asset = opts.assets(url.pathname);
    } catch (error) {
      missing.push(`${url.pathname} (${(error as Error).message})`);
      return route.fulfill({ status: 500, contentType: 'text/plain', body: 'asset failed' });
    }
    if (asset) return route.fulfill({ status: 200, contentType: asset.contentType, body: asset.body });
    missing.push(url.pathname);
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  }
  return block();
}

/** Where a render is, for the message of a timeout. */
type Stage = 'starting Chromium' | 'opening a page' | 'loading the HTML' | 'printing the PDF';

async function print(
  page: Page,
  html: string,
  opts: RenderPdfOptions,
  timeoutMs: number,
  at: (stage: Stage) => void,
): Promise<{ pdf: Buffer; headings: string[] }> {
  const missing: string[] = [];
  await page.route('**/*', (route) => answer(route, html, opts, missing));
  at('loading the HTML');
  await page.goto(`${REPORT_ORIGIN}/`, { waitUntil: 'load', timeout: timeoutMs });
  if (missing.length > 0)
    throw new Error(
      `renderPdf: the HTML links assets that do not exist or could not be read: ${[...new Set(missing)].join(', ')}`,
    );
  const lang = String(await page.evaluate('document.documentElement.lang'));
  if (lang === '') await page.evaluate(`document.documentElement.lang = ${JSON.stringify(opts.lang)}`);
  else if (lang !== opts.lang)
    throw new Error(`renderPdf: the HTML's <html lang> is "${lang}", but the document's language is "${opts.lang}"`);
  await page.evaluate(`document.title = ${JSON.stringify(opts.title)}`);
  await page.evaluate('document.fonts.ready.then(() => true)');
  const headings = (await page.evaluate(
    `Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => h.textContent.replace(/\\s+/g, ' ').trim())`,
  )) as string[];
  at('printing the PDF');
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: marginTemplate(opts.lang, 'left', escapeHtml(opts.runningHeader)),
    footerTemplate: marginTemplate(opts.lang, 'right', pageLabelHtml(opts.pageLabel)),
    margin: MARGIN,
  });
  return { pdf, headings };
}

/**
 * Renders `html` (a whole document linking its stylesheet as `/assets/…`) as a tagged A4 PDF.
 *
 * @throws Error when Chromium cannot be started, an asset is missing, the HTML's language is not
 *   `opts.lang`, or the render takes longer than `opts.timeoutMs` (the message says at which stage).
 */
export async function renderPdf(html: string, opts: RenderPdfOptions): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const date = opts.date ?? new Date();
  pageLabelHtml(opts.pageLabel); // a wrong label fails before Chromium is asked for anything
  let stage: Stage = 'starting Chromium';
  let timedOut = false;
  let context: BrowserContext | null = null;
  const work = (async () => {
    const browser = await sharedBrowser();
    if (timedOut) throw new Error('timed out');
    stage = 'opening a page';
    const opened = await browser.newContext({ javaScriptEnabled: false });
    context = opened;
    try {
      if (timedOut) throw new Error('timed out');
      const page = await opened.newPage();
      return await print(page, html, opts, timeoutMs, (next) => (stage = next));
    } finally {
      await opened.close().catch(() => undefined);
    }
  })();
  // A timed-out render is stopped by closing its context; its late error is dropped.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`renderPdf: the PDF was not made within ${timeoutMs} ms (timed out while ${stage})`));
      void (context as BrowserContext | null)?.close().catch(() => undefined);
    }, timeoutMs);
  });
  try {
    const { pdf, headings } = await Promise.race([work, deadline]);
    return normalisePdf(repairOutlineTitles(pdf, headings), date);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('renderPdf:')) throw error;
    throw new Error(`renderPdf: the PDF could not be made (while ${stage}): ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
