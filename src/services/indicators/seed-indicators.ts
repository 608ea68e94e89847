/**
 * Seeds the indicator definitions (content/indicators/*.yaml) and their figures
 * (content/facts/statistics/*.json, compact JSON-stat facts made by `suunta import statistics
 * --facts-out`) through the same imports a council uses. A facts file names its region in its name
 * (`<region>-<anything>.json`, e.g. `08-velk-13kt.json`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { invalidFile } from '#src/domain/errors.ts';
import { SYSTEM_ACTOR } from '#src/domain/roles.ts';
import type { Db } from '#src/storage/database.ts';
import { importIndicators, readIndicatorFile } from './import-indicators.ts';
import { importStatistics } from './import-statistics.ts';

async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => pattern.test(f)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function seedIndicators(
  db: Db,
  contentDir: string,
  now?: () => Date,
): Promise<{ indicators: number; observations: number }> {
  let indicators = 0;
  let observations = 0;
  const defs = join(contentDir, 'indicators');
  for (const f of await filesIn(defs, /\.(ya?ml|json)$/)) {
    const file = await readIndicatorFile(join(defs, f));
    const r = await importIndicators(db, file, {
      fileName: f,
      actor: SYSTEM_ACTOR,
      audit: false,
      ...(now ? { now } : {}),
    });
    indicators += r.indicators;
  }
  const facts = join(contentDir, 'facts', 'statistics');
  for (const f of await filesIn(facts, /\.json$/)) {
    const region = /^(\d{2})-/.exec(f)?.[1];
    if (!region)
      throw invalidFile(join(facts, f), ['the file name must begin with its region code, e.g. 08-velk-13kt.json']);
    const r = await importStatistics(db, {
      bytes: await readFile(join(facts, f)),
      fileName: f,
      region,
      actor: SYSTEM_ACTOR,
      audit: false,
      ...(now ? { now } : {}),
    });
    observations += r.diff.totals.added;
  }
  return { indicators, observations };
}
