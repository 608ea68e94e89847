/**
 * Edits of the PDF bytes Chromium (Skia) writes, made after `page.pdf`:
 *
 * - {@link repairOutlineTitles}: Chromium builds each bookmark's title from the heading's text
 *   runs and drops the space at every line wrap ("Kymenlaakson maakuntaohjelman" wrapped becomes
 *   "Kymenlaaksonmaakuntaohjelman"); a title that equals a heading of the document but for its
 *   white space is given the heading's text, and the cross-reference table is written anew.
 * - {@link normalisePdf}: the creation and modification dates set to a given date (and an ID,
 *   were there one, made from the content), as same-length replacements.
 *
 * Both read the PDF as latin1 text (one character a byte), which keeps binary streams intact.
 */
import { createHash } from 'node:crypto';

// ---------------------------------------------------------------------------------------------
// Bookmark titles

/** Decodes a PDF string token, `(literal)` or `<hex>`; UTF-16BE when it starts with a BOM. */
function decodePdfString(token: string): string {
  const bytes: number[] = [];
  if (token.startsWith('<')) {
    for (const pair of token.slice(1, -1).replace(/\s/g, '').match(/../g) ?? []) bytes.push(parseInt(pair, 16));
  } else {
    const body = token.slice(1, -1);
    const named: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    for (let i = 0; i < body.length; i++) {
      if (body[i] !== '\\') {
        bytes.push(body.charCodeAt(i));
        continue;
      }
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0];
      if (octal) {
        bytes.push(parseInt(octal, 8));
        i += octal.length;
      } else {
        const c = body[++i] ?? '';
        if (c !== '\n' && c !== '\r') bytes.push(named[c] ?? c.charCodeAt(0));
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes);
}

/** `text` as a PDF hex string in UTF-16BE with its BOM. */
function encodePdfString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** The string token (`(…)` or `<…>`) after `/Title` in `dict`, with its position, or null. */
function titleToken(dict: string): { start: number; end: number; token: string } | null {
  const m = /\/Title\s*/.exec(dict);
  if (!m) return null;
  const start = m.index + m[0].length;
  if (dict[start] === '<') {
    const end = dict.indexOf('>', start) + 1;
    return end > 0 ? { start, end, token: dict.slice(start, end) } : null;
  }
  if (dict[start] !== '(') return null;
  let depth = 0;
  for (let i = start; i < dict.length; i++) {
    if (dict[i] === '\\') i++;
    else if (dict[i] === '(') depth++;
    else if (dict[i] === ')' && --depth === 0) return { start, end: i + 1, token: dict.slice(start, i + 1) };
  }
  return null;
}

const refAfter = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

interface PdfFile {
  text: string;
  /** Object number → [start, end) of its `N 0 obj … endobj` text, from the cross-reference table. */
  objects: Map<number, { start: number; end: number }>;
  /** Where the `xref` keyword is. */
  xref: number;
}

function readPdf(text: string): PdfFile {
  const fail = (why: string): never => {
    throw new Error(`renderPdf: the PDF's cross-reference table is not of the expected form (${why})`);
  };
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) return fail('no startxref at the end');
  const xref = Number(startxref[1]);
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xref));
  if (!head) return fail('one section from object 0 expected');
  const count = Number(head[1]);
  const entries = text.slice(xref + head[0].length, xref + head[0].length + count * 20);
  const offsets: { num: number; start: number }[] = [];
  for (let num = 0; num < count; num++) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(entries.slice(num * 20, num * 20 + 20));
    if (!entry) return fail(`entry ${num}`);
    if (entry[3] === 'n') offsets.push({ num, start: Number(entry[1]) });
  }
  offsets.sort((a, b) => a.start - b.start);
  const objects = new Map<number, { start: number; end: number }>();
  offsets.forEach(({ num, start }, i) => {
    if (!text.startsWith(`${num} 0 obj`, start)) fail(`object ${num} is not at ${start}`);
    objects.set(num, { start, end: offsets[i + 1]?.start ?? xref });
  });
  return { text, objects, xref };
}

/** The same file with the objects of `replaced` changed and the cross-reference table rewritten. */
function writePdf(file: PdfFile, replaced: Map<number, string>): string {
  const sorted = [...file.objects.entries()].sort((a, b) => a[1].start - b[1].start);
  const first = sorted[0]?.[1].start ?? file.xref;
  const parts: string[] = [file.text.slice(0, first)];
  let at = first;
  const offsets = new Map<number, number>();
  for (const [num, { start, end }] of sorted) {
    offsets.set(num, at);
    const body = replaced.get(num) ?? file.text.slice(start, end);
    parts.push(body);
    at += body.length;
  }
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(file.text.slice(file.xref))!;
  const count = Number(head[1]);
  const oldEntries = file.text.slice(file.xref + head[0].length, file.xref + head[0].length + count * 20);
  let entries = '';
  for (let num = 0; num < count; num++) {
    const old = oldEntries.slice(num * 20, num * 20 + 20);
    const offset = offsets.get(num);
    entries += offset === undefined ? old : `${String(offset).padStart(10, '0')}${old.slice(10)}`;
  }
  const trailerStart = file.xref + head[0].length + count * 20;
  const trailer = file.text.slice(trailerStart).replace(/startxref\s+\d+/, `startxref\n${at}`);
  return parts.join('') + head[0] + entries + trailer;
}

/** Lower case without white space: how a title Chromium squeezed compares with its heading. */
const squeezed = (text: string): string => text.replace(/\s+/g, '').toLocaleLowerCase();

/**
 * Gives each bookmark whose title equals (but for white space and case) the next not yet used
 * heading of `headings` (the document's headings in order, their text with white space collapsed)
 * that heading's text. Answers `pdf` itself when no title changes.
 */
export function repairOutlineTitles(pdf: Buffer, headings: readonly string[]): Buffer {
  const text = pdf.toString('latin1');
  if (!/\/Outlines\s+\d+\s+0\s+R/.test(text)) return pdf;
  const file = readPdf(text);
  const body = (num: number | null): string => {
    const at = num === null ? undefined : file.objects.get(num);
    return at ? file.text.slice(at.start, at.end) : '';
  };
  const catalog = [...file.objects.keys()].find((num) => /\/Type\s*\/Catalog\b/.test(body(num)));
  const root = refAfter(body(catalog ?? null), 'Outlines');
  const replaced = new Map<number, string>();
  let next = 0;
  const seen = new Set<number>();
  const walk = (first: number | null): void => {
    for (let item = first; item !== null && !seen.has(item); item = refAfter(body(item), 'Next')) {
      seen.add(item);
      const dict = body(item);
      const title = titleToken(dict);
      if (title) {
        const wanted = squeezed(decodePdfString(title.token));
        const found = headings.findIndex((h, i) => i >= next && squeezed(h) === wanted);
        if (found >= 0) {
          next = found + 1;
          if (headings[found] !== decodePdfString(title.token))
            replaced.set(item, dict.slice(0, title.start) + encodePdfString(headings[found]!) + dict.slice(title.end));
        }
      }
      walk(refAfter(dict, 'First'));
    }
  };
  walk(refAfter(body(root), 'First'));
  if (replaced.size === 0) return pdf;
  return Buffer.from(writePdf(file, replaced), 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Deterministic bytes

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `date` as a PDF date string (`D:YYYYMMDDHHmmSS…`, UTC) of the same length and form as `original`. */
function pdfDate(date: Date, original: string): string {
  const base =
    `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
  // The zone after the seconds, as Chromium (Skia) and other writers put it: none, Z, +HH'mm or +HH'mm'.
  const zone = ['', 'Z', "+00'00", "+00'00'"].find((z) => z.length === original.length - base.length);
  if (zone === undefined || !/^D:\d{14}/.test(original))
    throw new Error(`renderPdf: the PDF has a date of an unexpected form: ${original}`);
  return base + zone;
}

/** `date` as an XMP date of the same length as `original` (with or without milliseconds and zone). */
function xmpDate(date: Date, original: string): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(19, 23);
  const candidates = [seconds, `${seconds}Z`, `${seconds}${millis}Z`, `${seconds}+00:00`, `${seconds}${millis}+00:00`];
  const found = candidates.find((c) => c.length === original.length);
  if (found === undefined) throw new Error(`renderPdf: the PDF has an XMP date of an unexpected form: ${original}`);
  return found;
}

/** `length` hex digits from the SHA-256 of `text` (repeated hashing past 64 digits). */
function hexOfHash(text: string, length: number): string {
  let out = '';
  let input = text;
  while (out.length < length) {
    input = createHash('sha256').update(input, 'latin1').digest('hex');
    out += input;
  }
  return out.slice(0, length).toUpperCase();
}

/**
 * Sets the PDF's creation and modification dates (Info dictionary, and XMP dates if the metadata
 * is uncompressed) to `date`, and a document `/ID` if any to a hash of the rest of the file, each
 * replaced by a string of the same length, so the cross-reference table stays valid.
 */
export function normalisePdf(pdf: Buffer, date: Date): Buffer {
  if (Number.isNaN(date.getTime())) throw new Error('renderPdf: the date given for the PDF is not a valid date');
  // latin1 maps each byte to one character and back, so lengths and offsets stay the same.
  let text = pdf.toString('latin1');
  text = text.replace(/(\/(?:CreationDate|ModDate)\s*\()(D:[^)]*)\)/g, (_m, key: string, value: string) => {
    return `${key}${pdfDate(date, value)})`;
  });
  text = text.replace(
    /(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(<\/xmp:)|(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")([^"]*)(")/g,
    (_m, openTag?: string, tagValue?: string, closeTag?: string, attr?: string, attrValue?: string, quote?: string) =>
      openTag !== undefined
        ? `${openTag}${xmpDate(date, tagValue ?? '')}${closeTag}`
        : `${attr}${xmpDate(date, attrValue ?? '')}${quote}`,
  );
  const id = /(\/ID\s*\[\s*<)([0-9A-Fa-f]*)(>\s*<)([0-9A-Fa-f]*)(>\s*\])/g;
  if (id.test(text)) {
    const masked = text.replace(id, '/ID []');
    text = text.replace(id, (_m, open: string, first: string, middle: string, second: string, close: string) => {
      const digest = hexOfHash(masked, Math.max(first.length, second.length));
      return `${open}${digest.slice(0, first.length)}${middle}${digest.slice(0, second.length)}${close}`;
    });
  }
  const out = Buffer.from(text, 'latin1');
  if (out.length !== pdf.length) throw new Error('renderPdf: normalising the PDF changed its length');
  return out;
}
