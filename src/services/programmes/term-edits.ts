/**
 * Taxonomy terms of a programme (e.g. cross-cutting themes, smart-specialisation spearheads):
 * add, edit and delete. Terms belong to the programme, not to one version; a term that nodes of a
 * consultation, approved or superseded version link to cannot be deleted, since that would
 * change a version that is no longer a draft.
 */
import { EditConflict, FieldErrors, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import type { TermState, TermTextField, TermTexts } from '#src/domain/programmes/editor-models.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanTexts, TEXT_LIMITS, type TextFieldSpec } from '#src/domain/text-fields.ts';
import {
  effectiveStatus,
  parseStatusMap,
  statusAfterEdit,
  statusMapToJson,
  type StatusChoices,
} from '#src/domain/translation-status.ts';
import { keyFromTitle } from '#src/domain/programmes/tree-edits.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  deleteTermIfRevision,
  deleteTermLinks,
  insertTerm,
  listTaxonomies,
  listTerms,
  type TermRow,
  termUsage,
  updateTermIfRevision,
} from '#src/storage/repositories/taxonomies-repository.ts';
import {
  editTransaction,
  entityId,
  loadProgramme,
  type EditingContext,
  type ProgrammeRef,
} from './edit-transaction.ts';

export type { TermState, TermTextField, TermTexts };

export const TERM_TEXT_SPECS: Record<TermTextField, TextFieldSpec> = {
  title: { required: true, max: TEXT_LIMITS.title },
  shortTitle: { max: TEXT_LIMITS.shortTitle },
  description: { max: 5000, markdown: true },
};

const termTexts = (t: TermRow): TermTexts => ({ title: t.title, shortTitle: t.shortTitle, description: t.description });

export function termState(t: TermRow): TermState {
  const texts = termTexts(t);
  return {
    taxonomy: t.taxonomyKey,
    key: t.key,
    revision: t.revision,
    texts,
    translation: effectiveStatus(parseStatusMap(t.translationStatus), texts) as TermState['translation'],
  };
}

export interface TermRef extends ProgrammeRef {
  taxonomy: string;
}

async function findTerm(db: Executor, programmeId: number, taxonomy: string, key: string): Promise<TermRow> {
  const term = (await listTerms(db, programmeId)).find((t) => t.taxonomyKey === taxonomy && t.key === key);
  if (!term) throw notFound(`Term "${taxonomy}/${key}"`);
  return term;
}

export async function addTerm(
  ctx: EditingContext,
  actor: Actor,
  ref: TermRef,
  input: { texts: Partial<Record<TermTextField, LocalizedText | null>>; status?: StatusChoices },
): Promise<TermState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const programme = await loadProgramme(trx, ref);
    const taxonomy = (await listTaxonomies(trx, programme.id)).find((t) => t.key === ref.taxonomy);
    if (!taxonomy) throw notFound(`Taxonomy "${ref.taxonomy}"`);
    const errors: FieldErrorMap = {};
    const texts = cleanTexts(TERM_TEXT_SPECS, input.texts, errors);
    if (Object.keys(errors).length > 0) throw new FieldErrors('The term was not added', errors);
    const siblings = (await listTerms(trx, programme.id)).filter((t) => t.taxonomyId === taxonomy.id);
    const key = keyFromTitle(texts.title!.fi!, new Set(siblings.map((t) => t.key)));
    const status = statusAfterEdit({}, {}, texts, input.status ?? {});
    await insertTerm(trx, taxonomy.id, {
      key,
      position: siblings.length,
      ...texts,
      title: texts.title!,
      translationStatus: statusMapToJson(status),
    });
    const after = termState(await findTerm(trx, programme.id, ref.taxonomy, key));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'term.add',
      entityType: 'term',
      entityId: `${entityId(ref)}/${ref.taxonomy}/${key}`,
      summary: `Added the term "${texts.title!.fi}"`,
      after,
    });
    return after;
  });
}

export async function updateTerm(
  ctx: EditingContext,
  actor: Actor,
  ref: TermRef & { key: string },
  input: { revision: number; texts: Partial<Record<TermTextField, LocalizedText | null>>; status?: StatusChoices },
): Promise<TermState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const programme = await loadProgramme(trx, ref);
    const term = await findTerm(trx, programme.id, ref.taxonomy, ref.key);
    if (term.revision !== input.revision) throw new EditConflict<TermState>(`The term "${ref.key}"`, termState(term));
    const errors: FieldErrorMap = {};
    const texts = cleanTexts(TERM_TEXT_SPECS, input.texts, errors);
    if (Object.keys(errors).length > 0) throw new FieldErrors(`The term "${ref.key}" was not saved`, errors);
    const status = statusAfterEdit(parseStatusMap(term.translationStatus), termTexts(term), texts, input.status ?? {});
    const saved = await updateTermIfRevision(trx, term.id, input.revision, {
      ...texts,
      title: texts.title!,
      translationStatus: statusMapToJson(status),
    });
    const now = await findTerm(trx, programme.id, ref.taxonomy, ref.key);
    if (!saved) throw new EditConflict<TermState>(`The term "${ref.key}"`, termState(now));
    const after = termState(now);
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'term.update',
      entityType: 'term',
      entityId: `${entityId(ref)}/${ref.taxonomy}/${ref.key}`,
      summary: `Edited the term "${texts.title!.fi}"`,
      before: termState(term),
      after,
    });
    return after;
  });
}

export async function deleteTerm(
  ctx: EditingContext,
  actor: Actor,
  ref: TermRef & { key: string },
  input: { revision: number },
): Promise<void> {
  await editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const programme = await loadProgramme(trx, ref);
    const term = await findTerm(trx, programme.id, ref.taxonomy, ref.key);
    if (term.revision !== input.revision) throw new EditConflict<TermState>(`The term "${ref.key}"`, termState(term));
    const frozen = (await termUsage(trx, term.id)).filter((u) => u.status !== 'draft');
    if (frozen.length > 0) {
      throw new AppError(
        'conflict',
        `The term "${ref.key}" is linked from ` +
          `version(s) ${frozen.map((u) => `${u.number} (${u.status})`).join(', ')}, which can no ` +
          `longer be edited; it cannot be deleted`,
        [],
        { code: 'term_in_use', params: { key: ref.key, versions: frozen.map((u) => u.number).join(', ') } },
      );
    }
    await deleteTermLinks(trx, term.id);
    if (!(await deleteTermIfRevision(trx, term.id, input.revision)))
      throw new EditConflict<TermState>(`The term "${ref.key}"`, termState(term));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'term.delete',
      entityType: 'term',
      entityId: `${entityId(ref)}/${ref.taxonomy}/${ref.key}`,
      summary: `Deleted the term "${term.title.fi ?? ref.key}"`,
      before: termState(term),
    });
  });
}
