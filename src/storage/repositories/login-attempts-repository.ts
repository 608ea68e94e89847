/** Failed sign-in attempts per key (`account:<email>` or `ip:<address>`), for throttling. */
import type { Executor } from '../executor.ts';

export async function recordLoginFailure(db: Executor, keys: readonly string[], at: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ key, attempted_at: at })))
    .execute();
}

/** Failures recorded for `key` at or after `since`. */
export async function countLoginFailures(db: Executor, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('key', '=', key)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The oldest failure for `key` at or after `since` (when the window frees up again). */
export async function oldestLoginFailure(db: Executor, key: string, since: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('attempted_at')
    .where('key', '=', key)
    .where('attempted_at', '>=', since)
    .orderBy('attempted_at')
    .executeTakeFirst();
  return row?.attempted_at ?? null;
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Forgets attempts older than `before`. */
export async function pruneLoginFailures(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('attempted_at', '<', before).execute();
}
