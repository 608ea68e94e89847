/**
 * Debian's Chromium, launched through playwright-core: the one browser Suunta uses, for the
 * annual report's PDF and for the browser tests. Never a downloaded browser build.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT_DIR } from '#src/config/config.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine without a display, GPU or outside network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** {@link CHROMIUM} started at nice 15, its session (autogroup) too: scripts/chromium-low-priority.sh. */
export const LOW_PRIORITY_CHROMIUM = join(ROOT_DIR, 'scripts', 'chromium-low-priority.sh');

/**
 * Launches {@link CHROMIUM} with {@link CHROMIUM_ARGS}. playwright-core is loaded on the first
 * call, so a server that never renders a PDF does not load it.
 *
 * @throws Error naming the executable when it is missing or fails to start.
 */
export async function launchChromium(options: { lowPriority?: boolean } = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // The report renderer runs Chromium under `nice` (scripts/chromium-low-priority.sh), so that the
  // server's own requests win the CPU while a PDF is made; the browser tests run it as it is.
  const executablePath = options.lowPriority ? LOW_PRIORITY_CHROMIUM : CHROMIUM;
  try {
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new Error(
      `Chromium could not be started from ${CHROMIUM} (install Debian's chromium package): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
