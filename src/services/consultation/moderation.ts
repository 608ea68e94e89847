/**
 * Moderating a round's comments (issue 10, point 4): a moderator of the region approves comments
 * (one or many at once), rejects one with a reason from the round's list, or merges a duplicate
 * into the comment it repeats. Each decision is conditional on the revision the moderator saw (a
 * comment decided meanwhile by someone else is refused with what it is now), in one transaction
 * with the `consultation` content change and an audit event per comment.
 */
import type { CommentStatus } from '#src/domain/consultation/comment.ts';
import { EditConflict, FieldErrors, fieldProblem } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  findComment,
  listComments,
  moderateCommentIfRevision,
  type CommentRow,
  type ModerationPatch,
} from '#src/storage/repositories/consultation-repository.ts';
import { editTransaction, type EditingContext, type ProgrammeRef } from '../programmes/edit-transaction.ts';
import { loadRound, type RoundInContext } from './rounds.ts';

/** A decision on one comment, with the revision the moderator saw. */
export interface CommentRef {
  id: number;
  revision: number;
}

export type Decision = { action: 'approve' } | { action: 'reject'; reason: string } | { action: 'merge'; into: number };

/** The round with its comments waiting for a decision (oldest first) and all others. */
export async function moderationQueue(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
): Promise<RoundInContext & { pending: CommentRow[]; decided: CommentRow[] }> {
  const round = await loadRound(db, ref, slug);
  const all = await listComments(db, round.round.id);
  return {
    ...round,
    pending: all.filter((c) => c.status === 'pending'),
    decided: all.filter((c) => c.status !== 'pending'),
  };
}

const VERB: Record<Decision['action'], string> = { approve: 'Approved', reject: 'Rejected', merge: 'Merged' };
const STATUS: Record<Decision['action'], CommentStatus> = { approve: 'approved', reject: 'rejected', merge: 'merged' };

/** Applies `decision` to each of `comments` (all or none). */
export async function moderateComments(
  ctx: EditingContext & { clock?: () => Date },
  actor: Actor,
  ref: ProgrammeRef,
  slug: string,
  comments: readonly CommentRef[],
  decision: Decision,
): Promise<number> {
  if (comments.length === 0)
    throw new FieldErrors('Nothing was chosen', {
      comments: fieldProblem('choose_comments', 'choose at least one comment'),
    });
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const { round } = await loadRound(trx, ref, slug);
    if (decision.action === 'reject' && !round.rejectReasons.some((r) => r.code === decision.reason))
      throw new FieldErrors('The rejection was not accepted', {
        reason: fieldProblem(
          'reject_reason',
          `must be one of the round's reasons: ${round.rejectReasons.map((r) => r.code).join(', ')}`,
        ),
      });
    if (decision.action === 'merge') {
      const target = await findComment(trx, decision.into);
      if (!target || target.roundId !== round.id || target.status === 'merged' || target.status === 'rejected')
        throw new FieldErrors('The merge was not accepted', {
          into: fieldProblem('merge_target', 'must be a published or waiting comment of the same round'),
        });
      if (comments.some((c) => c.id === decision.into))
        throw new FieldErrors('The merge was not accepted', {
          into: fieldProblem('merge_self', 'a comment cannot be merged into itself'),
        });
    }
    const at = (ctx.clock?.() ?? new Date()).toISOString();
    for (const ref0 of comments) {
      const comment = await findComment(trx, ref0.id);
      if (!comment || comment.roundId !== round.id) throw notFound(`Comment #${ref0.id} of round "${slug}"`);
      const patch: ModerationPatch = {
        status: STATUS[decision.action],
        reject_reason: decision.action === 'reject' ? decision.reason : null,
        merged_into: decision.action === 'merge' ? decision.into : null,
        moderated_at: at,
        moderated_by: actor.label,
      };
      if (!(await moderateCommentIfRevision(trx, comment.id, ref0.revision, patch)))
        throw new EditConflict(`Comment #${comment.id} was changed meanwhile`, {
          id: comment.id,
          status: comment.status,
          revision: comment.revision,
        });
      await insertAuditEvent(trx, {
        actor,
        regionCode: ref.code,
        action: `consultation.comment.${decision.action}`,
        entityType: 'consultation_comment',
        entityId: String(comment.id),
        summary: `${VERB[decision.action]} comment #${comment.id} of round "${slug}"${
          decision.action === 'reject'
            ? ` (${decision.reason})`
            : decision.action === 'merge'
              ? ` into #${decision.into}`
              : ''
        }`,
        before: { status: comment.status },
        after: { status: patch.status, reason: patch.reject_reason, mergedInto: patch.merged_into },
      });
    }
    return comments.length;
  });
}
