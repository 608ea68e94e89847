/** Routes: a version's node tree (JSON and CSV), single nodes and search. */
import type { FastifyInstance } from 'fastify';
import type { Lang } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { findNode, findVersionContent } from '../lookup.ts';
import { nodesCsv } from '../nodes-csv.ts';
import { paramsSchema } from '../params.ts';
import { presentNodeDetail, presentNodeTree } from '../present-node.ts';
import { presentSearch } from '../present-search.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

type VersionParams = { id: string; number: string };

export function registerNodeRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get<{ Params: VersionParams }>(
    '/programmes/:id/versions/:number/nodes',
    {
      schema: {
        operationId: 'getNodeTree',
        tags: ['nodes'],
        summary: 'Get the node tree of a version',
        description:
          'Every node of the version (themes, priorities, measures), nested under `children` in reading order.',
        params: paramsSchema(['id', 'number']),
        response: { 200: ref('NodeTree', 'The tree.'), ...errorResponses },
      },
    },
    async (request) => presentNodeTree(await findVersionContent(ctx, request.params.id, request.params.number)),
  );

  api.get<{ Params: VersionParams }>(
    '/programmes/:id/versions/:number/nodes.csv',
    {
      schema: {
        operationId: 'getNodeTreeCsv',
        tags: ['nodes'],
        summary: 'Download the node tree of a version as CSV',
        description:
          'One row per node in reading order; columns key, parent_key, depth, level, position, path ' +
          '(slugs joined by "/"), title_fi, title_sv, title_en, summary_fi, summary_sv, summary_en, ' +
          'terms ("taxonomy/term" joined by ";"). RFC 4180, UTF-8 with a byte order mark.',
        params: paramsSchema(['id', 'number']),
        response: {
          200: {
            description: 'The tree as CSV, sent as an attachment named like 08-2022-2025-v2-nodes.csv.',
            content: { 'text/csv': { schema: { type: 'string', description: 'CSV text with a header row.' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const content = await findVersionContent(ctx, request.params.id, request.params.number);
      const filename = `${content.programme.id}-v${content.version.number}-nodes.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(nodesCsv(content.nodes));
    },
  );

  api.get<{ Params: VersionParams & { key: string } }>(
    '/programmes/:id/versions/:number/nodes/:key',
    {
      schema: {
        operationId: 'getNode',
        tags: ['nodes'],
        summary: 'Get one node of a version',
        description: 'The node with its descendants, its parent key, slug path, linked terms and ancestors.',
        params: paramsSchema(['id', 'number', 'key']),
        response: { 200: ref('NodeDetail', 'The node.'), ...errorResponses },
      },
    },
    async (request) => {
      const content = await findVersionContent(ctx, request.params.id, request.params.number);
      return presentNodeDetail(content, findNode(content, request.params.key));
    },
  );

  api.get<{ Params: VersionParams; Querystring: { q: string; lang: Lang } }>(
    '/programmes/:id/versions/:number/search',
    {
      schema: {
        operationId: 'searchNodes',
        tags: ['nodes'],
        summary: 'Search the texts of a version',
        description:
          'Finds nodes whose title, summary or body contain every query word, in any inflected form ' +
          '(Finnish, Swedish and English stemming). Off Finnish, untranslated Finnish texts are searched too.',
        params: paramsSchema(['id', 'number']),
        querystring: paramsSchema(['q', 'lang'], ['q']),
        response: { 200: ref('SearchResults', 'The hits, best first.'), ...errorResponses },
      },
    },
    async (request) => {
      const { programme, version } = await findVersionContent(ctx, request.params.id, request.params.number);
      const { q, lang } = request.query;
      const hits = await ctx.reader.search(programme.regionCode, programme.slug, version.number, lang, q);
      return presentSearch(programme.id, version.number, q, lang, hits);
    },
  );
}
