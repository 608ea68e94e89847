/**
 * What every view receives: the language, its interface texts, the site's asset URLs, and a
 * flag set whenever a content text is shown in another language because a translation is missing.
 */
import { pickText, type Lang, type LocalizedText, type PickedText } from '#src/domain/languages.ts';
import type { Translate } from '#src/i18n/index.ts';

export interface SiteChrome {
  /** Absolute origin used in canonical and hreflang links, e.g. `https://suunta.example.fi`. */
  baseUrl: string;
  cssHref: string;
  iconHref: string;
  /** The consultation round page's progressive enhancement (a selected passage becomes the quote). */
  quoteScriptHref?: string;
}

export interface RenderContext {
  lang: Lang;
  t: Translate;
  chrome: SiteChrome;
  /** True once any text of the page was shown in a fallback language. */
  fallbackUsed: boolean;
}

/** A content text for the page's language; `lang` is set only when it differs from the page's. */
export interface ShownText {
  text: string;
  lang: Lang | undefined;
}

/** Picks `text` for the page's language, noting when a fallback is used. */
export function shown(rc: RenderContext, text: LocalizedText | null | undefined): ShownText | null {
  const picked: PickedText | null = pickText(text, rc.lang);
  if (!picked) return null;
  if (picked.fallback) rc.fallbackUsed = true;
  return { text: picked.text, lang: picked.fallback ? picked.lang : undefined };
}

/** Like `shown`, for texts that must exist (titles, names); an absent text gives an empty string. */
export function shownRequired(rc: RenderContext, text: LocalizedText | null | undefined): ShownText {
  return shown(rc, text) ?? { text: '', lang: undefined };
}

/** The plain string of `text` for attributes and `<title>` (no fallback note can go there). */
export function plain(rc: RenderContext, text: LocalizedText | null | undefined): string {
  return pickText(text, rc.lang)?.text ?? '';
}
