/**
 * Who is asking: reads the session cookie, checks the session (idle and absolute expiry) and sets
 * `request.auth` and the request's CSRF token; before signing in, a pre-session cookie keys the
 * CSRF token of the sign-in and set-password forms.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import { AuditLog } from '#src/services/accounts/audit-log.ts';
import { newToken, SESSION_ABSOLUTE_MS, systemClock } from '#src/services/accounts/policy.ts';
import { SessionService } from '#src/services/accounts/session-service.ts';
import { cookieOptions, PRE_SESSION_COOKIE, requestCookies, SESSION_COOKIE } from '#src/http/security/cookies.ts';
import { csrfTokenFor } from '#src/http/security/csrf.ts';

export interface AccountServices {
  accounts: AccountService;
  sessions: SessionService;
  audit: AuditLog;
}

const services = new WeakMap<AppContext, AccountServices>();

/** The account services of an app context (made once per context, with its clock). */
export function accountServices(ctx: AppContext): AccountServices {
  let found = services.get(ctx);
  if (!found) {
    const clock = ctx.clock ?? systemClock;
    found = {
      accounts: new AccountService(ctx.db.kysely, clock),
      sessions: new SessionService(ctx.db.kysely, clock, ctx.db.dialect),
      audit: new AuditLog(ctx.db.kysely),
    };
    services.set(ctx, found);
  }
  return found;
}

/** The session token of the request's cookie, if any. */
export function sessionToken(request: FastifyRequest): string | null {
  const token = requestCookies(request)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/**
 * Sets `request.auth` from the session cookie (an ended session's cookie is cleared) and
 * `request.csrfToken`; with no session, from the pre-session cookie, which is made when
 * `ensurePreSession` and missing.
 */
export async function loadAuth(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  ensurePreSession: boolean,
): Promise<void> {
  if (request.authLoaded) return;
  request.authLoaded = true;
  const token = sessionToken(request);
  if (token) {
    const user = await accountServices(ctx).sessions.authenticate(token);
    if (user) {
      const csrfToken = csrfTokenFor(token);
      request.auth = { user, csrfToken };
      request.csrfToken = csrfToken;
      return;
    }
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
  }
  let pre = requestCookies(request)[PRE_SESSION_COOKIE];
  if (!pre || !/^[A-Za-z0-9_-]{20,100}$/.test(pre)) {
    if (!ensurePreSession) return;
    pre = newToken();
    reply.setCookie(PRE_SESSION_COOKIE, pre, cookieOptions(request));
  }
  request.csrfToken = csrfTokenFor(pre);
}

/** Starts a session: the cookie lives as long as the session's absolute expiry. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, Math.floor(SESSION_ABSOLUTE_MS / 1000)));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
