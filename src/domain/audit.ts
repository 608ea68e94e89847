/** An entry of the audit log: who changed what, when, with the state before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  regionCode: string | null;
  /** e.g. `node.update`, `version.approve`, `user.invite`. */
  action: string;
  /** e.g. `node`, `version`, `user`. */
  entityType: string;
  /** A stable id of the changed thing, e.g. `08-2022-2025/v3/osaaminen-ja-koulutus`. */
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  regionCode?: string | undefined;
  userId?: number | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  /** ISO date (inclusive). */
  from?: string | undefined;
  /** ISO date (inclusive). */
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}
