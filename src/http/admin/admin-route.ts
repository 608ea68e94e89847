/**
 * THE way every admin page and every write is registered: `adminRoute(app, ctx, { method, url,
 * rule, schema?, handler })`. The rule is recorded in a registry (the route-table test checks that
 * every /admin or non-GET route has one) and enforced by preHandlers, in this order:
 * authenticate → rate limit (writes) → CSRF token (writes) → role in the region.
 *
 * Rules: `public` (the sign-in and set-password pages only), `public-form` (a form anyone may
 * send, e.g. a consultation comment: no sign-in, the CSRF token of the pre-session cookie, a
 * stricter rate limit per address), `signed-in`, and `role` (a role in the request's region).
 * A form's POST is best registered with `adminForm` (./admin-form.ts), which adds the schema and
 * the answer to a refused change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteGenericInterface } from 'fastify';
import { AppError } from '#src/domain/errors.ts';
import { isLang, type Lang } from '#src/domain/languages.ts';
import { roleSatisfies, type Actor, type Role } from '#src/domain/roles.ts';
import type { AppContext } from '#src/services/app-context.ts';
import type { SessionUser } from '#src/services/accounts/session-service.ts';
import { csrfMatches, isStateChanging, sentCsrfToken } from '#src/http/security/csrf.ts';
import { publicFormLimiter, writeLimiter } from '#src/http/security/rate-limits.ts';
import { resolveAdminLang } from './admin-lang.ts';
import { adminErrorHandler, CsrfRejected } from './admin-page.ts';
import { loadAuth } from './auth/session-auth.ts';

export type AdminUser = SessionUser;

export interface AdminAuth {
  user: AdminUser;
  /** The CSRF token of this session (the `_csrf` form field or `x-csrf-token` header). */
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; null for anonymous requests (and outside admin routes). */
    auth: AdminAuth | null;
    /** The CSRF token for forms on this page: the session's, or the pre-session one before signing in. */
    csrfToken: string;
    /** The admin interface language. */
    adminLang: Lang;
    authLoaded: boolean;
  }
  interface FastifyContextConfig {
    /** The access rule of a route registered with adminRoute. */
    adminRule?: AccessRule;
  }
}

/** A request of a signed-in route: `auth` is set. */
export type AdminRequest<RG extends RouteGenericInterface = RouteGenericInterface> = FastifyRequest<RG> & {
  auth: AdminAuth;
};

export interface PublicRule {
  kind: 'public';
}
/** A form anyone may send: no sign-in; CSRF token of the pre-session cookie; rate-limited per address. */
export interface PublicFormRule {
  kind: 'public-form';
}
export interface SignedInRule {
  kind: 'signed-in';
}
export interface RoleRule<RG extends RouteGenericInterface = RouteGenericInterface> {
  kind: 'role';
  role: Role;
  /** The region the request acts on (from params, the body, or the programme being edited). */
  region: (request: AdminRequest<RG>) => string | Promise<string>;
}
export type AccessRule = PublicRule | PublicFormRule | SignedInRule | RoleRule<never>;

/** True for the rules that let anonymous requests through. */
export function isOpenRule(rule: AccessRule): rule is PublicRule | PublicFormRule {
  return rule.kind === 'public' || rule.kind === 'public-form';
}

export type AdminMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface BaseOptions {
  method: AdminMethod;
  url: string;
  schema?: FastifySchema;
}
export interface PublicRouteOptions<RG extends RouteGenericInterface> extends BaseOptions {
  rule: PublicRule | PublicFormRule;
  handler: (request: FastifyRequest<RG>, reply: FastifyReply) => Promise<unknown>;
}
export interface ProtectedRouteOptions<RG extends RouteGenericInterface> extends BaseOptions {
  rule: SignedInRule | RoleRule<RG>;
  handler: (request: AdminRequest<RG>, reply: FastifyReply) => Promise<unknown>;
}

const registry = new Map<string, AccessRule>();

const keyOf = (method: string, url: string): string => `${method === 'HEAD' ? 'GET' : method.toUpperCase()} ${url}`;

/** Every rule registered so far, keyed `"METHOD url"` (HEAD routes use their GET rule). */
export function adminRouteRules(): ReadonlyMap<string, AccessRule> {
  return registry;
}

export function ruleFor(method: string, url: string): AccessRule | undefined {
  return registry.get(keyOf(method, url));
}

/** True when `user` holds `role` (or a stronger one) in `regionCode`. */
export function hasRole(user: AdminUser, role: Role, regionCode: string): boolean {
  return user.roles.some((r) => r.regionCode === regionCode && roleSatisfies(r.role, role));
}

/** The regions where `user` holds `role` (or a stronger one). */
export function regionsWithRole(user: AdminUser, role: Role): string[] {
  return user.roles.filter((r) => roleSatisfies(r.role, role)).map((r) => r.regionCode);
}

/** Who acts, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('unauthorized', 'Sign-in required');
  return { userId: request.auth.user.id, label: request.auth.user.email };
}

/** A region resolver reading a route parameter, e.g. `regionParam('code')` for `/admin/regions/:code/…`. */
export function regionParam(name: string): (request: FastifyRequest) => string {
  return (request) => {
    const value = (request.params as Record<string, unknown>)[name];
    if (typeof value !== 'string' || !/^\d{2}$/.test(value))
      throw new AppError('not_found', `Region "${String(value)}" was not found`);
    return value;
  };
}

/** A single text field of a parsed form ('' when absent or repeated). */
export function formText(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

const REGION_CODE = /^\d{2}$/;

/** Region resolver for pages: `?region=`, else the first region the user administers (else any of theirs). */
export function regionFromQuery(request: FastifyRequest): string {
  const asked = (request.query as Record<string, unknown> | undefined)?.['region'];
  if (typeof asked === 'string' && REGION_CODE.test(asked)) return asked;
  const user = request.auth?.user;
  return (user && (regionsWithRole(user, 'admin')[0] ?? user.roles[0]?.regionCode)) || '00';
}

/** Region resolver for forms: their `region` field (400 when it is not a region code). */
export function regionFromBody(request: FastifyRequest): string {
  const region = formText(request.body, 'region');
  if (!REGION_CODE.test(region)) throw new AppError('bad_request', 'region: must be a two-digit region code');
  return region;
}

/** Headers of every admin response, and the UI language. */
export async function adminOnRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
  request.adminLang = resolveAdminLang(request, reply);
}

/** Headers of a public form's page and answer (its CSRF token is per visitor: never cached), and the UI language. */
export async function publicFormOnRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
  // A form of the public site (e.g. /fi/…/consultation/…/comment) answers in its address's language.
  const prefix = /^\/([a-z]{2})\//.exec(request.url)?.[1];
  request.adminLang = isLang(prefix) ? prefix : resolveAdminLang(request, reply);
}

function ensureDecorations(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('auth')) app.decorateRequest('auth', null);
  if (!app.hasRequestDecorator('csrfToken')) app.decorateRequest('csrfToken', '');
  if (!app.hasRequestDecorator('adminLang')) app.decorateRequest('adminLang', 'fi');
  if (!app.hasRequestDecorator('authLoaded')) app.decorateRequest('authLoaded', false);
}

export function adminRoute<RG extends RouteGenericInterface = RouteGenericInterface>(
  app: FastifyInstance,
  ctx: AppContext,
  options: PublicRouteOptions<RG>,
): void;
export function adminRoute<RG extends RouteGenericInterface = RouteGenericInterface>(
  app: FastifyInstance,
  ctx: AppContext,
  options: ProtectedRouteOptions<RG>,
): void;
export function adminRoute(
  app: FastifyInstance,
  ctx: AppContext,
  options: PublicRouteOptions<RouteGenericInterface> | ProtectedRouteOptions<RouteGenericInterface>,
): void {
  ensureDecorations(app);
  const { method, url, rule } = options;
  const key = keyOf(method, url);
  registry.set(key, rule as AccessRule);
  const writes = isStateChanging(method);
  const limiter = rule.kind === 'public-form' ? publicFormLimiter : writeLimiter;

  const open = isOpenRule(rule as AccessRule);
  const authenticate = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    await loadAuth(ctx, request, reply, open);
    if (open || request.auth) return undefined;
    if (method === 'GET') return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 302);
    throw new AppError('unauthorized', 'Sign-in required');
  };
  // Anonymous requests are answered here, before the body is parsed or anything is looked up, so
  // that they answer alike whether the programme, node or user in the address exists or not.
  const anonymousFirst = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (rule.kind === 'public') return undefined;
    return authenticate(request, reply);
  };
  const checkCsrf = async (request: FastifyRequest): Promise<void> => {
    if (request.csrfToken === '' || !csrfMatches(request.csrfToken, sentCsrfToken(request))) throw new CsrfRejected();
  };
  const checkRole = async (request: FastifyRequest): Promise<void> => {
    if (rule.kind !== 'role') return;
    const auth = request.auth!;
    const region = await rule.region(request as AdminRequest);
    if (!hasRole(auth.user, rule.role, region))
      throw new AppError('forbidden', `This needs the role ${rule.role} in region ${region}`);
  };

  app.route({
    method,
    url,
    ...(options.schema ? { schema: { hide: true, ...options.schema } } : { schema: { hide: true } }),
    config: { adminRule: rule },
    onRequest: rule.kind === 'public-form' ? publicFormOnRequest : [adminOnRequest, anonymousFirst],
    preHandler: [authenticate, ...(writes ? [limiter(app), checkCsrf] : []), checkRole],
    errorHandler: adminErrorHandler,
    handler: options.handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}
