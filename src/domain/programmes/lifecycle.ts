/**
 * The lifecycle of a programme version: draft → consultation → approved → superseded (and
 * consultation → draft to reopen). Only a draft is editable; approving needs the decision; a
 * newer approval supersedes the older approved version; "start an update" copies the approved
 * version into a new draft while no other version is open.
 */
import { AppError } from '../errors.ts';
import { FieldErrors, fieldProblem, type FieldErrorMap } from '../edit-errors.ts';
import type { LocalizedText } from '../languages.ts';
import type { VersionStatus } from './programme-file.ts';

export const LIFECYCLE_ACTIONS = ['consult', 'approve', 'reopen'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return typeof value === 'string' && (LIFECYCLE_ACTIONS as readonly string[]).includes(value);
}

const TRANSITIONS: Record<LifecycleAction, { from: VersionStatus; to: VersionStatus; verb: string }> = {
  consult: { from: 'draft', to: 'consultation', verb: 'sent to consultation' },
  approve: { from: 'consultation', to: 'approved', verb: 'approved' },
  reopen: { from: 'consultation', to: 'draft', verb: 'reopened as a draft' },
};

/** The actions offered for a version in `status` (superseded and approved versions have none). */
export function actionsFor(status: VersionStatus): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((a) => TRANSITIONS[a].from === status);
}

/** The status after `action`; a conflict error when the version's status does not allow it. */
export function nextStatus(number: number, status: VersionStatus, action: LifecycleAction): VersionStatus {
  const t = TRANSITIONS[action];
  if (status !== t.from) {
    throw new AppError(
      'conflict',
      `Version ${number} is "${status}"; only a version that is "${t.from}" can be ${t.verb}`,
      [],
      { code: 'wrong_status', params: { number, status, action } },
    );
  }
  return t.to;
}

/** True when a version in `status` may be edited. */
export function isEditable(status: VersionStatus): boolean {
  return status === 'draft';
}

/** Refuses any edit of a version that is not a draft, saying what to do instead. */
export function assertEditable(number: number, status: VersionStatus): void {
  if (isEditable(status)) return;
  const hint =
    status === 'consultation'
      ? 'reopen it as a draft first'
      : status === 'approved'
        ? 'start an update to get a new draft'
        : 'it has been superseded and is kept as it was decided';
  throw new AppError(
    'conflict',
    `Version ${number} is "${status}" and cannot be edited; only a draft can be edited (${hint})`,
    [],
    { code: 'not_a_draft', params: { number, status } },
  );
}

export interface DecisionInput {
  body: LocalizedText;
  date: string;
  reference: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Checks the decision an approval records: the deciding body (in Finnish at least), an ISO date and the reference. */
export function checkDecision(input: DecisionInput): DecisionInput {
  const errors: FieldErrorMap = {};
  const fi = input.body.fi?.trim() ?? '';
  if (fi === '')
    errors['decisionBody.fi'] = fieldProblem(
      'decision_body',
      'the deciding body is required in Finnish, e.g. "Maakuntavaltuusto"',
    );
  const date = input.date.trim();
  if (!isIsoDate(date))
    errors['decisionDate'] = fieldProblem('iso_date', 'must be a date written as YYYY-MM-DD, e.g. 2022-12-19');
  const reference = input.reference.trim();
  if (reference === '')
    errors['decisionReference'] = fieldProblem(
      'decision_reference',
      'the reference of the decision is required, e.g. "§ 25"',
    );
  if (Object.keys(errors).length > 0) throw new FieldErrors('The decision is incomplete', errors);
  const body: LocalizedText = { fi };
  for (const lang of ['sv', 'en'] as const) {
    const text = input.body[lang]?.trim();
    if (text) body[lang] = text;
  }
  return { body, date, reference };
}

/** The numbers of the versions an approval of `number` supersedes: every other approved version. */
export function supersededBy(versions: readonly { number: number; status: VersionStatus }[], number: number): number[] {
  return versions.filter((v) => v.status === 'approved' && v.number !== number).map((v) => v.number);
}

/**
 * Where "start an update" copies from and to: the approved version into the next number. Refused
 * when another version is still open (draft or consultation) or when no version is approved.
 */
export function planUpdate(versions: readonly { number: number; status: VersionStatus }[]): {
  from: number;
  to: number;
} {
  const open = versions.find((v) => v.status === 'draft' || v.status === 'consultation');
  if (open)
    throw new AppError(
      'conflict',
      `Version ${open.number} is still "${open.status}"; finish or reopen it before starting another update`,
      [],
      { code: 'update_open', params: { number: open.number, status: open.status } },
    );
  const approved = versions.filter((v) => v.status === 'approved').map((v) => v.number);
  if (approved.length === 0)
    throw new AppError('conflict', 'The programme has no approved version to start an update from', [], {
      code: 'no_approved_version',
    });
  return { from: Math.max(...approved), to: Math.max(...versions.map((v) => v.number)) + 1 };
}
