/** The audit log. Events are written with the same executor (transaction) as the change they record. */
import type { AuditEntry, AuditFilter } from '#src/domain/audit.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Executor } from '../executor.ts';

export interface NewAuditEvent {
  actor: Actor;
  regionCode: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export async function insertAuditEvent(db: Executor, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: new Date().toISOString(),
      user_id: event.actor.userId,
      actor: event.actor.label,
      region_code: event.regionCode,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      summary: event.summary,
      before_json: event.before === undefined ? null : JSON.stringify(event.before),
      after_json: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}

export async function listAuditEvents(
  db: Executor,
  filter: AuditFilter = {},
): Promise<{ total: number; entries: AuditEntry[] }> {
  let q = db.selectFrom('audit_events');
  if (filter.regionCode !== undefined) q = q.where('region_code', '=', filter.regionCode);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.entityType !== undefined) q = q.where('entity_type', '=', filter.entityType);
  if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('at', '<', `${filter.to}T99`);
  const total = Number((await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      actor: r.actor,
      regionCode: r.region_code,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      summary: r.summary,
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    })),
  };
}

/** What the audit log of a region can be filtered by: the users who acted, the actions and the entity types. */
export async function auditFacets(
  db: Executor,
  regionCode: string,
): Promise<{ users: { userId: number; actor: string }[]; actions: string[]; entityTypes: string[] }> {
  const users = await db
    .selectFrom('audit_events')
    .select(['user_id', 'actor'])
    .distinct()
    .where('region_code', '=', regionCode)
    .where('user_id', 'is not', null)
    .orderBy('actor')
    .execute();
  const actions = await db
    .selectFrom('audit_events')
    .select('action')
    .distinct()
    .where('region_code', '=', regionCode)
    .orderBy('action')
    .execute();
  const types = await db
    .selectFrom('audit_events')
    .select('entity_type')
    .distinct()
    .where('region_code', '=', regionCode)
    .orderBy('entity_type')
    .execute();
  return {
    users: users.map((u) => ({ userId: u.user_id!, actor: u.actor })),
    actions: actions.map((a) => a.action),
    entityTypes: types.map((t) => t.entity_type),
  };
}
