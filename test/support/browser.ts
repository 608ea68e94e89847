/**
 * Shared pieces of the browser tests: Debian's Chromium (never a downloaded browser) with the
 * flags this closed network needs, and the axe-core WCAG 2.1 A/AA check.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `false` when Chromium is installed, else the reason to skip (pretest installs it). */
export const SKIP_WITHOUT_CHROMIUM: false | string = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing: run scripts/ensure-chromium.sh`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

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
