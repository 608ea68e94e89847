/**
 * THE way a form's POST is registered: `adminForm(app, ctx, { url, rule, schema, action, view })`.
 * A new form is a zod schema (what the posted fields must be, turned into the service's input),
 * a service call (`action`, answering the redirect-after-post address with its `?done=` notice)
 * and a view (`view`, the page shown again when the change is refused). This helper owns what
 * happens in between, for every form alike:
 *   - the fields refused by the schema or by the service (`FieldErrors`) → 400, the form shown
 *     again with the input kept and each field's error;
 *   - a stale revision (`EditConflict`) → 409, the form shown again with the stored values beside
 *     the sent ones (the form's revision moved on to the stored one, so saving again works);
 *   - other refusals (bad_request, conflict, invalid_file) → 400/409 with the reason on the page;
 *   - success → 303 to the action's address; anything else is rethrown (the error page).
 * Access rules, rate limits and CSRF checks are adminRoute's (./admin-route.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  EditConflict,
  FieldErrors,
  fieldProblem,
  type FieldErrorMap,
  type FieldProblem,
} from '#src/domain/edit-errors.ts';
import type { Lang } from '#src/domain/languages.ts';
import { MESSAGES, translator, type MessageKey } from '#src/i18n/index.ts';
import { AppError } from '#src/domain/errors.ts';
import { codeOfRefusal, problemsOf } from '#src/lib/zod-messages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { fieldErrorsOf, formOf } from '#src/http/forms/form-input.ts';
import {
  adminRoute,
  type AccessRule,
  type AdminRequest,
  type PublicFormRule,
  type PublicRule,
  type RoleRule,
  type SignedInRule,
} from './admin-route.ts';

/** Why a posted form was refused, for the view that shows it again. */
export interface FormFailure {
  /** 400 (invalid fields, a refusal) or 409 (a stale revision, or a state that forbids the change). */
  status: 400 | 409;
  /** The form as sent; after a conflict with its revision moved on to the stored one. */
  form: FormValues;
  /** The form exactly as sent. */
  sent: FormValues;
  /** Each refused field (empty unless fields were refused). */
  errors: FieldError[];
  /** After a conflict: the values stored now (`EditConflict.current`). */
  conflict: unknown;
  /** The reason in one sentence (for pages that show no field errors). */
  message: string;
  error: AppError;
}

/** The options of a form; `Req` is the request its callbacks get (e.g. `AdminRequest<{ Params: … }>`). */
export interface FormOptions<Req extends FastifyRequest, I> {
  url: string;
  /** What the posted fields must be, and the input they make (a function when it depends on the request). */
  schema: z.ZodType<I> | ((request: Req) => z.ZodType<I> | Promise<z.ZodType<I>>);
  /** The posted form (default: the body's fields without the CSRF token). */
  form?: (request: Req) => FormValues;
  /** Field errors as the view names them (default: `field: reason`, under `fieldPrefix`). */
  fieldErrors?: (request: Req, fields: Readonly<Record<string, string>>) => FieldError[];
  /** Prefix of the form's field names (e.g. `new-office.` for an add form beside other forms). */
  fieldPrefix?: string | ((request: Req) => string);
  /** The change: answers the address to redirect to (with its notice), or a reply it sent itself. */
  action: (input: I, request: Req, reply: FastifyReply) => Promise<string | FastifyReply>;
  /** The page shown again for a refused change. */
  view: (request: Req, reply: FastifyReply, failure: FormFailure) => Promise<FastifyReply> | FastifyReply;
}

/** What a page shows of a refused form: the status, the field errors, or the reason when no field is named. */
export interface ShownFailure {
  status: number;
  errors: readonly FieldError[];
  problem: string | null;
}

/** A form shown for the first time. */
export const NO_FAILURE: ShownFailure = { status: 200, errors: [], problem: null };

export function shownFailure(f: FormFailure): ShownFailure {
  return { status: f.status, errors: f.errors, problem: f.errors.length > 0 ? null : f.message };
}

/**
 * What an edit page shows again for a failure: the form (after a conflict with the stored
 * revision), the field errors, the stored values beside yours, or the reason of a refusal.
 */
export function editExtras<C>(f: FormFailure): {
  form: FormValues;
  errors: FieldError[];
  conflict: C | null;
  problem: string | null;
} {
  const shown = f.conflict !== null || f.errors.length > 0;
  return {
    form: f.form,
    errors: f.errors,
    conflict: (f.conflict as C | null) ?? null,
    problem: shown ? null : f.message,
  };
}

/**
 * Fields refused by a form schema, as the service's FieldErrors (the same answer: 400 at the
 * fields); a coded refusal (src/lib/zod-messages.ts) keeps its code for translating.
 */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrorMap = {};
  for (const p of problemsOf(error)) {
    const coded = codeOfRefusal(p.message);
    fields[p.field || 'form'] ??= coded ? fieldProblem(coded.code, p.message, coded.params) : p.message;
  }
  return new FieldErrors('The form was not accepted', fields);
}

/**
 * A field's problem in `lang`: its code's message (`errors.field.<code>` in errors.json), or the
 * English text for a problem without a code or a code without a message.
 */
export function problemIn(lang: Lang, problem: FieldProblem): string {
  if (problem.parts) return problem.parts.map((p) => problemIn(lang, p)).join('; ');
  const key = `errors.field.${problem.code}`;
  if (problem.code === '' || !(key in MESSAGES[lang])) return problem.message;
  return translator(lang)(key as MessageKey, problem.params ? { ...problem.params } : undefined);
}

/** The reason of a refusal in `lang` (`errors.<code>`), or its English message without a translation. */
export function reasonIn(lang: Lang, error: AppError): string {
  const key = error.reason ? `errors.${error.reason.code}` : '';
  if (!error.reason || !(key in MESSAGES[lang])) return error.message;
  return translator(lang)(key as MessageKey, error.reason.params ? { ...error.reason.params } : undefined);
}

/** AppError codes a form shows on its page (others go to the error page). */
const SHOWN = new Set(['bad_request', 'conflict', 'invalid_file']);

function revisionOf(current: unknown): string | null {
  const r = current !== null && typeof current === 'object' ? (current as { revision?: unknown }).revision : undefined;
  return typeof r === 'number' ? String(r) : null;
}

/** The failure a refused change is shown with, or null for errors the form does not show. */
export function formFailure(
  error: unknown,
  sent: FormValues,
  fieldErrors: (fields: Readonly<Record<string, string>>) => FieldError[],
  lang: Lang = 'en',
): FormFailure | null {
  if (!(error instanceof AppError) || !SHOWN.has(error.code)) return null;
  const base = { sent, form: sent, errors: [] as FieldError[], conflict: null, error };
  if (error instanceof EditConflict) {
    const revision = revisionOf(error.current);
    return {
      ...base,
      status: 409,
      form: revision === null ? sent : { ...sent, revision },
      conflict: error.current,
      message: error.message,
    };
  }
  if (error instanceof FieldErrors) {
    const shown = Object.fromEntries(Object.entries(error.problems).map(([k, p]) => [k, problemIn(lang, p)]));
    const errors = fieldErrors(shown);
    return { ...base, status: 400, errors, message: errors.map((e) => e.message).join('; ') };
  }
  return { ...base, status: error.code === 'conflict' ? 409 : 400, message: reasonIn(lang, error) };
}

/** A form of signed-in users (a role rule, or any signed-in user). */
export function adminForm<Req extends AdminRequest<any> = AdminRequest, I = unknown>( // eslint-disable-line @typescript-eslint/no-explicit-any
  app: FastifyInstance,
  ctx: AppContext,
  options: FormOptions<Req, I> & { rule: SignedInRule | RoleRule<never> },
): void {
  registerForm(app, ctx, options.rule, options);
}

/** A form anyone may send: the sign-in pages (`public`) or a public form (`public-form`, e.g. consultation). */
export function publicForm<Req extends FastifyRequest<any> = FastifyRequest, I = unknown>( // eslint-disable-line @typescript-eslint/no-explicit-any
  app: FastifyInstance,
  ctx: AppContext,
  options: FormOptions<Req, I> & { rule: PublicRule | PublicFormRule },
): void {
  registerForm(app, ctx, options.rule, options);
}

function registerForm<Req extends FastifyRequest, I>(
  app: FastifyInstance,
  ctx: AppContext,
  rule: AccessRule,
  options: FormOptions<Req, I>,
): void {
  adminRoute(app, ctx, {
    method: 'POST',
    url: options.url,
    rule: rule as never,
    handler: async (raw: FastifyRequest, reply: FastifyReply) => {
      const request = raw as Req;
      const sent = options.form ? options.form(request) : formOf(request);
      const prefix =
        typeof options.fieldPrefix === 'function' ? options.fieldPrefix(request) : (options.fieldPrefix ?? '');
      try {
        const schema = typeof options.schema === 'function' ? await options.schema(request) : options.schema;
        const parsed = schema.safeParse(sent);
        if (!parsed.success) throw fieldErrorsFromZod(parsed.error);
        const done = await options.action(parsed.data, request, reply);
        return typeof done === 'string' ? reply.redirect(done, 303) : done;
      } catch (error) {
        const failure = formFailure(
          error,
          sent,
          (fields) => (options.fieldErrors ? options.fieldErrors(request, fields) : fieldErrorsOf(fields, prefix)),
          (request as Partial<AdminRequest>).adminLang ?? 'fi',
        );
        if (!failure) throw error;
        return options.view(request, reply, failure);
      }
    },
  });
}
