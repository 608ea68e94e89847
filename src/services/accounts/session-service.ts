/**
 * Signing in and out: password check with throttling per account and per IP address, sessions
 * stored in the database with idle and absolute expiry, and "log out everywhere".
 */
import type { Kysely } from 'kysely';
import type { Actor, Role } from '#src/domain/roles.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import type { Dialect } from '#src/storage/database.ts';
import {
  clearLoginFailures,
  pruneLoginFailures,
  releaseLoginAttempts,
  reserveLoginAttempt,
} from '#src/storage/repositories/login-attempts-repository.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from '#src/storage/repositories/sessions-repository.ts';
import { findUserByEmail, findUserById, normaliseEmail, rolesOf } from '#src/storage/repositories/users-repository.ts';
import type { Database } from '#src/storage/schema.ts';
import { verifyPassword } from './passwords.ts';
import {
  HOUR_MS,
  isoAfter,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  newToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  THROTTLE_WINDOW_MS,
  tokenDigest,
  type Clock,
} from './policy.ts';

/** The signed-in user as requests see it; roles are read afresh on every request. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  roles: { regionCode: string; role: Role }[];
}

export type SignInResult =
  | { ok: true; token: string; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const accountKey = (email: string): string => `account:${normaliseEmail(email)}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

export class SessionService {
  /** `dialect`: the database's, for the lock that makes the sign-in throttle hold under concurrency. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly dialect: Dialect,
  ) {}

  async signIn(input: {
    email: string;
    password: string;
    ip: string;
    userAgent: string | null;
  }): Promise<SignInResult> {
    const now = this.clock();
    const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
    const keys = [accountKey(input.email), ipKey(input.ip)];
    // The attempt is counted and recorded in one step BEFORE the password is checked, so that
    // concurrent attempts cannot all pass the count; a right password removes it again below.
    const reservation = await reserveLoginAttempt(
      this.db,
      this.dialect,
      [
        { key: keys[0]!, max: MAX_FAILURES_PER_ACCOUNT },
        { key: keys[1]!, max: MAX_FAILURES_PER_IP },
      ],
      since,
      now.toISOString(),
    );
    if (!reservation.reserved) {
      // Seconds until every key at its limit may try again: its oldest counted failure leaves the window.
      const freeAt = Math.max(
        ...reservation.oldest.map((o) => (o ? new Date(o).getTime() : now.getTime()) + THROTTLE_WINDOW_MS),
      );
      return {
        ok: false,
        reason: 'throttled',
        retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)),
      };
    }

    const user = await findUserByEmail(this.db, input.email);
    // Unknown users and users without a password are checked against a dummy hash: same answer, similar time.
    const matches = await verifyPassword(user?.passwordHash ?? null, input.password);
    // A failure: the reserved attempt stays, counted against the account and the address.
    if (!user || !matches || user.disabled) return { ok: false, reason: 'invalid' };

    const token = newToken();
    const at = now.toISOString();
    await inTransaction(this.db, async (trx) => {
      await clearLoginFailures(trx, keys[0]!);
      await releaseLoginAttempts(trx, reservation.ids);
      await pruneLoginFailures(trx, new Date(now.getTime() - 24 * HOUR_MS).toISOString());
      await deleteExpiredSessions(trx, at, new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
      await insertSession(trx, {
        id: tokenDigest(token),
        userId: user.id,
        createdAt: at,
        lastSeenAt: at,
        expiresAt: isoAfter(now, SESSION_ABSOLUTE_MS),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      });
    });
    return {
      ok: true,
      token,
      user: { id: user.id, email: user.email, name: user.name, roles: await rolesOf(this.db, user.id) },
    };
  }

  /**
   * The user of a session token, or null when the session does not exist, has been idle for two
   * hours, is past its absolute expiry, or its user is disabled (an ended session is deleted).
   */
  async authenticate(token: string): Promise<SessionUser | null> {
    const id = tokenDigest(token);
    const session = await findSession(this.db, id);
    if (!session) return null;
    const now = this.clock();
    const idleSince = now.getTime() - new Date(session.lastSeenAt).getTime();
    if (now.toISOString() >= session.expiresAt || idleSince >= SESSION_IDLE_MS) {
      await deleteSession(this.db, id);
      return null;
    }
    const user = await findUserById(this.db, session.userId);
    if (!user || user.disabled) {
      await deleteSession(this.db, id);
      return null;
    }
    if (idleSince >= SESSION_TOUCH_MS) await touchSession(this.db, id, now.toISOString());
    return { id: user.id, email: user.email, name: user.name, roles: await rolesOf(this.db, user.id) };
  }

  async signOut(token: string): Promise<void> {
    await deleteSession(this.db, tokenDigest(token));
  }

  /** Ends every session of the user (on every device); returns how many ended. */
  async signOutEverywhere(user: SessionUser): Promise<number> {
    const actor: Actor = { userId: user.id, label: user.email };
    return inTransaction(this.db, async (trx) => {
      const ended = await deleteUserSessions(trx, user.id);
      const regions = user.roles.map((r) => r.regionCode);
      for (const regionCode of regions.length > 0 ? regions : [null]) {
        await insertAuditEvent(trx, {
          actor,
          regionCode,
          action: 'user.logout-everywhere',
          entityType: 'user',
          entityId: user.email,
          summary: `${user.email} signed out on every device (${ended} session(s))`,
        });
      }
      return ended;
    });
  }
}
