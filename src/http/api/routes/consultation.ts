/**
 * Routes: public consultation as open data — a round, and its published comments and statements
 * with the council's published responses, as JSON and CSV. Only what the senders allowed to be
 * published: a comment sent "not to be published" is not listed, an anonymous one has no name
 * (a statement keeps its organisation), no e-mail address ever, and no names after the round's
 * retention date.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { loadRound } from '#src/services/consultation/rounds.ts';
import { listComments, listPublishedResponses } from '#src/storage/repositories/consultation-repository.ts';
import { commentsCsv, COMMENT_CSV_COLUMNS } from '../consultation-csv.ts';
import { paramsSchema } from '../params.ts';
import { presentRound, presentRoundComments } from '../present-consultation.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

type RoundParams = { code: string; programme: string; round: string };

const PUBLISHED =
  'Only what the senders allowed to be published: comments sent “not to be published” are not listed, anonymous ' +
  'ones carry no name (a statement keeps its organisation), no e-mail address is ever shown, and after the ' +
  'round’s retention date no name at all.';

export function registerConsultationRoutes(api: FastifyInstance, ctx: AppContext): void {
  const load = async (p: RoundParams) => {
    const round = await loadRound(ctx.db.kysely, { code: p.code, slug: p.programme }, p.round);
    const [comments, responses] = await Promise.all([
      listComments(ctx.db.kysely, round.round.id),
      listPublishedResponses(ctx.db.kysely, round.round.id),
    ]);
    return { round, comments, responses };
  };
  const params = paramsSchema(['code', 'programme', 'round']);
  const base = '/regions/:code/programmes/:programme/consultation/:round';

  api.get<{ Params: RoundParams }>(
    base,
    {
      schema: {
        operationId: 'getConsultationRound',
        tags: ['consultation'],
        summary: 'Get a consultation round of a programme',
        description:
          'The round: the version on display, when comments are taken (and the phase now), the introduction, ' +
          'questions and documents, comment counts by state, rejections per reason, and the retention date of ' +
          'the commenters’ personal data.',
        params,
        response: { 200: ref('ConsultationRound', 'The round.'), ...errorResponses },
      },
    },
    async (request) => {
      const { round, comments } = await load(request.params);
      return presentRound(round, comments, ctx.clock?.() ?? new Date());
    },
  );

  api.get<{ Params: RoundParams }>(
    `${base}/comments`,
    {
      schema: {
        operationId: 'listConsultationComments',
        tags: ['consultation'],
        summary: 'List the published comments and responses of a consultation round',
        description: `The approved comments and statements in the order they came, and the council’s published responses. ${PUBLISHED}`,
        params,
        response: { 200: ref('ConsultationCommentList', 'The published comments and responses.'), ...errorResponses },
      },
    },
    async (request) => {
      const { round, comments, responses } = await load(request.params);
      return presentRoundComments(round, comments, responses);
    },
  );

  const sendCsv = (reply: FastifyReply, filename: string, text: string) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(text);

  api.get<{ Params: RoundParams }>(
    `${base}/comments.csv`,
    {
      schema: {
        operationId: 'getConsultationCommentsCsv',
        tags: ['consultation'],
        summary: 'Download the published comments of a consultation round as CSV',
        description:
          `One row per published comment; columns ${COMMENT_CSV_COLUMNS.join(', ')} (paragraph counted from 1, ` +
          `responses: the numbers of the published responses answering it). ${PUBLISHED} RFC 4180, UTF-8 with a byte order mark.`,
        params,
        response: {
          200: {
            description:
              'The comments as CSV, sent as an attachment named like 08-2022-2025-luonnos-2021-comments.csv.',
            content: { 'text/csv': { schema: { type: 'string', description: 'CSV text with a header row.' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { round, comments, responses } = await load(request.params);
      const list = presentRoundComments(round, comments, responses);
      return sendCsv(reply, `${list.region}-${list.programme}-${list.round}-comments.csv`, commentsCsv(list));
    },
  );
}
