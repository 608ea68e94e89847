/** JSON shapes of projects: the paged list, one project with its money and links, and totals. */
import { z } from 'zod';
import { FUND_CODES } from '#src/domain/projects/funds.ts';
import { FUNDING_KINDS, PROJECT_STATUSES } from '#src/domain/projects/status.ts';
import { localizedText, named } from './registry.ts';

const cents = (what: string) => z.number().int().describe(`${what}, in euro cents.`);

export const projectSummary = named(
  'ProjectSummary',
  'A project as the project list shows it, with its money summed.',
  z.object({
    code: z.string().describe('Project code, unique in the region, e.g. "A70301".'),
    name: localizedText,
    status: z.enum(PROJECT_STATUSES).describe('planned, running, ended or cancelled.'),
    startDate: z.string().nullable().describe('First day, yyyy-mm-dd, when known.'),
    endDate: z.string().nullable().describe('Last day, yyyy-mm-dd, when known.'),
    leadOrganisation: z.string().nullable().describe('Name of the lead organisation, when known.'),
    fundingPeriod: z
      .string()
      .nullable()
      .describe('The EU programme period whose money the project got, e.g. "2014-2020"; null when not known.'),
    linked: z
      .boolean()
      .describe('Whether the project is linked to a node of a programme (by its data or an editor’s confirmation).'),
    municipalities: z.array(z.string()).describe('Official 3-digit codes of the municipalities the project works in.'),
    grantedCents: cents('Money granted, all funds'),
    paidCents: cents('Money paid, all funds'),
  }),
);

export const projectPage = named(
  'ProjectPage',
  'One page of the projects matching the filter, with the number of all matching projects.',
  z.object({
    total: z.number().int().describe('Number of projects matching the filter.'),
    page: z.number().int().describe('This page, from 1.'),
    size: z.number().int().describe('Projects per page.'),
    pages: z.number().int().describe('Number of pages (at least 1).'),
    sort: z.enum(['name', 'start', 'code']).describe('Order of the list.'),
    projects: z.array(projectSummary),
  }),
);

const organisation = z
  .object({ name: z.string(), businessId: z.string().nullable().describe('Finnish business id, when known.') })
  .describe('An organisation.');

export const projectDetail = named(
  'Project',
  'A project with its organisations, municipalities, funding lines and links to the programme.',
  z.object({
    code: z.string().describe('Project code, unique in the region.'),
    regionCode: z.string().describe('Code of the region.'),
    name: localizedText,
    summary: localizedText.nullable(),
    leadOrganisation: organisation.nullable(),
    partners: z.array(organisation),
    municipalities: z.array(z.string()).describe('Official 3-digit municipality codes.'),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    status: z.enum(PROJECT_STATUSES),
    funding: z
      .array(
        z.object({
          fund: z.enum(FUND_CODES),
          kind: z.enum(FUNDING_KINDS),
          amountCents: cents('Amount'),
          year: z.number().int().nullable(),
        }),
      )
      .describe('Funding lines: fund, kind (granted, paid, planned), amount and year.'),
    nodes: z
      .array(z.object({ programme: z.string(), key: z.string(), primary: z.boolean() }))
      .describe('Linked programme nodes (by programme slug and node key).'),
    terms: z
      .array(z.object({ programme: z.string(), taxonomy: z.string(), term: z.string() }))
      .describe('Linked taxonomy terms.'),
    source: z.string().nullable(),
    fundingPeriod: z
      .string()
      .nullable()
      .describe(
        'The EU programme period whose money the project got, e.g. "2014-2020" (the structural funds’ 2014–2020 period); null when not known.',
      ),
    updatedAt: z.string().describe('When the project was last changed by an import (ISO time).'),
  }),
);

export const projectTotals = named(
  'ProjectTotals',
  'Count and money of the projects matching the filter, in all and by fund.',
  z.object({
    count: z.number().int().describe('Number of matching projects.'),
    grantedCents: cents('Granted'),
    paidCents: cents('Paid'),
    plannedCents: cents('Planned in the projects’ own budgets'),
    byFund: z
      .array(
        z.object({
          fund: z.enum(FUND_CODES),
          grantedCents: cents('Granted'),
          paidCents: cents('Paid'),
          plannedCents: cents('Planned'),
        }),
      )
      .describe('Funds with money, in a fixed order.'),
  }),
);
