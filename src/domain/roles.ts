/**
 * Roles are given per region. An admin may do everything in the region; an editor writes the
 * programme; a moderator handles consultation comments; a viewer may read drafts and the admin UI.
 */
export const ROLES = ['admin', 'editor', 'moderator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const GRANTS: Record<Role, readonly Role[]> = {
  admin: ['admin', 'editor', 'moderator', 'viewer'],
  editor: ['editor', 'viewer'],
  moderator: ['moderator', 'viewer'],
  viewer: ['viewer'],
};

/** True when a user holding `held` may do what needs `needed`. */
export function roleSatisfies(held: Role, needed: Role): boolean {
  return GRANTS[held].includes(needed);
}

/** Who makes a change: a signed-in user, or the command line / the system. */
export interface Actor {
  userId: number | null;
  /** Shown in the audit log: the user's e-mail address, `cli` or `system`. */
  label: string;
}

export const CLI_ACTOR: Actor = { userId: null, label: 'cli' };
export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };
