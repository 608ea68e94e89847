/** argon2id password hashes (m=19456 KiB, t=2, p=1) and the password rules. */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './policy.ts';

/** `Algorithm.Argon2id` (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export type PasswordProblem = 'too-short' | 'too-long' | 'equals-email' | 'mismatch';

/** What is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, confirmation: string, email: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'equals-email';
  if (password !== confirmation) return 'mismatch';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Checks `password` against `stored`; with no stored hash (unknown user, no password yet) it
 * verifies against a dummy hash so that the answer takes about as long either way.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (stored === null) {
    dummy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
