/** Localised texts are stored as JSON strings; these helpers convert at the storage edge. */
import type { LocalizedText } from '#src/domain/languages.ts';

/** Stores a localised text, dropping empty and null languages; returns null when no language has text. */
export function textToJson(
  text: LocalizedText | null | undefined | Record<string, string | null | undefined>,
): string | null {
  if (!text) return null;
  const clean: Record<string, string> = {};
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const value = (text as Record<string, string | null | undefined>)[lang];
    if (typeof value === 'string' && value.trim() !== '') clean[lang] = value;
  }
  return Object.keys(clean).length > 0 ? JSON.stringify(clean) : null;
}

export function textFromJson(json: string | null): LocalizedText | null {
  return json === null ? null : (JSON.parse(json) as LocalizedText);
}

/** Like textFromJson for columns that are never null. */
export function requiredTextFromJson(json: string): LocalizedText {
  return JSON.parse(json) as LocalizedText;
}
