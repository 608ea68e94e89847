/**
 * Admin routes of a version's financing plan: the page (viewers of the region) and its CSV, and
 * the changes (editors and admins of the region, drafts only): set one cell, remove one cell,
 * replace the plan with pasted CSV, copy another version's plan. A refused change shows the page
 * again with 400 (the fields or rows named), 409 (the plan changed meanwhile: stored and sent
 * values side by side; or the version is not a draft) or the error page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toCsv } from '#src/lib/csv.ts';
import { codedRefusal } from '#src/lib/zod-messages.ts';
import { pickText } from '#src/domain/languages.ts';
import { planAmountText, type PlanTreeNode } from '#src/domain/financing-plan/plan-table.ts';
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
} from '#src/services/financing-plan/edit-financing-plan.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import {
  FinancingPlanPage,
  PLAN_DONE_CODES,
  type FinancingPlanPageProps,
  type PlanDoneCode,
  type PlanFormKind,
} from '#src/views/admin/financing-plan/financing-plan-page.tsx';
import { planPaths } from '#src/views/admin/financing-plan/plan-paths.ts';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import { formSchema, textField } from '#src/http/forms/form-fields.ts';
import { numberParam, one } from '#src/http/forms/form-input.ts';
import { adminForm, type FormFailure } from '../admin-form.ts';

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
function fieldErrors(request: FastifyRequest, fields: Readonly<Record<string, string>>): FieldError[] {
  const t = translator(request.adminLang);
  const labels: Record<string, string> = {
    node: t('admin.plan.node'),
    fund: t('admin.plan.fund'),
    year: t('admin.plan.year'),
    amount: t('admin.plan.amount'),
    from: t('admin.plan.copy.label'),
  };
  return Object.entries(fields).map(([field, message]) => ({
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
 * The plan page again for a refused change: a conflict (409, the page with the comparison), field
 * errors (400 at the form), row problems of pasted CSV (400), a refusal (not a draft: 409; bad
 * input: 400).
 */
function refused(ctx: AppContext, kind: PlanFormKind) {
  return (request: PlanRequest, reply: FastifyReply, f: FormFailure): Promise<FastifyReply> => {
    const form = f.sent;
    const keep: Extras = kind === 'set' ? { cellForm: form } : kind === 'csv' ? { csvText: one(form, 'csv') } : {};
    if (f.conflict)
      return sendPlan(
        ctx,
        request,
        reply,
        { ...keep, conflict: { kind, state: f.conflict as PlanConflictState, form } },
        409,
      );
    if (f.errors.length > 0) {
      if (kind === 'copy') return sendPlan(ctx, request, reply, { copyErrors: f.errors }, 400);
      if (kind === 'set') return sendPlan(ctx, request, reply, { ...keep, cellErrors: f.errors }, 400);
      return sendPlan(ctx, request, reply, { ...keep, problem: f.message }, 400);
    }
    if (f.error.code === 'invalid_file' && kind === 'csv') {
      const csvErrors = f.error.details.length > 0 ? [...f.error.details] : [f.error.message];
      return sendPlan(ctx, request, reply, { ...keep, csvErrors }, 400);
    }
    return sendPlan(ctx, request, reply, { ...keep, problem: f.message }, f.status);
  };
}

/** The plan's revision (a hash of the plan as the page showed it). */
const planRevision = textField.transform(checkPlanRevision);

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

  adminForm(app, ctx, {
    url: `${BASE}/financing-plan/cells`,
    rule: editor,
    fieldErrors,
    schema: (request: FastifyRequest) =>
      formSchema(
        { revision: planRevision, node: textField, fund: textField, year: textField, amount: textField },
        (f) => ({ ...f, lang: request.adminLang }),
      ),
    action: async (input, request: PlanRequest) => {
      const ref = planRef(request);
      const { changed } = await setFinancingPlanCell(ctx, actorOf(request), ref, input);
      return doneUrl(ref, changed ? 'set' : 'unchanged');
    },
    view: refused(ctx, 'set'),
  });

  adminForm(app, ctx, {
    url: `${BASE}/financing-plan/cells/remove`,
    rule: editor,
    fieldErrors,
    schema: formSchema({ revision: planRevision, node: textField, fund: textField, year: textField }, (f) => f),
    action: async (input, request: PlanRequest) => {
      const ref = planRef(request);
      await removeFinancingPlanCell(ctx, actorOf(request), ref, input);
      return doneUrl(ref, 'removed');
    },
    view: refused(ctx, 'remove'),
  });

  adminForm(app, ctx, {
    url: `${BASE}/financing-plan/import`,
    rule: editor,
    fieldErrors,
    schema: formSchema({ revision: planRevision, csv: textField }, ({ revision, csv }) => ({ revision, text: csv })),
    action: async (input, request: PlanRequest) => {
      const ref = planRef(request);
      await replaceFinancingPlanFromCsv(ctx, actorOf(request), ref, input);
      return doneUrl(ref, 'imported');
    },
    view: refused(ctx, 'csv'),
  });

  adminForm(app, ctx, {
    url: `${BASE}/financing-plan/copy`,
    rule: editor,
    fieldErrors,
    schema: formSchema(
      {
        from: textField.pipe(
          z
            .string()
            .regex(/^[1-9]\d{0,8}$/, { error: codedRefusal('choose a version', 'choose_version') })
            .transform(Number),
        ),
        revision: planRevision,
      },
      (f) => f,
    ),
    action: async (input, request: PlanRequest) => {
      const ref = planRef(request);
      await copyFinancingPlan(ctx, actorOf(request), ref, input);
      return doneUrl(ref, 'copied');
    },
    view: refused(ctx, 'copy'),
  });
}
