/**
 * Admin routes of a version and its nodes: the tree page and the version's texts, adding a node
 * (top level or under a parent), a node's edit page and save (409 shows both sides), moving
 * (up, down, or under another parent) and deleting with a confirmation page.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EditConflict, FieldErrors } from '#src/domain/edit-errors.ts';
import { NODE_TEXT_FIELDS, VERSION_TEXT_FIELDS, type NodeState, type VersionState } from '#src/domain/editor-models.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import { assertEditable } from '#src/domain/lifecycle.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { nodeForEdit, versionForEdit } from '#src/services/editing/editor-reader.ts';
import { addNode, deleteNode, moveNode } from '#src/services/editing/node-structure.ts';
import { updateNode } from '#src/services/editing/node-texts.ts';
import { updateVersionTexts } from '#src/services/editing/version-edits.ts';
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
  doneOf,
  fieldErrorsOf,
  formOf,
  isShownOnForm,
  localized,
  many,
  numberParam,
  one,
  revisionOf,
  statusChoices,
  statusFor,
} from '#src/http/forms/form-input.ts';

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

  adminRoute<VersionParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/versions/:number',
    rule: editor,
    handler: async (request, reply) => {
      const ref = versionRef(request);
      const form = formOf(request);
      try {
        await updateVersionTexts(ctx, actorOf(request), ref, {
          revision: revisionOf(form),
          texts: Object.fromEntries(VERSION_TEXT_FIELDS.map((f) => [f, localized(form, f)])),
          status: statusChoices(form, VERSION_TEXT_FIELDS),
        });
      } catch (error) {
        if (error instanceof EditConflict) {
          const stored = error.current as VersionState;
          return sendVersion(
            ctx,
            request,
            reply,
            { form: { ...form, revision: String(stored.revision) }, conflict: stored },
            409,
          );
        }
        if (error instanceof FieldErrors)
          return sendVersion(ctx, request, reply, { form, errors: fieldErrorsOf(error) }, 400);
        if (isShownOnForm(error))
          return sendVersion(ctx, request, reply, { form, problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.version(ref, ref.number)}?done=saved#version-texts`, 303);
    },
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

  adminRoute<VersionParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes',
    rule: editor,
    handler: async (request, reply) => {
      const ref = versionRef(request);
      const form = formOf(request);
      const parentKey = one(form, 'parentKey') || null;
      try {
        const created = await addNode(ctx, actorOf(request), ref, {
          parentKey,
          title: localized(form, 'title'),
          slug: one(form, 'slug') || undefined,
        });
        return reply.redirect(`${editorPaths.version(ref, ref.number)}?done=added#item-${created.key}`, 303);
      } catch (error) {
        if (error instanceof FieldErrors) {
          if (parentKey === null)
            return sendVersion(ctx, request, reply, { addForm: form, addErrors: fieldErrorsOf(error) }, 400);
          return sendAddPage(ctx, request, reply, parentKey, form, fieldErrorsOf(error), null, 400);
        }
        if (isShownOnForm(error)) return sendVersion(ctx, request, reply, { problem: error.message }, statusFor(error));
        throw error;
      }
    },
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key',
    rule: viewer,
    handler: async (request, reply) => sendNode(ctx, request, reply),
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key',
    rule: editor,
    handler: async (request, reply) => {
      const ref = { ...versionRef(request), key: request.params.key };
      const form = formOf(request);
      try {
        await updateNode(ctx, actorOf(request), ref, {
          revision: revisionOf(form),
          slug: one(form, 'slug'),
          texts: Object.fromEntries(NODE_TEXT_FIELDS.map((f) => [f, localized(form, f)])),
          status: statusChoices(form, NODE_TEXT_FIELDS),
          terms: many(form, 'terms'),
        });
      } catch (error) {
        if (error instanceof EditConflict) {
          const stored = error.current as NodeState;
          return sendNode(
            ctx,
            request,
            reply,
            { form: { ...form, revision: String(stored.revision) }, conflict: stored },
            409,
          );
        }
        if (error instanceof FieldErrors)
          return sendNode(ctx, request, reply, { form, errors: fieldErrorsOf(error) }, 400);
        if (isShownOnForm(error))
          return sendNode(ctx, request, reply, { form, problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.node(ref, ref.number, ref.key)}?done=saved`, 303);
    },
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/move',
    rule: editor,
    handler: async (request, reply) => {
      const ref = { ...versionRef(request), key: request.params.key };
      const form = formOf(request);
      const direction = one(form, 'direction');
      try {
        const revision = revisionOf(form);
        if (direction === 'up' || direction === 'down')
          await moveNode(ctx, actorOf(request), ref, { revision, direction });
        else if ('parentKey' in form)
          await moveNode(ctx, actorOf(request), ref, { revision, parentKey: one(form, 'parentKey') || null });
        else throw new AppError('bad_request', 'direction (up or down) or parentKey is required');
      } catch (error) {
        if (error instanceof FieldErrors)
          return sendVersion(ctx, request, reply, { problem: Object.values(error.fields).join('; ') }, 400);
        if (isShownOnForm(error)) return sendVersion(ctx, request, reply, { problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.version(ref, ref.number)}?done=moved#item-${ref.key}`, 303);
    },
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/delete',
    rule: editor,
    handler: async (request, reply) => sendDeletePage(ctx, request, reply, null, 200),
  });

  adminRoute<NodeParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/nodes/:key/delete',
    rule: editor,
    handler: async (request, reply) => {
      const ref = { ...versionRef(request), key: request.params.key };
      const form = formOf(request);
      if (one(form, 'confirm') !== 'yes') return sendDeletePage(ctx, request, reply, 'confirm=yes is required', 400);
      try {
        await deleteNode(ctx, actorOf(request), ref, { revision: revisionOf(form) });
      } catch (error) {
        if (isShownOnForm(error)) return sendDeletePage(ctx, request, reply, error.message, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.version(ref, ref.number)}?done=deleted#tree`, 303);
    },
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
