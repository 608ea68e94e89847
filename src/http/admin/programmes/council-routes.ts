/** Admin routes of the regional council's offices and contacts: list, add, edit, move up/down, delete with confirmation. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EditConflict, FieldErrors } from '#src/domain/edit-errors.ts';
import type { EditableContact, EditableOffice } from '#src/domain/editor-models.ts';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  addContact,
  addOffice,
  deleteCouncilEntry,
  moveCouncilEntry,
  updateContact,
  updateOffice,
  type ContactInput,
  type OfficeInput,
} from '#src/services/editing/council-edits.ts';
import { councilForEdit } from '#src/services/editing/editor-reader.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { ConfirmDeletePage } from '#src/views/admin/programmes/confirm-delete-page.tsx';
import {
  contactForm,
  CouncilEntryPage,
  CouncilPage,
  officeForm,
  type CouncilKind,
} from '#src/views/admin/programmes/council-page.tsx';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { editorPaths } from '#src/views/admin/programmes/editor-paths.ts';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import {
  doneOf,
  fieldErrorsOf,
  formOf,
  isShownOnForm,
  localized,
  numberParam,
  one,
  revisionOf,
  statusFor,
} from '#src/http/forms/form-input.ts';

type RegionParams = { Params: { code: string } };
type ListParams = { Params: { code: string; kind: string } };
type EntryParams = { Params: { code: string; kind: string; id: string } };

const viewer = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;
const editor = { kind: 'role', role: 'editor', region: regionParam('code') } as const;

function kindParam(value: string): CouncilKind {
  if (value !== 'offices' && value !== 'contacts') throw notFound(`Page "${value}"`);
  return value;
}

function officeInput(form: FormValues, prefix = ''): OfficeInput {
  return {
    kind: one(form, `${prefix}kind`),
    name: localized(form, `${prefix}name`),
    hours: localized(form, `${prefix}hours`),
    postalAddress: one(form, `${prefix}postalAddress`),
    visitingAddress: one(form, `${prefix}visitingAddress`),
    phone: one(form, `${prefix}phone`),
    email: one(form, `${prefix}email`),
  };
}

function contactInput(form: FormValues, prefix = ''): ContactInput {
  return {
    name: one(form, `${prefix}name`),
    role: localized(form, `${prefix}role`),
    topic: localized(form, `${prefix}topic`),
    phone: one(form, `${prefix}phone`),
    email: one(form, `${prefix}email`),
  };
}

async function regionName(ctx: AppContext, request: AdminRequest<RegionParams>): Promise<string> {
  const region = await ctx.reader.region(request.params.code);
  return pickText(region.name, request.adminLang)?.text ?? region.code;
}

async function sendCouncil(
  ctx: AppContext,
  request: AdminRequest<RegionParams>,
  reply: FastifyReply,
  extras: {
    adding?: { kind: CouncilKind; form: FormValues; errors: FieldError[] } | null;
    problem?: string | null;
  } = {},
  status = 200,
): Promise<FastifyReply> {
  const code = request.params.code;
  const view = await councilForEdit(ctx.db.kysely, code);
  const name = await regionName(ctx, request);
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      CouncilPage({
        ac,
        view,
        regionName: name,
        canEdit: hasRole(request.auth.user, 'editor', code),
        adding: extras.adding ?? null,
        problem: extras.problem ?? null,
        done: status === 200 ? doneOf(request) : null,
      }),
    status,
  );
}

async function findEntry(
  ctx: AppContext,
  code: string,
  kind: CouncilKind,
  id: number,
): Promise<EditableOffice | EditableContact> {
  const view = await councilForEdit(ctx.db.kysely, code);
  const entry = (kind === 'offices' ? view.offices : view.contacts).find((e) => e.id === id);
  if (!entry) throw notFound(`${kind === 'offices' ? 'Office' : 'Contact'} ${id}`);
  return entry;
}

async function sendEntry(
  ctx: AppContext,
  request: AdminRequest<EntryParams>,
  reply: FastifyReply,
  extras: {
    form?: FormValues;
    errors?: FieldError[];
    conflict?: EditableOffice | EditableContact | null;
    problem?: string | null;
  } = {},
  status = 200,
): Promise<FastifyReply> {
  const code = request.params.code;
  const kind = kindParam(request.params.kind);
  const entry = await findEntry(ctx, code, kind, numberParam(request.params.id, 'Entry'));
  const name = await regionName(ctx, request);
  const shown = extras.conflict ?? entry;
  const stored = kind === 'offices' ? officeForm(shown as EditableOffice) : contactForm(shown as EditableContact);
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      CouncilEntryPage({
        ac,
        code,
        regionName: name,
        kind,
        entry,
        canEdit: hasRole(request.auth.user, 'editor', code),
        form: extras.form ?? stored,
        errors: extras.errors ?? [],
        conflict: extras.conflict ?? null,
        problem: extras.problem ?? null,
      }),
    status,
  );
}

export function registerCouncilRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoute<RegionParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/council',
    rule: viewer,
    handler: async (request, reply) => sendCouncil(ctx, request, reply),
  });

  adminRoute<ListParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/council/:kind',
    rule: editor,
    handler: async (request, reply) => {
      const code = request.params.code;
      const kind = kindParam(request.params.kind);
      const form = formOf(request);
      const prefix = kind === 'offices' ? 'new-office.' : 'new-contact.';
      try {
        if (kind === 'offices') await addOffice(ctx, actorOf(request), code, officeInput(form, prefix));
        else await addContact(ctx, actorOf(request), code, contactInput(form, prefix));
      } catch (error) {
        if (error instanceof FieldErrors)
          return sendCouncil(
            ctx,
            request,
            reply,
            { adding: { kind, form, errors: fieldErrorsOf(error, prefix) } },
            400,
          );
        if (isShownOnForm(error)) return sendCouncil(ctx, request, reply, { problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.council(code)}?done=added`, 303);
    },
  });

  adminRoute<EntryParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/council/:kind/:id',
    rule: viewer,
    handler: async (request, reply) => sendEntry(ctx, request, reply),
  });

  adminRoute<EntryParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/council/:kind/:id',
    rule: editor,
    handler: async (request, reply) => {
      const code = request.params.code;
      const kind = kindParam(request.params.kind);
      const id = numberParam(request.params.id, 'Entry');
      const form = formOf(request);
      try {
        const revision = revisionOf(form);
        if (kind === 'offices') await updateOffice(ctx, actorOf(request), code, id, { ...officeInput(form), revision });
        else await updateContact(ctx, actorOf(request), code, id, { ...contactInput(form), revision });
      } catch (error) {
        if (error instanceof EditConflict) {
          const stored = error.current as EditableOffice | EditableContact;
          return sendEntry(
            ctx,
            request,
            reply,
            { form: { ...form, revision: String(stored.revision) }, conflict: stored },
            409,
          );
        }
        if (error instanceof FieldErrors)
          return sendEntry(ctx, request, reply, { form, errors: fieldErrorsOf(error) }, 400);
        if (isShownOnForm(error))
          return sendEntry(ctx, request, reply, { form, problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.council(code)}?done=saved`, 303);
    },
  });

  adminRoute<EntryParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/council/:kind/:id/move',
    rule: editor,
    handler: async (request, reply) => {
      const code = request.params.code;
      const kind = kindParam(request.params.kind);
      const form = formOf(request);
      const direction = one(form, 'direction');
      try {
        if (direction !== 'up' && direction !== 'down')
          throw new FieldErrors('Not moved', { direction: 'must be up or down' });
        await moveCouncilEntry(ctx, actorOf(request), code, kind, numberParam(request.params.id, 'Entry'), {
          revision: revisionOf(form),
          direction,
        });
      } catch (error) {
        if (isShownOnForm(error)) return sendCouncil(ctx, request, reply, { problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.council(code)}?done=moved`, 303);
    },
  });

  const sendDelete = async (
    request: AdminRequest<EntryParams>,
    reply: FastifyReply,
    problem: string | null,
    status: number,
  ): Promise<FastifyReply> => {
    const code = request.params.code;
    const kind = kindParam(request.params.kind);
    const entry = await findEntry(ctx, code, kind, numberParam(request.params.id, 'Entry'));
    const label =
      kind === 'offices'
        ? (pickText((entry as EditableOffice).name, request.adminLang)?.text ?? '')
        : (entry as EditableContact).name;
    const name = await regionName(ctx, request);
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        ConfirmDeletePage({
          ac,
          title: ac.t('admin.edit.delete.entryTitle', { title: label }),
          crumbs: [
            { href: '/admin', label: ac.t('admin.nav.dashboard') },
            { href: editorPaths.council(code), label: `${ac.t('admin.edit.council.title')} · ${name}` },
          ],
          items: [{ label, depth: 1 }],
          warning: ac.t('admin.edit.delete.entryWarning'),
          action: editorPaths.deleteCouncilEntry(code, kind, entry.id),
          revision: entry.revision,
          cancelHref: editorPaths.council(code),
          problem,
        }),
      status,
    );
  };

  adminRoute<EntryParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/council/:kind/:id/delete',
    rule: editor,
    handler: async (request, reply) => sendDelete(request, reply, null, 200),
  });

  adminRoute<EntryParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/council/:kind/:id/delete',
    rule: editor,
    handler: async (request, reply) => {
      const code = request.params.code;
      const kind = kindParam(request.params.kind);
      const form = formOf(request);
      if (one(form, 'confirm') !== 'yes') return sendDelete(request, reply, 'confirm=yes is required', 400);
      try {
        await deleteCouncilEntry(ctx, actorOf(request), code, kind, numberParam(request.params.id, 'Entry'), {
          revision: revisionOf(form),
        });
      } catch (error) {
        if (isShownOnForm(error)) return sendDelete(request, reply, error.message, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.council(code)}?done=deleted`, 303);
    },
  });
}
