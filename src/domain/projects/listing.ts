/** Read models of the project browser: a project in a list, a stored project, and money totals. */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { FundCode } from './funds.ts';
import type { Project } from './project.ts';
import type { ProjectStatus } from './status.ts';

export interface ProjectListItem {
  code: string;
  name: LocalizedText;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  leadOrganisation: string | null;
  /** The EU programme period of the funding, e.g. `2014-2020`; null when not known. */
  fundingPeriod: string | null;
  municipalities: string[];
  grantedCents: number;
  paidCents: number;
}

export interface StoredProject extends Project {
  regionCode: string;
  updatedAt: string;
}

export interface FundTotals {
  fund: FundCode;
  grantedCents: number;
  paidCents: number;
  plannedCents: number;
}

export interface ProjectTotals {
  count: number;
  grantedCents: number;
  paidCents: number;
  plannedCents: number;
  /** Funds with money, in the order of FUND_CODES. */
  byFund: FundTotals[];
}

/** Plan, granted and paid money of one row of the funding overview (a priority or a fund). */
export interface FundingRow {
  planCents: number;
  grantedCents: number;
  paidCents: number;
}

/** The funding overview of a programme version: plan versus granted versus paid, by priority and by fund. */
export interface FundingOverview {
  programme: { slug: string; title: LocalizedText };
  version: number;
  hasPlan: boolean;
  byPriority: (FundingRow & { key: string; title: LocalizedText; path: string[] })[];
  byFund: (FundingRow & { fund: FundCode })[];
}

/** The projects section of a priority or term page: the first projects, the count and money by fund. */
export interface ProjectSection {
  /** The browser's filter that lists all of them, e.g. `[['priority', 'uudistuva-elinkeinoelama']]`. */
  filter: [string, string][];
  totals: ProjectTotals;
  /** The first projects by name. */
  projects: ProjectListItem[];
}
