/** The open JSON API. (Being built: see issue 2.) */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';

export async function registerApi(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
