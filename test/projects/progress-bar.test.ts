/** The import progress bar: drawn only on a terminal and only for long files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressBar } from '#src/cli/progress-bar.ts';

function stream(isTTY: boolean): { isTTY: boolean; written: string[]; write(t: string): boolean } {
  const written: string[] = [];
  return { isTTY, written, write: (t: string) => written.push(t) > 0 };
}

test('on a terminal a long file gets a bar that is cleared at the end', () => {
  const s = stream(true);
  const bar = progressBar(s);
  bar.update({ phase: 'checking', done: 0, total: 4000 });
  bar.update({ phase: 'checking', done: 1000, total: 4000 });
  bar.update({ phase: 'writing', done: 4000, total: 4000 });
  bar.done();
  assert.deepEqual(
    s.written,
    [
      `\rchecking  [${'.'.repeat(30)}] 0/4000\u001b[K`,
      `\rwriting   [${'#'.repeat(30)}] 4000/4000\u001b[K`,
      '\r\u001b[K',
    ],
    'the second update came within 100 ms and is skipped; the last one is always drawn',
  );
});

test('no bar in a pipe or log, and none for short files', () => {
  const pipe = stream(false);
  progressBar(pipe).update({ phase: 'checking', done: 5000, total: 5000 });
  const short = stream(true);
  const bar = progressBar(short);
  bar.update({ phase: 'checking', done: 100, total: 100 });
  bar.done();
  assert.deepEqual([pipe.written, short.written], [[], []]);
});
