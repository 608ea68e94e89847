/**
 * User accounts: adding users and roles (command line and invitations), one-time set-password
 * links, role changes, disabling, and setting a password. Every change is written with its audit
 * event in one transaction.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, notFound } from '#src/domain/errors.ts';
import { isRole, type Actor, type Role } from '#src/domain/roles.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { findRegion } from '#src/storage/repositories/regions-repository.ts';
import { deleteUserSessions } from '#src/storage/repositories/sessions-repository.ts';
import { findToken, insertToken, useToken, voidUnusedTokens } from '#src/storage/repositories/tokens-repository.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  listUsersInRegions,
  normaliseEmail,
  removeRole,
  rolesOf,
  setRole,
  updateUser,
  type UserRecord,
  type UserWithRoles,
} from '#src/storage/repositories/users-repository.ts';
import type { Database } from '#src/storage/schema.ts';
import type { Executor } from '#src/storage/executor.ts';
import { hashPassword, passwordProblem, type PasswordProblem } from './passwords.ts';
import { isoAfter, LINK_VALID_MS, newToken, systemClock, tokenDigest, type Clock } from './policy.ts';

export type { UserWithRoles };

const SET_PASSWORD = 'set-password';
export const MAX_NAME_LENGTH = 200;
const emailSchema = z.email().max(254);

export function isValidEmail(email: string): boolean {
  return emailSchema.safeParse(email.trim()).success;
}

export interface AddUserInput {
  email: string;
  name?: string | undefined;
  role: string;
  regionCode: string;
}

export interface AddUserResult {
  user: UserRecord;
  created: boolean;
  /** The role the user held in the region before, if any. */
  previousRole: Role | null;
  /** A one-time set-password token, when one was issued. */
  token: string | null;
}

export type TokenState = { state: 'valid'; email: string } | { state: 'used' | 'expired' | 'unknown' };

export type SetPasswordResult =
  { ok: true; email: string } | { ok: false; problem: PasswordProblem | 'used' | 'expired' | 'unknown' };

export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {}

  private now(): Date {
    return this.clock();
  }

  private async checkInput(trx: Executor, input: AddUserInput): Promise<{ email: string; name: string; role: Role }> {
    const email = normaliseEmail(input.email);
    if (!isValidEmail(email))
      throw new AppError('bad_request', `email: "${input.email}" is not a valid e-mail address`, [], {
        code: 'email_invalid',
        params: { email: input.email },
      });
    if (!isRole(input.role))
      throw new AppError('bad_request', `role: "${input.role}" must be one of admin, editor, moderator, viewer`, [], {
        code: 'role_invalid',
        params: { role: input.role },
      });
    const name = (input.name ?? '').trim() || email.split('@')[0]!;
    if (name.length > MAX_NAME_LENGTH)
      throw new AppError('bad_request', `name: must be at most ${MAX_NAME_LENGTH} characters`, [], {
        code: 'name_too_long',
        params: { max: MAX_NAME_LENGTH },
      });
    if (!(await findRegion(trx, { code: input.regionCode }))) throw notFound(`Region "${input.regionCode}"`);
    return { email, name, role: input.role };
  }

  private async issueToken(trx: Executor, userId: number, createdBy: number | null): Promise<string> {
    const now = this.now();
    await voidUnusedTokens(trx, userId, SET_PASSWORD, now.toISOString());
    const token = newToken();
    await insertToken(trx, {
      id: tokenDigest(token),
      userId,
      purpose: SET_PASSWORD,
      createdAt: now.toISOString(),
      expiresAt: isoAfter(now, LINK_VALID_MS),
      createdBy,
    });
    return token;
  }

  /**
   * Creates the user (with a set-password link) or gives an existing user the role in the region.
   * For an existing user, `linkForExisting` says whether a new link is issued: `always` (the
   * command line; it is also the way to reset a password), `if-no-password` (an invitation by an
   * admin of all the user's regions), or `never`.
   */
  async addUser(
    input: AddUserInput,
    actor: Actor,
    options: { linkForExisting: 'always' | 'if-no-password' | 'never' },
  ): Promise<AddUserResult> {
    return inTransaction(this.db, async (trx) => {
      const { email, name, role } = await this.checkInput(trx, input);
      const at = this.now().toISOString();
      const existing = await findUserByEmail(trx, email);
      const user = existing ?? (await insertUser(trx, { email, name, at }));
      const previousRole = (await rolesOf(trx, user.id)).find((r) => r.regionCode === input.regionCode)?.role ?? null;
      await setRole(trx, user.id, input.regionCode, role);
      const wantsLink =
        !existing ||
        options.linkForExisting === 'always' ||
        (options.linkForExisting === 'if-no-password' && existing.passwordHash === null);
      const token = wantsLink ? await this.issueToken(trx, user.id, actor.userId) : null;
      if (existing && previousRole === role && token === null) return { user, created: false, previousRole, token };
      await insertAuditEvent(trx, {
        actor,
        regionCode: input.regionCode,
        action: existing ? 'user.role-change' : 'user.invite',
        entityType: 'user',
        entityId: email,
        summary: existing
          ? `Gave ${email} the role ${role} in region ${input.regionCode}${previousRole ? ` (was ${previousRole})` : ''}`
          : `Added ${email} as ${role} in region ${input.regionCode}`,
        before: existing ? { role: previousRole } : undefined,
        after: { email, name: existing?.name ?? name, role, regionCode: input.regionCode, linkIssued: token !== null },
      });
      return { user, created: !existing, previousRole, token };
    });
  }

  /** A new set-password link for `userId` (voids earlier unused links). */
  async reissueLink(userId: number, regionCode: string, actor: Actor): Promise<{ user: UserRecord; token: string }> {
    return inTransaction(this.db, async (trx) => {
      const user = await findUserById(trx, userId);
      if (!user) throw notFound(`User ${userId}`);
      const token = await this.issueToken(trx, user.id, actor.userId);
      await insertAuditEvent(trx, {
        actor,
        regionCode,
        action: 'user.link-issued',
        entityType: 'user',
        entityId: user.email,
        summary: `Issued a new set-password link for ${user.email}`,
      });
      return { user, token };
    });
  }

  /** Sets (role) or removes (null) the user's role in `regionCode`. */
  async changeRole(userId: number, regionCode: string, role: Role | null, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const user = await findUserById(trx, userId);
      if (!user) throw notFound(`User ${userId}`);
      const before = (await rolesOf(trx, userId)).find((r) => r.regionCode === regionCode)?.role ?? null;
      if (before === role) return;
      if (role === null) await removeRole(trx, userId, regionCode);
      else await setRole(trx, userId, regionCode, role);
      await updateUser(trx, userId, { at: this.now().toISOString() });
      await insertAuditEvent(trx, {
        actor,
        regionCode,
        action: role === null ? 'user.role-remove' : 'user.role-change',
        entityType: 'user',
        entityId: user.email,
        summary:
          role === null
            ? `Removed ${user.email}'s role ${before} in region ${regionCode}`
            : `Changed ${user.email}'s role in region ${regionCode} from ${before ?? 'none'} to ${role}`,
        before: { role: before },
        after: { role },
      });
    });
  }

  /** Disables (and signs out everywhere) or enables a user. */
  async setDisabled(userId: number, disabled: boolean, regionCode: string | null, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const user = await findUserById(trx, userId);
      if (!user) throw notFound(`User ${userId}`);
      if (user.disabled === disabled) return;
      await updateUser(trx, userId, { disabled, at: this.now().toISOString() });
      if (disabled) await deleteUserSessions(trx, userId);
      await insertAuditEvent(trx, {
        actor,
        regionCode,
        action: disabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityId: user.email,
        summary: `${disabled ? 'Disabled' : 'Enabled'} ${user.email}`,
        before: { disabled: user.disabled },
        after: { disabled },
      });
    });
  }

  /** What a set-password link is good for. */
  async tokenState(token: string): Promise<TokenState> {
    const record = await findToken(this.db, tokenDigest(token));
    if (!record || record.purpose !== SET_PASSWORD) return { state: 'unknown' };
    if (record.usedAt !== null) return { state: 'used' };
    if (record.expiresAt <= this.now().toISOString()) return { state: 'expired' };
    const user = await findUserById(this.db, record.userId);
    if (!user) return { state: 'unknown' };
    return { state: 'valid', email: user.email };
  }

  /** Uses a set-password link: checks the password, stores its hash and ends the user's sessions. */
  async setPassword(token: string, password: string, confirmation: string): Promise<SetPasswordResult> {
    const state = await this.tokenState(token);
    if (state.state !== 'valid') return { ok: false, problem: state.state };
    const problem = passwordProblem(password, confirmation, state.email);
    if (problem) return { ok: false, problem };
    const passwordHash = await hashPassword(password);
    return inTransaction(this.db, async (trx) => {
      const digest = tokenDigest(token);
      const record = await findToken(trx, digest);
      const at = this.now().toISOString();
      if (!record || record.expiresAt <= at) return { ok: false, problem: 'expired' } as const;
      // Marking the token used is the guard: of two concurrent uses only one updates the row.
      if (!(await useToken(trx, digest, at))) return { ok: false, problem: 'used' } as const;
      const user = await findUserById(trx, record.userId);
      if (!user) throw new AppError('not_found', 'The user of this link no longer exists');
      await updateUser(trx, user.id, { passwordHash, at });
      await deleteUserSessions(trx, user.id);
      const actor: Actor = { userId: user.id, label: user.email };
      const regions = (await rolesOf(trx, user.id)).map((r) => r.regionCode);
      // Recorded under each of the user's regions, so every admin concerned sees it.
      for (const regionCode of regions.length > 0 ? regions : [null]) {
        await insertAuditEvent(trx, {
          actor,
          regionCode,
          action: 'user.set-password',
          entityType: 'user',
          entityId: user.email,
          summary: `${user.email} set a password`,
        });
      }
      return { ok: true, email: user.email } as const;
    });
  }

  async userByEmail(email: string): Promise<UserWithRoles | null> {
    const user = await findUserByEmail(this.db, email);
    return user ? { ...user, roles: await rolesOf(this.db, user.id) } : null;
  }

  async user(userId: number): Promise<UserWithRoles | null> {
    const user = await findUserById(this.db, userId);
    return user ? { ...user, roles: await rolesOf(this.db, userId) } : null;
  }

  listUsers(): Promise<UserWithRoles[]> {
    return listUsers(this.db);
  }

  listUsersInRegions(regionCodes: readonly string[]): Promise<UserWithRoles[]> {
    return listUsersInRegions(this.db, regionCodes);
  }
}
