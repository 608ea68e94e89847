/**
 * The app-wide security plugins besides helmet (registered in app.ts): cookie support (parsed on
 * demand, so public pages pay nothing) and the rate limiter (applied per route by adminRoute).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie, { hook: false });
  await app.register(fastifyRateLimit, { global: false });
}
