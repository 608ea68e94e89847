/**
 * Reading a statistics file from disk for `inspect statistics` (and the statistics import): the
 * bytes, decoded (UTF-8, or Windows-1252 when the bytes are not UTF-8), read by the domain readers.
 * A file problem becomes an invalid_file AppError whose detail is `file: path: reason`.
 */
import { basename } from 'node:path';
import { invalidFile } from '#src/domain/errors.ts';
import { StatisticsFileError } from '#src/domain/statistics/dataset.ts';
import { readStatisticsDocument, type StatisticsDocument } from '#src/domain/statistics/read-statistics.ts';
import { decodeText } from './decode-text.ts';
import { readImportFile } from './read-import-file.ts';

/**
 * The statistics document in `bytes` (a file's or an upload's); `name` is the file as the user gave it,
 * named in errors, and its base name tells the readers the language (`…-sv.json`).
 */
export function readStatisticsBytes(
  bytes: Uint8Array,
  name: string,
  detail: 'with-file' | 'path-only' = 'with-file',
): StatisticsDocument {
  const { text } = decodeText(bytes, name);
  try {
    return readStatisticsDocument(text, basename(name));
  } catch (error) {
    if (error instanceof StatisticsFileError)
      throw invalidFile(name, [
        detail === 'with-file' ? `${name}: ${error.path}: ${error.reason}` : `${error.path}: ${error.reason}`,
      ]);
    throw error;
  }
}

/** The statistics document in the file at `path`; errors name the file as given. */
export async function readStatisticsFileAt(path: string): Promise<StatisticsDocument> {
  return readStatisticsBytes(await readImportFile(path), path);
}
