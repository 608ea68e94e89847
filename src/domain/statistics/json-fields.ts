/** Small typed accessors over lossless JSON for the readers; failures name the file and JSON path. */
import { StatisticsFileError } from './dataset.ts';
import { isJsonObject, JsonNumber, type JsonObject, type JsonValue } from './lossless-json.ts';

export { jsonPath } from './lossless-json.ts';

export function fail(file: string, path: string, reason: string): never {
  throw new StatisticsFileError(file, path, reason);
}

/** What a JSON value is, for messages ("a string", "an array"…). */
export function describe(v: JsonValue | undefined): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (isJsonObject(v)) return 'an object';
  if (v instanceof JsonNumber) return `the number ${v.text}`;
  return typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : `${v}`;
}

export function objectAt(v: JsonValue | undefined): JsonObject | null {
  return isJsonObject(v) ? v : null;
}

export function stringAt(v: JsonValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** A string, or a number's text (codes and labels written as numbers). */
export function textAt(v: JsonValue | undefined): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof JsonNumber) return v.text;
  return null;
}

/** A non-negative integer given as a number or as a string of digits (`size: ["2","3"]`), else null. */
export function countAt(v: JsonValue | undefined): number | null {
  const t = v instanceof JsonNumber ? v.text : typeof v === 'string' ? v.trim() : null;
  if (t === null || !/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** An array of strings (codes given as numbers are kept as their text), or null when it is not one. */
export function textListAt(v: JsonValue | undefined): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const item of v) {
    const t = textAt(item);
    if (t === null) return null;
    out.push(t);
  }
  return out;
}

/** The member `key` of `obj` as an object, or null. */
export function member(obj: JsonObject | null, key: string): JsonObject | null {
  return obj ? objectAt(obj.get(key)) : null;
}
