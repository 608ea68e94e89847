/**
 * Commenters' personal data (issue 10, point 7): the names, e-mail addresses, business ids and
 * signer roles of the comments and statements of a round are removed by the system once the
 * round's retention date has passed, and of one person's comments on request; the text of every
 * comment stays, and so does the organisation of a statement (not personal data). Each removal is
 * one transaction with the `consultation` content change and an audit event that names how many
 * comments lost their data, never the data itself.
 */
import { instantToHelsinki } from '#src/domain/consultation/round.ts';
import { FieldErrors, fieldProblem } from '#src/domain/edit-errors.ts';
import { SYSTEM_ACTOR, type Actor } from '#src/domain/roles.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  clearPersonalData,
  commentsByEmail,
  commentsWithPersonalData,
  findComment,
  findRoundById,
  listRoundsPastRetention,
  markRoundPersonalDataRemoved,
  regionOfComment,
} from '#src/storage/repositories/consultation-repository.ts';
import { editTransaction, type EditingContext } from '../programmes/edit-transaction.ts';

/** A round whose retention date has passed, and how many of its comments held (or still hold) personal data. */
export interface ExpiredRound {
  regionCode: string;
  programme: string;
  round: string;
  retentionUntil: string;
  comments: number;
}

/** The Finnish calendar day of `now` (YYYY-MM-DD): a retention date has passed from the day after it. */
export function finnishDay(now: Date): string {
  return instantToHelsinki(now.toISOString()).slice(0, 10);
}

/**
 * Removes the personal data of every round (of every region) whose retention date is before the
 * Finnish day of `now`, one transaction per round; the round is marked done, so a second run finds
 * nothing. With `dryRun`, answers what would be removed and writes nothing.
 */
export async function removeExpiredPersonalData(
  ctx: EditingContext,
  now: Date,
  options: { dryRun?: boolean } = {},
): Promise<ExpiredRound[]> {
  const at = now.toISOString();
  const due = await listRoundsPastRetention(ctx.db.kysely, finnishDay(now));
  const done: ExpiredRound[] = [];
  for (const { round, programmeSlug } of due) {
    const row = {
      regionCode: round.regionCode,
      programme: programmeSlug,
      round: round.slug,
      retentionUntil: round.retentionUntil!,
    };
    if (options.dryRun) {
      done.push({ ...row, comments: (await commentsWithPersonalData(ctx.db.kysely, round.id)).length });
      continue;
    }
    const comments = await editTransaction(ctx, { region: round.regionCode, kinds: ['consultation'] }, async (trx) => {
      // Another process (the CLI beside the server) may have done it meanwhile.
      const current = await findRoundById(trx, round.id);
      if (!current || current.personalDataRemovedAt !== null) return null;
      const n = await clearPersonalData(trx, await commentsWithPersonalData(trx, round.id), at);
      await markRoundPersonalDataRemoved(trx, round.id, at);
      await insertAuditEvent(trx, {
        actor: SYSTEM_ACTOR,
        regionCode: round.regionCode,
        action: 'consultation.personal_data.retention',
        entityType: 'consultation_round',
        entityId: String(round.id),
        summary:
          `Removed the names, e-mail addresses, business ids and signer roles of ${n} comment(s) of round ` +
          `"${round.slug}" of programme ${round.regionCode}-${programmeSlug}: its retention date ${row.retentionUntil} has passed`,
        after: { comments: n, retentionUntil: row.retentionUntil },
      });
      return n;
    });
    if (comments !== null) done.push({ ...row, comments });
  }
  return done;
}

/** Whose data to remove: every comment sent with an e-mail address, or one comment. */
export type ErasureTarget = { email: string } | { commentId: number };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Removes, on a person's request, the name, e-mail address, business id and signer role of every
 * comment of `regionCode`'s rounds sent with `target.email` (letter case ignored), or of the one
 * comment `target.commentId`; the texts stay. Refused (naming the field) when no comment of the
 * region matches. Answers the ids of the comments changed.
 */
export async function erasePersonalData(
  ctx: EditingContext & { clock?: () => Date },
  actor: Actor,
  regionCode: string,
  target: ErasureTarget,
): Promise<number[]> {
  if ('email' in target && !EMAIL.test(target.email.trim()))
    throw new FieldErrors('The request was not accepted', {
      email: fieldProblem('email', 'must be an e-mail address'),
    });
  return editTransaction(ctx, { region: regionCode, kinds: ['consultation'] }, async (trx) => {
    let ids: number[];
    if ('email' in target) ids = await commentsByEmail(trx, regionCode, target.email);
    else {
      const comment = await findComment(trx, target.commentId);
      const holds =
        comment !== null &&
        (await regionOfComment(trx, comment.id)) === regionCode &&
        [comment.authorName, comment.authorEmail, comment.businessId, comment.signerRole].some((v) => v !== null);
      ids = holds ? [target.commentId] : [];
    }
    if (ids.length === 0)
      throw new FieldErrors(
        'No comment of the region holds personal data of that person',
        'email' in target
          ? { email: fieldProblem('no_personal_data', 'no comment of the region was sent with this address') }
          : {
              comment: fieldProblem(
                'no_personal_data_comment',
                'no comment of the region with this number holds personal data',
              ),
            },
      );
    const at = (ctx.clock?.() ?? new Date()).toISOString();
    await clearPersonalData(trx, ids, at);
    await insertAuditEvent(trx, {
      actor,
      regionCode,
      action: 'consultation.personal_data.erase',
      entityType: 'consultation_comment',
      entityId: ids.join(','),
      summary: `Removed on request the name, e-mail address, business id and signer role of ${ids.length} comment(s): ${ids
        .map((id) => `#${id}`)
        .join(', ')} (the texts are kept)`,
      after: { comments: ids },
    });
    return ids;
  });
}
