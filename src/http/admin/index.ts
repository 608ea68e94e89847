/**
 * The admin interface under /admin: sign-in and accounts, the dashboard, users, the audit log and
 * (helper F) programme editing. Every route is registered with adminRoute (see admin-route.ts).
 */
import type { FastifyInstance } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { isAdminUrl } from './admin-lang.ts';
import { registerAlignmentAdmin } from './alignment/alignment-routes.ts';
import { adminOnRequest, adminRoute } from './admin-route.ts';
import { registerAuditRoutes } from './audit/audit-routes.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerDashboard } from './dashboard.ts';
import { registerFinancingPlanAdmin } from './financing-plan/financing-plan-routes.ts';
import { registerIndicatorAdmin } from './indicators/indicators-routes.ts';
import { registerStatisticsUploadAdmin } from './indicators/statistics-upload-routes.ts';
import { registerProgrammeAdmin } from './programmes/index.ts';
import { registerProjectUploadAdmin } from './projects/project-upload-routes.ts';
import { registerReportsAdmin } from './reports/reports-routes.ts';
import { registerConsultationAdmin } from './consultation/consultation-routes.ts';
import { registerConsultationPrivacyAdmin } from './consultation/personal-data-routes.ts';
import { registerUserRoutes } from './users/users-routes.ts';

export async function registerAdmin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // No-store and noindex on every /admin response, including 404s of unknown addresses.
  app.addHook('onRequest', async (request, reply) => {
    // Routes made with adminRoute do this themselves.
    if (isAdminUrl(request.url) && request.routeOptions.config?.adminRule === undefined)
      await adminOnRequest(request, reply);
  });

  registerAuthRoutes(app, ctx);
  registerDashboard(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  // F: programme editing routes
  await registerProgrammeAdmin(app, ctx);
  registerAlignmentAdmin(app, ctx);
  await registerProjectUploadAdmin(app, ctx);
  registerFinancingPlanAdmin(app, ctx);
  // Monitoring (issue 8): indicators, overdue data, statistics upload
  registerIndicatorAdmin(app, ctx);
  registerReportsAdmin(app, ctx);
  registerConsultationAdmin(app, ctx);
  registerConsultationPrivacyAdmin(app, ctx);
  await registerStatisticsUploadAdmin(app, ctx);

  // Unknown admin addresses: sign in first (nothing is revealed to anonymous visitors), then 404.
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    adminRoute(app, ctx, {
      method,
      url: '/admin/*',
      rule: { kind: 'signed-in' },
      handler: async (request) => {
        throw notFound(`Page "${request.url.split('?')[0]}"`);
      },
    });
  }
}
