/**
 * Comments with personal data on the fixture's round (consultation-fixture.ts), for the privacy and
 * open data tests: one published with the name, one anonymous, one not to be published, one
 * statement (a company's, anonymous sender) and a second comment of the first sender under a
 * differently written address; all approved by a moderator.
 */
import type { AppContext } from '#src/services/app-context.ts';
import { submitComment, type CommentInput } from '#src/services/consultation/comments.ts';
import { moderateComments, moderationQueue } from '#src/services/consultation/moderation.ts';
import { EDITOR, NODE, PROGRAMME, ROUND } from './consultation-fixture.ts';

export const NAMED = { name: 'Maija Meikäläinen', email: 'maija@example.fi', organisation: 'Pyhtään kyläyhdistys' };
export const ANONYMOUS = { name: 'Anna Anonyymi', email: 'anna@example.fi', organisation: 'Salaseura ry' };
export const HIDDEN = { name: 'Niilo Näkymätön', email: 'niilo@example.fi', organisation: null };
export const SIGNER = {
  name: 'Sakari Allekirjoittaja',
  email: 'sakari@kotkansatama.example',
  organisation: 'Kotkan Satama Oy',
  businessId: '0112038-9',
  role: 'toimitusjohtaja',
};
/** Every name and e-mail address above: none may reach the public once removed. */
export const PERSONAL = [NAMED, ANONYMOUS, HIDDEN, SIGNER].flatMap((p) => [p.name, p.email]);

export const BODIES = {
  named: 'Pyhtää-ilmiö kannattaa mainita.',
  anonymous: 'Satamien logistiikka on tärkeää.',
  hidden: 'Tätä ei saa julkaista.',
  statement: '=HYPERLINK("https://evil.example","Kotkan Satama kannattaa luonnosta")',
  second: 'Vielä yksi ajatus kyläkouluista.',
} as const;

let key = 0;
const input = (over: Partial<CommentInput>): CommentInput => ({
  nodeKey: NODE,
  paragraph: 0,
  quote: null,
  lang: 'fi',
  body: 'Kommentti.',
  name: null,
  email: null,
  organisation: null,
  respondentType: 'resident',
  publishAs: 'anonymous',
  idempotencyKey: `privacy-fixture-${++key}-${Date.now()}`,
  ...over,
});

/** Sends the five comments (ctx.clock must be inside the round) and approves them; answers their ids by name. */
export async function sendPersonalComments(ctx: AppContext): Promise<Record<keyof typeof BODIES, number>> {
  const send = async (over: Partial<CommentInput>) =>
    (await submitComment(ctx, PROGRAMME, ROUND, input(over))).comment.id;
  const ids = {
    named: await send({ body: BODIES.named, publishAs: 'name', ...NAMED }),
    anonymous: await send({ body: BODIES.anonymous, publishAs: 'anonymous', ...ANONYMOUS, paragraph: 1 }),
    hidden: await send({ body: BODIES.hidden, publishAs: 'none', ...HIDDEN }),
    statement: await send({
      body: BODIES.statement,
      publishAs: 'anonymous',
      name: SIGNER.name,
      email: SIGNER.email,
      organisation: SIGNER.organisation,
      respondentType: 'company',
      nodeKey: null,
      paragraph: null,
    }),
    second: await send({ body: BODIES.second, publishAs: 'name', ...NAMED, email: 'Maija@Example.FI' }),
  };
  // A statement with its business id and signer's role, as the statement form stores them (that
  // form is built elsewhere; submitComment sends comments only).
  await ctx.db.kysely
    .updateTable('consultation_comments')
    .set({ kind: 'statement', business_id: SIGNER.businessId, signer_role: SIGNER.role })
    .where('id', '=', ids.statement)
    .execute();
  const { pending } = await moderationQueue(ctx.db.kysely, PROGRAMME, ROUND);
  await moderateComments(
    ctx,
    EDITOR,
    PROGRAMME,
    ROUND,
    pending.map((c) => ({ id: c.id, revision: c.revision })),
    { action: 'approve' },
  );
  return ids;
}
