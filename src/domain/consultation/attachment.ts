/**
 * Attachments of consultation statements (issue 10): one PDF file of at most 10 MB. What a file is
 * is read from its bytes, never from its name or the content type the browser sent: a PDF starts
 * with the `%PDF-1.x` (or `2.0`) header, ends with `%%EOF` (trailing whitespace or a few bytes of
 * junk after it are tolerated, as readers do), and has a cross-reference (`startxref`) and at least
 * one indirect object (`n 0 obj … endobj`). A PNG, an HTML page or a text file named `.pdf` fails.
 * The name shown to moderators and in downloads is cleaned to a safe file name.
 */

/** The largest attachment, in bytes (10 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The only media type taken (and the one every download is served as). */
export const ATTACHMENT_MEDIA_TYPE = 'application/pdf';

/** Why bytes are not a PDF attachment, or null when they are. */
export type AttachmentProblem = 'empty' | 'too_large' | 'not_pdf' | 'damaged_pdf';

const HEADER = /^%PDF-(1\.[0-7]|2\.0)/;
/** How far from the end `%%EOF` may be (trailing newlines, a few bytes some writers add). */
const EOF_WINDOW = 1024;

/** Checks bytes sent as an attachment: a PDF of sane structure within the size limit. */
export function attachmentProblem(bytes: Uint8Array): AttachmentProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > ATTACHMENT_MAX_BYTES) return 'too_large';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!HEADER.test(buffer.subarray(0, 8).toString('latin1'))) return 'not_pdf';
  const tail = buffer.subarray(Math.max(0, buffer.length - EOF_WINDOW)).toString('latin1');
  if (!tail.includes('%%EOF') || !tail.includes('startxref')) return 'damaged_pdf';
  // At least one indirect object; searched as latin1 so binary streams do not break the match.
  const text = buffer.toString('latin1');
  if (!/\b\d+\s+\d+\s+obj\b/.test(text) || !text.includes('endobj')) return 'damaged_pdf';
  return null;
}

/**
 * A safe file name for a download: the base name without control characters, quotes, slashes or
 * other characters that could break a header, at most 100 characters, always ending `.pdf`.
 */
export function attachmentFileName(sent: string): string {
  const base = (sent.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"*:<>?|;%]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.pdf$/i, '')
    .slice(0, 96)
    .trim();
  return `${base === '' || base.startsWith('.') ? 'liite' : base}.pdf`;
}
