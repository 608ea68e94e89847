/**
 * Consultation rounds (issue 10, point 1): an editor opens a round on the programme's version in
 * status *consultation*, with its times in Finnish time, an introduction in fi/sv/en, optional
 * questions and documents. One transaction each, with the `consultation` content change and an
 * audit event.
 */
import { FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import {
  DEFAULT_REJECT_REASONS,
  helsinkiToInstant,
  PRE_MODERATION,
  type PreModeration,
  type Round,
  type RoundDocument,
  type RoundQuestion,
} from '#src/domain/consultation/round.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { findRound, insertRound, listRounds, roundText } from '#src/storage/repositories/consultation-repository.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import type { ProgrammeRow } from '#src/storage/repositories/programmes-repository.ts';
import { listVersions, type VersionRow } from '#src/storage/repositories/versions-repository.ts';
import { loadTree } from '#src/storage/repositories/nodes-repository.ts';
import {
  editTransaction,
  loadProgramme,
  type EditingContext,
  type ProgrammeRef,
} from '../programmes/edit-transaction.ts';

export const ROUND_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export interface RoundInput {
  slug: string;
  title: LocalizedText;
  intro: LocalizedText;
  /** Finnish local times `YYYY-MM-DDTHH:MM`. */
  opens: string;
  closes: string;
  questions?: RoundQuestion[];
  documents?: RoundDocument[];
  preModeration?: PreModeration;
  /** ISO date after which the commenters' names and e-mail addresses are removed. */
  retentionUntil?: string | null;
}

/** A round with the programme and the version it is on. */
export interface RoundInContext {
  round: Round;
  programme: ProgrammeRow;
  version: VersionRow;
}

/** The round `slug` of a programme, with its programme and version. */
export async function loadRound(db: Executor, ref: ProgrammeRef, slug: string): Promise<RoundInContext> {
  const programme = await loadProgramme(db, ref);
  const round = await findRound(db, programme.id, slug);
  if (!round) throw notFound(`Consultation round "${slug}"`);
  const version = (await listVersions(db, programme.id)).find((v) => v.id === round.versionId);
  if (!version) throw notFound(`The version of consultation round "${slug}"`);
  return { round, programme, version };
}

/** The rounds of a programme, newest first. */
export async function roundsOf(db: Executor, ref: ProgrammeRef): Promise<{ programme: ProgrammeRow; rounds: Round[] }> {
  const programme = await loadProgramme(db, ref);
  return { programme, rounds: await listRounds(db, programme.id) };
}

function checkRound(input: RoundInput): { opensAt: string; closesAt: string } {
  const problems: FieldErrorMap = {};
  if (!ROUND_SLUG.test(input.slug))
    problems['slug'] = fieldProblem(
      'round_slug',
      'must be 1–40 lower-case letters, digits and hyphens, e.g. "2021" or "draft-2"',
    );
  if (!input.title.fi?.trim()) problems['title.fi'] = fieldProblem('required_fi', 'is required in Finnish');
  if (!input.intro.fi?.trim()) problems['intro.fi'] = fieldProblem('required_fi', 'is required in Finnish');
  const opensAt = helsinkiToInstant(input.opens);
  const closesAt = helsinkiToInstant(input.closes);
  if (!opensAt)
    problems['opens'] = fieldProblem('local_time', 'must be a date and time in Finnish time, e.g. 2021-09-01T08:00');
  if (!closesAt)
    problems['closes'] = fieldProblem('local_time', 'must be a date and time in Finnish time, e.g. 2021-09-30T15:00');
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt))
    problems['closes'] = fieldProblem('closes_after_opens', 'must be after the opening time');
  if (input.preModeration && !PRE_MODERATION.includes(input.preModeration))
    problems['preModeration'] = `must be one of ${PRE_MODERATION.join(', ')}`;
  if (input.retentionUntil && !/^\d{4}-\d{2}-\d{2}$/.test(input.retentionUntil))
    problems['retentionUntil'] = fieldProblem('iso_date', 'must be a date YYYY-MM-DD');
  if (input.retentionUntil && closesAt && input.retentionUntil < closesAt.slice(0, 10))
    problems['retentionUntil'] = fieldProblem('retention_after_close', 'must not be before the round closes');
  for (const q of input.questions ?? [])
    for (const lang of ['fi', 'sv', 'en'] as const)
      if ((q.text[lang]?.length ?? 0) > 500)
        problems[`questions.${lang}`] = fieldProblem('too_long', 'each question may be at most 500 characters', {
          max: 500,
          length: q.text[lang]!.length,
        });
  if ((input.questions?.length ?? 0) > 20) problems['questions.fi'] = 'may hold at most 20 questions';
  for (const d of input.documents ?? [])
    if (!/^https?:\/\/\S+$/i.test(d.url))
      problems['documents'] = fieldProblem('document_lines', 'each line must be "title | https://address"');
  if (Object.keys(problems).length > 0) throw new FieldErrors('The round was not accepted', problems);
  return { opensAt: opensAt!, closesAt: closesAt! };
}

/**
 * Opens a round on the programme's version in status *consultation* (refused when there is none,
 * or when the slug is taken).
 */
export async function createRound(
  ctx: EditingContext & { clock?: () => Date },
  actor: Actor,
  ref: ProgrammeRef,
  input: RoundInput,
): Promise<Round> {
  const { opensAt, closesAt } = checkRound(input);
  return editTransaction(ctx, { region: ref.code, kinds: ['consultation'] }, async (trx) => {
    const programme = await loadProgramme(trx, ref);
    const version = (await listVersions(trx, programme.id))
      .filter((v) => v.status === 'consultation')
      .sort((a, b) => b.number - a.number)[0];
    if (!version)
      throw new AppError(
        'conflict',
        'The programme has no version in consultation: send a draft to consultation first',
        [],
        { code: 'no_consultation_version' },
      );
    if (await findRound(trx, programme.id, input.slug))
      throw new FieldErrors('The round was not accepted', {
        slug: fieldProblem('round_slug_taken', `"${input.slug}" is already a round of this programme`, {
          slug: input.slug,
        }),
      });
    const now = (ctx.clock?.() ?? new Date()).toISOString();
    const id = await insertRound(
      trx,
      {
        regionCode: ref.code,
        programmeId: programme.id,
        versionId: version.id,
        slug: input.slug,
        title: input.title,
        intro: input.intro,
        opensAt,
        closesAt,
        questions: input.questions ?? [],
        documents: input.documents ?? [],
        rejectReasons: [...DEFAULT_REJECT_REASONS],
        preModeration: input.preModeration ?? 'all',
        retentionUntil: input.retentionUntil ?? null,
      },
      now,
      await loadTree(trx, version.id, programme.levels),
    );
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'consultation.round.create',
      entityType: 'consultation_round',
      entityId: String(id),
      summary: `Opened consultation round "${input.slug}" on version ${version.number} (${opensAt} – ${closesAt})`,
      after: {
        slug: input.slug,
        version: version.number,
        opensAt,
        closesAt,
        preModeration: input.preModeration ?? 'all',
      },
    });
    const round = await findRound(trx, programme.id, input.slug);
    return round!;
  });
}

/**
 * The node tree a round shows: the text as it was when the round was opened (kept with the round),
 * so that revising the reopened draft afterwards changes neither the consulted text nor the
 * feedback report's old text.
 */
export async function roundTree(db: Executor, round: Round, levels: ProgrammeRow['levels']): Promise<TreeNode[]> {
  return (await roundText(db, round.id)) ?? loadTree(db, round.versionId, levels);
}
