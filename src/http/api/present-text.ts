/** Localized texts in the API always carry all three languages, null where no text exists. */
import type { LocalizedText as StoredText } from '#src/domain/languages.ts';
import type { LocalizedText } from './schemas/registry.ts';

const clean = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

/** A required text: `{fi, sv, en}` with null for each missing language. */
export function presentText(text: StoredText | null | undefined): LocalizedText {
  return { fi: clean(text?.fi), sv: clean(text?.sv), en: clean(text?.en) };
}

/** An optional text: null when it has no text in any language. */
export function presentOptionalText(text: StoredText | null | undefined): LocalizedText | null {
  const out = presentText(text);
  return out.fi === null && out.sv === null && out.en === null ? null : out;
}
