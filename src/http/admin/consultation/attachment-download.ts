/**
 * How a consultation attachment is answered, to moderators and to the public alike: always as a
 * download of a PDF (`Content-Disposition: attachment`), never inline and never sniffed by the
 * browser (`nosniff`), with a CSP sandbox in case a browser shows it anyway, and never cached.
 */
import type { FastifyReply } from 'fastify';
import { ATTACHMENT_MEDIA_TYPE } from '#src/domain/consultation/attachment.ts';
import type { AttachmentDownload } from '#src/services/consultation/attachments.ts';

/** `Content-Disposition: attachment` with an ASCII name and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendAttachment(reply: FastifyReply, download: AttachmentDownload): FastifyReply {
  return reply
    .header('content-type', ATTACHMENT_MEDIA_TYPE)
    .header('content-disposition', attachmentDisposition(download.meta.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .send(download.body);
}
