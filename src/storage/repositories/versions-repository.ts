/**
 * Versions of a programme: their texts, status and decision. Every update is conditional:
 * `UPDATE … WHERE id = ? AND revision = ?` bumps the revision and reports false when the row was
 * changed (or removed) since it was read.
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { VersionStatus } from '#src/domain/programmes/programme-file.ts';
import type { VersionSummary } from '#src/domain/read-models.ts';
import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { VersionTable } from '../schema.ts';
import { textFromJson, textToJson } from '../json-text.ts';
import { now, updated } from './revisions.ts';

export interface VersionRow {
  id: number;
  programmeId: number;
  number: number;
  status: VersionStatus;
  label: LocalizedText | null;
  decisionBody: LocalizedText | null;
  decisionDate: string | null;
  decisionReference: string | null;
  changelog: LocalizedText | null;
  vision: LocalizedText | null;
  summary: LocalizedText | null;
  revision: number;
  updatedAt: string;
  translationStatus: string | null;
}

/** What a new version is made of (its id, revision and time of change are set on insert). */
export type VersionValues = Omit<VersionRow, 'id' | 'programmeId' | 'revision' | 'updatedAt'>;

function toVersionRow(v: Selectable<VersionTable>): VersionRow {
  return {
    id: v.id,
    programmeId: v.programme_id,
    number: v.number,
    status: v.status as VersionStatus,
    label: textFromJson(v.label),
    decisionBody: textFromJson(v.decision_body),
    decisionDate: v.decision_date,
    decisionReference: v.decision_reference,
    changelog: textFromJson(v.changelog),
    vision: textFromJson(v.vision),
    summary: textFromJson(v.summary),
    revision: v.revision,
    updatedAt: v.updated_at,
    translationStatus: v.translation_status,
  };
}

/** The public summary of a version: the decision is shown once it has a body and a date. */
export function versionSummary(v: VersionRow): VersionSummary {
  return {
    number: v.number,
    status: v.status,
    label: v.label,
    decision:
      v.decisionDate !== null && v.decisionBody !== null
        ? { body: v.decisionBody, date: v.decisionDate, reference: v.decisionReference }
        : null,
    changelog: v.changelog,
    updatedAt: v.updatedAt,
  };
}

/** The versions of a programme, oldest first. */
export async function listVersions(db: Executor, programmeId: number): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('number')
    .execute();
  return rows.map(toVersionRow);
}

export async function insertVersion(db: Executor, programmeId: number, v: VersionValues): Promise<number> {
  const row = await db
    .insertInto('versions')
    .values({
      programme_id: programmeId,
      number: v.number,
      status: v.status,
      label: textToJson(v.label),
      decision_body: textToJson(v.decisionBody),
      decision_date: v.decisionDate,
      decision_reference: v.decisionReference,
      changelog: textToJson(v.changelog),
      vision: textToJson(v.vision),
      summary: textToJson(v.summary),
      translation_status: v.translationStatus,
      revision: 1,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type VersionPatch = Partial<Omit<VersionValues, 'number'>>;

export async function updateVersionIfRevision(
  db: Executor,
  id: number,
  revision: number,
  patch: VersionPatch,
): Promise<boolean> {
  const set: Updateable<VersionTable> = { revision: revision + 1, updated_at: now() };
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.label !== undefined) set.label = textToJson(patch.label);
  if (patch.decisionBody !== undefined) set.decision_body = textToJson(patch.decisionBody);
  if (patch.decisionDate !== undefined) set.decision_date = patch.decisionDate;
  if (patch.decisionReference !== undefined) set.decision_reference = patch.decisionReference;
  if (patch.changelog !== undefined) set.changelog = textToJson(patch.changelog);
  if (patch.vision !== undefined) set.vision = textToJson(patch.vision);
  if (patch.summary !== undefined) set.summary = textToJson(patch.summary);
  if (patch.translationStatus !== undefined) set.translation_status = patch.translationStatus;
  const r = await db
    .updateTable('versions')
    .set(set)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

/**
 * Marks a draft version as changed now, when it is still a draft; false otherwise. Taking the
 * version's row in the same transaction as an edit of its content serialises the edit with a
 * concurrent change of the version's status (e.g. sending it to consultation).
 */
export async function touchDraftVersion(db: Executor, id: number): Promise<boolean> {
  const r = await db
    .updateTable('versions')
    .set({ updated_at: now() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return updated(r);
}
