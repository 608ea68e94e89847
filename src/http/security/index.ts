/**
 * The app-wide security plugins besides helmet (registered in app.ts): cookie support (parsed on
 * demand, so public pages pay nothing), the rate limiter (applied per route by adminRoute), and
 * the same-origin check of every state-changing request (same-origin.ts).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { sameOriginCheck } from './same-origin.ts';

/** `publicUrl`: SUUNTA_PUBLIC_URL, whose origin state-changing requests may come from besides the request's own. */
export async function registerSecurity(
  app: FastifyInstance,
  options: { publicUrl?: string | null } = {},
): Promise<void> {
  await app.register(fastifyCookie, { hook: false });
  await app.register(fastifyRateLimit, { global: false });
  app.addHook('preParsing', sameOriginCheck(options.publicUrl ?? null));
}
