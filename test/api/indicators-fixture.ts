/**
 * Municipal population figures for the monitoring API tests: a small Statistics Finland style
 * JSON-stat 2.0 file of the population table (statfin_vaerak_pxt_11ra, content `vaesto`) for Kotka
 * (KU285) and Kouvola (KU286), 2013–2024 with gaps, a preliminary figure and a confidential empty
 * cell, imported through the reviewed statistics import as any file would be.
 */
import assert from 'node:assert/strict';
import type { AppContext } from '#src/services/app-context.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';

const AREAS = ['KU285', 'KU286'];
const YEARS = Array.from({ length: 12 }, (_, i) => String(2013 + i));

/** KU285 has every year; KU286 misses 2013 and 2019, has `...` (confidential, no value) in 2016, `p` in 2024. */
function cell(area: string, year: string): { value: string | null; status?: string } | undefined {
  const y = Number(year);
  if (area === 'KU285') return { value: String(54000 - (y - 2013) * 311), ...(y === 2024 ? { status: 'p' } : {}) };
  if (y === 2013 || y === 2019) return undefined;
  if (y === 2016) return { value: null, status: '...' };
  return { value: String(85000 - (y - 2013) * 517), ...(y === 2024 ? { status: 'p' } : {}) };
}

/** The file's text: values written as JSON numbers (the exact decimals), `status` as a sparse object. */
export function municipalPopulationFile(): string {
  const values: string[] = [];
  const status: Record<string, string> = {};
  let i = 0;
  for (const a of AREAS)
    for (const y of YEARS) {
      const c = cell(a, y);
      values.push(c?.value ?? 'null');
      if (c?.status) status[String(i)] = c.status;
      i++;
    }
  const index = (codes: string[]) => Object.fromEntries(codes.map((c, n) => [c, n]));
  const label = (codes: string[], names: Record<string, string> = {}) =>
    Object.fromEntries(codes.map((c) => [c, names[c] ?? c]));
  const head = JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label: 'Väestö 31.12. muuttujina Alue, Vuosi ja Tiedot',
    source: 'Tilastokeskus, väestörakenne',
    updated: '2025-03-28T05:00:00Z',
    id: ['Alue', 'Vuosi', 'Tiedot'],
    size: [AREAS.length, YEARS.length, 1],
    role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
    dimension: {
      Alue: {
        label: 'Alue',
        category: { index: index(AREAS), label: label(AREAS, { KU285: 'Kotka', KU286: 'Kouvola' }) },
      },
      Vuosi: { label: 'Vuosi', category: { index: index(YEARS), label: label(YEARS) } },
      Tiedot: {
        label: 'Tiedot',
        category: {
          index: { vaesto: 0 },
          label: { vaesto: 'Väestö 31.12.' },
          unit: { vaesto: { base: 'henkilöä', decimals: 0 } },
        },
      },
    },
    status,
    extension: { px: { tableid: 'statfin_vaerak_pxt_11ra', decimals: 0 } },
  });
  return `${head.slice(0, -1)},"value":[${values.join(',')}]}`;
}

/** The number of observations the file holds (non-empty cells: a value or a status). */
export const MUNICIPAL_OBSERVATIONS = AREAS.flatMap((a) => YEARS.map((y) => cell(a, y))).filter(Boolean).length;

/** Imports the file for region 08 (writing it) and returns the number of new observations. */
export async function importMunicipalPopulation(ctx: AppContext): Promise<number> {
  const result = await importStatistics(ctx.db, {
    bytes: new TextEncoder().encode(municipalPopulationFile()),
    fileName: 'vaesto-kunnat.json',
    region: '08',
    actor: { userId: null, label: 'test' },
  });
  assert.equal(result.written, true, 'the municipal population file was written');
  assert.deepEqual(result.diff.totals, {
    added: MUNICIPAL_OBSERVATIONS,
    revised: 0,
    withdrawn: 0,
    unchanged: 0,
    unitChanges: 0,
  });
  return result.diff.totals.added;
}
