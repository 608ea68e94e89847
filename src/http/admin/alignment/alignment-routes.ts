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
import { actorOf, adminRoute, formText, hasRole, regionParam, type AdminRequest } from '../admin-route.ts';
import { confirmProjectLink, priorityProposals } from '#src/services/projects/priority-suggestions.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { pickText } from '#src/domain/languages.ts';

type AlignRoute = { Params: { code: string; slug: string } };

const URL = '/admin/regions/:code/programmes/:slug/align';
const RULE = { kind: 'role', role: 'viewer', region: regionParam('code') } as const;

export function registerAlignmentAdmin(app: FastifyInstance, ctx: AppContext): void {
  /** The page: the form with `text` and `lang`, and the ranking of `text` when one was sent. */
  const page = async (
    request: AdminRequest<AlignRoute>,
    reply: FastifyReply,
    sent: { text: string; lang: string } | null,
  ): Promise<FastifyReply> => {
    const { code, slug } = request.params;
    const programme = await ctx.reader.programme(code, slug);
    const lang: Lang = sent !== null && isLang(sent.lang) ? sent.lang : 'fi';
    const form = { text: sent?.text ?? '', lang };
    let result: AlignmentPageProps['result'] = null;
    const errors: FieldError[] = [];
    if (sent !== null) {
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
    const confirmedCode = (request.query as Record<string, unknown> | undefined)?.['confirmed'];
    const confirmedKey = (request.query as Record<string, unknown> | undefined)?.['priority'];
    const confirmed =
      typeof confirmedCode === 'string' && typeof confirmedKey === 'string'
        ? { project: confirmedCode.slice(0, 64), priority: confirmedKey.slice(0, 100) }
        : null;
    return sendAdminPage(
      request,
      reply,
      (ac) => AlignmentPage({ ac, programme, form, errors, result, proposals, confirmed }),
      errors.length > 0 ? 400 : 200,
    );
  };

  adminRoute<AlignRoute>(app, ctx, {
    method: 'GET',
    url: URL,
    rule: RULE,
    handler: async (request, reply) => page(request, reply, null),
  });

  // An editor confirms a proposal: the link is created (with its audit event), then back to the page.
  adminRoute<AlignRoute>(app, ctx, {
    method: 'POST',
    url: `${URL}/confirm`,
    rule: { kind: 'role', role: 'editor', region: regionParam('code') },
    handler: async (request, reply) => {
      const { code, slug } = request.params;
      const projectCode = formText(request.body, 'project');
      const nodeKey = formText(request.body, 'priority');
      if (projectCode === '' || nodeKey === '')
        throw new AppError('bad_request', 'project, priority: both are needed (send the form of the alignment page)');
      await confirmProjectLink(ctx.db, ctx.reader, actorOf(request), {
        regionCode: code,
        slug,
        projectCode,
        nodeKey,
      });
      const q = new URLSearchParams({ confirmed: projectCode, priority: nodeKey });
      return reply.redirect(`/admin/regions/${code}/programmes/${encodeURIComponent(slug)}/align?${q}`, 303);
    },
  });

  adminRoute<AlignRoute>(app, ctx, {
    method: 'POST',
    url: URL,
    rule: RULE,
    handler: async (request, reply) =>
      page(request, reply, { text: formText(request.body, 'text'), lang: formText(request.body, 'lang') || 'fi' }),
  });
}
