/**
 * The server's own removal of expired personal data (issue 10, point 7): `removeExpiredPersonalData`
 * at start and then every hour, on a timer that does not keep the process alive and stops when the
 * server closes. A run never overlaps the previous one; a failure is reported and the next run tries
 * again.
 */
import { removeExpiredPersonalData, type ExpiredRound } from './personal-data.ts';
import type { EditingContext } from '../programmes/edit-transaction.ts';

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface RetentionTimer {
  /** The run in progress (or the last one), for tests and for closing cleanly. */
  readonly running: Promise<void>;
  /** Stops the timer; waits for a run in progress. */
  stop(): Promise<void>;
}

export function startRetentionTimer(
  ctx: EditingContext & { clock?: () => Date },
  options: {
    intervalMs?: number;
    onRemoved?: (rounds: ExpiredRound[]) => void;
    onError?: (error: unknown) => void;
  } = {},
): RetentionTimer {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const run = (): void => {
    if (busy || stopped) return;
    busy = true;
    running = removeExpiredPersonalData(ctx, ctx.clock?.() ?? new Date())
      .then((rounds) => {
        if (rounds.length > 0) options.onRemoved?.(rounds);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        busy = false;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    get running() {
      return running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
