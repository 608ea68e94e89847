/** Opens a seeded app on one database target and answers `GET url` in-process, for API tests. */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { openTestContext, type DatabaseTarget } from '../support/databases.ts';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
}

export interface ApiFixture {
  app: FastifyInstance;
  ctx: AppContext;
  get(url: string): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function openApi(target: DatabaseTarget): Promise<ApiFixture> {
  const ctx = await openTestContext(target);
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    async get(url) {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, headers: res.headers, body: res.body, json: () => res.json() };
    },
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

/** Asserts an API error response: status, `{"error":{"code","message"}}` and words the message must contain. */
export function assertApiError(res: ApiResponse, status: number, code: string, ...messageParts: string[]): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  for (const part of messageParts)
    assert.ok(body.error.message.includes(part), `message "${body.error.message}" should contain "${part}"`);
}

/** Asserts a successful open-data JSON response and returns its body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse.json
export function okJson(res: ApiResponse): any {
  assert.equal(res.status, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'public, max-age=60');
  assert.equal(res.headers['access-control-allow-origin'], '*');
  return res.json();
}
