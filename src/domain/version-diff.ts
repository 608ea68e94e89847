/**
 * The differences between two versions of a programme, matching nodes by their stable key:
 * nodes added, removed, moved and retitled, word-level changes of every text field per language,
 * term links added and removed, and changes of the version's own vision and summary. Pure.
 */
import { LANGS, type Lang, type LocalizedText } from './languages.ts';
import type { TermRef, TreeNode, VersionContent } from './read-models.ts';
import { wordCounts, wordDiff, type Segment } from './word-diff.ts';

export type { Segment, SegmentType } from './word-diff.ts';

export const NODE_TEXT_FIELDS = ['title', 'shortTitle', 'summary', 'body'] as const;
export type NodeTextField = (typeof NODE_TEXT_FIELDS)[number];
export const VERSION_TEXT_FIELDS = ['vision', 'summary'] as const;
export type VersionTextField = (typeof VERSION_TEXT_FIELDS)[number];

/** One text field in one language that differs between the versions. */
export interface TextChange<F extends string = NodeTextField | VersionTextField> {
  field: F;
  lang: Lang;
  /** null when the text does not exist (or is blank) in the old version. */
  before: string | null;
  after: string | null;
  segments: Segment[];
  wordsInserted: number;
  wordsDeleted: number;
}

/** Where a node stands in one version. */
export interface NodePlace {
  title: LocalizedText;
  path: string[];
  depth: number;
  level: string;
  parentKey: string | null;
  /** Place among all its siblings in that version, from 1. */
  position: number;
}

export type NodeChangeKind = 'added' | 'removed' | 'changed';

/**
 * A node that differs. `added` nodes list every text they have as inserted and every term link
 * as added; `removed` nodes the same as deleted. A `changed` node exists in both versions.
 */
export interface NodeChange {
  key: string;
  kind: NodeChangeKind;
  /** The node in the old version; null when added. */
  before: NodePlace | null;
  /** The node in the new version; null when removed. */
  after: NodePlace | null;
  /**
   * `parent` when its parent changed; `order` when, under the same parent, its order relative to
   * the siblings that are under that parent in both versions changed (the fewest such nodes that
   * explain the new order: those outside a longest common subsequence); null otherwise.
   */
  moved: 'parent' | 'order' | null;
  /** True when the title changed in any language. */
  retitled: boolean;
  texts: TextChange<NodeTextField>[];
  termsAdded: TermRef[];
  termsRemoved: TermRef[];
}

export interface DiffCounts {
  added: number;
  removed: number;
  moved: number;
  retitled: number;
  /** Nodes in both versions whose short title, summary or body changed in some language. */
  textChanged: number;
  /** Nodes in both versions whose term links changed. */
  termsChanged: number;
  /** Changed version texts (vision, summary), counted per field and language. */
  versionTexts: number;
}

export interface VersionDiff {
  counts: DiffCounts;
  /** Changes of the version's vision and summary, in field then language order. */
  versionTexts: TextChange<VersionTextField>[];
  /** Nodes added or changed in reading order of the new version, then nodes removed in reading order of the old. */
  nodes: NodeChange[];
}

/** What the diff reads of a version. */
export type DiffableVersion = Pick<VersionContent, 'vision' | 'summary' | 'nodes'>;

interface Placed {
  node: TreeNode;
  parentKey: string | null;
  position: number;
}

/** Every node by key in reading order (depth first), with its parent (from the nesting) and place. */
function index(nodes: readonly TreeNode[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const walk = (list: readonly TreeNode[], parentKey: string | null): void => {
    list.forEach((node, i) => {
      out.set(node.key, { node, parentKey, position: i + 1 });
      walk(node.children, node.key);
    });
  };
  walk(nodes, null);
  return out;
}

/** Keys of the children of each parent (null for the top level), in order. */
function childrenByParent(all: Map<string, Placed>): Map<string | null, string[]> {
  const out = new Map<string | null, string[]>();
  for (const p of all.values()) {
    const list = out.get(p.parentKey);
    if (list) list.push(p.node.key);
    else out.set(p.parentKey, [p.node.key]);
  }
  return out;
}

const placeOf = (p: Placed): NodePlace => ({
  title: p.node.title,
  path: p.node.path,
  depth: p.node.depth,
  level: p.node.level,
  parentKey: p.parentKey,
  position: p.position,
});

const clean = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

/** Changes of one localized text, language by language. */
function textChanges<F extends string>(
  field: F,
  before: LocalizedText | null | undefined,
  after: LocalizedText | null | undefined,
): TextChange<F>[] {
  const out: TextChange<F>[] = [];
  for (const lang of LANGS) {
    const b = clean(before?.[lang]);
    const a = clean(after?.[lang]);
    if (b === a) continue;
    const segments = wordDiff(b ?? '', a ?? '');
    const counts = wordCounts(segments);
    out.push({
      field,
      lang,
      before: b,
      after: a,
      segments,
      wordsInserted: counts.inserted,
      wordsDeleted: counts.deleted,
    });
  }
  return out;
}

function nodeTextChanges(before: TreeNode | null, after: TreeNode | null): TextChange<NodeTextField>[] {
  return NODE_TEXT_FIELDS.flatMap((field) => textChanges(field, before?.[field], after?.[field]));
}

const termId = (t: TermRef): string => `${t.taxonomy}/${t.term}`;

function termsNotIn(terms: readonly TermRef[], other: readonly TermRef[]): TermRef[] {
  const ids = new Set(other.map(termId));
  return terms.filter((t) => !ids.has(termId(t))).map((t) => ({ taxonomy: t.taxonomy, term: t.term }));
}

/**
 * Keys of `sequenceB` outside a longest common subsequence with `sequenceA` (both hold the same
 * keys): the fewest nodes whose moving turns the old order into the new one.
 */
function reordered(sequenceA: readonly string[], sequenceB: readonly string[]): Set<string> {
  const positionInA = new Map(sequenceA.map((k, i) => [k, i]));
  const ranks = sequenceB.map((k) => positionInA.get(k)!);
  // Longest increasing subsequence of the old positions taken in the new order (patience method).
  const tails: number[] = [];
  const previous: number[] = ranks.map(() => -1);
  ranks.forEach((rank, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[tails[mid]!]! < rank) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<string>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(sequenceB[i]!);
  return new Set(sequenceB.filter((k) => !kept.has(k)));
}

/** Nodes in both versions whose order under an unchanged parent changed. */
function orderMoves(a: Map<string, Placed>, b: Map<string, Placed>): Set<string> {
  const moved = new Set<string>();
  const childrenA = childrenByParent(a);
  const childrenB = childrenByParent(b);
  const parents = new Set<string | null>();
  for (const [key, p] of b) if (a.has(key) && a.get(key)!.parentKey === p.parentKey) parents.add(p.parentKey);
  for (const parent of parents) {
    const stays = (key: string): boolean => a.get(key)?.parentKey === parent && b.get(key)?.parentKey === parent;
    const sequenceA = (childrenA.get(parent) ?? []).filter(stays);
    const sequenceB = (childrenB.get(parent) ?? []).filter(stays);
    for (const key of reordered(sequenceA, sequenceB)) moved.add(key);
  }
  return moved;
}

/** The differences from version `a` (old) to version `b` (new). */
export function diffVersions(a: DiffableVersion, b: DiffableVersion): VersionDiff {
  const before = index(a.nodes);
  const after = index(b.nodes);
  const byOrder = orderMoves(before, after);
  const nodes: NodeChange[] = [];

  for (const [key, pb] of after) {
    const pa = before.get(key);
    if (!pa) {
      nodes.push({
        key,
        kind: 'added',
        before: null,
        after: placeOf(pb),
        moved: null,
        retitled: false,
        texts: nodeTextChanges(null, pb.node),
        termsAdded: termsNotIn(pb.node.terms, []),
        termsRemoved: [],
      });
      continue;
    }
    const texts = nodeTextChanges(pa.node, pb.node);
    const moved = pa.parentKey !== pb.parentKey ? 'parent' : byOrder.has(key) ? 'order' : null;
    const termsAdded = termsNotIn(pb.node.terms, pa.node.terms);
    const termsRemoved = termsNotIn(pa.node.terms, pb.node.terms);
    if (texts.length === 0 && moved === null && termsAdded.length === 0 && termsRemoved.length === 0) continue;
    nodes.push({
      key,
      kind: 'changed',
      before: placeOf(pa),
      after: placeOf(pb),
      moved,
      retitled: texts.some((t) => t.field === 'title'),
      texts,
      termsAdded,
      termsRemoved,
    });
  }
  for (const [key, pa] of before) {
    if (after.has(key)) continue;
    nodes.push({
      key,
      kind: 'removed',
      before: placeOf(pa),
      after: null,
      moved: null,
      retitled: false,
      texts: nodeTextChanges(pa.node, null),
      termsAdded: [],
      termsRemoved: termsNotIn(pa.node.terms, []),
    });
  }

  const versionTexts = VERSION_TEXT_FIELDS.flatMap((field) => textChanges(field, a[field], b[field]));
  const changed = nodes.filter((n) => n.kind === 'changed');
  return {
    counts: {
      added: nodes.filter((n) => n.kind === 'added').length,
      removed: nodes.filter((n) => n.kind === 'removed').length,
      moved: changed.filter((n) => n.moved !== null).length,
      retitled: changed.filter((n) => n.retitled).length,
      textChanged: changed.filter((n) => n.texts.some((t) => t.field !== 'title')).length,
      termsChanged: changed.filter((n) => n.termsAdded.length > 0 || n.termsRemoved.length > 0).length,
      versionTexts: versionTexts.length,
    },
    versionTexts,
    nodes,
  };
}

/** True when the two versions have no difference the diff reports. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  return diff.nodes.length === 0 && diff.versionTexts.length === 0;
}
