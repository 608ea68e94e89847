/**
 * Statements on behalf of an organisation (issue 10), on the public site:
 *   GET  /:lang/:region/:programme/consultation/:round/statement              the form (public form)
 *   POST /:lang/:region/:programme/consultation/:round/statement              send it (multipart, with an optional PDF)
 *   GET  /:lang/:region/:programme/consultation/:round/attachments/:comment   a published statement's PDF (download)
 * The form is multipart: it is read in a plugin scope of its own (../admin/multipart-form.ts), only
 * for senders with the pre-session cookie the form's GET set and a body within the attachment limit;
 * then `publicForm` checks the CSRF token, the rate limit and the fields like those of the comment
 * form. The file is judged by its bytes in the service (a PDF of sane structure, at most 10 MB).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from '#src/domain/consultation/attachment.ts';
import { COMMENT_LIMITS, PUBLISH_AS } from '#src/domain/consultation/comment.ts';
import { roundPhase } from '#src/domain/consultation/round.ts';
import { STATEMENT_RESPONDENTS } from '#src/domain/consultation/statement.ts';
import { AppError } from '#src/domain/errors.ts';
import { FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { publicAttachment } from '#src/services/consultation/attachments.ts';
import { submitStatement, type StatementInput } from '#src/services/consultation/comments.ts';
import { loadRound } from '#src/services/consultation/rounds.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { HONEYPOT } from '#src/views/consultation/form-parts.tsx';
import { StatementFormPage } from '#src/views/consultation/statement-form-page.tsx';
import { inLang, paths } from '#src/views/urls.ts';
import { publicForm, type FormFailure } from '#src/http/admin/admin-form.ts';
import { adminRoute } from '#src/http/admin/admin-route.ts';
import { sendAttachment } from '#src/http/admin/consultation/attachment-download.ts';
import { registerMultipartScope, uploadedFile, type MultipartLimits } from '#src/http/admin/multipart-form.ts';
import { choiceField, formSchema, textField } from '#src/http/forms/form-fields.ts';
import { formOf, numberParam } from '#src/http/forms/form-input.ts';
import {
  EMAIL,
  first,
  langOf,
  newKey,
  optionalText,
  programmeOf,
  type RoundParams,
  type RoundRequest,
} from './consultation-pages.ts';
import { renderPage } from './render.ts';

/** The form's limits: one file (the attachment limit; a larger one is marked and refused), short text fields. */
const LIMITS: MultipartLimits = { fileSize: ATTACHMENT_MAX_BYTES, fieldSize: 64 * 1024, fields: 60 };
/** A body larger than this is refused before it is read (the file's limit, plus room for the fields). */
const MAX_BODY = ATTACHMENT_MAX_BYTES + 2 * 1024 * 1024;

const now = (ctx: AppContext): Date => ctx.clock?.() ?? new Date();

const BUSINESS_ID_SHAPE = /^\d{7}-\d$/;

/** The statement form's text fields, as the service's input without the file (the service checks the rest). */
const statementSchema = (request: RoundRequest) =>
  formSchema(
    {
      key: textField.pipe(
        z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'is missing or damaged (reload the page)' }),
      ),
      organisation: textField,
      businessId: textField.transform((s) => s.trim().replace(/\s+/g, '') || null),
      respondentType: choiceField(STATEMENT_RESPONDENTS),
      signerName: optionalText(COMMENT_LIMITS.name),
      signerRole: optionalText(COMMENT_LIMITS.role),
      email: optionalText(COMMENT_LIMITS.email),
      body: textField,
      publishAs: choiceField(PUBLISH_AS),
      consent: textField,
      [HONEYPOT]: textField,
    },
    (f, form): Omit<StatementInput, 'attachment'> => {
      const problems: FieldErrorMap = {};
      if (f.consent !== 'yes')
        problems['consent'] = fieldProblem('statement_consent', 'accept the processing of your details');
      if (f[HONEYPOT] !== '') problems[HONEYPOT] = fieldProblem('honeypot', 'leave this field empty');
      if (f.email !== null && !EMAIL.test(f.email))
        problems['email'] = fieldProblem('email', 'must be an e-mail address');
      if (f.businessId !== null && !BUSINESS_ID_SHAPE.test(f.businessId))
        problems['businessId'] = fieldProblem('business_id', 'must be a business id such as 1234567-1');
      if (Object.keys(problems).length > 0) throw new FieldErrors('The statement was not accepted', problems);
      const answers: Record<string, string> = {};
      for (const [name, v] of Object.entries(form))
        if (name.startsWith('answer.') && first(v).trim() !== '') answers[name.slice('answer.'.length)] = first(v);
      return {
        lang: langOf(request),
        organisation: f.organisation,
        businessId: f.businessId,
        signerName: f.signerName,
        signerRole: f.signerRole,
        email: f.email,
        respondentType: f.respondentType,
        answers,
        body: f.body,
        publishAs: f.publishAs,
        idempotencyKey: f.key,
      };
    },
  );

async function showForm(
  ctx: AppContext,
  request: RoundRequest,
  reply: FastifyReply,
  form: Record<string, string>,
  failure: { status: number; errors: readonly FieldError[]; problem: string | null } = {
    status: 200,
    errors: [],
    problem: null,
  },
): Promise<FastifyReply> {
  const lang = langOf(request);
  const { region, programme, hasContact, ref } = await programmeOf(
    ctx,
    request.params.region,
    request.params.programme,
  );
  const { round } = await loadRound(ctx.db.kysely, ref, request.params.round);
  const html = renderPage(lang, '', (rc) =>
    StatementFormPage({
      rc,
      region,
      programme,
      hasContact,
      round,
      phase: roundPhase(round, now(ctx)),
      csrfToken: request.csrfToken,
      form,
      errors: failure.errors,
      problem: failure.problem,
    }),
  );
  return reply.code(failure.status).header('content-type', 'text/html; charset=utf-8').send(html);
}

export async function registerStatementForms(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const base = '/:lang/:region/:programme/consultation/:round';
  adminRoute<{ Params: RoundParams; Querystring: Record<string, unknown> }>(app, ctx, {
    method: 'GET',
    url: `${base}/statement`,
    rule: { kind: 'public-form' },
    handler: async (request, reply) =>
      showForm(ctx, request, reply, { key: newKey(), publishAs: 'name', respondentType: 'organisation' }),
  });

  await registerMultipartScope(
    app,
    ctx,
    {
      limits: LIMITS,
      open: true,
      gate: (request) => {
        const length = Number(request.headers['content-length'] ?? Number.NaN);
        if (!(length <= MAX_BODY))
          throw new AppError(
            'bad_request',
            `The form with its attachment may be at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB`,
          );
      },
    },
    (scope) => {
      publicForm<RoundRequest, Omit<StatementInput, 'attachment'>>(scope, ctx, {
        url: `${base}/statement`,
        rule: { kind: 'public-form' },
        schema: statementSchema,
        fieldErrors: (_request, fields) =>
          Object.entries(fields).map(([field, message]) => ({ field, message: `${labelOf(field)}: ${message}` })),
        action: async (input, request) => {
          const lang = langOf(request);
          const file = uploadedFile(request.body, 'file');
          if (file?.tooLarge)
            throw new FieldErrors('The statement was not accepted', {
              file: fieldProblem('attachment_too_large', 'is too large', { max: ATTACHMENT_MAX_BYTES / (1024 * 1024) }),
            });
          const attachment = file && file.filename !== '' ? { fileName: file.filename, bytes: file.bytes } : null;
          const { region, programme, ref } = await programmeOf(ctx, request.params.region, request.params.programme);
          const { comment } = await submitStatement(ctx, ref, request.params.round, { ...input, attachment });
          const state =
            comment.publishAs === 'none' ? 'unlisted' : comment.status === 'approved' ? 'published' : 'pending';
          return `${inLang(lang, paths.consultation(region.slug, programme.slug, request.params.round))}sent?state=${state}&kind=statement`;
        },
        view: (request, reply, failure: FormFailure) => {
          const sent = Object.fromEntries(Object.entries(formOf(request)).map(([k, v]) => [k, first(v)]));
          return showForm(
            ctx,
            request,
            reply,
            { ...sent, [HONEYPOT]: '' },
            {
              status: failure.status,
              errors: failure.errors,
              problem: failure.errors.length > 0 ? null : failure.message,
            },
          );
        },
      });
    },
  );

  app.get<{ Params: RoundParams & { comment: string } }>(`${base}/attachments/:comment`, async (request, reply) => {
    langOf(request as never);
    const { ref } = await programmeOf(ctx, request.params.region, request.params.programme);
    const id = numberParam(request.params.comment, 'Attachment');
    return sendAttachment(reply, await publicAttachment(ctx.db.kysely, ref, request.params.round, id));
  });
}

/** The field a refusal is about, as the error summary names it (the field's own name). */
function labelOf(field: string): string {
  return field.startsWith('answer.') ? field.slice('answer.'.length) : field;
}
