/**
 * Interface texts in fi/sv/en: ICU MessageFormat (intl-messageformat), so plurals
 * (`{n, plural, one {# hanke} other {# hanketta}}`) and numbers (`{n, number}`) follow the language.
 * Each message is compiled once per language, on first use, and kept; a message without arguments is
 * kept as its plain string.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '#src/domain/languages.ts';
import { LOCALES } from './format.ts';
import { en, fi, sv, type MessageKey, type Messages } from './messages/catalogue.ts';

export type { MessageKey, Messages };

/** The ICU source text of every message, per language. */
export const MESSAGES: Record<Lang, Messages> = { fi, sv, en };

/** Values of a message's ICU arguments: numbers for `plural` and `number` arguments. */
export type MessageParams = Record<string, string | number>;

/** Looks up interface texts in one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Compiles ICU `source` for `lang`; a text without arguments stays a string. */
export function compileMessage(source: string, lang: Lang): IntlMessageFormat | string {
  if (!source.includes('{') && !source.includes("'")) return source;
  const format = new IntlMessageFormat(source, LOCALES[lang]);
  const ast = format.getAst();
  // One literal element (e.g. an escaped brace): the text is fixed.
  if (ast.length === 1 && ast[0]!.type === 0) return ast[0]!.value;
  return format;
}

function makeTranslator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  const compiled = new Map<MessageKey, IntlMessageFormat | string>();
  return (key, params) => {
    let message = compiled.get(key);
    if (message === undefined) {
      message = compileMessage(messages[key], lang);
      compiled.set(key, message);
    }
    if (typeof message === 'string') return message;
    const out = message.format(params);
    return typeof out === 'string' ? out : String(out);
  };
}

const translators: Record<Lang, Translate> = {
  fi: makeTranslator('fi'),
  sv: makeTranslator('sv'),
  en: makeTranslator('en'),
};

/** The translator of `lang` (one per language, so compiled messages are shared by every request). */
export function translator(lang: Lang): Translate {
  return translators[lang];
}
