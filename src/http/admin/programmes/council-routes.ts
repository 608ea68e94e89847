/** Admin routes of the regional council's offices and contacts: list, add, edit, move up/down, delete with confirmation. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EditableContact, EditableOffice } from '#src/domain/programmes/editor-models.ts';
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
} from '#src/services/programmes/council-edits.ts';
import { councilForEdit } from '#src/services/programmes/editor-reader.ts';
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
import { z } from 'zod';
import { choiceField, confirmField, formSchema, revisionField, textField } from '#src/http/forms/form-fields.ts';
import { doneOf, localized, numberParam } from '#src/http/forms/form-input.ts';
import { adminForm, editExtras } from '../admin-form.ts';

type RegionParams = { Params: { code: string } };
type ListParams = { Params: { code: string; kind: string } };
type EntryParams = { Params: { code: string; kind: string; id: string } };

const viewer = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;
const editor = { kind: 'role', role: 'editor', region: regionParam('code') } as const;

function kindParam(value: string): CouncilKind {
  if (value !== 'offices' && value !== 'contacts') throw notFound(`Page "${value}"`);
  return value;
}

/** The add forms of offices and contacts share the page: their fields carry a prefix. */
const addPrefix = (kind: CouncilKind): string => (kind === 'offices' ? 'new-office.' : 'new-contact.');

/** The one-line text fields of an office and a contact (their localised texts are read by `localized`). */
const OFFICE_TEXTS = ['kind', 'postalAddress', 'visitingAddress', 'phone', 'email'] as const;
const CONTACT_TEXTS = ['name', 'phone', 'email'] as const;

/** A zod schema of the text fields `names` (under `prefix`), keeping the form's other fields for `build`. */
function textFields<const N extends string>(names: readonly N[], prefix: string) {
  return z
    .looseObject(Object.fromEntries(names.map((n) => [`${prefix}${n}`, textField])) as Record<string, typeof textField>)
    .transform((f) => ({
      texts: Object.fromEntries(names.map((n) => [n, f[`${prefix}${n}`] as string])) as Record<N, string>,
      form: f as FormValues,
    }));
}

/** What an add or edit form of the council page makes. */
type EntryInput = { kind: 'offices'; office: OfficeInput } | { kind: 'contacts'; contact: ContactInput };

/** The fields of an office (under `prefix` on the add form) as the service's input. */
function officeSchema(prefix = '') {
  return textFields(OFFICE_TEXTS, prefix).transform(({ texts, form }): OfficeInput => ({
    ...texts,
    name: localized(form, `${prefix}name`),
    hours: localized(form, `${prefix}hours`),
  }));
}

/** The fields of a contact (under `prefix` on the add form) as the service's input. */
function contactSchema(prefix = '') {
  return textFields(CONTACT_TEXTS, prefix).transform(({ texts, form }): ContactInput => ({
    ...texts,
    role: localized(form, `${prefix}role`),
    topic: localized(form, `${prefix}topic`),
  }));
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

  adminForm(app, ctx, {
    url: '/admin/regions/:code/council/:kind',
    rule: editor,
    fieldPrefix: (request: AdminRequest<ListParams>) => addPrefix(kindParam(request.params.kind)),
    schema: (request): z.ZodType<EntryInput> => {
      const kind = kindParam(request.params.kind);
      const prefix = addPrefix(kind);
      return kind === 'offices'
        ? officeSchema(prefix).transform((office) => ({ kind, office }))
        : contactSchema(prefix).transform((contact) => ({ kind, contact }));
    },
    action: async (input, request) => {
      const code = request.params.code;
      if (input.kind === 'offices') await addOffice(ctx, actorOf(request), code, input.office);
      else await addContact(ctx, actorOf(request), code, input.contact);
      return `${editorPaths.council(code)}?done=added`;
    },
    view: (request, reply, f) => {
      const kind = kindParam(request.params.kind);
      return f.errors.length > 0
        ? sendCouncil(ctx, request, reply, { adding: { kind, form: f.sent, errors: f.errors } }, f.status)
        : sendCouncil(ctx, request, reply, { problem: f.message }, f.status);
    },
  });

  adminRoute<EntryParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/council/:kind/:id',
    rule: viewer,
    handler: async (request, reply) => sendEntry(ctx, request, reply),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/council/:kind/:id',
    rule: editor,
    schema: (request: AdminRequest<EntryParams>): z.ZodType<EntryInput & { revision: number }> => {
      // The text fields never refuse (their rules are the service's); the revision does.
      const entry: z.ZodType<EntryInput> =
        kindParam(request.params.kind) === 'offices'
          ? officeSchema().transform((office) => ({ kind: 'offices' as const, office }))
          : contactSchema().transform((contact) => ({ kind: 'contacts' as const, contact }));
      return z.looseObject({ revision: revisionField }).transform((f) => ({ ...entry.parse(f), revision: f.revision }));
    },
    action: async (input, request: AdminRequest<EntryParams>) => {
      const code = request.params.code;
      const id = numberParam(request.params.id, 'Entry');
      const { revision } = input;
      if (input.kind === 'offices') await updateOffice(ctx, actorOf(request), code, id, { ...input.office, revision });
      else await updateContact(ctx, actorOf(request), code, id, { ...input.contact, revision });
      return `${editorPaths.council(code)}?done=saved`;
    },
    view: (request, reply, f) =>
      sendEntry(ctx, request, reply, editExtras<EditableOffice | EditableContact>(f), f.status),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/council/:kind/:id/move',
    rule: editor,
    schema: formSchema({ revision: revisionField, direction: choiceField(['up', 'down']) }, (f) => f),
    action: async ({ revision, direction }, request: AdminRequest<EntryParams>) => {
      const code = request.params.code;
      const kind = kindParam(request.params.kind);
      await moveCouncilEntry(ctx, actorOf(request), code, kind, numberParam(request.params.id, 'Entry'), {
        revision,
        direction,
      });
      return `${editorPaths.council(code)}?done=moved`;
    },
    view: (request, reply, f) => sendCouncil(ctx, request, reply, { problem: f.message }, f.status),
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

  adminForm(app, ctx, {
    url: '/admin/regions/:code/council/:kind/:id/delete',
    rule: editor,
    schema: formSchema({ revision: revisionField, confirm: confirmField }, (f) => f),
    action: async ({ revision }, request: AdminRequest<EntryParams>) => {
      const code = request.params.code;
      const kind = kindParam(request.params.kind);
      await deleteCouncilEntry(ctx, actorOf(request), code, kind, numberParam(request.params.id, 'Entry'), {
        revision,
      });
      return `${editorPaths.council(code)}?done=deleted`;
    },
    view: (request, reply, f) => sendDelete(request, reply, f.message, f.status),
  });
}
