/**
 * Admin routes of a programme: the list of programmes, the programme's overview (versions and
 * their lifecycle actions, metadata form), saving the metadata, starting an update and the
 * lifecycle transitions of a version.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ProgrammeState } from '#src/domain/programmes/editor-models.ts';
import { pickText } from '#src/domain/languages.ts';
import { LIFECYCLE_ACTIONS } from '#src/domain/programmes/lifecycle.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { programmeOverview, programmesForAdmin } from '#src/services/programmes/editor-reader.ts';
import { programmeTexts, updateProgramme } from '#src/services/programmes/programme-edits.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import type { DoneCode, FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { editorPaths } from '#src/views/admin/programmes/editor-paths.ts';
import { programmeForm, ProgrammePage } from '#src/views/admin/programmes/programme-page.tsx';
import { ProgrammesListPage, type ProgrammesListPageProps } from '#src/views/admin/programmes/programmes-list-page.tsx';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import { choiceField, formSchema, revisionField, textField } from '#src/http/forms/form-fields.ts';
import { doneOf, localized, numberParam, one, statusChoices } from '#src/http/forms/form-input.ts';
import { adminForm, editExtras } from '../admin-form.ts';

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

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug',
    rule: editor,
    // The level names and the translation statuses follow the programme's own levels and texts.
    schema: async (request: AdminRequest<ProgrammeParams>) => {
      const { programme } = await programmeOverview(ctx.db.kysely, request.params);
      return formSchema({ revision: revisionField, periodStart: textField, periodEnd: textField }, (f, values) => {
        const form = values as FormValues;
        const level = (key: string, name: 'name' | 'namePlural') => localized(form, `levels.${key}.${name}`);
        return {
          ...f,
          title: localized(form, 'title'),
          levels: Object.fromEntries(
            programme.levels.map((l) => [
              l.key,
              { name: level(l.key, 'name'), namePlural: level(l.key, 'namePlural') },
            ]),
          ),
          status: statusChoices(form, Object.keys(programmeTexts(programme))),
        };
      });
    },
    action: async (input, request) => {
      const { code, slug } = request.params;
      await updateProgramme(ctx, actorOf(request), { code, slug }, input);
      return `${editorPaths.programme({ code, slug })}?done=saved#programme-details`;
    },
    view: (request, reply, f) => sendOverview(ctx, request, reply, editExtras<ProgrammeState>(f), f.status),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/updates',
    rule: editor,
    schema: formSchema({}, () => ({})),
    action: async (_input, request: AdminRequest<ProgrammeParams>) => {
      const { code, slug } = request.params;
      const created = await startUpdate(ctx, actorOf(request), { code, slug });
      return `${editorPaths.version({ code, slug }, created.number)}?done=update-started`;
    },
    view: (request, reply, f) => sendOverview(ctx, request, reply, { problem: f.message }, f.status),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/programmes/:slug/versions/:number/lifecycle',
    rule: editor,
    schema: formSchema({ revision: revisionField, action: choiceField(LIFECYCLE_ACTIONS) }, (f, values) => {
      const form = values as FormValues;
      if (f.action !== 'approve') return f;
      const decision = {
        body: localized(form, 'decisionBody'),
        date: one(form, 'decisionDate'),
        reference: one(form, 'decisionReference'),
      };
      return { ...f, decision };
    }),
    action: async (input, request: AdminRequest<VersionParams>) => {
      const { code, slug } = request.params;
      const number = numberParam(request.params.number, 'Version');
      await transitionVersion(ctx, actorOf(request), { code, slug, number }, input);
      return `${editorPaths.programme({ code, slug })}?done=${input.action}`;
    },
    view: (request, reply, f) => {
      const overviewRequest = request as unknown as AdminRequest<ProgrammeParams>;
      // A refused decision shows the approval form again, with its fields.
      if (f.errors.length > 0 && one(f.sent, 'action') === 'approve') {
        const number = numberParam(request.params.number, 'Version');
        return sendOverview(ctx, overviewRequest, reply, { approval: { number, form: f.sent, errors: f.errors } }, 400);
      }
      return sendOverview(ctx, overviewRequest, reply, { problem: f.message }, f.status);
    },
  });
}
