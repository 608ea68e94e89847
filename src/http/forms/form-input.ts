/**
 * Reading the editor's HTML forms: the posted fields as form values, localised texts from
 * `name.fi` / `name.sv` / `name.en`, translation-status choices from `status.<field>.<lang>`, the
 * revision, `?done=` notices, and editing errors turned into field errors for the form.
 */
import type { FastifyRequest } from 'fastify';
import type { FieldErrors } from '#src/domain/edit-errors.ts';
import { AppError, badRequest } from '#src/domain/errors.ts';
import { LANGS, type LocalizedText } from '#src/domain/languages.ts';
import { isStatusChoice, TRANSLATED_LANGS, type StatusChoices } from '#src/domain/translation-status.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { DONE_CODES, type DoneCode, type FormValues } from '#src/views/admin/programmes/editor-components.tsx';

/** The posted form as string values (repeated fields as arrays); the CSRF token left out. */
export function formOf(request: FastifyRequest): Record<string, string | string[]> {
  const body = request.body;
  if (body === undefined || body === null || typeof body !== 'object') return {};
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function one(form: FormValues, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
}

export function many(form: FormValues, name: string): string[] {
  const v = form[name];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? [...v] : [];
}

/** `name.fi`, `name.sv`, `name.en` as a localised text. */
export function localized(form: FormValues, name: string): LocalizedText {
  const out: LocalizedText = {};
  for (const l of LANGS) out[l] = one(form, `${name}.${l}`);
  return out;
}

/** The translation-status choices of `fields` (`status.title.sv` = reviewed | machine). */
export function statusChoices(form: FormValues, fields: readonly string[]): StatusChoices {
  const out: Record<string, 'reviewed' | 'machine'> = {};
  for (const f of fields) {
    for (const l of TRANSLATED_LANGS) {
      const v = one(form, `status.${f}.${l}`);
      if (isStatusChoice(v)) out[`${f}.${l}`] = v;
    }
  }
  return out;
}

/** The revision the form was loaded at. */
export function revisionOf(form: FormValues): number {
  const raw = one(form, 'revision');
  if (!/^\d{1,9}$/.test(raw)) throw badRequest('revision must be given as a whole number (reload the page)');
  return Number(raw);
}

/** The `?done=` notice of a page shown after a redirect. */
export function doneOf(request: FastifyRequest): DoneCode | null {
  const done = (request.query as Record<string, unknown> | undefined)?.['done'];
  return typeof done === 'string' && (DONE_CODES as readonly string[]).includes(done) ? (done as DoneCode) : null;
}

/** Field errors of a refused save, each as the form's field name and the reason. */
export function fieldErrorsOf(error: FieldErrors, prefix = ''): FieldError[] {
  return Object.entries(error.fields).map(([field, message]) => ({
    field: `${prefix}${field}`,
    message: `${field}: ${message}`,
  }));
}

/** True for errors a form page shows itself (invalid fields, conflicts, refusals); others go to the error page. */
export function isShownOnForm(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'bad_request' || error.code === 'conflict');
}

/** The status a form re-shown for `error` is sent with. */
export function statusFor(error: AppError): number {
  return error.code === 'conflict' ? 409 : 400;
}

/** A whole number route parameter (e.g. a version number), or 404. */
export function numberParam(value: string, what: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new AppError('not_found', `${what} "${value}" was not found`);
  return Number(value);
}
