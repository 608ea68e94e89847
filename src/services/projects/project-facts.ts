/**
 * The shipped facts files of projects (domain/projects/project-facts.ts): written by
 * `suunta import projects … --facts-out`, read and stored by the first-start seed.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { formatPath } from '#src/domain/programmes/programme-file.ts';
import { PROJECT_FACTS_FORMAT, projectFactsSchema, type ProjectFacts } from '#src/domain/projects/project-facts.ts';
import { REGION_NAMES_RULE } from '#src/domain/projects/region-selection.ts';
import type { Db } from '#src/storage/database.ts';
import { writeProjects, type ProjectImportResult } from './import-projects.ts';

/** Writes the facts file (pretty JSON, one line per short value: small and easy to review in a diff). */
export async function writeProjectFacts(path: string, facts: ProjectFacts): Promise<void> {
  const checked = projectFactsSchema.parse(facts);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(checked, null, 1)}\n`, 'utf8');
}

export async function readProjectFacts(path: string): Promise<ProjectFacts> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AppError('invalid_file', `${path}: cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = projectFactsSchema.safeParse(data);
  if (!parsed.success)
    throw invalidFile(
      path,
      parsed.error.issues.map((i) => `${path}: ${formatPath(i.path)}: ${i.message}`),
    );
  return parsed.data;
}

/** The project facts files under `contentDir/facts` (`projects-*.json`), sorted. */
export async function projectFactsFiles(contentDir: string): Promise<string[]> {
  const dir = join(contentDir, 'facts');
  try {
    return (await readdir(dir))
      .filter((f) => /^projects-.*\.json$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Stores the projects of a facts file in its region (added or updated by code, in one transaction). */
export async function storeProjectFacts(
  db: Db,
  facts: ProjectFacts,
  at: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  return writeProjects(db, facts.region, facts.projects, at);
}

/** The facts file of an import made with `collect` (and maybe `selectRegion`). */
export function projectFactsOf(
  result: ProjectImportResult,
  source: {
    file: string;
    region: string;
    publisher: string;
    licence: string;
    mapping: string;
    command: string;
    made?: Date;
  },
): ProjectFacts {
  return {
    format: PROJECT_FACTS_FORMAT,
    region: source.region,
    source: {
      file: source.file,
      publisher: source.publisher,
      licence: source.licence,
      made: (source.made ?? new Date()).toISOString().slice(0, 10),
      mapping: source.mapping,
      selection: result.notSelected !== undefined ? REGION_NAMES_RULE : null,
      rows: result.rows,
      command: source.command,
    },
    projects: result.projects ?? [],
  };
}
