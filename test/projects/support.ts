/**
 * Shared helpers of the project tests: CSV text from rows, the AppError an import throws, and the
 * three Kymenlaakso projects the import tests (service and admin upload) read.
 */
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

/** Every column of the sample project list, in Suunta's own preset. */
export const PROJECT_COLUMNS = [
  'code',
  'name_fi',
  'name_en',
  'lead_organisation',
  'lead_business_id',
  'partners',
  'municipalities',
  'start_date',
  'end_date',
  'status',
  'primary_node',
  'terms',
  'fund',
  'year',
  'granted_eur',
  'paid_eur',
] as const;

/** Three projects: a running one with two municipalities and money, an ended one, a planned one without money. */
const PROJECT_ROWS = [
  [
    'KY-001',
    'Satamalogistiikan kehittäminen',
    'Developing port logistics',
    'Kotkan kaupunki',
    '',
    'Haminan kaupunki\nXAMK (1572860-0)',
    'Kotka; Hamina',
    '1.3.2023',
    '31.12.2025',
    'running',
    'uudistuva-elinkeinoelama',
    'spearheads/logistics',
    'EAKR',
    '2024',
    '25 000 000,00',
    '1.234.567,89',
  ],
  [
    'KY-002',
    'Kouvolan osaamiskeskus',
    '',
    'Kouvolan kaupunki',
    '0206714-5',
    '',
    '286',
    '1.1.2019',
    '31.12.2021',
    'ended',
    '',
    '',
    'ESR',
    '',
    '443909',
    '',
  ],
  [
    'KY-003',
    'Kylien digitaidot',
    '',
    '',
    '',
    '',
    'Pyttis',
    '2026-01-01',
    '',
    'planned',
    '',
    'crosscutting/digitalisation',
    '',
    '',
    '',
    '',
  ],
];

/** The sample projects' cells for `columns` (a subset of PROJECT_COLUMNS, in any order). */
export function sampleProjectRows(columns: readonly (typeof PROJECT_COLUMNS)[number][]): string[][] {
  return PROJECT_ROWS.map((row) => columns.map((c) => row[PROJECT_COLUMNS.indexOf(c)]!));
}
