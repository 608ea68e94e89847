/** Figures of Kymenlaakso's municipalities for the monitoring page tests (HTTP and browser). */
import assert from 'node:assert/strict';
import type { AppContext } from '#src/services/app-context.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';

/** A JSON-stat 2.0 collection: population and household debts of Kotka (debts confidential) and Kouvola in 2021. */
export function municipalityFile(): Uint8Array {
  const area = {
    label: 'Alue',
    category: { index: { KU285: 0, KU286: 1 }, label: { KU285: 'Kotka', KU286: 'Kouvola' } },
  };
  const year = { label: 'Vuosi', category: { index: { '2021': 0 }, label: { '2021': '2021' } } };
  const total = { label: 'SSS', category: { index: { SSS: 0 }, label: { SSS: 'SSS' } } };
  const collection = {
    version: '2.0',
    class: 'collection',
    label: 'Kymenlaakso municipalities 2021 (test)',
    link: {
      item: [
        {
          version: '2.0',
          class: 'dataset',
          label: 'Population',
          updated: '2022-12-19T00:00:00Z',
          id: ['Alue', 'Vuosi', 'Tiedot'],
          size: [2, 1, 1],
          role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
          dimension: {
            Alue: area,
            Vuosi: year,
            Tiedot: { label: 'Tiedot', category: { index: { vaesto: 0 }, label: { vaesto: 'Population' } } },
          },
          value: [51000, 80000],
          extension: { px: { tableid: 'statfin_vaerak_pxt_11ra' } },
        },
        {
          version: '2.0',
          class: 'dataset',
          label: 'Debts of household-dwelling units',
          updated: '2022-12-21T06:00:00Z',
          id: ['Alue', 'Vuosi', 'Tiedot', 'Viitehenkilön ikä', 'Asuntokunnat'],
          size: [2, 1, 1, 1, 1],
          role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
          dimension: {
            Alue: area,
            Vuosi: year,
            Tiedot: { label: 'Tiedot', category: { index: { velat_yht: 0 }, label: { velat_yht: 'Debts' } } },
            'Viitehenkilön ikä': { ...total, label: 'Viitehenkilön ikä' },
            Asuntokunnat: { ...total, label: 'Asuntokunnat' },
          },
          value: [null, 2000000000],
          status: { '0': '..' },
          extension: { px: { tableid: 'statfin_velk_pxt_13kt' } },
        },
      ],
    },
  };
  return new TextEncoder().encode(JSON.stringify(collection));
}

/** Imports {@link municipalityFile} through the reviewed statistics import (as `suunta import statistics` does). */
export async function importMunicipalityFigures(ctx: AppContext): Promise<void> {
  const result = await importStatistics(ctx.db, {
    bytes: municipalityFile(),
    fileName: 'municipalities-2021.json',
    region: '08',
    actor: { userId: null, label: 'test' },
  });
  assert.equal(result.written, true, 'the municipality figures were imported');
  ctx.reader.invalidate();
}
