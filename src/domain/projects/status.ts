/** A project's status and the kinds of money on its funding lines. */
export const PROJECT_STATUSES = ['planned', 'running', 'ended', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);
}

/** granted = decided, paid = paid out (realised), planned = in the project's own budget. */
export const FUNDING_KINDS = ['granted', 'paid', 'planned'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export function isFundingKind(value: unknown): value is FundingKind {
  return typeof value === 'string' && (FUNDING_KINDS as readonly string[]).includes(value);
}
