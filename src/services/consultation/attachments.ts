/**
 * Reading a statement's attachment for a download (issue 10): moderators of the region get every
 * attachment of their rounds; the public only that of an approved statement whose sender allowed
 * publishing (anything else answers "not found", so the public cannot tell that a file exists).
 * The bytes are served by the edge as a download, never inline (http/site/statement-pages.ts).
 */
import { notFound } from '#src/domain/errors.ts';
import type { Executor } from '#src/storage/executor.ts';
import {
  attachmentBody,
  findAttachmentMeta,
  findComment,
  type AttachmentMeta,
  type CommentRow,
} from '#src/storage/repositories/consultation-repository.ts';
import type { ProgrammeRef } from '../programmes/edit-transaction.ts';
import { publicComment } from './public-view.ts';
import { loadRound } from './rounds.ts';

export interface AttachmentDownload {
  meta: AttachmentMeta;
  body: Buffer;
}

async function attachmentOf(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
  commentId: number,
  allowed: (comment: CommentRow) => boolean,
): Promise<AttachmentDownload> {
  const { round } = await loadRound(db, ref, slug);
  const comment = await findComment(db, commentId);
  const missing = notFound(`The attachment of comment #${commentId}`);
  if (!comment || comment.roundId !== round.id || !allowed(comment)) throw missing;
  const meta = await findAttachmentMeta(db, comment.id);
  if (!meta) throw missing;
  return { meta, body: await attachmentBody(db, meta.id) };
}

/** The attachment of a comment of the round, for its moderators (the route checks the role). */
export async function attachmentForModerator(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
  commentId: number,
): Promise<AttachmentDownload> {
  return attachmentOf(db, ref, slug, commentId, () => true);
}

/** The attachment of a published statement whose sender allowed publishing. */
export async function publicAttachment(
  db: Executor,
  ref: ProgrammeRef,
  slug: string,
  commentId: number,
): Promise<AttachmentDownload> {
  return attachmentOf(db, ref, slug, commentId, (c) => c.kind === 'statement' && publicComment(c) !== null);
}
