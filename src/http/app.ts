/**
 * Composes the HTTP server: security headers, the public site (/fi, /sv, /en), the JSON API
 * (/api), health checks, and one error handler that maps the error catalogue to responses.
 */
import fastifyFormbody from '@fastify/formbody';
import type {} from '@fastify/swagger';
import fastifyHelmet from '@fastify/helmet';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import { AppError, type ErrorCode } from '#src/domain/errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { registerAdmin } from './admin/index.ts';
import { registerApi } from './api/index.ts';
import { registerSecurity } from './security/index.ts';
import { registerSite, renderSiteError } from './site/index.ts';

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  bad_request: 400,
  invalid_file: 400,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  busy: 503,
};

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api';
}

/** Sends `{"error":{"code","message"}}` with the status of the error's code. */
export function sendApiError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: readonly string[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(details && details.length > 0 ? { details } : {}) } });
}

/** `onRoute` sees every route as it is registered (the route-table test collects them with it). */
export async function buildApp(
  ctx: AppContext,
  options: { onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(ctx.config.logLevel) }),
    // fastify accepts a hop count too (proxy-addr), though its types omit it.
    trustProxy: ctx.config.trustProxy as boolean | string | string[],
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: ctx.config.production,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(fastifyFormbody);
  await registerSecurity(app, { publicUrl: ctx.config.publicUrl });

  app.setErrorHandler(async (error, request, reply) => {
    const appError = error instanceof AppError ? error : null;
    const validation = (error as { validation?: unknown }).validation !== undefined;
    const status = appError
      ? STATUS[appError.code]
      : validation
        ? 400
        : ((error as { statusCode?: number }).statusCode ?? 500);
    // A busy answer is the service working as meant (a full report queue), not a failure to log or hide.
    const isBusy = appError?.code === 'busy';
    if (status >= 500 && !isBusy) request.log.error({ err: error }, 'request failed');
    if (isBusy && appError.retryAfterSeconds !== null) reply.header('retry-after', String(appError.retryAfterSeconds));
    const code = appError
      ? appError.code
      : validation
        ? 'bad_request'
        : status === 404
          ? 'not_found'
          : status < 500
            ? 'bad_request'
            : 'internal_error';
    const message = status >= 500 && !isBusy ? 'Internal server error' : (error as Error).message;
    if (isApiRequest(request)) return sendApiError(reply, status, code, message, appError?.details);
    return renderSiteError(ctx, request, reply, status);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiRequest(request))
      return sendApiError(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    return renderSiteError(ctx, request, reply, 404);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await ctx.reader.ready();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unavailable' });
  });

  await registerApi(app, ctx);
  await registerSite(app, ctx);
  await registerAdmin(app, ctx);
  return app;
}
