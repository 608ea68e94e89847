/**
 * File uploads of admin forms (multipart/form-data), shared by the project list upload
 * (projects/project-upload-routes.ts) and the statistics upload (indicators/statistics-upload-routes.ts). @fastify/multipart is registered only in the
 * plugin scope of the routes that take files (see `registerMultipartScope`); there a preValidation
 * hook reads the whole form into a plain body before adminRoute's checks run: text fields as
 * strings — so the CSRF check reads `_csrf` exactly as from a urlencoded form — and the file as an
 * `UploadedFile`. A file over the limit is not kept but marked `tooLarge`, and the rest of the form
 * is still read, so the route can answer with a page that says so (after the CSRF and role checks).
 *
 * Before a byte of the body is read, `gate` runs: anonymous requests are left unread (adminRoute
 * answers 401) and the gate may refuse users without the route's role, so only people entitled to
 * upload can make the server buffer a file.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#src/domain/errors.ts';
import type { Role } from '#src/domain/roles.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { hasRole } from './admin-route.ts';
import { loadAuth } from './auth/session-auth.ts';

/** A file sent with a form (only this class is a file: a text field of the same name is not). */
export class UploadedFile {
  constructor(
    /** The file's name as the browser sent it (no path), '' when none was chosen. */
    readonly filename: string,
    readonly mimetype: string,
    /** The bytes; empty when the file was too large. */
    readonly bytes: Buffer,
    /** True when the file was larger than the limit (its bytes were dropped). */
    readonly tooLarge: boolean,
  ) {}
}

/** A parsed multipart form: text fields by name (the first of repeated ones), files by field name. */
export type MultipartBody = Record<string, string | UploadedFile>;

export interface MultipartLimits {
  /** Largest file, in bytes. */
  fileSize: number;
  /** Longest text field, in bytes. */
  fieldSize: number;
  /** Most text fields. */
  fields: number;
}

/** The uploaded file of field `name`, or null (no such field, or a text field of that name). */
export function uploadedFile(body: unknown, name: string): UploadedFile | null {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return value instanceof UploadedFile ? value : null;
}

/** Reads a multipart form (one file at most) into a plain body; malformed or over-limit forms are a 400. */
export async function readMultipartForm(request: FastifyRequest, limits: MultipartLimits): Promise<MultipartBody> {
  const body: MultipartBody = Object.create(null) as MultipartBody;
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: limits.fileSize,
        fieldSize: limits.fieldSize,
        fields: limits.fields,
        files: 1,
        parts: limits.fields + 1,
      },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        const tooLarge = part.file.truncated;
        const filename = part.filename.split(/[\\/]/).pop() ?? '';
        if (!(part.fieldname in body))
          body[part.fieldname] = new UploadedFile(
            filename,
            part.mimetype,
            tooLarge ? Buffer.alloc(0) : bytes,
            tooLarge,
          );
        continue;
      }
      if (part.valueTruncated)
        throw new AppError('bad_request', `${part.fieldname}: the value is longer than ${limits.fieldSize} bytes`);
      if (!(part.fieldname in body) && typeof part.value === 'string') body[part.fieldname] = part.value;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new AppError('bad_request', 'the form may carry one file only');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('bad_request', `the form may carry at most ${limits.fields} fields`);
    throw new AppError('bad_request', `the form data cannot be read (${(error as Error).message})`);
  }
  return body;
}

/**
 * Registers `routes` in a plugin scope of their own where multipart forms are parsed (see the
 * module comment). `gate(request)` runs for signed-in senders of a multipart form (with `open`: for
 * any sender with a pre-session or session cookie) before the body is read; it throws to refuse.
 */
export async function registerMultipartScope(
  app: FastifyInstance,
  ctx: AppContext,
  options: {
    limits: MultipartLimits;
    gate: (request: FastifyRequest) => void | Promise<void>;
    /**
     * Forms of the public site (`public-form` rule): anonymous senders' forms are read too, but only
     * when they carry the pre-session cookie the form's GET set (without it the CSRF check refuses
     * them unread).
     */
    open?: boolean;
  },
  routes: (scope: FastifyInstance) => void,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: options.limits.fileSize },
    });
    scope.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.isMultipart()) return;
      await loadAuth(ctx, request, reply, false);
      if (options.open ? request.csrfToken === '' : !request.auth) return;
      await options.gate(request);
      request.body = await readMultipartForm(request, options.limits);
    });
    routes(scope);
  });
}

/**
 * The gate of an upload scope whose routes need `role` in the request's region: a signed-in user
 * without it is refused (403) before the file is read (adminRoute checks it again after the CSRF token).
 */
export function roleGate(role: Role, regionOf: (request: FastifyRequest) => string): (request: FastifyRequest) => void {
  return (request) => {
    const region = regionOf(request);
    if (!hasRole(request.auth!.user, role, region))
      throw new AppError('forbidden', `This needs the role ${role} in region ${region}`);
  };
}

/** An uploaded file's name as problems name it: no control characters, at most 120 characters (`fallback` when empty). */
export function displayName(filename: string, fallback: string): string {
  const clean = filename
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(-120);
  return clean === '' ? fallback : clean;
}
