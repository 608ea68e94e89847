/**
 * Admin routes of a programme: the list of programmes, the programme's overview (versions and
 * their lifecycle actions, metadata form), saving the metadata, starting an update and the
 * lifecycle transitions of a version.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EditConflict, FieldErrors } from '#src/domain/edit-errors.ts';
import type { ProgrammeState } from '#src/domain/editor-models.ts';
import { pickText } from '#src/domain/languages.ts';
import { isLifecycleAction } from '#src/domain/lifecycle.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { programmeOverview, programmesForAdmin } from '#src/services/editing/editor-reader.ts';
import { programmeTexts, updateProgramme } from '#src/services/editing/programme-edits.ts';
import { startUpdate, transitionVersion } from '#src/services/editing/version-edits.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import type { DoneCode, FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { editorPaths } from '#src/views/admin/programmes/editor-paths.ts';
import { programmeForm, ProgrammePage } from '#src/views/admin/programmes/programme-page.tsx';
import { ProgrammesListPage, type ProgrammesListPageProps } from '#src/views/admin/programmes/programmes-list-page.tsx';
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
  statusChoices,
  statusFor,
} from '#src/http/forms/form-input.ts';

type ProgrammeParams = { Params: { code: string; slug: string } };
type VersionParams = { Params: { code: string; slug: string; number: string } };

const viewer = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;
const editor = { kind: 'role', role: 'editor', region: regionParam('code') } as const;

interface OverviewExtras {
  form?: FormValues;
  errors?: FieldError[];
  conflict?: ProgrammeState | null;
  approval?: { number: number; form: FormValues; errors: FieldError[] } | null;
  problem?: string | null;
  done?: DoneCode | null;
}

async function sendOverview(
  ctx: AppContext,
  request: AdminRequest<ProgrammeParams>,
  reply: FastifyReply,
  extras: OverviewExtras = {},
  status = 200,
): Promise<FastifyReply> {
  const { code, slug } = request.params;
  const overview = await programmeOverview(ctx.db.kysely, { code, slug });
  const region = await ctx.reader.region(code);
  const lang = request.adminLang;
  return sendAdminPage(
    request,
    reply,
    (ac) =>
      ProgrammePage({
        ac,
        overview,
        regionName: pickText(region.name, lang)?.text ?? code,
        regionSlug: region.slug,
        canEdit: hasRole(request.auth.user, 'editor', code),
        form: extras.form ?? programmeForm(extras.conflict ?? overview.programme),
        errors: extras.errors ?? [],
        conflict: extras.conflict ?? null,
        approval: extras.approval ?? null,
        problem: extras.problem ?? null,
        done: extras.done ?? null,
      }),
    status,
  );
}

export function registerProgrammeRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoute(app, ctx, {
    method: 'GET',
    url: '/admin/programmes',
    rule: { kind: 'signed-in' },
    handler: async (request, reply) => {
      const lang = request.adminLang;
      const roles = request.auth.user.roles;
      const all = await programmesForAdmin(
        ctx.db.kysely,
        roles.map((r) => r.regionCode),
      );
      const regions: ProgrammesListPageProps['regions'] = [];
      for (const grant of roles) {
        const region = (await ctx.reader.regions()).find((r) => r.code === grant.regionCode);
        if (!region) continue;
        regions.push({
          code: region.code,
          name: pickText(region.name, lang)?.text ?? region.code,
          canEdit: hasRole(request.auth.user, 'editor', region.code),
          programmes: all.filter((p) => p.regionCode === region.code),
        });
      }
      return sendAdminPage(request, reply, (ac) => ProgrammesListPage({ ac, regions }));
    },
  });

  adminRoute<ProgrammeParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug',
    rule: viewer,
    handler: async (request, reply) => sendOverview(ctx, request, reply, { done: doneOf(request) }),
  });

  adminRoute<ProgrammeParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug',
    rule: editor,
    handler: async (request, reply) => {
      const { code, slug } = request.params;
      const form = formOf(request);
      const current = await programmeOverview(ctx.db.kysely, { code, slug });
      const levels = Object.fromEntries(
        current.programme.levels.map((l) => [
          l.key,
          { name: localized(form, `levels.${l.key}.name`), namePlural: localized(form, `levels.${l.key}.namePlural`) },
        ]),
      );
      try {
        await updateProgramme(
          ctx,
          actorOf(request),
          { code, slug },
          {
            revision: revisionOf(form),
            title: localized(form, 'title'),
            periodStart: one(form, 'periodStart'),
            periodEnd: one(form, 'periodEnd'),
            levels,
            status: statusChoices(form, Object.keys(programmeTexts(current.programme))),
          },
        );
      } catch (error) {
        if (error instanceof EditConflict) {
          const stored = error.current as ProgrammeState;
          return sendOverview(
            ctx,
            request,
            reply,
            { form: { ...form, revision: String(stored.revision) }, conflict: stored },
            409,
          );
        }
        if (error instanceof FieldErrors)
          return sendOverview(ctx, request, reply, { form, errors: fieldErrorsOf(error) }, 400);
        throw error;
      }
      return reply.redirect(`${editorPaths.programme({ code, slug })}?done=saved#programme-details`, 303);
    },
  });

  adminRoute<ProgrammeParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/updates',
    rule: editor,
    handler: async (request, reply) => {
      const { code, slug } = request.params;
      try {
        const created = await startUpdate(ctx, actorOf(request), { code, slug });
        return reply.redirect(`${editorPaths.version({ code, slug }, created.number)}?done=update-started`, 303);
      } catch (error) {
        if (isShownOnForm(error))
          return sendOverview(ctx, request, reply, { problem: error.message }, statusFor(error));
        throw error;
      }
    },
  });

  adminRoute<VersionParams>(app, ctx, {
    method: 'POST',
    url: '/admin/regions/:code/programmes/:slug/versions/:number/lifecycle',
    rule: editor,
    handler: async (request, reply) => {
      const { code, slug } = request.params;
      const number = numberParam(request.params.number, 'Version');
      const form = formOf(request);
      const action = one(form, 'action');
      const overviewRequest = request as unknown as AdminRequest<ProgrammeParams>;
      if (!isLifecycleAction(action))
        return sendOverview(ctx, overviewRequest, reply, { problem: 'action must be consult, approve or reopen' }, 400);
      try {
        await transitionVersion(
          ctx,
          actorOf(request),
          { code, slug, number },
          {
            revision: revisionOf(form),
            action,
            ...(action === 'approve'
              ? {
                  decision: {
                    body: localized(form, 'decisionBody'),
                    date: one(form, 'decisionDate'),
                    reference: one(form, 'decisionReference'),
                  },
                }
              : {}),
          },
        );
      } catch (error) {
        if (error instanceof FieldErrors && action === 'approve') {
          return sendOverview(
            ctx,
            overviewRequest,
            reply,
            { approval: { number, form, errors: fieldErrorsOf(error) } },
            400,
          );
        }
        if (isShownOnForm(error))
          return sendOverview(ctx, overviewRequest, reply, { problem: error.message }, statusFor(error));
        throw error;
      }
      return reply.redirect(`${editorPaths.programme({ code, slug })}?done=${action}`, 303);
    },
  });
}
