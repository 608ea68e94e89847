/**
 * Sending admin pages: the render context of a request (UI language, user, CSRF token, asset
 * URLs), HTML responses, and the error handler of admin routes (the error page in the UI
 * language, or JSON for clients that ask for it).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '#src/domain/errors.ts';
import { translator } from '#src/i18n/index.ts';
import { AdminErrorPage, type AdminErrorKind } from '#src/views/admin/components.tsx';
import type { AdminRenderContext } from '#src/views/admin/layout.tsx';
import { TooManyRequests } from '#src/http/security/rate-limits.ts';
import { CrossSiteRejected } from '#src/http/security/same-origin.ts';
import { assets } from '#src/http/site/assets.ts';

const HTML = 'text/html; charset=utf-8';

/** A state-changing request without the right CSRF token (403). */
export class CsrfRejected extends AppError {
  constructor() {
    super('forbidden', 'CSRF token missing or invalid');
  }
}

export function adminRenderContext(request: FastifyRequest): AdminRenderContext {
  const lang = request.adminLang ?? 'fi';
  const all = assets();
  return {
    lang,
    t: translator(lang),
    user: request.auth?.user ?? null,
    csrfToken: request.csrfToken ?? '',
    path: request.url,
    cssHref: all.get('admin.css')!.href,
    iconHref: all.get('favicon.svg')!.href,
  };
}

/** Renders `view` for the request and sends it (never cached: `no-store`). */
export function sendAdminPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: (ac: AdminRenderContext) => JSX.Element,
  status = 200,
): FastifyReply {
  const html = view(adminRenderContext(request));
  if (typeof html !== 'string') throw new Error('A view returned a promise; views must be synchronous');
  return reply
    .code(status)
    .header('content-type', HTML)
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .send(html);
}

/** True when the client prefers JSON over HTML (API-style clients of admin writes). */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  bad_request: 400,
  invalid_file: 400,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  busy: 503,
};

function kindOf(status: number): AdminErrorKind {
  if (status === 401 || status === 403 || status === 404 || status === 409 || status === 429 || status === 503)
    return String(status) as AdminErrorKind;
  return status >= 500 ? '500' : '400';
}

/** Sends the admin error page (or JSON) for `status`. */
export function sendAdminError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  options: { csrf?: boolean; crossSite?: boolean; code?: string; message?: string; retryAfterSeconds?: number } = {},
): FastifyReply {
  reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
  if (wantsJson(request)) {
    const code =
      options.code ??
      (status === 404
        ? 'not_found'
        : status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : status === 409
              ? 'conflict'
              : status === 429
                ? 'too_many_requests'
                : status >= 500
                  ? 'internal_error'
                  : 'bad_request');
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ error: { code, message: options.message ?? (status >= 500 ? 'Internal server error' : code) } });
  }
  const kind: AdminErrorKind = options.csrf ? 'csrf' : options.crossSite ? 'crossSite' : kindOf(status);
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      AdminErrorPage({
        ac,
        kind,
        ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
      }),
    status,
  );
}

/** The error handler of every admin route. */
export async function adminErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (error instanceof TooManyRequests)
    return sendAdminError(request, reply, 429, { message: error.message, retryAfterSeconds: error.retryAfterSeconds });
  const appError = error instanceof AppError ? error : null;
  const validation = (error as { validation?: unknown }).validation !== undefined;
  const status = appError
    ? STATUS[appError.code]
    : validation
      ? 400
      : ((error as { statusCode?: number }).statusCode ?? 500);
  // A busy answer (a full report queue) is the service working as meant: not logged, its message shown.
  const busy = appError?.code === 'busy' ? appError : null;
  if (status >= 500 && !busy) request.log.error({ err: error }, 'admin request failed');
  const message = status >= 500 && !busy ? 'Internal server error' : error.message;
  if (busy?.retryAfterSeconds != null) reply.header('retry-after', String(busy.retryAfterSeconds));
  return sendAdminError(request, reply, status, {
    csrf: error instanceof CsrfRejected,
    crossSite: error instanceof CrossSiteRejected,
    ...(appError ? { code: appError.code } : {}),
    ...(busy?.retryAfterSeconds != null ? { retryAfterSeconds: busy.retryAfterSeconds } : {}),
    message,
  });
}
