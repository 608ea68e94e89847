/** Routes: the projects of a region — the filtered, paged list, money totals, and one project. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { MAX_PAGE_SIZE, parseProjectFilter, parseProjectQuery } from '#src/services/projects/query-projects.ts';
import { FUND_LIST } from '#src/domain/projects/funds.ts';
import { PROJECT_STATUSES } from '#src/domain/projects/status.ts';
import { paramsSchema } from '../params.ts';
import { presentProject, presentProjectSummary } from '../present-project.ts';
import { errorResponses, ref, type JsonSchema } from '../schemas/registry.ts';

const text = (description: string): JsonSchema => ({ type: 'string', description });

/** The filter parameters; their values are checked by the query service (bad values → 400 naming the parameter). */
const FILTER: Record<string, JsonSchema> = {
  theme: text('Only projects linked to this theme (node key) or to any node under it.'),
  priority: text('Only projects linked to this priority (node key) or to any measure under it.'),
  term: text('Only projects linked to this taxonomy term, "taxonomy/term", e.g. "spearheads/logistics".'),
  municipality: text('Only projects working in this municipality (official 3-digit code, e.g. "285").'),
  fund: text(`Only projects with money from this fund: ${FUND_LIST}.`),
  status: text(`Only projects with this status: ${PROJECT_STATUSES.join(', ')}.`),
  from_year: text('Only projects active in or after this year (ending on or after 1 January).'),
  to_year: text('Only projects active in or before this year (starting on or before 31 December).'),
  q: text(
    'Search words in names, summaries, organisations and codes; inflected Finnish forms match; every word must match.',
  ),
};
const PAGING: Record<string, JsonSchema> = {
  page: text('Page number, from 1 (default 1).'),
  size: text(`Projects per page, 1–${MAX_PAGE_SIZE} (default 20).`),
  sort: text('Order: name (default), start (start date) or code.'),
};
const query = (props: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties: props,
  additionalProperties: false,
});

export function registerProjectRoutes(api: FastifyInstance, ctx: AppContext): void {
  const projects = ctx.projects;

  api.get<{ Params: { code: string }; Querystring: Record<string, string> }>(
    '/regions/:code/projects',
    {
      schema: {
        operationId: 'listRegionProjects',
        tags: ['projects'],
        summary: 'List the projects of a region',
        description: 'The projects matching the filter, one page at a time, with the number of all matching projects.',
        params: paramsSchema(['code']),
        querystring: query({ ...FILTER, ...PAGING }),
        response: { 200: ref('ProjectPage', 'A page of matching projects.'), ...errorResponses },
      },
    },
    async (request) => {
      const page = await projects.list(request.params.code, parseProjectQuery(request.query));
      return { ...page, projects: page.projects.map(presentProjectSummary) };
    },
  );

  api.get<{ Params: { code: string }; Querystring: Record<string, string> }>(
    '/regions/:code/projects/totals',
    {
      schema: {
        operationId: 'getRegionProjectTotals',
        tags: ['projects'],
        summary: 'Count and money of the projects of a region',
        description:
          'Count of the projects matching the filter and their money (granted, paid, planned) in all and by fund.',
        params: paramsSchema(['code']),
        querystring: query(FILTER),
        response: { 200: ref('ProjectTotals', 'Totals of the matching projects.'), ...errorResponses },
      },
    },
    async (request) => projects.totals(request.params.code, parseProjectFilter(request.query)),
  );

  api.get<{ Params: { code: string; projectCode: string } }>(
    '/regions/:code/projects/:projectCode',
    {
      schema: {
        operationId: 'getRegionProject',
        tags: ['projects'],
        summary: 'Get a project',
        params: {
          type: 'object',
          properties: {
            ...(paramsSchema(['code']) as { properties: Record<string, JsonSchema> }).properties,
            projectCode: text('Project code, e.g. "A70301".'),
          },
          required: ['code', 'projectCode'],
          additionalProperties: false,
        },
        response: { 200: ref('Project', 'The project.'), ...errorResponses },
      },
    },
    async (request) => presentProject(await projects.project(request.params.code, request.params.projectCode)),
  );
}
