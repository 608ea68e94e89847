/**
 * Reading PDFs back in tests: Debian's poppler-utils (`pdfinfo`, `pdftotext`) for the document
 * info, the structure tree and the text layer, and a small reader of the PDF's own objects for
 * what poppler does not print (bookmarks, `/Alt` and `/Lang` of structure elements). The reader
 * knows only what Chromium (Skia) writes: PDF 1.4, uncompressed object dictionaries.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HAVE_POPPLER = ['pdfinfo', 'pdftotext'].every((tool) => !spawnSync(tool, ['-v']).error);

/**
 * `false` when poppler-utils is installed, else the reason to skip. Under CI (`CI` set) a missing
 * poppler-utils is not skipped: the tests run and fail in {@link requirePoppler}.
 */
export const SKIP_WITHOUT_POPPLER: false | string =
  HAVE_POPPLER || process.env['CI']
    ? false
    : 'pdfinfo/pdftotext are missing: install poppler-utils (scripts/ensure-chromium.sh does as root)';

/** Call first in a PDF test: fails plainly when CI is set but poppler-utils is missing. */
export function requirePoppler(): void {
  if (!HAVE_POPPLER) assert.fail('CI is set but pdfinfo/pdftotext (poppler-utils) are missing');
}

/** Runs a poppler tool on `pdf` (written to a temporary file) and answers its standard output. */
function poppler(tool: string, args: readonly string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'suunta-pdf-'));
  try {
    const file = join(dir, 'test.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(tool, [...args.map((a) => (a === '{file}' ? file : a))], { encoding: 'utf8' });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo -isodates` as key → value ("Pages" → "3", "Tagged" → "yes", …). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of poppler('pdfinfo', ['-isodates', '{file}'], pdf).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/** `pdfinfo -struct-text`: the structure tree, indented, with each element's text. */
export const pdfStructText = (pdf: Buffer): string => poppler('pdfinfo', ['-struct-text', '{file}'], pdf);

/** The text layer (`pdftotext`, UTF-8), of pages `first`..`last` when given. */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return poppler('pdftotext', [...range, '-enc', 'UTF-8', '{file}', '-'], pdf);
}

// ---------------------------------------------------------------------------------------------
// The PDF's objects

/** Object number → its dictionary text (streams left out), read as latin1 (one char a byte). */
export function pdfObjects(pdf: Buffer): Map<number, string> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!.replace(/stream\r?\n[\s\S]*?endstream/g, '');
    objects.set(Number(m[1]), body);
  }
  return objects;
}

/** Decodes a PDF string token: `(literal)` with escapes or `<hex>`, UTF-16BE when it has a BOM. */
export function decodePdfString(token: string): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s/g, '');
    bytes = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16));
  } else {
    bytes = [];
    const body = token.slice(1, -1);
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0));
        continue;
      }
      const next = body[++i] ?? '';
      const octal = /^[0-7]{1,3}/.exec(body.slice(i))?.[0];
      if (octal) {
        bytes.push(parseInt(octal, 8));
        i += octal.length - 1;
      } else if (next in escapes) bytes.push(escapes[next]!);
      else if (next === '\r' || next === '\n') continue;
      else bytes.push(next.charCodeAt(0));
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes);
}

/** The raw token after `/key` in `dict`: a string, a name, a reference, an array or a number. */
export function dictToken(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
  if (!m) return null;
  const rest = dict.slice(m.index + m[0].length);
  if (rest.startsWith('(')) {
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) return rest.slice(0, i + 1);
    }
    return null;
  }
  if (rest.startsWith('<') && !rest.startsWith('<<')) return rest.slice(0, rest.indexOf('>') + 1);
  if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1);
  return /^(\d+ \d+ R|\/[^\s/<>[\]()]+|[-\d.]+)/.exec(rest)?.[0] ?? null;
}

const refOf = (token: string | null): number | null => (token && /^(\d+) \d+ R$/.test(token) ? parseInt(token) : null);
const stringOf = (token: string | null): string | null =>
  token && (token.startsWith('(') || token.startsWith('<')) ? decodePdfString(token) : null;

function catalog(objects: Map<number, string>): string {
  const found = [...objects.values()].find((dict) => /\/Type\s*\/Catalog\b/.test(dict));
  assert.ok(found, 'the PDF has a catalog');
  return found;
}

/** The document's language (`/Lang` of the catalog), or null. */
export function pdfLang(pdf: Buffer): string | null {
  return stringOf(dictToken(catalog(pdfObjects(pdf)), 'Lang'));
}

export interface OutlineItem {
  title: string;
  /** 0 for a top-level bookmark. */
  depth: number;
}

/** The bookmarks in reading order (catalog → /Outlines → /First, /Next …), [] when there are none. */
export function pdfOutline(pdf: Buffer): OutlineItem[] {
  const objects = pdfObjects(pdf);
  const root = refOf(dictToken(catalog(objects), 'Outlines'));
  if (root === null) return [];
  const items: OutlineItem[] = [];
  const walk = (first: number | null, depth: number): void => {
    for (let at = first; at !== null;) {
      const dict = objects.get(at);
      assert.ok(dict, `outline item ${at} exists`);
      items.push({ title: stringOf(dictToken(dict, 'Title')) ?? '', depth });
      walk(refOf(dictToken(dict, 'First')), depth + 1);
      at = refOf(dictToken(dict, 'Next'));
    }
  };
  walk(refOf(dictToken(objects.get(root) ?? '', 'First')), 0);
  return items;
}

export interface StructElement {
  /** The structure type, e.g. `H1`, `Table`, `Figure`. */
  type: string;
  alt: string | null;
  lang: string | null;
  depth: number;
}

/** The structure elements in tree order, with their `/Alt` and `/Lang`. */
export function pdfStructElements(pdf: Buffer): StructElement[] {
  const objects = pdfObjects(pdf);
  const root = refOf(dictToken(catalog(objects), 'StructTreeRoot'));
  assert.ok(root !== null, 'the PDF has a structure tree');
  const elements: StructElement[] = [];
  const kids = (dict: string): number[] => {
    const k = dictToken(dict, 'K');
    if (k === null) return [];
    return [...k.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])).filter((n) => objects.has(n));
  };
  const walk = (at: number, depth: number): void => {
    const dict = objects.get(at) ?? '';
    const type = dictToken(dict, 'S');
    if (type === null) return; // a marked-content or object reference, not an element
    elements.push({
      type: type.slice(1),
      alt: stringOf(dictToken(dict, 'Alt')),
      lang: stringOf(dictToken(dict, 'Lang')),
      depth,
    });
    for (const kid of kids(dict)) walk(kid, depth + 1);
  };
  for (const kid of kids(objects.get(root) ?? '')) walk(kid, 0);
  return elements;
}

/** What is wrong with the cross-reference table: entries that do not point at `N 0 obj`, a wrong startxref. */
export function xrefProblems(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) return ['no startxref … %%EOF at the end'];
  const at = Number(startxref[1]);
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(at));
  if (!head) return [`startxref ${at} does not point at an xref table of one section`];
  const problems: string[] = [];
  for (let num = 0; num < Number(head[1]); num++) {
    const entry = text.slice(at + head[0].length + num * 20, at + head[0].length + num * 20 + 20);
    const m = /^(\d{10}) \d{5} ([nf])/.exec(entry);
    if (!m) problems.push(`entry ${num} is ${JSON.stringify(entry)}`);
    else if (m[2] === 'n' && !text.startsWith(`${num} 0 obj`, Number(m[1])))
      problems.push(`object ${num} is not at ${Number(m[1])}`);
  }
  return problems;
}
