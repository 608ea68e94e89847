/**
 * CSRF tokens tied to a secret only the browser's cookie holds: the session token for signed-in
 * users, a pre-session cookie for the sign-in and set-password forms. The token is an HMAC of that
 * secret, so it cannot be made without the cookie and the database never sees it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('suunta-csrf-v1').digest('base64url');
}

/** The token a request sent: the `_csrf` form/JSON field (body parsed by now) or the `x-csrf-token` header. */
export function sentCsrfToken(request: FastifyRequest): string | null {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const value = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** Constant-time comparison of the expected and the sent token. */
export function csrfMatches(expected: string, sent: string | null): boolean {
  if (sent === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Methods that change state and so need a CSRF token. */
export function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
