/** Pure helpers over a version's node tree: lookup by path, breadcrumbs, neighbours, term usage. */
import type { TreeNode } from './read-models.ts';

/** Every node of the tree, depth first, in reading order. */
export function flattenTree(nodes: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: readonly TreeNode[]): void => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** Finds the node whose slug path equals `path`, or null. */
export function findByPath(nodes: readonly TreeNode[], path: readonly string[]): TreeNode | null {
  let level: readonly TreeNode[] = nodes;
  let found: TreeNode | null = null;
  for (const slug of path) {
    found = level.find((n) => n.slug === slug) ?? null;
    if (!found) return null;
    level = found.children;
  }
  return found;
}

export function findByKey(nodes: readonly TreeNode[], key: string): TreeNode | null {
  return flattenTree(nodes).find((n) => n.key === key) ?? null;
}

/** The ancestors of the node at `path`, top first, without the node itself. */
export function ancestorsOf(nodes: readonly TreeNode[], path: readonly string[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (let i = 1; i < path.length; i++) {
    const node = findByPath(nodes, path.slice(0, i));
    if (node) out.push(node);
  }
  return out;
}

/**
 * The previous and next node of the same depth in reading order (so the last priority of one
 * theme leads to the first priority of the next theme).
 */
export function neighboursOf(
  nodes: readonly TreeNode[],
  node: TreeNode,
): { previous: TreeNode | null; next: TreeNode | null } {
  const same = flattenTree(nodes).filter((n) => n.depth === node.depth);
  const index = same.findIndex((n) => n.key === node.key);
  return {
    previous: index > 0 ? same[index - 1]! : null,
    next: index >= 0 && index < same.length - 1 ? same[index + 1]! : null,
  };
}

/** Nodes linked to the term `taxonomy/term`, in reading order. */
export function nodesWithTerm(nodes: readonly TreeNode[], taxonomy: string, term: string): TreeNode[] {
  return flattenTree(nodes).filter((n) => n.terms.some((t) => t.taxonomy === taxonomy && t.term === term));
}
