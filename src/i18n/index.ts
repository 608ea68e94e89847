/** Interface texts of the public site in fi/sv/en, with `{name}` parameters and plural forms. */
import type { Lang } from '#src/domain/languages.ts';
import { en } from './messages/en.ts';
import { fi, type MessageKey, type Messages } from './messages/fi.ts';
import { sv } from './messages/sv.ts';

export type { MessageKey, Messages };

export const MESSAGES: Record<Lang, Messages> = { fi, sv, en };

/** Looks up interface texts in one language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Replaces `{name}` in `template` with the matching parameter (left as is when none is given). */
export function interpolate(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  return (key, params) => interpolate(messages[key], params);
}

const pluralRules: Record<Lang, Intl.PluralRules> = {
  fi: new Intl.PluralRules('fi-FI'),
  sv: new Intl.PluralRules('sv-FI'),
  en: new Intl.PluralRules('en-GB'),
};

/** `base.one` or `base.other` by the plural category of `n` in `lang`. */
export function pluralKey(lang: Lang, n: number, base: 'search.results'): MessageKey {
  return pluralRules[lang].select(n) === 'one' ? `${base}.one` : `${base}.other`;
}
