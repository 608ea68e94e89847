/**
 * Signing in and out: GET/POST /admin/login, POST /admin/logout, POST /admin/logout-everywhere,
 * the own account page GET /admin/account, and the one-time set-password link
 * GET/POST /admin/set-password/:token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '#src/services/accounts/policy.ts';
import { AccountPage } from '#src/views/admin/auth/account-page.tsx';
import { LoginPage, type LoginNotice } from '#src/views/admin/auth/login-page.tsx';
import { SetPasswordPage } from '#src/views/admin/auth/set-password-page.tsx';
import type { FieldError } from '#src/views/admin/components.tsx';
import { adminRoute } from '../admin-route.ts';
import { FieldErrors } from '#src/domain/edit-errors.ts';
import { adminRenderContext, sendAdminPage } from '../admin-page.ts';
import { publicForm } from '../admin-form.ts';
import { formSchema, textField } from '#src/http/forms/form-fields.ts';
import { one } from '#src/http/forms/form-input.ts';
import { accountServices, clearSessionCookie, sessionToken, setSessionCookie } from './session-auth.ts';

/** `next` is followed only to an address inside /admin (no open redirect). */
export function safeNext(next: string): string {
  return /^\/admin(?:[/?#]|$)/.test(next) && !/[\\\s]/.test(next) && !next.startsWith('//') ? next : '/admin';
}

const LOGIN_NOTICES = new Set<string>(['signed-out', 'signed-out-everywhere', 'password-set', 'session-ended']);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { accounts, sessions } = accountServices(ctx);

  const loginPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { email: string; next: string; errors: FieldError[]; notice?: LoginNotice },
    status = 200,
  ): FastifyReply => sendAdminPage(request, reply, (ac) => LoginPage({ ac, ...values }), status);

  adminRoute<{ Querystring: { next?: string; notice?: string } }>(app, ctx, {
    method: 'GET',
    url: '/admin/login',
    rule: { kind: 'public' },
    handler: async (request, reply) => {
      const next = safeNext(typeof request.query.next === 'string' ? request.query.next : '/admin');
      if (request.auth) return reply.redirect(next, 303);
      const asked = request.query.notice;
      const notice =
        typeof asked === 'string' && LOGIN_NOTICES.has(asked)
          ? (asked as LoginNotice)
          : next !== '/admin'
            ? 'session-ended'
            : undefined;
      return loginPage(request, reply, { email: '', next, errors: [], ...(notice ? { notice } : {}) });
    },
  });

  publicForm(app, ctx, {
    url: '/admin/login',
    rule: { kind: 'public' },
    schema: (request) => {
      const { t } = adminRenderContext(request);
      return formSchema(
        {
          email: textField.pipe(
            z
              .string()
              .trim()
              .min(1, { error: t('admin.login.missingEmail') }),
          ),
          password: textField.pipe(z.string().min(1, { error: t('admin.login.missingPassword') })),
          next: textField.transform(safeNext),
        },
        (f) => f,
      );
    },
    fieldErrors: (_request, fields) => Object.entries(fields).map(([field, message]) => ({ field, message })),
    action: async ({ email, password, next }, request, reply) => {
      const { t } = adminRenderContext(request);
      const result = await sessions.signIn({
        email,
        password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!result.ok && result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
        return loginPage(
          request,
          reply,
          { email, next, errors: [{ field: 'email', message: t('admin.login.throttled', { minutes }) }] },
          429,
        );
      }
      if (!result.ok)
        return loginPage(
          request,
          reply,
          { email, next, errors: [{ field: 'email', message: t('admin.login.invalid') }] },
          401,
        );

      // A session cookie already present (another account, or a stale one) is ended, never reused.
      const previous = sessionToken(request);
      if (previous) await sessions.signOut(previous);
      setSessionCookie(request, reply, result.token);
      return next;
    },
    view: (request, reply, f) =>
      loginPage(
        request,
        reply,
        { email: one(f.sent, 'email').trim(), next: safeNext(one(f.sent, 'next')), errors: f.errors },
        f.status,
      ),
  });

  adminRoute(app, ctx, {
    method: 'POST',
    url: '/admin/logout',
    rule: { kind: 'signed-in' },
    handler: async (request, reply) => {
      const token = sessionToken(request);
      if (token) await sessions.signOut(token);
      clearSessionCookie(request, reply);
      return reply.redirect('/admin/login?notice=signed-out', 303);
    },
  });

  adminRoute(app, ctx, {
    method: 'POST',
    url: '/admin/logout-everywhere',
    rule: { kind: 'signed-in' },
    handler: async (request, reply) => {
      await sessions.signOutEverywhere(request.auth.user);
      clearSessionCookie(request, reply);
      return reply.redirect('/admin/login?notice=signed-out-everywhere', 303);
    },
  });

  adminRoute(app, ctx, {
    method: 'GET',
    url: '/admin/account',
    rule: { kind: 'signed-in' },
    handler: async (request, reply) => {
      const lang = request.adminLang;
      const regionNames = new Map(
        (await ctx.reader.regions()).map((r) => [r.code, pickText(r.name, lang)?.text ?? r.code]),
      );
      return sendAdminPage(request, reply, (ac) => AccountPage({ ac, regionNames }));
    },
  });

  const linkPage = async (
    request: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
    errors: FieldError[],
    status: number,
  ): Promise<FastifyReply> => {
    const token = request.params.token;
    const state = TOKEN.test(token) ? await accounts.tokenState(token) : ({ state: 'unknown' } as const);
    const action = `/admin/set-password/${token}`;
    if (state.state !== 'valid') {
      return sendAdminPage(
        request,
        reply,
        (ac) =>
          SetPasswordPage({
            ac,
            action,
            email: null,
            minLength: MIN_PASSWORD_LENGTH,
            errors: [],
            problem: state.state,
          }),
        state.state === 'unknown' ? 404 : 410,
      );
    }
    return sendAdminPage(
      request,
      reply,
      (ac) => SetPasswordPage({ ac, action, email: state.email, minLength: MIN_PASSWORD_LENGTH, errors }),
      status,
    );
  };

  adminRoute<{ Params: { token: string } }>(app, ctx, {
    method: 'GET',
    url: '/admin/set-password/:token',
    rule: { kind: 'public' },
    handler: async (request, reply) => {
      // The link's token must not travel on in Referer headers.
      reply.header('referrer-policy', 'no-referrer');
      return linkPage(request, reply, [], 200);
    },
  });

  publicForm<FastifyRequest<{ Params: { token: string } }>, { password: string; confirm: string }>(app, ctx, {
    url: '/admin/set-password/:token',
    rule: { kind: 'public' },
    schema: (request) => {
      const { t } = adminRenderContext(request);
      const tooLong = { error: t('admin.password.too-long', { max: MAX_PASSWORD_LENGTH }) };
      return formSchema(
        {
          // The policy (length, the e-mail address, the two alike) is the account service's.
          password: textField.pipe(z.string().max(MAX_PASSWORD_LENGTH, tooLong)),
          confirm: textField.pipe(z.string().max(MAX_PASSWORD_LENGTH, tooLong)),
        },
        (f) => ({ password: f.password, confirm: f.confirm }),
      );
    },
    // The messages are whole sentences in the UI language already.
    fieldErrors: (_request, fields) => Object.entries(fields).map(([field, message]) => ({ field, message })),
    action: async ({ password, confirm }, request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const token = request.params.token;
      if (!TOKEN.test(token)) return linkPage(request, reply, [], 404);
      const result = await accounts.setPassword(token, password, confirm);
      if (result.ok) {
        // Setting a password ends every session of the account, this browser's included.
        clearSessionCookie(request, reply);
        return '/admin/login?notice=password-set';
      }
      if (result.problem === 'used' || result.problem === 'expired' || result.problem === 'unknown')
        return linkPage(request, reply, [], 410);
      const { t } = adminRenderContext(request);
      const message = t(`admin.password.${result.problem}`, {
        min: MIN_PASSWORD_LENGTH,
        max: MAX_PASSWORD_LENGTH,
      });
      throw new FieldErrors('The password was not set', {
        [result.problem === 'mismatch' ? 'confirm' : 'password']: message,
      });
    },
    view: (request, reply, f) => {
      reply.header('referrer-policy', 'no-referrer');
      return linkPage(request, reply, f.errors, f.status);
    },
  });
}
