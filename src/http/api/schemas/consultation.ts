/**
 * JSON shapes of public consultation (issue 10): a round, the comments and statements published
 * in it (only what their senders allowed to be published: never an e-mail address, never a comment
 * sent "not to be published", no name of an anonymous one, no names at all after the round's
 * retention date), and the council's published responses.
 */
import { z } from 'zod';
import { COMMENT_KINDS, RESPONDENT_TYPES } from '#src/domain/consultation/comment.ts';
import { localizedText, named } from './registry.ts';

const isoTime = (what: string) => z.string().describe(`${what} (ISO 8601 time, UTC).`);

export const consultationRound = named(
  'ConsultationRound',
  'A public consultation round on a version of a programme: when the draft is on display, its introduction, ' +
    'questions and documents, how much feedback came in, and how long the commenters’ personal data is kept.',
  z.object({
    region: z.string().describe('Region code, e.g. "08".'),
    programme: z.string().describe('Programme slug, e.g. "2022-2025".'),
    round: z.string().describe('The round’s slug, e.g. "luonnos-2021".'),
    version: z.number().int().describe('Number of the programme version on consultation.'),
    title: localizedText,
    intro: localizedText,
    opensAt: isoTime('Comments are taken from'),
    closesAt: isoTime('Comments are taken until'),
    phase: z.enum(['upcoming', 'open', 'closed']).describe('Where the round is in time now.'),
    questions: z
      .array(z.object({ key: z.string().describe('Key of the question.'), text: localizedText }))
      .describe('The council’s questions to the commenters.'),
    documents: z
      .array(z.object({ title: localizedText, url: z.string().describe('Address of the document.') }))
      .describe('Documents of the consultation.'),
    counts: z
      .object({
        published: z.number().int().describe('Comments published (listed by the comments route).'),
        waiting: z.number().int().describe('Comments waiting for a moderator.'),
        rejected: z.number().int().describe('Comments rejected by a moderator.'),
      })
      .describe('How many comments the round holds in each state.'),
    rejections: z
      .array(
        z.object({
          code: z.string().describe('Code of the reason, e.g. "off_topic".'),
          label: localizedText,
          count: z.number().int().describe('Comments rejected for it.'),
        }),
      )
      .describe('Rejected comments per reason of the round.'),
    retentionUntil: z
      .string()
      .nullable()
      .describe(
        'The day (YYYY-MM-DD, Finnish time) after which the commenters’ names, e-mail addresses, business ids and ' +
          'signer roles are removed; null: no date set.',
      ),
    personalDataRemoved: z
      .boolean()
      .describe('True once that day has passed and the data was removed: no comment carries a name any more.'),
  }),
);

export const consultationComment = named(
  'ConsultationComment',
  'A published comment or statement. The author is shown only as the sender allowed: a name only when sent ' +
    '“with my name” (and never after the retention date), an organisation for statements and named comments; ' +
    'never an e-mail address.',
  z.object({
    id: z.number().int().describe('Number of the comment (as responses refer to it).'),
    kind: z.enum(COMMENT_KINDS).describe('comment (anyone) or statement (on behalf of an organisation).'),
    nodeKey: z.string().nullable().describe('Key of the node commented on; null: the whole programme.'),
    paragraphIndex: z
      .number()
      .int()
      .nullable()
      .describe('Paragraph of the node commented on, from 0 in the version on consultation; null: the whole node.'),
    textLang: z.string().describe('Language of the text the paragraph is counted in.'),
    quote: z.string().describe('The passage quoted; empty: the whole paragraph or node.'),
    body: z.string().describe('The text of the comment (as published, with a moderator’s redactions).'),
    author: z
      .object({
        name: z
          .string()
          .nullable()
          .describe('The sender’s name; null: anonymous, or removed after the retention date.'),
        organisation: z.string().nullable().describe('The organisation, when published; null: none.'),
      })
      .describe('Who sent it, as far as published.'),
    respondentType: z.enum(RESPONDENT_TYPES).describe('Who sent it, by type (as the feedback report counts them).'),
    submittedAt: isoTime('Sent'),
    anchor: z
      .object({
        state: z
          .enum(['exact', 'moved', 'changed', 'deleted_node', 'orphan'])
          .describe('How the passage was found in the newest version.'),
        paragraphIndex: z.number().int().nullable().describe('Paragraph in the newest version; null: none.'),
      })
      .describe('Where the passage commented on is in the newest version of the programme.'),
  }),
);

export const consultationResponse = named(
  'ConsultationResponse',
  'A published response of the council to one or more comments of the round.',
  z.object({
    id: z.number().int().describe('Number of the response.'),
    text: localizedText,
    decision: z.string().describe('The council’s decision on the comments, e.g. "taken_into_account".'),
    reason: localizedText.nullable().describe('Why, when the comments were not taken into account; null: none.'),
    change: z
      .object({
        version: z.number().int().describe('Number of the version that carries the change.'),
        nodeKey: z.string().describe('Key of the node changed.'),
      })
      .nullable()
      .describe('The change made in the programme; null: none.'),
    publishedAt: isoTime('Published').nullable(),
    comments: z.array(z.number().int()).describe('Numbers of the published comments it answers.'),
  }),
);

export const consultationCommentList = named(
  'ConsultationCommentList',
  'The published comments and statements of a round, in the order they came, and the council’s published ' +
    'responses (an empty list until there are any).',
  z.object({
    region: z.string().describe('Region code.'),
    programme: z.string().describe('Programme slug.'),
    round: z.string().describe('The round’s slug.'),
    personalDataRemoved: z.boolean().describe('True when the retention date has passed and names were removed.'),
    comments: z.array(consultationComment).describe('The published comments.'),
    responses: z.array(consultationResponse).describe('The published responses.'),
  }),
);
