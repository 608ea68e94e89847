/**
 * The app of a test, built on a migrated and seeded database of one target and answering requests
 * in-process (inject). `useTestApp` opens it before the tests of the enclosing `describe` and closes
 * it after them.
 */
import { after, before } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { openTestContext, type DatabaseTarget } from './databases.ts';

export interface TestApp {
  readonly ctx: AppContext;
  readonly app: FastifyInstance;
  /** `GET url` in-process with `headers`. */
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestAppOptions {
  /** Seed the database on first start (default true). */
  seed?: boolean;
  /** Seed the shipped project facts too (default false in tests). */
  seedProjects?: boolean;
  /** Runs on the context before the app is built (e.g. to add projects or users). */
  prepare?: (ctx: AppContext) => Promise<void>;
  /** The context the app is built on (default: the test's; e.g. one with another public address). */
  appContext?: (ctx: AppContext) => AppContext;
  /** The options of buildApp (e.g. `onRoute`). */
  build?: Parameters<typeof buildApp>[1];
}

/** Opens a context and its app; `close()` closes both and removes the database. */
export async function openTestApp(
  target: DatabaseTarget,
  options: TestAppOptions = {},
): Promise<TestApp & { close(): Promise<void> }> {
  const ctx = await openTestContext(target, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.seedProjects === undefined ? {} : { seedProjects: options.seedProjects }),
  });
  let app: FastifyInstance | undefined;
  try {
    await options.prepare?.(ctx);
    app = await buildApp(options.appContext ? options.appContext(ctx) : ctx, options.build);
  } catch (error) {
    await ctx.close();
    throw error;
  }
  const built = app;
  return {
    ctx,
    app: built,
    get: (url, headers = {}) => built.inject({ method: 'GET', url, headers }),
    async close() {
      await built.close();
      await ctx.close();
    },
  };
}

/**
 * Registers `before`/`after` hooks in the enclosing `describe` that open the app and close it;
 * the returned object may be used inside the tests only.
 */
export function useTestApp(target: DatabaseTarget, options: TestAppOptions = {}): TestApp {
  let opened: (TestApp & { close(): Promise<void> }) | undefined;
  const ready = (): TestApp => {
    if (!opened) throw new Error('useTestApp: the app is open only inside the tests of its describe');
    return opened;
  };
  before(async () => {
    opened = await openTestApp(target, options);
  });
  after(async () => {
    await opened?.close();
    opened = undefined;
  });
  return {
    get ctx() {
      return ready().ctx;
    },
    get app() {
      return ready().app;
    },
    get: (url, headers) => ready().get(url, headers),
  };
}
