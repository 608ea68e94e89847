/** Routes: the projects of a region — the filtered, paged list, money totals, and one project. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '#src/services/app-context.ts';
import {
  projectFilterOf,
  projectFilterSchema,
  projectQueryOf,
  projectQuerySchema,
  withoutEmptyValues,
} from '#src/services/projects/query-projects.ts';
import { paramsSchema } from '../params.ts';
import { presentProject, presentProjectSummary } from '../present-project.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

/** `?fund=` (an empty value) means no fund filter: empty values are dropped before validation. */
async function dropEmptyValues(request: { query: unknown }): Promise<void> {
  request.query = withoutEmptyValues(request.query);
}

export function registerProjectRoutes(api: FastifyInstance, ctx: AppContext): void {
  const projects = ctx.projects;

  api.get<{ Params: { code: string }; Querystring: z.output<typeof projectQuerySchema> }>(
    '/regions/:code/projects',
    {
      preValidation: dropEmptyValues,
      schema: {
        operationId: 'listRegionProjects',
        tags: ['projects'],
        summary: 'List the projects of a region',
        description: 'The projects matching the filter, one page at a time, with the number of all matching projects.',
        params: paramsSchema(['code']),
        querystring: projectQuerySchema,
        response: { 200: ref('ProjectPage', 'A page of matching projects.'), ...errorResponses },
      },
    },
    async (request) => {
      const page = await projects.list(request.params.code, projectQueryOf(request.query));
      return { ...page, projects: page.projects.map(presentProjectSummary) };
    },
  );

  api.get<{ Params: { code: string }; Querystring: z.output<typeof projectFilterSchema> }>(
    '/regions/:code/projects/totals',
    {
      preValidation: dropEmptyValues,
      schema: {
        operationId: 'getRegionProjectTotals',
        tags: ['projects'],
        summary: 'Count and money of the projects of a region',
        description:
          'Count of the projects matching the filter and their money (granted, paid, planned) in all and by fund.',
        params: paramsSchema(['code']),
        querystring: projectFilterSchema,
        response: { 200: ref('ProjectTotals', 'Totals of the matching projects.'), ...errorResponses },
      },
    },
    async (request) => projects.totals(request.params.code, projectFilterOf(request.query)),
  );

  api.get<{ Params: { code: string; projectCode: string } }>(
    '/regions/:code/projects/:projectCode',
    {
      schema: {
        operationId: 'getRegionProject',
        tags: ['projects'],
        summary: 'Get a project',
        params: paramsSchema(['code', 'projectCode']),
        response: { 200: ref('Project', 'The project.'), ...errorResponses },
      },
    },
    async (request) => presentProject(await projects.project(request.params.code, request.params.projectCode)),
  );
}
