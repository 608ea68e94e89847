/**
 * A consultation round and its published comments and responses as the API shows them. Which
 * comments and which of their authors' details are public is decided by `publicComment`
 * (services/consultation/public-view.ts), the same rule as the round's public page.
 */
import { roundPhase } from '#src/domain/consultation/round.ts';
import type { RoundInContext } from '#src/services/consultation/rounds.ts';
import { publicComment, type PublicComment } from '#src/services/consultation/public-view.ts';
import type { CommentRow, PublishedResponseRow } from '#src/storage/repositories/consultation-repository.ts';
import { presentOptionalText, presentText } from './present-text.ts';

export interface ApiComment extends PublicComment {
  anchor: { state: CommentRow['anchorState']; paragraphIndex: number | null };
}

export interface ApiResponse {
  id: number;
  text: ReturnType<typeof presentText>;
  decision: string;
  reason: ReturnType<typeof presentOptionalText>;
  change: { version: number; nodeKey: string } | null;
  publishedAt: string | null;
  comments: number[];
}

export interface PublicRoundComments {
  region: string;
  programme: string;
  round: string;
  personalDataRemoved: boolean;
  comments: ApiComment[];
  responses: ApiResponse[];
}

export function presentRound(r: RoundInContext, comments: readonly CommentRow[], now: Date) {
  const { round, programme, version } = r;
  const published = comments.filter((c) => publicComment(c) !== null).length;
  return {
    region: round.regionCode,
    programme: programme.slug,
    round: round.slug,
    version: version.number,
    title: presentText(round.title),
    intro: presentText(round.intro),
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    phase: roundPhase(round, now),
    questions: round.questions.map((q) => ({ key: q.key, text: presentText(q.text) })),
    documents: round.documents.map((d) => ({ title: presentText(d.title), url: d.url })),
    counts: {
      published,
      waiting: comments.filter((c) => c.status === 'pending').length,
      rejected: comments.filter((c) => c.status === 'rejected').length,
    },
    rejections: round.rejectReasons.map((reason) => ({
      code: reason.code,
      label: presentText(reason.label),
      count: comments.filter((c) => c.status === 'rejected' && c.rejectReason === reason.code).length,
    })),
    retentionUntil: round.retentionUntil,
    personalDataRemoved: round.personalDataRemovedAt !== null,
  };
}

export function presentRoundComments(
  r: RoundInContext,
  comments: readonly CommentRow[],
  responses: readonly PublishedResponseRow[],
): PublicRoundComments {
  const shown: ApiComment[] = [];
  for (const c of comments) {
    const p = publicComment(c);
    if (p)
      shown.push({
        ...p,
        // After the retention date no name is published, whatever is stored.
        author: r.round.personalDataRemovedAt !== null ? { ...p.author, name: null } : p.author,
        anchor: { state: c.anchorState, paragraphIndex: c.anchorParagraphIndex },
      });
  }
  const ids = new Set(shown.map((c) => c.id));
  return {
    region: r.round.regionCode,
    programme: r.programme.slug,
    round: r.round.slug,
    personalDataRemoved: r.round.personalDataRemovedAt !== null,
    comments: shown,
    responses: responses.map((x) => ({
      id: x.id,
      text: presentText(x.text),
      decision: x.decision,
      reason: presentOptionalText(x.reason),
      change:
        x.changeVersion !== null && x.changeNodeKey !== null
          ? { version: x.changeVersion, nodeKey: x.changeNodeKey }
          : null,
      publishedAt: x.publishedAt,
      comments: x.commentIds.filter((id) => ids.has(id)),
    })),
  };
}
