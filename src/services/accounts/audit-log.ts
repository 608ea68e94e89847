/** Reading the audit log: filtered, paged listings and the choices for the filters. */
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditFilter } from '#src/domain/audit.ts';
import { auditFacets, listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import type { Database } from '#src/storage/schema.ts';

export type { AuditEntry, AuditFilter };

export interface AuditFacets {
  users: { userId: number; actor: string }[];
  actions: string[];
  entityTypes: string[];
}

export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }> {
    return listAuditEvents(this.db, filter);
  }

  facets(regionCode: string): Promise<AuditFacets> {
    return auditFacets(this.db, regionCode);
  }
}
