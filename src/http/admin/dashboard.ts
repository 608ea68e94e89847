/** The admin front page GET /admin: the user's regions with their programmes. */
import type { FastifyInstance } from 'fastify';
import { pickText } from '#src/domain/languages.ts';
import { formatPeriod } from '#src/i18n/format.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { DashboardPage, type DashboardRegion } from '#src/views/admin/dashboard-page.tsx';
import { adminRoute } from './admin-route.ts';
import { sendAdminPage } from './admin-page.ts';

export function registerDashboard(app: FastifyInstance, ctx: AppContext): void {
  adminRoute(app, ctx, {
    method: 'GET',
    url: '/admin',
    rule: { kind: 'signed-in' },
    handler: async (request, reply) => {
      const lang = request.adminLang;
      const allRegions = new Map((await ctx.reader.regions()).map((r) => [r.code, r]));
      const regions: DashboardRegion[] = [];
      for (const grant of request.auth.user.roles) {
        const region = allRegions.get(grant.regionCode);
        if (!region) continue;
        const programmes = await ctx.reader.programmes(grant.regionCode);
        regions.push({
          code: region.code,
          name: pickText(region.name, lang)?.text ?? region.code,
          role: grant.role,
          programmes: programmes.map((p) => ({
            slug: p.slug,
            title: pickText(p.title, lang)?.text ?? p.slug,
            period: formatPeriod(p.periodStart, p.periodEnd),
            currentVersion: p.currentVersion,
          })),
        });
      }
      return sendAdminPage(request, reply, (ac) => DashboardPage({ ac, regions }));
    },
  });
}
