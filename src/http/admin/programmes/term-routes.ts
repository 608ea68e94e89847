/** Admin routes of a programme's taxonomy terms: the list with add forms, a term's edit page, and deleting with confirmation. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { TERM_TEXT_FIELDS, type TermState } from '#src/domain/programmes/editor-models.ts';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { termsForEdit } from '#src/services/programmes/editor-reader.ts';
import { addTerm, deleteTerm, updateTerm } from '#src/services/programmes/term-edits.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { ConfirmDeletePage } from '#src/views/admin/programmes/confirm-delete-page.tsx';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { editorPaths } from '#src/views/admin/programmes/editor-paths.ts';
import { termForm, TermPage, TermsPage } from '#src/views/admin/programmes/terms-page.tsx';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import { confirmField, formSchema, revisionField } from '#src/http/forms/form-fields.ts';
import { doneOf, formOf, localized, statusChoices } from '#src/http/forms/form-input.ts';
import { adminForm, editExtras } from '../admin-form.ts';

type ProgrammeParams = { Params: { code: string; slug: string } };
type TaxonomyParams = { Params: { code: string; slug: string; taxonomy: string } };
type TermParams = { Params: { code: string; slug: string; taxonomy: string; term: string } };

const viewer = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;
const editor = { kind: 'role', role: 'editor', region: regionParam('code') } as const;

/** The localised texts of a term's form (`title.fi`, …). */
function termTexts(form: FormValues): Record<string, ReturnType<typeof localized>> {
  return Object.fromEntries(TERM_TEXT_FIELDS.map((f) => [f, localized(form, f)]));
}

async function sendTerms(
  ctx: AppContext,
  request: AdminRequest<ProgrammeParams>,
  reply: FastifyReply,
  extras: {
    adding?: { taxonomy: string; form: FormValues; errors: FieldError[] } | null;
    problem?: string | null;
  } = {},
  status = 200,
): Promise<FastifyReply> {
  const { code, slug } = request.params;
  const view = await termsForEdit(ctx.db.kysely, { code, slug });
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      TermsPage({
        ac,
        view,
        canEdit: hasRole(request.auth.user, 'editor', code),
        adding: extras.adding ?? null,
        problem: extras.problem ?? null,
        done: status === 200 ? doneOf(request) : null,
      }),
    status,
  );
}

async function findTerm(
  ctx: AppContext,
  request: AdminRequest<TermParams>,
): Promise<{
  view: Awaited<ReturnType<typeof termsForEdit>>;
  taxonomy: { name: Record<string, string | null> };
  term: TermState;
}> {
  const { code, slug, taxonomy, term } = request.params;
  const view = await termsForEdit(ctx.db.kysely, { code, slug });
  const tax = view.taxonomies.find((t) => t.key === taxonomy);
  const found = tax?.terms.find((t) => t.key === term);
  if (!tax || !found) throw notFound(`Term "${taxonomy}/${term}"`);
  return { view, taxonomy: tax, term: found };
}

async function sendTerm(
  ctx: AppContext,
  request: AdminRequest<TermParams>,
  reply: FastifyReply,
  extras: { form?: FormValues; errors?: FieldError[]; conflict?: TermState | null; problem?: string | null } = {},
  status = 200,
): Promise<FastifyReply> {
  const { view, taxonomy, term } = await findTerm(ctx, request);
  const { code, slug } = request.params;
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      TermPage({
        ac,
        programme: { code, slug, title: view.programme.title },
        taxonomyName: taxonomy.name,
        term,
        canEdit: hasRole(request.auth.user, 'editor', code),
        form: extras.form ?? termForm(extras.conflict ?? term),
        errors: extras.errors ?? [],
        conflict: extras.conflict ?? null,
        problem: extras.problem ?? null,
      }),
    status,
  );
}

export function registerTermRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoute<ProgrammeParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/terms',
    rule: viewer,
    handler: async (request, reply) => sendTerms(ctx, request, reply),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/terms/:taxonomy',
    rule: editor,
    // The add form of each taxonomy names its inputs `<taxonomy>:<field>.<lang>` (unique ids on the page).
    form: (request: AdminRequest<TaxonomyParams>) => {
      const prefix = `${request.params.taxonomy}:`;
      return Object.fromEntries(
        Object.entries(formOf(request)).map(([k, v]) => [k.startsWith(prefix) ? k.slice(prefix.length) : k, v]),
      );
    },
    schema: formSchema({}, (_f, form) => ({ texts: termTexts(form as FormValues) })),
    action: async (input, request) => {
      const { code, slug, taxonomy } = request.params;
      await addTerm(ctx, actorOf(request), { code, slug, taxonomy }, input);
      return `${editorPaths.terms({ code, slug })}?done=added#tax-${taxonomy}`;
    },
    view: (request, reply, f) =>
      f.errors.length > 0
        ? sendTerms(
            ctx,
            request,
            reply,
            { adding: { taxonomy: request.params.taxonomy, form: f.sent, errors: f.errors } },
            f.status,
          )
        : sendTerms(ctx, request, reply, { problem: f.message }, f.status),
  });

  adminRoute<TermParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/terms/:taxonomy/:term',
    rule: viewer,
    handler: async (request, reply) => sendTerm(ctx, request, reply),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/terms/:taxonomy/:term',
    rule: editor,
    schema: formSchema({ revision: revisionField }, ({ revision }, form) => ({
      revision,
      texts: termTexts(form as FormValues),
      status: statusChoices(form as FormValues, TERM_TEXT_FIELDS),
    })),
    action: async (input, request: AdminRequest<TermParams>) => {
      const { code, slug, taxonomy, term } = request.params;
      await updateTerm(ctx, actorOf(request), { code, slug, taxonomy, key: term }, input);
      return `${editorPaths.terms({ code, slug })}?done=saved#tax-${taxonomy}`;
    },
    view: (request, reply, f) => sendTerm(ctx, request, reply, editExtras<TermState>(f), f.status),
  });

  const sendDelete = async (
    request: AdminRequest<TermParams>,
    reply: FastifyReply,
    problem: string | null,
    status: number,
  ): Promise<FastifyReply> => {
    const { view, term } = await findTerm(ctx, request);
    const { code, slug } = request.params;
    const lang = request.adminLang;
    const title = pickText(term.texts.title, lang)?.text ?? term.key;
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        ConfirmDeletePage({
          ac,
          title: ac.t('admin.edit.delete.termTitle', { title }),
          crumbs: [
            { href: '/admin', label: ac.t('admin.nav.dashboard') },
            { href: editorPaths.programme({ code, slug }), label: pickText(view.programme.title, lang)?.text ?? slug },
            { href: editorPaths.terms({ code, slug }), label: ac.t('admin.edit.terms.title') },
          ],
          items: [{ label: title, depth: 1 }],
          warning: ac.t('admin.edit.delete.termWarning'),
          action: editorPaths.deleteTerm({ code, slug }, term.taxonomy, term.key),
          revision: term.revision,
          cancelHref: editorPaths.terms({ code, slug }),
          problem,
        }),
      status,
    );
  };

  adminRoute<TermParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/terms/:taxonomy/:term/delete',
    rule: editor,
    handler: async (request, reply) => sendDelete(request, reply, null, 200),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/terms/:taxonomy/:term/delete',
    rule: editor,
    schema: formSchema({ revision: revisionField, confirm: confirmField }, (f) => f),
    action: async ({ revision }, request: AdminRequest<TermParams>) => {
      const { code, slug, taxonomy, term } = request.params;
      await deleteTerm(ctx, actorOf(request), { code, slug, taxonomy, key: term }, { revision });
      return `${editorPaths.terms({ code, slug })}?done=deleted#tax-${taxonomy}`;
    },
    view: (request, reply, f) => sendDelete(request, reply, f.message, f.status),
  });
}
