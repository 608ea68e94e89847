/**
 * The council's responses to a round's comments (issue 10, point 5), for the region's editors:
 *   GET  /admin/regions/:code/programmes/:programme/consultation/:round/responses             the responses desk (?edit=<id>)
 *   POST /admin/regions/:code/programmes/:programme/consultation/:round/responses             draft a new response
 *   POST /admin/regions/:code/programmes/:programme/consultation/:round/responses/publish     publish every draft at once
 *   POST /admin/regions/:code/programmes/:programme/consultation/:round/responses/:response   edit a response (its revision)
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DECISIONS, type ConsultationResponse } from '#src/domain/consultation/response.ts';
import { FieldErrors, fieldProblem } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import { translator } from '#src/i18n/index.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  publishResponses,
  responseDesk,
  saveResponse,
  type ResponseInput,
  type StoredResponse,
} from '#src/services/consultation/responses.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { responseForm, ResponsesPage } from '#src/views/admin/consultation/responses-page.tsx';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { inLang, paths } from '#src/views/urls.ts';
import { formSchema, revisionField, textField, textsField } from '#src/http/forms/form-fields.ts';
import { localized, one } from '#src/http/forms/form-input.ts';
import { adminForm, type FormFailure } from '../admin-form.ts';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, regionParam, type AdminRequest } from '../admin-route.ts';
import { consultationAdminPath } from './consultation-routes.ts';

type RoundParams = { Params: { code: string; programme: string; round: string } };
type ResponseParams = { Params: { code: string; programme: string; round: string; response: string } };

const regionOf = regionParam('code');

/** The admin address of a round's responses. */
export const responsesAdminPath = (code: string, programme: string, round: string): string =>
  `${consultationAdminPath(code, programme)}/${encodeURIComponent(round)}/responses`;

const idParam = (s: string | undefined): number | null => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);

/** The fields of a response form, as the service's input. */
const responseFields = {
  comment: textsField.pipe(z.array(z.string().regex(/^\d{1,9}$/, { error: 'must be a comment of the list' }))),
  decision: textField,
  changeVersion: textField.transform((s) => s.trim()),
  changeNode: textField.transform((s) => s.trim()),
};

function toInput(
  f: { comment: string[]; decision: string; changeVersion: string; changeNode: string },
  form: Readonly<Record<string, unknown>>,
): ResponseInput {
  if (
    (f.changeVersion === '') !== (f.changeNode === '') ||
    (f.changeVersion !== '' && !/^\d{1,6}$/.test(f.changeVersion))
  )
    throw new FieldErrors('The response was not accepted', {
      [f.changeVersion === '' ? 'changeVersion' : 'changeNode']: fieldProblem(
        'response_change_incomplete',
        'give both the version and the item, or neither',
      ),
    });
  if (!(DECISIONS as readonly string[]).includes(f.decision))
    throw new FieldErrors('The response was not accepted', {
      decision: fieldProblem('response_decision', `must be one of ${DECISIONS.join(', ')}`),
    });
  const reason = localized(form as never, 'reason');
  return {
    comments: f.comment.map(Number),
    text: localized(form as never, 'text'),
    decision: f.decision as ResponseInput['decision'],
    reason: Object.values(reason).some((v) => v?.trim()) ? reason : null,
    change: f.changeVersion === '' ? null : { version: Number(f.changeVersion), nodeKey: f.changeNode },
  };
}

export function registerConsultationResponses(app: FastifyInstance, ctx: AppContext): void {
  const programmeOf = async (code: string, slug: string) => {
    const region = (await ctx.reader.regions()).find((r) => r.code === code);
    const programme = region?.programmes.find((p) => p.slug === slug);
    if (!region || !programme) throw notFound(`Programme "${slug}" of region ${code}`);
    return { region, programme, ref: { code, slug } };
  };

  const deskPage = async (
    request: AdminRequest<RoundParams>,
    reply: FastifyReply,
    shown: {
      editId: number | null;
      form: FormValues | null;
      status: number;
      errors: readonly FieldError[];
      conflict: StoredResponse | null;
      problem: string | null;
    },
  ): Promise<FastifyReply> => {
    const { region, programme, ref } = await programmeOf(request.params.code, request.params.programme);
    const desk = await responseDesk(ctx.db.kysely, ref, request.params.round);
    let editing: ConsultationResponse | null = null;
    if (shown.editId !== null) {
      editing = desk.responses.find((r) => r.id === shown.editId) ?? null;
      if (!editing) throw notFound(`Response #${shown.editId} of round "${desk.round.slug}"`);
    }
    const query = (request.query ?? {}) as Record<string, string>;
    const saved = idParam(one(query, 'saved'));
    const published = idParam(one(query, 'published'));
    const base = consultationAdminPath(region.code, programme.slug);
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        ResponsesPage({
          ac,
          roundTitle: pickText(desk.round.title, ac.lang)?.text ?? desk.round.slug,
          programmeTitle: pickText(programme.title, ac.lang)?.text ?? programme.slug,
          roundVersion: desk.version.number,
          versions: desk.versions,
          comments: desk.comments,
          responses: desk.responses,
          editing,
          form: shown.form ?? (editing ? responseForm(editing) : {}),
          errors: shown.errors,
          conflict: shown.conflict,
          problem: shown.problem,
          done: { saved, published },
          selfHref: responsesAdminPath(region.code, programme.slug, desk.round.slug),
          queueHref: `${base}/${encodeURIComponent(desk.round.slug)}`,
          roundsHref: base,
          reportHref: inLang(ac.lang, paths.consultationReport(region.slug, programme.slug, desk.round.slug)),
        }),
      shown.status,
    );
  };

  const failed = (failure: FormFailure, editId: number | null) => ({
    editId,
    form: failure.form,
    status: failure.status,
    errors: failure.errors,
    conflict: (failure.conflict as StoredResponse | null) ?? null,
    problem: failure.errors.length > 0 || failure.conflict !== null ? null : failure.message,
  });

  adminRoute<RoundParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/responses',
    rule: { kind: 'role', role: 'editor', region: regionOf },
    handler: async (request, reply) =>
      deskPage(request, reply, {
        editId: idParam(one((request.query ?? {}) as Record<string, string>, 'edit')),
        form: null,
        status: 200,
        errors: [],
        conflict: null,
        problem: null,
      }),
  });

  const labelled = (request: AdminRequest, fields: Readonly<Record<string, string>>): FieldError[] =>
    Object.entries(fields).map(([field, message]) => ({
      field: field === 'comment' ? 'comments' : field,
      message: `${fieldLabel(request, field)}: ${message}`,
    }));

  adminForm<AdminRequest<RoundParams>, ResponseInput>(app, ctx, {
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/responses',
    rule: { kind: 'role', role: 'editor', region: regionOf },
    schema: formSchema(responseFields, toInput),
    fieldErrors: labelled,
    action: async (input, request) => {
      const { code, programme, round } = request.params;
      const saved = await saveResponse(ctx, actorOf(request), { code, slug: programme }, round, null, input);
      return `${responsesAdminPath(code, programme, round)}?saved=${saved.id}`;
    },
    view: (request, reply, failure) => deskPage(request, reply, failed(failure, null)),
  });

  adminForm<AdminRequest<RoundParams>, Record<string, never>>(app, ctx, {
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/responses/publish',
    rule: { kind: 'role', role: 'editor', region: regionOf },
    schema: formSchema({}, () => ({})),
    action: async (_input, request) => {
      const { code, programme, round } = request.params;
      const n = await publishResponses(ctx, actorOf(request), { code, slug: programme }, round);
      return `${responsesAdminPath(code, programme, round)}?published=${n}`;
    },
    view: (request, reply, failure) => deskPage(request, reply, { ...failed(failure, null), form: null }),
  });

  adminForm<AdminRequest<ResponseParams>, { revision: number; input: ResponseInput }>(app, ctx, {
    url: '/admin/regions/:code/programmes/:programme/consultation/:round/responses/:response',
    rule: { kind: 'role', role: 'editor', region: regionOf },
    schema: formSchema({ ...responseFields, revision: revisionField }, (f, form) => ({
      revision: f.revision,
      input: toInput(f, form),
    })),
    fieldErrors: labelled,
    action: async ({ revision, input }, request) => {
      const { code, programme, round, response } = request.params;
      const id = idParam(response);
      if (id === null) throw notFound(`Response "${response}"`);
      const saved = await saveResponse(
        ctx,
        actorOf(request),
        { code, slug: programme },
        round,
        { id, revision },
        input,
      );
      return `${responsesAdminPath(code, programme, round)}?saved=${saved.id}`;
    },
    view: (request, reply, failure) => {
      const id = idParam(request.params.response);
      if (id === null) throw notFound(`Response "${request.params.response}"`);
      return deskPage(request as unknown as AdminRequest<RoundParams>, reply, failed(failure, id));
    },
  });
}

/** The label of a response form's field in the admin language (for the error summary). */
function fieldLabel(request: AdminRequest, field: string): string {
  const t = translator(request.adminLang ?? 'fi');
  if (field === 'comments' || field === 'comment') return t('responses.admin.choose');
  if (field === 'decision') return t('responses.admin.decision');
  if (field === 'changeVersion') return t('responses.admin.changeVersion');
  if (field === 'changeNode') return t('responses.admin.changeNode');
  const m = /^(text|reason)\.(fi|sv|en)$/.exec(field);
  if (m) return t(`responses.admin.${m[1] as 'text' | 'reason'}.${m[2] as 'fi' | 'sv' | 'en'}`);
  return field;
}
