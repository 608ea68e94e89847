/**
 * Sending a comment to a consultation round (issue 10, points 2 and 7): anyone, without signing in
 * and without JavaScript. The round must be open; the anchor (node, paragraph, quote with its
 * context) is made from the round's version in the language the visitor read; the commenter's
 * choice (published with name, anonymously, or not at all) and consent are kept; a form sent twice
 * with the same idempotency key stores one comment. Whether it waits for a moderator follows the
 * round's pre-moderation rule. One transaction with the `consultation` content change and an
 * audit event that names no person.
 *
 * A statement on behalf of an organisation (`submitStatement`) is stored the same way, as kind
 * `statement` on the whole programme, with the organisation, its business id, the signer, the
 * answers to the round's questions and an optional PDF attachment (stored in the database with its
 * SHA-256; see domain/consultation/attachment.ts for what is taken).
 */
import { createHash } from 'node:crypto';
import { makeAnchor, paragraphsOf, wholeNodeAnchor, type CommentAnchor } from '#src/domain/consultation/anchors.ts';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPE,
  attachmentFileName,
  attachmentProblem,
} from '#src/domain/consultation/attachment.ts';
import {
  COMMENT_LIMITS,
  heldReason,
  isBusinessId,
  type CommentKind,
  type PublishAs,
  type RespondentType,
} from '#src/domain/consultation/comment.ts';
import { STATEMENT_RESPONDENTS, type StatementRespondent } from '#src/domain/consultation/statement.ts';
import { commentableText } from '#src/domain/consultation/commentable.ts';
import { roundPhase, type Round } from '#src/domain/consultation/round.ts';
import { FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import type { Lang } from '#src/domain/languages.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  insertAttachment,
  insertCommentOnce,
  type CommentRow,
} from '#src/storage/repositories/consultation-repository.ts';
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

/** The fields of a new comment or statement that the two kinds fill alike. */
interface Submission {
  kind: CommentKind;
  nodeKey: string | null;
  anchor: CommentAnchor;
  textLang: Lang;
  body: string;
  answers: Record<string, string>;
  respondentType: RespondentType;
  publishAs: PublishAs;
  authorName: string | null;
  authorEmail: string | null;
  organisation: string | null;
  businessId: string | null;
  signerRole: string | null;
  uiLang: Lang;
  idempotencyKey: string;
  attachment: { fileName: string; bytes: Uint8Array } | null;
}

/**
 * Stores a submission in `round` (open at `now`), with its attachment and audit event, unless its
 * idempotency key was stored already (a double submit stores nothing new).
 */
async function storeSubmission(
  trx: Executor,
  ref: ProgrammeRef,
  round: Round,
  now: Date,
  s: Submission,
): Promise<{ comment: CommentRow; created: boolean }> {
  const held = heldReason(round.preModeration, {
    body: [s.body, ...Object.values(s.answers)].join('\n'),
    hasAttachment: s.attachment !== null,
  });
  const stored = await insertCommentOnce(trx, {
    round_id: round.id,
    kind: s.kind,
    status: held ? 'pending' : 'approved',
    version_id: round.versionId,
    node_key: s.nodeKey,
    paragraph_index: s.anchor.paragraphIndex,
    text_lang: s.textLang,
    quote: s.anchor.quote ?? '',
    quote_before: s.anchor.before,
    quote_after: s.anchor.after,
    body: s.body,
    respondent_type: s.respondentType,
    publish_as: s.publishAs,
    author_name: s.authorName,
    author_email: s.authorEmail,
    organisation: s.organisation,
    business_id: s.businessId,
    signer_role: s.signerRole,
    answers: JSON.stringify(s.answers),
    ui_lang: s.uiLang,
    idempotency_key: s.idempotencyKey,
    submitted_at: now.toISOString(),
    held_reason: held,
  });
  if (!stored.created) return stored;
  let sha256: string | null = null;
  if (s.attachment) {
    sha256 = createHash('sha256').update(s.attachment.bytes).digest('hex');
    await insertAttachment(trx, {
      comment_id: stored.comment.id,
      file_name: attachmentFileName(s.attachment.fileName),
      media_type: ATTACHMENT_MEDIA_TYPE,
      bytes: s.attachment.bytes.length,
      sha256,
      body: Buffer.from(s.attachment.bytes),
    });
  }
  const what = s.kind === 'statement' ? 'Statement' : 'Comment';
  await insertAuditEvent(trx, {
    actor: { userId: null, label: 'public' },
    regionCode: ref.code,
    action: `consultation.${s.kind}.submit`,
    entityType: 'consultation_comment',
    entityId: String(stored.comment.id),
    summary: `${what} #${stored.comment.id} received in round "${round.slug}"${
      s.nodeKey ? ` on ${s.nodeKey}${s.anchor.paragraphIndex !== null ? ` ¶${s.anchor.paragraphIndex + 1}` : ''}` : ''
    }${sha256 ? ` with a PDF attachment (sha256 ${sha256})` : ''} (${held ? 'waits for moderation' : 'published'})`,
  });
  return stored;
}

const tooLong = (max: number, length: number) =>
  fieldProblem('too_long', `must be at most ${max} characters`, { max, length });

/** The text of a comment or statement: required, at most the limit. */
function checkBody(body: string, what: string): void {
  if (body.trim() === '')
    throw new FieldErrors(`The ${what} was not accepted`, { body: fieldProblem('required', 'is required') });
  if (body.length > COMMENT_LIMITS.body)
    throw new FieldErrors(`The ${what} was not accepted`, { body: tooLong(COMMENT_LIMITS.body, body.length) });
}

/** Sends a comment; answers the stored comment and whether this call stored it (false: a double submit). */
export async function submitComment(
  ctx: EditingContext & { clock?: () => Date },
  ref: ProgrammeRef,
  roundSlug: string,
  input: CommentInput,
): Promise<{ comment: CommentRow; created: boolean }> {
  checkBody(input.body, 'comment');
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
    return storeSubmission(trx, ref, round, now, {
      kind: 'comment',
      nodeKey: input.nodeKey,
      anchor,
      textLang,
      body: input.body.trim(),
      answers: input.answers ?? {},
      respondentType: input.respondentType,
      publishAs: input.publishAs,
      authorName: input.name,
      authorEmail: input.email,
      organisation: input.organisation,
      businessId: null,
      signerRole: null,
      uiLang: input.lang,
      idempotencyKey: input.idempotencyKey,
      attachment: null,
    });
  });
}

export interface StatementInput {
  /** The language of the form the organisation filled in. */
  lang: Lang;
  organisation: string;
  /** The Y-tunnus, or null when not given. */
  businessId: string | null;
  signerName: string | null;
  signerRole: string | null;
  email: string | null;
  respondentType: StatementRespondent;
  /** Answers by question key of the round (empty answers left out). */
  answers: Record<string, string>;
  body: string;
  publishAs: PublishAs;
  /** An optional PDF (checked here by its bytes). */
  attachment: { fileName: string; bytes: Uint8Array } | null;
  idempotencyKey: string;
}

/** Why a statement's fields are refused (before the transaction). */
function statementProblems(input: StatementInput): FieldErrorMap {
  const problems: FieldErrorMap = {};
  const organisation = input.organisation.trim();
  if (organisation === '') problems['organisation'] = fieldProblem('required', 'is required');
  else if (organisation.length > COMMENT_LIMITS.organisation)
    problems['organisation'] = tooLong(COMMENT_LIMITS.organisation, organisation.length);
  if (input.businessId !== null && !isBusinessId(input.businessId))
    problems['businessId'] = fieldProblem('business_id', 'must be a Finnish business id such as 1234567-1 (Y-tunnus)');
  for (const [field, value, max] of [
    ['signerName', input.signerName, COMMENT_LIMITS.name],
    ['signerRole', input.signerRole, COMMENT_LIMITS.role],
    ['email', input.email, COMMENT_LIMITS.email],
  ] as const)
    if (value !== null && value.length > max) problems[field] = tooLong(max, value.length);
  if (!STATEMENT_RESPONDENTS.includes(input.respondentType))
    problems['respondentType'] = `must be one of: ${STATEMENT_RESPONDENTS.join(', ')}`;
  if (input.body.trim() === '') problems['body'] = fieldProblem('required', 'is required');
  else if (input.body.length > COMMENT_LIMITS.body) problems['body'] = tooLong(COMMENT_LIMITS.body, input.body.length);
  for (const [key, answer] of Object.entries(input.answers))
    if (answer.length > COMMENT_LIMITS.body) problems[`answer.${key}`] = tooLong(COMMENT_LIMITS.body, answer.length);
  if (input.attachment) {
    const problem = attachmentProblem(input.attachment.bytes);
    if (problem)
      problems['file'] = fieldProblem(`attachment_${problem}`, ATTACHMENT_REFUSALS[problem], {
        max: ATTACHMENT_MAX_BYTES / (1024 * 1024),
      });
  }
  return problems;
}

const ATTACHMENT_REFUSALS: Record<NonNullable<ReturnType<typeof attachmentProblem>>, string> = {
  empty: 'the file is empty',
  too_large: `must be at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB`,
  not_pdf: 'must be a PDF file (its content is not a PDF, whatever its name)',
  damaged_pdf: 'the PDF file is damaged or incomplete',
};

/**
 * Sends a statement on behalf of an organisation (kind `statement`, on the whole programme): the
 * organisation (its business id checked when given), the signer, the answers to the round's
 * questions, the text and an optional PDF stored with its SHA-256. An attachment holds the
 * statement for a moderator under the `links_or_attachments` rule.
 */
export async function submitStatement(
  ctx: EditingContext & { clock?: () => Date },
  ref: ProgrammeRef,
  roundSlug: string,
  input: StatementInput,
): Promise<{ comment: CommentRow; created: boolean }> {
  const problems = statementProblems(input);
  if (Object.keys(problems).length > 0) throw new FieldErrors('The statement was not accepted', problems);
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const { round } = await loadRound(trx, ref, roundSlug);
    const now = ctx.clock?.() ?? new Date();
    refuseUnlessOpen(roundPhase(round, now), round);
    const keys = new Set(round.questions.map((q) => q.key));
    const unknown = Object.keys(input.answers).filter((k) => !keys.has(k));
    if (unknown.length > 0)
      throw new FieldErrors('The statement was not accepted', {
        [`answer.${unknown[0]}`]: `is not a question of the round (${unknown.join(', ')})`,
      });
    const answers = Object.fromEntries(
      round.questions.map((q) => [q.key, (input.answers[q.key] ?? '').trim()] as const).filter(([, a]) => a !== ''),
    );
    return storeSubmission(trx, ref, round, now, {
      kind: 'statement',
      nodeKey: null,
      anchor: wholeNodeAnchor(),
      textLang: input.lang,
      body: input.body.trim(),
      answers,
      respondentType: input.respondentType,
      publishAs: input.publishAs,
      authorName: input.signerName,
      authorEmail: input.email,
      organisation: input.organisation.trim(),
      businessId: input.businessId,
      signerRole: input.signerRole,
      uiLang: input.lang,
      idempotencyKey: input.idempotencyKey,
      attachment: input.attachment,
    });
  });
}
