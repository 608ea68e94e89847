/**
 * Turns text into normalised word stems for search, in Finnish, Swedish or English.
 *
 * The Snowball stemmers give the same stems as PostgreSQL's text-search configurations, but
 * Snowball's Finnish stemmer leaves some inflected forms apart (`uudistaminen` → `uudistamin`,
 * `uudistamisen` → `uudistamis`, `uudistamista` → `uudistam`; `koulutus` → `koulutus`,
 * `koulutuksen` → `koulutuks`). `normaliseStem` joins those families; the recall of the result is
 * measured on an inflection test set (see search-text.test.ts and README).
 */
import snowball from 'snowball-stemmers';
import type { Lang } from './languages.ts';

const ALGORITHMS: Record<Lang, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };
const stemmers = new Map<Lang, { stem(word: string): string }>();

function stemmerFor(lang: Lang): { stem(word: string): string } {
  let stemmer = stemmers.get(lang);
  if (!stemmer) {
    stemmer = snowball.newStemmer(ALGORITHMS[lang]) as { stem(word: string): string };
    stemmers.set(lang, stemmer);
  }
  return stemmer;
}

/** Splits text into lower-case words of letters and digits (hyphenated compounds give their parts too). */
export function tokenize(text: string): string[] {
  const words = text.toLocaleLowerCase('fi').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.includes('-')) out.push(...word.split('-').filter((w) => w.length > 0));
    else out.push(word);
  }
  return out;
}

/** Joins the Finnish inflection families that Snowball leaves apart. */
export function normaliseStem(stem: string, lang: Lang): string {
  if (lang !== 'fi') return stem;
  // -minen / -misen / -mista … (verbal nouns): drop the case-dependent tail.
  if (stem.length > 5 && /(min|mis)$/.test(stem)) return stem.slice(0, -2);
  // -us / -uksen / -ukseen, -ys / -yksen … (koulutus, kehitys): the stem of the inflected forms ends in -ks.
  if (stem.length > 4 && /[uy]ks$/.test(stem)) return `${stem.slice(0, -2)}s`;
  return stem;
}

/** The normalised stem of one word. */
export function stemWord(word: string, lang: Lang): string {
  return normaliseStem(stemmerFor(lang).stem(word.toLocaleLowerCase('fi')), lang);
}

/** The normalised stems of a text, in order (duplicates kept). */
export function stemText(text: string, lang: Lang): string[] {
  return tokenize(text).map((w) => stemWord(w, lang));
}
