/**
 * Admin pages of a region's indicators (issue 8, points 2 and 8):
 *   GET  /admin/indicators                                the user's regions (one: straight to its list)
 *   GET  /admin/regions/:code/indicators                  overdue data with owners, then every indicator
 *   GET  /admin/regions/:code/indicators/:indicator       the edit page (viewers see it read-only)
 *   POST /admin/regions/:code/indicators/:indicator       definition texts, owner, direction, group
 *   POST /admin/regions/:code/indicators/:indicator/targets   set a target (supersedes the old one)
 * Overdue is judged with the app clock (`ctx.clock`, tests move it), against the next release due
 * that the monitoring read model derives from the source's frequency and `updated`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  indicatorForEdit,
  setIndicatorTarget,
  updateIndicatorDefinition,
  type IndicatorState,
} from '#src/services/indicators/edit-indicators.ts';
import { isIndicatorOverdue } from '#src/services/indicators/monitoring-reader.ts';
import { IndicatorEditPage, type IndicatorFormState } from '#src/views/admin/indicators/indicator-edit-page.tsx';
import { indicatorPaths } from '#src/views/admin/indicators/indicator-paths.ts';
import { IndicatorsPage, RegionsPage, type IndicatorRow } from '#src/views/admin/indicators/indicators-page.tsx';
import { progressReasonText, progressStateName } from '#src/views/progress-text.ts';
import { formSchema, revisionField, textField } from '#src/http/forms/form-fields.ts';
import { localized, one } from '#src/http/forms/form-input.ts';
import type { FormValues } from '#src/views/admin/programmes/editor-components.tsx';
import { adminForm, editExtras, type FormFailure } from '../admin-form.ts';
import { sendAdminPage } from '../admin-page.ts';
import { reportsAdminPath } from '../reports/reports-routes.ts';
import { actorOf, adminRoute, hasRole, regionParam, regionsWithRole, type AdminRequest } from '../admin-route.ts';

type RegionParams = { Params: { code: string } };
type IndicatorParams = { Params: { code: string; indicator: string } };

const regionOf = regionParam('code');
const viewer = { kind: 'role', role: 'viewer', region: regionOf } as const;
const editor = { kind: 'role', role: 'editor', region: regionOf } as const;

export function registerIndicatorAdmin(app: FastifyInstance, ctx: AppContext): void {
  const regionOrNotFound = async (
    request: AdminRequest<RegionParams>,
  ): Promise<{ code: string; name: string; slug: string }> => {
    const code = request.params.code;
    const region = (await ctx.reader.regions()).find((r) => r.code === code);
    if (!region) throw notFound(`Region "${code}"`);
    return { code, name: pickText(region.name, request.adminLang)?.text ?? code, slug: region.slug };
  };

  adminRoute(app, ctx, {
    method: 'GET',
    url: '/admin/indicators',
    rule: { kind: 'signed-in' },
    handler: async (request, reply) => {
      const codes = [...new Set(regionsWithRole(request.auth.user, 'viewer'))].sort();
      if (codes.length === 1) return reply.redirect(indicatorPaths.list(codes[0]!), 303);
      const regions = await ctx.reader.regions();
      return sendAdminPage(request, reply, (ac) =>
        RegionsPage({
          ac,
          regions: codes.map((code) => ({
            code,
            name: pickText(regions.find((r) => r.code === code)?.name, ac.lang)?.text ?? code,
          })),
        }),
      );
    },
  });

  adminRoute<RegionParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/indicators',
    rule: viewer,
    handler: async (request, reply) => {
      const region = await regionOrNotFound(request);
      const view = await ctx.monitoring.region(region.code);
      const programmes = (await ctx.reader.programmes(region.code)).filter((p) => p.currentVersion !== null);
      const reportsProgramme =
        view.settings?.programmeSlug ?? programmes.sort((a, b) => b.periodEnd - a.periodEnd)[0]?.slug ?? null;
      const now = ctx.clock?.() ?? new Date();
      const lang = request.adminLang;
      const groupName = new Map(view.groups.map((g) => [g.code, pickText(g.name, lang)?.text ?? g.code]));
      const rows: IndicatorRow[] = view.indicators.map((iv) => {
        const name = pickText(iv.indicator.name, lang)?.text ?? iv.indicator.code;
        return {
          code: iv.indicator.code,
          name,
          group: groupName.get(iv.indicator.group) ?? iv.indicator.group,
          owner: iv.indicator.owner,
          latest: iv.latest,
          unit: pickText(iv.indicator.unit, lang)?.text ?? '',
          status: progressStateName(lang, iv.status.state),
          reason: progressReasonText(lang, iv.status, name),
          sourceUpdated: iv.sourceUpdated,
          nextReleaseDue: iv.nextReleaseDue,
          overdue: isIndicatorOverdue(iv, now),
        };
      });
      return sendAdminPage(request, reply, (ac) =>
        IndicatorsPage({
          ac,
          region,
          rows,
          canEdit: hasRole(request.auth.user, 'editor', region.code),
          done: false,
          reportsHref: reportsProgramme ? reportsAdminPath(region.code, reportsProgramme) : null,
        }),
      );
    },
  });

  const sendEdit = async (
    request: AdminRequest<IndicatorParams>,
    reply: FastifyReply,
    failure: IndicatorFormState | null,
    status = 200,
  ): Promise<FastifyReply> => {
    const region = await regionOrNotFound(request);
    const { indicator, history, groups } = await indicatorForEdit(ctx.db.kysely, {
      region: region.code,
      code: request.params.indicator,
    });
    const done = (request.query as Record<string, unknown> | undefined)?.['done'];
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        IndicatorEditPage({
          ac,
          region,
          indicator: {
            code: indicator.code,
            revision: indicator.revision,
            name: indicator.name,
            definition: indicator.definition,
            unit: indicator.unit,
            owner: indicator.owner,
            direction: indicator.direction,
            group: indicator.group,
            targets: indicator.targets,
          },
          groups,
          history,
          canEdit: hasRole(request.auth.user, 'editor', region.code),
          failure,
          done: status === 200 && (done === 'saved' || done === 'target') ? done : null,
        }),
      status,
    );
  };

  const failureOf = (which: IndicatorFormState['which'], f: FormFailure): IndicatorFormState => ({
    which,
    ...editExtras<IndicatorState>(f),
  });

  adminRoute<IndicatorParams>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/indicators/:indicator',
    rule: viewer,
    handler: async (request, reply) => sendEdit(request, reply, null),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/indicators/:indicator',
    rule: editor,
    schema: formSchema(
      { revision: revisionField, owner: textField, direction: textField, group: textField },
      (f, form) => ({
        revision: f.revision,
        owner: f.owner,
        direction: f.direction,
        group: f.group,
        texts: {
          name: localized(form as FormValues, 'name'),
          definition: localized(form as FormValues, 'definition'),
          unit: localized(form as FormValues, 'unit'),
        },
      }),
    ),
    action: async (input, request: AdminRequest<IndicatorParams>) => {
      const { code, indicator } = request.params;
      await updateIndicatorDefinition(ctx, actorOf(request), { region: code, code: indicator }, input);
      return `${indicatorPaths.indicator(code, indicator)}?done=saved`;
    },
    view: (request, reply, f) => sendEdit(request, reply, failureOf('definition', f), f.status),
  });

  adminForm(app, ctx, {
    url: '/admin/regions/:code/indicators/:indicator/targets',
    rule: editor,
    fieldPrefix: 'target-',
    schema: formSchema({ revision: revisionField }, (f, form) => {
      const v = (name: string): string => one(form as FormValues, `target-${name}`);
      return {
        revision: f.revision,
        period: v('period'),
        value: v('value'),
        area: v('area'),
        decision: v('decision'),
        decided: v('decided'),
      };
    }),
    action: async (input, request: AdminRequest<IndicatorParams>) => {
      const { code, indicator } = request.params;
      await setIndicatorTarget(ctx, actorOf(request), { region: code, code: indicator }, input);
      return `${indicatorPaths.indicator(code, indicator)}?done=target`;
    },
    view: (request, reply, f) => sendEdit(request, reply, failureOf('target', f), f.status),
  });
}
