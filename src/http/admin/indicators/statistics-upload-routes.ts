/**
 * Statistics upload in the admin UI, for editors and admins of the region (issue 8, point 8; the
 * admin side of `suunta import statistics FILE --region 08`):
 *   GET  /admin/regions/:code/statistics/import          the form
 *   POST /admin/regions/:code/statistics/import          multipart upload → the reviewed diff (nothing written)
 *   POST /admin/regions/:code/statistics/import/confirm  Confirm (writes) or Cancel (writes nothing)
 * Both POSTs are multipart forms in the shared upload scope (../multipart-form.ts): anonymous
 * senders and users without the role are refused before a byte of the body is read, and the CSRF
 * token is checked from `_csrf` like any form.
 *
 * How the confirmation carries the file: the review page sends the file's bytes back, base64 in a
 * hidden field (the upload is capped at MAX_UPLOAD_KB, so the field is too). Nothing is kept on
 * the server between the two POSTs — no store to expire, to bound or to share between processes,
 * and a server restart between review and confirmation loses nothing. Sending the bytes back is
 * safe: the confirm POST runs the whole reviewed import again on them, and the service refuses
 * (409) when its diff of those bytes against the stored figures is not the one reviewed (the
 * review token covers the file's hash and every change), so altered bytes or figures that changed
 * meanwhile can never be written unseen.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { importStatistics, type StatisticsReview } from '#src/services/indicators/import-statistics.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import {
  StatisticsReviewPage,
  StatisticsUploadPage,
  type StatisticsDone,
  type StatisticsProblem,
  type StatisticsRegion,
  type StatisticsReviewView,
} from '#src/views/admin/indicators/statistics-import-page.tsx';
import { indicatorPaths } from '#src/views/admin/indicators/indicator-paths.ts';
import { textField } from '#src/http/forms/form-fields.ts';
import { sendAdminPage } from '../admin-page.ts';
import { adminRenderContext } from '../admin-page.ts';
import { actorOf, adminRoute, regionParam, type AdminRequest } from '../admin-route.ts';
import {
  displayName,
  registerMultipartScope,
  roleGate,
  uploadedFile,
  type MultipartLimits,
} from '../multipart-form.ts';

/** The largest statistics file the admin UI takes, in kB (larger ones: the command line). */
export const MAX_UPLOAD_KB = 2048;
const MAX_BYTES = MAX_UPLOAD_KB * 1024;
/** The base64 of the largest file, which the confirm form sends back. */
const MAX_BASE64 = Math.ceil(MAX_BYTES / 3) * 4;

const LIMITS: MultipartLimits = { fileSize: MAX_BYTES, fieldSize: MAX_BASE64, fields: 8 };
const ROLE = 'editor';
const regionOf = regionParam('code');
const RULE = { kind: 'role', role: ROLE, region: regionOf } as const;
const DONE: readonly StatisticsDone[] = ['imported', 'unchanged', 'cancelled'];

type ImportRoute = { Params: { code: string } };

/** The confirm form: Confirm or Cancel, the file (base64), its name and the token of the review. */
const confirmFields = z.looseObject({
  decision: textField.pipe(z.enum(['confirm', 'cancel'], { error: 'decision: must be confirm or cancel' })),
  file: textField.pipe(
    z
      .string()
      .max(MAX_BASE64, { error: `file: the file is larger than ${MAX_UPLOAD_KB} kB` })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'file: not base64 (send the form of the review page)' }),
  ),
  fileName: textField,
  token: textField.pipe(z.string().regex(/^[0-9a-f]{8,64}$/, { error: 'token: not a review token' })),
});

/** "path: reason" lines of an invalid file as table rows (a line without a path is about the whole file). */
function problemsOf(error: AppError): { problems: StatisticsProblem[]; total: number } {
  const lines = error.details.length > 0 ? error.details : [error.message];
  const problems = lines.map((line) => {
    const m = /^(\S+): ([\s\S]+)$/.exec(line);
    return m ? { path: m[1]!, reason: m[2]! } : { path: null, reason: line };
  });
  const total = Number(/: (\d+) problem\(s\) found/.exec(error.message)?.[1] ?? problems.length);
  return { problems, total };
}

export async function registerStatisticsUploadAdmin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const regionOrNotFound = async (request: AdminRequest<ImportRoute>): Promise<StatisticsRegion> => {
    const code = request.params.code;
    const region = (await ctx.reader.regions()).find((r) => r.code === code);
    if (!region) throw notFound(`Region "${code}"`);
    return { code, name: pickText(region.name, request.adminLang)?.text ?? code };
  };

  const uploadPage = async (
    request: AdminRequest<ImportRoute>,
    reply: FastifyReply,
    props: {
      errors?: FieldError[];
      refused?: { file: string; problems: StatisticsProblem[]; total: number } | null;
      done?: StatisticsDone | null;
    },
    status = 200,
  ): Promise<FastifyReply> => {
    const region = await regionOrNotFound(request);
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        StatisticsUploadPage({
          ac,
          region,
          maxKilobytes: MAX_UPLOAD_KB,
          errors: props.errors ?? [],
          refused: props.refused ?? null,
          done: props.done ?? null,
        }),
      status,
    );
  };

  const reviewPage = async (
    request: AdminRequest<ImportRoute>,
    reply: FastifyReply,
    review: StatisticsReview,
    bytes: Uint8Array,
    conflict: string | null,
    status = 200,
  ): Promise<FastifyReply> => {
    const region = await regionOrNotFound(request);
    const lang = request.adminLang;
    const names = new Map(review.indicators.map((i) => [i.code, pickText(i.name, lang)?.text ?? i.code]));
    const view: StatisticsReviewView = {
      fileName: review.fileName,
      fileBase64: Buffer.from(bytes).toString('base64'),
      reviewToken: review.reviewToken,
      totals: review.diff.totals,
      datasets: review.datasets.map((d) => ({ ...d, indicators: d.indicators.map((c) => names.get(c) ?? c) })),
      indicators: review.diff.indicators.map((d) => ({
        code: d.indicatorCode,
        name: names.get(d.indicatorCode) ?? d.indicatorCode,
        added: d.added,
        revised: d.revised,
        withdrawn: d.withdrawn,
        unchanged: d.unchanged,
        unitChange: d.unitChange,
      })),
    };
    return sendAdminPage(request, reply, (ac) => StatisticsReviewPage({ ac, region, review: view, conflict }), status);
  };

  /** Runs the import (a review, or the confirmed write); a refused file answers its 400 page. */
  const run = async (
    request: AdminRequest<ImportRoute>,
    reply: FastifyReply,
    bytes: Uint8Array,
    fileName: string,
    confirmToken: string | null,
  ): Promise<{ review: Awaited<ReturnType<typeof importStatistics>> } | { sent: FastifyReply }> => {
    try {
      const review = await importStatistics(ctx.db, {
        bytes,
        fileName,
        region: request.params.code,
        actor: actorOf(request),
        ...(confirmToken === null ? { dryRun: true } : { confirmToken }),
        ...(ctx.clock ? { now: ctx.clock } : {}),
      });
      return { review };
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid_file' && error.code !== 'bad_request')) throw error;
      return { sent: await uploadPage(request, reply, { refused: { file: fileName, ...problemsOf(error) } }, 400) };
    }
  };

  adminRoute<ImportRoute>(app, ctx, {
    method: 'GET',
    url: indicatorPaths.statisticsImport(':code'),
    rule: RULE,
    handler: async (request, reply) => {
      const done = (request.query as Record<string, unknown> | undefined)?.['done'];
      return uploadPage(request, reply, {
        done: DONE.includes(done as StatisticsDone) ? (done as StatisticsDone) : null,
      });
    },
  });

  await registerMultipartScope(
    app,
    ctx,
    // The role is checked before the file is read (adminRoute checks it again, after the CSRF token).
    { limits: LIMITS, gate: roleGate(ROLE, regionOf) },
    (scope) => {
      adminRoute<ImportRoute>(scope, ctx, {
        method: 'POST',
        url: indicatorPaths.statisticsImport(':code'),
        rule: RULE,
        handler: async (request, reply) => {
          if (!request.isMultipart())
            throw new AppError('bad_request', 'file: send the form as multipart/form-data, with the file');
          await regionOrNotFound(request);
          const { t } = adminRenderContext(request);
          const upload = uploadedFile(request.body, 'file');
          if (upload === null || (upload.filename === '' && upload.bytes.length === 0 && !upload.tooLarge))
            return uploadPage(
              request,
              reply,
              { errors: [{ field: 'file', message: t('admin.statistics.noFile') }] },
              400,
            );
          if (upload.tooLarge)
            return uploadPage(
              request,
              reply,
              { errors: [{ field: 'file', message: t('admin.statistics.tooLarge', { kb: MAX_UPLOAD_KB }) }] },
              413,
            );
          const fileName = displayName(upload.filename, 'statistics.json');
          const outcome = await run(request, reply, upload.bytes, fileName, null);
          if ('sent' in outcome) return outcome.sent;
          return reviewPage(request, reply, outcome.review, upload.bytes, null);
        },
      });

      adminRoute<ImportRoute>(scope, ctx, {
        method: 'POST',
        url: indicatorPaths.statisticsConfirm(':code'),
        rule: RULE,
        handler: async (request, reply) => {
          await regionOrNotFound(request);
          const parsed = confirmFields.safeParse(request.body ?? {});
          if (!parsed.success)
            throw new AppError(
              'bad_request',
              parsed.error.issues.map((i) => i.message).join('; ') || 'send the form of the review page',
            );
          const { decision, file, token } = parsed.data;
          const back = indicatorPaths.statisticsImport(request.params.code);
          if (decision === 'cancel') return reply.redirect(`${back}?done=cancelled`, 303);
          const bytes = Buffer.from(file, 'base64');
          const fileName = displayName(parsed.data.fileName, 'statistics.json');
          try {
            const outcome = await run(request, reply, bytes, fileName, token);
            if ('sent' in outcome) return outcome.sent;
            if (outcome.review.written) ctx.reader.invalidate();
            return reply.redirect(`${back}?done=${outcome.review.written ? 'imported' : 'unchanged'}`, 303);
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
            // The figures changed after the review: show the file's diff against them now, to confirm again.
            const again = await run(request, reply, bytes, fileName, null);
            if ('sent' in again) return again.sent;
            return reviewPage(request, reply, again.review, bytes, error.message, 409);
          }
        },
      });
    },
  );
}
