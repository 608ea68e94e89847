/**
 * Turns the bytes of an import file into text: UTF-8 (with or without a byte order mark) or
 * Windows-1252 / ISO-8859-1, declared or detected (valid UTF-8 is read as UTF-8, anything else as
 * Windows-1252). A file declared UTF-8 that is not is refused, naming the first bad byte.
 */
import { AppError } from '#src/domain/errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

const NAMES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
};

export const ENCODING_NAMES = Object.keys(NAMES);

/** The encoding a name such as `utf8`, `latin1` or `windows-1252` stands for, or null. */
export function encodingFromName(name: string): TextEncoding | null {
  return NAMES[name.trim().toLowerCase()] ?? null;
}

/** The offset of the first byte that breaks UTF-8 (bad lead byte, missing continuation, overlong form, surrogate), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Windows-1252 differs from ISO-8859-1 in 0x80–0x9F (€, ‚, „, …, ‘, ’, “, ”, –, —, ™, š, ž…).
 * Node 20's TextDecoder reads 'windows-1252' as ISO-8859-1, so those bytes are mapped here; the
 * five bytes Windows-1252 leaves undefined keep their ISO-8859-1 meaning.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the encoding was worked out from the bytes rather than declared. */
  detected: boolean;
}

/** Decodes `bytes` (see the module comment); `file` names the file in errors. */
export function decodeText(bytes: Uint8Array, file: string, declared?: TextEncoding): DecodedText {
  if (declared === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: declared, detected: false };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0)
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', detected: declared === undefined };
  if (declared === undefined) return { text: decodeWindows1252(bytes), encoding: 'windows-1252', detected: true };
  const sample = Array.from(
    bytes.subarray(bad, bad + 4),
    (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join(' ');
  const problem =
    `${file}: line ${lineOf(bytes, bad)}, byte offset ${bad}: not valid UTF-8 (bytes ${sample}); ` +
    'the file was declared UTF-8 but looks like Windows-1252 / ISO-8859-1 (use --encoding windows-1252, or leave --encoding out to detect it)';
  throw new AppError('invalid_file', `${file}: 1 problem(s) found; nothing was written`, [problem]);
}
