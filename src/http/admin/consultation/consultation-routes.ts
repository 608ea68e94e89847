/**
 * Admin pages of a programme's public consultation (issue 10):
 *   GET  /admin/regions/:code/programmes/:programme/consultation                 rounds with counts (viewers)
 *   POST /admin/regions/:code/programmes/:programme/consultation                 open a round (editors)
 *   GET  /admin/regions/:code/programmes/:programme/consultation/:round          the moderation queue (moderators)
 *   POST /admin/regions/:code/programmes/:programme/consultation/:round/moderate approve, reject or merge (moderators)
 *   POST /admin/regions/:code/programmes/:programme/consultation/:round/redact   remove a passage of a comment (moderators)
 *   GET  /admin/regions/:code/programmes/:programme/consultation/:round/comments/:comment/attachment
 *        a statement's attachment, as a download (moderators)
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { roundPhase } from '#src/domain/consultation/round.ts';
import { FieldErrors, fieldProblem } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import { documentsFromLines, PRE_MODERATION, questionsFromLines } from '#src/domain/consultation/round.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  moderateComments,
  moderationQueue,
  type CommentRef,
  type Decision,
} from '#src/services/consultation/moderation.ts';
import { attachmentForModerator } from '#src/services/consultation/attachments.ts';
import { redactComment, REDACTION_LIMITS, type Redaction } from '#src/services/consultation/redaction.ts';
import { createRound, roundsOf, type RoundInput } from '#src/services/consultation/rounds.ts';
import { countCommentsByStatus, listAttachmentMeta } from '#src/storage/repositories/consultation-repository.ts';
import { listVersions } from '#src/storage/repositories/versions-repository.ts';
import { ModerationPage } from '#src/views/admin/consultation/moderation-page.tsx';
import { RoundsAdminPage, type RoundRow } from '#src/views/admin/consultation/rounds-admin-page.tsx';
import { editorPaths } from '#src/views/admin/programmes/editor-paths.ts';
import { inLang, paths } from '#src/views/urls.ts';
import { choiceField, formSchema, textField, textsField } from '#src/http/forms/form-fields.ts';
import { localized, numberParam, one } from '#src/http/forms/form-input.ts';
import { adminForm, NO_FAILURE, shownFailure, type FormFailure, type ShownFailure } from '../admin-form.ts';
import { sendAttachment } from './attachment-download.ts';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';

type Params = { Params: { code: string; programme: string } };
type RoundParams = { Params: { code: string; programme: string; round: string } };

const regionOf = regionParam('code');

/** The admin address of a programme's consultation rounds. */
export const consultationAdminPath = (code: string, programme: string): string =>
  editorPaths.consultation({ code, slug: programme });

const formOfBody = (request: { body?: unknown }): Record<string, string> =>
  request.body !== null && typeof request.body === 'object'
    ? Object.fromEntries(
        Object.entries(request.body as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      )
    : {};

const flat = (form: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> =>
  Object.fromEntries(Object.keys(form).map((k) => [k, one(form, k)]));

export function registerConsultationAdmin(app: FastifyInstance, ctx: AppContext): void {
  const programmeOf = async (code: string, slug: string) => {
    const region = (await ctx.reader.regions()).find((r) => r.code === code);
    const programme = region?.programmes.find((p) => p.slug === slug);
    if (!region || !programme) throw notFound(`Programme "${slug}" of region ${code}`);
    return { region, programme, ref: { code, slug } };
  };

  const roundsPage = async (
    request: AdminRequest<Params>,
    reply: FastifyReply,
    form: Record<string, string>,
    failure: ShownFailure = NO_FAILURE,
  ): Promise<FastifyReply> => {
    const { region, programme, ref } = await programmeOf(request.params.code, request.params.programme);
    const { programme: row, rounds } = await roundsOf(ctx.db.kysely, ref);
    const now = ctx.clock?.() ?? new Date();
    const lang = request.adminLang;
    const rows: RoundRow[] = [];
    for (const round of rounds)
      rows.push({
        round,
        title: pickText(round.title, lang)?.text ?? round.slug,
        phase: roundPhase(round, now),
        counts: await countCommentsByStatus(ctx.db.kysely, round.id),
        queueHref: `${consultationAdminPath(region.code, programme.slug)}/${encodeURIComponent(round.slug)}`,
        publicHref: inLang(lang, paths.consultation(region.slug, programme.slug, round.slug)),
        responsesHref: hasRole(request.auth.user, 'editor', region.code)
          ? `${consultationAdminPath(region.code, programme.slug)}/${encodeURIComponent(round.slug)}/responses`
          : null,
      });
    const consultation = (await listVersions(ctx.db.kysely, row.id))
      .filter((v) => v.status === 'consultation')
      .sort((a, b) => b.number - a.number)[0];
    const done = one((request.query ?? {}) as Record<string, string>, 'done');
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        RoundsAdminPage({
          ac,
          programme: { title: pickText(programme.title, ac.lang)?.text ?? programme.slug },
          rounds: rows,
          consultationVersion: consultation?.number ?? null,
          canCreate: hasRole(request.auth.user, 'editor', region.code),
          createAction: consultationAdminPath(region.code, programme.slug),
          form,
          errors: failure.errors,
          problem: failure.problem,
          done: /^[a-z0-9-]{1,40}$/.test(done) ? done : null,
        }),
      failure.status,
    );
  };

  adminRoute<Params>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:programme/consultation',
    rule: { kind: 'role', role: 'viewer', region: regionOf },
    handler: async (request, reply) => roundsPage(request, reply, { preModeration: 'all' }),
  });

  adminForm<AdminRequest<Params>, RoundInput>(app, ctx, {
    url: '/admin/regions/:code/programmes/:programme/consultation',
    rule: { kind: 'role', role: 'editor', region: regionOf },
    schema: formSchema(
      {
        slug: textField.transform((s) => s.trim()),
        opens: textField,
        closes: textField,
        preModeration: choiceField(PRE_MODERATION),
        retentionUntil: textField.transform((s) => s.trim() || null),
      },
      (f, form) => {
        const docs = documentsFromLines(one(form as never, 'documents'));
        if (docs.bad.length > 0)
          throw new FieldErrors('The round was not accepted', {
            documents: fieldProblem(
              'document_lines',
              `line ${docs.bad.join(', ')}: must be "title | https://address"`,
              {
                lines: docs.bad.join(', '),
              },
            ),
          });
        return {
          slug: f.slug,
          title: localized(form as never, 'title'),
          intro: localized(form as never, 'intro'),
          opens: f.opens,
          closes: f.closes,
          preModeration: f.preModeration,
          retentionUntil: f.retentionUntil,
          questions: questionsFromLines(localized(form as never, 'questions') as Record<'fi' | 'sv' | 'en', string>),
          documents: docs.documents,
        };
      },
    ),
    fieldErrors: (_request, fields) => Object.entries(fields).map(([field, message]) => ({ field, message })),
    action: async (input, request) => {
      const round = await createRound(
        ctx,
        actorOf(request),
        { code: request.params.code, slug: request.params.programme },
        input,
      );
      return `${consultationAdminPath(request.params.code, request.params.programme)}?done=${round.slug}`;
    },
    view: (request, reply, failure: FormFailure) =>
      roundsPage(request, reply, flat(failure.form), shownFailure(failure)),
  });

  const queuePage = async (
    request: AdminRequest<RoundParams>,
    reply: FastifyReply,
    failure: ShownFailure & {
      /** The redaction form as sent (shown again at its comment). */
      redactForm?: Record<string, string>;
    } = NO_FAILURE,
  ): Promise<FastifyReply> => {
    const { region, programme, ref } = await programmeOf(request.params.code, request.params.programme);
    const queue = await moderationQueue(ctx.db.kysely, ref, request.params.round);
    const attachments = await listAttachmentMeta(ctx.db.kysely, queue.round.id);
    const query = (request.query ?? {}) as Record<string, string>;
    const done = Number(one(query, 'done'));
    const redacted = Number(one(query, 'redacted'));
    const roundAdmin = `${consultationAdminPath(region.code, programme.slug)}/${encodeURIComponent(queue.round.slug)}`;
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        ModerationPage({
          ac,
          roundTitle: pickText(queue.round.title, ac.lang)?.text ?? queue.round.slug,
          programmeTitle: pickText(programme.title, ac.lang)?.text ?? programme.slug,
          pending: queue.pending,
          decided: queue.decided,
          reasons: queue.round.rejectReasons,
          action: `${consultationAdminPath(region.code, programme.slug)}/${encodeURIComponent(queue.round.slug)}/moderate`,
          roundsHref: consultationAdminPath(region.code, programme.slug),
          responsesHref: hasRole(request.auth.user, 'editor', region.code)
            ? `${consultationAdminPath(region.code, programme.slug)}/${encodeURIComponent(queue.round.slug)}/responses`
            : null,
          errors: failure.errors,
          problem: failure.problem,
          done: Number.isInteger(done) && done > 0 ? done : null,
          questions: queue.round.questions,
          attachments,
          attachmentHref: (id) => `${roundAdmin}/comments/${id}/attachment`,
          redactAction: `${roundAdmin}/redact`,
          redactForm: failure.redactForm ?? null,
          redacted: Number.isInteger(redacted) && redacted > 0 ? redacted : null,
        }),
      failure.status,
    );
  };

  adminRoute<RoundParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:programme/consultation/:round',
    rule: { kind: 'role', role: 'moderator', region: regionOf },
    handler: async (request, reply) => queuePage(request, reply),
  });

  const commentRef = z
    .string()
    .regex(/^\d{1,9}:\d{1,9}$/, { error: 'must be a comment of the list (reload the page)' });
  adminForm<AdminRequest<RoundParams>, { comments: CommentRef[]; decision: Decision }>(app, ctx, {
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/moderate',
    rule: { kind: 'role', role: 'moderator', region: regionOf },
    schema: formSchema(
      {
        comment: textsField.pipe(z.array(commentRef)),
        action: choiceField(['approve', 'reject', 'merge']),
        reason: textField,
        into: textField.transform((s) => s.trim().replace(/^#/, '')),
      },
      (f) => {
        const comments = f.comment.map((c) => {
          const [id, revision] = c.split(':').map(Number) as [number, number];
          return { id, revision };
        });
        let decision: Decision;
        if (f.action === 'approve') decision = { action: 'approve' };
        else if (f.action === 'reject') decision = { action: 'reject', reason: f.reason };
        else {
          if (!/^\d{1,9}$/.test(f.into))
            throw new FieldErrors('The merge was not accepted', {
              into: fieldProblem('merge_target', 'must be the number of a comment of the same round'),
            });
          decision = { action: 'merge', into: Number(f.into) };
        }
        return { comments, decision };
      },
    ),
    fieldErrors: (_request, fields) => Object.entries(fields).map(([field, message]) => ({ field, message })),
    action: async ({ comments, decision }, request) => {
      const { code, programme, round } = request.params;
      const n = await moderateComments(ctx, actorOf(request), { code, slug: programme }, round, comments, decision);
      return `${consultationAdminPath(code, programme)}/${encodeURIComponent(round)}?done=${n}`;
    },
    view: (request, reply, failure: FormFailure) => queuePage(request, reply, shownFailure(failure)),
  });

  adminForm<AdminRequest<RoundParams>, { comment: CommentRef; redaction: Redaction }>(app, ctx, {
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/redact',
    rule: { kind: 'role', role: 'moderator', region: regionOf },
    schema: formSchema(
      {
        comment: textField.pipe(commentRef),
        passage: textField.pipe(z.string().max(REDACTION_LIMITS.passage * 2)),
        reason: textField.pipe(z.string().max(REDACTION_LIMITS.reason * 2)),
      },
      (f) => {
        const [id, revision] = f.comment.split(':').map(Number) as [number, number];
        return { comment: { id, revision }, redaction: { passage: f.passage, reason: f.reason } };
      },
    ),
    fieldErrors: (request, fields) =>
      Object.entries(fields).map(([field, message]) => ({
        field: `${field}-${one(formOfBody(request), 'comment').split(':')[0] ?? ''}`,
        message: `${field}: ${message}`,
      })),
    action: async ({ comment, redaction }, request) => {
      const { code, programme, round } = request.params;
      await redactComment(ctx, actorOf(request), { code, slug: programme }, round, comment, redaction);
      return `${consultationAdminPath(code, programme)}/${encodeURIComponent(round)}?redacted=${comment.id}`;
    },
    view: (request, reply, failure: FormFailure) =>
      queuePage(request, reply, { ...shownFailure(failure), redactForm: flat(failure.sent) }),
  });

  adminRoute<{ Params: RoundParams['Params'] & { comment: string } }>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/comments/:comment/attachment',
    rule: { kind: 'role', role: 'moderator', region: regionOf },
    handler: async (request, reply) => {
      const { code, programme, round } = request.params;
      const id = numberParam(request.params.comment, 'Comment');
      return sendAttachment(reply, await attachmentForModerator(ctx.db.kysely, { code, slug: programme }, round, id));
    },
  });
}
