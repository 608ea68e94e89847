/**
 * `npm run bench:anchors`: re-anchoring 10 000 consultation comments after a revision
 * (src/domain/consultation/anchors.ts). The comments are made on version 1 of the Kymenlaakso
 * programme (content/programmes/kymenlaakso-2022-2025.yaml, every node's summary and body in
 * Finnish and English): 1 % on the whole programme, 5 % on a whole node, 40 % on a whole paragraph,
 * the rest on a selected passage of 2–15 words (fixed seed). They are re-anchored against
 * - the file's version 2 (the real 2022 update), and
 * - a synthetic revision of version 1 (fixed seed): per node 4 % deleted; per paragraph 8 % one word
 *   replaced, 4 % a sentence rewritten, 3 % rewritten completely, 3 % deleted, 3 % whitespace changed,
 *   10 % a new paragraph inserted before it, 5 % swapped with the next one, and
 * - version 1 with one word replaced in every paragraph: the worst case, where every comment on a
 *   passage that contains the word goes through the approximate match.
 * Each round builds the new version's paragraphs (paragraphsOf) and re-anchors every comment; the
 * figure is the median of BENCH_ROUNDS rounds (default 5), with the count per state.
 */
import { join } from 'node:path';
import { ROOT_DIR } from '#src/config/config.ts';
import {
  ANCHOR_STATES,
  makeAnchor,
  paragraphsOf,
  reanchor,
  wholeNodeAnchor,
  type AnchorState,
  type CommentAnchor,
  type NodeText,
  type Paragraph,
} from '#src/domain/consultation/anchors.ts';
import type { FileNode, FileVersion } from '#src/domain/programmes/programme-file.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { median } from './support.ts';

const COMMENTS = 10_000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const LANGS = ['fi', 'en'] as const;

/** mulberry32: a small seeded generator, so every run makes the same comments and revision. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Node key + language → that node's texts. The key '' stands for the whole programme. */
type VersionTexts = Map<string, NodeText>;

function textsOf(version: FileVersion): VersionTexts {
  const out: VersionTexts = new Map();
  const visit = (node: FileNode): void => {
    for (const lang of LANGS)
      out.set(`${node.key}/${lang}`, { summary: node.summary?.[lang] ?? null, body: node.body?.[lang] ?? null });
    node.children.forEach(visit);
  };
  version.nodes.forEach(visit);
  return out;
}

interface Comment {
  /** `key/lang`, or null for the whole programme. */
  node: string | null;
  anchor: CommentAnchor;
}

function makeComments(v1: VersionTexts, next: () => number): Comment[] {
  const commentable = [...v1].map(([node, text]) => ({ node, paragraphs: paragraphsOf(text) }));
  const withText = commentable.filter((n) => n.paragraphs.length > 0);
  const comments: Comment[] = [];
  while (comments.length < COMMENTS) {
    const kind = next();
    if (kind < 0.01) {
      comments.push({ node: null, anchor: wholeNodeAnchor() });
      continue;
    }
    if (kind < 0.06) {
      comments.push({ node: commentable[Math.floor(next() * commentable.length)]!.node, anchor: wholeNodeAnchor() });
      continue;
    }
    const { node, paragraphs } = withText[Math.floor(next() * withText.length)]!;
    const index = Math.floor(next() * paragraphs.length);
    if (kind < 0.46) {
      comments.push({ node, anchor: makeAnchor(paragraphs, index) });
      continue;
    }
    const words = paragraphs[index]!.text.split(' ');
    const length = Math.min(words.length, 2 + Math.floor(next() * 14));
    const from = Math.floor(next() * (words.length - length + 1));
    comments.push({ node, anchor: makeAnchor(paragraphs, index, words.slice(from, from + length).join(' ')) });
  }
  return comments;
}

/** Blocks of a body (blank-line separated), so a revision can insert, delete and swap them. */
const blocks = (body: string | null): string[] => (body ?? '').split(/\n\s*\n/).filter((b) => b.trim() !== '');

function revise(v1: VersionTexts, next: () => number): VersionTexts {
  const pool = [...v1.values()].flatMap((t) => blocks(t.body).join(' ').split(/\s+/));
  const otherWord = (): string => pool[Math.floor(next() * pool.length)]!;
  const sentence = (n: number): string =>
    `${Array.from({ length: n }, otherWord)
      .join(' ')
      .replace(/[.,:;]/g, '')}.`;
  const reviseBlock = (block: string): string[] => {
    const r = next();
    if (r < 0.08) {
      const words = block.split(' ');
      words[Math.floor(next() * words.length)] = otherWord();
      return [words.join(' ')];
    }
    if (r < 0.12) {
      const sentences = block.split(/(?<=\.) /);
      sentences[Math.floor(next() * sentences.length)] = sentence(8 + Math.floor(next() * 10));
      return [sentences.join(' ')];
    }
    if (r < 0.15) return [sentence(block.split(' ').length)];
    if (r < 0.18) return [];
    if (r < 0.21) return [block.replace(/ /g, (s) => (next() < 0.1 ? '\n' : s))];
    if (r < 0.31) return [sentence(10 + Math.floor(next() * 20)), block];
    return [block];
  };
  const out: VersionTexts = new Map();
  for (const [node, text] of v1) {
    if (next() < 0.04) continue;
    const revised = blocks(text.body).flatMap(reviseBlock);
    for (let i = 0; i + 1 < revised.length; i++)
      if (next() < 0.05) [revised[i], revised[i + 1]] = [revised[i + 1]!, revised[i]!];
    const summary = text.summary === null ? null : (reviseBlock(text.summary)[0] ?? null);
    out.set(node, { summary, body: revised.length > 0 ? revised.join('\n\n') : null });
  }
  return out;
}

/** Every paragraph with one word replaced, so every comment on a passage goes through the approximate match. */
function everyParagraphEdited(v1: VersionTexts, next: () => number): VersionTexts {
  const replaceOne = (text: string | null): string | null => {
    if (text === null) return null;
    const words = text.split(' ');
    words[Math.floor(next() * words.length)] = 'muutettu';
    return words.join(' ');
  };
  const out: VersionTexts = new Map();
  for (const [node, text] of v1)
    out.set(node, {
      summary: replaceOne(text.summary),
      body: text.body === null ? null : blocks(text.body).map(replaceOne).join('\n\n'),
    });
  return out;
}

function reanchorAll(comments: readonly Comment[], next: VersionTexts): Record<AnchorState, number> {
  const paragraphs = new Map<string, Paragraph[]>();
  for (const [node, text] of next) paragraphs.set(node, paragraphsOf(text));
  const counts = Object.fromEntries(ANCHOR_STATES.map((s) => [s, 0])) as Record<AnchorState, number>;
  for (const c of comments) {
    const found = c.node === null ? [] : (paragraphs.get(c.node) ?? null);
    counts[reanchor(c.anchor, found).state]++;
  }
  return counts;
}

function run(name: string, comments: readonly Comment[], next: VersionTexts): void {
  const seconds: number[] = [];
  let counts: Record<AnchorState, number> | null = null;
  reanchorAll(comments, next); // JIT warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    counts = reanchorAll(comments, next);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const perState = ANCHOR_STATES.map((s) => `${s} ${counts![s]}`).join(', ');
  console.log(
    `${name}: ${comments.length} comments re-anchored in ${median(seconds).toFixed(3)} s (median of ${ROUNDS}; ${perState})`,
  );
}

const file = await readProgrammeFile(join(ROOT_DIR, 'content', 'programmes', 'kymenlaakso-2022-2025.yaml'));
const [version1, version2] = [1, 2].map((n) => file.versions.find((v) => v.number === n));
if (!version1 || !version2) throw new Error('the Kymenlaakso file needs versions 1 and 2');
const v1 = textsOf(version1);
const comments = makeComments(v1, random(2026));
const paragraphCount = [...v1.values()].reduce((n, t) => n + paragraphsOf(t).length, 0);
console.log(`version 1: ${v1.size / LANGS.length} nodes × ${LANGS.join('/')}, ${paragraphCount} paragraphs`);
run('version 1 → version 2 (the 2022 update)', comments, textsOf(version2));
run('version 1 → synthetic revision', comments, revise(v1, random(7)));
run('version 1 → one word replaced in every paragraph (worst case)', comments, everyParagraphEdited(v1, random(11)));
