/**
 * zod schemas of HTML form fields. A posted form is a record of strings (repeated fields as
 * arrays); these read one field each, with the wording of refusals completing "<field> must …",
 * so a form schema is `z.looseObject({ revision: revisionField, direction: choiceField(['up',
 * 'down']) })` (looseObject keeps the other fields, e.g. the localised texts, for a transform).
 */
import { z } from 'zod';
import { codedRefusal, refusal } from '#src/lib/zod-messages.ts';

/** The first text of a field ('' when absent). */
function first(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string') ?? '';
  return '';
}

/** A text field ('' when absent; the first value when repeated). */
export const textField = z.preprocess(first, z.string());

/** A field that may be repeated (checkboxes): every value. */
export const textsField = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []),
  z.array(z.string()),
);

/** The revision the form was loaded at (a hidden field). */
export const revisionField = z.preprocess(
  first,
  z
    .string()
    .regex(/^\d{1,9}$/, { error: codedRefusal('must be given as a whole number (reload the page)', 'revision') })
    .transform(Number),
);

/** The refusal of a value not among `values` (code `choice`, with the values). */
function oneOf(values: readonly string[]) {
  const list = values.join(', ');
  return refusal(`be one of: ${list}`, { code: 'choice', params: { values: list } });
}

/** One of `values`. */
export function choiceField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values, oneOf(values)));
}

/** One of `values`, or not given (absent or empty). */
export function optionalChoiceField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (first(v) === '' ? undefined : first(v)), z.enum(values, oneOf(values)).optional());
}

/** A whole number from `min` to `max` (e.g. a version number chosen from a list). */
export function wholeNumberField(min: number, max: number, text = `be a whole number from ${min} to ${max}`) {
  return z.preprocess(
    first,
    z
      .string()
      .regex(/^\d{1,9}$/, refusal(text))
      .transform(Number)
      .pipe(z.number().min(min, refusal(text)).max(max, refusal(text))),
  );
}

/** The confirmation of a deletion: `confirm=yes`. */
export const confirmField = z.preprocess(
  first,
  z.literal('yes', { error: codedRefusal('must be "yes" (confirm the deletion)', 'confirm') }),
);

/**
 * A form schema: `shape` checks the named fields; `build` makes the service's input from them and
 * from the other fields of the form (localised texts `title.fi` …, read with ./form-input.ts).
 * The rules of the content itself (required texts, lengths, unique slugs) stay in the services,
 * shared with the CLI and the importers; they answer FieldErrors, shown like the schema's.
 */
export function formSchema<S extends z.ZodRawShape, T>(
  shape: S,
  build: (fields: z.output<z.ZodObject<S>>, form: Readonly<Record<string, unknown>>) => T,
) {
  return z.looseObject(shape).transform((f) => build(f as z.output<z.ZodObject<S>>, f));
}
