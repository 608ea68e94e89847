/**
 * Admin routes of a version's financing plan: the page (viewers of the region) and its CSV, and
 * the changes (editors and admins of the region, drafts only): set one cell, remove one cell,
 * replace the plan with pasted CSV, copy another version's plan. A refused change shows the page
 * again with 400 (the fields or rows named), 409 (the plan changed meanwhile: stored and sent
 * values side by side; or the version is not a draft) or the error page.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EditConflict, FieldErrors } from '#src/domain/edit-errors.ts';
import { toCsv } from '#src/lib/csv.ts';
import { AppError } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import { planAmountText, type PlanTreeNode } from '#src/domain/projects/plan-table.ts';
import { translator } from '#src/i18n/index.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  checkPlanRevision,
  copyFinancingPlan,
  financingPlanForEdit,
  removeFinancingPlanCell,
  replaceFinancingPlanFromCsv,
  setFinancingPlanCell,
  type PlanConflictState,
  type PlanEditView,
} from '#src/services/editing/financing-plan.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import {
  FinancingPlanPage,
  PLAN_DONE_CODES,
  type FinancingPlanPageProps,
  type PlanDoneCode,
  type PlanFormKind,
} from '#src/views/admin/financing-plan/financing-plan-page.tsx';
import { planPaths } from '#src/views/admin/financing-plan/plan-paths.ts';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import { formOf, isShownOnForm, numberParam, one, statusFor } from '../programmes/form-input.ts';

type PlanParams = { Params: { code: string; slug: string; number: string } };
type PlanRequest = AdminRequest<PlanParams>;

const viewer = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;
const editor = { kind: 'role', role: 'editor', region: regionParam('code') } as const;

const BASE = '/admin/regions/:code/programmes/:slug/versions/:number';

function planRef(request: PlanRequest): { code: string; slug: string; number: number } {
  return {
    code: request.params.code,
    slug: request.params.slug,
    number: numberParam(request.params.number, 'Version'),
  };
}

type Extras = Partial<Omit<FinancingPlanPageProps, 'ac' | 'view' | 'canEdit'>>;

async function sendPlan(
  ctx: AppContext,
  request: PlanRequest,
  reply: FastifyReply,
  extras: Extras = {},
  status = 200,
  loaded?: PlanEditView,
): Promise<FastifyReply> {
  const view = loaded ?? (await financingPlanForEdit(ctx.db.kysely, planRef(request)));
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      FinancingPlanPage({
        ac,
        view,
        canEdit: hasRole(request.auth.user, 'editor', request.params.code),
        cellForm: extras.cellForm ?? {},
        cellErrors: extras.cellErrors ?? [],
        csvText: extras.csvText ?? '',
        csvErrors: extras.csvErrors ?? [],
        copyErrors: extras.copyErrors ?? [],
        conflict: extras.conflict ?? null,
        problem: extras.problem ?? null,
        done: extras.done ?? null,
      }),
    status,
  );
}

/** The field errors of a refused change, each message starting with the field's label in the UI language. */
function fieldErrors(request: PlanRequest, error: FieldErrors): FieldError[] {
  const t = translator(request.adminLang);
  const labels: Record<string, string> = {
    node: t('admin.plan.node'),
    fund: t('admin.plan.fund'),
    year: t('admin.plan.year'),
    amount: t('admin.plan.amount'),
    from: t('admin.plan.copy.label'),
  };
  return Object.entries(error.fields).map(([field, message]) => ({
    field,
    message: `${labels[field] ?? field}: ${message}`,
  }));
}

/** The amount of a line as the form shows it: `1250000,50` in Finnish and Swedish, `1250000.50` in English. */
function amountForForm(cents: number, lang: string): string {
  const text = planAmountText(cents);
  return lang === 'en' ? text : text.replace('.', ',');
}

/**
 * Handles what a change may throw: a conflict (409, the page with the comparison), field errors
 * (400 at the form), row problems of pasted CSV (400), a refusal (not a draft: 409; bad input: 400).
 */
async function refused(
  ctx: AppContext,
  request: PlanRequest,
  reply: FastifyReply,
  kind: PlanFormKind,
  form: FormValues,
  error: unknown,
): Promise<FastifyReply> {
  const keep: Extras = kind === 'set' ? { cellForm: form } : kind === 'csv' ? { csvText: one(form, 'csv') } : {};
  if (error instanceof EditConflict) {
    return sendPlan(
      ctx,
      request,
      reply,
      { ...keep, conflict: { kind, state: error.current as PlanConflictState, form } },
      409,
    );
  }
  if (error instanceof FieldErrors) {
    const errors = fieldErrors(request, error);
    if (kind === 'copy') return sendPlan(ctx, request, reply, { copyErrors: errors }, 400);
    if (kind === 'set') return sendPlan(ctx, request, reply, { ...keep, cellErrors: errors }, 400);
    return sendPlan(ctx, request, reply, { ...keep, problem: errors.map((e) => e.message).join('; ') }, 400);
  }
  if (error instanceof AppError && error.code === 'invalid_file' && kind === 'csv') {
    return sendPlan(
      ctx,
      request,
      reply,
      { ...keep, csvErrors: error.details.length > 0 ? [...error.details] : [error.message] },
      400,
    );
  }
  if (isShownOnForm(error)) return sendPlan(ctx, request, reply, { ...keep, problem: error.message }, statusFor(error));
  throw error;
}

function doneUrl(
  ref: { code: string; slug: string; number: number },
  done: PlanDoneCode,
  anchor = 'plan-table',
): string {
  return `${planPaths.plan(ref, ref.number)}?done=${done}#${anchor}`;
}

export function registerFinancingPlanAdmin(app: FastifyInstance, ctx: AppContext): void {
  adminRoute<PlanParams & { Querystring: Record<string, string | string[] | undefined> }>(app, ctx, {
    method: 'GET',
    url: `${BASE}/financing-plan`,
    rule: viewer,
    handler: async (request, reply) => {
      const q = request.query;
      const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
      const done = first(q['done']);
      const view = await financingPlanForEdit(ctx.db.kysely, planRef(request));
      // `?node=&fund=&year=` (the lines' edit links) fills in the cell form with the stored amount.
      const cellForm: Record<string, string> = {};
      const node = first(q['node']);
      const fund = first(q['fund']);
      const year = first(q['year']);
      if (node !== '' || fund !== '' || year !== '') {
        Object.assign(cellForm, { node, fund, year });
        const line = view.lines.find((l) => l.nodeKey === node && l.fund === fund && String(l.year) === year);
        if (line) cellForm['amount'] = amountForForm(line.plannedCents, request.adminLang);
      }
      return sendPlan(
        ctx,
        request,
        reply,
        { cellForm, done: (PLAN_DONE_CODES as readonly string[]).includes(done) ? (done as PlanDoneCode) : null },
        200,
        view,
      );
    },
  });

  adminRoute<PlanParams>(app, ctx, {
    method: 'GET',
    url: `${BASE}/financing-plan.csv`,
    rule: viewer,
    handler: async (request, reply) => {
      const ref = planRef(request);
      const view = await financingPlanForEdit(ctx.db.kysely, ref);
      const titles = new Map<string, string>();
      const walk = (nodes: readonly PlanTreeNode[]): void => {
        for (const n of nodes) {
          titles.set(n.key, pickText(n.title, 'fi')?.text ?? '');
          walk(n.children);
        }
      };
      walk(view.nodes);
      const rows = view.lines.map((l) => [
        l.nodeKey,
        titles.get(l.nodeKey) ?? '',
        l.fund,
        String(l.year),
        planAmountText(l.plannedCents),
      ]);
      const body = toCsv(['node', 'title', 'fund', 'year', 'amount'], rows);
      const file = `financing-plan-${ref.code}-${ref.slug}-v${ref.number}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(body);
    },
  });

  adminRoute<PlanParams>(app, ctx, {
    method: 'POST',
    url: `${BASE}/financing-plan/cells`,
    rule: editor,
    handler: async (request, reply) => {
      const ref = planRef(request);
      const form = formOf(request);
      let changed: boolean;
      try {
        const result = await setFinancingPlanCell(ctx, actorOf(request), ref, {
          revision: checkPlanRevision(one(form, 'revision')),
          node: one(form, 'node'),
          fund: one(form, 'fund'),
          year: one(form, 'year'),
          amount: one(form, 'amount'),
          lang: request.adminLang,
        });
        changed = result.changed;
      } catch (error) {
        return refused(ctx, request, reply, 'set', form, error);
      }
      return reply.redirect(doneUrl(ref, changed ? 'set' : 'unchanged'), 303);
    },
  });

  adminRoute<PlanParams>(app, ctx, {
    method: 'POST',
    url: `${BASE}/financing-plan/cells/remove`,
    rule: editor,
    handler: async (request, reply) => {
      const ref = planRef(request);
      const form = formOf(request);
      try {
        await removeFinancingPlanCell(ctx, actorOf(request), ref, {
          revision: checkPlanRevision(one(form, 'revision')),
          node: one(form, 'node'),
          fund: one(form, 'fund'),
          year: one(form, 'year'),
        });
      } catch (error) {
        return refused(ctx, request, reply, 'remove', form, error);
      }
      return reply.redirect(doneUrl(ref, 'removed'), 303);
    },
  });

  adminRoute<PlanParams>(app, ctx, {
    method: 'POST',
    url: `${BASE}/financing-plan/import`,
    rule: editor,
    handler: async (request, reply) => {
      const ref = planRef(request);
      const form = formOf(request);
      try {
        await replaceFinancingPlanFromCsv(ctx, actorOf(request), ref, {
          revision: checkPlanRevision(one(form, 'revision')),
          text: one(form, 'csv'),
        });
      } catch (error) {
        return refused(ctx, request, reply, 'csv', form, error);
      }
      return reply.redirect(doneUrl(ref, 'imported'), 303);
    },
  });

  adminRoute<PlanParams>(app, ctx, {
    method: 'POST',
    url: `${BASE}/financing-plan/copy`,
    rule: editor,
    handler: async (request, reply) => {
      const ref = planRef(request);
      const form = formOf(request);
      try {
        const raw = one(form, 'from');
        if (!/^[1-9]\d{0,8}$/.test(raw)) throw new FieldErrors('The plan was not copied', { from: 'choose a version' });
        await copyFinancingPlan(ctx, actorOf(request), ref, {
          revision: checkPlanRevision(one(form, 'revision')),
          from: Number(raw),
        });
      } catch (error) {
        return refused(ctx, request, reply, 'copy', form, error);
      }
      return reply.redirect(doneUrl(ref, 'copied'), 303);
    },
  });
}
