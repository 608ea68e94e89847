/** A version's node tree, and single nodes, as public JSON. */
import type { TreeNode, VersionContent } from '#src/domain/read-models.ts';
import { ancestorsOf } from '#src/domain/tree.ts';
import { presentOptionalText, presentText } from './present-text.ts';
import type { NodeDetailJson, NodeJson, NodeTreeJson } from './schemas/nodes.ts';

/** `position` is the node's place among its siblings, from 1. */
export function presentNode(node: TreeNode, position: number): NodeJson {
  return {
    key: node.key,
    slug: node.slug,
    path: node.path,
    depth: node.depth,
    level: node.level,
    position,
    parentKey: node.parentKey,
    title: presentText(node.title),
    shortTitle: presentOptionalText(node.shortTitle),
    summary: presentOptionalText(node.summary),
    body: presentOptionalText(node.body),
    terms: node.terms.map((t) => ({ taxonomy: t.taxonomy, term: t.term })),
    children: node.children.map((child, i) => presentNode(child, i + 1)),
  };
}

export function presentNodeTree(content: VersionContent): NodeTreeJson {
  return {
    programmeId: content.programme.id,
    version: content.version.number,
    nodes: content.nodes.map((n, i) => presentNode(n, i + 1)),
  };
}

/** One node of `content` with its descendants and ancestors. */
export function presentNodeDetail(content: VersionContent, node: TreeNode): NodeDetailJson {
  const siblings =
    node.parentKey === null ? content.nodes : (ancestorsOf(content.nodes, node.path).at(-1)?.children ?? []);
  return {
    programmeId: content.programme.id,
    version: content.version.number,
    node: presentNode(node, siblings.findIndex((n) => n.key === node.key) + 1),
    ancestors: ancestorsOf(content.nodes, node.path).map((a) => ({
      key: a.key,
      level: a.level,
      path: a.path,
      title: presentText(a.title),
    })),
  };
}
