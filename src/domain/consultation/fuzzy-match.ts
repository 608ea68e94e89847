/**
 * Approximate matching of a quote inside a paragraph, word by word: the window of the paragraph
 * with the fewest word edits from the quote (Sellers' approximate substring match). Words are
 * compared case-insensitively; punctuation and spacing are ignored; a word that differs only in
 * its last few letters from the quote's (a Finnish case or possessive ending: "kehittäminen" →
 * "kehittämistä") costs a quarter of an edit ({@link INFLECTION_COST}), any other substitution, insertion or deletion one edit.
 *
 * The cost is bounded: a quote of m words against a paragraph of n words takes m·n steps; above
 * {@link MAX_CELLS} the whole paragraph is compared with the quote by jsdiff's word-array diff
 * (Myers, bounded edit length) instead, which is right for the long quotes that are whole paragraphs.
 */
import { diffArrays } from 'diff';

export interface Token {
  /** The word in lower case. */
  word: string;
  start: number;
  end: number;
}

/** Runs of letters and digits, joined by apostrophes or hyphens (as src/domain/word-diff.ts counts words). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD))
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

/** Above this many steps (quote words × paragraph words) a paragraph is compared whole. */
export const MAX_CELLS = 250_000;

/** What a word with another ending costs (a Finnish inflection rather than another word). */
export const INFLECTION_COST = 0.25;

/** How much one word standing for another costs. */
export function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter < 4 || a.charCodeAt(0) !== b.charCodeAt(0)) return 1;
  let common = 0;
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  return common >= 4 && longer - common <= 4 ? INFLECTION_COST : 1;
}

export interface WindowMatch {
  /** The matched words of the paragraph: tokens `[from, to)`; empty when nothing matched. */
  from: number;
  to: number;
  /** 1 − edits / max(quote words, window words), in [0, 1]. */
  similarity: number;
}

/**
 * The best window of `text` for `quote` (both tokenised); null when the quote has no words. With
 * `whole`, the window is all of `text` (the quote was a whole paragraph, so is its match): words
 * added at either end count as edits too.
 */
export function matchWindow(quote: readonly Token[], text: readonly Token[], whole = false): WindowMatch | null {
  const m = quote.length;
  const n = text.length;
  if (m === 0) return null;
  if (n === 0) return { from: 0, to: 0, similarity: 0 };
  if (m * n > MAX_CELLS) return wholeMatch(quote, text);
  // prev/cur: edits of quote[0..i) against the best text window ending at j; startPrev/startCur: where that window starts.
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  let startPrev = new Int32Array(n + 1);
  let startCur = new Int32Array(n + 1);
  // Row 0: the window may start anywhere for free, or (whole) only at 0, each skipped text word an edit.
  for (let j = 0; j <= n; j++) {
    prev[j] = whole ? j : 0;
    startPrev[j] = whole ? 0 : j;
  }
  for (let i = 1; i <= m; i++) {
    const q = quote[i - 1]!.word;
    cur[0] = i;
    startCur[0] = 0;
    for (let j = 1; j <= n; j++) {
      let best = prev[j - 1]! + substitutionCost(q, text[j - 1]!.word);
      let start = startPrev[j - 1]!;
      const skipQuoteWord = prev[j]! + 1;
      if (skipQuoteWord < best) {
        best = skipQuoteWord;
        start = startPrev[j]!;
      }
      const extraTextWord = cur[j - 1]! + 1;
      if (extraTextWord < best) {
        best = extraTextWord;
        start = startCur[j - 1]!;
      }
      cur[j] = best;
      startCur[j] = start;
    }
    [prev, cur] = [cur, prev];
    [startPrev, startCur] = [startCur, startPrev];
  }
  // The most similar window; of equally similar ones, the one nearest the quote's length (a word
  // replaced at the end is then part of the passage rather than dropped from it), then the first.
  let bestJ = 1;
  let bestSimilarity = -1;
  let bestWidthGap = Infinity;
  for (let j = whole ? n : 1; j <= n; j++) {
    const width = j - startPrev[j]!;
    const similarity = 1 - prev[j]! / Math.max(m, width);
    const widthGap = Math.abs(width - m);
    if (similarity > bestSimilarity || (similarity === bestSimilarity && widthGap < bestWidthGap)) {
      bestSimilarity = similarity;
      bestJ = j;
      bestWidthGap = widthGap;
    }
  }
  return { from: startPrev[bestJ]!, to: bestJ, similarity: Math.max(0, bestSimilarity) };
}

/** The whole text against the quote, for pairs too long to align window by window. */
function wholeMatch(quote: readonly Token[], text: readonly Token[]): WindowMatch {
  const longer = Math.max(quote.length, text.length);
  const changes = diffArrays(
    quote.map((t) => t.word),
    text.map((t) => t.word),
    { maxEditLength: Math.ceil(longer / 2) },
  );
  if (!changes) return { from: 0, to: text.length, similarity: 0 };
  let kept = 0;
  for (const c of changes) if (!c.added && !c.removed) kept += c.count ?? c.value.length;
  return { from: 0, to: text.length, similarity: kept / longer };
}
