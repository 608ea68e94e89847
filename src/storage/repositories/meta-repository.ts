/**
 * Stored settings (key, value), e.g. which rules built a search index. Content generations live
 * in generations-repository.ts.
 */
import type { Executor } from '../executor.ts';

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
