/**
 * A programme's own details: its title in fi/sv/en, its period and the names of its levels (e.g.
 * theme → priority → measure, singular and plural). The number and keys of the levels stay, since
 * the trees of every version are built on them.
 */
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import type { ProgrammeState } from '#src/domain/programmes/editor-models.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Level } from '#src/domain/programmes/programme-file.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanTexts, TEXT_LIMITS, type TextFieldSpec } from '#src/domain/text-fields.ts';
import {
  effectiveStatus,
  parseStatusMap,
  statusAfterEdit,
  statusMapToJson,
  type StatusChoices,
} from '#src/domain/translation-status.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  findProgrammeRow,
  type ProgrammeRow,
  updateProgrammeIfRevision,
} from '#src/storage/repositories/programmes-repository.ts';
import {
  editTransaction,
  entityId,
  loadProgramme,
  type EditingContext,
  type ProgrammeRef,
} from './edit-transaction.ts';

export type { ProgrammeState };

/** The texts of a programme keyed as its translation-status fields. */
export function programmeTexts(p: { title: LocalizedText; levels: readonly Level[] }): Record<string, LocalizedText> {
  const texts: Record<string, LocalizedText> = { title: p.title };
  for (const level of p.levels) {
    texts[`levels.${level.key}.name`] = level.name;
    texts[`levels.${level.key}.namePlural`] = level.namePlural;
  }
  return texts;
}

export function programmeState(p: ProgrammeRow): ProgrammeState {
  return {
    regionCode: p.regionCode,
    slug: p.slug,
    revision: p.revision,
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    levels: p.levels,
    translation: effectiveStatus(parseStatusMap(p.translationStatus), programmeTexts(p)),
  };
}

export interface ProgrammeInput {
  revision: number;
  title: LocalizedText;
  periodStart: number | string;
  periodEnd: number | string;
  /** Names per level key; every level of the programme must be given. */
  levels: Record<string, { name: LocalizedText; namePlural: LocalizedText }>;
  status?: StatusChoices;
}

function year(value: number | string, field: string, errors: FieldErrorMap): number {
  const n = typeof value === 'number' ? value : /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    errors[field] = fieldProblem('year', 'must be a year between 1990 and 2100');
  return n;
}

export async function updateProgramme(
  ctx: EditingContext,
  actor: Actor,
  ref: ProgrammeRef,
  input: ProgrammeInput,
): Promise<ProgrammeState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const p = await loadProgramme(trx, ref);
    if (p.revision !== input.revision) throw new EditConflict<ProgrammeState>('The programme', programmeState(p));
    const errors: FieldErrorMap = {};
    const specs: Record<string, TextFieldSpec> = { title: { required: true, max: TEXT_LIMITS.title } };
    const given: Record<string, LocalizedText | undefined> = { title: input.title };
    for (const level of p.levels) {
      specs[`levels.${level.key}.name`] = { required: true, max: TEXT_LIMITS.name };
      specs[`levels.${level.key}.namePlural`] = { required: true, max: TEXT_LIMITS.name };
      given[`levels.${level.key}.name`] = input.levels[level.key]?.name;
      given[`levels.${level.key}.namePlural`] = input.levels[level.key]?.namePlural;
    }
    const texts = cleanTexts(specs, given, errors);
    const periodStart = year(input.periodStart, 'periodStart', errors);
    const periodEnd = year(input.periodEnd, 'periodEnd', errors);
    if (!errors['periodStart'] && !errors['periodEnd'] && periodEnd < periodStart)
      errors['periodEnd'] = fieldProblem('period_order', 'must not be before the start of the period');
    if (Object.keys(errors).length > 0) throw new FieldErrors('The programme was not saved', errors);
    // Required fields: cleanTexts has checked that each has its Finnish text.
    const required = (field: string): Level['name'] => texts[field] as Level['name'];
    const levels: Level[] = p.levels.map((l) => ({
      ...l,
      name: required(`levels.${l.key}.name`),
      namePlural: required(`levels.${l.key}.namePlural`),
    }));
    const title = texts['title']!;
    const status = statusAfterEdit(
      parseStatusMap(p.translationStatus),
      programmeTexts(p),
      programmeTexts({ title, levels }),
      input.status ?? {},
    );
    const saved = await updateProgrammeIfRevision(trx, p.id, input.revision, {
      title,
      periodStart,
      periodEnd,
      levels,
      translationStatus: statusMapToJson(status),
    });
    const now = (await findProgrammeRow(trx, ref.code, ref.slug))!;
    if (!saved) throw new EditConflict<ProgrammeState>('The programme', programmeState(now));
    const after = programmeState(now);
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'programme.update',
      entityType: 'programme',
      entityId: entityId(ref),
      summary: `Edited the programme "${title.fi}"`,
      before: programmeState(p),
      after,
    });
    return after;
  });
}
