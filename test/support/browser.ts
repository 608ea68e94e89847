/**
 * Shared pieces of the browser tests: Debian's Chromium (never a downloaded browser) with the
 * flags this closed network needs, the axe-core WCAG 2.1 A/AA check, a seeded app served for a
 * browser for the tests of a `describe`, and signing in through the admin login form.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { CHROMIUM, launchChromium } from '#src/services/reports/pdf/chromium.ts';
import { openTestContext, type DatabaseTarget } from './databases.ts';

export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from '#src/services/reports/pdf/chromium.ts';

/** `false` when Chromium is installed, else the reason to skip (pretest installs it). */
export const SKIP_WITHOUT_CHROMIUM: false | string = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing: run scripts/ensure-chromium.sh`;

/** Runs axe-core's WCAG 2.1 A and AA rules on `page` and fails with every violation listed. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(summary, [], `${label}: axe-core found WCAG 2.1 A/AA violations`);
}

/** The app of a test context listening on a free local port, with a Chromium to visit it. */
export interface ServedApp {
  app: FastifyInstance;
  /** e.g. `http://127.0.0.1:40123` */
  base: string;
  browser: Browser;
  /** Closes the browser and the app (not the context). */
  close(): Promise<void>;
}

export async function serveForBrowser(ctx: AppContext): Promise<ServedApp> {
  const app = await buildApp(ctx);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    app,
    base,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** What the tests of a `describe` with useBrowserApp see: the context, the app's address and the browser. */
export interface BrowserApp {
  readonly ctx: AppContext;
  /** e.g. `http://127.0.0.1:40123` */
  readonly base: string;
  readonly browser: Browser;
}

/**
 * Registers `before`/`after` hooks in the enclosing `describe`: opens a seeded context on `target`,
 * runs `prepare` on it (add users, start a draft …), serves its app on a free local port and
 * launches Chromium; afterwards closes them all. Use the returned object inside the tests only.
 */
export function useBrowserApp(target: DatabaseTarget, prepare?: (ctx: AppContext) => Promise<void>): BrowserApp {
  let ctx: AppContext | undefined;
  let served: ServedApp | undefined;
  before(async () => {
    ctx = await openTestContext(target);
    await prepare?.(ctx);
    served = await serveForBrowser(ctx);
  });
  after(async () => {
    await served?.close();
    await ctx?.close();
  });
  const ready = (): { ctx: AppContext; served: ServedApp } => {
    if (!ctx || !served) throw new Error('useBrowserApp: the app is served only inside the tests of its describe');
    return { ctx, served };
  };
  return {
    get ctx() {
      return ready().ctx;
    },
    get base() {
      return ready().served.base;
    },
    get browser() {
      return ready().served.browser;
    },
  };
}

/** Signs `user` in through the admin login form of `base` and waits for the dashboard. */
export async function signInInBrowser(
  page: Page,
  base: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.locator('#field-email').fill(user.email);
  await page.locator('#field-password').fill(user.password);
  await Promise.all([page.waitForURL(`${base}/admin`), page.click('main button[type="submit"]')]);
}
