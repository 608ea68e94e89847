/** The public website. (Being built: see issue 2.) */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';

export async function registerSite(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}

export async function renderSiteError(_ctx: AppContext, _request: FastifyRequest, reply: FastifyReply, status: number): Promise<FastifyReply> {
  return reply.code(status).type('text/plain; charset=utf-8').send(status === 404 ? 'Not found' : 'Error');
}
