/** The cookies Suunta sets and their attributes (HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS). */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

/** The session token (the database keeps only its SHA-256). */
export const SESSION_COOKIE = 'suunta_session';
/** A random secret for the CSRF token of forms shown before signing in. */
export const PRE_SESSION_COOKIE = 'suunta_presession';
/** The admin interface language chosen by the user (fi, sv, en). */
export const ADMIN_LANG_COOKIE = 'suunta_admin_lang';

/** Attributes of every cookie; Secure when the request came over HTTPS (behind a proxy: X-Forwarded-Proto). */
export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** The request's cookies (parsed on demand; the cookie plugin's global parsing hook is off). */
export function requestCookies(request: FastifyRequest): Record<string, string | undefined> {
  const header = request.headers.cookie;
  if (!header) return {};
  return request.server.parseCookie(header);
}
