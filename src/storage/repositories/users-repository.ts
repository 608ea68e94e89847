/** Users and their roles per region (one role per user per region). */
import type { Role } from '#src/domain/roles.ts';
import type { Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { UserTable } from '../schema.ts';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  revision: number;
}

export interface RoleGrant {
  regionCode: string;
  role: Role;
}

export interface UserWithRoles extends UserRecord {
  roles: RoleGrant[];
}

function toUser(r: Selectable<UserTable>): UserRecord {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    disabled: Number(r.disabled) !== 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

/** E-mail addresses are compared in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: Executor, id: number): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function insertUser(db: Executor, user: { email: string; name: string; at: string }): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      name: user.name,
      password_hash: null,
      disabled: 0,
      created_at: user.at,
      updated_at: user.at,
      revision: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** Changes some of a user's columns and bumps its revision. */
export async function updateUser(
  db: Executor,
  id: number,
  change: { name?: string; passwordHash?: string | null; disabled?: boolean; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.passwordHash !== undefined ? { password_hash: change.passwordHash } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
      updated_at: change.at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function rolesOf(db: Executor, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select(['region_code', 'role'])
    .where('user_id', '=', userId)
    .orderBy('region_code')
    .execute();
  return rows.map((r) => ({ regionCode: r.region_code, role: r.role as Role }));
}

/** Gives `userId` the role `role` in `regionCode`, replacing any role they had there. */
export async function setRole(db: Executor, userId: number, regionCode: string, role: Role): Promise<void> {
  await db
    .insertInto('user_roles')
    .values({ user_id: userId, region_code: regionCode, role })
    .onConflict((oc) => oc.columns(['user_id', 'region_code']).doUpdateSet({ role }))
    .execute();
}

export async function removeRole(db: Executor, userId: number, regionCode: string): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).where('region_code', '=', regionCode).execute();
}

async function withRoles(db: Executor, users: UserRecord[]): Promise<UserWithRoles[]> {
  if (users.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'region_code', 'role'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('region_code')
    .execute();
  return users.map((u) => ({
    ...u,
    roles: rows.filter((r) => r.user_id === u.id).map((r) => ({ regionCode: r.region_code, role: r.role as Role })),
  }));
}

/** Every user (with all their roles), by e-mail address. */
export async function listUsers(db: Executor): Promise<UserWithRoles[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return withRoles(db, rows.map(toUser));
}

/** Users holding a role in any of `regionCodes` (with all their roles), by e-mail address. */
export async function listUsersInRegions(db: Executor, regionCodes: readonly string[]): Promise<UserWithRoles[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where(
      'id',
      'in',
      db
        .selectFrom('user_roles')
        .select('user_id')
        .where('region_code', 'in', [...regionCodes]),
    )
    .orderBy('email')
    .execute();
  return withRoles(db, rows.map(toUser));
}
