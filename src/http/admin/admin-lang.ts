/** The admin interface language: `?lang=` (remembered in a cookie), else the cookie, else Finnish. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LANG, isLang, type Lang } from '#src/domain/languages.ts';
import { ADMIN_LANG_COOKIE, cookieOptions, requestCookies } from '#src/http/security/cookies.ts';

const YEAR_SECONDS = 365 * 24 * 3600;

export function resolveAdminLang(request: FastifyRequest, reply: FastifyReply): Lang {
  const asked = (request.query as Record<string, unknown> | undefined)?.['lang'];
  const saved = requestCookies(request)[ADMIN_LANG_COOKIE];
  if (isLang(asked)) {
    if (asked !== saved) reply.setCookie(ADMIN_LANG_COOKIE, asked, cookieOptions(request, YEAR_SECONDS));
    return asked;
  }
  return isLang(saved) ? saved : DEFAULT_LANG;
}

/** True for /admin and everything below it. */
export function isAdminUrl(url: string): boolean {
  return url === '/admin' || /^\/admin[/?.]/.test(url);
}
