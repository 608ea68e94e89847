/**
 * A node as the editor sees and saves it: texts in fi/sv/en, slug, term links, translation status
 * and revision. Also rebuilds a node's search-index rows after its texts change.
 */
import type { NodeState, NodeTextField, NodeTexts } from '#src/domain/programmes/editor-models.ts';
import type { TextFieldSpec } from '#src/domain/text-fields.ts';
import { TEXT_LIMITS } from '#src/domain/text-fields.ts';
import { effectiveStatus, parseStatusMap } from '#src/domain/translation-status.ts';
import type { Executor } from '#src/storage/executor.ts';
import type { NodeRow } from '#src/storage/repositories/nodes-repository.ts';
import { replaceNodeSearchRows } from '#src/storage/repositories/search-repository.ts';
import { nodeTermRefs } from '#src/storage/repositories/taxonomies-repository.ts';
import { searchRowsFor } from './import-programme.ts';

export type { NodeState, NodeTextField, NodeTexts };

export const NODE_TEXT_SPECS: Record<NodeTextField, TextFieldSpec> = {
  title: { required: true, max: TEXT_LIMITS.title },
  shortTitle: { max: TEXT_LIMITS.shortTitle },
  summary: { max: TEXT_LIMITS.summary, multiline: true },
  body: { max: TEXT_LIMITS.body, markdown: true },
};

export function nodeTexts(row: NodeRow): NodeTexts {
  return { title: row.title, shortTitle: row.shortTitle, summary: row.summary, body: row.body };
}

export async function nodeState(db: Executor, row: NodeRow): Promise<NodeState> {
  const texts = nodeTexts(row);
  return {
    key: row.key,
    slug: row.slug,
    revision: row.revision,
    texts,
    terms: (await nodeTermRefs(db, { nodeId: row.id })).map((t) => `${t.taxonomy}/${t.term}`),
    status: effectiveStatus(parseStatusMap(row.translationStatus), texts) as NodeState['status'],
  };
}

/** Rebuilds the search-index rows of one node from its texts. */
export async function reindexNode(db: Executor, versionId: number, nodeId: number, texts: NodeTexts): Promise<void> {
  await replaceNodeSearchRows(
    db,
    nodeId,
    searchRowsFor(versionId, nodeId, {
      title: texts.title as { fi: string },
      shortTitle: texts.shortTitle ?? undefined,
      summary: texts.summary ?? undefined,
      body: texts.body ?? undefined,
    }),
  );
}
