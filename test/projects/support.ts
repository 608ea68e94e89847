/** Shared helpers of the project tests: CSV text from rows, and the AppError an import throws. */
import assert from 'node:assert/strict';
import { AppError } from '#src/domain/errors.ts';

/** CSV text from rows, quoting what needs quotes; `sep` is the separator. */
export function csv(rows: readonly (readonly string[])[], sep = ','): string {
  const cell = (v: string): string => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(sep)).join('\n') + '\n';
}

/** Runs `work`, expecting an `invalid_file` AppError; returns its message and details. */
export async function rejection(
  work: () => Promise<unknown>,
): Promise<{ message: string; details: readonly string[] }> {
  try {
    await work();
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, 'invalid_file', error.message);
    return { message: error.message, details: error.details };
  }
  assert.fail('the file was accepted');
}
