/**
 * Keeping comments anchored while the text changes (issue 10, point 3). After an edit of a
 * programme's texts or structure, and when a new version starts, every comment of the region's
 * rounds is looked for again in the newest version of its programme, inside its node key and in the
 * language it was made in (domain/consultation/anchors.ts): its state (exact, moved, changed,
 * deleted_node, orphan), paragraph and matched passage are stored beside the anchor as sent, which
 * never changes. Runs inside the editing transaction; records the `consultation` change only when
 * some anchor moved.
 */
import { reanchor, paragraphsOf, type AnchorState, type Reanchored } from '#src/domain/consultation/anchors.ts';
import type { Executor } from '#src/storage/executor.ts';
import { listComments, updateAnchor, type CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { listNodes, type NodeRow } from '#src/storage/repositories/nodes-repository.ts';
import { listVersions } from '#src/storage/repositories/versions-repository.ts';
import { contentChanged } from '../freshness.ts';

export type AnchorCounts = Record<AnchorState, number>;

const emptyCounts = (): AnchorCounts => ({ exact: 0, moved: 0, changed: 0, deleted_node: 0, orphan: 0 });

/** Where `comment` is in `nodes` (the newest version's nodes by key). */
export function anchorIn(comment: CommentRow, nodes: ReadonlyMap<string, NodeRow>): Reanchored {
  const anchor = {
    paragraphIndex: comment.paragraphIndex,
    quote: comment.paragraphIndex === null ? null : comment.quote,
    before: comment.quoteBefore,
    after: comment.quoteAfter,
  };
  if (comment.nodeKey === null) return reanchor(anchor, []);
  const node = nodes.get(comment.nodeKey);
  if (!node) return reanchor(anchor, null);
  const lang = comment.textLang as 'fi' | 'sv' | 'en';
  const field = (t: NodeRow['summary']): string | null => {
    const v = t?.[lang];
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  };
  return reanchor(anchor, paragraphsOf({ summary: field(node.summary), body: field(node.body) }));
}

/**
 * Re-anchors the comments of every round of `regionCode` in the newest version of their programme;
 * answers the counts per state of all comments looked at (null when the region has no round).
 */
export async function reanchorRegionRounds(
  trx: Executor,
  regionCode: string,
  at: string,
): Promise<AnchorCounts | null> {
  const rounds = await trx
    .selectFrom('consultation_rounds')
    .select(['id', 'programme_id'])
    .where('region_code', '=', regionCode)
    .execute();
  if (rounds.length === 0) return null;
  const counts = emptyCounts();
  let moved = false;
  const newestOf = new Map<number, { id: number; nodes: Map<string, NodeRow> }>();
  for (const round of rounds) {
    let newest = newestOf.get(round.programme_id);
    if (!newest) {
      const versions = await listVersions(trx, round.programme_id);
      const top = versions.reduce((a, b) => (b.number > a.number ? b : a));
      newest = { id: top.id, nodes: new Map((await listNodes(trx, top.id)).map((n) => [n.key, n])) };
      newestOf.set(round.programme_id, newest);
    }
    for (const comment of await listComments(trx, round.id)) {
      const found = anchorIn(comment, newest.nodes);
      counts[found.state]++;
      const paragraph = found.state === 'orphan' ? (found.nearest?.paragraphIndex ?? null) : found.paragraphIndex;
      const quote = found.state === 'orphan' ? (found.nearest?.quote ?? null) : found.quote;
      if (
        comment.anchorState === found.state &&
        comment.anchorVersionId === newest.id &&
        comment.anchorParagraphIndex === paragraph &&
        comment.anchorQuote === quote
      )
        continue;
      await updateAnchor(trx, comment.id, {
        anchor_state: found.state,
        anchor_version_id: newest.id,
        anchor_paragraph_index: paragraph,
        anchor_quote: quote,
        anchored_at: at,
      });
      moved = true;
    }
  }
  if (moved) await contentChanged(trx, regionCode, ['consultation']);
  return counts;
}
