/** The languages Suunta publishes in. Finnish is the original language of every programme. */
export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fi';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** A text in up to three languages. A missing language means no translation exists yet. */
export type LocalizedText = Partial<Record<Lang, string | null>>;

/** A text picked for one language, with the language it is actually written in. */
export interface PickedText {
  text: string;
  lang: Lang;
  /** True when the requested language had no text and another language was used instead. */
  fallback: boolean;
}

/** Fallback order when a translation is missing: the original Finnish first, then English, then Swedish. */
const FALLBACK: Record<Lang, Lang[]> = { fi: ['fi', 'en', 'sv'], sv: ['sv', 'fi', 'en'], en: ['en', 'fi', 'sv'] };

/** Picks the text for `lang`, falling back to another language (and saying so) when it is missing. */
export function pickText(text: LocalizedText | null | undefined, lang: Lang): PickedText | null {
  if (!text) return null;
  for (const candidate of FALLBACK[lang]) {
    const value = text[candidate];
    if (value !== undefined && value !== null && value.trim() !== '') {
      return { text: value, lang: candidate, fallback: candidate !== lang };
    }
  }
  return null;
}
