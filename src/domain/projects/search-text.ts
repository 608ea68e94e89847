/**
 * The search text of a project, stemmed per language like the programme's node texts: one row
 * for each language the project has a name or summary in, holding that text with the code and
 * the organisations' names. Stems are those of `stemText`; the stem of each word is remembered,
 * since a list of 100 000 projects repeats its words many times (stemming is most of an import's
 * work otherwise).
 */
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { isStopWord, stemWord, tokenize } from '#src/domain/search-text.ts';
import type { Project } from './project.ts';

const MAX_CACHED = 200_000;
const cache: Record<Lang, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };

/** The same stems as `stemText(text, lang)`. */
export function cachedStemText(text: string, lang: Lang): string[] {
  const memo = cache[lang];
  const out: string[] = [];
  for (const word of tokenize(text)) {
    if (isStopWord(word, lang)) continue;
    let stem = memo.get(word);
    if (stem === undefined) {
      if (memo.size >= MAX_CACHED) memo.clear();
      stem = stemWord(word, lang);
      memo.set(word, stem);
    }
    out.push(stem);
  }
  return out;
}

export function projectSearchTexts(
  p: Pick<Project, 'code' | 'name' | 'summary' | 'leadOrganisation' | 'partners'>,
): { lang: Lang; stems: string }[] {
  const organisations = [p.leadOrganisation?.name ?? '', ...p.partners.map((o) => o.name)].join(' ');
  const out: { lang: Lang; stems: string }[] = [];
  for (const lang of LANGS) {
    const own = [p.name[lang], p.summary?.[lang]].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
    if (own.length === 0) continue;
    const stems = [p.code.toLowerCase(), ...cachedStemText([...own, organisations].join(' '), lang)];
    out.push({ lang, stems: stems.join(' ') });
  }
  return out;
}
