/**
 * Measures search recall and false positives on the inflection test set: loads the set, runs its
 * queries through a search function (the real ProgrammeReader.search, or an in-memory baseline
 * over plain Snowball stems) and summarises recall@10 overall and per inflection class.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isLang, pickText, type Lang } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import { snowballStem, tokenize } from '#src/domain/search-text.ts';
import { flattenTree } from '#src/domain/tree.ts';

export const INFLECTION_SET_PATH = fileURLToPath(new URL('../fixtures/search/inflection-set.json', import.meta.url));
/** A case counts as found when its node is among this many first hits. */
export const RECALL_AT = 10;

export interface InflectionCase {
  q: string;
  lang: Lang;
  expect: string;
  class: string;
  lemma: string;
  text: string;
  /** Written after the search rules were fixed, so never used to tune them. */
  heldOut: boolean;
}

export interface NegativeCase {
  q: string;
  lang: Lang;
  /** Keys the query must not find, or `*` for "must find nothing". */
  mustNotFind: '*' | string[];
  maxHits?: number;
  why: string;
  /** A false positive the final method is known to give (prefix matching, gradation): reported, not required. */
  knownCost: boolean;
}

export interface InflectionSet {
  programme: { region: string; slug: string; version: number };
  cases: InflectionCase[];
  negatives: NegativeCase[];
}

function fail(where: string, what: string): never {
  throw new Error(`${INFLECTION_SET_PATH}: ${where}: ${what}`);
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'must be a non-empty string');
  return value;
}

function lang(value: unknown, where: string): Lang {
  if (value === undefined) return 'fi';
  if (!isLang(value)) fail(where, 'lang must be fi, sv or en');
  return value;
}

/** Reads and checks the inflection test set. */
export function loadInflectionSet(path: string = INFLECTION_SET_PATH): InflectionSet {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const programme = raw['programme'] as InflectionSet['programme'] | undefined;
  if (!programme || typeof programme.version !== 'number') fail('programme', 'needs region, slug and version');
  if (!Array.isArray(raw['cases']) || !Array.isArray(raw['negatives']))
    fail('root', 'needs cases and negatives arrays');
  const cases = (raw['cases'] as Record<string, unknown>[]).map((c, i) => ({
    q: str(c['q'], `cases[${i}].q`),
    lang: lang(c['lang'], `cases[${i}].lang`),
    expect: str(c['expect'], `cases[${i}].expect`),
    class: str(c['class'], `cases[${i}].class`),
    lemma: str(c['lemma'], `cases[${i}].lemma`),
    text: str(c['text'], `cases[${i}].text`),
    heldOut: c['heldOut'] === true,
  }));
  const negatives = (raw['negatives'] as Record<string, unknown>[]).map((n, i) => {
    const must = n['mustNotFind'];
    if (must !== '*' && !(Array.isArray(must) && must.every((k) => typeof k === 'string')))
      fail(`negatives[${i}].mustNotFind`, 'must be "*" or a list of keys');
    const maxHits = n['maxHits'];
    if (maxHits !== undefined && typeof maxHits !== 'number') fail(`negatives[${i}].maxHits`, 'must be a number');
    return {
      q: str(n['q'], `negatives[${i}].q`),
      lang: lang(n['lang'], `negatives[${i}].lang`),
      mustNotFind: must as '*' | string[],
      ...(maxHits === undefined ? {} : { maxHits }),
      why: str(n['why'], `negatives[${i}].why`),
      knownCost: n['knownCost'] === true,
    };
  });
  return { programme, cases, negatives };
}

/** A search under test: the node keys found for query `q` on a `lang` page, best first. */
export type SearchFn = (lang: Lang, q: string) => Promise<string[]>;

export interface CaseResult {
  case: InflectionCase;
  /** 1-based position of the expected node among the hits, or null when not found. */
  rank: number | null;
  hits: number;
}

export interface NegativeResult {
  negative: NegativeCase;
  /** Keys found that must not have been (every hit for `*`), plus a note when maxHits was exceeded. */
  falsePositives: string[];
  hits: string[];
}

export interface Measurement {
  cases: CaseResult[];
  negatives: NegativeResult[];
}

export async function measure(set: InflectionSet, search: SearchFn): Promise<Measurement> {
  const cases: CaseResult[] = [];
  for (const c of set.cases) {
    const keys = await search(c.lang, c.q);
    const at = keys.indexOf(c.expect);
    cases.push({ case: c, rank: at >= 0 ? at + 1 : null, hits: keys.length });
  }
  const negatives: NegativeResult[] = [];
  for (const n of set.negatives) {
    const keys = await search(n.lang, n.q);
    const falsePositives =
      n.mustNotFind === '*' ? [...keys] : keys.filter((k) => (n.mustNotFind as string[]).includes(k));
    if (n.maxHits !== undefined && keys.length > n.maxHits) falsePositives.push(`(${keys.length} hits > ${n.maxHits})`);
    negatives.push({ negative: n, falsePositives, hits: keys });
  }
  return { cases, negatives };
}

export interface ClassRecall {
  cls: string;
  total: number;
  found: number;
  recall: number;
}

export interface Summary {
  total: number;
  found: number;
  recall: number;
  /** Recall of the cases used while writing the rules, and of the held-out ones. */
  development: ClassRecall;
  heldOut: ClassRecall;
  perClass: ClassRecall[];
  /** Mean number of hits per query (all queries): what recall costs in precision. */
  meanHits: number;
  /** Share of queries whose expected node is the first hit. */
  recallAt1: number;
  misses: CaseResult[];
  negatives: number;
  /** Negative queries with at least one false positive, and the number of false-positive hits. */
  negativesFailed: number;
  falsePositives: number;
}

export function summarise(m: Measurement): Summary {
  const found = (r: CaseResult): boolean => r.rank !== null && r.rank <= RECALL_AT;
  const classes = [...new Set(m.cases.map((r) => r.case.class))];
  const perClass = classes.map((cls) => {
    const rows = m.cases.filter((r) => r.case.class === cls);
    const ok = rows.filter(found).length;
    return { cls, total: rows.length, found: ok, recall: ok / rows.length };
  });
  const ok = m.cases.filter(found).length;
  const part = (cls: string, rows: CaseResult[]): ClassRecall => {
    const hit = rows.filter(found).length;
    return { cls, total: rows.length, found: hit, recall: rows.length === 0 ? 0 : hit / rows.length };
  };
  return {
    total: m.cases.length,
    found: ok,
    recall: m.cases.length === 0 ? 0 : ok / m.cases.length,
    development: part(
      'development',
      m.cases.filter((r) => !r.case.heldOut),
    ),
    heldOut: part(
      'held-out',
      m.cases.filter((r) => r.case.heldOut),
    ),
    perClass,
    meanHits: m.cases.reduce((sum, r) => sum + r.hits, 0) / Math.max(1, m.cases.length),
    recallAt1: m.cases.filter((r) => r.rank === 1).length / Math.max(1, m.cases.length),
    misses: m.cases.filter((r) => !found(r)),
    negatives: m.negatives.length,
    negativesFailed: m.negatives.filter((n) => n.falsePositives.length > 0).length,
    falsePositives: m.negatives.reduce((sum, n) => sum + n.falsePositives.filter((k) => !k.startsWith('(')).length, 0),
  };
}

/**
 * An in-memory search over a version's nodes for the baselines: texts tokenised like the index,
 * stemmed with plain Snowball (no family joining, no function-word list); a query word's stems in
 * the page language and Finnish form one group, as in ProgrammeReader.search; every group must
 * match, exactly (`prefix: false`) or as a prefix of an indexed stem; ranked by BM25 as FTS5 does
 * (k1 = 1.2, b = 0.75), ties in tree order.
 */
export function snowballBaseline(nodes: readonly TreeNode[], options: { prefix: boolean }): SearchFn {
  const flat = flattenTree(nodes);
  const docsByLang = new Map<Lang, { key: string; stems: string[] }[]>();
  const docsFor = (pageLang: Lang): { key: string; stems: string[] }[] => {
    let docs = docsByLang.get(pageLang);
    if (!docs) {
      docs = flat.map((node) => ({
        key: node.key,
        stems: [node.title, node.shortTitle, node.summary, node.body]
          .map((t) => pickText(t, pageLang))
          .filter((t) => t !== null)
          .flatMap((t) => tokenize(t.text).map((w) => snowballStem(w, t.lang))),
      }));
      docsByLang.set(pageLang, docs);
    }
    return docs;
  };
  return async (pageLang, q) => {
    const docs = docsFor(pageLang);
    const langs: Lang[] = pageLang === 'fi' ? ['fi'] : [pageLang, 'fi'];
    const groups = tokenize(q)
      .slice(0, 12)
      .map((w) => [...new Set(langs.map((l) => snowballStem(w, l)))]);
    if (groups.length === 0) return [];
    const matches = (stem: string, term: string): boolean => (options.prefix ? stem.startsWith(term) : stem === term);
    const avgdl = docs.reduce((s, d) => s + d.stems.length, 0) / docs.length;
    const df = new Map<string, number>();
    for (const term of groups.flat()) df.set(term, docs.filter((d) => d.stems.some((s) => matches(s, term))).length);
    const scored: { key: string; score: number; order: number }[] = [];
    docs.forEach((doc, order) => {
      let score = 0;
      for (const group of groups) {
        let groupHit = false;
        for (const term of group) {
          const tf = doc.stems.filter((s) => matches(s, term)).length;
          if (tf === 0) continue;
          groupHit = true;
          const n = df.get(term)!;
          const idf = Math.max(1e-6, Math.log((docs.length - n + 0.5) / (n + 0.5)));
          score += (idf * (tf * 2.2)) / (tf + 1.2 * (0.25 + (0.75 * doc.stems.length) / avgdl));
        }
        if (!groupHit) return;
      }
      scored.push({ key: doc.key, score, order });
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, 50).map((s) => s.key);
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A plain-text table of recall per class for several methods side by side. */
export function formatComparison(methods: readonly { name: string; summary: Summary }[]): string {
  const classes = methods[0]?.summary.perClass.map((c) => c.cls) ?? [];
  const width = Math.max(16, ...classes.map((c) => c.length + 2));
  const col = Math.max(18, ...methods.map((m) => m.name.length + 2));
  const head = 'class'.padEnd(width) + 'n'.padStart(5) + methods.map((m) => m.name.padStart(col)).join('');
  const rows = classes.map((cls) => {
    const first = methods[0]!.summary.perClass.find((c) => c.cls === cls)!;
    const cells = methods.map((m) => {
      const c = m.summary.perClass.find((x) => x.cls === cls)!;
      return `${pct(c.recall)} (${c.found})`.padStart(col);
    });
    return cls.padEnd(width) + String(first.total).padStart(5) + cells.join('');
  });
  const line = (label: string, pick: (s: Summary) => ClassRecall): string =>
    label.padEnd(width) +
    String(pick(methods[0]!.summary).total).padStart(5) +
    methods.map((m) => `${pct(pick(m.summary).recall)} (${pick(m.summary).found})`.padStart(col)).join('');
  const total = line('ALL recall@10', (s) => ({ cls: 'all', total: s.total, found: s.found, recall: s.recall }));
  const dev = line('  development', (s) => s.development);
  const held = line('  held-out', (s) => s.heldOut);
  const top1 =
    'recall@1'.padEnd(width) + ''.padStart(5) + methods.map((m) => pct(m.summary.recallAt1).padStart(col)).join('');
  const hits =
    'mean hits/query'.padEnd(width) +
    ''.padStart(5) +
    methods.map((m) => m.summary.meanHits.toFixed(2).padStart(col)).join('');
  const fp =
    'negatives failed'.padEnd(width) +
    String(methods[0]?.summary.negatives ?? 0).padStart(5) +
    methods.map((m) => `${m.summary.negativesFailed} (${m.summary.falsePositives} FP)`.padStart(col)).join('');
  return [head, '-'.repeat(head.length), ...rows, '-'.repeat(head.length), total, dev, held, top1, hits, fp].join('\n');
}

/** One line per missed case and per false positive. */
export function formatMisses(name: string, m: Measurement): string {
  const s = summarise(m);
  const lines = [`${name}: ${s.misses.length} misses`];
  for (const r of s.misses) {
    lines.push(
      `  [${r.case.class}${r.case.heldOut ? ', held-out' : ''}] ${r.case.lang} "${r.case.q}" ` +
        `→ ${r.case.expect} (${r.rank === null ? 'not found' : `rank ${r.rank}`}, ${r.hits} hits; text: ${r.case.text})`,
    );
  }
  const bad = m.negatives.filter((n) => n.falsePositives.length > 0);
  lines.push(`${name}: ${bad.length} negative queries with false positives`);
  for (const n of bad)
    lines.push(
      `  ${n.negative.knownCost ? '(known cost) ' : ''}${n.negative.lang} "${n.negative.q}" found ${n.falsePositives.join(', ')} (${n.negative.why})`,
    );
  return lines.join('\n');
}
