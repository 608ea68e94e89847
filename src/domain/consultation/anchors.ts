/**
 * Where a consultation comment points, and finding that place again in a later text.
 *
 * A comment is on the whole programme (node key null, paragraph index null), on a whole node
 * (paragraph index null), or on a paragraph of a node (or of the programme's vision and summary,
 * node key null: versionParagraphsOf), with a quote: the whole paragraph, or the passage the reader selected,
 * plus up to {@link CONTEXT_LENGTH} characters before and after it in the paragraph. The service
 * stores the anchor with the version and language it was made on ({@link StoredAnchor}).
 *
 * When the draft is edited or a new version starts, {@link reanchor} looks for the quote in the
 * same node key's new paragraphs (same language): the exact quote first, choosing between several
 * occurrences by how much of their context is unchanged; failing that, the best approximate match
 * (./fuzzy-match.ts) over the node's paragraphs, equally similar passages again told apart by their
 * context, then by nearness to the stored paragraph index. The outcome is a state:
 * - `exact`: the quote is unchanged in the paragraph of the same index (with its context, or as its
 *   only occurrence there). Whole-node and whole-programme comments are `exact` while the node exists.
 * - `moved`: the quote is unchanged, but in another paragraph (e.g. one was inserted before it), or in
 *   the same paragraph at one of several occurrences none of which keeps its context.
 * - `changed`: only an approximate match with a similarity of at least {@link CHANGED_THRESHOLD}: the
 *   passage was edited; the moderator sees the old quote beside the new one.
 * - `deleted_node`: the node key is not in the new version.
 * - `orphan`: nothing matches well enough. Orphans are shown, never hidden; `nearest` (when any
 *   paragraph had words in common) is the closest passage found, for the moderator.
 */
import { AppError } from '../errors.ts';
import type { Lang } from '../languages.ts';
import { matchWindow, tokensOf, type Token } from './fuzzy-match.ts';
import { normaliseSpace, type Paragraph } from './paragraphs.ts';

export {
  normaliseSpace,
  paragraphsOf,
  versionParagraphsOf,
  type NodeText,
  type Paragraph,
  type ParagraphKind,
  type VersionText,
} from './paragraphs.ts';

/** Characters of context kept before and after a quote (Hypothesis keeps 32 as well). */
export const CONTEXT_LENGTH = 32;

/**
 * The lowest similarity (1 − word edits / words, see ./fuzzy-match.ts) at which an edited passage
 * still counts as the commented one (`changed`) rather than an `orphan`. At 0.6 a passage keeps the
 * comment when at most 40 % of its words were replaced (an inflected word counting a quarter): a sentence
 * reworded in a paragraph or a word changed in a three-word quote stays `changed`, while a paragraph
 * rewritten in other words, or a two-word quote with one word replaced (which would match by chance
 * elsewhere), is an `orphan` for the moderator to place.
 */
export const CHANGED_THRESHOLD = 0.6;

/** Where a comment points inside one text: a paragraph and a quote, or (both null) the whole node. */
export interface CommentAnchor {
  /** Index of the paragraph in {@link paragraphsOf}'s list; null for the whole node or programme. */
  paragraphIndex: number | null;
  /** The quoted text, whitespace-normalised; null exactly when `paragraphIndex` is. */
  quote: string | null;
  /** Up to {@link CONTEXT_LENGTH} characters of the paragraph before the quote ('' at its start). */
  before: string;
  /** Up to {@link CONTEXT_LENGTH} characters of the paragraph after the quote ('' at its end). */
  after: string;
}

/** What a comment stores: the anchor and the text it was made on. */
export interface StoredAnchor extends CommentAnchor {
  version: number;
  /** null for a comment on the whole programme. */
  nodeKey: string | null;
  lang: Lang;
}

export type AnchorState = 'exact' | 'moved' | 'changed' | 'deleted_node' | 'orphan';
export const ANCHOR_STATES: readonly AnchorState[] = ['exact', 'moved', 'changed', 'deleted_node', 'orphan'];

export interface Reanchored extends CommentAnchor {
  state: AnchorState;
  /** Similarity of the quote to the passage found, in [0, 1]: 1 for `exact` and `moved`; absent for whole-node anchors. */
  score?: number;
  /** For an `orphan`: the closest passage found (below the threshold), when any paragraph has words in common. */
  nearest?: { paragraphIndex: number; quote: string; score: number };
}

export type AnchorProblem = 'no_such_paragraph' | 'empty_paragraph' | 'empty_quote' | 'quote_not_in_paragraph';

/** A comment's anchor cannot be made (400): `problem` says why; `reason.code` is `anchor_<problem>`. */
export class AnchorError extends AppError {
  readonly problem: AnchorProblem;
  constructor(problem: AnchorProblem, message: string, params: Record<string, string | number> = {}) {
    super('bad_request', message, [], { code: `anchor_${problem}`, params });
    this.name = 'AnchorError';
    this.problem = problem;
  }
}

/** The anchor of a comment on a whole node (or, stored with node key null, on the whole programme). */
export function wholeNodeAnchor(): CommentAnchor {
  return { paragraphIndex: null, quote: null, before: '', after: '' };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The context around `[start, end)` of `text`, never splitting a surrogate pair. */
function contextAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/** Where `quote` starts in `text`, overlapping occurrences included; none for an empty quote. */
function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  if (quote === '') return out;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

/**
 * The anchor of a comment on paragraph `paragraphIndex`. Without `quote`, the quote is the whole
 * paragraph: a whole-paragraph comment then notices any later edit of the paragraph (a first-N-characters
 * quote would miss edits after them), and the moderator sees the whole old paragraph beside the new one.
 * With `quote` (a passage the reader selected), it must occur in the paragraph after whitespace is
 * normalised; when it occurs several times, the occurrence nearest to `near` (its offset in the
 * paragraph's text, if the page knows it) is taken, else the first.
 *
 * @throws {AnchorError} `no_such_paragraph`, `empty_paragraph`, `empty_quote`, `quote_not_in_paragraph`.
 */
export function makeAnchor(
  paragraphs: readonly Paragraph[],
  paragraphIndex: number,
  quote?: string,
  options: { near?: number } = {},
): CommentAnchor {
  const paragraph = Number.isInteger(paragraphIndex) ? paragraphs[paragraphIndex] : undefined;
  if (!paragraph)
    throw new AnchorError(
      'no_such_paragraph',
      `there is no paragraph ${paragraphIndex} (the node has ${paragraphs.length})`,
      {
        index: paragraphIndex,
        count: paragraphs.length,
      },
    );
  const text = paragraph.text;
  if (quote === undefined) {
    if (text === '') throw new AnchorError('empty_paragraph', `paragraph ${paragraphIndex} has no text to comment on`);
    return { paragraphIndex, quote: text, before: '', after: '' };
  }
  const wanted = normaliseSpace(quote);
  if (wanted === '') throw new AnchorError('empty_quote', 'the quote is empty');
  const found = occurrences(text, wanted);
  if (found.length === 0)
    throw new AnchorError('quote_not_in_paragraph', `the quote does not occur in paragraph ${paragraphIndex}`, {
      index: paragraphIndex,
    });
  const near = options.near ?? 0;
  const start = found.reduce((a, b) => (Math.abs(b - near) < Math.abs(a - near) ? b : a));
  return { paragraphIndex, quote: wanted, ...contextAround(text, start, start + wanted.length) };
}

/** Characters shared at the end of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Characters shared at the start of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

interface Occurrence {
  paragraph: Paragraph;
  start: number;
  before: string;
  after: string;
  /** Context characters unchanged next to the quote, 0 … 2 × CONTEXT_LENGTH. */
  context: number;
  /** Both sides of the context exactly as stored (including being at the paragraph's start or end). */
  full: boolean;
}

/** a before b: more context kept, then the stored paragraph index, then the nearer paragraph, then the earlier position. */
function better(a: Occurrence, b: Occurrence, index: number): boolean {
  if (a.full !== b.full) return a.full;
  if (a.context !== b.context) return a.context > b.context;
  const da = Math.abs(a.paragraph.index - index);
  const db = Math.abs(b.paragraph.index - index);
  if (da !== db) return da < db;
  return a.paragraph.index !== b.paragraph.index ? a.paragraph.index < b.paragraph.index : a.start < b.start;
}

interface Approximate {
  paragraph: Paragraph;
  /** The passage found: `[start, end)` of the paragraph's text. */
  start: number;
  end: number;
  similarity: number;
  /** Context characters unchanged next to the passage. */
  context: number;
}

/** a before b: more similar, then more context kept, then the nearer paragraph to the stored index. */
function closer(a: Approximate, b: Approximate, index: number): boolean {
  if (a.similarity !== b.similarity) return a.similarity > b.similarity;
  if (a.context !== b.context) return a.context > b.context;
  return Math.abs(a.paragraph.index - index) < Math.abs(b.paragraph.index - index);
}

const PUNCTUATION = /[^\s\p{L}\p{N}]/u;

/** Widens a word window over the punctuation next to it where the old quote began or ended with punctuation. */
function withPunctuation(text: string, start: number, end: number, quote: string): [number, number] {
  if (PUNCTUATION.test(quote.charAt(0))) while (start > 0 && PUNCTUATION.test(text.charAt(start - 1))) start--;
  if (PUNCTUATION.test(quote.charAt(quote.length - 1)))
    while (end < text.length && PUNCTUATION.test(text.charAt(end))) end++;
  return [start, end];
}

const tokenCache = new WeakMap<Paragraph, Token[]>();
function tokensOfParagraph(p: Paragraph): Token[] {
  let tokens = tokenCache.get(p);
  if (!tokens) {
    tokens = tokensOf(p.text);
    tokenCache.set(p, tokens);
  }
  return tokens;
}

/**
 * Finds `anchor` in `paragraphs`, the new text of the same node key in the same language, or null
 * when the node is not in the new version. For an anchor with node key null pass the new version's
 * {@link versionParagraphsOf} (or `[]` for a whole-programme anchor), never null: the programme is
 * always there.
 */
export function reanchor(anchor: CommentAnchor, paragraphs: readonly Paragraph[] | null): Reanchored {
  if (paragraphs === null) return { state: 'deleted_node', paragraphIndex: null, quote: null, before: '', after: '' };
  if (anchor.paragraphIndex === null || anchor.quote === null) return { state: 'exact', ...wholeNodeAnchor() };
  const index = anchor.paragraphIndex;
  const quote = normaliseSpace(anchor.quote);

  let best: Occurrence | null = null;
  let inBest = 0;
  for (const paragraph of paragraphs) {
    const found = occurrences(paragraph.text, quote);
    for (const start of found) {
      const { before, after } = contextAround(paragraph.text, start, start + quote.length);
      const occurrence: Occurrence = {
        paragraph,
        start,
        before,
        after,
        context: commonSuffix(before, anchor.before) + commonPrefix(after, anchor.after),
        full: before === anchor.before && after === anchor.after,
      };
      if (!best || better(occurrence, best, index)) {
        best = occurrence;
        inBest = found.length;
      }
    }
  }
  if (best) {
    const exact = best.paragraph.index === index && (best.full || inBest === 1);
    return {
      state: exact ? 'exact' : 'moved',
      paragraphIndex: best.paragraph.index,
      quote,
      before: best.before,
      after: best.after,
      score: 1,
    };
  }

  const quoteTokens = tokensOf(quote);
  // A quote with no context on either side was a whole paragraph: it matches a whole paragraph.
  const whole = anchor.before === '' && anchor.after === '';
  let fuzzy: Approximate | null = null;
  for (const paragraph of paragraphs) {
    const tokens = tokensOfParagraph(paragraph);
    const match = matchWindow(quoteTokens, tokens, whole);
    if (!match || match.to === match.from) continue;
    const [start, end] = whole
      ? [0, paragraph.text.length]
      : withPunctuation(paragraph.text, tokens[match.from]!.start, tokens[match.to - 1]!.end, quote);
    const around = contextAround(paragraph.text, start, end);
    const candidate: Approximate = {
      paragraph,
      start,
      end,
      similarity: match.similarity,
      context: commonSuffix(around.before, anchor.before) + commonPrefix(around.after, anchor.after),
    };
    if (!fuzzy || closer(candidate, fuzzy, index)) fuzzy = candidate;
  }
  if (!fuzzy || fuzzy.similarity === 0)
    return { state: 'orphan', paragraphIndex: null, quote: null, before: '', after: '', score: 0 };
  const { start, end } = fuzzy;
  const passage = fuzzy.paragraph.text.slice(start, end);
  const score = Math.round(fuzzy.similarity * 1000) / 1000;
  if (fuzzy.similarity < CHANGED_THRESHOLD)
    return {
      state: 'orphan',
      paragraphIndex: null,
      quote: null,
      before: '',
      after: '',
      score,
      nearest: { paragraphIndex: fuzzy.paragraph.index, quote: passage, score },
    };
  return {
    state: 'changed',
    paragraphIndex: fuzzy.paragraph.index,
    quote: passage,
    ...contextAround(fuzzy.paragraph.text, start, end),
    score,
  };
}
