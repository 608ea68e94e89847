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

/** The statistics document in the file at `path`; errors name the file as given. */
export async function readStatisticsFileAt(path: string): Promise<StatisticsDocument> {
  const bytes = await readImportFile(path);
  const { text } = decodeText(bytes, path);
  try {
    return readStatisticsDocument(text, basename(path));
  } catch (error) {
    if (error instanceof StatisticsFileError) throw invalidFile(path, [`${path}: ${error.path}: ${error.reason}`]);
    throw error;
  }
}
