/**
 * CSV of a consultation round's published comments (written by lib/csv.ts: RFC 4180, UTF-8 with a
 * byte order mark, formula cells neutralised): one row per comment, exactly what the JSON route
 * publishes of it (never an e-mail address; names only as the sender allowed and the retention
 * date permits), with the numbers of the published responses that answer it.
 */
import { toCsv } from '#src/lib/csv.ts';
import type { PublicRoundComments } from './present-consultation.ts';

export const COMMENT_CSV_COLUMNS = [
  'id',
  'kind',
  'node',
  'paragraph',
  'quote',
  'body',
  'author_name',
  'organisation',
  'respondent_type',
  'submitted_at',
  'anchor_state',
  'responses',
] as const;

export function commentsCsv(list: PublicRoundComments): string {
  const rows = list.comments.map((c) => [
    c.id,
    c.kind,
    c.nodeKey,
    c.paragraphIndex === null ? null : c.paragraphIndex + 1,
    c.quote,
    c.body,
    c.author.name,
    c.author.organisation,
    c.respondentType,
    c.submittedAt,
    c.anchor.state,
    list.responses
      .filter((r) => r.comments.includes(c.id))
      .map((r) => r.id)
      .join(' '),
  ]);
  return toCsv([...COMMENT_CSV_COLUMNS], rows);
}
