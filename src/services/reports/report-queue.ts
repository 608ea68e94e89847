/**
 * The queue that makes reports: at most `concurrency` jobs at once (each PDF is a Chromium page,
 * so making reports must not crowd out the web server), a few more waiting in order, and a clear
 * "busy, try again in N s" (`AppError` `busy`, HTTP 503 with `Retry-After`) past that.
 */
import { busy } from '#src/domain/errors.ts';

export interface ReportQueueOptions {
  /** Jobs run at once (default 2). */
  concurrency?: number;
  /** Requests that may wait for a free slot; one more is refused at once (default 4). */
  maxWaiting?: number;
  /** How long a request waits for a slot before it is refused (default 30 000 ms). */
  maxWaitMs?: number;
  /** What a refusal tells the client to wait before trying again (default 10 s). */
  retryAfterSeconds?: number;
}

interface Waiter {
  start(): void;
}

function check(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`ReportQueue: ${name} must be an integer of at least ${min}, not ${value}`);
  return value;
}

export class ReportQueue {
  readonly concurrency: number;
  readonly maxWaiting: number;
  readonly maxWaitMs: number;
  readonly retryAfterSeconds: number;
  #running = 0;
  /** First come, first served. */
  readonly #waiting: Waiter[] = [];

  constructor({
    concurrency = 2,
    maxWaiting = 4,
    maxWaitMs = 30_000,
    retryAfterSeconds = 10,
  }: ReportQueueOptions = {}) {
    this.concurrency = check('concurrency', concurrency, 1);
    this.maxWaiting = check('maxWaiting', maxWaiting, 0);
    this.maxWaitMs = check('maxWaitMs', maxWaitMs, 0);
    this.retryAfterSeconds = check('retryAfterSeconds', retryAfterSeconds, 1);
  }

  /** Jobs running now. */
  get running(): number {
    return this.#running;
  }

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `job` when a slot is free and answers what it answers (or throws what it throws).
   *
   * @throws AppError `busy` (with `retryAfterSeconds`) when `maxWaiting` requests are already
   *   waiting, or when no slot became free within `maxWaitMs`; the job is then never started.
   */
  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running < this.concurrency && this.#waiting.length === 0) return this.#start(job);
    if (this.#waiting.length >= this.maxWaiting) {
      return Promise.reject(
        busy(
          `The report queue is full: ${this.#running} report(s) are being made and ${this.#waiting.length} are waiting; ` +
            `try again in ${this.retryAfterSeconds} s`,
          this.retryAfterSeconds,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(timer);
          this.#start(job).then(resolve, reject);
        },
      };
      const timer = setTimeout(() => {
        const at = this.#waiting.indexOf(waiter);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(
          busy(
            `No report slot became free within ${this.maxWaitMs} ms (${this.#running} report(s) are being made); ` +
              `try again in ${this.retryAfterSeconds} s`,
            this.retryAfterSeconds,
          ),
        );
      }, this.maxWaitMs);
      this.#waiting.push(waiter);
    });
  }

  #start<T>(job: () => Promise<T>): Promise<T> {
    this.#running++;
    // An async wrapper turns a job that throws before its first await into a rejection too.
    const done = (async () => job())();
    return done.finally(() => {
      this.#running--;
      this.#next();
    });
  }

  #next(): void {
    while (this.#running < this.concurrency) {
      const waiter = this.#waiting.shift();
      if (!waiter) return;
      waiter.start();
    }
  }
}
