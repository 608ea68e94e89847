/**
 * The report queue: never more than its concurrency at once (measured with real async jobs),
 * first come first served, a bounded wait, and a `busy` AppError (503 + Retry-After on the web,
 * in every language) when it is full or the wait runs out.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { AppError, busy } from '#src/domain/errors.ts';
import { adminErrorHandler } from '#src/http/admin/admin-page.ts';
import { ReportQueue } from '#src/services/reports/report-queue.ts';
import { databaseTargets } from '../support/databases.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

/** A promise with its resolve and reject, for jobs the test finishes by hand. */
interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks and timers of 0 ms run. */
const settle = (): Promise<void> => sleep(5);

function assertBusy(error: unknown, retryAfterSeconds: number, message: RegExp): true {
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  assert.equal(error.code, 'busy');
  assert.equal(error.retryAfterSeconds, retryAfterSeconds);
  assert.match(error.message, message);
  return true;
}

describe('ReportQueue', () => {
  it('never runs more than two real async jobs at once, and does reach two', async () => {
    const queue = new ReportQueue({ concurrency: 2, maxWaiting: 10 });
    let now = 0;
    let most = 0;
    const observed: number[] = [];
    const job = async (ms: number): Promise<number> => {
      now++;
      most = Math.max(most, now);
      observed.push(queue.running);
      await sleep(ms);
      // Some real work between the awaits, so overlapping jobs interleave.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await sleep(ms / 2);
      now--;
      return ms;
    };
    const durations = [12, 3, 20, 7, 15, 1, 9, 4];
    const results = await Promise.all(durations.map((ms) => queue.run(() => job(ms))));
    assert.deepEqual(results, durations, 'each caller gets its own job’s answer');
    assert.equal(most, 2, `at most two jobs ran at once (saw ${most})`);
    assert.ok(
      observed.every((n) => n >= 1 && n <= 2),
      `queue.running stayed within 1..2: ${observed.join(',')}`,
    );
    assert.equal(queue.running, 0);
    assert.equal(queue.waiting, 0);
  });

  it('starts waiting jobs first come, first served', async () => {
    const queue = new ReportQueue({ concurrency: 2, maxWaiting: 4 });
    const started: string[] = [];
    const gates = new Map<string, Deferred<void>>();
    const runs = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => {
      const gate = deferred();
      gates.set(name, gate);
      return queue.run(async () => {
        started.push(name);
        await gate.promise;
        return name;
      });
    });
    await settle();
    assert.deepEqual(started, ['a', 'b']);
    assert.equal(queue.running, 2);
    assert.equal(queue.waiting, 4);
    // Finish them out of order: the next waiting job takes each freed slot, in the order they came.
    gates.get('b')!.resolve();
    await settle();
    assert.deepEqual(started, ['a', 'b', 'c']);
    gates.get('a')!.resolve();
    await settle();
    assert.deepEqual(started, ['a', 'b', 'c', 'd']);
    gates.get('d')!.resolve();
    gates.get('c')!.resolve();
    await settle();
    assert.deepEqual(started, ['a', 'b', 'c', 'd', 'e', 'f']);
    for (const gate of gates.values()) gate.resolve();
    assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('makes a third request wait until a slot is free', async () => {
    const queue = new ReportQueue();
    const first = deferred();
    const second = deferred();
    let thirdStarted = false;
    const runs = [
      queue.run(() => first.promise),
      queue.run(() => second.promise),
      queue.run(async () => {
        thirdStarted = true;
        return 'third';
      }),
    ];
    await settle();
    assert.equal(queue.running, 2);
    assert.equal(queue.waiting, 1);
    assert.equal(thirdStarted, false, 'the third job waits while two run');
    first.resolve();
    await settle();
    assert.equal(thirdStarted, true, 'the third job starts when the first is done');
    second.resolve();
    assert.deepEqual(await Promise.all(runs), [undefined, undefined, 'third']);
    assert.equal(queue.running, 0);
  });

  it('refuses a request at once with busy and the retry seconds when maxWaiting are already waiting', async () => {
    const queue = new ReportQueue({ concurrency: 2, maxWaiting: 2, retryAfterSeconds: 7 });
    const gate = deferred();
    const accepted = [1, 2, 3, 4].map(() => queue.run(() => gate.promise));
    assert.equal(queue.running, 2);
    assert.equal(queue.waiting, 2);
    let ran = false;
    const startedAt = performance.now();
    await assert.rejects(
      queue.run(async () => {
        ran = true;
      }),
      (error) =>
        assertBusy(error, 7, /report queue is full: 2 report\(s\) are being made and 2 are waiting; try again in 7 s/),
    );
    assert.ok(performance.now() - startedAt < 50, 'the refusal does not wait');
    assert.equal(ran, false, 'a refused job never runs');
    assert.equal(queue.waiting, 2, 'a refused request does not take a waiting place');
    gate.resolve();
    await Promise.all(accepted);
  });

  it('refuses a waiting request with busy when no slot is free within maxWaitMs, and forgets it', async () => {
    const queue = new ReportQueue({ concurrency: 2, maxWaiting: 4, maxWaitMs: 60, retryAfterSeconds: 3 });
    const gate = deferred();
    const running = [queue.run(() => gate.promise), queue.run(() => gate.promise)];
    let ran = false;
    const startedAt = performance.now();
    await assert.rejects(
      queue.run(async () => {
        ran = true;
      }),
      (error) => assertBusy(error, 3, /No report slot became free within 60 ms/),
    );
    const waited = performance.now() - startedAt;
    assert.ok(waited >= 55, `it waited the whole ${waited.toFixed(0)} ms of maxWaitMs`);
    assert.equal(queue.waiting, 0, 'the timed-out request left the line');
    gate.resolve();
    await Promise.all(running);
    await settle();
    assert.equal(ran, false, 'a timed-out job never runs, not even once a slot is free');
    assert.equal(await queue.run(async () => 'after'), 'after');
  });

  it('frees the slot of a failing job (rejecting or throwing at once) and passes its error on', async () => {
    const queue = new ReportQueue({ concurrency: 1 });
    const failing = queue.run(async () => {
      await sleep(5);
      throw new Error('Chromium crashed');
    });
    const throwing = queue.run((): Promise<never> => {
      throw new Error('thrown before any await');
    });
    const next = queue.run(async () => 'next ran');
    assert.equal(queue.waiting, 2);
    await assert.rejects(failing, /Chromium crashed/);
    await assert.rejects(throwing, /thrown before any await/);
    assert.equal(await next, 'next ran');
    assert.equal(queue.running, 0);
    assert.equal(queue.waiting, 0);
  });

  it('refuses options that would never run anything', () => {
    assert.throws(() => new ReportQueue({ concurrency: 0 }), /concurrency must be an integer of at least 1, not 0/);
    assert.throws(() => new ReportQueue({ maxWaiting: -1 }), /maxWaiting must be an integer of at least 0/);
    assert.throws(() => new ReportQueue({ retryAfterSeconds: 0.5 }), /retryAfterSeconds must be an integer/);
  });
});

for (const target of databaseTargets().slice(0, 1)) {
  describe('busy answers on the web', () => {
    let t: (TestApp & { close(): Promise<void> }) | undefined;
    before(async () => {
      t = await openTestApp(target, { seed: false });
      const full = (): never => {
        throw busy('The report queue is full; try again in 12 s', 12);
      };
      t.app.get('/api/v1/test-busy', full);
      t.app.get('/test-busy', full);
      t.app.get('/admin/test-busy', { errorHandler: adminErrorHandler }, full);
    });
    after(() => t?.close());

    it('answers the API with 503, Retry-After and the message', async () => {
      const res = await t!.get('/api/v1/test-busy');
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['retry-after'], '12');
      assert.deepEqual(res.json(), { error: { code: 'busy', message: 'The report queue is full; try again in 12 s' } });
    });

    for (const [lang, text] of [
      ['fi', 'Palvelu on kiireinen: raportteja tehdään jo. Yritä uudelleen hetken kuluttua.'],
      ['sv', 'Tjänsten är upptagen: rapporter håller redan på att göras. Försök igen om en stund.'],
      ['en', 'The service is busy: reports are already being made. Please try again in a moment.'],
    ] as const) {
      it(`answers the site with 503, Retry-After and the busy page in ${lang}`, async () => {
        const res = await t!.get('/test-busy', { 'accept-language': lang });
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['retry-after'], '12');
        assert.ok(res.body.includes(text), `the ${lang} busy text is on the page`);
      });
    }

    it('answers admin pages with 503, Retry-After and the seconds to wait', async () => {
      const res = await t!.get('/admin/test-busy', { accept: 'text/html' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['retry-after'], '12');
      assert.ok(res.body.includes('Yritä uudelleen 12 sekunnin kuluttua.'), res.body);
      const json = await t!.get('/admin/test-busy', { accept: 'application/json' });
      assert.equal(json.statusCode, 503);
      assert.equal(json.headers['retry-after'], '12');
      assert.deepEqual(json.json(), {
        error: { code: 'busy', message: 'The report queue is full; try again in 12 s' },
      });
    });
  });
}
