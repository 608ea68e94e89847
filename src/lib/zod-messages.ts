/**
 * Wording of refused values for zod schemas of query strings, JSON bodies and forms: every
 * message completes "<name> must …" (or says "is required" / "must be given once"), so the edge
 * that reports it can put the parameter's or field's name in front.
 */
import type { z } from 'zod';

/** The refusal of a missing value. */
export const REQUIRED = 'is required';

/** The refusal of a value given more than once. */
export const GIVEN_ONCE = 'must be given once';

/**
 * A refusal's code and parameters, for an edge that shows it in the user's language (the admin
 * forms: `errors.field.<code>`); the zod message itself stays the English text.
 */
export interface RefusalCode {
  code: string;
  params?: Readonly<Record<string, string | number>>;
}

/** English refusal text → its code (one text has one meaning, so the text is the key). */
const CODES = new Map<string, RefusalCode>([
  [REQUIRED, { code: 'required' }],
  [GIVEN_ONCE, { code: 'given_once' }],
]);

/** `message` as a zod refusal with a code: returns `message`, and `codeOfRefusal(message)` answers the code. */
export function codedRefusal(
  message: string,
  code: string,
  params?: Readonly<Record<string, string | number>>,
): string {
  CODES.set(message, params ? { code, params } : { code });
  return message;
}

/** The code of a refusal text made with `codedRefusal` (or "is required", "must be given once"); undefined otherwise. */
export function codeOfRefusal(message: string): RefusalCode | undefined {
  return CODES.get(message);
}

/**
 * A zod `error` option: "is required" for a missing value, "must be given once" for a repeated one,
 * else "must <text>" (with `code`, a coded refusal).
 */
export function refusal(text: string, code?: RefusalCode): { error: (issue: z.core.$ZodRawIssue) => string } {
  const message = code ? codedRefusal(`must ${text}`, code.code, code.params) : `must ${text}`;
  return {
    error: (issue) => (issue.input === undefined ? REQUIRED : Array.isArray(issue.input) ? GIVEN_ONCE : message),
  };
}

/** One problem of a refused value: the field's path (dotted) and what is wrong. */
export interface Problem {
  field: string;
  message: string;
}

/** The problems of a zod error, each under its dotted path (`''` for the whole value). */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `has unknown parameters: ${issue.keys.join(', ')}` : issue.message,
  }));
}
