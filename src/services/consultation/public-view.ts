/**
 * What the public sees of a consultation round (issue 10, point 5): the round and its phase, the
 * text on consultation node by node with its numbered paragraphs (in the visitor's language, as
 * anchors count them), the approved comments that their senders allowed to be published with
 * their anchors and counts per node, the council's published responses to them (with the change
 * that carries each out), and how many comments were rejected for each reason.
 */
import { paragraphsOf, type Paragraph } from '#src/domain/consultation/anchors.ts';
import { publicAuthor } from '#src/domain/consultation/comment.ts';
import { commentableText } from '#src/domain/consultation/commentable.ts';
import { roundPhase, type Round, type RoundPhase } from '#src/domain/consultation/round.ts';
import type { Lang, LocalizedText } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import type { Executor } from '#src/storage/executor.ts';
import type { ResponseDecision } from '#src/domain/consultation/response.ts';
import {
  listAttachmentMeta,
  listComments,
  listResponses,
  type AttachmentMeta,
  type CommentRow,
} from '#src/storage/repositories/consultation-repository.ts';
import { loadTree } from '#src/storage/repositories/nodes-repository.ts';
import type { ProgrammeRow } from '#src/storage/repositories/programmes-repository.ts';
import { listVersions, type VersionRow } from '#src/storage/repositories/versions-repository.ts';
import type { ProgrammeRef } from '../programmes/edit-transaction.ts';
import { loadRound, roundTree } from './rounds.ts';

/** A published comment as the public sees it (no e-mail address, the name only when allowed). */
export interface PublicComment {
  id: number;
  nodeKey: string | null;
  paragraphIndex: number | null;
  /** The language of the text the anchor counts paragraphs in. */
  textLang: string;
  quote: string;
  body: string;
  author: { name: string | null; organisation: string | null };
  /** A statement's signer's role, shown with the name (null when the name is not public). */
  signerRole: string | null;
  /** A statement's answers to the round's questions, in the round's order. */
  answers: { key: string; question: LocalizedText; text: string }[];
  /** A published statement's attachment (downloaded, never shown inline). */
  attachment: { fileName: string; bytes: number } | null;
  /** True when a moderator removed a passage of the text. */
  redacted: boolean;
  kind: CommentRow['kind'];
  respondentType: CommentRow['respondentType'];
  submittedAt: string;
  /** The council's published response to it, or null. */
  response: PublicResponse | null;
}

/** A published response of the council, with the change that carries it out (its node's path in that version). */
export interface PublicResponse {
  id: number;
  text: LocalizedText;
  decision: ResponseDecision;
  reason: LocalizedText | null;
  change: { version: number; nodeKey: string; path: string[] | null; title: LocalizedText | null } | null;
  commentIds: number[];
  publishedAt: string | null;
}

export interface ConsultationNode {
  key: string;
  depth: number;
  title: LocalizedText;
  /** The language the paragraphs are in (the visitor's, or the fallback shown). */
  textLang: Lang;
  paragraphs: Paragraph[];
  /** Published comments on the node (whole node and its paragraphs). */
  comments: PublicComment[];
}

export interface ConsultationView {
  round: Round;
  phase: RoundPhase;
  programme: ProgrammeRow;
  version: VersionRow;
  nodes: ConsultationNode[];
  /** Published comments on the whole programme. */
  programmeComments: PublicComment[];
  counts: { published: number; waiting: number; rejected: number };
  /** Rejected comments per reason code of the round. */
  rejections: Record<string, number>;
}

/** The round's published responses, keyed by each comment they answer. */
export async function publishedResponses(
  db: Executor,
  round: Round,
  programme: ProgrammeRow,
): Promise<Map<number, PublicResponse>> {
  const responses = await listResponses(db, round.id, { publishedOnly: true });
  const versions = await listVersions(db, programme.id);
  const trees = new Map<number, Map<string, TreeNode>>();
  for (const n of new Set(responses.flatMap((r) => (r.change ? [r.change.version] : [])))) {
    const version = versions.find((v) => v.number === n);
    if (version)
      trees.set(n, new Map(flatten(await loadTree(db, version.id, programme.levels)).map((t) => [t.key, t])));
  }
  const byComment = new Map<number, PublicResponse>();
  for (const r of responses) {
    const node = r.change ? trees.get(r.change.version)?.get(r.change.nodeKey) : undefined;
    const shown: PublicResponse = {
      id: r.id,
      text: r.text,
      decision: r.decision,
      reason: r.reason,
      change: r.change ? { ...r.change, path: node?.path ?? null, title: node?.title ?? null } : null,
      commentIds: r.commentIds,
      publishedAt: r.publishedAt,
    };
    for (const id of r.commentIds) byComment.set(id, shown);
  }
  return byComment;
}

export function publicComment(
  c: CommentRow,
  extras: {
    responses?: ReadonlyMap<number, PublicResponse>;
    questions?: Round['questions'];
    attachment?: AttachmentMeta | undefined;
  } = {},
): PublicComment | null {
  if (c.status !== 'approved') return null;
  const author = publicAuthor(c);
  if (!author) return null;
  return {
    signerRole: author.name !== null ? c.signerRole : null,
    redacted: c.redactionReason !== null,
    answers: (extras.questions ?? [])
      .filter((q) => (c.answers[q.key] ?? '') !== '')
      .map((q) => ({ key: q.key, question: q.text, text: c.answers[q.key]! })),
    attachment:
      c.kind === 'statement' && extras.attachment
        ? { fileName: extras.attachment.fileName, bytes: extras.attachment.bytes }
        : null,
    id: c.id,
    nodeKey: c.nodeKey,
    paragraphIndex: c.paragraphIndex,
    textLang: c.textLang,
    quote: c.quote,
    body: c.redactedBody ?? c.body,
    author,
    kind: c.kind,
    respondentType: c.respondentType,
    submittedAt: c.submittedAt,
    response: extras.responses?.get(c.id) ?? null,
  };
}

export function flatten(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

export async function consultationView(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
  lang: Lang,
  now: Date,
): Promise<ConsultationView> {
  const { round, programme, version } = await loadRound(db, ref, slug);
  const [tree, comments, responses, attachments] = await Promise.all([
    roundTree(db, round, programme.levels),
    listComments(db, round.id),
    publishedResponses(db, round, programme),
    listAttachmentMeta(db, round.id),
  ]);
  const shown = comments
    .map((c) => publicComment(c, { responses, questions: round.questions, attachment: attachments.get(c.id) }))
    .filter((c): c is PublicComment => c !== null);
  const rejections: Record<string, number> = Object.fromEntries(round.rejectReasons.map((r) => [r.code, 0]));
  for (const c of comments)
    if (c.status === 'rejected' && c.rejectReason) rejections[c.rejectReason] = (rejections[c.rejectReason] ?? 0) + 1;
  const nodes = flatten(tree).map((n): ConsultationNode => {
    const text = commentableText(n, lang);
    return {
      key: n.key,
      depth: n.depth,
      title: n.title,
      textLang: text.lang,
      paragraphs: paragraphsOf(text.text),
      comments: shown.filter((c) => c.nodeKey === n.key),
    };
  });
  return {
    round,
    phase: roundPhase(round, now),
    programme,
    version,
    nodes,
    programmeComments: shown.filter((c) => c.nodeKey === null),
    counts: {
      published: shown.length,
      waiting: comments.filter((c) => c.status === 'pending').length,
      rejected: comments.filter((c) => c.status === 'rejected').length,
    },
    rejections,
  };
}
