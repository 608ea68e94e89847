/** Admin route of the alignment helper: GET /admin/regions/:code/programmes/:slug/align?text=…&lang=… (viewers of the region). */
import type { FastifyInstance } from 'fastify';
import { markMatches } from '#src/domain/alignment/index.ts';
import { AppError } from '#src/domain/errors.ts';
import { isLang, type Lang } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { alignProjectText, checkAlignmentInput } from '#src/services/alignment.ts';
import { AlignmentPage, type AlignmentPageProps } from '#src/views/admin/alignment/alignment-page.tsx';
import type { FieldError } from '#src/views/admin/components.tsx';
import { sendAdminPage } from '../admin-page.ts';
import { adminRoute, regionParam } from '../admin-route.ts';

type AlignRoute = { Params: { code: string; slug: string }; Querystring: Record<string, string | string[] | undefined> };

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export function registerAlignmentAdmin(app: FastifyInstance, ctx: AppContext): void {
  adminRoute<AlignRoute>(app, ctx, {
    method: 'GET',
    url: '/admin/regions/:code/programmes/:slug/align',
    rule: { kind: 'role', role: 'viewer', region: regionParam('code') },
    handler: async (request, reply) => {
      const { code, slug } = request.params;
      const programme = await ctx.reader.programme(code, slug);
      const rawText = one(request.query.text);
      const rawLang = one(request.query.lang);
      const lang: Lang = isLang(rawLang) ? rawLang : 'fi';
      const form = { text: rawText ?? '', lang };
      let result: AlignmentPageProps['result'] = null;
      const errors: FieldError[] = [];
      if (rawText !== undefined) {
        try {
          const input = checkAlignmentInput(rawText, rawLang ?? 'fi');
          const r = await alignProjectText(ctx.reader, code, slug, input.text, input.lang);
          result = { priorities: r.priorities, spearheads: r.spearheads, segments: markMatches(input.text, input.lang, r.matchedStems) };
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
          const [field, ...rest] = error.message.split(': ');
          errors.push({ field: field === 'lang' ? 'lang' : 'text', message: rest.join(': ') || error.message });
        }
      }
      return sendAdminPage(request, reply, (ac) => AlignmentPage({ ac, programme, form, errors, result }), errors.length > 0 ? 400 : 200);
    },
  });
}
