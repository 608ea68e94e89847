/**
 * Translation status per text field and language. Finnish is the `original`; a Swedish or English
 * text is `reviewed`, `machine` (machine translation not yet checked) or `stale` (the Finnish
 * original changed after it was written). Editing the Finnish text makes the other languages of
 * that field stale until an editor marks them reviewed; writing a Swedish or English text makes
 * it reviewed unless the editor says it is a machine translation. A translation without a stored
 * status (imported content) counts as reviewed.
 */
import type { Lang, LocalizedText } from './languages.ts';

export const TRANSLATION_STATES = ['original', 'machine', 'reviewed', 'stale'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export const TRANSLATED_LANGS = ['sv', 'en'] as const;
export type TranslatedLang = (typeof TRANSLATED_LANGS)[number];

/** The stored form: field → language → state, only for translations that exist. */
export type StatusMap = Record<string, Partial<Record<TranslatedLang, TranslationState>>>;

/** What an editor chose for one translation on the form: nothing (apply the rules), reviewed or machine. */
export type StatusChoice = 'reviewed' | 'machine';

/** Choices keyed `field.lang`, e.g. `title.sv`. */
export type StatusChoices = Readonly<Record<string, StatusChoice | undefined>>;

export function isStatusChoice(value: unknown): value is StatusChoice {
  return value === 'reviewed' || value === 'machine';
}

const has = (text: LocalizedText | null | undefined, lang: Lang): boolean => {
  const v = text?.[lang];
  return typeof v === 'string' && v.trim() !== '';
};

const norm = (text: LocalizedText | null | undefined, lang: Lang): string => (text?.[lang] ?? '').trim();

/** Reads the stored JSON; anything unreadable counts as no stored status. */
export function parseStatusMap(json: string | null): StatusMap {
  if (json === null) return {};
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: StatusMap = {};
    for (const [field, langs] of Object.entries(value as Record<string, unknown>)) {
      if (typeof langs !== 'object' || langs === null) continue;
      const entry: Partial<Record<TranslatedLang, TranslationState>> = {};
      for (const lang of TRANSLATED_LANGS) {
        const state = (langs as Record<string, unknown>)[lang];
        if (typeof state === 'string' && (TRANSLATION_STATES as readonly string[]).includes(state))
          entry[lang] = state as TranslationState;
      }
      out[field] = entry;
    }
    return out;
  } catch {
    return {};
  }
}

/** The JSON to store, or null when nothing needs storing. */
export function statusMapToJson(map: StatusMap): string | null {
  const clean: StatusMap = {};
  for (const [field, langs] of Object.entries(map)) {
    if (Object.keys(langs).length > 0) clean[field] = langs;
  }
  return Object.keys(clean).length > 0 ? JSON.stringify(clean) : null;
}

/** The state of one language of one field; null when that language has no text. */
export function stateOf(
  map: StatusMap,
  field: string,
  text: LocalizedText | null | undefined,
  lang: Lang,
): TranslationState | null {
  if (!has(text, lang)) return null;
  if (lang === 'fi') return 'original';
  return map[field]?.[lang] ?? 'reviewed';
}

/** The state of every language of every field in `texts`. */
export function effectiveStatus(
  map: StatusMap,
  texts: Readonly<Record<string, LocalizedText | null | undefined>>,
): Record<string, Record<Lang, TranslationState | null>> {
  const out: Record<string, Record<Lang, TranslationState | null>> = {};
  for (const [field, text] of Object.entries(texts)) {
    out[field] = {
      fi: stateOf(map, field, text, 'fi'),
      sv: stateOf(map, field, text, 'sv'),
      en: stateOf(map, field, text, 'en'),
    };
  }
  return out;
}

/**
 * The status after saving `after` over `before` (only the fields given in `after` are touched):
 * - a changed (or new) Swedish or English text becomes `reviewed`, or `machine` when chosen;
 * - an unchanged translation of a field whose Finnish text changed becomes `stale`, unless the
 *   editor explicitly marked it reviewed (or machine) in the same save;
 * - otherwise an explicit choice replaces the state, and without one the state stays;
 * - a removed translation loses its state.
 */
export function statusAfterEdit(
  stored: StatusMap,
  before: Readonly<Record<string, LocalizedText | null | undefined>>,
  after: Readonly<Record<string, LocalizedText | null | undefined>>,
  choices: StatusChoices = {},
): StatusMap {
  const out: StatusMap = {};
  for (const [field, langs] of Object.entries(stored)) out[field] = { ...langs };
  for (const [field, next] of Object.entries(after)) {
    const prev = before[field];
    const originalChanged = norm(prev, 'fi') !== norm(next, 'fi');
    const entry: Partial<Record<TranslatedLang, TranslationState>> = { ...(out[field] ?? {}) };
    for (const lang of TRANSLATED_LANGS) {
      const choice = choices[`${field}.${lang}`];
      if (!has(next, lang)) {
        delete entry[lang];
        continue;
      }
      const textChanged = norm(prev, lang) !== norm(next, lang);
      const current = stateOf(stored, field, prev, lang) ?? 'reviewed';
      if (textChanged) entry[lang] = choice === 'machine' ? 'machine' : 'reviewed';
      else if (choice) entry[lang] = choice;
      else if (originalChanged) entry[lang] = 'stale';
      else entry[lang] = current;
    }
    out[field] = entry;
  }
  return out;
}

/** The number of translations that are stale or machine-made (to flag on lists). */
export function needsReview(map: StatusMap): number {
  let n = 0;
  for (const langs of Object.values(map)) {
    for (const state of Object.values(langs)) if (state === 'stale' || state === 'machine') n += 1;
  }
  return n;
}
