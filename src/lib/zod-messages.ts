/**
 * Wording of refused values for zod schemas of query strings, JSON bodies and forms: every
 * message completes "<name> must …" (or says "is required" / "must be given once"), so the edge
 * that reports it can put the parameter's or field's name in front.
 */
import type { z } from 'zod';

/** The refusal of a missing value. */
export const REQUIRED = 'is required';

/** A zod `error` option: "is required" for a missing value, "must be given once" for a repeated one, else "must <text>". */
export function refusal(text: string): { error: (issue: z.core.$ZodRawIssue) => string } {
  return {
    error: (issue) =>
      issue.input === undefined ? REQUIRED : Array.isArray(issue.input) ? 'must be given once' : `must ${text}`,
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
