/**
 * The error catalogue. Every error a user can cause has a stable code and a safe message;
 * the HTTP layer maps codes to statuses, the CLI to exit codes.
 */
export type ErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'invalid_file'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  /** The work cannot be taken now (e.g. the report queue is full); try again after `retryAfterSeconds`. */
  | 'busy';

/**
 * Why, as a code with parameters, for an edge that shows the error in the user's language
 * (`errors.<code>` in src/i18n/messages/<lang>/errors.json); the message stays the English text.
 */
export interface ErrorReason {
  code: string;
  params?: Readonly<Record<string, string | number>>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Details safe to show to the user, e.g. a list of validation problems. */
  readonly details: readonly string[];
  /** The reason as a code, when the message has a translation. */
  readonly reason: ErrorReason | null;
  /** For `busy`: whole seconds after which trying again makes sense (HTTP `Retry-After`); else null. */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: ErrorCode,
    message: string,
    details: readonly string[] = [],
    reason: ErrorReason | null = null,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.reason = reason;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} was not found`);
export const badRequest = (message: string): AppError => new AppError('bad_request', message);

/** Thrown when the work cannot be taken now; `retryAfterSeconds` (at least 1) says when to try again. */
export const busy = (message: string, retryAfterSeconds: number): AppError =>
  new AppError('busy', message, [], null, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** Thrown when a file given to an import is invalid; `details` lists each problem as `file: path: reason`. */
export function invalidFile(file: string, problems: readonly string[]): AppError {
  const shown = problems.slice(0, 50);
  const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more problems`] : [];
  return new AppError('invalid_file', `${file}: ${problems.length} problem(s) found; nothing was written`, [
    ...shown,
    ...more,
  ]);
}
