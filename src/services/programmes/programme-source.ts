/** Reads a programme file (YAML or JSON) from disk and validates it, naming the file in every problem. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { parseProgrammeFile, type ProgrammeFile } from '#src/domain/programmes/programme-file.ts';

/** Parses YAML or JSON text (chosen by extension; YAML is a superset of JSON for anything else). */
export function parseProgrammeText(text: string, fileName: string): ProgrammeFile {
  let data: unknown;
  if (extname(fileName).toLowerCase() === '.json') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw invalidFile(fileName, [`not valid JSON: ${(error as Error).message}`]);
    }
  } else {
    // linePos is only filled in with prettyErrors, which also rewrites the message; count lines ourselves.
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
    if (doc.errors.length > 0) {
      throw invalidFile(
        fileName,
        doc.errors.map((e) => {
          const at = lineCounter.linePos(e.pos[0]);
          return `not valid YAML at line ${at.line}, column ${at.col}: ${e.message.split('\n')[0]}`;
        }),
      );
    }
    data = doc.toJS();
  }
  const result = parseProgrammeFile(data);
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
