/**
 * Rate limits: at most 120 state-changing requests per minute per signed-in user (or per IP
 * address before signing in), and at most 20 posts of public forms per minute per IP address. Sign-in failures are throttled separately, in the database (see
 * services/accounts/session-service.ts).
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

export const WRITES_PER_MINUTE = 120;
/** Posts of public forms (no sign-in, e.g. consultation comments) per minute per IP address. */
export const PUBLIC_FORM_POSTS_PER_MINUTE = 20;

/** A 429 error the error handlers render (the page in the UI language, or JSON). */
export class TooManyRequests extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} s`);
  }
}

function writerKey(request: FastifyRequest): string {
  const userId = (request as FastifyRequest & { auth?: { user: { id: number } } | null }).auth?.user.id;
  return userId !== undefined ? `user:${userId}` : `ip:${request.ip}`;
}

/** One limiter of each kind per server (shared by every plugin scope of the app). */
const limiters = new WeakMap<object, preHandlerAsyncHookHandler>();
const publicFormLimiters = new WeakMap<object, preHandlerAsyncHookHandler>();

const tooMany = (_request: FastifyRequest, context: { ttl: number }): TooManyRequests =>
  new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000)));

/** The preHandler that limits state-changing requests (one shared counter per app). */
export function writeLimiter(app: FastifyInstance): preHandlerAsyncHookHandler {
  let limiter = limiters.get(app.server);
  if (!limiter) {
    limiter = app.rateLimit({
      max: WRITES_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: writerKey,
      errorResponseBuilder: tooMany,
    }) as preHandlerAsyncHookHandler;
    limiters.set(app.server, limiter);
  }
  return limiter;
}

/** The preHandler that limits posts of public forms: per IP address, signed in or not. */
export function publicFormLimiter(app: FastifyInstance): preHandlerAsyncHookHandler {
  let limiter = publicFormLimiters.get(app.server);
  if (!limiter) {
    limiter = app.rateLimit({
      max: PUBLIC_FORM_POSTS_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => `public-form:${request.ip}`,
      errorResponseBuilder: tooMany,
    }) as preHandlerAsyncHookHandler;
    publicFormLimiters.set(app.server, limiter);
  }
  return limiter;
}
