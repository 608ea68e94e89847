/** The benches run the server exactly as `npm start` does (bench/production-start.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { START_ENV, START_FLAGS } from '../bench/production-start.ts';

test('npm start uses the environment and V8 flags the benches use', () => {
  const start = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  const expected = `node scripts/build.mjs && ${Object.entries(START_ENV)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')} node ${START_FLAGS.join(' ')} bin/suunta.js serve`;
  assert.equal(start, expected);
});
