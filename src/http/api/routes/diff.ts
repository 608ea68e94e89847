/** Routes: the differences between two versions of a programme, as JSON and as CSV. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { compareVersions, type Comparison } from '#src/services/compare-versions.ts';
import { diffCsv } from '../diff-csv.ts';
import { versionNumberOf } from '../lookup.ts';
import { paramsSchema } from '../params.ts';
import { presentDiff } from '../present-diff.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

type DiffRequest = { Params: { id: string }; Querystring: { from: string; to: string } };

const CSV_DESCRIPTION =
  'One row per change; columns change_type, node_key, field, lang, before, after, ' +
  'words_inserted, words_deleted. change_type is version_text_changed (node_key empty, field ' +
  'vision or summary), node_added / node_removed (one row per text of the node), node_moved ' +
  '(field "parent" with the parent keys, or "position" with the places among its siblings), ' +
  'retitled (one row per language), text_changed, term_added / term_removed (field "terms", ' +
  'the link as "taxonomy/term"). RFC 4180, UTF-8 with a byte order mark.';

export function registerDiffRoutes(api: FastifyInstance, ctx: AppContext): void {
  const compare = async (id: string, from: string, to: string): Promise<Comparison> => {
    const programme = await ctx.reader.programmeById(id);
    return compareVersions(
      ctx.reader,
      programme.regionCode,
      programme.slug,
      versionNumberOf(programme, from),
      versionNumberOf(programme, to),
    );
  };
  const schema = {
    tags: ['versions'],
    params: paramsSchema(['id']),
    querystring: paramsSchema(['from', 'to']),
  };

  api.get<DiffRequest>(
    '/programmes/:id/diff',
    {
      schema: {
        ...schema,
        operationId: 'diffVersions',
        summary: 'Compare two versions',
        description:
          'What changed from version `from` (A) to version `to` (B): nodes added, removed, moved and ' +
          'retitled (matched by their stable key), word-level differences of every text field per ' +
          'language, term links added and removed, and changes of the vision and summary. `from` may ' +
          'equal `to` (no differences) or be the newer version.',
        response: { 200: ref('VersionDiff', 'The differences.'), ...errorResponses },
      },
    },
    async (request) => {
      const { from, to, diff } = await compare(request.params.id, request.query.from, request.query.to);
      return presentDiff(from, to, diff);
    },
  );

  api.get<DiffRequest>(
    '/programmes/:id/diff.csv',
    {
      schema: {
        ...schema,
        operationId: 'diffVersionsCsv',
        summary: 'Download the differences between two versions as CSV',
        description: CSV_DESCRIPTION,
        response: {
          200: {
            description: 'The differences as CSV, sent as an attachment named like 08-2022-2025-diff-v1-v2.csv.',
            content: { 'text/csv': { schema: { type: 'string', description: 'CSV text with a header row.' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { from, to, diff } = await compare(request.params.id, request.query.from, request.query.to);
      const filename = `${to.programme.id}-diff-v${from.version.number}-v${to.version.number}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(diffCsv(diff));
    },
  );
}
