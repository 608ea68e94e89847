/**
 * Routes: monitoring of a region's programme — its indicators with their status, one indicator
 * with its target history, observations (filtered by area and period range), status roll-ups, and
 * the open data downloads: CSV and JSON-stat 2.0 of one indicator and of the whole indicator set.
 * Everything is read from the monitoring read model (`ctx.monitoring.region(code)`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { notFound } from '#src/domain/errors.ts';
import { indicatorCollectionJson, indicatorDatasetJson } from '#src/domain/indicators/jsonstat-export.ts';
import { comparePeriods } from '#src/domain/indicators/periods.ts';
import { LANGS, pickText, type Lang } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import { refusal } from '#src/lib/zod-messages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import type { IndicatorView, MonitoringView } from '#src/services/indicators/monitoring-reader.ts';
import { observationsCsv, OBSERVATION_CSV_COLUMNS } from '../indicators-csv.ts';
import { paramsSchema } from '../params.ts';
import {
  areaNamer,
  isAreaKey,
  presentIndicator,
  presentObservation,
  presentStatusRollUp,
  presentTarget,
  type AreaNamer,
} from '../present-indicator.ts';
import { presentText } from '../present-text.ts';
import { errorResponses, ref } from '../schemas/registry.ts';

const langSchema = z
  .enum(LANGS, refusal(`be one of: ${LANGS.join(', ')}`))
  .default('fi')
  .describe('Language of the names, area names, status texts and reasons: fi (default), sv or en.');
const langQuery = z.object({ lang: langSchema });

const AREA_TEXT =
  'be area keys such as SSS (whole country), MK08 (region), SK081 (subregion) or KU285 (municipality), ' +
  'repeated or separated by commas';
const PERIOD = /^\d{4}(Q[1-4]|M(0[1-9]|1[0-2]))?$/;
const PERIOD_TEXT = 'be a period: a year (2024), a quarter (2024Q3) or a month (2024M07)';
const periodParam = (what: string) =>
  z.string(refusal(PERIOD_TEXT)).trim().regex(PERIOD, refusal(PERIOD_TEXT)).optional().describe(what);

/** The filters of the observations: area (repeated or a comma list), period range, language. */
export const observationQuerySchema = z
  .object({
    area: z
      .union([z.string(), z.array(z.string())], refusal(AREA_TEXT))
      .optional()
      .transform((v, c) => {
        if (v === undefined) return undefined;
        const keys = [v]
          .flat()
          .flatMap((s) => s.split(','))
          .map((s) => s.trim().toUpperCase())
          .filter((s) => s !== '');
        const bad = keys.filter((k) => !isAreaKey(k));
        if (keys.length === 0 || bad.length > 0) {
          c.addIssue({
            code: 'custom',
            message: `must ${AREA_TEXT}${bad.length > 0 ? `; not an area key: ${bad.join(', ')}` : ''}`,
            input: v,
          });
          return z.NEVER;
        }
        return [...new Set(keys)];
      })
      .describe(
        'Only these areas: area keys SSS (whole country), MK08 (region), SK081 (subregion), KU285 (municipality); ' +
          'repeat the parameter (area=KU285&area=MK08) or separate the keys by commas.',
      ),
    from: periodParam('Only periods from this one on: a year (2015), a quarter (2015Q1) or a month (2015M01).'),
    to: periodParam('Only periods up to this one (a year includes its quarters and months): 2024, 2024Q4 or 2024M12.'),
    lang: langSchema,
  })
  .superRefine((q, c) => {
    if (q.from !== undefined && q.to !== undefined && comparePeriods(q.from, q.to) > 0)
      c.addIssue({ code: 'custom', path: ['from'], message: `must not be after to ${q.to}`, input: q.from });
  });
type ObservationQuery = z.output<typeof observationQuerySchema>;

type RegionParams = { code: string };
type IndicatorParams = { code: string; indicator: string };

const csvResponse = (description: string) => ({
  200: {
    description,
    content: { 'text/csv': { schema: { type: 'string', description: 'CSV text with a header row.' } } },
  },
  ...errorResponses,
});

const CSV_TEXT =
  `One row per observation; columns ${OBSERVATION_CSV_COLUMNS.join(', ')}. Values are the exact decimals ` +
  'as published (never rounded); names, area names and status meanings in `lang`. RFC 4180, UTF-8 with a byte order mark.';

function findIndicator(view: MonitoringView, code: string): IndicatorView {
  const found = view.indicators.find((v) => v.indicator.code === code);
  if (!found) throw notFound(`Indicator "${code}" of region ${view.regionCode}`);
  return found;
}

/** The observations of `iv` matching the filter, by area and period (as stored). */
function filtered(iv: IndicatorView, q: ObservationQuery): IndicatorView['observations'] {
  const areas = q.area ? new Set(q.area) : null;
  // As the repository compares: `period >= from` and `period <= to…` (a year `to` takes its quarters and months).
  return iv.observations.filter(
    (o) =>
      (areas === null || areas.has(o.area)) &&
      (q.from === undefined || o.period >= q.from) &&
      (q.to === undefined || o.period <= `${q.to}\uffff`),
  );
}

export function registerIndicatorRoutes(api: FastifyInstance, ctx: AppContext): void {
  const now = (): string => (ctx.clock?.() ?? new Date()).toISOString();

  /** The region (404 when unknown), its monitoring view and the area names in `lang`. */
  async function monitoring(
    code: string,
    lang: Lang,
  ): Promise<{ view: MonitoringView; areaName: AreaNamer; regionName: string }> {
    const region = await ctx.reader.region(code);
    const [view, regions, municipalities] = await Promise.all([
      ctx.monitoring.region(region.code),
      ctx.reader.regions(),
      ctx.reader.municipalities(),
    ]);
    return {
      view,
      areaName: areaNamer(lang, regions, municipalities, view.subregions),
      regionName: pickText(region.name, lang)?.text ?? region.code,
    };
  }

  async function programmeNodes(view: MonitoringView): Promise<TreeNode[]> {
    const slug = view.settings?.programmeSlug;
    if (!slug) return [];
    const programme = (await ctx.reader.programmes(view.regionCode)).find((p) => p.slug === slug);
    if (!programme || programme.currentVersion === null) return [];
    return (await ctx.reader.versionContent(view.regionCode, slug)).nodes;
  }

  function datasetOf(iv: IndicatorView, observations: IndicatorView['observations'], lang: Lang, areaName: AreaNamer) {
    return indicatorDatasetJson(iv.indicator, observations, {
      lang,
      areaName,
      generatedAt: iv.retrievedAt ?? now(),
    });
  }

  const sendCsv = (reply: FastifyReply, filename: string, text: string) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(text);

  api.get<{ Params: RegionParams; Querystring: { lang: Lang } }>(
    '/regions/:code/indicators',
    {
      schema: {
        operationId: 'listRegionIndicators',
        tags: ['monitoring'],
        summary: 'List the indicators of a region’s programme',
        description:
          'Every indicator with its group, unit, direction, level, links to programme nodes and terms, source, ' +
          'baseline, targets in force, latest figure of the region, progress status (state, reason as a message ' +
          'key with parameters, and as a sentence in `lang`) and when the next release is due. Figures are exact ' +
          'decimal strings. A region without indicator definitions has an empty list.',
        params: paramsSchema(['code']),
        querystring: langQuery,
        response: { 200: ref('IndicatorList', 'The indicators, in order.'), ...errorResponses },
      },
    },
    async (request) => {
      const { lang } = request.query;
      const { view, areaName } = await monitoring(request.params.code, lang);
      return {
        regionCode: view.regionCode,
        programme: view.settings?.programmeSlug ?? null,
        lang,
        groups: view.groups.map((g) => ({
          code: g.code,
          name: presentText(g.name),
          indicators: view.indicators.filter((v) => v.indicator.group === g.code).map((v) => v.indicator.code),
        })),
        indicators: view.indicators.map((iv) => presentIndicator(iv, lang, areaName)),
      };
    },
  );

  api.get<{ Params: RegionParams; Querystring: { lang: Lang } }>(
    '/regions/:code/indicators.csv',
    {
      schema: {
        operationId: 'getRegionIndicatorsCsv',
        tags: ['monitoring'],
        summary: 'Download every observation of a region’s indicators as CSV',
        description: `The programme’s whole indicator set, indicator by indicator. ${CSV_TEXT}`,
        params: paramsSchema(['code']),
        querystring: langQuery,
        response: csvResponse('The observations as CSV, sent as an attachment named like 08-indicators.csv.'),
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const { view, areaName } = await monitoring(request.params.code, lang);
      return sendCsv(reply, `${view.regionCode}-indicators.csv`, observationsCsv(view.indicators, lang, areaName));
    },
  );

  api.get<{ Params: RegionParams; Querystring: { lang: Lang } }>(
    '/regions/:code/indicators/jsonstat',
    {
      schema: {
        operationId: 'getRegionIndicatorsJsonStat',
        tags: ['monitoring'],
        summary: 'Download a region’s indicators as a JSON-stat 2.0 collection',
        description:
          'A JSON-stat 2.0 collection embedding one dataset per indicator that has observations (see ' +
          '`JsonStatDataset`); labels and area names in `lang`. `suunta import statistics` reads it back unchanged.',
        params: paramsSchema(['code']),
        querystring: langQuery,
        response: { 200: ref('JsonStatCollection', 'The collection.'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const { view, areaName, regionName } = await monitoring(request.params.code, lang);
      const withData = view.indicators.filter((iv) => iv.observations.length > 0);
      const updated =
        withData
          .map((iv) => iv.sourceUpdated ?? iv.retrievedAt)
          .filter((u): u is string => u !== null)
          .sort()
          .at(-1) ?? now();
      const label = [regionName, view.settings?.programmeSlug].filter(Boolean).join(' ');
      const datasets = withData.map((iv) => datasetOf(iv, iv.observations, lang, areaName));
      return reply.type('application/json; charset=utf-8').send(indicatorCollectionJson(label, datasets, updated));
    },
  );

  api.get<{ Params: RegionParams }>(
    '/regions/:code/indicators/status',
    {
      schema: {
        operationId: 'getRegionIndicatorStatus',
        tags: ['monitoring'],
        summary: 'Count a region’s indicators by progress state',
        description:
          'Roll-ups of the progress statuses: the number of indicators in each state for the whole programme, ' +
          'each indicator group, each theme and each priority of the programme’s current version (via the ' +
          'indicators’ links to nodes; a node counts the indicators linked to it or to a node under it). ' +
          'Counts only: never an average of unlike quantities.',
        params: paramsSchema(['code']),
        response: { 200: ref('StatusRollUp', 'The counts.'), ...errorResponses },
      },
    },
    async (request) => {
      const { view } = await monitoring(request.params.code, 'fi');
      return presentStatusRollUp(view, await programmeNodes(view));
    },
  );

  api.get<{ Params: IndicatorParams; Querystring: { lang: Lang } }>(
    '/regions/:code/indicators/:indicator',
    {
      schema: {
        operationId: 'getRegionIndicator',
        tags: ['monitoring'],
        summary: 'Get one indicator',
        description:
          'The indicator as in the list, with every target it has had (`targetHistory`: superseded targets ' +
          'carry the time they were replaced).',
        params: paramsSchema(['code', 'indicator']),
        querystring: langQuery,
        response: { 200: ref('IndicatorDetail', 'The indicator.'), ...errorResponses },
      },
    },
    async (request) => {
      const { lang } = request.query;
      const { view, areaName } = await monitoring(request.params.code, lang);
      const iv = findIndicator(view, request.params.indicator);
      const history = await ctx.monitoring.targetHistory(iv.indicator.id);
      return {
        regionCode: view.regionCode,
        programme: view.settings?.programmeSlug ?? null,
        lang,
        ...presentIndicator(iv, lang, areaName),
        targetHistory: history.map(presentTarget),
      };
    },
  );

  api.get<{ Params: IndicatorParams; Querystring: ObservationQuery }>(
    '/regions/:code/indicators/:indicator/observations',
    {
      schema: {
        operationId: 'listIndicatorObservations',
        tags: ['monitoring'],
        summary: 'List the observations of an indicator',
        description:
          'The stored observations of the indicator, by area and period, filtered by area ' +
          '(`area=KU285&area=MK08` or `area=KU285,MK08`) and period range (`from=2015&to=2024`). Values are ' +
          'exact decimal strings; a null value with a status is a published fact (e.g. confidential), not a gap.',
        params: paramsSchema(['code', 'indicator']),
        querystring: observationQuerySchema,
        response: { 200: ref('ObservationList', 'The matching observations.'), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const { view, areaName } = await monitoring(request.params.code, q.lang);
      const iv = findIndicator(view, request.params.indicator);
      return {
        regionCode: view.regionCode,
        indicator: iv.indicator.code,
        lang: q.lang,
        filter: { areas: q.area ?? null, from: q.from ?? null, to: q.to ?? null },
        observations: filtered(iv, q).map((o) => presentObservation(o, q.lang, areaName)),
      };
    },
  );

  api.get<{ Params: IndicatorParams; Querystring: { lang: Lang } }>(
    '/regions/:code/indicators/:indicator/observations.csv',
    {
      schema: {
        operationId: 'getIndicatorObservationsCsv',
        tags: ['monitoring'],
        summary: 'Download the observations of an indicator as CSV',
        description: CSV_TEXT,
        params: paramsSchema(['code', 'indicator']),
        querystring: langQuery,
        response: csvResponse('The observations as CSV, sent as an attachment named like 08-vaesto.csv.'),
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const { view, areaName } = await monitoring(request.params.code, lang);
      const iv = findIndicator(view, request.params.indicator);
      return sendCsv(reply, `${view.regionCode}-${iv.indicator.code}.csv`, observationsCsv([iv], lang, areaName));
    },
  );

  api.get<{ Params: IndicatorParams; Querystring: { lang: Lang } }>(
    '/regions/:code/indicators/:indicator/jsonstat',
    {
      schema: {
        operationId: 'getIndicatorJsonStat',
        tags: ['monitoring'],
        summary: 'Download the observations of an indicator as a JSON-stat 2.0 dataset',
        description:
          'A JSON-stat 2.0 dataset (see `JsonStatDataset`) with the label and area names in `lang`; the values ' +
          'are the exact decimals as published. `suunta import statistics` reads it back unchanged.',
        params: paramsSchema(['code', 'indicator']),
        querystring: langQuery,
        response: { 200: ref('JsonStatDataset', 'The dataset.'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const { view, areaName } = await monitoring(request.params.code, lang);
      const iv = findIndicator(view, request.params.indicator);
      return reply.type('application/json; charset=utf-8').send(datasetOf(iv, iv.observations, lang, areaName));
    },
  );
}
