/**
 * The problems of a project import as table rows. The import service names every problem as one
 * line, `FILE: row N (line L), column "X": reason` (see services/projects/import-projects.ts, the
 * same text the command line prints); this splits such a line back into its place and reason for
 * the admin page's table. A line of another shape keeps its whole text as the reason.
 */
import type { AppError } from '#src/domain/errors.ts';
import type { ImportProblem } from '#src/views/admin/projects/project-import-page.tsx';

/** How many problems a page lists (the service keeps the first 50 as well). */
export const SHOWN_PROBLEMS = 50;

const PLACE = /^(?:(row|item) (\d+)(?: \(lines? [^)]*\))?(?:, |: ))?(?:column "(.*?)": )?([\s\S]*)$/;

/** One problem line as a table row; `file` is the name the import was given. */
export function parseProblem(file: string, line: string): ImportProblem {
  const text = line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line;
  const m = PLACE.exec(text);
  if (!m) return { place: null, column: null, reason: text };
  const place = m[1] === undefined ? null : { kind: m[1] as 'row' | 'item', n: Number(m[2]) };
  return { place, column: m[3] ?? null, reason: m[4]! };
}

/** The problems of a refused import (an `invalid_file` or `bad_request` error): the first 50 as rows, and the total. */
export function refusedProblems(file: string, error: AppError): { problems: ImportProblem[]; total: number } {
  if (error.details.length === 0) return { problems: [{ place: null, column: null, reason: error.message }], total: 1 };
  const more = /^… and (\d+) more problems$/;
  const shown = error.details.filter((d) => !more.test(d));
  const hidden = error.details.map((d) => more.exec(d)).find((m) => m !== null);
  const fromMessage = /: (\d+) problem\(s\) found/.exec(error.message);
  const total = fromMessage ? Number(fromMessage[1]) : shown.length + (hidden ? Number(hidden[1]) : 0);
  return { problems: shown.slice(0, SHOWN_PROBLEMS).map((d) => parseProblem(file, d)), total };
}

/** The problems of the rows an import skipped: the first 50 as rows, and the total. */
export function skippedProblems(
  file: string,
  problems: readonly string[],
): { problems: ImportProblem[]; total: number } {
  return { problems: problems.slice(0, SHOWN_PROBLEMS).map((p) => parseProblem(file, p)), total: problems.length };
}
