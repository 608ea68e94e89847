/**
 * JSON shapes of monitoring: a region's indicators (definition, baseline, targets, latest figure,
 * progress status), their observations, the status roll-ups, and the JSON-stat 2.0 exports.
 * Figures are exact decimals written as strings ("58443598209", "70.3"), never binary floats.
 */
import { z } from 'zod';
import { DIRECTIONS, FREQUENCIES, INDICATOR_LEVELS } from '#src/domain/indicators/definition-file.ts';
import { PROGRESS_REASON_KEYS, PROGRESS_STATES } from '#src/domain/indicators/progress-status.ts';
import { LANGS } from '#src/domain/languages.ts';
import { localizedText, named } from './registry.ts';

const DECIMAL_TEXT =
  'An exact decimal written as a string, as the statistics office published it (e.g. "58443598209", "70.3"): ' +
  'parse it with a decimal type, not a binary float, to keep every digit.';

const decimal = (what: string) => z.string().describe(`${what}. ${DECIMAL_TEXT}`);
const period = (what: string) =>
  z.string().describe(`${what}: a year "2024", a quarter "2024Q3" or a month "2024M07".`);
const areaKey = (what: string) =>
  z
    .string()
    .describe(
      `${what}: an area key, "SSS" (whole country), "MK08" (region), "SK081" (subregion) or "KU285" (municipality).`,
    );
const isoTime = (what: string) => z.string().describe(`${what} (ISO 8601 time).`);

export const indicatorSource = named(
  'IndicatorSource',
  'Where the figures of an indicator come from: the statistics office, its table and the content code in it.',
  z.object({
    organisation: localizedText,
    table: z.string().describe('The table id now, e.g. "statfin_vaerak_pxt_11ra".'),
    earlierTables: z.array(z.string()).describe('Ids the table had before (Statistics Finland renamed them in 2026).'),
    content: z.string().nullable().describe('Code of the figure in the table’s metric dimension; null: the only one.'),
    filters: z
      .record(z.string(), z.string())
      .describe('Fixed categories of the other dimensions: dimension → category, e.g. {"Sukupuoli": "SSS"}.'),
    area: z.string().nullable().describe('The area of a table without an area dimension; null: the whole country.'),
    licence: z.string().describe('Licence of the figures, e.g. "CC BY 4.0".'),
    url: z.string().nullable().describe('Address of the table, when known.'),
    frequency: z.enum(FREQUENCIES).describe('How often the source publishes new figures.'),
  }),
);

export const indicatorBaseline = named(
  'IndicatorBaseline',
  'The baseline of an indicator: the figure progress is measured from.',
  z.object({
    period: period('Period'),
    value: decimal('Value'),
    area: areaKey('Area'),
    decision: z.string().nullable().describe('The decision or source that set it, when recorded.'),
  }),
);

export const indicatorTarget = named(
  'IndicatorTarget',
  'A target of an indicator: the value to reach by a period, in an area, and the decision that set it.',
  z.object({
    period: period('Target period'),
    value: decimal('Target value'),
    area: areaKey('Area'),
    decision: z.string().describe('The decision that set the target.'),
    decided: z.string().nullable().describe('Date of the decision (YYYY-MM-DD), when known.'),
    setAt: isoTime('When the target was recorded in Suunta'),
    supersededAt: z
      .string()
      .nullable()
      .describe('null for a target in force; otherwise when it was replaced by a later one (ISO 8601 time).'),
  }),
);

export const observation = named(
  'Observation',
  'One figure of an indicator: area, period, exact value and status, with its provenance.',
  z.object({
    area: areaKey('Area'),
    areaName: z.string().describe('Name of the area in the requested language (the key when no name is known).'),
    period: period('Period'),
    value: decimal('Value; null when the source published no figure (then `status` says why)').nullable(),
    status: z
      .string()
      .nullable()
      .describe('Status symbol of the source (e.g. "p" preliminary, "..." confidential, "." not applicable), or null.'),
    statusMeaning: z
      .string()
      .nullable()
      .describe('Meaning of the status in the requested language (or as the source labelled it), or null.'),
    unit: z.string().nullable().describe('The unit as the source wrote it, when it did.'),
    sourceUpdated: z.string().nullable().describe('The source’s `updated` time of the figure (ISO 8601), when given.'),
    retrievedAt: isoTime('When Suunta retrieved the figure'),
  }),
);

export const progressStatusJson = named(
  'ProgressStatus',
  'The progress status of an indicator in the region, with the reason that explains it.',
  z.object({
    state: z
      .enum(PROGRESS_STATES)
      .describe(
        'With a target: target_achieved, on_track, needs_acceleration, limited_progress or deterioration; ' +
          'without: improving, stable or worsening; no_data and not_comparable (unit change, series break) otherwise.',
      ),
    stateName: z.string().describe('Name of the state in the requested language.'),
    reason: z
      .object({
        key: z.enum(PROGRESS_REASON_KEYS).describe('Message key of the reason (the `monitoring` messages).'),
        params: z
          .record(z.string(), z.union([z.number(), z.string()]))
          .describe('Parameters of the reason: rates in per cent a year and years as numbers, select words as text.'),
      })
      .describe('The reason as a message key with parameters, to be worded in any language.'),
    text: z.string().describe('The reason as one sentence in the requested language.'),
  }),
);

const links = z
  .object({
    self: z.string().describe('This indicator in the API.'),
    observations: z.string().describe('Its observations as JSON.'),
    csv: z.string().describe('Its observations as CSV.'),
    jsonstat: z.string().describe('Its observations as a JSON-stat 2.0 dataset.'),
  })
  .describe('Addresses of the indicator’s data (paths on this server).');

const indicatorFields = {
  code: z.string().describe('Stable code of the indicator in the region, e.g. "vaesto".'),
  name: localizedText,
  definition: localizedText.nullable().describe('What the indicator measures; null when not written.'),
  unit: localizedText.describe('Unit of the figures.'),
  decimals: z.number().int().describe('Decimals to show.'),
  direction: z.enum(DIRECTIONS).describe('The desired direction: increase, decrease or keep (hold a level).'),
  group: z.string().describe('Code of the indicator group.'),
  level: z.enum(INDICATOR_LEVELS).describe('Level the indicator follows: programme, theme or priority.'),
  perResident: z.boolean().describe('Whether municipality comparisons divide the figures by the population.'),
  nodes: z.array(z.string()).describe('Keys of the programme nodes (themes, priorities) the indicator follows.'),
  terms: z
    .array(z.object({ taxonomy: z.string(), term: z.string() }))
    .describe('Taxonomy terms the indicator follows.'),
  source: indicatorSource,
  baseline: indicatorBaseline.nullable().describe('The baseline; null when none is set.'),
  targets: z.array(indicatorTarget).describe('The targets in force.'),
  latest: observation.nullable().describe('The latest figure of the region with a value; null when there is none.'),
  status: progressStatusJson,
  sourceUpdated: z.string().nullable().describe('The newest source `updated` of the indicator’s figures (ISO 8601).'),
  retrievedAt: z.string().nullable().describe('When its figures were last retrieved (ISO 8601).'),
  nextReleaseDue: z
    .string()
    .nullable()
    .describe('When the next release is due (YYYY-MM-DD), from the source’s frequency and `updated`; null: unknown.'),
  links,
};

export const indicatorSummary = named(
  'IndicatorSummary',
  'An indicator of a region with its definition, baseline, targets in force, latest figure and progress status.',
  z.object(indicatorFields),
);

export const indicatorGroupJson = named(
  'IndicatorGroup',
  'A group of indicators (population, employment, regional economy, …) with the codes of its indicators.',
  z.object({
    code: z.string().describe('Code of the group, e.g. "vaesto".'),
    name: localizedText,
    indicators: z.array(z.string()).describe('Codes of the group’s indicators, in order.'),
  }),
);

const regionFields = {
  regionCode: z.string().describe('Code of the region, e.g. "08".'),
  programme: z.string().nullable().describe('Slug of the programme the indicators follow, e.g. "2022-2025".'),
  lang: z.enum(LANGS).describe('Language of the texts (status reasons, area names).'),
};

export const indicatorList = named(
  'IndicatorList',
  'The indicators of a region’s programme, by group, with their latest figures and statuses.',
  z.object({ ...regionFields, groups: z.array(indicatorGroupJson), indicators: z.array(indicatorSummary) }),
);

export const indicatorDetail = named(
  'IndicatorDetail',
  'One indicator with its targets in force and every target it has had.',
  z.object({
    ...regionFields,
    ...indicatorFields,
    targetHistory: z.array(indicatorTarget).describe('Every target the indicator has had, the one in force last.'),
  }),
);

export const observationList = named(
  'ObservationList',
  'The observations of one indicator matching the filter, by area and period.',
  z.object({
    regionCode: z.string().describe('Code of the region.'),
    indicator: z.string().describe('Code of the indicator.'),
    lang: z.enum(LANGS).describe('Language of the area names and status meanings.'),
    filter: z
      .object({
        areas: z.array(z.string()).nullable().describe('The areas asked for; null: all.'),
        from: z.string().nullable().describe('First period asked for; null: from the first.'),
        to: z.string().nullable().describe('Last period asked for; null: to the last.'),
      })
      .describe('The filter as applied.'),
    observations: z.array(observation),
  }),
);

const counts = z
  .object(
    Object.fromEntries(PROGRESS_STATES.map((s) => [s, z.number().int()])) as Record<
      (typeof PROGRESS_STATES)[number],
      z.ZodNumber
    >,
  )
  .describe('Number of indicators in each state (every state present, 0 when none). Never an average.');

const rollUpFields = {
  counts,
  total: z.number().int().describe('Number of indicators counted.'),
  indicators: z.array(z.string()).describe('Codes of the indicators counted.'),
};

export const statusRollUp = named(
  'StatusRollUp',
  'Counts of indicators by progress state for the programme, each indicator group, each theme and each priority ' +
    '(a theme or priority counts the indicators linked to it or to a node under it). Counts only, never averages: ' +
    'the indicators measure unlike quantities.',
  z.object({
    regionCode: z.string().describe('Code of the region.'),
    programme: z.string().nullable().describe('Slug of the programme whose themes and priorities are counted.'),
    states: z.array(z.enum(PROGRESS_STATES)).describe('The states, in their order.'),
    overall: z.object(rollUpFields).describe('The whole indicator set of the programme.'),
    groups: z.array(z.object({ code: z.string(), name: localizedText, ...rollUpFields })).describe('Per group.'),
    themes: z
      .array(z.object({ key: z.string().describe('Node key.'), title: localizedText, ...rollUpFields }))
      .describe('Per theme (first-level node) of the programme’s current version.'),
    priorities: z
      .array(
        z.object({
          key: z.string().describe('Node key.'),
          theme: z.string().describe('Key of the theme it belongs to.'),
          title: localizedText,
          ...rollUpFields,
        }),
      )
      .describe('Per priority (second-level node).'),
  }),
);

const jsonStatCategory = z.looseObject({
  index: z.record(z.string(), z.number().int()).describe('Category code → position.'),
  label: z.record(z.string(), z.string()).describe('Category code → label.'),
});

export const jsonStatDataset = named(
  'JsonStatDataset',
  'A JSON-stat 2.0 dataset (https://json-stat.org/full/) of one indicator, shaped like a Statistics Finland ' +
    'response: dimensions Alue (areas as StatFin codes SSS, MK08, KU285), Vuosi (periods), Tiedot (the content ' +
    'code, with its unit) and the fixed filters; `value` in row-major order with the exact decimals as JSON ' +
    'numbers written as published (read them as decimals to keep every digit), null for an empty cell; `status` ' +
    'by cell index. Suunta’s own statistics import reads it back unchanged.',
  z.looseObject({
    version: z.literal('2.0'),
    class: z.literal('dataset'),
    label: z.string(),
    source: z.string(),
    updated: z.string(),
    id: z.array(z.string()),
    size: z.array(z.number().int()),
    role: z.looseObject({}),
    dimension: z.record(z.string(), z.looseObject({ label: z.string(), category: jsonStatCategory })),
    value: z.array(z.number().nullable()),
    status: z.record(z.string(), z.string()).optional(),
    extension: z.looseObject({}),
  }),
);

export const jsonStatCollection = named(
  'JsonStatCollection',
  'A JSON-stat 2.0 collection embedding one dataset per indicator of the programme (in `link.item`).',
  z.looseObject({
    version: z.literal('2.0'),
    class: z.literal('collection'),
    label: z.string(),
    updated: z.string(),
    link: z.object({ item: z.array(jsonStatDataset) }),
  }),
);

export type IndicatorSummaryJson = z.output<typeof indicatorSummary>;
export type ObservationJson = z.output<typeof observation>;
export type ProgressStatusJson = z.output<typeof progressStatusJson>;
export type TargetJson = z.output<typeof indicatorTarget>;
export type StatusRollUpJson = z.output<typeof statusRollUp>;
