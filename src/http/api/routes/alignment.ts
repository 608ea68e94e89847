/** Route: POST /programmes/{id}/align — the alignment helper (a read-only computation; the text is capped in length). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { alignProjectText, checkAlignmentInput } from '#src/services/alignment.ts';
import { paramsSchema } from '../params.ts';
import { alignmentRequest } from '../schemas/alignment.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

/** Body size cap: 20 000 characters of text, each up to 4 bytes in UTF-8, with JSON escapes and room to spare. */
const BODY_LIMIT = 256 * 1024;

export function registerAlignmentRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post<{ Params: { id: string }; Body: { text: string; lang?: string } }>(
    '/programmes/:id/align',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        operationId: 'alignProjectText',
        tags: ['alignment'],
        summary: 'Align a project text with the programme',
        description:
          "Ranks the current version's priorities and smart-specialisation spearheads by textual " +
          "similarity to a project text (stemmed BM25 over each priority's title, summary, body and " +
          "measure titles, and each spearhead's description with the texts of its priorities) and " +
          'names the words that matched. Changes nothing.',
        params: paramsSchema(['id']),
        body: alignmentRequest,
        response: { 200: ref('Alignment', 'The ranked priorities and spearheads.'), ...errorResponses },
      },
    },
    async (request) => {
      const p = await ctx.reader.programmeById(request.params.id);
      const { text, lang } = checkAlignmentInput(request.body.text, request.body.lang);
      const r = await alignProjectText(ctx.reader, p.regionCode, p.slug, text, lang);
      return {
        programmeId: p.id,
        version: r.version,
        lang: r.lang,
        priorities: r.priorities,
        spearheads: r.spearheads,
      };
    },
  );
}
