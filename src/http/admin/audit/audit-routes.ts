/**
 * The audit log for admins of a region: GET /admin/audit (filters, 50 events a page) and
 * GET /admin/audit.csv (every event of exactly the same filter).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditFilter } from '#src/domain/audit.ts';
import { toCsv } from '#src/lib/csv.ts';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { AuditPage, type AuditFilterValues } from '#src/views/admin/audit/audit-page.tsx';
import type { FieldError } from '#src/views/admin/components.tsx';
import { adminRoute, regionFromQuery, regionsWithRole } from '../admin-route.ts';
import { adminRenderContext, sendAdminError, sendAdminPage } from '../admin-page.ts';
import { accountServices } from '../auth/session-auth.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The most events one CSV export holds. */
export const AUDIT_CSV_MAX = 100_000;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const one = (query: Record<string, unknown>, name: string, max = 100): string => {
  const value = query[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
};

/** The filter of a request (`region`, `user`, `action`, `entity`, `from`, `to`), with problems per field. */
export function auditFilterOf(request: FastifyRequest): {
  values: AuditFilterValues;
  filter: AuditFilter;
  errors: FieldError[];
} {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const { t } = adminRenderContext(request);
  const values: AuditFilterValues = {
    region: regionFromQuery(request),
    user: one(query, 'user', 12),
    action: one(query, 'action'),
    entity: one(query, 'entity'),
    from: one(query, 'from', 10),
    to: one(query, 'to', 10),
  };
  const errors: FieldError[] = [];
  if (values.from !== '' && !isIsoDate(values.from))
    errors.push({ field: 'from', message: t('admin.audit.dateInvalid') });
  if (values.to !== '' && !isIsoDate(values.to)) errors.push({ field: 'to', message: t('admin.audit.dateInvalid') });
  if (errors.length === 0 && values.from !== '' && values.to !== '' && values.from > values.to)
    errors.push({ field: 'from', message: t('admin.audit.rangeInvalid') });
  const filter: AuditFilter = {
    regionCode: values.region,
    ...(/^\d{1,10}$/.test(values.user) ? { userId: Number(values.user) } : {}),
    ...(values.action !== '' ? { action: values.action } : {}),
    ...(values.entity !== '' ? { entityType: values.entity } : {}),
    ...(values.from !== '' && isIsoDate(values.from) ? { from: values.from } : {}),
    ...(values.to !== '' && isIsoDate(values.to) ? { to: values.to } : {}),
  };
  return { values, filter, errors };
}

function queryString(values: AuditFilterValues, page?: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== '') params.set(name, value);
  if (page !== undefined && page > 1) params.set('page', String(page));
  return params.toString();
}

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { audit } = accountServices(ctx);
  const rule = { kind: 'role', role: 'admin', region: regionFromQuery } as const;

  adminRoute<{ Querystring: { page?: string } }>(app, ctx, {
    method: 'GET',
    url: '/admin/audit',
    rule,
    handler: async (request, reply) => {
      const { values, filter, errors } = auditFilterOf(request);
      const regions = new Map(
        (await ctx.reader.regions()).map((r) => [r.code, pickText(r.name, request.adminLang)?.text ?? r.code]),
      );
      if (!regions.has(values.region)) throw notFound(`Region "${values.region}"`);
      const asked = Number(request.query.page);
      const page = Number.isInteger(asked) && asked >= 1 && asked <= 1_000_000 ? asked : 1;
      const { total, entries } =
        errors.length > 0
          ? { total: 0, entries: [] }
          : await audit.list({ ...filter, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
      const choices = await audit.facets(values.region);
      return sendAdminPage(
        request,
        reply,
        (ac) =>
          AuditPage({
            ac,
            region: { code: values.region, name: regions.get(values.region)! },
            adminRegions: regionsWithRole(request.auth.user, 'admin').map((code) => ({
              code,
              name: regions.get(code) ?? code,
            })),
            values,
            errors,
            choices,
            entries,
            total,
            page,
            pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
            csvHref: `/admin/audit.csv?${queryString(values)}`,
            pageHref: (p) => `/admin/audit?${queryString(values, p)}`,
          }),
        errors.length > 0 ? 400 : 200,
      );
    },
  });

  adminRoute(app, ctx, {
    method: 'GET',
    url: '/admin/audit.csv',
    rule,
    handler: async (request, reply) => {
      const { values, filter, errors } = auditFilterOf(request);
      if (errors.length > 0)
        return sendAdminError(request, reply, 400, {
          message: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        });
      const { entries } = await audit.list({ ...filter, limit: AUDIT_CSV_MAX, offset: 0 });
      const rows = entries.map((e) => [
        String(e.id),
        e.at,
        e.actor,
        e.userId === null ? '' : String(e.userId),
        e.regionCode ?? '',
        e.action,
        e.entityType,
        e.entityId,
        e.summary,
        e.before === null ? '' : JSON.stringify(e.before),
        e.after === null ? '' : JSON.stringify(e.after),
      ]);
      const csv = toCsv(
        ['id', 'at', 'actor', 'user_id', 'region', 'action', 'entity_type', 'entity_id', 'summary', 'before', 'after'],
        rows,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${values.region}.csv"`)
        .send(csv);
    },
  });
}
