/**
 * Admin pages of a programme's annual reports (issue 9):
 *   GET  /admin/regions/:code/programmes/:programme/reports          each year's PDFs: current, out of date or not made
 *   POST /admin/regions/:code/programmes/:programme/reports/:year    make the year's report in fi, sv and en (editors)
 * Making goes through the same queue of two as the public PDF requests (a full queue answers 503
 * with Retry-After); each generation is written to the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import { LANGS, pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { buildReportData } from '#src/services/reports/report-data.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { listStoredReports } from '#src/storage/repositories/reports-repository.ts';
import { ReportsAdminPage, type ReportYearRow } from '#src/views/admin/reports/reports-admin-page.tsx';
import { inLang, paths } from '#src/views/urls.ts';
import { reportPdfsOf } from '../../site/report-pdf.ts';
import { reportYears } from '../../site/report-pages.ts';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam } from '../admin-route.ts';

type Params = { Params: { code: string; programme: string } };
type YearParams = { Params: { code: string; programme: string; year: string } };

const regionOf = regionParam('code');

/** The admin address of a programme's reports. */
export const reportsAdminPath = (code: string, programme: string): string =>
  `/admin/regions/${encodeURIComponent(code)}/programmes/${encodeURIComponent(programme)}/reports`;

export function registerReportsAdmin(app: FastifyInstance, ctx: AppContext): void {
  const programmeOf = async (code: string, slug: string) => {
    const region = (await ctx.reader.regions()).find((r) => r.code === code);
    const programme = region?.programmes.find((p) => p.slug === slug && p.currentVersion !== null);
    if (!region || !programme) throw notFound(`Programme "${slug}" of region ${code}`);
    return { region, programme };
  };
  const thisYear = (): number => (ctx.clock?.() ?? new Date()).getUTCFullYear();

  adminRoute<Params>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:programme/reports',
    rule: { kind: 'role', role: 'viewer', region: regionOf },
    handler: async (request, reply) => {
      const { region, programme } = await programmeOf(request.params.code, request.params.programme);
      const stored = await listStoredReports(ctx.db.kysely, region.code, programme.slug);
      const years: ReportYearRow[] = [];
      for (const year of reportYears(programme, thisYear()).reverse()) {
        const { checksum } = await buildReportData(ctx, {
          regionCode: region.code,
          programmeSlug: programme.slug,
          year,
        });
        const page = paths.report(region.slug, programme.slug, year);
        years.push({
          year,
          generateAction: `${reportsAdminPath(region.code, programme.slug)}/${year}`,
          cells: LANGS.map((lang) => {
            const made = stored.find((s) => s.year === year && s.lang === lang);
            return {
              lang,
              state: !made ? 'missing' : made.checksum === checksum ? 'current' : 'stale',
              bytes: made?.bytes ?? null,
              madeAt: made?.madeAt ?? null,
              pageHref: inLang(lang, page),
              pdfHref: `${inLang(lang, page)}report.pdf`,
            };
          }),
        });
      }
      const done = Number((request.query as Record<string, unknown>)['done']);
      return sendAdminPage(request, reply, (ac) =>
        ReportsAdminPage({
          ac,
          region: { code: region.code, name: pickText(region.name, ac.lang)?.text ?? region.code },
          programme: { slug: programme.slug, title: pickText(programme.title, ac.lang)?.text ?? programme.slug },
          years,
          canGenerate: hasRole(request.auth.user, 'editor', region.code),
          done: Number.isInteger(done) && done > 0 ? done : null,
        }),
      );
    },
  });

  adminRoute<YearParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:programme/reports/:year',
    rule: { kind: 'role', role: 'editor', region: regionOf },
    handler: async (request, reply) => {
      const { region, programme } = await programmeOf(request.params.code, request.params.programme);
      const year = Number(request.params.year);
      if (!/^\d{4}$/.test(request.params.year) || !reportYears(programme, thisYear()).includes(year))
        throw notFound(`The report for "${request.params.year}" of programme "${programme.slug}"`);
      const actor = actorOf(request);
      const target = { regionCode: region.code, programmeSlug: programme.slug, year };
      const made = await Promise.all(
        LANGS.map((lang) => reportPdfsOf(ctx).pdf(ctx, target, lang, { force: true, madeBy: actor.label })),
      );
      await insertAuditEvent(ctx.db.kysely, {
        actor,
        regionCode: region.code,
        action: 'report.generate',
        entityType: 'report',
        entityId: `${programme.slug}/${year}`,
        summary: `Generated the ${year} monitoring report of programme ${programme.slug} in ${LANGS.join(', ')}`,
        after: {
          checksum: made[0]!.checksum,
          bytes: Object.fromEntries(LANGS.map((l, i) => [l, made[i]!.body.length])),
        },
      });
      return reply.redirect(`${reportsAdminPath(region.code, programme.slug)}?done=${year}`, 303);
    },
  });
}
