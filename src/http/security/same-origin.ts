/**
 * The second line behind the CSRF token: every state-changing request (POST, PUT, PATCH, DELETE)
 * of the whole app must come from this site, as the browser's Fetch Metadata and Origin headers
 * tell. Refused with 403 (CrossSiteRejected), before the body is read, when
 *   - `Sec-Fetch-Site` is `cross-site`, or `same-site` without an Origin of the public URL (a
 *     sibling subdomain is another site to us);
 *   - `Origin` is neither the request's own origin (scheme and host as fastify sees them, so behind
 *     a trusted proxy its X-Forwarded-Proto/-Host) nor the origin of SUUNTA_PUBLIC_URL (`null`, as
 *     sandboxed frames send it, included).
 * A request with neither header (a non-browser client: curl, scripts) is left to the token alone.
 * Registered once for the app in security/index.ts (a preParsing hook: after every onRequest hook,
 * so the admin pages know their language, and before anything is parsed or written).
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '#src/domain/errors.ts';
import { isStateChanging } from './csrf.ts';

/** A state-changing request from another site (403). */
export class CrossSiteRejected extends AppError {
  constructor(reason: string) {
    super('forbidden', `Cross-site request refused: ${reason}`);
  }
}

/** The origin (`scheme://host[:port]`, default ports dropped) of a URL, or null when it is none. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The request's own origin: scheme and host as fastify sees them (honouring the trusted-proxy setting). */
export function ownOrigin(request: FastifyRequest): string | null {
  return originOf(`${request.protocol}://${request.host}`);
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
};

/** Why the request must be refused as cross-site, or null when it may go on (to the CSRF check). */
export function crossSiteReason(request: FastifyRequest, publicUrl: string | null): string | null {
  if (!isStateChanging(request.method)) return null;
  const publicOrigin = publicUrl ? originOf(publicUrl) : null;
  const site = header(request, 'sec-fetch-site')?.trim().toLowerCase();
  const rawOrigin = header(request, 'origin')?.trim();
  const origin = rawOrigin === undefined ? undefined : rawOrigin === 'null' ? null : originOf(rawOrigin);

  if (site === 'cross-site') return 'the browser says it was sent from another site (Sec-Fetch-Site: cross-site)';
  if (site === 'same-site' && (origin === undefined || origin === null || origin !== publicOrigin))
    return `the browser says it was sent from another address of the same site (Sec-Fetch-Site: same-site, Origin ${rawOrigin ?? 'missing'})`;
  if (rawOrigin !== undefined && (origin === null || (origin !== ownOrigin(request) && origin !== publicOrigin)))
    return `it was sent from ${JSON.stringify(rawOrigin)}, which is neither this site nor its public address`;
  return null;
}

/** The preParsing hook: throws CrossSiteRejected (the error handlers answer 403). */
export function sameOriginCheck(publicUrl: string | null) {
  return async (request: FastifyRequest, _reply: unknown, payload: unknown): Promise<unknown> => {
    const reason = crossSiteReason(request, publicUrl);
    if (reason !== null) throw new CrossSiteRejected(reason);
    return payload;
  };
}
