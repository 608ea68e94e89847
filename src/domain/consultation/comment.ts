/**
 * Comments and statements sent to a consultation round: their kinds, states and the commenter's
 * choices, what is checked before one is stored, whether it waits for a moderator, and what the
 * public may see of its author.
 */
import type { PreModeration } from './round.ts';

/** A comment (anyone, name optional) or a statement on behalf of an organisation. */
export const COMMENT_KINDS = ['comment', 'statement'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** `pending` waits for a moderator; `approved` is public; `rejected` has a reason; `merged` points at the one it duplicates. */
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'merged'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Who sent it, as the feedback report counts them. */
export const RESPONDENT_TYPES = ['resident', 'municipality', 'authority', 'company', 'organisation', 'other'] as const;
export type RespondentType = (typeof RESPONDENT_TYPES)[number];

/** The commenter's choice: published with the name given, anonymously, or not published at all. */
export const PUBLISH_AS = ['name', 'anonymous', 'none'] as const;
export type PublishAs = (typeof PUBLISH_AS)[number];

export const COMMENT_LIMITS = {
  body: 5000,
  name: 200,
  email: 254,
  organisation: 200,
  businessId: 9,
  role: 200,
} as const;

/** A link in a comment's text: a URL, a `www.` address or a Markdown link. */
const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|\]\(/i;

export function containsLink(text: string): boolean {
  return LINK.test(text);
}

/** Why a new comment waits for a moderator under `rule`, or null when it is public at once. */
export function heldReason(
  rule: PreModeration,
  comment: { body: string; hasAttachment: boolean },
): 'pre_moderation' | 'link' | 'attachment' | null {
  if (rule === 'all') return 'pre_moderation';
  if (rule === 'none') return null;
  if (comment.hasAttachment) return 'attachment';
  return containsLink(comment.body) ? 'link' : null;
}

/** A Finnish business id (Y-tunnus) `1234567-8` whose check digit is right. */
export function isBusinessId(text: string): boolean {
  const m = /^(\d{7})-(\d)$/.exec(text);
  if (!m) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...m[1]!].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const r = sum % 11;
  if (r === 1) return false;
  return (r === 0 ? 0 : 11 - r) === Number(m[2]);
}

/** What the public may show as a comment's author: the name (and organisation), nothing, or null when not to be shown at all. */
export function publicAuthor(c: {
  publishAs: PublishAs;
  authorName: string | null;
  organisation: string | null;
  kind: CommentKind;
}): { name: string | null; organisation: string | null } | null {
  if (c.publishAs === 'none') return null;
  // A statement is the organisation's own: its name is public unless the sender chose "not at all".
  const organisation = c.kind === 'statement' || c.publishAs === 'name' ? c.organisation : null;
  return { name: c.publishAs === 'name' ? c.authorName : null, organisation };
}
