/**
 * Cleaning and checking the localised text fields of an edit form: trimmed, empty languages
 * dropped, the Finnish original required where the field is required or translated, a length
 * limit, and Markdown-subset bodies free of HTML and script links. Errors are keyed `field.lang`.
 */
import { LANGS, type LocalizedText } from './languages.ts';
import { markdownFieldProblems, plainTextFieldProblems, plainTextProblems } from './markdown-subset.ts';
import { fieldProblem, fieldProblems, type FieldErrorMap } from './edit-errors.ts';

export interface TextFieldSpec {
  /** True when the Finnish text must be given (titles, names). */
  required?: boolean;
  /** Longest text allowed per language, in characters. */
  max: number;
  /** True for bodies written in the Markdown subset (checked for HTML and script links). */
  markdown?: boolean;
  /** True for plain texts that may have several lines (summaries); titles and names are one line. */
  multiline?: boolean;
}

export const TEXT_LIMITS = { title: 300, shortTitle: 120, summary: 2000, body: 50000, name: 200, label: 120 } as const;

/** Trims each language and drops empty ones; null when no language has text. */
export function cleanText(text: LocalizedText | null | undefined): LocalizedText | null {
  const out: LocalizedText = {};
  for (const lang of LANGS) {
    const v = text?.[lang];
    if (typeof v === 'string' && v.trim() !== '') out[lang] = v.replace(/\r\n?/g, '\n').trim();
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Cleans `input` field by field after `specs`, writing problems into `errors` (keyed `field.lang`).
 * Fields of `specs` missing from `input` come back as null.
 */
export function cleanTexts<F extends string>(
  specs: Readonly<Record<F, TextFieldSpec>>,
  input: Readonly<Partial<Record<F, LocalizedText | null | undefined>>>,
  errors: FieldErrorMap,
): Record<F, LocalizedText | null> {
  const out = {} as Record<F, LocalizedText | null>;
  for (const field of Object.keys(specs) as F[]) {
    const spec = specs[field];
    const text = cleanText(input[field]);
    out[field] = text;
    if (!text?.fi) {
      if (spec.required)
        errors[`${field}.fi`] = fieldProblem('required_fi', 'is required in Finnish (the original language)');
      else if (text)
        errors[`${field}.fi`] = fieldProblem(
          'fi_before_translation',
          'the Finnish original is required when a translation is given',
        );
    }
    for (const lang of LANGS) {
      const value = text?.[lang];
      if (!value) continue;
      const key = `${field}.${lang}`;
      if (value.length > spec.max)
        errors[key] = fieldProblem('too_long', `must be at most ${spec.max} characters (now ${value.length})`, {
          max: spec.max,
          length: value.length,
        });
      const problems = spec.markdown
        ? markdownFieldProblems(value)
        : [
            ...plainTextFieldProblems(value),
            ...(!spec.multiline && /\n/.test(value) ? [fieldProblem('single_line', 'must be a single line')] : []),
          ];
      if (problems.length > 0 && !errors[key]) errors[key] = fieldProblems(problems);
    }
  }
  return out;
}

/** A trimmed one-line text or null; a problem goes into `errors[field]`. */
export function cleanLine(
  value: string | null | undefined,
  field: string,
  max: number,
  errors: FieldErrorMap,
  required = false,
): string | null {
  const v = (value ?? '').trim();
  if (v === '') {
    if (required) errors[field] = fieldProblem('required', 'is required');
    return null;
  }
  if (v.length > max)
    errors[field] = fieldProblem('too_long', `must be at most ${max} characters`, { max, length: v.length });
  else if (/[\n\r]/.test(v) || plainTextProblems(v).length > 0)
    errors[field] = fieldProblem('single_line', 'must be a single line of text');
  return v;
}
