/**
 * Interface texts in fi/sv/en: ICU MessageFormat (intl-messageformat), so plurals
 * (`{n, plural, one {# hanke} other {# hanketta}}`) and numbers (`{n, number}`) follow the language.
 * Each message is compiled once per language, on first use, and kept; a message without arguments is
 * kept as its plain string.
 */
import {
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
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

/** A compiled message and the names of its numeric (`number`, `plural`) arguments. */
interface Compiled {
  format: IntlMessageFormat;
  numeric: readonly string[];
}

/** Compiles ICU `source` for `lang`; a text without arguments stays a string. */
export function compileMessage(source: string, lang: Lang): Compiled | string {
  if (!source.includes('{') && !source.includes("'")) return source;
  const format = new IntlMessageFormat(source, LOCALES[lang]);
  const ast = format.getAst();
  // One literal element (e.g. an escaped brace): the text is fixed.
  if (ast.length === 1 && isLiteralElement(ast[0]!)) return ast[0].value;
  const numeric = new Set<string>();
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (isNumberElement(el) || isPluralElement(el)) numeric.add(el.value);
      if (isPluralElement(el) || isSelectElement(el)) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(ast);
  return { format, numeric: [...numeric] };
}

function makeTranslator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  const compiled = new Map<MessageKey, Compiled | string>();
  return (key, params) => {
    let message = compiled.get(key);
    if (message === undefined) {
      message = compileMessage(messages[key], lang);
      compiled.set(key, message);
    }
    if (typeof message === 'string') return message;
    for (const name of message.numeric) {
      // A number formatted beforehand would print as NaN: the message formats it for the language.
      if (typeof params?.[name] !== 'number') throw new TypeError(`message ${key}: {${name}} must be given a number`);
    }
    const out = message.format.format(params);
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
