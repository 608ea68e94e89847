/** Writes the rows an import skipped (`--skip-invalid`) to a CSV file: row, lines, the reasons, and the row as written. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { toCsv } from '#src/lib/csv.ts';
import type { RejectedRow } from './import-projects.ts';

export function rejectsCsv(rejected: readonly RejectedRow[]): string {
  return toCsv(
    ['row', 'lines', 'problems', 'raw'],
    rejected.map((r) => [
      r.row,
      r.line === r.endLine ? String(r.line) : `${r.line}-${r.endLine}`,
      r.problems.join('; '),
      r.raw,
    ]),
  );
}

export async function writeRejectsFile(path: string, rejected: readonly RejectedRow[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, rejectsCsv(rejected), 'utf8');
}
