/**
 * Consultation rounds, the comments and statements sent to them, and the council's responses
 * (migration 0012-consultation). Row types come from schema.ts; JSON columns become domain values
 * here. Updates of a comment or a round are conditional on its revision.
 */
import type { Insertable, Selectable } from 'kysely';
import type { AnchorState } from '#src/domain/consultation/anchors.ts';
import type { CommentKind, CommentStatus, PublishAs, RespondentType } from '#src/domain/consultation/comment.ts';
import type { PreModeration, Round } from '#src/domain/consultation/round.ts';
import type { ConsultationResponse, ResponseDecision, ResponseStatus } from '#src/domain/consultation/response.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import type { Executor } from '../executor.ts';
import type {
  ConsultationAttachmentTable,
  ConsultationCommentTable,
  ConsultationResponseTable,
  ConsultationRoundTable,
} from '../schema.ts';
import { requiredTextFromJson } from '../json-text.ts';

export type RoundValues = Omit<Round, 'id' | 'revision' | 'personalDataRemovedAt'>;

function toRound(r: Selectable<ConsultationRoundTable>): Round {
  return {
    id: r.id,
    regionCode: r.region_code,
    programmeId: r.programme_id,
    versionId: r.version_id,
    slug: r.slug,
    title: requiredTextFromJson(r.title),
    intro: requiredTextFromJson(r.intro),
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    questions: JSON.parse(r.questions) as Round['questions'],
    documents: JSON.parse(r.documents) as Round['documents'],
    rejectReasons: JSON.parse(r.reject_reasons) as Round['rejectReasons'],
    preModeration: r.pre_moderation as PreModeration,
    retentionUntil: r.retention_until,
    personalDataRemovedAt: r.personal_data_removed_at,
    revision: r.revision,
  };
}

/** Stores a round with the node tree of its version as consulted (`text`, see roundText). */
export async function insertRound(
  db: Executor,
  v: RoundValues,
  now: string,
  text: readonly TreeNode[],
): Promise<number> {
  const row = await db
    .insertInto('consultation_rounds')
    .values({
      region_code: v.regionCode,
      programme_id: v.programmeId,
      version_id: v.versionId,
      slug: v.slug,
      title: JSON.stringify(v.title),
      intro: JSON.stringify(v.intro),
      opens_at: v.opensAt,
      closes_at: v.closesAt,
      questions: JSON.stringify(v.questions),
      documents: JSON.stringify(v.documents),
      reject_reasons: JSON.stringify(v.rejectReasons),
      pre_moderation: v.preModeration,
      retention_until: v.retentionUntil,
      text_snapshot: JSON.stringify(text),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The node tree a round showed when it was opened, or null for a round stored without it. */
export async function roundText(db: Executor, roundId: number): Promise<TreeNode[] | null> {
  const row = await db
    .selectFrom('consultation_rounds')
    .select('text_snapshot')
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row?.text_snapshot ? (JSON.parse(row.text_snapshot) as TreeNode[]) : null;
}

/** The rounds of a programme, the newest opening first. */
export async function listRounds(db: Executor, programmeId: number): Promise<Round[]> {
  const rows = await db
    .selectFrom('consultation_rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('opens_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRound);
}

export async function findRound(db: Executor, programmeId: number, slug: string): Promise<Round | null> {
  const row = await db
    .selectFrom('consultation_rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

export async function findRoundById(db: Executor, id: number): Promise<Round | null> {
  const row = await db.selectFrom('consultation_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRound(row) : null;
}

/** A stored comment or statement. */
export interface CommentRow {
  id: number;
  roundId: number;
  kind: CommentKind;
  status: CommentStatus;
  versionId: number;
  nodeKey: string | null;
  paragraphIndex: number | null;
  textLang: string;
  quote: string;
  quoteBefore: string;
  quoteAfter: string;
  anchorState: AnchorState;
  anchorVersionId: number | null;
  anchorParagraphIndex: number | null;
  anchorQuote: string | null;
  body: string;
  redactedBody: string | null;
  redactionReason: string | null;
  respondentType: RespondentType;
  publishAs: PublishAs;
  authorName: string | null;
  authorEmail: string | null;
  organisation: string | null;
  businessId: string | null;
  signerRole: string | null;
  answers: Record<string, string>;
  uiLang: string;
  submittedAt: string;
  heldReason: string | null;
  rejectReason: string | null;
  mergedInto: number | null;
  moderatedAt: string | null;
  moderatedBy: string | null;
  personalDataRemovedAt: string | null;
  revision: number;
}

function toComment(r: Selectable<ConsultationCommentTable>): CommentRow {
  return {
    id: r.id,
    roundId: r.round_id,
    kind: r.kind as CommentKind,
    status: r.status as CommentStatus,
    versionId: r.version_id,
    nodeKey: r.node_key,
    paragraphIndex: r.paragraph_index,
    textLang: r.text_lang,
    quote: r.quote,
    quoteBefore: r.quote_before,
    quoteAfter: r.quote_after,
    anchorState: r.anchor_state as AnchorState,
    anchorVersionId: r.anchor_version_id,
    anchorParagraphIndex: r.anchor_paragraph_index,
    anchorQuote: r.anchor_quote,
    body: r.body,
    redactedBody: r.redacted_body,
    redactionReason: r.redaction_reason,
    respondentType: r.respondent_type as RespondentType,
    publishAs: r.publish_as as PublishAs,
    authorName: r.author_name,
    authorEmail: r.author_email,
    organisation: r.organisation,
    businessId: r.business_id,
    signerRole: r.signer_role,
    answers: JSON.parse(r.answers) as Record<string, string>,
    uiLang: r.ui_lang,
    submittedAt: r.submitted_at,
    heldReason: r.held_reason,
    rejectReason: r.reject_reason,
    mergedInto: r.merged_into,
    moderatedAt: r.moderated_at,
    moderatedBy: r.moderated_by,
    personalDataRemovedAt: r.personal_data_removed_at,
    revision: r.revision,
  };
}

export type NewComment = Omit<
  Insertable<ConsultationCommentTable>,
  'id' | 'revision' | 'anchor_state' | 'anchor_version_id' | 'anchor_paragraph_index' | 'anchor_quote' | 'anchored_at'
>;

/**
 * Stores a comment unless one with the same idempotency key exists (a double submit): answers the
 * stored comment and whether this call made it.
 */
export async function insertCommentOnce(
  db: Executor,
  c: NewComment,
): Promise<{ comment: CommentRow; created: boolean }> {
  const inserted = await db
    .insertInto('consultation_comments')
    .values({ ...c, anchor_version_id: c.version_id, anchor_paragraph_index: c.paragraph_index })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  const row = await db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('idempotency_key', '=', c.idempotency_key)
    .executeTakeFirstOrThrow();
  return { comment: toComment(row), created: inserted !== undefined };
}

export async function findComment(db: Executor, id: number): Promise<CommentRow | null> {
  const row = await db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toComment(row) : null;
}

/** The comments of a round (optionally of some states), in the order they came. */
export async function listComments(
  db: Executor,
  roundId: number,
  statuses?: readonly CommentStatus[],
): Promise<CommentRow[]> {
  let q = db.selectFrom('consultation_comments').selectAll().where('round_id', '=', roundId);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return (await q.orderBy('submitted_at').orderBy('id').execute()).map(toComment);
}

export type ModerationPatch = Partial<
  Pick<
    Selectable<ConsultationCommentTable>,
    'status' | 'reject_reason' | 'merged_into' | 'moderated_at' | 'moderated_by' | 'redacted_body' | 'redaction_reason'
  >
>;

/** Applies a moderator's decision when the comment is still at `revision`; false when it moved on. */
export async function moderateCommentIfRevision(
  db: Executor,
  id: number,
  revision: number,
  patch: ModerationPatch,
): Promise<boolean> {
  const result = await db
    .updateTable('consultation_comments')
    .set({ ...patch, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many comments a round holds in each state. */
export async function countCommentsByStatus(db: Executor, roundId: number): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('consultation_comments')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('round_id', '=', roundId)
    .groupBy('status')
    .execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, merged: 0 };
  for (const r of rows) counts[r.status as CommentStatus] = Number(r.n);
  return counts;
}

/** The anchor a comment was last matched to (re-anchoring); the anchor as sent is never changed. */
export async function updateAnchor(
  db: Executor,
  id: number,
  anchor: Pick<
    Selectable<ConsultationCommentTable>,
    'anchor_state' | 'anchor_version_id' | 'anchor_paragraph_index' | 'anchor_quote' | 'anchored_at'
  >,
): Promise<void> {
  await db.updateTable('consultation_comments').set(anchor).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------
// The council's responses (consultation_responses, consultation_response_comments)

function toResponse(r: Selectable<ConsultationResponseTable>, commentIds: number[]): ConsultationResponse {
  return {
    id: r.id,
    roundId: r.round_id,
    text: requiredTextFromJson(r.text),
    decision: r.decision as ResponseDecision,
    reason: r.reason === null ? null : requiredTextFromJson(r.reason),
    change:
      r.change_version !== null && r.change_node_key !== null
        ? { version: r.change_version, nodeKey: r.change_node_key }
        : null,
    status: r.status as ResponseStatus,
    publishedAt: r.published_at,
    revision: r.revision,
    commentIds,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What a response holds besides its comments, as written. */
export type ResponseValues = Pick<ConsultationResponse, 'text' | 'decision' | 'reason' | 'change'>;

const responseColumns = (v: ResponseValues) => ({
  text: JSON.stringify(v.text),
  decision: v.decision,
  reason: v.reason === null ? null : JSON.stringify(v.reason),
  change_version: v.change?.version ?? null,
  change_node_key: v.change?.nodeKey ?? null,
});

/** The responses of a round (optionally only published ones), oldest first, each with its comment ids. */
export async function listResponses(
  db: Executor,
  roundId: number,
  options: { publishedOnly?: boolean } = {},
): Promise<ConsultationResponse[]> {
  let q = db.selectFrom('consultation_responses').selectAll().where('round_id', '=', roundId);
  if (options.publishedOnly) q = q.where('status', '=', 'published');
  const rows = await q.orderBy('id').execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('consultation_response_comments')
    .innerJoin('consultation_responses', 'consultation_responses.id', 'consultation_response_comments.response_id')
    .select([
      'consultation_response_comments.response_id as response_id',
      'consultation_response_comments.comment_id as comment_id',
    ])
    .where('consultation_responses.round_id', '=', roundId)
    .orderBy('consultation_response_comments.comment_id')
    .execute();
  const byResponse = new Map<number, number[]>();
  for (const l of links) byResponse.set(l.response_id, [...(byResponse.get(l.response_id) ?? []), l.comment_id]);
  return rows.map((r) => toResponse(r, byResponse.get(r.id) ?? []));
}

export async function findResponse(db: Executor, id: number): Promise<ConsultationResponse | null> {
  const row = await db.selectFrom('consultation_responses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const links = await db
    .selectFrom('consultation_response_comments')
    .select('comment_id')
    .where('response_id', '=', id)
    .orderBy('comment_id')
    .execute();
  return toResponse(
    row,
    links.map((l) => l.comment_id),
  );
}

/** Which response (id) answers each of `commentIds` that has one. */
export async function responsesOfComments(db: Executor, commentIds: readonly number[]): Promise<Map<number, number>> {
  if (commentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('consultation_response_comments')
    .select(['comment_id', 'response_id'])
    .where('comment_id', 'in', [...commentIds])
    .execute();
  return new Map(rows.map((r) => [r.comment_id, r.response_id]));
}

async function linkComments(db: Executor, responseId: number, commentIds: readonly number[]): Promise<void> {
  await db.deleteFrom('consultation_response_comments').where('response_id', '=', responseId).execute();
  if (commentIds.length > 0)
    await db
      .insertInto('consultation_response_comments')
      .values(commentIds.map((comment_id) => ({ response_id: responseId, comment_id })))
      .execute();
}

/** Stores a new draft response to `commentIds`; answers its id. */
export async function insertResponse(
  db: Executor,
  roundId: number,
  v: ResponseValues,
  commentIds: readonly number[],
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('consultation_responses')
    .values({ round_id: roundId, ...responseColumns(v), status: 'draft', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkComments(db, row.id, commentIds);
  return row.id;
}

/** Rewrites a response (and the comments it answers) when it is still at `revision`; false when it moved on. */
export async function updateResponseIfRevision(
  db: Executor,
  id: number,
  revision: number,
  v: ResponseValues,
  commentIds: readonly number[],
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('consultation_responses')
    .set({ ...responseColumns(v), revision: revision + 1, updated_at: now })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await linkComments(db, id, commentIds);
  return true;
}

/** Publishes every drafted response of a round at `now`; answers the ids published. */
export async function publishDraftResponses(db: Executor, roundId: number, now: string): Promise<number[]> {
  const drafts = await db
    .selectFrom('consultation_responses')
    .select(['id', 'revision'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'draft')
    .orderBy('id')
    .execute();
  for (const d of drafts)
    await db
      .updateTable('consultation_responses')
      .set({ status: 'published', published_at: now, updated_at: now, revision: d.revision + 1 })
      .where('id', '=', d.id)
      .execute();
  return drafts.map((d) => d.id);
}

/** An attachment of a comment without its bytes. */
export interface AttachmentMeta {
  id: number;
  commentId: number;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

const ATTACHMENT_META = ['id', 'comment_id', 'file_name', 'media_type', 'bytes', 'sha256'] as const;

function toAttachmentMeta(
  r: Pick<Selectable<ConsultationAttachmentTable>, (typeof ATTACHMENT_META)[number]>,
): AttachmentMeta {
  return {
    id: r.id,
    commentId: r.comment_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    bytes: Number(r.bytes),
    sha256: r.sha256,
  };
}

export async function insertAttachment(
  db: Executor,
  a: Omit<Insertable<ConsultationAttachmentTable>, 'id'>,
): Promise<number> {
  const row = await db.insertInto('consultation_attachments').values(a).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The attachment of a comment (its first one), without the bytes; null when it has none. */
export async function findAttachmentMeta(db: Executor, commentId: number): Promise<AttachmentMeta | null> {
  const row = await db
    .selectFrom('consultation_attachments')
    .select(ATTACHMENT_META)
    .where('comment_id', '=', commentId)
    .orderBy('id')
    .executeTakeFirst();
  return row ? toAttachmentMeta(row) : null;
}

/** The attachments of a round's comments, without the bytes, by comment id. */
export async function listAttachmentMeta(db: Executor, roundId: number): Promise<Map<number, AttachmentMeta>> {
  const rows = await db
    .selectFrom('consultation_attachments')
    .innerJoin('consultation_comments', 'consultation_comments.id', 'consultation_attachments.comment_id')
    .select(ATTACHMENT_META.map((c) => `consultation_attachments.${c}` as const))
    .where('consultation_comments.round_id', '=', roundId)
    .orderBy('consultation_attachments.id')
    .execute();
  const out = new Map<number, AttachmentMeta>();
  for (const r of rows) if (!out.has(r.comment_id)) out.set(r.comment_id, toAttachmentMeta(r));
  return out;
}

/** The bytes of an attachment. */
export async function attachmentBody(db: Executor, id: number): Promise<Buffer> {
  const row = await db
    .selectFrom('consultation_attachments')
    .select('body')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.body);
}

/** Replaces a comment's text and answers (a redaction) when it is still at `revision`; false when it moved on. */
export async function redactCommentIfRevision(
  db: Executor,
  id: number,
  revision: number,
  patch: Pick<Selectable<ConsultationCommentTable>, 'body' | 'redacted_body' | 'redaction_reason' | 'answers'>,
): Promise<boolean> {
  const result = await db
    .updateTable('consultation_comments')
    .set({ ...patch, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- Privacy (issue 10, point 7): removing commenters' personal data, the text kept ----

/** The columns that name or reach a person: cleared on removal (the organisation of a statement stays). */
const PERSONAL_DATA_CLEARED = { author_name: null, author_email: null, business_id: null, signer_role: null } as const;

/**
 * The rounds (of every region) whose retention date is before `today` (an ISO date) and whose
 * personal data has not been removed yet, each with its programme's slug.
 */
export async function listRoundsPastRetention(
  db: Executor,
  today: string,
): Promise<{ round: Round; programmeSlug: string }[]> {
  const rows = await db
    .selectFrom('consultation_rounds')
    .innerJoin('programmes', 'programmes.id', 'consultation_rounds.programme_id')
    .selectAll('consultation_rounds')
    .select('programmes.slug as programme_slug')
    .where('consultation_rounds.retention_until', 'is not', null)
    .where('consultation_rounds.retention_until', '<', today)
    .where('consultation_rounds.personal_data_removed_at', 'is', null)
    .orderBy('consultation_rounds.id')
    .execute();
  return rows.map(({ programme_slug, ...r }) => ({ round: toRound(r), programmeSlug: programme_slug }));
}

/** The ids of a round's comments that still hold a name, an e-mail address, a business id or a role. */
export async function commentsWithPersonalData(db: Executor, roundId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consultation_comments')
    .select('id')
    .where('round_id', '=', roundId)
    .where((eb) =>
      eb.or([
        eb('author_name', 'is not', null),
        eb('author_email', 'is not', null),
        eb('business_id', 'is not', null),
        eb('signer_role', 'is not', null),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The ids of the comments of `regionCode`'s rounds sent with the e-mail address `email` (letter case ignored). */
export async function commentsByEmail(db: Executor, regionCode: string, email: string): Promise<number[]> {
  const rows = await db
    .selectFrom('consultation_comments')
    .innerJoin('consultation_rounds', 'consultation_rounds.id', 'consultation_comments.round_id')
    .select('consultation_comments.id')
    .where('consultation_rounds.region_code', '=', regionCode)
    .where((eb) => eb(eb.fn('lower', ['consultation_comments.author_email']), '=', email.trim().toLowerCase()))
    .orderBy('consultation_comments.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The region of a comment's round, or null when there is no such comment. */
export async function regionOfComment(db: Executor, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('consultation_comments')
    .innerJoin('consultation_rounds', 'consultation_rounds.id', 'consultation_comments.round_id')
    .select('consultation_rounds.region_code')
    .where('consultation_comments.id', '=', id)
    .executeTakeFirst();
  return row?.region_code ?? null;
}

/** Clears the name, e-mail address, business id and signer role of the comments `ids`; answers how many changed. */
export async function clearPersonalData(db: Executor, ids: readonly number[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('consultation_comments')
    .set((eb) => ({ ...PERSONAL_DATA_CLEARED, personal_data_removed_at: at, revision: eb('revision', '+', 1) }))
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks a round's personal data as removed (its retention date passed). */
export async function markRoundPersonalDataRemoved(db: Executor, roundId: number, at: string): Promise<void> {
  await db
    .updateTable('consultation_rounds')
    .set({ personal_data_removed_at: at })
    .where('id', '=', roundId)
    .where('personal_data_removed_at', 'is', null)
    .execute();
}

/** A published response of the council to comments of a round, with the comments it answers. */
export interface PublishedResponseRow {
  id: number;
  text: LocalizedText;
  decision: string;
  reason: LocalizedText | null;
  changeVersion: number | null;
  changeNodeKey: string | null;
  publishedAt: string | null;
  commentIds: number[];
}

/** The published responses of a round (status `published`), oldest first, each with the comments it answers. */
export async function listPublishedResponses(db: Executor, roundId: number): Promise<PublishedResponseRow[]> {
  return (await listResponses(db, roundId, { publishedOnly: true })).map((r) => ({
    id: r.id,
    text: r.text,
    decision: r.decision,
    reason: r.reason,
    changeVersion: r.change?.version ?? null,
    changeNodeKey: r.change?.nodeKey ?? null,
    publishedAt: r.publishedAt,
    commentIds: r.commentIds,
  }));
}
