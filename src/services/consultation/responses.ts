/**
 * The council's responses to a round's comments (issue 10, point 5): an editor of the region writes
 * an official response to one comment or to a group of them, in fi/sv/en, with a decision, a reason
 * when the comment was not taken into account, and optionally the change that carries it out (a
 * node of a version of the programme from the round's version on). Responses are drafted (only the
 * editors see them) and then published together with one action. Editing a response is
 * conditional on the revision the editor saw. Every change is one transaction with the
 * `consultation` content change and an audit event.
 */
import {
  DECISIONS,
  needsReason,
  RESPONSE_LIMITS,
  type ConsultationResponse,
  type ResponseChange,
  type ResponseDecision,
} from '#src/domain/consultation/response.ts';
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import { LANGS, type LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  findResponse,
  insertResponse,
  listComments,
  listResponses,
  publishDraftResponses,
  responsesOfComments,
  updateResponseIfRevision,
  type CommentRow,
  type ResponseValues,
} from '#src/storage/repositories/consultation-repository.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { listVersions } from '#src/storage/repositories/versions-repository.ts';
import { editTransaction, type EditingContext, type ProgrammeRef } from '../programmes/edit-transaction.ts';
import { loadRound, type RoundInContext } from './rounds.ts';

export interface ResponseInput {
  /** The comments answered (approved comments of the round no other response answers). */
  comments: readonly number[];
  text: LocalizedText;
  decision: ResponseDecision;
  /** Why the comment was not taken into account (required for that decision, else kept when given). */
  reason: LocalizedText | null;
  change: ResponseChange | null;
}

/** The responses desk of a round: its approved comments and every response, drafts included. */
export async function responseDesk(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
): Promise<RoundInContext & { comments: CommentRow[]; responses: ConsultationResponse[]; versions: number[] }> {
  const loaded = await loadRound(db, ref, slug);
  const [comments, responses, versions] = await Promise.all([
    listComments(db, loaded.round.id, ['approved']),
    listResponses(db, loaded.round.id),
    listVersions(db, loaded.programme.id),
  ]);
  return {
    ...loaded,
    comments,
    responses,
    versions: versions.filter((v) => v.number >= loaded.version.number).map((v) => v.number),
  };
}

const trimmed = (t: LocalizedText | null): LocalizedText | null => {
  if (t === null) return null;
  const out: LocalizedText = {};
  for (const l of LANGS) {
    const v = t[l]?.trim();
    if (v) out[l] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
};

/** The input's own checks (before the database is asked): texts, decision, reason. */
function checkInput(input: ResponseInput): { values: ResponseValues; problems: FieldErrorMap } {
  const problems: FieldErrorMap = {};
  const text = trimmed(input.text) ?? {};
  const reason = trimmed(input.reason);
  if (input.comments.length === 0)
    problems['comments'] = fieldProblem('response_comments', 'choose at least one comment to answer');
  if (!text.fi) problems['text.fi'] = fieldProblem('required_fi', 'is required in Finnish');
  for (const l of LANGS)
    if ((text[l]?.length ?? 0) > RESPONSE_LIMITS.text)
      problems[`text.${l}`] = fieldProblem('too_long', `must be at most ${RESPONSE_LIMITS.text} characters`, {
        max: RESPONSE_LIMITS.text,
        length: text[l]!.length,
      });
  if (!DECISIONS.includes(input.decision))
    problems['decision'] = fieldProblem('response_decision', `must be one of ${DECISIONS.join(', ')}`);
  else if (needsReason(input.decision) && !reason?.fi)
    problems['reason.fi'] = fieldProblem(
      'response_reason',
      'give the reason in Finnish why the comment was not taken into account',
    );
  for (const l of LANGS)
    if ((reason?.[l]?.length ?? 0) > RESPONSE_LIMITS.reason)
      problems[`reason.${l}`] = fieldProblem('too_long', `must be at most ${RESPONSE_LIMITS.reason} characters`, {
        max: RESPONSE_LIMITS.reason,
        length: reason![l]!.length,
      });
  return { values: { text, decision: input.decision, reason, change: input.change }, problems };
}

/** Checks against the stored round: the comments, and that the change's version and node exist. */
async function checkStored(
  db: Executor,
  loaded: RoundInContext,
  input: ResponseInput,
  self: number | null,
  problems: FieldErrorMap,
): Promise<void> {
  const approved = new Map((await listComments(db, loaded.round.id, ['approved'])).map((c) => [c.id, c]));
  const answered = await responsesOfComments(db, input.comments);
  const wrong = input.comments.filter((id) => !approved.has(id));
  const taken = input.comments.filter((id) => answered.has(id) && answered.get(id) !== self);
  if (wrong.length > 0)
    problems['comments'] = fieldProblem(
      'response_comment_unknown',
      `not a published comment of this round: ${wrong.map((id) => `#${id}`).join(', ')}`,
      { ids: wrong.map((id) => `#${id}`).join(', ') },
    );
  else if (taken.length > 0)
    problems['comments'] = fieldProblem(
      'response_comment_answered',
      `already answered by another response: ${taken.map((id) => `#${id}`).join(', ')}`,
      { ids: taken.map((id) => `#${id}`).join(', ') },
    );
  if (input.change) {
    const version = (await listVersions(db, loaded.programme.id)).find((v) => v.number === input.change!.version);
    if (!version || version.number < loaded.version.number)
      problems['changeVersion'] = fieldProblem(
        'response_change_version',
        `must be a version of the programme from version ${loaded.version.number} on`,
        { from: loaded.version.number },
      );
    else if (!(await findNode(db, version.id, input.change.nodeKey)))
      problems['changeNode'] = fieldProblem(
        'response_change_node',
        `version ${version.number} has no node "${input.change.nodeKey}"`,
        { version: version.number, node: input.change.nodeKey },
      );
  }
}

const describe = (r: Pick<ConsultationResponse, 'decision' | 'change' | 'commentIds' | 'status'>) => ({
  decision: r.decision,
  comments: r.commentIds,
  change: r.change,
  status: r.status,
});

/** What a stale form is shown beside: the response as stored now. */
export interface StoredResponse {
  id: number;
  revision: number;
  text: LocalizedText;
  decision: ResponseDecision;
  reason: LocalizedText | null;
  change: ResponseChange | null;
  status: ConsultationResponse['status'];
  comments: number[];
}

/**
 * Drafts a new response (`id` null) or rewrites response `id` when it is still at `revision`
 * (a published response stays published). Answers the response as stored.
 */
export async function saveResponse(
  ctx: EditingContext & { clock?: () => Date },
  actor: Actor,
  ref: ProgrammeRef,
  slug: string,
  target: { id: number; revision: number } | null,
  input: ResponseInput,
): Promise<ConsultationResponse> {
  const comments = [...new Set(input.comments)].sort((a, b) => a - b);
  const { values, problems } = checkInput({ ...input, comments });
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const loaded = await loadRound(trx, ref, slug);
    const existing = target ? await findResponse(trx, target.id) : null;
    if (target && (!existing || existing.roundId !== loaded.round.id))
      throw notFound(`Response #${target.id} of round "${slug}"`);
    if (existing && target && existing.revision !== target.revision)
      throw new EditConflict<StoredResponse>(`Response #${existing.id} was changed meanwhile`, {
        id: existing.id,
        revision: existing.revision,
        text: existing.text,
        decision: existing.decision,
        reason: existing.reason,
        change: existing.change,
        status: existing.status,
        comments: existing.commentIds,
      });
    await checkStored(trx, loaded, { ...input, comments }, existing?.id ?? null, problems);
    if (Object.keys(problems).length > 0) throw new FieldErrors('The response was not accepted', problems);
    const now = (ctx.clock?.() ?? new Date()).toISOString();
    let id: number;
    if (existing && target) {
      if (!(await updateResponseIfRevision(trx, existing.id, target.revision, values, comments, now)))
        throw new EditConflict(`Response #${existing.id} was changed meanwhile`, {
          id: existing.id,
          revision: existing.revision,
        });
      id = existing.id;
    } else id = await insertResponse(trx, loaded.round.id, values, comments, now);
    const saved = (await findResponse(trx, id))!;
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: existing ? 'consultation.response.update' : 'consultation.response.create',
      entityType: 'consultation_response',
      entityId: String(id),
      summary: `${existing ? 'Updated' : 'Drafted'} response #${id} of round "${slug}" to ${comments
        .map((c) => `#${c}`)
        .join(', ')} (${values.decision})`,
      before: existing ? describe(existing) : null,
      after: describe(saved),
    });
    return saved;
  });
}

/** Publishes every drafted response of the round at once; answers how many were published. */
export async function publishResponses(
  ctx: EditingContext & { clock?: () => Date },
  actor: Actor,
  ref: ProgrammeRef,
  slug: string,
): Promise<number> {
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const { round } = await loadRound(trx, ref, slug);
    const now = (ctx.clock?.() ?? new Date()).toISOString();
    const ids = await publishDraftResponses(trx, round.id, now);
    if (ids.length === 0)
      throw new AppError('conflict', `Round "${slug}" has no drafted responses to publish`, [], {
        code: 'no_draft_responses',
      });
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'consultation.response.publish',
      entityType: 'consultation_round',
      entityId: String(round.id),
      summary: `Published ${ids.length} response(s) of round "${slug}": ${ids.map((id) => `#${id}`).join(', ')}`,
      after: { published: ids },
    });
    return ids.length;
  });
}
