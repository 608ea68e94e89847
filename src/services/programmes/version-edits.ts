/**
 * A version's own texts (label, vision, summary, changelog) and its lifecycle: send to
 * consultation, approve with the decision (superseding the previously approved version in the
 * same transaction), reopen as a draft, and start an update that copies the approved version into
 * a new draft keeping node keys, texts, term links and translation status.
 */
import { EditConflict, FieldErrors, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import type { VersionState, VersionTextField, VersionTexts } from '#src/domain/programmes/editor-models.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import {
  checkDecision,
  nextStatus,
  planUpdate,
  supersededBy,
  type DecisionInput,
  type LifecycleAction,
} from '#src/domain/programmes/lifecycle.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanTexts, TEXT_LIMITS, type TextFieldSpec } from '#src/domain/text-fields.ts';
import {
  effectiveStatus,
  parseStatusMap,
  statusAfterEdit,
  statusMapToJson,
  type StatusChoices,
} from '#src/domain/translation-status.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { listFinancingPlan, replaceFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { insertNode, listNodes } from '#src/storage/repositories/nodes-repository.ts';
import { insertSearchRows, type SearchRow } from '#src/storage/repositories/search-repository.ts';
import { linkNodeTerms, nodeTermLinks } from '#src/storage/repositories/taxonomies-repository.ts';
import {
  insertVersion,
  listVersions,
  updateVersionIfRevision,
  type VersionRow,
} from '#src/storage/repositories/versions-repository.ts';
import { searchRowsFor } from './import-programme.ts';
import {
  editTransaction,
  entityId,
  loadDraft,
  loadProgramme,
  loadVersion,
  type EditingContext,
  type ProgrammeRef,
  type VersionRef,
} from './edit-transaction.ts';

export type { VersionState, VersionTextField, VersionTexts };

export const VERSION_TEXT_SPECS: Record<VersionTextField, TextFieldSpec> = {
  label: { max: TEXT_LIMITS.label },
  vision: { max: 5000, markdown: true },
  summary: { max: 5000, markdown: true },
  changelog: { max: 20000, markdown: true },
};

export function versionTexts(v: VersionRow): VersionTexts {
  return { label: v.label, vision: v.vision, summary: v.summary, changelog: v.changelog };
}

export function versionState(v: VersionRow): VersionState {
  const texts = versionTexts(v);
  return {
    number: v.number,
    status: v.status,
    revision: v.revision,
    texts,
    translation: effectiveStatus(parseStatusMap(v.translationStatus), texts) as VersionState['translation'],
    decision:
      v.decisionBody && v.decisionDate
        ? { body: v.decisionBody, date: v.decisionDate, reference: v.decisionReference }
        : null,
    updatedAt: v.updatedAt,
  };
}

async function reloadVersion(db: Executor, programmeId: number, number: number): Promise<VersionRow> {
  return (await listVersions(db, programmeId)).find((v) => v.number === number)!;
}

function conflict(v: VersionRow): EditConflict<VersionState> {
  return new EditConflict<VersionState>(`Version ${v.number}`, versionState(v));
}

/** Saves the texts of a draft version. */
export async function updateVersionTexts(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: { revision: number; texts: Partial<Record<VersionTextField, LocalizedText | null>>; status?: StatusChoices },
): Promise<VersionState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const { programme, version } = await loadDraft(trx, ref);
    if (version.revision !== input.revision) throw conflict(version);
    const errors: FieldErrorMap = {};
    const texts = cleanTexts(VERSION_TEXT_SPECS, input.texts, errors);
    if (Object.keys(errors).length > 0)
      throw new FieldErrors(`The texts of version ${ref.number} were not saved`, errors);
    const status = statusAfterEdit(
      parseStatusMap(version.translationStatus),
      versionTexts(version),
      texts,
      input.status ?? {},
    );
    if (
      !(await updateVersionIfRevision(trx, version.id, input.revision, {
        ...texts,
        translationStatus: statusMapToJson(status),
      }))
    ) {
      throw conflict(await reloadVersion(trx, programme.id, ref.number));
    }
    const after = versionState(await reloadVersion(trx, programme.id, ref.number));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'version.texts',
      entityType: 'version',
      entityId: entityId(ref, ref.number),
      summary: `Edited the texts of version ${ref.number}`,
      before: versionState(version),
      after,
    });
    return after;
  });
}

/** Sends a draft to consultation, approves a version in consultation (with `decision`) or reopens it as a draft. */
export async function transitionVersion(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: { revision: number; action: LifecycleAction; decision?: DecisionInput },
): Promise<VersionState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const { programme, version, versions } = await loadVersion(trx, ref);
    if (version.revision !== input.revision) throw conflict(version);
    const status = nextStatus(version.number, version.status, input.action);
    const decision =
      input.action === 'approve' ? checkDecision(input.decision ?? { body: {}, date: '', reference: '' }) : null;
    for (const number of input.action === 'approve' ? supersededBy(versions, version.number) : []) {
      const old = versions.find((v) => v.number === number)!;
      if (!(await updateVersionIfRevision(trx, old.id, old.revision, { status: 'superseded' })))
        throw conflict(await reloadVersion(trx, programme.id, number));
      await insertAuditEvent(trx, {
        actor,
        regionCode: ref.code,
        action: 'version.supersede',
        entityType: 'version',
        entityId: entityId(ref, number),
        summary: `Version ${number} was superseded by version ${version.number}`,
        before: { status: old.status },
        after: { status: 'superseded' },
      });
    }
    const patch = decision
      ? { status, decisionBody: decision.body, decisionDate: decision.date, decisionReference: decision.reference }
      : { status };
    if (!(await updateVersionIfRevision(trx, version.id, input.revision, patch)))
      throw conflict(await reloadVersion(trx, programme.id, ref.number));
    const after = versionState(await reloadVersion(trx, programme.id, ref.number));
    const verb = {
      consult: 'Sent version %n to consultation',
      approve: 'Approved version %n',
      reopen: 'Reopened version %n as a draft',
    }[input.action];
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: `version.${input.action}`,
      entityType: 'version',
      entityId: entityId(ref, ref.number),
      summary: verb.replace('%n', String(ref.number)),
      before: { status: version.status, decision: versionState(version).decision },
      after: { status: after.status, decision: after.decision },
    });
    return after;
  });
}

/** Copies the approved version into a new draft (the next number); returns the new version. */
export async function startUpdate(ctx: EditingContext, actor: Actor, ref: ProgrammeRef): Promise<VersionState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const programme = await loadProgramme(trx, ref);
    const versions = await listVersions(trx, programme.id);
    const plan = planUpdate(versions);
    const source = versions.find((v) => v.number === plan.from)!;
    const sourceStatus = parseStatusMap(source.translationStatus);
    const keep = Object.fromEntries(
      Object.entries(sourceStatus).filter(([field]) => field === 'vision' || field === 'summary'),
    );
    const versionId = await insertVersion(trx, programme.id, {
      number: plan.to,
      status: 'draft',
      label: null,
      decisionBody: null,
      decisionDate: null,
      decisionReference: null,
      changelog: null,
      vision: source.vision,
      summary: source.summary,
      translationStatus: statusMapToJson(keep),
    });
    const ids = new Map<number, number>();
    const search: SearchRow[] = [];
    for (const n of await listNodes(trx, source.id)) {
      const id = await insertNode(trx, {
        versionId,
        key: n.key,
        parentId: n.parentId === null ? null : ids.get(n.parentId)!,
        position: n.position,
        depth: n.depth,
        slug: n.slug,
        title: n.title,
        shortTitle: n.shortTitle,
        summary: n.summary,
        body: n.body,
        translationStatus: n.translationStatus,
      });
      ids.set(n.id, id);
      search.push(
        ...searchRowsFor(versionId, id, {
          title: n.title as { fi: string },
          shortTitle: n.shortTitle ?? undefined,
          summary: n.summary ?? undefined,
          body: n.body ?? undefined,
        }),
      );
    }
    await linkNodeTerms(
      trx,
      (await nodeTermLinks(trx, source.id)).map((l) => ({ nodeId: ids.get(l.nodeId)!, termId: l.termId })),
    );
    await insertSearchRows(trx, search);
    // The financing plan goes along: the new draft has the same node keys.
    const planned = await listFinancingPlan(trx, {
      regionCode: ref.code,
      programmeSlug: ref.slug,
      versionNumber: plan.from,
    });
    if (planned.length > 0)
      await replaceFinancingPlan(
        trx,
        { regionCode: ref.code, programmeSlug: ref.slug, versionNumber: plan.to },
        planned,
      );
    const created = versionState(await reloadVersion(trx, programme.id, plan.to));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'version.start-update',
      entityType: 'version',
      entityId: entityId(ref, plan.to),
      summary: `Started version ${plan.to} as an update of version ${plan.from} (${ids.size} nodes and ${planned.length} financing-plan lines copied)`,
      after: { number: plan.to, from: plan.from, nodes: ids.size, planLines: planned.length },
    });
    return created;
  });
}
