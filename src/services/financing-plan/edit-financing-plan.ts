/**
 * Editing the financing plan of a draft version in the admin UI: set or remove one cell
 * (node × fund × year), replace the whole plan with pasted CSV (the CLI import's format, checked
 * row by row, all or nothing), or copy another version's plan. Each change is one transaction with
 * its audit event and a content-generation bump (so the public funding overview follows). The
 * plan's revision is a hash of its lines: a change sent with an older revision is a 409 carrying
 * the plan stored now.
 */
import { createHash } from 'node:crypto';
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, badRequest } from '#src/domain/errors.ts';
import type { Lang } from '#src/domain/languages.ts';
import { mapPlanRow, type PlanLine, type PlanLookups } from '#src/domain/financing-plan/plan-line.ts';
import { fundFromName } from '#src/domain/projects/funds.ts';
import {
  buildPlanTable,
  canonicalPlan,
  diffPlans,
  parsePlanAmount,
  planAmountText,
  planCellKey,
  sortPlanLines,
  type PlanChange,
  type PlanConflictState,
  type PlanEditView,
} from '#src/domain/financing-plan/plan-table.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  deletePlanCell,
  listFinancingPlan,
  type PlanKey,
  planLineCounts,
  replaceFinancingPlan,
  setPlanCell,
} from '#src/storage/repositories/financing-plan-repository.ts';
import { listNodes } from '#src/storage/repositories/nodes-repository.ts';
import type { ProgrammeRow } from '#src/storage/repositories/programmes-repository.ts';
import type { VersionRow } from '#src/storage/repositories/versions-repository.ts';
import { planLinesFromTable } from './import-financing-plan.ts';
import { readCsv } from '../import-files/read-table.ts';
import {
  editTransaction,
  entityId,
  loadDraft,
  loadVersion,
  type EditingContext,
  type VersionRef,
} from '../programmes/edit-transaction.ts';
import { versionForEdit } from '../programmes/editor-reader.ts';

export type { PlanConflictState, PlanEditView };

/** The revision of a plan: the first 16 hex digits of the SHA-256 of its canonical text. */
export function planRevision(lines: readonly PlanLine[]): string {
  return createHash('sha256').update(canonicalPlan(lines)).digest('hex').slice(0, 16);
}

/** The form field `revision` as sent (400 when it cannot be a plan revision). */
export function checkPlanRevision(raw: string): string {
  if (!/^[0-9a-f]{16}$/.test(raw))
    throw new AppError('bad_request', 'revision must be the plan revision of the page (reload the page)', [], {
      code: 'plan_revision',
    });
  return raw;
}

const planKey = (ref: VersionRef): PlanKey => ({
  regionCode: ref.code,
  programmeSlug: ref.slug,
  versionNumber: ref.number,
});
const planEntity = (ref: VersionRef): string => `${entityId(ref, ref.number)}/financing-plan`;
const cellText = (l: { nodeKey: string; fund: string; year: number }): string => `${l.nodeKey} / ${l.fund} / ${l.year}`;
const euros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? 'none' : `${planAmountText(cents)} €`;

/** The plan page of a version: the tree, the lines as a table, the revision, and the versions to copy from. */
export async function financingPlanForEdit(db: Executor, ref: VersionRef): Promise<PlanEditView> {
  const view = await versionForEdit(db, ref);
  const { versions } = await loadVersion(db, ref);
  const lines = sortPlanLines(await listFinancingPlan(db, planKey(ref)));
  const counts = await planLineCounts(db, ref.code, ref.slug);
  const p = view.programme;
  return {
    programme: {
      regionCode: p.regionCode,
      slug: p.slug,
      title: p.title,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      levels: p.levels,
    },
    version: { number: view.version.number, status: view.version.status, editable: view.version.editable },
    nodes: view.nodes,
    lines,
    revision: planRevision(lines),
    table: buildPlanTable(view.nodes, lines),
    sources: versions
      .filter((v) => v.number !== ref.number && (counts.get(v.number) ?? 0) > 0)
      .sort((a, b) => b.number - a.number)
      .map((v) => ({ number: v.number, status: v.status, lines: counts.get(v.number)! })),
  };
}

interface Loaded {
  programme: ProgrammeRow;
  version: VersionRow;
  key: PlanKey;
  lines: PlanLine[];
  revision: string;
}

/**
 * The draft and its plan, read after the version's row is touched: a concurrent change of the
 * same plan waits for this transaction (PostgreSQL row lock; SQLite has one writer), so the plan
 * read here is the latest and the revision check cannot miss a change.
 */
async function loadPlan(trx: Executor, ref: VersionRef): Promise<Loaded> {
  const { programme, version } = await loadDraft(trx, ref);
  const key = planKey(ref);
  const lines = sortPlanLines(await listFinancingPlan(trx, key));
  return { programme, version, key, lines, revision: planRevision(lines) };
}

function conflict(ref: VersionRef, loaded: Loaded, yours?: PlanLine[]): EditConflict<PlanConflictState> {
  return new EditConflict<PlanConflictState>(`The financing plan of version ${ref.number}`, {
    revision: loaded.revision,
    lines: loaded.lines,
    yours,
  });
}

async function lookupsOf(trx: Executor, ref: VersionRef, loaded: Loaded): Promise<PlanLookups> {
  const nodes = await listNodes(trx, loaded.version.id);
  return {
    versionLabel: `version ${ref.number}`,
    nodeKeys: new Set(nodes.map((n) => n.key)),
    periodStart: loaded.programme.periodStart,
    periodEnd: loaded.programme.periodEnd,
  };
}

const asAudit = (
  changes: readonly PlanChange[],
  side: 'before' | 'after',
): { nodeKey: string; fund: string; year: number; plannedCents: number | null }[] =>
  changes.map((c) => ({ nodeKey: c.nodeKey, fund: c.fund, year: c.year, plannedCents: c[side] }));

export interface CellInput {
  revision: string;
  node: string;
  fund: string;
  year: string;
  amount: string;
  /** The UI language: decides the decimal separator of an amount that could be read either way. */
  lang: Lang;
}

/** Sets the planned amount of one cell (node × fund × year) of a draft's plan. */
export async function setFinancingPlanCell(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: CellInput,
): Promise<{ line: PlanLine; changed: boolean }> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const loaded = await loadPlan(trx, ref);
    if (loaded.revision !== input.revision) throw conflict(ref, loaded);
    const values: Record<string, string> = { node: input.node, fund: input.fund, year: input.year, amount: '0' };
    const mapped = mapPlanRow((c) => values[c], await lookupsOf(trx, ref, loaded));
    const errors: FieldErrorMap = {};
    for (const p of mapped.problems)
      errors[p.column ?? 'node'] = p.code ? fieldProblem(p.code.code, p.reason, p.code.params) : p.reason;
    if (input.node.trim() === '')
      errors['node'] = fieldProblem('choose_node', 'is empty (choose the part of the programme)');
    const amount = parsePlanAmount(input.amount, input.lang === 'en' ? '.' : ',');
    if (!amount.ok) errors['amount'] = fieldProblem(amount.reason.code, amount.error, amount.reason.params);
    if (!mapped.line || !amount.ok || Object.keys(errors).length > 0)
      throw new FieldErrors('The amount was not saved', errors);
    const line: PlanLine = { ...mapped.line, plannedCents: amount.cents };
    const old = loaded.lines.find((l) => planCellKey(l) === planCellKey(line)) ?? null;
    if (old?.plannedCents === line.plannedCents) return { line, changed: false };
    await setPlanCell(trx, loaded.key, line);
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'financing-plan.set',
      entityType: 'financing-plan',
      entityId: planEntity(ref),
      summary: `Set the planned amount of ${cellText(line)} in version ${ref.number} to ${euros(line.plannedCents)} (was ${euros(old?.plannedCents)})`,
      before: old,
      after: line,
    });
    return { line, changed: true };
  });
}

/** Removes one cell from a draft's plan. */
export async function removeFinancingPlanCell(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: { revision: string; node: string; fund: string; year: string },
): Promise<void> {
  await editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const loaded = await loadPlan(trx, ref);
    if (loaded.revision !== input.revision) throw conflict(ref, loaded);
    const fund = fundFromName(input.fund);
    const old = loaded.lines.find(
      (l) => l.nodeKey === input.node && l.fund === fund && String(l.year) === input.year.trim(),
    );
    if (!old)
      throw badRequest(
        `The plan of version ${ref.number} has no line for node "${input.node}", fund "${input.fund}" and year "${input.year}"`,
      );
    await deletePlanCell(trx, loaded.key, old);
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'financing-plan.remove',
      entityType: 'financing-plan',
      entityId: planEntity(ref),
      summary: `Removed ${cellText(old)} (${euros(old.plannedCents)}) from the plan of version ${ref.number}`,
      before: old,
      after: null,
    });
  });
}

export interface PlanReplaceResult {
  lines: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** What pasted CSV is called in row problems: `CSV: row 3, column "amount": …`. */
export const PASTED_CSV = 'CSV';

async function replaceWith(
  trx: Executor,
  actor: Actor,
  ref: VersionRef,
  loaded: Loaded,
  lines: PlanLine[],
  action: string,
  how: string,
): Promise<PlanReplaceResult> {
  const changes = diffPlans(loaded.lines, lines);
  const counts = await replaceFinancingPlan(trx, loaded.key, lines);
  if (changes.length > 0) {
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action,
      entityType: 'financing-plan',
      entityId: planEntity(ref),
      summary:
        `Replaced the plan of version ${ref.number} ${how}: ${counts.added} ` +
        `added, ${counts.changed} changed, ${counts.removed} removed, ${counts.unchanged} unchanged`,
      before: asAudit(changes, 'before'),
      after: asAudit(changes, 'after'),
    });
  }
  return { lines: lines.length, ...counts };
}

/**
 * Replaces a draft's plan with CSV text (columns node, fund, year, amount; `,` `;` or tab). Every
 * row is checked first: one bad row and nothing is written (an invalid_file error naming each row).
 */
export async function replaceFinancingPlanFromCsv(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: { revision: string; text: string },
): Promise<PlanReplaceResult> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const loaded = await loadPlan(trx, ref);
    const lookups = await lookupsOf(trx, ref, loaded);
    const read = (): PlanLine[] => planLinesFromTable(PASTED_CSV, readCsv(input.text.replace(/^\uFEFF/, '')), lookups);
    if (loaded.revision !== input.revision) {
      let yours: PlanLine[] | undefined;
      try {
        yours = read();
      } catch {
        yours = undefined;
      }
      throw conflict(ref, loaded, yours);
    }
    return replaceWith(trx, actor, ref, loaded, read(), 'financing-plan.import', 'with pasted CSV');
  });
}

/** Replaces a draft's plan with a copy of another version's (lines on nodes this version lacks are left out). */
export async function copyFinancingPlan(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: { revision: string; from: number },
): Promise<PlanReplaceResult & { skipped: number }> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const loaded = await loadPlan(trx, ref);
    if (input.from === ref.number)
      throw new FieldErrors('The plan was not copied', { from: 'is this version; choose another version' });
    await loadVersion(trx, { ...ref, number: input.from });
    const source = sortPlanLines(await listFinancingPlan(trx, { ...loaded.key, versionNumber: input.from }));
    if (source.length === 0)
      throw new FieldErrors('The plan was not copied', { from: `version ${input.from} has no financing plan` });
    const { nodeKeys, periodStart, periodEnd } = await lookupsOf(trx, ref, loaded);
    const lines = source.filter((l) => nodeKeys.has(l.nodeKey) && l.year >= periodStart && l.year <= periodEnd);
    if (loaded.revision !== input.revision) throw conflict(ref, loaded, lines);
    const result = await replaceWith(
      trx,
      actor,
      ref,
      loaded,
      lines,
      'financing-plan.copy',
      `with the plan of version ${input.from}`,
    );
    return { ...result, skipped: source.length - lines.length };
  });
}
