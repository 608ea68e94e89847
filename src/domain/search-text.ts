/**
 * Turns texts into normalised word stems for the search index, and a query into the stem prefixes
 * each of its words may match, in Finnish, Swedish or English.
 *
 * Both sides start from the Snowball stemmers (the same stems as PostgreSQL's text-search
 * configurations). Snowball's Finnish stemmer leaves several inflection families apart; two steps
 * close the gap, measured on the inflection test set (test/fixtures/search/inflection-set.json;
 * `node --import tsx scripts/measure-search-recall.ts` prints recall against plain Snowball):
 * - `normaliseStem` (index and query) joins the families whose Snowball stems differ in a
 *   predictable tail: -minen/-misen/-mista verbal nouns, -inen/-isen/-ista adjectives,
 *   -us/-uksen/-usta and -uus/-uuden/-uutta nouns, -sten plurals, -nne nouns (rakenne/rakenteen).
 * - `queryPrefixes` (query only) undoes what cannot be joined on the index side without breaking
 *   compounds: consonant gradation (liikunta/liikunnan, maaseutu/maaseudun, Kymijoki/Kymijoen) and
 *   Snowball keeping or dropping a final vowel (vihreä → vihr, vihreän → vihreä).
 * Every prefix a query word yields is matched against the start of the indexed stems, so a query
 * word also finds compounds that begin with it (energia → energiaomavaraisuus).
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

/**
 * Function words left out of the index and out of queries, so that `kulttuuri ja liikunta` asks for
 * both nouns (not for an "ja" in the text) and `kunta` does not find the conjunction `kun`.
 */
const STOP_WORDS: Record<Lang, ReadonlySet<string>> = {
  fi: new Set([
    'ja',
    'sekä',
    'tai',
    'eli',
    'mutta',
    'vaan',
    'kun',
    'kuin',
    'että',
    'jos',
    'on',
    'ovat',
    'oli',
    'ei',
    'se',
    'ne',
    'sen',
    'niin',
    'myös',
    'jo',
    'joka',
    'jotka',
    'jota',
    'joita',
    'jonka',
    'joiden',
    'jossa',
    'joissa',
    'mm',
    'esim',
    'ym',
  ]),
  sv: new Set([
    'och',
    'eller',
    'samt',
    'men',
    'att',
    'som',
    'i',
    'på',
    'av',
    'för',
    'till',
    'med',
    'om',
    'en',
    'ett',
    'det',
    'den',
    'de',
    'är',
    'var',
  ]),
  en: new Set([
    'and',
    'or',
    'but',
    'the',
    'a',
    'an',
    'of',
    'in',
    'on',
    'to',
    'for',
    'with',
    'by',
    'as',
    'at',
    'from',
    'is',
    'are',
    'be',
    'its',
    'their',
    'that',
    'this',
  ]),
};

/** True when `word` (lower case) is a function word of `lang` that search ignores. */
export function isStopWord(word: string, lang: Lang): boolean {
  return STOP_WORDS[lang].has(word);
}

/** Splits text into lower-case words of letters and digits; a hyphenated compound gives its parts. */
export function tokenize(text: string): string[] {
  const words = text.toLocaleLowerCase('fi').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.includes('-')) out.push(...word.split('-').filter((w) => w.length > 0));
    else out.push(word);
  }
  return out;
}

/** The plain Snowball stem of a lower-case word. */
export function snowballStem(word: string, lang: Lang): string {
  return stemmerFor(lang).stem(word);
}

/**
 * Joins the Finnish inflection families that Snowball leaves apart, by rewriting the tail of the
 * stem (`word` is the lower-case word the stem came from). Applied alike to indexed and queried
 * words, so the members of a family meet at one stem:
 * uudistaminen/uudistamisen/uudistamista → uudistam, innovatiivinen/-isen/-ista/-isten → innovatiiv,
 * koulutus/koulutuksen/koulutusta/koulutusten → koulutu, teollisuus/-uuden/-uutta → teollisuu,
 * yhteys/yhteyden/yhteyttä/yhteyksiä → yhtey, asukas/asukkaan → asuk, rakenne/rakenteen → raken….
 */
export function normaliseStem(stem: string, lang: Lang, word: string = stem): string {
  if (lang !== 'fi') return stem;
  let s = stem;
  // -nne nouns: Snowball cuts the nominative shorter than the other forms (rakenne → rake, rakennetta → raken).
  if (word.endsWith('nne') && s.length < word.length - 2 && word.startsWith(s)) s = word.slice(0, -2);
  // Genitive plural -sten of s-stems and -inen words (koulutusten → koulutust, digitaalisten → digitaalist).
  if (word.endsWith('sten') && s.endsWith('st')) s = s.slice(0, -1);
  // The -ks- stem of -s nouns (koulutuksen → koulutuks, päätöksen → päätöks, yhteyksiä → yhteyks).
  if (/[aeiouyäö]ks$/.test(s)) s = `${s.slice(0, -2)}s`;
  // -uus/-yys and -eys/-ous/-ius nouns keep -d-/-t- in their other forms (teollisuuden → teollisuud).
  if (/(?:uu|yy|ey|ou|iu|äy|öy)[dt]$/.test(s)) s = `${s.slice(0, -1)}s`;
  // -ton/-tön adjectives: the nominative is weak and short (aineeton → aineeto), the other forms strong
  // (aineettoman → aineettom, aineetonta → aineeton); all meet at the stem before the suffix plus t.
  if (/tt[oö]m$/.test(s)) s = s.slice(0, -3);
  else if (/[aeiouyäö]t[oö]n$/.test(word) && word.length - s.length === 1 && /t[oö]$/.test(s)) s = s.slice(0, -1);
  else if (/t[oö]nt[aä]$/.test(word) && /t[oö]n$/.test(s)) s = s.slice(0, -2);
  // -nen words (-minen verbal nouns, -inen adjectives): drop the -in of the nominative and the -is of
  // the other forms; Snowball already reduces the partitive -mista / -ista to the same point. (Stems
  // in -is come from -nen words but for a few loan words; short stems are left alone: nainen.)
  if (word.endsWith('nen') && s.length >= 5 && s.endsWith('in')) s = s.slice(0, -2);
  else if (s.length >= 6 && s.endsWith('is')) s = s.slice(0, -2);
  // s-stems lose the -s in the forms Snowball reads as elatives (koulutusta → koulutu, päätöstä → päätö),
  // and -as/-äs words are weak or short before the ending (asukas/asukkaan → asuk, kolmas/kolmannen → kolm).
  if (/[uyoö]s$/.test(s)) s = s.slice(0, -1);
  else if (s.length >= 5 && /[aä]s$/.test(s)) s = s.slice(0, -2);
  return s;
}

/** The normalised stem of one (lower-case) word, as it is indexed. */
export function stemWord(word: string, lang: Lang): string {
  const lower = word.toLocaleLowerCase('fi');
  return normaliseStem(snowballStem(lower, lang), lang, lower);
}

/** The normalised stems of a text, in order (duplicates kept, function words left out). */
export function stemText(text: string, lang: Lang): string[] {
  return tokenize(text)
    .filter((w) => !isStopWord(w, lang))
    .map((w) => stemWord(w, lang));
}

const VOWELS = 'aeiouyäöå';
const isVowel = (c: string): boolean => VOWELS.includes(c);

/**
 * Consonant gradation at the last syllable boundary: for the consonants there (or before the final
 * vowels), the other grade as the stems of the other forms show it. Snowball writes a weak double
 * consonant single (liikunnan → liikun, luonnon → luono), so nt/nn, lt/ll, … also pair with n, l, ….
 * Only alternatives that are not an extension of the stem are listed: a longer one would add nothing
 * to a prefix match.
 */
const GRADATION: Record<string, readonly string[]> = {
  kk: ['k'],
  pp: ['p'],
  tt: ['t'],
  nt: ['n'],
  nn: ['n'],
  lt: ['l'],
  ll: ['l'],
  rt: ['r'],
  rr: ['r'],
  mp: ['m'],
  mm: ['m'],
  nk: ['ng'],
  ng: ['nk'],
  ht: ['hd'],
  hd: ['ht'],
  // After l, r, h the weak grade of k is nothing or j (polku/polun, jälki/jäljen, nahka/nahan) and
  // of p is v (tarve/tarpeen, halpa/halvan).
  lk: ['l'],
  rk: ['r'],
  hk: ['h'],
  lj: ['lk'],
  rj: ['rk'],
  hj: ['hk'],
  lp: ['lv'],
  lv: ['lp'],
  rp: ['rv'],
  rv: ['rp'],
  k: [''],
  t: ['d'],
  d: ['t'],
  p: ['v'],
  v: ['p', 'k'],
};

/** The shortest a query prefix may become by dropping letters; shorter prefixes match too much. */
const MIN_PREFIX = 3;
/** k ~ nothing (Kymijoki/Kymijoen, polku/polun) drops a letter inside short words too eagerly (asukas → asu-); only in longer stems. */
const MIN_K_DROP_PREFIX = 5;

function gradationAlternatives(stem: string): string[] {
  let end = stem.length;
  while (end > 0 && isVowel(stem[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !isVowel(stem[start - 1]!)) start--;
  const head = stem.slice(0, start);
  const tail = stem.slice(end);
  const out: string[] = [];
  // Try the whole cluster and, in a cluster of three, its last two letters (-nkk- → -nk-); a rule for a
  // single consonant applies only to a single consonant (t ~ d in maaseutu, not in liikunta).
  for (let from = start; from < end; from++) {
    const cluster = stem.slice(from, end);
    if (cluster.length === 1 && end - start > 1) continue;
    for (const other of GRADATION[cluster] ?? []) {
      const alt = head + stem.slice(start, from) + other + tail;
      const min = cluster.endsWith('k') && other.length < cluster.length ? MIN_K_DROP_PREFIX : MIN_PREFIX;
      if (alt.length >= min && alt !== stem) out.push(alt);
    }
  }
  return out;
}

/**
 * The stem prefixes that one query word matches in texts of `lang`. Finnish words yield their
 * normalised stem without its final vowels (Snowball keeps or drops them by form: energia → energ,
 * energian → energia) and that prefix with the other consonant grade (liikunnan → liikun,
 * maaseutu → maaseud, kymijoki → kymijo). Other languages yield their stem.
 */
export function queryPrefixes(word: string, lang: Lang): string[] {
  const stem = stemWord(word, lang);
  if (lang !== 'fi') return [stem];
  let root = stem;
  while (root.length > MIN_PREFIX && isVowel(root[root.length - 1]!)) root = root.slice(0, -1);
  return [...new Set([root, ...gradationAlternatives(root)])];
}

/** The most words of a query that search looks at. */
export const MAX_QUERY_WORDS = 12;

/**
 * Version of the indexing rules (tokenising, stop words, stemming, normaliseStem). Bump it when
 * they change: on start, an index built with another version is rebuilt from the stored texts.
 */
export const SEARCH_INDEX_VERSION = 2;

/**
 * Turns a query into groups of stem prefixes: one group per word (function words of any of
 * `langs` left out), each holding the prefixes the word matches in any of `langs`. A text matches
 * when every group has a prefix that starts one of its stems. No groups means nothing to search.
 */
export function searchGroups(query: string, langs: readonly Lang[]): string[][] {
  const words = tokenize(query).filter((w) => !langs.some((l) => isStopWord(w, l)));
  return words.slice(0, MAX_QUERY_WORDS).map((w) => [...new Set(langs.flatMap((l) => queryPrefixes(w, l)))]);
}

/** How many of the query's groups match one of `stems` (each group as a prefix of some stem). */
export function groupsMatched(groups: readonly (readonly string[])[], stems: readonly string[]): number {
  return groups.filter((group) => group.some((prefix) => stems.some((stem) => stem.startsWith(prefix)))).length;
}
