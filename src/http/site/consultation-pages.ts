/**
 * The public consultation pages (issue 10): the rounds of a programme, a round with its text and
 * published comments (cached until the consultation's content changes), and the comment form with
 * its answer (never cached: the form carries the visitor's CSRF token and a fresh idempotency key).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paragraphsOf, type Paragraph } from '#src/domain/consultation/anchors.ts';
import { COMMENT_LIMITS, PUBLISH_AS, RESPONDENT_TYPES } from '#src/domain/consultation/comment.ts';
import { commentableText } from '#src/domain/consultation/commentable.ts';
import { roundPhase } from '#src/domain/consultation/round.ts';
import { FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import { isLang, type Lang } from '#src/domain/languages.ts';
import type { ProgrammeSummary } from '#src/domain/read-models.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { submitComment } from '#src/services/consultation/comments.ts';
import { consultationView } from '#src/services/consultation/public-view.ts';
import { loadRound, roundsOf } from '#src/services/consultation/rounds.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { CommentFormPage, type CommentTarget } from '#src/views/consultation/comment-form-page.tsx';
import { HONEYPOT } from '#src/views/consultation/form-parts.tsx';
import { CommentSentPage } from '#src/views/consultation/comment-sent-page.tsx';
import { RoundPage } from '#src/views/consultation/round-page.tsx';
import { RoundsPage } from '#src/views/consultation/rounds-page.tsx';
import { inLang, paths } from '#src/views/urls.ts';
import {
  publicForm,
  NO_FAILURE,
  shownFailure,
  type FormFailure,
  type ShownFailure,
} from '#src/http/admin/admin-form.ts';
import { adminRoute } from '#src/http/admin/admin-route.ts';
import { choiceField, formSchema, textField } from '#src/http/forms/form-fields.ts';
import { formOf } from '#src/http/forms/form-input.ts';
import { regionBySlug, type PageRequest } from './pages.ts';
import { renderPage } from './render.ts';

const now = (ctx: AppContext): Date => ctx.clock?.() ?? new Date();

export async function programmeOf(ctx: AppContext, regionSlug: string, programmeSlug: string) {
  const region = await regionBySlug(ctx, regionSlug);
  const programme: ProgrammeSummary | undefined = region.programmes.find((p) => p.slug === programmeSlug);
  if (!programme) throw notFound(`Programme "${programmeSlug}"`);
  const council = await ctx.reader.council(region.code);
  return { region, programme, hasContact: council !== null, ref: { code: region.code, slug: programme.slug } };
}

/**
 * The phases of a programme's rounds (or of one round) now, e.g. `2021:open`: part of the cache key
 * of the consultation pages, which change when a round opens or closes.
 */
export async function consultationPhases(
  ctx: AppContext,
  regionSlug: string,
  programmeSlug: string,
  roundSlug: string | null,
): Promise<string> {
  const { ref } = await programmeOf(ctx, regionSlug, programmeSlug);
  const { rounds } = await roundsOf(ctx.db.kysely, ref);
  return rounds
    .filter((r) => roundSlug === null || r.slug === roundSlug)
    .map((r) => `${r.slug}:${roundPhase(r, now(ctx))}`)
    .join(',');
}

/** The list of a programme's consultation rounds. */
export async function consultationsPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
) {
  const { region, programme, hasContact, ref } = await programmeOf(ctx, regionSlug, programmeSlug);
  const { rounds } = await roundsOf(ctx.db.kysely, ref);
  return renderPage(lang, baseUrl, (rc) => RoundsPage({ rc, region, programme, hasContact, rounds, now: now(ctx) }));
}

/** A round's page: its text with numbered paragraphs and the published comments. */
export async function roundPage(
  { ctx, lang, baseUrl }: PageRequest,
  regionSlug: string,
  programmeSlug: string,
  roundSlug: string,
) {
  const { region, programme, hasContact, ref } = await programmeOf(ctx, regionSlug, programmeSlug);
  const view = await consultationView(ctx.db.kysely, ref, roundSlug, lang, now(ctx));
  return renderPage(lang, baseUrl, (rc) => RoundPage({ rc, region, programme, hasContact, view }));
}

export type RoundParams = { lang: string; region: string; programme: string; round: string };
export type RoundRequest = FastifyRequest<{ Params: RoundParams; Querystring: Record<string, unknown> }>;

export function langOf(request: RoundRequest): Lang {
  const lang = request.params.lang;
  if (!isLang(lang)) throw notFound(`Language "${lang}"`);
  return lang;
}

const PARAGRAPH = /^\d{1,4}$/;
const NODE_KEY = /^[A-Za-z0-9_.-]{1,120}$/;

/** What `node` and `p` (query or form) point at in the round's version; 404 for a node or paragraph that is not there. */
async function targetOf(
  ctx: AppContext,
  versionId: number,
  lang: Lang,
  node: string,
  p: string,
): Promise<CommentTarget> {
  if (node === '') return { node: null, paragraph: null, textLang: lang };
  if (!NODE_KEY.test(node)) throw notFound(`Node "${node}"`);
  const row = await findNode(ctx.db.kysely, versionId, node);
  if (!row) throw notFound(`Node "${node}"`);
  const text = commentableText(row, lang);
  let paragraph: Paragraph | null = null;
  if (p !== '') {
    paragraph = (PARAGRAPH.test(p) ? paragraphsOf(text.text)[Number(p)] : undefined) ?? null;
    if (!paragraph) throw notFound(`Paragraph ${p} of node "${node}"`);
  }
  return { node: { key: row.key, title: row.title }, paragraph, textLang: text.lang };
}

export const first = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? (v[0] as string) : '';

/** A fresh idempotency key for a new form. */
export const newKey = (): string => randomBytes(18).toString('base64url');

async function showForm(
  ctx: AppContext,
  request: RoundRequest,
  reply: FastifyReply,
  form: Record<string, string>,
  failure: ShownFailure = NO_FAILURE,
): Promise<FastifyReply> {
  const lang = langOf(request);
  const { region, programme, hasContact, ref } = await programmeOf(
    ctx,
    request.params.region,
    request.params.programme,
  );
  const { round } = await loadRound(ctx.db.kysely, ref, request.params.round);
  const target = await targetOf(ctx, round.versionId, lang, form['node'] ?? '', form['p'] ?? '');
  const html = renderPage(lang, '', (rc) =>
    CommentFormPage({
      rc,
      region,
      programme,
      hasContact,
      round,
      phase: roundPhase(round, now(ctx)),
      target,
      csrfToken: request.csrfToken,
      form,
      errors: failure.errors,
      problem: failure.problem,
    }),
  );
  return reply.code(failure.status).header('content-type', 'text/html; charset=utf-8').send(html);
}

export const optionalText = (max: number) =>
  textField
    .pipe(z.string().max(max, { error: `must be at most ${max} characters` }))
    .transform((s) => s.trim() || null);

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The comment form's fields, as the service's input (the service checks the text and the anchor). */
const commentSchema = (request: RoundRequest) =>
  formSchema(
    {
      key: textField.pipe(
        z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'is missing or damaged (reload the page)' }),
      ),
      node: textField,
      p: textField,
      quote: optionalText(2000),
      body: textField,
      respondentType: choiceField(RESPONDENT_TYPES),
      publishAs: choiceField(PUBLISH_AS),
      name: optionalText(COMMENT_LIMITS.name),
      organisation: optionalText(COMMENT_LIMITS.organisation),
      email: optionalText(COMMENT_LIMITS.email),
      consent: textField,
      [HONEYPOT]: textField,
    },
    (f) => {
      const problems: FieldErrorMap = {};
      if (f.consent !== 'yes') problems['consent'] = fieldProblem('consent', 'accept the processing of your details');
      if (f[HONEYPOT] !== '') problems[HONEYPOT] = fieldProblem('honeypot', 'leave this field empty');
      if (f.email !== null && !EMAIL.test(f.email))
        problems['email'] = fieldProblem('email', 'must be an e-mail address');
      if (f.node !== '' && !NODE_KEY.test(f.node)) problems['node'] = 'must be a node key';
      if (f.p !== '' && (!PARAGRAPH.test(f.p) || f.node === '')) problems['p'] = 'must be a paragraph number of a node';
      if (Object.keys(problems).length > 0) throw new FieldErrors('The comment was not accepted', problems);
      return {
        nodeKey: f.node === '' ? null : f.node,
        paragraph: f.p === '' ? null : Number(f.p),
        quote: f.quote,
        lang: langOf(request),
        body: f.body,
        name: f.name,
        email: f.email,
        organisation: f.organisation,
        respondentType: f.respondentType,
        publishAs: f.publishAs,
        idempotencyKey: f.key,
      };
    },
  );

/** The comment form (GET and POST) and the page after sending, as public forms. */
export function registerConsultationForms(app: FastifyInstance, ctx: AppContext): void {
  const base = '/:lang/:region/:programme/consultation/:round';
  adminRoute<{ Params: RoundParams; Querystring: Record<string, unknown> }>(app, ctx, {
    method: 'GET',
    url: `${base}/comment`,
    rule: { kind: 'public-form' },
    handler: async (request, reply) => {
      const q = request.query ?? {};
      return showForm(ctx, request, reply, {
        key: newKey(),
        node: first(q['node']),
        p: first(q['p']),
        // A passage the reader selected on the round page (public/quote.js), checked when sent.
        quote: first(q['quote']).slice(0, 2000),
        publishAs: 'anonymous',
        respondentType: 'resident',
      });
    },
  });
  publicForm<RoundRequest, Awaited<ReturnType<ReturnType<typeof commentSchema>['parseAsync']>>>(app, ctx, {
    url: `${base}/comment`,
    rule: { kind: 'public-form' },
    schema: commentSchema,
    fieldErrors: (_request, fields) =>
      Object.entries(fields).map(([field, message]) => ({ field, message: `${field}: ${message}` })),
    action: async (input, request) => {
      const lang = langOf(request);
      const { region, programme, ref } = await programmeOf(ctx, request.params.region, request.params.programme);
      const { comment } = await submitComment(ctx, ref, request.params.round, input);
      const state = comment.publishAs === 'none' ? 'unlisted' : comment.status === 'approved' ? 'published' : 'pending';
      return `${inLang(lang, paths.consultation(region.slug, programme.slug, request.params.round))}sent?state=${state}`;
    },
    view: (request, reply, failure: FormFailure) => {
      const sent = Object.fromEntries(Object.entries(formOf(request)).map(([k, v]) => [k, first(v)]));
      return showForm(ctx, request, reply, { ...sent, [HONEYPOT]: '' }, shownFailure(failure));
    },
  });
  adminRoute<{ Params: RoundParams; Querystring: Record<string, unknown> }>(app, ctx, {
    method: 'GET',
    url: `${base}/sent`,
    rule: { kind: 'public-form' },
    handler: async (request, reply) => {
      const lang = langOf(request);
      const { region, programme, hasContact, ref } = await programmeOf(
        ctx,
        request.params.region,
        request.params.programme,
      );
      const { round } = await loadRound(ctx.db.kysely, ref, request.params.round);
      const asked = first((request.query ?? {})['state']);
      const state = asked === 'published' || asked === 'unlisted' ? asked : 'pending';
      const kind = first((request.query ?? {})['kind']) === 'statement' ? 'statement' : 'comment';
      const html = renderPage(lang, '', (rc) =>
        CommentSentPage({ rc, region, programme, hasContact, round, state, kind }),
      );
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  });
}
