/**
 * Debian's Chromium, launched through playwright-core: the one browser Suunta uses, for the
 * annual report's PDF and for the browser tests. Never a downloaded browser build.
 */
import type { Browser } from 'playwright-core';

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

/**
 * Launches {@link CHROMIUM} with {@link CHROMIUM_ARGS}. playwright-core is loaded on the first
 * call, so a server that never renders a PDF does not load it.
 *
 * @throws Error naming the executable when it is missing or fails to start.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new Error(
      `Chromium could not be started from ${CHROMIUM} (install Debian's chromium package): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
