/** Routes: programmes, their versions and taxonomies. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { findVersionContent } from '../lookup.ts';
import { paramsSchema } from '../params.ts';
import { presentProgramme, presentProgrammeSummary } from '../present-programme.ts';
import { presentTaxonomies } from '../present-taxonomy.ts';
import { presentVersion, presentVersionSummary } from '../present-version.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

export function registerProgrammeRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get<{ Querystring: { region?: string } }>(
    '/programmes',
    {
      schema: {
        operationId: 'listProgrammes',
        tags: ['programmes'],
        summary: 'List programmes',
        description: 'All programmes, or those of one region (`?region=08`).',
        querystring: paramsSchema(['region'], []),
        response: { 200: ref('ProgrammeList', 'The programmes.'), ...errorResponses },
      },
    },
    async (request) => {
      const { region } = request.query;
      if (region !== undefined) await ctx.reader.region(region);
      return { programmes: (await ctx.reader.programmes(region)).map(presentProgrammeSummary) };
    },
  );

  api.get<{ Params: { id: string } }>(
    '/programmes/:id',
    {
      schema: {
        operationId: 'getProgramme',
        tags: ['programmes'],
        summary: 'Get a programme',
        description:
          'A programme with the levels of its tree (e.g. theme → priority → measure), its current version and all versions.',
        params: paramsSchema(['id']),
        response: { 200: ref('Programme', 'The programme.'), ...errorResponses },
      },
    },
    async (request) => {
      const p = await ctx.reader.programmeById(request.params.id);
      return presentProgramme(p, await ctx.reader.versions(p.regionCode, p.slug));
    },
  );

  api.get<{ Params: { id: string } }>(
    '/programmes/:id/versions',
    {
      schema: {
        operationId: 'listVersions',
        tags: ['versions'],
        summary: 'List the versions of a programme',
        description: 'Every version with its status and the decision that approved it, oldest first.',
        params: paramsSchema(['id']),
        response: { 200: ref('VersionList', 'The versions.'), ...errorResponses },
      },
    },
    async (request) => {
      const p = await ctx.reader.programmeById(request.params.id);
      const versions = await ctx.reader.versions(p.regionCode, p.slug);
      return {
        programmeId: p.id,
        currentVersion: p.currentVersion,
        versions: versions.map((v) => presentVersionSummary(v, p.currentVersion)),
      };
    },
  );

  api.get<{ Params: { id: string; number: string } }>(
    '/programmes/:id/versions/:number',
    {
      schema: {
        operationId: 'getVersion',
        tags: ['versions'],
        summary: 'Get a version',
        description:
          'A version with its decision, vision and summary. `current` may stand for the number of the current version.',
        params: paramsSchema(['id', 'number']),
        response: { 200: ref('Version', 'The version.'), ...errorResponses },
      },
    },
    async (request) => presentVersion(await findVersionContent(ctx, request.params.id, request.params.number)),
  );

  api.get<{ Params: { id: string }; Querystring: { version: string } }>(
    '/programmes/:id/taxonomies',
    {
      schema: {
        operationId: 'listTaxonomies',
        tags: ['taxonomies'],
        summary: 'List the taxonomies of a programme',
        description:
          'Taxonomies (e.g. cross-cutting themes, smart-specialisation spearheads) with their terms ' +
          'and, per term, the keys of the nodes linked to it in the selected version.',
        params: paramsSchema(['id']),
        querystring: paramsSchema(['version'], []),
        response: { 200: ref('TaxonomyList', 'The taxonomies.'), ...errorResponses },
      },
    },
    async (request) => presentTaxonomies(await findVersionContent(ctx, request.params.id, request.query.version)),
  );
}
