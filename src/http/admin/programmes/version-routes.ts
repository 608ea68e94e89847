/**
 * Admin routes of a version and its nodes: the tree page and the version's texts, adding a node
 * (top level or under a parent), a node's edit page and save (409 shows both sides), moving
 * (up, down, or under another parent) and deleting with a confirmation page.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  NODE_TEXT_FIELDS,
  VERSION_TEXT_FIELDS,
  type NodeState,
  type VersionState,
} from '#src/domain/programmes/editor-models.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import { assertEditable } from '#src/domain/programmes/lifecycle.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { nodeForEdit, versionForEdit } from '#src/services/programmes/editor-reader.ts';
import { addNode, deleteNode, moveNode } from '#src/services/programmes/node-structure.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { updateVersionTexts } from '#src/services/programmes/version-edits.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import { ConfirmDeletePage } from '#src/views/admin/programmes/confirm-delete-page.tsx';
import type { DoneCode, FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { editorPaths } from '#src/views/admin/programmes/editor-paths.ts';
import { NodeAddPage } from '#src/views/admin/programmes/node-add-page.tsx';
import { nodeForm, NodePage } from '#src/views/admin/programmes/node-page.tsx';
import { versionForm, VersionPage } from '#src/views/admin/programmes/version-page.tsx';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import {
  confirmField,
  formSchema,
  optionalChoiceField,
  revisionField,
  textField,
  textsField,
} from '#src/http/forms/form-fields.ts';
import { doneOf, localized, numberParam, one, statusChoices } from '#src/http/forms/form-input.ts';
import { adminForm, editExtras } from '../admin-form.ts';

type VersionParams = { Params: { code: string; slug: string; number: string } };
type NodeParams = { Params: { code: string; slug: string; number: string; key: string } };

const viewer = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;
const editor = { kind: 'role', role: 'editor', region: regionParam('code') } as const;

function versionRef(request: AdminRequest<VersionParams>): { code: string; slug: string; number: number } {
  return {
    code: request.params.code,
    slug: request.params.slug,
    number: numberParam(request.params.number, 'Version'),
  };
}

/** The localised texts of `fields` (`title.fi`, …). */
function textsOf(form: FormValues, fields: readonly string[]): Record<string, ReturnType<typeof localized>> {
  return Object.fromEntries(fields.map((f) => [f, localized(form, f)]));
}

interface VersionExtras {
  form?: FormValues;
  errors?: FieldError[];
  conflict?: VersionState | null;
  addForm?: FormValues;
  addErrors?: FieldError[];
  problem?: string | null;
  done?: DoneCode | null;
}

async function sendVersion(
  ctx: AppContext,
  request: AdminRequest<VersionParams>,
  reply: FastifyReply,
  extras: VersionExtras = {},
  status = 200,
): Promise<FastifyReply> {
  const view = await versionForEdit(ctx.db.kysely, versionRef(request));
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      VersionPage({
        ac,
        view,
        canEdit: hasRole(request.auth.user, 'editor', request.params.code),
        form: extras.form ?? versionForm(extras.conflict ?? view.version),
        errors: extras.errors ?? [],
        conflict: extras.conflict ?? null,
        addForm: extras.addForm ?? {},
        addErrors: extras.addErrors ?? [],
        problem: extras.problem ?? null,
        done: extras.done ?? null,
      }),
    status,
  );
}

interface NodeExtras {
  form?: FormValues;
  errors?: FieldError[];
  conflict?: NodeState | null;
  problem?: string | null;
}

async function sendNode(
  ctx: AppContext,
  request: AdminRequest<NodeParams>,
  reply: FastifyReply,
  extras: NodeExtras = {},
  status = 200,
): Promise<FastifyReply> {
  const view = await nodeForEdit(ctx.db.kysely, { ...versionRef(request), key: request.params.key });
  const done = doneOf(request);
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      NodePage({
        ac,
        view,
        canEdit: hasRole(request.auth.user, 'editor', request.params.code),
        form: extras.form ?? nodeForm(view.node),
        errors: extras.errors ?? [],
        conflict: extras.conflict ?? null,
        problem: extras.problem ?? null,
        saved: status === 200 && done === 'saved',
      }),
    status,
  );
}

export function registerVersionRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoute<VersionParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/versions/:number',
    rule: viewer,
    handler: async (request, reply) => sendVersion(ctx, request, reply, { done: doneOf(request) }),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/versions/:number',
    rule: editor,
    schema: formSchema({ revision: revisionField }, ({ revision }, form) => ({
      revision,
      texts: textsOf(form as FormValues, VERSION_TEXT_FIELDS),
      status: statusChoices(form as FormValues, VERSION_TEXT_FIELDS),
    })),
    action: async (input, request: AdminRequest<VersionParams>) => {
      const ref = versionRef(request);
      await updateVersionTexts(ctx, actorOf(request), ref, input);
      return `${editorPaths.version(ref, ref.number)}?done=saved#version-texts`;
    },
    view: (request, reply, f) => sendVersion(ctx, request, reply, editExtras<VersionState>(f), f.status),
  });

  adminRoute<VersionParams & { Querystring: { parent?: string } }>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/new',
    rule: editor,
    handler: async (request, reply) =>
      sendAddPage(
        ctx,
        request,
        reply,
        typeof request.query.parent === 'string' ? request.query.parent : null,
        {},
        [],
        null,
        200,
      ),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes',
    rule: editor,
    schema: formSchema({ parentKey: textField, slug: textField }, ({ parentKey, slug }, form) => ({
      parentKey: parentKey || null,
      title: localized(form as FormValues, 'title'),
      slug: slug || undefined,
    })),
    action: async (input, request: AdminRequest<VersionParams>) => {
      const ref = versionRef(request);
      const created = await addNode(ctx, actorOf(request), ref, input);
      return `${editorPaths.version(ref, ref.number)}?done=added#item-${created.key}`;
    },
    view: (request, reply, f) => {
      // A top-level node is added on the version page, a child on its own page.
      const parentKey = one(f.sent, 'parentKey') || null;
      if (f.errors.length === 0) return sendVersion(ctx, request, reply, { problem: f.message }, f.status);
      if (parentKey === null)
        return sendVersion(ctx, request, reply, { addForm: f.sent, addErrors: f.errors }, f.status);
      return sendAddPage(ctx, request, reply, parentKey, f.sent, f.errors, null, f.status);
    },
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key',
    rule: viewer,
    handler: async (request, reply) => sendNode(ctx, request, reply),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key',
    rule: editor,
    schema: formSchema({ revision: revisionField, slug: textField, terms: textsField }, (f, form) => ({
      ...f,
      texts: textsOf(form as FormValues, NODE_TEXT_FIELDS),
      status: statusChoices(form as FormValues, NODE_TEXT_FIELDS),
    })),
    action: async (input, request: AdminRequest<NodeParams>) => {
      const ref = { ...versionRef(request), key: request.params.key };
      await updateNode(ctx, actorOf(request), ref, input);
      return `${editorPaths.node(ref, ref.number, ref.key)}?done=saved`;
    },
    view: (request, reply, f) => sendNode(ctx, request, reply, editExtras<NodeState>(f), f.status),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/move',
    rule: editor,
    // Up or down (the tree's buttons), or under another parent (the node page's form; '' = top level).
    schema: formSchema(
      { revision: revisionField, direction: optionalChoiceField(['up', 'down']), parentKey: textField.optional() },
      ({ revision, direction, parentKey }) => {
        if (direction !== undefined) return { revision, direction };
        if (parentKey !== undefined) return { revision, parentKey: parentKey || null };
        throw new AppError('bad_request', 'direction (up or down) or parentKey is required');
      },
    ),
    action: async (input, request: AdminRequest<NodeParams>) => {
      const ref = { ...versionRef(request), key: request.params.key };
      await moveNode(ctx, actorOf(request), ref, input);
      return `${editorPaths.version(ref, ref.number)}?done=moved#item-${ref.key}`;
    },
    view: (request, reply, f) => sendVersion(ctx, request, reply, { problem: f.message }, f.status),
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/delete',
    rule: editor,
    handler: async (request, reply) => sendDeletePage(ctx, request, reply, null, 200),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/delete',
    rule: editor,
    schema: formSchema({ revision: revisionField, confirm: confirmField }, (f) => f),
    action: async ({ revision }, request: AdminRequest<NodeParams>) => {
      const ref = { ...versionRef(request), key: request.params.key };
      await deleteNode(ctx, actorOf(request), ref, { revision });
      return `${editorPaths.version(ref, ref.number)}?done=deleted#tree`;
    },
    view: (request, reply, f) => sendDeletePage(ctx, request, reply, f.message, f.status),
  });
}

async function sendAddPage(
  ctx: AppContext,
  request: AdminRequest<VersionParams>,
  reply: FastifyReply,
  parentKey: string | null,
  form: FormValues,
  errors: FieldError[],
  problem: string | null,
  status: number,
): Promise<FastifyReply> {
  const ref = versionRef(request);
  const view = await versionForEdit(ctx.db.kysely, ref);
  assertEditable(view.version.number, view.version.status);
  let parent: { key: string; title: Record<string, string | null>; depth: number } | null = null;
  if (parentKey !== null) {
    const walk = (nodes: typeof view.nodes): void => {
      for (const n of nodes) {
        if (n.key === parentKey) parent = { key: n.key, title: n.title, depth: n.depth };
        walk(n.children);
      }
    };
    walk(view.nodes);
    if (parent === null) throw notFound(`Node "${parentKey}" of version ${ref.number}`);
  }
  const found = parent as { key: string; title: Record<string, string | null>; depth: number } | null;
  const level = view.programme.levels[found ? found.depth : 0];
  const lang = request.adminLang;
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      NodeAddPage({
        ac,
        programme: { code: ref.code, slug: ref.slug, title: view.programme.title },
        number: ref.number,
        parent: found ? { key: found.key, title: found.title } : null,
        levelName: level ? (pickText(level.name, lang)?.text ?? level.key) : '',
        form,
        errors,
        problem,
      }),
    status,
  );
}

async function sendDeletePage(
  ctx: AppContext,
  request: AdminRequest<NodeParams>,
  reply: FastifyReply,
  problem: string | null,
  status: number,
): Promise<FastifyReply> {
  const ref = { ...versionRef(request), key: request.params.key };
  const view = await nodeForEdit(ctx.db.kysely, ref);
  const lang = request.adminLang;
  const text = (t: Record<string, string | null | undefined>): string => pickText(t, lang)?.text ?? '';
  const title = text(view.node.texts.title ?? {});
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      ConfirmDeletePage({
        ac,
        title: ac.t('admin.edit.delete.nodeTitle', { title }),
        crumbs: [
          { href: '/admin', label: ac.t('admin.nav.dashboard') },
          { href: editorPaths.programme(ref), label: text(view.programme.title) },
          { href: editorPaths.version(ref, ref.number), label: ac.t('admin.edit.version.title', { n: ref.number }) },
          { href: editorPaths.node(ref, ref.number, ref.key), label: title },
        ],
        items: view.subtree.map((n) => ({ label: text(n.title), depth: n.depth })),
        warning: ac.t('admin.edit.delete.nodeWarning'),
        action: editorPaths.deleteNode(ref, ref.number, ref.key),
        revision: view.node.revision,
        cancelHref: editorPaths.node(ref, ref.number, ref.key),
        problem,
      }),
    status,
  );
}
