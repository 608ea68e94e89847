/** Reads a programme file (YAML or JSON) from disk and validates it, naming the file in every problem. */
import { readFile } from 'node:fs/promises';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { parseProgrammeFile, type ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import { parseYamlOrJson } from '../import-files/read-structured-text.ts';

/** Parses a programme file's YAML or JSON text (chosen by extension) and validates it. */
export function parseProgrammeText(text: string, fileName: string): ProgrammeFile {
  const result = parseProgrammeFile(parseYamlOrJson(text, fileName));
  if (!result.ok) throw invalidFile(fileName, result.problems);
  return result.file;
}

export async function readProgrammeFile(path: string): Promise<ProgrammeFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return parseProgrammeText(text, path);
}
