/**
 * Errors of editing: invalid fields (400, each with its own message so a form can show it next to
 * the field) and a stale revision (409, carrying the values now stored so the editor sees the
 * other change beside their own).
 *
 * A field's problem may carry a code and parameters (`{ code: 'too_long', params: { max: 300 } }`)
 * beside its English text: the API and the CLI give the English text, the admin forms translate
 * the code (src/i18n/messages/<lang>/errors.json, key `errors.field.<code>`) and fall back to the
 * English text for a problem without a code or a code without a message.
 */
import { AppError } from './errors.ts';

/** One field's problem: its English text, and a code with parameters for translating it. */
export interface FieldProblem {
  code: string;
  params?: Readonly<Record<string, string | number>>;
  /** The English text, completing "<field> …" (e.g. "must be at most 300 characters"). */
  message: string;
  /** For several problems of one field (code `several`): each of them, shown joined by "; ". */
  parts?: readonly FieldProblem[];
}

/** Field name → problem: a coded one, or a plain English text (not translated). */
export type FieldErrorMap = Record<string, string | FieldProblem>;

/** A coded problem. */
export function fieldProblem(code: string, message: string, params?: Record<string, string | number>): FieldProblem {
  return params ? { code, params, message } : { code, message };
}

/** Several problems of one field as one: the only one, or each of them (code `several`, texts joined by "; "). */
export function fieldProblems(problems: readonly FieldProblem[]): FieldProblem {
  if (problems.length === 1) return problems[0]!;
  return { code: 'several', message: problems.map((p) => p.message).join('; '), parts: problems };
}

/** The English text of a problem. */
export function problemText(p: string | FieldProblem): string {
  return typeof p === 'string' ? p : p.message;
}

export class FieldErrors extends AppError {
  /** Field name (as in the form, e.g. `title.fi`) → what is wrong, in English. */
  readonly fields: Readonly<Record<string, string>>;
  /** Field name → the problem with its code (`code: ''` for a problem given as plain text). */
  readonly problems: Readonly<Record<string, FieldProblem>>;

  constructor(message: string, given: FieldErrorMap) {
    const fields: Record<string, string> = {};
    const problems: Record<string, FieldProblem> = {};
    for (const [k, v] of Object.entries(given)) {
      fields[k] = problemText(v);
      problems[k] = typeof v === 'string' ? { code: '', message: v } : v;
    }
    super(
      'bad_request',
      `${message}: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}`,
      Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
    );
    this.name = 'FieldErrors';
    this.fields = fields;
    this.problems = problems;
  }
}

export class EditConflict<T = unknown> extends AppError {
  /** The values stored now, with their current revision. */
  readonly current: T;

  constructor(what: string, current: T) {
    super(
      'conflict',
      `${what} was changed by someone else after you opened it; nothing was saved. Compare the stored values with yours and save again.`,
    );
    this.name = 'EditConflict';
    this.current = current;
  }
}
