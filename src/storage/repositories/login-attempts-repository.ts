/** Failed sign-in attempts per key (`account:<email>` or `ip:<address>`), for throttling. */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { inTransaction, type Executor } from '../executor.ts';
import type { Database } from '../schema.ts';

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

export interface ThrottleLimit {
  key: string;
  /** At most this many attempts since `since`. */
  max: number;
}

export type Reservation =
  | { reserved: true; ids: number[] }
  /** `oldest`: the oldest counted attempt of each key at its limit (when the window frees up again). */
  | { reserved: false; oldest: (string | null)[] };

/**
 * Reserves a sign-in attempt for every key, unless one of them is at its limit: the count and the
 * insert are one step that concurrent requests cannot interleave. It runs in one transaction that
 * first takes a lock per key, so a second attempt on the same key waits until the first has been
 * counted and recorded: on PostgreSQL a transaction advisory lock per key (released at commit); on
 * SQLite kysely runs every query on one connection and a transaction holds it until it ends, so
 * transactions never interleave (across processes, SQLite refuses the second writer's stale
 * transaction instead of letting it race). The reserved rows stay as the failures they become
 * unless the caller removes them (`releaseLoginAttempts`) when the password was right.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  dialect: Dialect,
  limits: readonly ThrottleLimit[],
  since: string,
  at: string,
): Promise<Reservation> {
  const keys = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return inTransaction(db, async (trx) => {
    if (dialect === 'postgres')
      for (const { key } of keys)
        await sql`select pg_advisory_xact_lock(hashtext('suunta-login'), hashtext(${key}))`.execute(trx);
    const over: (string | null)[] = [];
    for (const { key, max } of keys)
      if ((await countLoginFailures(trx, key, since)) >= max) over.push(await oldestLoginFailure(trx, key, since));
    if (over.length > 0) return { reserved: false, oldest: over };
    const rows = await trx
      .insertInto('login_attempts')
      .values(keys.map(({ key }) => ({ key, attempted_at: at })))
      .returning('id')
      .execute();
    return { reserved: true, ids: rows.map((r) => Number(r.id)) };
  });
}

/** Removes reserved attempts (by id): an attempt whose password was right is no failure. */
export async function releaseLoginAttempts(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('login_attempts')
    .where('id', 'in', [...ids])
    .execute();
}
