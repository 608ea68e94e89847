/** One-time tokens (set-password links). The id is the SHA-256 of the token sent to the user. */
import type { Executor } from '../executor.ts';

export interface OneTimeTokenRecord {
  id: string;
  userId: number;
  purpose: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  createdBy: number | null;
}

export async function insertToken(db: Executor, token: Omit<OneTimeTokenRecord, 'usedAt'>): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      purpose: token.purpose,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      used_at: null,
      created_by: token.createdBy,
    })
    .execute();
}

export async function findToken(db: Executor, id: string): Promise<OneTimeTokenRecord | null> {
  const r = await db.selectFrom('one_time_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    userId: r.user_id,
    purpose: r.purpose,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    createdBy: r.created_by,
  };
}

/** Marks the token used unless it already was; true when this call used it (single use under concurrency). */
export async function useToken(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Voids a user's unused tokens of `purpose` (a new link replaces the old ones). */
export async function voidUnusedTokens(db: Executor, userId: number, purpose: string, at: string): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
