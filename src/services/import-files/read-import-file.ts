/** Reading an import file from disk, shared by the CLI imports. */
import { readFile } from 'node:fs/promises';
import { AppError } from '#src/domain/errors.ts';

/** The bytes of `path`; an invalid_file error naming the file and the reason when it cannot be read. */
export async function readImportFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}
