/**
 * Waiting politely: a sliding-window limit on calls to one statistics source, and the reading
 * of `Retry-After`. Time comes from the injected `now` and `sleep`, so tests record the waits
 * instead of sitting through them; the defaults really wait.
 */
import { setTimeout as delay } from 'node:timers/promises';

export type Sleep = (ms: number) => Promise<void>;
export type Now = () => number;

export const realSleep: Sleep = async (ms) => {
  await delay(ms);
};
export const realNow: Now = () => Date.now();

/** At most `callsPerWindow` calls in any `windowMs` milliseconds. */
export interface RateLimiter {
  readonly callsPerWindow: number;
  readonly windowMs: number;
  /** Waits (through `sleep`) until one more call is within the limit, then counts it. */
  take(): Promise<void>;
}

export function createRateLimiter(options: {
  callsPerWindow: number;
  windowMs: number;
  now?: Now;
  sleep?: Sleep;
}): RateLimiter {
  const { callsPerWindow, windowMs } = options;
  if (!Number.isInteger(callsPerWindow) || callsPerWindow < 1) {
    throw new Error(`callsPerWindow must be a positive whole number (got ${callsPerWindow})`);
  }
  if (!Number.isFinite(windowMs) || windowMs < 0) throw new Error(`windowMs must be zero or more (got ${windowMs})`);
  const now = options.now ?? realNow;
  const sleep = options.sleep ?? realSleep;
  /** Start times of the latest calls, oldest first, at most callsPerWindow of them. */
  const starts: number[] = [];
  return {
    callsPerWindow,
    windowMs,
    async take() {
      if (starts.length >= callsPerWindow) {
        const oldest = starts[starts.length - callsPerWindow] ?? 0;
        const wait = oldest + windowMs - now();
        if (wait > 0) await sleep(wait);
      }
      starts.push(now());
      if (starts.length > callsPerWindow) starts.splice(0, starts.length - callsPerWindow);
    },
  };
}

/**
 * Milliseconds to wait by a `Retry-After` header: whole seconds (`"2"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`, a date in the past = 0); null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
