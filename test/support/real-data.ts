/**
 * The real public data files in ../shared/data (next to the repository), which tests read in
 * place. Without the folder those tests are skipped with a plain message; under CI a missing
 * folder fails them instead (requireData).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '#src/config/config.ts';

export const DATA_DIR = resolve(ROOT_DIR, '../shared/data');
export const HAVE_DATA = existsSync(DATA_DIR);

/** Options of a test or describe that reads the real data: `{}`, or a skip saying why. */
export const REAL_DATA: { skip?: string } =
  HAVE_DATA || process.env['CI']
    ? {}
    : { skip: `NOT RUN: real-data folder ${DATA_DIR} is missing (these tests run only when ../shared/data exists)` };

/** Call first in a real-data test: fails plainly when CI is set but the folder is missing. */
export function requireData(): void {
  if (!HAVE_DATA) assert.fail(`CI is set but the real-data folder ${DATA_DIR} is missing`);
}
