/**
 * A round with a spread of approved comments and statements, for the response and feedback report
 * tests: comments on three nodes and on the whole programme from every kind of respondent, some not
 * to be published, statements of organisations (stored as the statement form will store them), one
 * comment rejected; and a version 4 (after version 3 is approved) in which a node's text changed.
 */
import type { CommentKind, PublishAs, RespondentType } from '#src/domain/consultation/comment.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { submitComment } from '#src/services/consultation/comments.ts';
import { moderateComments, moderationQueue } from '#src/services/consultation/moderation.ts';
import { publishResponses, saveResponse } from '#src/services/consultation/responses.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { insertCommentOnce } from '#src/storage/repositories/consultation-repository.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { EDITOR, NODE, openRound, PROGRAMME, ROUND, versionRevision } from './consultation-fixture.ts';

export const THEME = 'innovatiivinen-kymenlaakso';
export const MEASURE = 'yrittajyys-ja-kasvu';
export const XSS_CORPUS = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '=HYPERLINK("https://evil.example","klikkaa")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
] as const;

export interface CommentSpec {
  kind: CommentKind;
  node: string | null;
  paragraph: number | null;
  body: string;
  respondentType: RespondentType;
  publishAs: PublishAs;
  name: string | null;
  organisation: string | null;
}

/** The comments the round gets (the last one is rejected). */
export function commentSpecs(): CommentSpec[] {
  const c = (
    node: string | null,
    paragraph: number | null,
    body: string,
    respondentType: RespondentType,
    publishAs: PublishAs,
    extra: Partial<CommentSpec> = {},
  ): CommentSpec => ({
    kind: 'comment',
    node,
    paragraph,
    body,
    respondentType,
    publishAs,
    name: publishAs === 'name' ? 'Maija Meikäläinen' : null,
    organisation: null,
    ...extra,
  });
  return [
    c(NODE, 0, `Hyvä kappale. ${XSS_CORPUS[0]}`, 'resident', 'name'),
    c(NODE, 1, `Laajakaista kaikille. ${XSS_CORPUS[1]}`, 'resident', 'anonymous'),
    c(NODE, 1, 'Sama asia: laajakaista haja-asutusalueille.', 'company', 'anonymous'),
    c(NODE, null, 'Tämä ei saa näkyä julkisesti: salainen huomio.', 'resident', 'none'),
    c(THEME, 0, XSS_CORPUS[2], 'authority', 'anonymous'),
    c(MEASURE, null, XSS_CORPUS[4], 'other', 'anonymous'),
    c(null, null, XSS_CORPUS[5], 'resident', 'anonymous'),
    {
      kind: 'statement',
      node: NODE,
      paragraph: null,
      body: `Kunnan lausunto. ${XSS_CORPUS[6]}`,
      respondentType: 'municipality',
      publishAs: 'name',
      name: 'Kirjaamo',
      organisation: 'Kotkan kaupunki',
    },
    {
      kind: 'statement',
      node: null,
      paragraph: null,
      body: 'Lausunto, jota ei julkaista.',
      respondentType: 'organisation',
      publishAs: 'none',
      name: null,
      organisation: `Yhdistys ry ${XSS_CORPUS[0]}`,
    },
    {
      kind: 'statement',
      node: MEASURE,
      paragraph: null,
      body: 'Toinen lausunto.',
      respondentType: 'municipality',
      publishAs: 'anonymous',
      name: null,
      organisation: 'Kotkan kaupunki',
    },
    c(NODE, 0, 'Osta halpoja kelloja!', 'other', 'anonymous'),
  ];
}

/** Opens the round (Finnish times around the fake clock of the tests), stores the comments and moderates them. */
export async function roundWithComments(
  ctx: AppContext,
  specs: readonly CommentSpec[] = commentSpecs(),
): Promise<void> {
  await openRound(ctx, { opens: '2020-01-01T00:00', closes: '2099-12-31T23:00', retentionUntil: null });
  const round = await ctx.db.kysely
    .selectFrom('consultation_rounds')
    .select(['id', 'version_id'])
    .where('slug', '=', ROUND)
    .executeTakeFirstOrThrow();
  for (const [i, s] of specs.entries()) {
    if (s.kind === 'comment')
      await submitComment(ctx, PROGRAMME, ROUND, {
        nodeKey: s.node,
        paragraph: s.paragraph,
        quote: null,
        lang: 'fi',
        body: s.body,
        name: s.name,
        email: null,
        organisation: s.organisation,
        respondentType: s.respondentType,
        publishAs: s.publishAs,
        idempotencyKey: `responses-fixture-${String(i).padStart(4, '0')}`,
      });
    // Statements are stored as the statement form stores them (kind, organisation; no anchor quote).
    else
      await ctx.db.kysely.transaction().execute((trx) =>
        insertCommentOnce(trx, {
          round_id: round.id,
          kind: 'statement',
          status: 'pending',
          version_id: round.version_id,
          node_key: s.node,
          paragraph_index: null,
          text_lang: 'fi',
          body: s.body,
          respondent_type: s.respondentType,
          publish_as: s.publishAs,
          author_name: s.name,
          author_email: null,
          organisation: s.organisation,
          ui_lang: 'fi',
          idempotency_key: `responses-fixture-${String(i).padStart(4, '0')}`,
          submitted_at: new Date(Date.parse('2021-09-10T09:00:00Z') + i * 60_000).toISOString(),
          held_reason: 'pre_moderation',
        }),
      );
  }
  const { pending } = await moderationQueue(ctx.db.kysely, PROGRAMME, ROUND);
  const last = pending.find((p) => p.body === specs.at(-1)!.body)!;
  await moderateComments(
    ctx,
    EDITOR,
    PROGRAMME,
    ROUND,
    pending.filter((p) => p.id !== last.id).map((p) => ({ id: p.id, revision: p.revision })),
    { action: 'approve' },
  );
  await moderateComments(ctx, EDITOR, PROGRAMME, ROUND, [{ id: last.id, revision: last.revision }], {
    action: 'reject',
    reason: 'advertising',
  });
}

/** The ids of the approved comments, in the order of `commentSpecs()` (the rejected one left out). */
export async function approvedIds(ctx: AppContext): Promise<number[]> {
  const rows = await ctx.db.kysely
    .selectFrom('consultation_comments')
    .innerJoin('consultation_rounds', 'consultation_rounds.id', 'consultation_comments.round_id')
    .select('consultation_comments.id')
    .where('consultation_rounds.slug', '=', ROUND)
    .where('consultation_comments.status', '=', 'approved')
    .orderBy('consultation_comments.idempotency_key')
    .execute();
  return rows.map((r) => r.id);
}

/** The new first paragraph of the priority in version 4. */
export const NEW_TEXT = 'Elinkeinoelämää uudistetaan rohkeasti ja laajakaista viedään haja-asutusalueille.';

/** Approves version 3, starts version 4 and rewrites the priority's body there. */
export async function laterVersion(ctx: AppContext): Promise<void> {
  await transitionVersion(
    ctx,
    EDITOR,
    { ...PROGRAMME, number: 3 },
    {
      revision: await versionRevision(ctx, 3),
      action: 'approve',
      decision: { body: { fi: 'Maakuntavaltuusto' }, date: '2021-12-01', reference: '§ 12' },
    },
  );
  await startUpdate(ctx, EDITOR, PROGRAMME);
  const v4 = await ctx.db.kysely
    .selectFrom('versions')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select('versions.id')
    .where('programmes.region_code', '=', PROGRAMME.code)
    .where('versions.number', '=', 4)
    .executeTakeFirstOrThrow();
  const node = (await findNode(ctx.db.kysely, v4.id, NODE))!;
  const body = { ...node.body, fi: [NEW_TEXT, ...(node.body?.fi ?? '').split(/\n\s*\n/).slice(1)].join('\n\n') };
  await updateNode(
    ctx,
    EDITOR,
    { ...PROGRAMME, number: 4, key: NODE },
    {
      revision: node.revision,
      slug: node.slug,
      texts: { title: node.title, shortTitle: node.shortTitle, summary: node.summary, body },
    },
  );
}

/**
 * Answers every approved comment of round `slug` with a published response carrying `texts` (in the
 * response and its reason), for the CSV injection test.
 */
export async function respondToAll(ctx: AppContext, slug: string, texts: readonly string[]): Promise<void> {
  const approved = await ctx.db.kysely
    .selectFrom('consultation_comments')
    .innerJoin('consultation_rounds', 'consultation_rounds.id', 'consultation_comments.round_id')
    .select('consultation_comments.id')
    .where('consultation_rounds.slug', '=', slug)
    .where('consultation_comments.status', '=', 'approved')
    .orderBy('consultation_comments.id')
    .execute();
  for (const [i, c] of approved.entries())
    await saveResponse(ctx, EDITOR, PROGRAMME, slug, null, {
      comments: [c.id],
      text: { fi: texts[i % texts.length]! },
      decision: 'not_taken_into_account',
      reason: { fi: texts[(i + 1) % texts.length]! },
      change: null,
    });
  await publishResponses(ctx, EDITOR, PROGRAMME, slug);
}
