/**
 * Redacting a comment (issue 10, point 4): a moderator of the region removes a passage (e.g. another
 * person's name or phone number) from a comment's or statement's text and answers, with a reason.
 * Every occurrence of the passage is replaced by a marker ("[poistettu]") in the language of the page
 * the comment was sent from. The original is not kept in the comment: its text (`body`) and the public
 * text (`redacted_body`) both become the redacted one, so no page, export or API answer can show it;
 * the original is kept only in the audit event (before/after). Conditional on the revision the
 * moderator saw (409 when the comment changed meanwhile), in one transaction with the
 * `consultation` content change.
 */
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import { isLang } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import { translator } from '#src/i18n/index.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { findComment, redactCommentIfRevision } from '#src/storage/repositories/consultation-repository.ts';
import { editTransaction, type EditingContext, type ProgrammeRef } from '../programmes/edit-transaction.ts';
import type { CommentRef } from './moderation.ts';
import { loadRound } from './rounds.ts';

export const REDACTION_LIMITS = { passage: 2000, reason: 500 } as const;

export interface Redaction {
  /** The exact passage to remove (every occurrence). */
  passage: string;
  /** Why (kept with the comment and in the audit log). */
  reason: string;
}

/** Removes `redaction.passage` from the comment's text and answers; answers the new revision. */
export async function redactComment(
  ctx: EditingContext & { clock?: () => Date },
  actor: Actor,
  ref: ProgrammeRef,
  slug: string,
  comment: CommentRef,
  redaction: Redaction,
): Promise<number> {
  const passage = redaction.passage.trim();
  const reason = redaction.reason.trim();
  const problems: FieldErrorMap = {};
  if (passage === '') problems['passage'] = fieldProblem('required', 'is required');
  else if (passage.length > REDACTION_LIMITS.passage)
    problems['passage'] = fieldProblem('too_long', `must be at most ${REDACTION_LIMITS.passage} characters`, {
      max: REDACTION_LIMITS.passage,
      length: passage.length,
    });
  if (reason === '') problems['reason'] = fieldProblem('required', 'is required');
  else if (reason.length > REDACTION_LIMITS.reason)
    problems['reason'] = fieldProblem('too_long', `must be at most ${REDACTION_LIMITS.reason} characters`, {
      max: REDACTION_LIMITS.reason,
      length: reason.length,
    });
  if (Object.keys(problems).length > 0) throw new FieldErrors('The redaction was not accepted', problems);
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const { round } = await loadRound(trx, ref, slug);
    const found = await findComment(trx, comment.id);
    if (!found || found.roundId !== round.id) throw notFound(`Comment #${comment.id} of round "${slug}"`);
    if (found.revision !== comment.revision)
      throw new EditConflict(`Comment #${found.id} was changed meanwhile`, {
        id: found.id,
        status: found.status,
        revision: found.revision,
      });
    const inAnswers = Object.values(found.answers).some((a) => a.includes(passage));
    if (!found.body.includes(passage) && !inAnswers)
      throw new FieldErrors('The redaction was not accepted', {
        passage: fieldProblem('redaction_passage', "is not in the comment's text (copy it exactly)"),
      });
    const marker = translator(isLang(found.uiLang) ? found.uiLang : 'fi')('consultation.statements.redacted');
    const redact = (text: string): string => text.split(passage).join(marker);
    const body = redact(found.body);
    const answers = Object.fromEntries(Object.entries(found.answers).map(([k, a]) => [k, redact(a)]));
    const ok = await redactCommentIfRevision(trx, found.id, comment.revision, {
      body,
      redacted_body: body,
      redaction_reason: reason,
      answers: JSON.stringify(answers),
    });
    if (!ok)
      throw new EditConflict(`Comment #${found.id} was changed meanwhile`, {
        id: found.id,
        status: found.status,
        revision: found.revision,
      });
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'consultation.comment.redact',
      entityType: 'consultation_comment',
      entityId: String(found.id),
      summary: `Redacted a passage of comment #${found.id} of round "${slug}" (${reason})`,
      before: { body: found.body, answers: found.answers },
      after: { body, answers, reason },
    });
    return comment.revision + 1;
  });
}
