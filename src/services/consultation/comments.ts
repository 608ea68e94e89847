/**
 * Sending a comment to a consultation round (issue 10, points 2 and 7): anyone, without signing in
 * and without JavaScript. The round must be open; the anchor (node, paragraph, quote with its
 * context) is made from the round's version in the language the visitor read; the commenter's
 * choice (published with name, anonymously, or not at all) and consent are kept; a form sent twice
 * with the same idempotency key stores one comment. Whether it waits for a moderator follows the
 * round's pre-moderation rule. One transaction with the `consultation` content change and an
 * audit event that names no person.
 */
import { makeAnchor, paragraphsOf, wholeNodeAnchor, type CommentAnchor } from '#src/domain/consultation/anchors.ts';
import { COMMENT_LIMITS, heldReason, type PublishAs, type RespondentType } from '#src/domain/consultation/comment.ts';
import { commentableText } from '#src/domain/consultation/commentable.ts';
import { roundPhase } from '#src/domain/consultation/round.ts';
import { FieldErrors, fieldProblem } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import type { Lang } from '#src/domain/languages.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { insertCommentOnce, type CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { editTransaction, type EditingContext, type ProgrammeRef } from '../programmes/edit-transaction.ts';
import { loadRound } from './rounds.ts';

export interface CommentInput {
  /** The node commented on; null for the whole programme. */
  nodeKey: string | null;
  /** The paragraph (from 0); null for the whole node. */
  paragraph: number | null;
  /** The passage the visitor selected (progressive enhancement); null for the whole paragraph. */
  quote: string | null;
  /** The language of the page the visitor read. */
  lang: Lang;
  body: string;
  name: string | null;
  email: string | null;
  organisation: string | null;
  respondentType: RespondentType;
  publishAs: PublishAs;
  answers?: Record<string, string>;
  idempotencyKey: string;
}

/** Why the round takes no comments now, with the reason code the edge translates. */
function refuseUnlessOpen(phase: ReturnType<typeof roundPhase>, round: { opensAt: string; closesAt: string }): void {
  if (phase === 'upcoming')
    throw new AppError('conflict', `The consultation opens at ${round.opensAt}; comments are taken from then on`, [], {
      code: 'round_upcoming',
      params: { opens: round.opensAt },
    });
  if (phase === 'closed')
    throw new AppError('conflict', `The consultation closed at ${round.closesAt}; no more comments are taken`, [], {
      code: 'round_closed',
      params: { closes: round.closesAt },
    });
}

/** Sends a comment; answers the stored comment and whether this call stored it (false: a double submit). */
export async function submitComment(
  ctx: EditingContext & { clock?: () => Date },
  ref: ProgrammeRef,
  roundSlug: string,
  input: CommentInput,
): Promise<{ comment: CommentRow; created: boolean }> {
  if (input.body.trim() === '')
    throw new FieldErrors('The comment was not accepted', { body: fieldProblem('required', 'is required') });
  if (input.body.length > COMMENT_LIMITS.body)
    throw new FieldErrors('The comment was not accepted', {
      body: fieldProblem('too_long', `must be at most ${COMMENT_LIMITS.body} characters`, {
        max: COMMENT_LIMITS.body,
        length: input.body.length,
      }),
    });
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const { round } = await loadRound(trx, ref, roundSlug);
    const now = ctx.clock?.() ?? new Date();
    refuseUnlessOpen(roundPhase(round, now), round);
    let anchor: CommentAnchor = wholeNodeAnchor();
    let textLang: Lang = input.lang;
    if (input.nodeKey !== null) {
      const node = await findNode(trx, round.versionId, input.nodeKey);
      if (!node) throw notFound(`Node "${input.nodeKey}" of the version on consultation`);
      if (input.paragraph !== null) {
        const text = commentableText(node, input.lang);
        textLang = text.lang;
        anchor = makeAnchor(paragraphsOf(text.text), input.paragraph, input.quote ?? undefined);
      }
    }
    const held = heldReason(round.preModeration, { body: input.body, hasAttachment: false });
    const stored = await insertCommentOnce(trx, {
      round_id: round.id,
      kind: 'comment',
      status: held ? 'pending' : 'approved',
      version_id: round.versionId,
      node_key: input.nodeKey,
      paragraph_index: anchor.paragraphIndex,
      text_lang: textLang,
      quote: anchor.quote ?? '',
      quote_before: anchor.before,
      quote_after: anchor.after,
      body: input.body.trim(),
      respondent_type: input.respondentType,
      publish_as: input.publishAs,
      author_name: input.name,
      author_email: input.email,
      organisation: input.organisation,
      answers: JSON.stringify(input.answers ?? {}),
      ui_lang: input.lang,
      idempotency_key: input.idempotencyKey,
      submitted_at: now.toISOString(),
      held_reason: held,
    });
    if (stored.created)
      await insertAuditEvent(trx, {
        actor: { userId: null, label: 'public' },
        regionCode: ref.code,
        action: 'consultation.comment.submit',
        entityType: 'consultation_comment',
        entityId: String(stored.comment.id),
        summary: `Comment #${stored.comment.id} received in round "${roundSlug}"${
          input.nodeKey
            ? ` on ${input.nodeKey}${anchor.paragraphIndex !== null ? ` ¶${anchor.paragraphIndex + 1}` : ''}`
            : ''
        } (${held ? 'waits for moderation' : 'published'})`,
      });
    return stored;
  });
}
