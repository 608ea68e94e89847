/** Routes: regions and municipalities. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { paramsSchema } from '../params.ts';
import { presentMunicipality } from '../present-municipality.ts';
import { presentRegion, presentRegionDetail } from '../present-region.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

export function registerRegionRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/regions',
    {
      schema: {
        operationId: 'listRegions',
        tags: ['regions'],
        summary: 'List all regions',
        description:
          'The 18 regions of mainland Finland and Åland, in the official order, with the ids of their programmes.',
        response: { 200: ref('RegionList', 'All regions.') },
      },
    },
    async () => ({ regions: (await ctx.reader.regions()).map(presentRegion) }),
  );

  api.get<{ Params: { code: string } }>(
    '/regions/:code',
    {
      schema: {
        operationId: 'getRegion',
        tags: ['regions'],
        summary: 'Get a region',
        description: 'A region with its regional council (offices, contacts) and summaries of its programmes.',
        params: paramsSchema(['code']),
        response: { 200: ref('RegionDetail', 'The region.'), ...errorResponses },
      },
    },
    async (request) => {
      const region = await ctx.reader.region(request.params.code);
      return presentRegionDetail(region, await ctx.reader.council(region.code));
    },
  );

  api.get<{ Params: { code: string } }>(
    '/regions/:code/municipalities',
    {
      schema: {
        operationId: 'listRegionMunicipalities',
        tags: ['regions'],
        summary: 'List the municipalities of a region',
        params: paramsSchema(['code']),
        response: {
          200: ref('MunicipalityList', 'The municipalities of the region, by Finnish name.'),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      municipalities: (await ctx.reader.municipalities(request.params.code)).map(presentMunicipality),
    }),
  );

  api.get<{ Querystring: { region?: string } }>(
    '/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['regions'],
        summary: 'List municipalities',
        description: 'All municipalities of the official classification, or those of one region (`?region=08`).',
        querystring: paramsSchema(['region'], []),
        response: { 200: ref('MunicipalityList', 'The municipalities, by Finnish name.'), ...errorResponses },
      },
    },
    async (request) => ({
      municipalities: (await ctx.reader.municipalities(request.query.region)).map(presentMunicipality),
    }),
  );
}
