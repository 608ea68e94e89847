/**
 * The open JSON API: read-only routes under /api/v1 whose zod schemas validate parameters and
 * bodies, whose JSON Schemas (made from zod) shape responses, and which together generate the
 * OpenAPI 3.1 document served at /api/openapi.json.
 */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { swaggerOptions } from './openapi.ts';
import { registerAlignmentRoutes } from './routes/alignment.ts';
import { registerConsultationRoutes } from './routes/consultation.ts';
import { registerDiffRoutes } from './routes/diff.ts';
import { registerIndicatorRoutes } from './routes/indicators.ts';
import { registerNodeRoutes } from './routes/nodes.ts';
import { registerProgrammeRoutes } from './routes/programmes.ts';
import { registerProjectRoutes } from './routes/projects.ts';
import { registerRegionRoutes } from './routes/regions.ts';
import { namedJsonSchemas } from './schemas/all.ts';
import { formatValidationErrors, zodValidatorCompiler } from './validation.ts';

/** Open data: any site may read it, and caches may keep it for a minute. */
async function openDataHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') {
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('cache-control', reply.statusCode < 400 ? 'public, max-age=60' : 'no-store');
  }
  return payload;
}

export async function registerApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifySwagger, swaggerOptions(ctx.config));
  await app.register(
    async (api) => {
      for (const schema of namedJsonSchemas()) api.addSchema(schema);
      // Parameters and bodies are zod schemas; responses stay JSON Schema (fastify's serialiser).
      api.setValidatorCompiler(zodValidatorCompiler);
      api.addHook('onRoute', (route) => {
        route.schemaErrorFormatter ??= formatValidationErrors;
      });
      api.addHook('onSend', openDataHeaders);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(
        async (v1) => {
          registerRegionRoutes(v1, ctx);
          registerProgrammeRoutes(v1, ctx);
          registerNodeRoutes(v1, ctx);
          registerDiffRoutes(v1, ctx);
          registerProjectRoutes(v1, ctx);
          registerAlignmentRoutes(v1, ctx);
          registerIndicatorRoutes(v1, ctx);
          registerConsultationRoutes(v1, ctx);
        },
        { prefix: '/v1' },
      );
      // Unknown paths under /api get the API's JSON 404, whatever routes the site declares.
      const noRoute = async (request: FastifyRequest): Promise<never> => {
        throw notFound(`Route ${request.method} ${request.url.split('?')[0]}`);
      };
      api.all('/', { schema: { hide: true } }, noRoute);
      api.all('/*', { schema: { hide: true } }, noRoute);
    },
    { prefix: '/api' },
  );
}
