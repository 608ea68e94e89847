/**
 * Which shipped preset (content/mappings/) a project list's header fits, for imports that name
 * neither a mapping nor a preset:
 * - a header that has every column a preset reads, and no other, is that preset's (exact match);
 * - otherwise a header the default preset (Suunta's own columns) can read keeps the default;
 * - otherwise a header that shares at least half of a preset's columns nearly matches it: the import
 *   is refused with the preset's name and the columns that differ (missing and unexpected);
 * - otherwise the default preset is used, and the import names its missing columns as before.
 */
import { readFile } from 'node:fs/promises';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { mappedColumns, type ProjectMapping } from '#src/domain/projects/mapping.ts';
import { decodeText, type TextEncoding } from '../import-files/decode-text.ts';
import { DEFAULT_PRESET, presetNames, readPreset } from './mappings.ts';
import { readHeader } from '../import-files/read-table.ts';

export interface HeaderComparison {
  /** Columns the preset needs that the header lacks (its optional columns are not counted). */
  missing: string[];
  /** Header columns the preset does not read. */
  unexpected: string[];
  /** Columns of the preset (needed or optional) the header has. */
  shared: number;
  /** Columns the preset reads. */
  columns: number;
}

/** Compares a header (trimmed column names) with the columns a mapping reads. */
export function compareHeader(header: readonly string[], mapping: ProjectMapping): HeaderComparison {
  const columns = mappedColumns(mapping);
  const have = new Set(header);
  const known = new Set(columns.map((c) => c.column));
  return {
    missing: columns.filter((c) => !c.optional && !have.has(c.column)).map((c) => c.column),
    unexpected: [...new Set(header)].filter((h) => h !== '' && !known.has(h)),
    shared: columns.filter((c) => have.has(c.column)).length,
    columns: columns.length,
  };
}

export type PresetDetection =
  | { kind: 'exact'; name: string; mapping: ProjectMapping }
  | { kind: 'default'; name: string; mapping: ProjectMapping }
  | ({ kind: 'near'; name: string } & HeaderComparison);

/** Tells which preset fits `header` (see the module comment). */
export async function detectPreset(contentDir: string, header: readonly string[]): Promise<PresetDetection> {
  const names = await presetNames(contentDir);
  const presets = await Promise.all(names.map(async (name) => ({ name, mapping: await readPreset(contentDir, name) })));
  const compared = presets.map((p) => ({ ...p, cmp: compareHeader(header, p.mapping) }));
  const exact = compared.find((p) => p.cmp.shared > 0 && p.cmp.missing.length === 0 && p.cmp.unexpected.length === 0);
  // The default preset's own columns are just the default (nothing to say).
  if (exact && exact.name !== DEFAULT_PRESET) return { kind: 'exact', name: exact.name, mapping: exact.mapping };
  const fallback =
    compared.find((p) => p.name === DEFAULT_PRESET) ??
    ({ name: DEFAULT_PRESET, mapping: await readPreset(contentDir, DEFAULT_PRESET) } as const);
  const fallbackCmp = compareHeader(header, fallback.mapping);
  if (fallbackCmp.missing.length === 0) return { kind: 'default', name: fallback.name, mapping: fallback.mapping };
  const near = compared
    .filter((p) => p.cmp.shared >= 2 && p.cmp.shared * 2 >= p.cmp.columns)
    .sort((a, b) => b.cmp.shared / b.cmp.columns - a.cmp.shared / a.cmp.columns)[0];
  if (near) return { kind: 'near', name: near.name, ...near.cmp };
  return { kind: 'default', name: fallback.name, mapping: fallback.mapping };
}

const quoted = (columns: readonly string[]): string => columns.map((c) => `"${c}"`).join(', ');

/** The problem an import names when the header nearly matches a preset. */
export function nearMatchProblem(file: string, near: { name: string } & HeaderComparison): string {
  const parts = [
    near.missing.length > 0 ? `missing ${quoted(near.missing)}` : null,
    near.unexpected.length > 0 ? `unexpected ${quoted(near.unexpected)}` : null,
  ].filter((p): p is string => p !== null);
  return `${file}: row 1: the header nearly matches the preset "${near.name}" (${near.shared} of its ${near.columns} columns) but differs: ${parts.join('; ')} — correct the header, or name a preset or a mapping file`;
}

export interface ChosenPreset {
  name: string;
  mapping: ProjectMapping;
  /** True when the header matched the preset exactly (say so to the user). */
  matched: boolean;
}

/**
 * The preset for an import that names none: reads the header of `bytes` (CSV or JSON, as the import
 * would) and applies detectPreset; a near match throws invalid_file naming the preset and the columns.
 */
export async function choosePreset(
  contentDir: string,
  bytes: Uint8Array,
  options: { file: string; encoding?: TextEncoding; format?: 'csv' | 'json'; delimiter?: string },
): Promise<ChosenPreset> {
  const { text } = decodeText(bytes, options.file, options.encoding);
  const json = options.format === 'json' || (options.format === undefined && /\.json$/i.test(options.file));
  const header = readHeader(text.replace(/^\ufeff/, ''), json ? 'json' : 'csv', options.delimiter);
  const found = await detectPreset(contentDir, header);
  if (found.kind === 'near') throw invalidFile(options.file, [nearMatchProblem(options.file, found)]);
  return { name: found.name, mapping: found.mapping, matched: found.kind === 'exact' };
}

/** How the CLI and the admin page say that a preset was picked by its header. */
export const presetUsedNote = (name: string): string => `Using preset ${name} (header matches)`;

/** choosePreset for the file at `path` (named in problems as `options.file`, default `path`). */
export async function choosePresetForFile(
  contentDir: string,
  path: string,
  options: { file?: string; encoding?: TextEncoding; format?: 'csv' | 'json'; delimiter?: string } = {},
): Promise<ChosenPreset> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return choosePreset(contentDir, bytes, { ...options, file: options.file ?? path });
}
