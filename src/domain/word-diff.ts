/**
 * Word-level differences between two texts, as segments that reconstruct both texts exactly:
 * the `equal` and `delete` segments joined give the old text, the `equal` and `insert` ones the new.
 */
import { diffWords, diffWordsWithSpace, type ChangeObject } from 'diff';

export type SegmentType = 'equal' | 'insert' | 'delete';

export interface Segment {
  type: SegmentType;
  text: string;
}

/** Above this many edits (words and punctuation marks) the texts are shown as wholly replaced. */
const MAX_EDIT_LENGTH = 4000;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The number of words in `text` (runs of letters and digits, joined by apostrophes or hyphens). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The old text of a diff: its `equal` and `delete` segments joined. */
export function oldText(segments: readonly Segment[]): string {
  return segments
    .filter((s) => s.type !== 'insert')
    .map((s) => s.text)
    .join('');
}

/** The new text of a diff: its `equal` and `insert` segments joined. */
export function newText(segments: readonly Segment[]): string {
  return segments
    .filter((s) => s.type !== 'delete')
    .map((s) => s.text)
    .join('');
}

const toSegments = (changes: readonly ChangeObject<string>[]): Segment[] =>
  changes.map((c) => ({ type: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));

/**
 * Tidies raw segments: drops empty ones, absorbs whitespace-only equal runs lying between two
 * changes into both sides (so "a b" → "c d" reads as one replacement), puts each run of changes
 * in the order deletions then insertions, and merges neighbours of the same type.
 */
function tidy(raw: readonly Segment[]): Segment[] {
  const segments = raw.filter((s) => s.text !== '');
  const absorbed: Segment[] = [];
  segments.forEach((s, i) => {
    const between =
      i > 0 && i < segments.length - 1 && segments[i - 1]!.type !== 'equal' && segments[i + 1]!.type !== 'equal';
    if (s.type === 'equal' && between && s.text.trim() === '') {
      absorbed.push({ type: 'delete', text: s.text }, { type: 'insert', text: s.text });
    } else absorbed.push(s);
  });
  const out: Segment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted) out.push({ type: 'delete', text: deleted });
    if (inserted) out.push({ type: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const s of absorbed) {
    if (s.type === 'delete') deleted += s.text;
    else if (s.type === 'insert') inserted += s.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.type === 'equal') last.text += s.text;
      else out.push({ type: 'equal', text: s.text });
    }
  }
  flush();
  return out;
}

const reconstructs = (segments: readonly Segment[], before: string, after: string): boolean =>
  oldText(segments) === before && newText(segments) === after;

/**
 * The word-level difference from `before` to `after`. Words and punctuation are compared as
 * tokens; whitespace differences (which the word diff smooths over) are caught by checking that
 * both texts reconstruct, falling back to a diff that treats whitespace as tokens, and for texts
 * too different to diff cheaply, to one deletion and one insertion.
 */
export function wordDiff(before: string, after: string): Segment[] {
  if (before === after) return before === '' ? [] : [{ type: 'equal', text: before }];
  if (before === '') return [{ type: 'insert', text: after }];
  if (after === '') return [{ type: 'delete', text: before }];
  for (const differ of [diffWords, diffWordsWithSpace]) {
    const changes = differ(before, after, { maxEditLength: MAX_EDIT_LENGTH });
    if (!changes) break;
    const segments = tidy(toSegments(changes));
    if (reconstructs(segments, before, after)) return segments;
  }
  return [
    { type: 'delete', text: before },
    { type: 'insert', text: after },
  ];
}

/** Words in the inserted and in the deleted segments. */
export function wordCounts(segments: readonly Segment[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    if (s.type === 'insert') inserted += countWords(s.text);
    else if (s.type === 'delete') deleted += countWords(s.text);
  }
  return { inserted, deleted };
}
