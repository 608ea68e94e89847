/**
 * Rules for changing a version's node tree: keys made from the Finnish title and unique in the
 * version, slugs unique among siblings and not reserved, moves that make no cycle and stay within
 * the programme's levels, and sibling positions renumbered 0, 1, 2… after every change.
 */
import { slugify } from '#src/lib/slug.ts';
import { RESERVED_SLUGS } from './programme-file.ts';
import { fieldProblem, type FieldProblem } from '../edit-errors.ts';

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_KEY = 80;

/** A node as the tree rules see it. */
export interface TreeItem {
  id: number;
  parentId: number | null;
  depth: number;
  position: number;
  slug: string;
}

/** A key for a new node from its Finnish title: `Uusi painopiste` → `uusi-painopiste`, `-2`… when taken. */
export function keyFromTitle(title: string, taken: ReadonlySet<string>): string {
  let base = slugify(title).slice(0, 60).replace(/-+$/, '');
  if (base === '') base = 'node';
  // `new` is the editor's own address for adding a node (…/nodes/new).
  if ((RESERVED_SLUGS as readonly string[]).includes(base) || base === 'new') base = `${base}-node`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** What is wrong with `slug` for a node among `siblingSlugs` (the other children of its parent); null when fine. */
export function slugProblem(slug: string, siblingSlugs: readonly string[]): FieldProblem | null {
  if (!KEY.test(slug) || slug.length > MAX_KEY)
    return fieldProblem(
      'slug_pattern',
      'must be lower-case letters a–z, digits and single hyphens, e.g. "osaaminen-ja-koulutus"',
    );
  if ((RESERVED_SLUGS as readonly string[]).includes(slug))
    return fieldProblem('reserved_slug', `must not be one of the reserved words ${RESERVED_SLUGS.join(', ')}`, {
      words: RESERVED_SLUGS.join(', '),
    });
  if (siblingSlugs.includes(slug))
    return fieldProblem('duplicate_slug', `"${slug}" is already used by another node under the same parent`, { slug });
  return null;
}

/** The node and all nodes below it. */
export function subtreeIds(items: readonly TreeItem[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const item of items) if (item.parentId === out[i]) out.push(item.id);
  }
  return out;
}

/** How many levels the subtree of `id` spans below the node itself (0 for a leaf). */
export function subtreeHeight(items: readonly TreeItem[], id: number): number {
  const node = items.find((i) => i.id === id);
  if (!node) return 0;
  const ids = new Set(subtreeIds(items, id));
  return Math.max(...items.filter((i) => ids.has(i.id)).map((i) => i.depth)) - node.depth;
}

/**
 * Checks moving node `id` under `newParentId` (null: top level) in a programme with `levelCount`
 * levels; returns the problem, or null when the move is allowed.
 */
export function moveProblem(
  items: readonly TreeItem[],
  id: number,
  newParentId: number | null,
  levelCount: number,
): FieldProblem | null {
  const node = items.find((i) => i.id === id);
  if (!node) return fieldProblem('move_no_node', 'the node does not exist');
  if (newParentId !== null) {
    if (newParentId === id) return fieldProblem('move_under_itself', 'a node cannot be moved under itself');
    if (!items.some((i) => i.id === newParentId))
      return fieldProblem('move_no_parent', 'the new parent does not exist in this version');
    if (subtreeIds(items, id).includes(newParentId))
      return fieldProblem('move_under_descendant', 'a node cannot be moved under one of its own descendants');
  }
  const parentDepth = newParentId === null ? 0 : items.find((i) => i.id === newParentId)!.depth;
  const deepest = parentDepth + 1 + subtreeHeight(items, id);
  if (deepest > levelCount)
    return fieldProblem(
      'move_too_deep',
      `the programme has ${levelCount} level(s); this move would put nodes on level ${deepest}`,
      { levels: levelCount, level: deepest },
    );
  return null;
}

/** The children of `parentId` in order. */
export function siblingsOf(items: readonly TreeItem[], parentId: number | null): TreeItem[] {
  return items.filter((i) => i.parentId === parentId).sort((a, b) => a.position - b.position || a.id - b.id);
}

/**
 * The ids of `parentId`'s children in their new order after putting `id` at `index` (clamped;
 * `id` is taken out of wherever it was first).
 */
export function orderAfterPlacing(
  items: readonly TreeItem[],
  parentId: number | null,
  id: number,
  index: number,
): number[] {
  const ids = siblingsOf(items, parentId)
    .map((i) => i.id)
    .filter((x) => x !== id);
  const at = Math.max(0, Math.min(index, ids.length));
  ids.splice(at, 0, id);
  return ids;
}
