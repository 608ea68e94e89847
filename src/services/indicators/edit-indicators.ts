/**
 * Editing an indicator in the admin UI (issue 8, point 2): its definition texts (name, definition
 * and unit in fi/sv/en, owner, direction, group) and its targets. Each change is one transaction
 * that records the `indicators` content change and writes one audit event (`indicators.edit`,
 * `indicators.target`). The form carries the indicator's revision: a stale one is refused with the
 * values stored now (EditConflict, 409), checked again by the conditional UPDATE … WHERE revision = ?.
 *
 * A target is set for an area and a period: a target in force for the same area and period is
 * superseded (kept in the history with the time it was replaced), never deleted; targets of other
 * periods stay in force.
 */
import type { z } from 'zod';
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import {
  areaKeySchema,
  decimalSchema,
  DIRECTIONS,
  periodSchema,
  type Direction,
} from '#src/domain/indicators/definition-file.ts';
import type { StoredIndicator, StoredTarget } from '#src/domain/indicators/indicator.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanLine, cleanTexts, TEXT_LIMITS, type TextFieldSpec } from '#src/domain/text-fields.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  bumpIndicatorRevision,
  listIndicatorGroups,
  listIndicators,
  listTargetHistory,
  replaceTargets,
  updateIndicatorIfRevision,
} from '#src/storage/repositories/indicators-repository.ts';
import { editTransaction, type EditingContext } from '../programmes/edit-transaction.ts';

export const INDICATOR_TEXT_FIELDS = ['name', 'definition', 'unit'] as const;
export type IndicatorTextField = (typeof INDICATOR_TEXT_FIELDS)[number];

export const INDICATOR_TEXT_SPECS: Record<IndicatorTextField, TextFieldSpec> = {
  name: { required: true, max: TEXT_LIMITS.name },
  definition: { max: TEXT_LIMITS.summary, multiline: true },
  unit: { required: true, max: TEXT_LIMITS.label },
};

/** Longest owner (a person, unit or e-mail address) and decision text. */
export const OWNER_MAX = 200;
export const DECISION_MAX = 300;

/** What the edit forms show, and what a 409 shows beside the sent values. */
export interface IndicatorState {
  code: string;
  revision: number;
  name: LocalizedText;
  definition: LocalizedText | null;
  unit: LocalizedText;
  owner: string | null;
  direction: Direction;
  group: string;
  /** Targets in force. */
  targets: Pick<StoredTarget, 'period' | 'value' | 'area' | 'decision' | 'decided'>[];
}

export interface IndicatorRef {
  region: string;
  code: string;
}

export function indicatorState(i: StoredIndicator): IndicatorState {
  return {
    code: i.code,
    revision: i.revision,
    name: i.name,
    definition: i.definition,
    unit: i.unit,
    owner: i.owner,
    direction: i.direction,
    group: i.group,
    targets: i.targets.map((t) => ({
      period: t.period,
      value: t.value,
      area: t.area,
      decision: t.decision,
      decided: t.decided,
    })),
  };
}

async function findIndicator(db: Executor, ref: IndicatorRef): Promise<StoredIndicator> {
  const found = (await listIndicators(db, ref.region)).find((i) => i.code === ref.code);
  if (!found) throw notFound(`Indicator "${ref.code}" of region ${ref.region}`);
  return found;
}

/** An indicator with its whole target history (the one in force last), for the edit page. */
export async function indicatorForEdit(
  db: Executor,
  ref: IndicatorRef,
): Promise<{ indicator: StoredIndicator; history: StoredTarget[]; groups: { code: string; name: LocalizedText }[] }> {
  const indicator = await findIndicator(db, ref);
  return {
    indicator,
    history: await listTargetHistory(db, indicator.id),
    groups: (await listIndicatorGroups(db, ref.region)).map((g) => ({ code: g.code, name: g.name })),
  };
}

export interface IndicatorEditInput {
  revision: number;
  texts: Partial<Record<IndicatorTextField, LocalizedText | null>>;
  owner: string;
  direction: string;
  group: string;
}

/** Changes an indicator's definition texts, owner, direction and group. */
export async function updateIndicatorDefinition(
  ctx: EditingContext,
  actor: Actor,
  ref: IndicatorRef,
  input: IndicatorEditInput,
): Promise<IndicatorState> {
  return editTransaction(ctx, { region: ref.region, kinds: ['indicators'] }, async (trx) => {
    const before = await findIndicator(trx, ref);
    if (before.revision !== input.revision)
      throw new EditConflict<IndicatorState>(`The indicator "${ref.code}"`, indicatorState(before));
    const errors: FieldErrorMap = {};
    const texts = cleanTexts(INDICATOR_TEXT_SPECS, input.texts, errors);
    const owner = cleanLine(input.owner, 'owner', OWNER_MAX, errors);
    if (!(DIRECTIONS as readonly string[]).includes(input.direction))
      errors['direction'] = fieldProblem('choice', `must be one of: ${DIRECTIONS.join(', ')}`, {
        values: DIRECTIONS.join(', '),
      });
    const groups = (await listIndicatorGroups(trx, ref.region)).map((g) => g.code);
    if (!groups.includes(input.group))
      errors['group'] = fieldProblem('choice', `must be one of: ${groups.join(', ')}`, { values: groups.join(', ') });
    if (Object.keys(errors).length > 0) throw new FieldErrors(`The indicator "${ref.code}" was not saved`, errors);
    const at = new Date().toISOString();
    const saved = await updateIndicatorIfRevision(
      trx,
      before.id,
      input.revision,
      {
        name: texts.name!,
        definition: texts.definition,
        unit: texts.unit!,
        owner,
        direction: input.direction,
        group: input.group,
      },
      at,
    );
    const now = await findIndicator(trx, ref);
    if (!saved) throw new EditConflict<IndicatorState>(`The indicator "${ref.code}"`, indicatorState(now));
    const after = indicatorState(now);
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.region,
      action: 'indicators.edit',
      entityType: 'indicator',
      entityId: `${ref.region}/${ref.code}`,
      summary: `Edited the indicator "${texts.name!.fi}" (${ref.code})`,
      before: indicatorState(before),
      after,
    });
    return after;
  });
}

export interface TargetInput {
  revision: number;
  period: string;
  value: string;
  area: string;
  decision: string;
  /** The date of the decision (YYYY-MM-DD), '' when not known. */
  decided: string;
}

function fieldOf<T>(
  schema: z.ZodType<T>,
  value: string,
  field: string,
  errors: FieldErrorMap,
  required = true,
): T | null {
  if (value.trim() === '') {
    if (required) errors[field] = fieldProblem('required', 'is required');
    return null;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors[field] = parsed.error.issues[0]?.message ?? 'is not valid';
  return null;
}

/**
 * Sets a target of an indicator: the target in force for the same area and period is superseded
 * by it (history kept); a target for a new period or area is added beside the others.
 */
export async function setIndicatorTarget(
  ctx: EditingContext,
  actor: Actor,
  ref: IndicatorRef,
  input: TargetInput,
): Promise<IndicatorState> {
  return editTransaction(ctx, { region: ref.region, kinds: ['indicators'] }, async (trx) => {
    const before = await findIndicator(trx, ref);
    if (before.revision !== input.revision)
      throw new EditConflict<IndicatorState>(`The indicator "${ref.code}"`, indicatorState(before));
    const errors: FieldErrorMap = {};
    const period = fieldOf(periodSchema, input.period, 'period', errors);
    const value = fieldOf(decimalSchema, input.value, 'value', errors);
    const area = fieldOf(areaKeySchema, input.area, 'area', errors);
    const decision = cleanLine(input.decision, 'decision', DECISION_MAX, errors, true);
    const decided = input.decided.trim();
    if (decided !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(decided))
      errors['decided'] = fieldProblem('date', 'must be a date written as YYYY-MM-DD');
    if (Object.keys(errors).length > 0)
      throw new FieldErrors(`The target of the indicator "${ref.code}" was not saved`, errors);
    const target = {
      period: period!,
      value: value!,
      area: area!,
      decision: decision!,
      ...(decided ? { decided } : {}),
    };
    const replaced = before.targets.find((t) => t.area === target.area && t.period === target.period) ?? null;
    if (
      replaced &&
      replaced.value === target.value &&
      replaced.decision === target.decision &&
      (replaced.decided ?? '') === decided
    )
      throw new AppError(
        'bad_request',
        `the target ${target.value} for ${target.area} ${target.period} is already in force; nothing was saved`,
      );
    const at = new Date().toISOString();
    if (!(await bumpIndicatorRevision(trx, before.id, input.revision, at)))
      throw new EditConflict<IndicatorState>(
        `The indicator "${ref.code}"`,
        indicatorState(await findIndicator(trx, ref)),
      );
    const keep = before.targets
      .filter((t) => t !== replaced)
      .map((t) => ({
        period: t.period,
        value: t.value,
        area: t.area,
        decision: t.decision,
        ...(t.decided ? { decided: t.decided } : {}),
      }));
    await replaceTargets(trx, before.id, [...keep, target], { at, actor: actor.label });
    const after = indicatorState(await findIndicator(trx, ref));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.region,
      action: 'indicators.target',
      entityType: 'indicator',
      entityId: `${ref.region}/${ref.code}`,
      summary: replaced
        ? `Changed the target of "${ref.code}" for ${target.area} ${target.period}: ${replaced.value} → ${target.value}`
        : `Set the target of "${ref.code}" for ${target.area} ${target.period}: ${target.value}`,
      before: indicatorState(before),
      after,
    });
    return after;
  });
}
