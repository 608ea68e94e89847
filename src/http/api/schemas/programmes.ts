/** JSON shapes of programmes and their versions. */
import { z } from 'zod';
import { localizedText, named } from './registry.ts';

const int = (description: string) => z.number().int().describe(description);

export const programmeSummary = named(
  'ProgrammeSummary',
  "A region's programme for a period.",
  z.object({
    id: z.string().describe('Public id: region code and slug, e.g. "08-2022-2025".'),
    regionCode: z.string(),
    slug: z.string().describe('URL name of the programme, normally its period.'),
    kind: z.string().describe('Kind of programme, e.g. "regional-programme".'),
    title: localizedText,
    period: z.object({ start: int('First year.'), end: int('Last year.') }).describe('Years the programme covers.'),
    currentVersion: int('Number of the version shown by default: the approved one, else the newest.').nullable(),
  }),
);
export type ProgrammeSummaryJson = z.output<typeof programmeSummary>;

export const programmeList = named(
  'ProgrammeList',
  'Programmes, by region and newest period first.',
  z.object({ programmes: z.array(programmeSummary) }),
);

export const level = named(
  'Level',
  'A level of the programme tree, e.g. theme → priority → measure.',
  z.object({
    key: z.string().describe('Key of the level, used as `level` of nodes, e.g. "priority".'),
    depth: int('1 for the top level.'),
    name: localizedText.describe('Name of one item of the level.'),
    namePlural: localizedText.describe('Name of several items of the level.'),
  }),
);

export const decision = named(
  'Decision',
  'The decision that approved a version.',
  z.object({
    body: localizedText.describe('Decision-making body, e.g. the regional assembly.'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('Date of the decision, YYYY-MM-DD.'),
    reference: z.string().nullable().describe('Reference of the decision, e.g. a minutes section.'),
  }),
);

const versionFields = {
  number: int('Version number, from 1.'),
  status: z
    .enum(['draft', 'consultation', 'approved', 'superseded'])
    .describe('draft, consultation, approved or superseded.'),
  current: z.boolean().describe('True for the version shown by default.'),
  label: localizedText.nullable().describe('Short name of the version.'),
  decision: decision.nullable().describe('The approving decision; null for drafts.'),
  changelog: localizedText.nullable().describe('What changed from the previous version.'),
  updatedAt: z.string().describe('When the version was last stored (ISO 8601 timestamp).'),
};

export const versionSummary = named(
  'VersionSummary',
  'A version of a programme: a whole snapshot of its content.',
  z.object(versionFields),
);
export type VersionSummaryJson = z.output<typeof versionSummary>;

export const programmeDetail = named(
  'Programme',
  'A programme with its levels and versions.',
  programmeSummary.extend({
    levels: z.array(level).describe('Levels of the tree, top first.'),
    versions: z.array(versionSummary).describe('All versions, oldest first.'),
  }),
);
export type ProgrammeJson = z.output<typeof programmeDetail>;

export const versionList = named(
  'VersionList',
  'The versions of a programme, oldest first.',
  z.object({
    programmeId: z.string(),
    currentVersion: int('Number of the current version.').nullable(),
    versions: z.array(versionSummary),
  }),
);

export const versionDetail = named(
  'Version',
  'A version with its vision and summary (the tree is under …/nodes).',
  z.object({
    programmeId: z.string(),
    ...versionFields,
    vision: localizedText.nullable().describe('The vision statement of the programme.'),
    summary: localizedText.nullable().describe('Summary of the programme.'),
    nodeCount: int('Number of nodes in the tree.'),
  }),
);
export type VersionJson = z.output<typeof versionDetail>;
