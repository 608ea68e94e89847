/**
 * The public website: routes of /{lang}/… pages, sitemap.xml, robots.txt and static assets.
 * Rendered pages are cached in memory per URL for as long as the content they show is unchanged
 * (each route names its scope: region and kinds of content, docs/freshness.md) and sent with an
 * ETag (304 on If-None-Match).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { badRequest, notFound } from '#src/domain/errors.ts';
import { problemsOf } from '#src/lib/zod-messages.ts';
import { isLang, type Lang } from '#src/domain/languages.ts';
import { negotiateLang } from '#src/i18n/negotiate.ts';
import type { AppContext } from '#src/services/app-context.ts';
import type { ContentKind, ContentScope } from '#src/services/freshness.ts';
import { ErrorPage } from '#src/views/pages/error-page.tsx';
import { renderSitemap } from '#src/views/sitemap.ts';
import { inLang, paths, type ProgrammeBase } from '#src/views/urls.ts';
import { assets } from './assets.ts';
import { FrontCache } from './front-cache.ts';
import { makeResponse, matchesEtag, PageCache, type CachedResponse } from './page-cache.ts';
import {
  accessibilityPage,
  contactPage,
  homePage,
  programmeVersionPage,
  regionBySlug,
  regionPage,
  versionDiffPage,
  versionsPage,
  type PageRequest,
  type ProgrammeTarget,
} from './pages.ts';
import { indicatorComparisonPage, indicatorPage, monitoringPage, today } from './monitoring-pages.ts';
import { browserKey, fundingPage, projectPage, projectsExport, projectsPage } from './project-pages.ts';
import { renderPage } from './render.ts';
import { reportPdfsOf } from './report-pdf.ts';
import { closeRenderer } from '#src/services/reports/pdf/render-pdf.ts';
import {
  reportHtml,
  reportObservationsCsv,
  reportObservationsJsonStat,
  reportsPage,
  reportTarget,
} from './report-pages.ts';
import { publicPages } from './sitemap.ts';
import { consultationPhases, consultationsPage, registerConsultationForms, roundPage } from './consultation-pages.ts';
import { feedbackCsv, feedbackHtml, feedbackPdf } from './feedback-report-pages.ts';
import { registerStatementForms } from './statement-pages.ts';

const HTML = 'text/html; charset=utf-8';
const REGION_AND_PROGRAMMES: readonly ContentKind[] = ['region', 'programme'];
const REGION_PROGRAMMES_PROJECTS: readonly ContentKind[] = ['region', 'programme', 'projects'];
/** Monitoring pages show the region, its programme and its indicators with their figures. */
const MONITORING: readonly ContentKind[] = ['region', 'programme', 'indicators'];
/** Priority and theme pages of the current version list projects and indicators. */
const NODE_PAGE: readonly ContentKind[] = ['region', 'programme', 'projects', 'indicators'];
/** A report shows the region, the programme's versions, its projects and its indicators. */
const REPORT: readonly ContentKind[] = ['region', 'programme', 'projects', 'indicators'];
/** Consultation pages show the region, the programme's version on consultation and the comments. */
const CONSULTATION: readonly ContentKind[] = ['region', 'programme', 'consultation'];
/** The pages about every region (home, accessibility, sitemap) show their facts and programmes. */
const EVERY_REGION: ContentScope = { region: '*', kinds: REGION_AND_PROGRAMMES };
/** The sitemap lists every region's pages, indicator pages included. */
const SITEMAP: ContentScope = { region: '*', kinds: ['region', 'programme', 'indicators'] };
/** Pages that show no stored content. */
const NO_CONTENT: ContentScope = { region: '*', kinds: [] };
const MAX_QUERY_LENGTH = 200;
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The absolute origin for canonical links: the configured public URL, else the request's own. */
export function baseUrlOf(ctx: AppContext, request: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl.replace(/\/+$/, '');
  const host = HOST.test(request.host) ? request.host : 'localhost';
  return `${request.protocol === 'https' ? 'https' : 'http'}://${host}`;
}

/** The language of the visitor: the path's prefix when it is one, else Accept-Language. */
export function visitorLang(request: FastifyRequest): Lang {
  const prefix = /^\/([a-z]{2})(?:[/?#]|$)/.exec(request.url)?.[1];
  return isLang(prefix) ? prefix : negotiateLang(request.headers['accept-language']);
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedResponse, cacheControl: string): FastifyReply {
  reply.header('etag', page.etag).header('cache-control', cacheControl);
  if (matchesEtag(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  return reply.code(200).header('content-type', page.contentType).send(page.body);
}

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q < 0 ? request.url : request.url.slice(0, q);
}

function langParam(value: string): Lang {
  if (!isLang(value)) throw notFound(`Language "${value}"`);
  return value;
}

/** A query parameter given at most once (a refusal: "must be given once"). */
const onceText = z.string({ error: 'must be given once' });

/** The search query of a request: one `q` of at most 200 characters, trimmed. */
const searchQuerySchema = z.looseObject({
  q: onceText
    .max(MAX_QUERY_LENGTH, { error: `must be at most ${MAX_QUERY_LENGTH} characters` })
    .transform((q) => q.trim().replace(/\s+/g, ' '))
    .optional(),
});

const VERSION_NUMBER = /^[1-9]\d{0,5}$/;

/** The two versions of a comparison: `from` and `to`, each a version number given once. */
const versionNumber = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required: the number of a version to compare' : 'must be given once',
  })
  .regex(VERSION_NUMBER, { error: 'must be a version number (1, 2, …)' })
  .transform(Number);
const compareQuerySchema = z.looseObject({ from: versionNumber, to: versionNumber });

/** The query of `request` by `schema`; a refusal is a 400 naming the parameter (its first problem). */
function siteQuery<T>(request: FastifyRequest, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(request.query ?? {});
  if (parsed.success) return parsed.data;
  const [p] = problemsOf(parsed.error);
  throw badRequest(`${p!.field} ${p!.message}`);
}

function searchQuery(request: FastifyRequest): string {
  return siteQuery(request, searchQuerySchema).q ?? '';
}

function compareQuery(request: FastifyRequest): { from: number; to: number } {
  return siteQuery(request, compareQuerySchema);
}

/** Splits the path below a programme into a version (or null) and what to show. */
function parseProgrammePath(
  segments: string[],
  request: FastifyRequest,
): { version: number | null; target: ProgrammeTarget | 'versions' | 'compare' } {
  let version: number | null = null;
  let rest = segments;
  if (rest[0] === 'versions') {
    if (rest.length === 1) return { version: null, target: 'versions' };
    if (rest[1] === 'compare' && rest.length === 2) return { version: null, target: 'compare' };
    if (!VERSION_NUMBER.test(rest[1]!)) throw notFound(`Version "${rest[1]}"`);
    version = Number(rest[1]);
    rest = rest.slice(2);
  }
  if (rest.length === 0) return { version, target: { kind: 'programme' } };
  if (rest[0] === 'search' && rest.length === 1)
    return { version, target: { kind: 'search', query: searchQuery(request) } };
  if (rest[0] === 'tags') {
    if (rest.length !== 3) throw notFound(`Page "${rest.join('/')}"`);
    return { version, target: { kind: 'term', taxonomy: rest[1]!, term: rest[2]! } };
  }
  return { version, target: { kind: 'node', path: rest } };
}

export async function registerSite(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const pages = new PageCache(2000);
  const searches = new PageCache(200);
  const comparisons = new PageCache(200);
  const reports = new PageCache(100);
  const front = new FrontCache(ctx.freshness, 2000);
  // Request logs at debug level need every request to pass through the framework.
  if (ctx.config.frontCache && !['debug', 'trace'].includes(ctx.config.logLevel)) front.install(app);

  /**
   * Answers from `cache` under `key`, rendering (and caching) the page on a miss; the entry lasts
   * as long as the content in `scope` (what the page shows, docs/freshness.md) is unchanged.
   */
  const serve = async (
    request: FastifyRequest,
    reply: FastifyReply,
    cache: PageCache,
    key: string,
    scope: ContentScope,
    render: () => Promise<string>,
    contentType = HTML,
  ): Promise<FastifyReply> => {
    const stamp = (await ctx.freshness.current()).stamp(scope);
    let page = cache.get(key, stamp);
    if (!page) {
      page = makeResponse(await render(), contentType);
      cache.set(key, stamp, page);
    }
    front.mark(request, scope, stamp);
    return send(request, reply, page, 'no-cache');
  };
  /**
   * A page that also depends on the day (its freshness lines mark OVERDUE when a due day has
   * passed): cached per URL, scope and day of the app clock, and never replayed by the front cache
   * (which knows only generations), so the mark appears on the first request of the day it is due.
   */
  const serveDated = async (
    request: FastifyRequest,
    reply: FastifyReply,
    cache: PageCache,
    key: string,
    scope: ContentScope,
    render: (day: string) => Promise<string>,
  ): Promise<FastifyReply> => {
    const day = today(ctx);
    const stamp = (await ctx.freshness.current()).stamp(scope);
    const dayKey = `${key}@${day}`;
    let page = cache.get(dayKey, stamp);
    if (!page) {
      page = makeResponse(await render(day), HTML);
      cache.set(dayKey, stamp, page);
    }
    return send(request, reply, page, 'no-cache');
  };
  /** What the pages of a region show: its facts and programmes, and (`withProjects`) its projects. */
  const regionScope = async (slug: string, withProjects: boolean | readonly ContentKind[]): Promise<ContentScope> => ({
    region: (await regionBySlug(ctx, slug)).code,
    kinds: Array.isArray(withProjects)
      ? (withProjects as readonly ContentKind[])
      : withProjects
        ? REGION_PROGRAMMES_PROJECTS
        : REGION_AND_PROGRAMMES,
  });

  const page = (request: FastifyRequest, lang: string): PageRequest => ({
    ctx,
    lang: langParam(lang),
    baseUrl: baseUrlOf(ctx, request),
  });
  const keyOf = (request: FastifyRequest): string => baseUrlOf(ctx, request) + pathOf(request);
  const opts = { schema: { hide: true } };
  const pageOpts = { schema: { hide: true }, onSend: front.onSend };

  app.get('/', opts, async (request, reply) => {
    const lang = negotiateLang(request.headers['accept-language']);
    return reply
      .header('vary', 'Accept-Language')
      .header('cache-control', 'no-cache')
      .redirect(inLang(lang, paths.home()), 302);
  });

  app.get('/robots.txt', pageOpts, async (request, reply) =>
    serve(
      request,
      reply,
      pages,
      keyOf(request),
      NO_CONTENT,
      async () => `User-agent: *\nAllow: /\n\nSitemap: ${baseUrlOf(ctx, request)}/sitemap.xml\n`,
      'text/plain; charset=utf-8',
    ),
  );

  app.get('/sitemap.xml', pageOpts, async (request, reply) =>
    serve(
      request,
      reply,
      pages,
      keyOf(request),
      SITEMAP,
      async () => renderSitemap(baseUrlOf(ctx, request), await publicPages(ctx)),
      'application/xml; charset=utf-8',
    ),
  );

  app.get('/favicon.ico', opts, async (_request, reply) => reply.redirect(assets().get('favicon.svg')!.href, 301));

  app.get<{ Params: { file: string } }>('/assets/:file', opts, async (request, reply) => {
    const asset = assets().get(request.params.file);
    if (!asset) throw notFound(`Asset "${request.params.file}"`);
    return send(
      request,
      reply,
      { body: asset.body, etag: asset.etag, contentType: asset.contentType },
      'public, max-age=31536000, immutable',
    );
  });

  app.get<{ Params: { lang: string } }>('/:lang/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    return serve(request, reply, pages, keyOf(request), EVERY_REGION, () => homePage(p));
  });

  app.get<{ Params: { lang: string } }>('/:lang/accessibility/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    return serve(request, reply, pages, keyOf(request), EVERY_REGION, () => accessibilityPage(p));
  });

  app.get<{ Params: { lang: string; region: string } }>('/:lang/:region/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    const scope = await regionScope(request.params.region, false);
    return serve(request, reply, pages, keyOf(request), scope, () => regionPage(p, request.params.region));
  });

  app.get<{ Params: { lang: string; region: string } }>('/:lang/:region/contact/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    const scope = await regionScope(request.params.region, false);
    return serve(request, reply, pages, keyOf(request), scope, () => contactPage(p, request.params.region));
  });

  // Projects: the browser (one cache entry per normalised filter), its exports, a page per project, the funding overview.
  const projectLists = new PageCache(500);
  type RegionParams = { lang: string; region: string };
  app.get<{ Params: RegionParams }>('/:lang/:region/projects/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const scope = await regionScope(request.params.region, true);
    return serve(request, reply, projectLists, `${keyOf(request)}?${browserKey(raw)}`, scope, () =>
      projectsPage(p, request.params.region, raw),
    );
  });
  for (const format of ['csv', 'json'] as const) {
    app.get<{ Params: RegionParams }>(`/:lang/:region/projects.${format}`, pageOpts, async (request, reply) => {
      langParam(request.params.lang);
      const raw = (request.query ?? {}) as Record<string, unknown>;
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
      reply.header('content-disposition', `attachment; filename="projects.${format}"`);
      return serve(
        request,
        reply,
        projectLists,
        `${keyOf(request)}?${browserKey(raw)}`,
        await regionScope(request.params.region, true),
        () => projectsExport(ctx, request.params.region, raw, format),
        type,
      );
    });
  }
  app.get<{ Params: RegionParams & { code: string } }>(
    '/:lang/:region/projects/:code/',
    pageOpts,
    async (request, reply) => {
      const p = page(request, request.params.lang);
      const scope = await regionScope(request.params.region, true);
      return serve(request, reply, pages, keyOf(request), scope, () =>
        projectPage(p, request.params.region, request.params.code),
      );
    },
  );
  app.get<{ Params: RegionParams & { programme: string } }>(
    '/:lang/:region/:programme/funding/',
    pageOpts,
    async (request, reply) => {
      const p = page(request, request.params.lang);
      const scope = await regionScope(request.params.region, true);
      return serve(request, reply, pages, keyOf(request), scope, () =>
        fundingPage(p, request.params.region, request.params.programme),
      );
    },
  );

  // Monitoring: the programme's overview, a page per indicator and its municipality comparison.
  type MonitoringParams = RegionParams & { programme: string };
  app.get<{ Params: MonitoringParams }>('/:lang/:region/:programme/monitoring/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    const scope = await regionScope(request.params.region, MONITORING);
    return serve(request, reply, pages, keyOf(request), scope, () =>
      monitoringPage(p, request.params.region, request.params.programme),
    );
  });
  app.get<{ Params: MonitoringParams & { indicator: string } }>(
    '/:lang/:region/:programme/monitoring/:indicator/',
    opts,
    async (request, reply) => {
      const p = page(request, request.params.lang);
      const { region, programme, indicator } = request.params;
      const scope = await regionScope(region, MONITORING);
      return serveDated(request, reply, pages, keyOf(request), scope, (day) =>
        indicatorPage(p, region, programme, indicator, day),
      );
    },
  );
  app.get<{ Params: MonitoringParams & { indicator: string } }>(
    '/:lang/:region/:programme/monitoring/:indicator/municipalities/',
    opts,
    async (request, reply) => {
      const p = page(request, request.params.lang);
      const { region, programme, indicator } = request.params;
      const scope = await regionScope(region, MONITORING);
      return serveDated(request, reply, pages, keyOf(request), scope, (day) =>
        indicatorComparisonPage(p, region, programme, indicator, day),
      );
    },
  );

  // Consultation: the rounds of a programme, a round with its text and published comments (cached),
  // and the comment form with its answer (public forms, never cached).
  app.get<{ Params: MonitoringParams }>('/:lang/:region/:programme/consultation/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    const scope = await regionScope(request.params.region, CONSULTATION);
    // Keyed on the rounds' phases too: a round that opens or closes shows so at once.
    const phases = await consultationPhases(ctx, request.params.region, request.params.programme, null);
    return serveDated(request, reply, pages, `${keyOf(request)}#${phases}`, scope, () =>
      consultationsPage(p, request.params.region, request.params.programme),
    );
  });
  app.get<{ Params: MonitoringParams & { round: string } }>(
    '/:lang/:region/:programme/consultation/:round/',
    opts,
    async (request, reply) => {
      const p = page(request, request.params.lang);
      const { region, programme, round } = request.params;
      const scope = await regionScope(region, CONSULTATION);
      const phases = await consultationPhases(ctx, region, programme, round);
      return serveDated(request, reply, pages, `${keyOf(request)}#${phases}`, scope, () =>
        roundPage(p, region, programme, round),
      );
    },
  );
  registerConsultationForms(app, ctx);
  // A round's feedback report: how each comment was handled, as a page, a CSV and a tagged PDF.
  type RoundParams = MonitoringParams & { round: string };
  const feedbackRoute = (file: '' | 'feedback.csv') =>
    app.get<{ Params: RoundParams }>(
      `/:lang/:region/:programme/consultation/:round/report/${file}`,
      pageOpts,
      async (request, reply) => {
        const lang = langParam(request.params.lang);
        const { region, programme, round } = request.params;
        const scope = await regionScope(region, CONSULTATION);
        if (file !== '')
          reply.header('content-disposition', `attachment; filename="${region}-${programme}-${round}-${lang}-${file}"`);
        return serve(
          request,
          reply,
          reports,
          pathOf(request),
          scope,
          async () => {
            const made = await feedbackHtml(ctx, region, programme, round, lang);
            return file === 'feedback.csv' ? feedbackCsv(made.report) : made.html;
          },
          file === 'feedback.csv' ? 'text/csv; charset=utf-8' : HTML,
        );
      },
    );
  feedbackRoute('');
  feedbackRoute('feedback.csv');
  app.get<{ Params: RoundParams }>(
    '/:lang/:region/:programme/consultation/:round/report/feedback.pdf',
    opts,
    async (request, reply) => {
      const lang = langParam(request.params.lang);
      const { region, programme, round } = request.params;
      const scope = await regionScope(region, CONSULTATION);
      const stamp = (await ctx.freshness.current()).stamp(scope);
      const pdf = await feedbackPdf(ctx, region, programme, round, lang, stamp);
      reply.header('etag', pdf.etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], pdf.etag)) return reply.code(304).send();
      return reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${pdf.fileName}"`)
        .send(pdf.body);
    },
  );
  await registerStatementForms(app, ctx);

  // Annual monitoring reports: the list, the report of a year, and the observations it used as files.
  app.get<{ Params: MonitoringParams }>('/:lang/:region/:programme/reports/', pageOpts, async (request, reply) => {
    const p = page(request, request.params.lang);
    const scope = await regionScope(request.params.region, false);
    return serve(request, reply, pages, keyOf(request), scope, () =>
      reportsPage(p, request.params.region, request.params.programme),
    );
  });
  type ReportParams = MonitoringParams & { year: string };
  const reportRoute = (file: '' | 'observations.csv' | 'observations.json') =>
    app.get<{ Params: ReportParams }>(
      `/:lang/:region/:programme/reports/:year/${file}`,
      pageOpts,
      async (request, reply) => {
        const lang = langParam(request.params.lang);
        const { region, programme, year } = request.params;
        const target = await reportTarget(ctx, region, programme, year);
        const scope = await regionScope(region, REPORT);
        if (file !== '')
          reply.header(
            'content-disposition',
            `attachment; filename="${target.regionCode}-${target.year}-${lang}-${file}"`,
          );
        return serve(
          request,
          reply,
          reports,
          pathOf(request),
          scope,
          async () => {
            const made = await reportHtml(ctx, target, lang);
            if (file === 'observations.csv') return reportObservationsCsv(made.data, lang);
            if (file === 'observations.json') return reportObservationsJsonStat(made.data, lang);
            return made.html;
          },
          file === 'observations.csv'
            ? 'text/csv; charset=utf-8'
            : file === 'observations.json'
              ? 'application/json; charset=utf-8'
              : HTML,
        );
      },
    );
  app.get<{ Params: ReportParams }>(
    '/:lang/:region/:programme/reports/:year/report.pdf',
    opts,
    async (request, reply) => {
      const lang = langParam(request.params.lang);
      const { region, programme, year } = request.params;
      const target = await reportTarget(ctx, region, programme, year);
      const pdf = await reportPdfsOf(ctx).pdf(ctx, target, lang);
      const etag = `"${pdf.checksum.slice(0, 32)}-${lang}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${target.regionCode}-${target.programmeSlug}-${target.year}-${lang}.pdf"`,
        )
        .send(pdf.body);
    },
  );
  // Chromium, started for the first PDF, stops with the server.
  app.addHook('onClose', async () => closeRenderer());
  reportRoute('');
  reportRoute('observations.csv');
  reportRoute('observations.json');

  type ProgrammeParams = { lang: string; region: string; programme: string; '*'?: string };
  const programmeRoute = async (
    request: FastifyRequest<{ Params: ProgrammeParams }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    const p = page(request, request.params.lang);
    const { region: regionSlug, programme: programmeSlug } = request.params;
    const segments = (request.params['*'] ?? '').split('/').filter((s) => s !== '');
    const { version, target } = parseProgrammePath(segments, request);
    const programmeScope = await regionScope(regionSlug, false);
    if (target === 'versions')
      return serve(request, reply, pages, keyOf(request), programmeScope, () =>
        versionsPage(p, regionSlug, programmeSlug),
      );
    if (target === 'compare') {
      const { from, to } = compareQuery(request);
      return serve(request, reply, comparisons, `${keyOf(request)}?from=${from}&to=${to}`, programmeScope, () =>
        versionDiffPage(p, regionSlug, programmeSlug, from, to),
      );
    }
    if (version !== null) {
      // The current version has one address: the programme's own.
      const region = await regionBySlug(ctx, regionSlug);
      const programme = await ctx.reader.programme(region.code, programmeSlug);
      if (programme.currentVersion === version) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const base = inLang(p.lang, paths.programme({ region: regionSlug, programme: programmeSlug, version: null }));
        return reply.redirect(
          `${base}${segments.slice(2).map(encodeURIComponent).join('/')}${segments.length > 2 && target.kind !== 'search' ? '/' : ''}${query}`,
          301,
        );
      }
    }
    const base: ProgrammeBase = { region: regionSlug, programme: programmeSlug, version };
    if (target.kind === 'search' && target.query !== '') {
      return serve(request, reply, searches, `${keyOf(request)}?q=${target.query}`, programmeScope, () =>
        programmeVersionPage(p, base, target),
      );
    }
    // Priority and term pages of the current version list their projects (node pages their indicators too).
    const showsProjects = version === null && (target.kind === 'node' || target.kind === 'term');
    const scope = showsProjects
      ? await regionScope(regionSlug, target.kind === 'node' ? NODE_PAGE : true)
      : programmeScope;
    return serve(request, reply, pages, keyOf(request), scope, () => programmeVersionPage(p, base, target));
  };
  app.get<{ Params: ProgrammeParams }>('/:lang/:region/:programme/', pageOpts, programmeRoute);
  app.get<{ Params: ProgrammeParams }>('/:lang/:region/:programme/*', pageOpts, programmeRoute);
}

const errorPages = new Map<string, CachedResponse>();

/** Sends the error page for `status` in the visitor's language. */
export async function renderSiteError(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
): Promise<FastifyReply> {
  const lang = visitorLang(request);
  const key = `${lang}:${status}`;
  let page = errorPages.get(key);
  if (!page) {
    page = makeResponse(
      renderPage(lang, baseUrlOf(ctx, request), (rc) => ErrorPage({ rc, status })),
      HTML,
    );
    errorPages.set(key, page);
  }
  return reply
    .code(status)
    .header('content-type', page.contentType)
    .header('cache-control', 'no-store')
    .send(page.body);
}
