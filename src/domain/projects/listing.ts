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
  /** Whether the project is linked to some node of a programme (by its data or an editor's confirmation). */
  linked: boolean;
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
  /**
   * The region's projects linked to no node of this programme (e.g. those of an earlier funding
   * period): not compared with the plan, shown apart, money by fund.
   */
  unlinked: {
    count: number;
    /** Their funding periods, e.g. ['2014-2020']. */
    periods: string[];
    byFund: { fund: FundCode; grantedCents: number; paidCents: number }[];
  };
}

/** The projects section of a priority or term page: the first projects, the count and money by fund. */
export interface ProjectSection {
  /** The browser's filter that lists all of them, e.g. `[['priority', 'uudistuva-elinkeinoelama']]`. */
  filter: [string, string][];
  totals: ProjectTotals;
  /** The first projects by name. */
  projects: ProjectListItem[];
  /**
   * Projects of the region not linked to the programme for which the alignment helper ranks this
   * priority first: proposals no editor has confirmed (priority pages only).
   */
  proposed?: ProposedProjects;
}

/** Unconfirmed proposals of the alignment helper for a priority (see services/projects/priority-suggestions.ts). */
export interface ProposedProjects {
  projects: { code: string; name: LocalizedText; fundingPeriod: string | null }[];
  /** True when the region has more unlinked projects than the helper ranks. */
  truncated: boolean;
}
