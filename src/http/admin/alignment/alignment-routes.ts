/**
 * Admin routes of the alignment helper (viewers of the region): GET
 * /admin/regions/:code/programmes/:slug/align shows the empty form; the form POSTs the project text
 * and its language to the same address (with the CSRF token), which answers with the ranked tables.
 * A POST, because a project description easily outgrows what a URL may carry.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { markMatches } from '#src/domain/alignment/index.ts';
import { AppError } from '#src/domain/errors.ts';
import { isLang, type Lang } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { alignProjectText, checkAlignmentInput } from '#src/services/alignment.ts';
import { AlignmentPage, type AlignmentPageProps } from '#src/views/admin/alignment/alignment-page.tsx';
import type { FieldError } from '#src/views/admin/components.tsx';
import { sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import { adminForm } from '../admin-form.ts';
import { formSchema, textField } from '#src/http/forms/form-fields.ts';
import { one } from '#src/http/forms/form-input.ts';
import { alignmentRequest } from '#src/http/api/schemas/alignment.ts';
import { refusal } from '#src/lib/zod-messages.ts';
import { z } from 'zod';
import { confirmProjectLink, priorityProposals } from '#src/services/projects/priority-suggestions.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { pickText } from '#src/domain/languages.ts';

type AlignRoute = { Params: { code: string; slug: string } };

const URL = '/admin/regions/:code/programmes/:slug/align';
const RULE = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;

/** A field the confirm form must carry (a hidden field of the alignment page). */
const neededField = textField.pipe(
  z.string().min(1, refusal('be given (send the form of the alignment page)', { code: 'alignment_form' })),
);

/** `?confirmed=<project>&priority=<key>` after a confirmed proposal (shown as a notice). */
const confirmedQuery = z
  .looseObject({
    confirmed: z.string().max(64).optional(),
    priority: z.string().max(100).optional(),
  })
  .transform((q) =>
    q.confirmed !== undefined && q.priority !== undefined
      ? { confirmed: { project: q.confirmed, priority: q.priority } }
      : {},
  );

export function registerAlignmentAdmin(app: FastifyInstance, ctx: AppContext): void {
  /** The page: the form with `text` and `lang`, and the ranking of `text` when one was sent. */
  const page = async (
    request: AdminRequest<AlignRoute>,
    reply: FastifyReply,
    sent: { text: string; lang: string } | null,
    refused: FieldError[] = [],
    status?: number,
  ): Promise<FastifyReply> => {
    const { code, slug } = request.params;
    const programme = await ctx.reader.programme(code, slug);
    const lang: Lang = sent !== null && isLang(sent.lang) ? sent.lang : 'fi';
    const form = { text: sent?.text ?? '', lang };
    let result: AlignmentPageProps['result'] = null;
    const errors: FieldError[] = [...refused];
    if (sent !== null && refused.length === 0) {
      try {
        const input = checkAlignmentInput(sent.text, sent.lang);
        const r = await alignProjectText(ctx.reader, code, slug, input.text, input.lang);
        result = {
          priorities: r.priorities,
          spearheads: r.spearheads,
          segments: markMatches(input.text, input.lang, r.matchedStems),
        };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
        const [field, ...rest] = error.message.split(': ');
        errors.push({ field: field === 'lang' ? 'lang' : 'text', message: rest.join(': ') || error.message });
      }
    }
    // Editors see the helper's proposals for the region's unlinked projects, each with a confirm button.
    let proposals: AlignmentPageProps['proposals'] = null;
    if (hasRole(request.auth!.user, 'editor', code)) {
      const [found, content] = await Promise.all([
        priorityProposals(ctx.db, ctx.reader, code, slug),
        ctx.reader.versionContent(code, slug),
      ]);
      const titles = new Map(flattenTree(content.nodes).map((n) => [n.key, n.title]));
      proposals = found.proposals.map((p) => ({
        code: p.code,
        name: pickText(p.name, lang)?.text ?? p.code,
        priority: p.priority,
        priorityTitle: pickText(titles.get(p.priority), lang)?.text ?? p.priority,
      }));
    }
    const asked = confirmedQuery.safeParse(request.query ?? {});
    const confirmed = asked.success && asked.data.confirmed !== undefined ? asked.data.confirmed : null;
    return sendAdminPage(
      request,
      reply,
      (ac) => AlignmentPage({ ac, programme, form, errors, result, proposals, confirmed }),
      status ?? (errors.length > 0 ? 400 : 200),
    );
  };

  adminRoute<AlignRoute>(app, ctx, {
    method: 'GET',
    url: URL,
    rule: RULE,
    handler: async (request, reply) => page(request, reply, null),
  });

  // An editor confirms a proposal: the link is created (with its audit event), then back to the page.
  adminForm<AdminRequest<AlignRoute>, { project: string; priority: string }>(app, ctx, {
    url: `${URL}/confirm`,
    rule: { kind: 'role', role: 'editor', region: regionParam('code') },
    schema: formSchema({ project: neededField, priority: neededField }, (f) => ({
      project: f.project,
      priority: f.priority,
    })),
    action: async ({ project, priority }, request) => {
      const { code, slug } = request.params;
      await confirmProjectLink(ctx.db, ctx.reader, actorOf(request), {
        regionCode: code,
        slug,
        projectCode: project,
        nodeKey: priority,
      });
      const q = new URLSearchParams({ confirmed: project, priority });
      return `/admin/regions/${code}/programmes/${encodeURIComponent(slug)}/align?${q}`;
    },
    view: (request, reply, f) =>
      page(request, reply, null, f.errors.length > 0 ? f.errors : [{ field: 'text', message: f.message }], f.status),
  });

  // The form: its fields by a zod schema (the same rules as the API's), then the ranking.
  adminForm<AdminRequest<AlignRoute>, { text: string; lang: Lang }>(app, ctx, {
    url: URL,
    rule: RULE,
    schema: formSchema(
      {
        text: textField.pipe(alignmentRequest.shape.text),
        lang: textField.transform((l) => l || 'fi').pipe(alignmentRequest.shape.lang.unwrap()),
      },
      (f) => ({ text: f.text, lang: f.lang }),
    ),
    action: (input, request, reply) => page(request, reply, input),
    view: (request, reply, f) =>
      page(request, reply, { text: one(f.sent, 'text'), lang: one(f.sent, 'lang') || 'fi' }, f.errors, f.status),
  });
}
