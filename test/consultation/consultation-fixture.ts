/**
 * A consultation round on the seeded Kymenlaakso programme, for the consultation tests: version 3
 * (an update of the approved version 2) sent to consultation, and a round on it.
 */
import type { PreModeration } from '#src/domain/consultation/round.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { createRound } from '#src/services/consultation/rounds.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';

export const EDITOR: Actor = { userId: null, label: 'editor@example.fi' };
export const PROGRAMME = { code: '08', slug: '2022-2025' } as const;
export const ROUND = 'luonnos-2021';
/** A priority of the seeded programme with a body of several paragraphs. */
export const NODE = 'uudistuva-elinkeinoelama';

export async function versionRevision(ctx: AppContext, number: number): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('versions')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select('versions.revision')
    .where('programmes.region_code', '=', PROGRAMME.code)
    .where('programmes.slug', '=', PROGRAMME.slug)
    .where('versions.number', '=', number)
    .executeTakeFirstOrThrow();
  return row.revision;
}

/** Starts version 3, sends it to consultation and opens round {@link ROUND} on it (Finnish times). */
export async function openRound(
  ctx: AppContext,
  options: { opens?: string; closes?: string; preModeration?: PreModeration; retentionUntil?: string | null } = {},
): Promise<void> {
  await startUpdate(ctx, EDITOR, PROGRAMME);
  await transitionVersion(
    ctx,
    EDITOR,
    { ...PROGRAMME, number: 3 },
    {
      revision: await versionRevision(ctx, 3),
      action: 'consult',
    },
  );
  await createRound(ctx, EDITOR, PROGRAMME, {
    slug: ROUND,
    title: {
      fi: 'Maakuntaohjelman luonnos nähtävillä',
      sv: 'Utkastet till landskapsprogrammet framlagt',
      en: 'The draft programme on display',
    },
    intro: { fi: 'Luonnos on nähtävillä 1.–30.9.2021.', en: 'The draft is on display 1–30 September 2021.' },
    opens: options.opens ?? '2021-09-01T08:00',
    closes: options.closes ?? '2021-09-30T15:00',
    preModeration: options.preModeration ?? 'all',
    retentionUntil: options.retentionUntil === undefined ? '2022-12-31' : options.retentionUntil,
  });
}
