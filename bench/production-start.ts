/**
 * How `npm start` runs the server (package.json's `start` script), for the benches to run it the
 * same way; a test (test/bench-start.test.ts) keeps the two in step.
 * - `--max-semi-space-size=1`: a small young generation keeps RSS low at no measured cost (decision 003).
 * - `MALLOC_ARENA_MAX=2`: glibc otherwise gives each thread (libuv's pool, V8's GC and compiler
 *   threads) an arena of its own, which holds tens of MB after a large read such as building a
 *   project catalogue (decision 005).
 */
export const START_FLAGS = ['--max-semi-space-size=1'];
export const START_ENV = { MALLOC_ARENA_MAX: '2', NODE_ENV: 'production', SUUNTA_USE_BUILD: '1' };
