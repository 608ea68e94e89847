/** Parsers and descriptions of the options several commands share. */
import { InvalidArgumentError } from 'commander';
import { ENCODING_NAMES, encodingFromName, type TextEncoding } from '#src/services/import-files/decode-text.ts';

export const REGION_HELP = 'region code, e.g. 08 (Kymenlaakso)';
export const PERIOD_HELP = 'programme period (its slug), e.g. 2022-2025';

/** `--region 8`, `08` or `MK08` → "08". */
export function regionCode(value: string): string {
  const m = /^(?:MK)?(\d{1,2})$/i.exec(value.trim());
  if (!m?.[1]) throw new InvalidArgumentError('must be a region code such as 08');
  return m[1].padStart(2, '0');
}

/** `--encoding latin1` → 'windows-1252'. */
export function encoding(value: string): TextEncoding {
  const e = encodingFromName(value);
  if (!e) throw new InvalidArgumentError(`must be one of ${ENCODING_NAMES.join(', ')}`);
  return e;
}

/** `--version 2` → 2. */
export function versionNumber(value: string): number {
  if (!/^\d{1,4}$/.test(value.trim()) || Number(value) < 1)
    throw new InvalidArgumentError('must be a version number such as 2');
  return Number(value);
}
