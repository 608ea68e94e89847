/**
 * The programme editor under /admin: programmes and their versions and lifecycle, node trees,
 * taxonomy terms, and the council's offices and contacts. Reading needs the viewer role in the
 * region, every change the editor role; approving a version needs only the editor role, since it
 * records a decision the regional assembly has made.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { registerCouncilRoutes } from './council-routes.ts';
import { registerProgrammeRoutes } from './programme-routes.ts';
import { registerTermRoutes } from './term-routes.ts';
import { registerVersionRoutes } from './version-routes.ts';

export async function registerProgrammeAdmin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerProgrammeRoutes(app, ctx);
  registerVersionRoutes(app, ctx);
  registerTermRoutes(app, ctx);
  registerCouncilRoutes(app, ctx);
}
