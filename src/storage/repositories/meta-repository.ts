/**
 * The content generation: a counter bumped in the same transaction as every change to published
 * content, so page caches (in this or another process) know when to drop what they hold.
 */
import type { Executor } from '../executor.ts';

const GENERATION = 'content_generation';

export async function readGeneration(db: Executor): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', GENERATION).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function bumpGeneration(db: Executor): Promise<number> {
  const next = (await readGeneration(db)) + 1;
  await db
    .insertInto('meta')
    .values({ key: GENERATION, value: String(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(next) }))
    .execute();
  return next;
}

/** A stored setting, or null. */
export async function readMeta(db: Executor, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row ? row.value : null;
}

export async function writeMeta(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
