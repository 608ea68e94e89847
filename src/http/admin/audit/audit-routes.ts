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
import { textField } from '#src/http/forms/form-fields.ts';
import { problemsOf } from '#src/lib/zod-messages.ts';
import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;
/** The most events one CSV export holds. */
export const AUDIT_CSV_MAX = 100_000;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The text of a query parameter as sent (trimmed, at most `max` characters), shown again in the filter form. */
const sentText = (query: Record<string, unknown>, name: string, max = 100): string => {
  const value = query[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
};

/** The zod schema of the audit log's query (the filter and `page`), its refusals in the admin language. */
function auditQuery(t: ReturnType<typeof adminRenderContext>['t']) {
  const trimmed = (max: number) => textField.transform((v) => v.trim().slice(0, max));
  const date = trimmed(10).refine((v) => v === '' || isIsoDate(v), { error: t('admin.audit.dateInvalid') });
  return z
    .looseObject({
      user: trimmed(12).pipe(z.string().regex(/^(\d{1,10})?$/, { error: t('admin.audit.userInvalid') })),
      action: trimmed(100),
      entity: trimmed(100),
      from: date,
      to: date,
      page: trimmed(12)
        .pipe(z.string().regex(/^([1-9]\d{0,6})?$/, { error: t('admin.audit.pageInvalid') }))
        .transform((v) => (v === '' ? 1 : Number(v)))
        .pipe(z.number().max(1_000_000, { error: t('admin.audit.pageInvalid') })),
    })
    .refine((q) => q.from === '' || q.to === '' || q.from <= q.to, {
      path: ['from'],
      error: t('admin.audit.rangeInvalid'),
    });
}

/** The filter of a request (`region`, `user`, `action`, `entity`, `from`, `to`) and its `page`, with problems per field. */
export function auditFilterOf(request: FastifyRequest): {
  values: AuditFilterValues;
  filter: AuditFilter;
  page: number;
  errors: FieldError[];
} {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const { t } = adminRenderContext(request);
  const region = regionFromQuery(request);
  const parsed = auditQuery(t).safeParse(query);
  if (!parsed.success) {
    const values: AuditFilterValues = {
      region,
      user: sentText(query, 'user', 12),
      action: sentText(query, 'action'),
      entity: sentText(query, 'entity'),
      from: sentText(query, 'from', 10),
      to: sentText(query, 'to', 10),
    };
    const errors = problemsOf(parsed.error).map((p) => ({ field: p.field, message: p.message }));
    return { values, filter: { regionCode: region }, page: 1, errors };
  }
  const q = parsed.data;
  const values: AuditFilterValues = {
    region,
    user: q.user,
    action: q.action,
    entity: q.entity,
    from: q.from,
    to: q.to,
  };
  const filter: AuditFilter = {
    regionCode: region,
    ...(q.user !== '' ? { userId: Number(q.user) } : {}),
    ...(q.action !== '' ? { action: q.action } : {}),
    ...(q.entity !== '' ? { entityType: q.entity } : {}),
    ...(q.from !== '' ? { from: q.from } : {}),
    ...(q.to !== '' ? { to: q.to } : {}),
  };
  return { values, filter, page: q.page, errors: [] };
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

  adminRoute(app, ctx, {
    method: 'GET',
    url: '/admin/audit',
    rule,
    handler: async (request, reply) => {
      const { values, filter, page, errors } = auditFilterOf(request);
      const regions = new Map(
        (await ctx.reader.regions()).map((r) => [r.code, pickText(r.name, request.adminLang)?.text ?? r.code]),
      );
      if (!regions.has(values.region)) throw notFound(`Region "${values.region}"`);
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
