/** The numbers of the account rules: password length, link and session lifetimes, sign-in throttling. */
import { createHash, randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before hashing (the hash cost does not depend on it, but the request body does). */
export const MAX_PASSWORD_LENGTH = 1024;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** A set-password link is valid for 72 hours and can be used once. */
export const LINK_VALID_MS = 72 * HOUR_MS;
/** A session ends after two hours without requests… */
export const SESSION_IDLE_MS = 2 * HOUR_MS;
/** …and 12 hours after signing in at the latest. */
export const SESSION_ABSOLUTE_MS = 12 * HOUR_MS;
/** last_seen_at is written at most once a minute. */
export const SESSION_TOUCH_MS = MINUTE_MS;

/** Failed sign-ins counted over this window… */
export const THROTTLE_WINDOW_MS = 15 * MINUTE_MS;
/** …at most this many per account… */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** …and this many per IP address. */
export const MAX_FAILURES_PER_IP = 20;

/** The current time; injected so that tests can move it instead of sleeping. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** 32 random bytes, base64url: a session or one-time token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) of a token: what the database stores instead of the token. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isoAfter(at: Date, ms: number): string {
  return new Date(at.getTime() + ms).toISOString();
}
