/**
 * Project list upload in the admin UI, for editors and admins of the region (issue 4; the admin
 * side of `suunta import projects`):
 *   GET  /admin/regions/:code/projects/import          the form
 *   POST /admin/regions/:code/projects/import          multipart upload → the outcome page
 *   POST /admin/regions/:code/projects/import/rejects  the skipped rows sent back → a CSV download
 * The import itself is services/projects/import-projects.ts (all-or-nothing unless "skip invalid
 * rows"), with the signed-in user as the actor of its audit event. The rejected rows are kept
 * nowhere on the server: the outcome page carries them (as JSON in a hidden field of the download
 * form) and the second POST turns them into the same CSV the command line writes.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '#src/domain/errors.ts';
import { pickText } from '#src/domain/languages.ts';
import type { ProjectMapping } from '#src/domain/projects/mapping.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { encodingFromName } from '#src/services/import-files/decode-text.ts';
import { importProjects, type ProjectImportResult } from '#src/services/projects/import-projects.ts';
import { choosePreset } from '#src/services/projects/detect-preset.ts';
import { DEFAULT_PRESET, presetNames, readPreset } from '#src/services/projects/mappings.ts';
import { rejectsCsv } from '#src/services/projects/rejects-file.ts';
import type { FieldError } from '#src/views/admin/components.tsx';
import {
  ProjectImportPage,
  type ImportOutcome,
  type ProjectImportPageProps,
} from '#src/views/admin/projects/project-import-page.tsx';
import { adminRenderContext, sendAdminPage } from '../admin-page.ts';
import { actorOf, adminRoute, formText, regionParam, type AdminRequest } from '../admin-route.ts';
import { refusedProblems, skippedProblems } from './import-problems.ts';
import { textField } from '#src/http/forms/form-fields.ts';
import { problemsOf } from '#src/lib/zod-messages.ts';
import {
  displayName as uploadName,
  registerMultipartScope,
  roleGate,
  uploadedFile,
  type MultipartLimits,
} from '../multipart-form.ts';

/** The largest project list the admin UI takes (larger ones: the command line). */
export const MAX_UPLOAD_MB = 20;
/** The rejected rows are offered for download when their JSON is at most this long (the download form's field limit). */
export const MAX_REJECTS_JSON = 4 * 1024 * 1024;

const LIMITS: MultipartLimits = { fileSize: MAX_UPLOAD_MB * 1024 * 1024, fieldSize: MAX_REJECTS_JSON, fields: 8 };
const URL = '/admin/regions/:code/projects/import';
const ROLE = 'editor';
const regionOf = regionParam('code');
const RULE = { kind: 'role', role: ROLE, region: regionOf } as const;

type ImportRoute = { Params: { code: string } };

/**
 * The text fields of the upload form (the file stays multipart): the column mapping (a preset of
 * the list, '' = detect), the character encoding ('' = detect) and the "skip invalid rows" box.
 */
function uploadFields(t: ReturnType<typeof adminRenderContext>['t'], presets: readonly string[]) {
  return z
    .looseObject({
      preset: textField.pipe(
        z.string().refine((p) => p === '' || presets.includes(p), { error: t('admin.projectImport.badPreset') }),
      ),
      encoding: textField.pipe(
        z
          .string()
          .refine((e) => e === '' || encodingFromName(e) !== null, { error: t('admin.projectImport.badEncoding') }),
      ),
      skipInvalid: textField.pipe(z.enum(['', 'on'], { error: t('admin.projectImport.badSkipInvalid') })),
    })
    .transform((f) => ({
      form: { preset: f.preset, encoding: f.encoding, skipInvalid: f.skipInvalid === 'on' },
      encoding: f.encoding === '' ? undefined : (encodingFromName(f.encoding) ?? undefined),
    }));
}

/** The rejects download form: the rows as JSON (a hidden field of the outcome page) and the upload's name. */
const rejectsFields = z.looseObject({
  rejects: textField.transform((text, zc) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      zc.addIssue({ code: 'custom', message: 'is not JSON' });
      return z.NEVER;
    }
  }),
  source: textField,
});

const rejectedRowsSchema = z.array(
  z.object({
    row: z.number().int().nonnegative(),
    line: z.number().int().nonnegative(),
    endLine: z.number().int().nonnegative(),
    problems: z.array(z.string()),
    raw: z.string(),
  }),
);

/** The uploaded file's name as problems name it. */
const displayName = (filename: string): string => uploadName(filename, 'upload.csv');

/** A name for the download: the upload's name with `-rejected.csv`, in safe characters. */
function rejectsFilename(source: string): string {
  const stem = source
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return `${stem || 'projects'}-rejected.csv`;
}

export async function registerProjectUploadAdmin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const regionOrNotFound = async (request: AdminRequest<ImportRoute>): Promise<ProjectImportPageProps['region']> => {
    const code = request.params.code;
    const region = (await ctx.reader.regions()).find((r) => r.code === code);
    if (!region) throw notFound(`Region "${code}"`);
    const lang = request.adminLang;
    return {
      code,
      name: pickText(region.name, lang)?.text ?? code,
      publicHref: `/${lang}/${encodeURIComponent(region.slug)}/projects/`,
    };
  };

  const page = async (
    request: AdminRequest<ImportRoute>,
    reply: FastifyReply,
    props: { form?: ProjectImportPageProps['form']; errors?: FieldError[]; outcome?: ImportOutcome | null },
    status = 200,
  ): Promise<FastifyReply> => {
    const region = await regionOrNotFound(request);
    const presets = await presetNames(ctx.config.contentDir);
    const form = props.form ?? {
      // '' = the preset whose columns the header has (detect-preset.ts), else the default.
      preset: '',
      encoding: '',
      skipInvalid: false,
    };
    return sendAdminPage(
      request,
      reply,
      (ac) =>
        ProjectImportPage({
          ac,
          region,
          presets,
          form,
          errors: props.errors ?? [],
          maxMegabytes: MAX_UPLOAD_MB,
          outcome: props.outcome ?? null,
        }),
      status,
    );
  };

  adminRoute<ImportRoute>(app, ctx, {
    method: 'GET',
    url: URL,
    rule: RULE,
    handler: async (request, reply) => page(request, reply, {}),
  });

  await registerMultipartScope(
    app,
    ctx,
    {
      limits: LIMITS,
      // The role is checked before the file is read too (adminRoute checks it again, after the CSRF token).
      gate: roleGate(ROLE, regionOf),
    },
    (scope) => {
      adminRoute<ImportRoute>(scope, ctx, {
        method: 'POST',
        url: URL,
        rule: RULE,
        handler: async (request, reply) => {
          if (!request.isMultipart())
            throw new AppError('bad_request', 'file: send the form as multipart/form-data, with the file');
          await regionOrNotFound(request);
          const { t } = adminRenderContext(request);
          const body = request.body;
          const presets = await presetNames(ctx.config.contentDir);
          // The form as sent (shown again), then its text fields checked by the zod schema.
          const sent = {
            preset: formText(body, 'preset'),
            encoding: formText(body, 'encoding'),
            skipInvalid: formText(body, 'skipInvalid') === 'on',
          };
          const parsed = uploadFields(t, presets).safeParse(body ?? {});
          const form = parsed.success ? parsed.data.form : sent;
          const encoding = parsed.success ? parsed.data.encoding : undefined;
          const errors: FieldError[] = [];
          const upload = uploadedFile(body, 'file');
          let status = 400;
          if (upload === null || (upload.filename === '' && upload.bytes.length === 0 && !upload.tooLarge)) {
            errors.push({ field: 'file', message: t('admin.projectImport.noFile') });
          } else if (upload.tooLarge) {
            errors.push({ field: 'file', message: t('admin.projectImport.tooLarge', { mb: MAX_UPLOAD_MB }) });
            status = 413;
          }
          if (!parsed.success) for (const p of problemsOf(parsed.error)) errors.push(p);
          if (errors.length > 0 || upload === null) return page(request, reply, { form, errors }, status);

          const file = displayName(upload.filename);
          const json = /\.json$/i.test(file) || (!/\.(csv|txt)$/i.test(file) && upload.mimetype === 'application/json');
          let result: ProjectImportResult;
          let presetUsed: string | null = null;
          let presetName = form.preset || DEFAULT_PRESET;
          try {
            let mapping: ProjectMapping;
            if (form.preset === '') {
              const chosen = await choosePreset(ctx.config.contentDir, upload.bytes, {
                file,
                format: json ? 'json' : 'csv',
                ...(encoding ? { encoding } : {}),
              });
              mapping = chosen.mapping;
              presetName = chosen.name;
              if (chosen.matched) presetUsed = chosen.name;
            } else mapping = await readPreset(ctx.config.contentDir, form.preset);
            result = await importProjects(ctx.db, upload.bytes, {
              regionCode: request.params.code,
              mapping,
              file,
              format: json ? 'json' : 'csv',
              ...(encoding ? { encoding } : {}),
              skipInvalid: form.skipInvalid,
              audit: { actor: actorOf(request), mapping: `preset ${presetName}` },
            });
          } catch (error) {
            if (!(error instanceof AppError) || (error.code !== 'invalid_file' && error.code !== 'bad_request'))
              throw error;
            const { problems, total } = refusedProblems(file, error);
            return page(
              request,
              reply,
              { form, outcome: { kind: 'refused', file, problems, problemTotal: total } },
              400,
            );
          }
          if (result.added + result.changed > 0) ctx.reader.invalidate();
          const skipped = skippedProblems(file, result.problems);
          const rejectsJson = result.rejected.length === 0 ? null : JSON.stringify(result.rejected);
          const outcome: ImportOutcome = {
            kind: 'imported',
            file,
            presetUsed,
            rows: result.rows,
            added: result.added,
            changed: result.changed,
            unchanged: result.unchanged,
            rejected: result.rejected.length,
            encoding: result.encoding,
            encodingDetected: result.encodingDetected,
            problems: skipped.problems,
            problemTotal: skipped.total,
            rejectsJson:
              rejectsJson !== null && Buffer.byteLength(rejectsJson) <= MAX_REJECTS_JSON ? rejectsJson : null,
          };
          return page(request, reply, { form, outcome });
        },
      });

      adminRoute<ImportRoute>(scope, ctx, {
        method: 'POST',
        url: `${URL}/rejects`,
        rule: RULE,
        handler: async (request, reply) => {
          const fields = rejectsFields.safeParse(request.body ?? {});
          const rows = fields.success ? rejectedRowsSchema.safeParse(fields.data.rejects) : null;
          if (!fields.success || !rows?.success)
            throw new AppError(
              'bad_request',
              'rejects: not a list of rejected rows (send the form of the import result page)',
            );
          const filename = rejectsFilename(displayName(fields.data.source));
          return reply
            .code(200)
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${filename}"`)
            .send(rejectsCsv(rows.data));
        },
      });
    },
  );
}
