/**
 * Texts of observations for open data in one language: the meaning of a status symbol (Statistics
 * Finland's `.`, `..`, `...`, `-`, `p`; Eurostat's `:`, `c`, `e`, `b`, `u`) and the name of an area key.
 */
import type { Lang } from '#src/domain/languages.ts';
import { translator, type MessageKey } from '#src/i18n/index.ts';

const SYMBOLS: Record<string, MessageKey> = {
  '.': 'openData.status.notApplicable',
  '..': 'openData.status.notAvailable',
  ':': 'openData.status.notAvailable',
  '...': 'openData.status.confidential',
  c: 'openData.status.confidential',
  '-': 'openData.status.nil',
  p: 'openData.status.preliminary',
  r: 'openData.status.revised',
  e: 'openData.status.estimate',
  b: 'openData.status.break',
  break: 'openData.status.break',
  u: 'openData.status.lowReliability',
};

/**
 * The meaning of `status` in `lang`: a known symbol's text, else the label the source gave it
 * (`statusLabel`, in the source file's language), else null. Null for no status.
 */
export function statusMeaning(lang: Lang, status: string | null, statusLabel: string | null): string | null {
  if (status === null) return null;
  const key = SYMBOLS[status.trim().toLowerCase()];
  return key ? translator(lang)(key) : statusLabel;
}

/** The name of the whole country (`SSS`) in `lang`. */
export function countryName(lang: Lang): string {
  return translator(lang)('openData.area.country');
}
