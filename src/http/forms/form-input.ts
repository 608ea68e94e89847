/**
 * Reading HTML forms (shared by every admin feature): the posted fields as form values, localised
 * texts from `name.fi` / `name.sv` / `name.en`, translation-status choices from
 * `status.<field>.<lang>`, `?done=` notices, and refused fields turned into field errors for the
 * form. The fields themselves are checked by zod schemas (./form-fields.ts) in `adminForm`.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '#src/domain/errors.ts';
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

/** The `?done=` notice of a page shown after a redirect. */
export function doneOf(request: FastifyRequest): DoneCode | null {
  const done = (request.query as Record<string, unknown> | undefined)?.['done'];
  return typeof done === 'string' && (DONE_CODES as readonly string[]).includes(done) ? (done as DoneCode) : null;
}

/** Field errors of a refused save (FieldErrors' fields), each as the form's field name and the reason. */
export function fieldErrorsOf(fields: Readonly<Record<string, string>>, prefix = ''): FieldError[] {
  return Object.entries(fields).map(([field, message]) => ({
    field: `${prefix}${field}`,
    message: `${field}: ${message}`,
  }));
}

/** A whole number route parameter (e.g. a version number), or 404. */
export function numberParam(value: string, what: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new AppError('not_found', `${what} "${value}" was not found`);
  return Number(value);
}
