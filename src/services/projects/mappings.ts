/**
 * Column mappings for project imports: the built-in presets in content/mappings/ (by name) or a
 * mapping file of the user's own, checked against the mapping schema.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { mappingSchema, type ProjectMapping } from '#src/domain/projects/mapping.ts';

/** The preset used when an import names neither a mapping nor a preset: Suunta's own columns. */
export const DEFAULT_PRESET = 'suunta';

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw invalidFile(path, [`${path}: not valid JSON: ${(error as Error).message}`]);
  }
}

/** Checks a mapping (read from `path`, named in errors). */
export function parseMapping(data: unknown, path: string): ProjectMapping {
  const parsed = mappingSchema.safeParse(data);
  if (!parsed.success) {
    throw invalidFile(
      path,
      parsed.error.issues.map((i) => `${path}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`),
    );
  }
  return parsed.data;
}

export async function readMappingFile(path: string): Promise<ProjectMapping> {
  return parseMapping(await readJson(path), path);
}

/** Names of the shipped presets. */
export async function presetNames(contentDir: string): Promise<string[]> {
  try {
    return (await readdir(join(contentDir, 'mappings')))
      .filter((f) => f.endsWith('.json'))
      .map((f) => basename(f, '.json'))
      .sort();
  } catch {
    return [];
  }
}

export async function readPreset(contentDir: string, name: string): Promise<ProjectMapping> {
  const names = await presetNames(contentDir);
  if (!names.includes(name))
    throw new AppError('bad_request', `there is no mapping preset "${name}" (presets: ${names.join(', ') || 'none'})`);
  return readMappingFile(join(contentDir, 'mappings', `${name}.json`));
}
