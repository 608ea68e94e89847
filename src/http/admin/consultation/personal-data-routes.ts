/**
 * Commenters' personal data of a region's consultations (issue 10, point 7; admins of the region):
 *   GET  /admin/regions/:code/consultation/personal-data   what is removed when, and the request form
 *   POST /admin/regions/:code/consultation/personal-data   remove one person's data (e-mail or comment number)
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FieldErrors, fieldProblem } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { erasePersonalData, type ErasureTarget } from '#src/services/consultation/personal-data.ts';
import { PersonalDataPage } from '#src/views/admin/consultation/personal-data-page.tsx';
import { formSchema, textField } from '#src/http/forms/form-fields.ts';
import { one } from '#src/http/forms/form-input.ts';
import { adminForm, NO_FAILURE, shownFailure, type FormFailure, type ShownFailure } from '../admin-form.ts';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, regionParam, type AdminRequest } from '../admin-route.ts';

type Params = { Params: { code: string } };

const regionOf = regionParam('code');

/** The admin address of a region's commenters' personal data. */
export const personalDataAdminPath = (code: string): string =>
  `/admin/regions/${encodeURIComponent(code)}/consultation/personal-data`;

export function registerConsultationPrivacyAdmin(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: AdminRequest<Params>,
    reply: FastifyReply,
    form: Record<string, string>,
    failure: ShownFailure = NO_FAILURE,
  ): Promise<FastifyReply> => {
    const region = (await ctx.reader.regions()).find((r) => r.code === request.params.code);
    if (!region) throw notFound(`Region ${request.params.code}`);
    const done = one((request.query ?? {}) as Record<string, string>, 'done');
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        PersonalDataPage({
          ac,
          regionName: pickText(region.name, ac.lang)?.text ?? region.code,
          action: personalDataAdminPath(region.code),
          form,
          errors: failure.errors,
          problem: failure.problem,
          done: /^\d{1,6}$/.test(done) ? Number(done) : null,
        }),
      failure.status,
    );
  };

  adminRoute<Params>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/consultation/personal-data',
    rule: { kind: 'role', role: 'admin', region: regionOf },
    handler: async (request, reply) => page(request, reply, {}),
  });

  adminForm<AdminRequest<Params>, ErasureTarget>(app, ctx, {
    url: '/admin/regions/:code/consultation/personal-data',
    rule: { kind: 'role', role: 'admin', region: regionOf },
    schema: formSchema(
      { email: textField.transform((s) => s.trim()), comment: textField.transform((s) => s.trim().replace(/^#/, '')) },
      (f): ErasureTarget => {
        if ((f.email === '') === (f.comment === ''))
          throw new FieldErrors('The request was not accepted', {
            email: fieldProblem('erase_target', 'give either an e-mail address or the number of a comment'),
          });
        if (f.email !== '') return { email: f.email };
        if (!/^\d{1,9}$/.test(f.comment))
          throw new FieldErrors('The request was not accepted', {
            comment: fieldProblem('no_personal_data_comment', 'must be the number of a comment of the region'),
          });
        return { commentId: Number(f.comment) };
      },
    ),
    fieldErrors: (_request, fields) => Object.entries(fields).map(([field, message]) => ({ field, message })),
    action: async (target, request) => {
      const ids = await erasePersonalData(ctx, actorOf(request), request.params.code, target);
      return `${personalDataAdminPath(request.params.code)}?done=${ids.length}`;
    },
    view: (request, reply, failure: FormFailure) =>
      page(
        request,
        reply,
        Object.fromEntries(['email', 'comment'].map((k) => [k, one(failure.form, k)])),
        shownFailure(failure),
      ),
  });
}
