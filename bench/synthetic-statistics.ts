/**
 * A synthetic JSON-stat 2.0 dataset for `npm run bench:statistics` (fixed seed) and the bench-only
 * indicator definitions that read every cell of it. Five dimensions, row-major:
 * Alue (geo: the whole country, the 19 regions and municipalities from content/facts, 100 areas
 * Suunta holds) × Vuosi (time, 25 years) × Sukupuoli (5) × Ikä (10) × Tiedot (metric, 8 contents)
 * = 1 000 000 cells. An indicator fixes one content and one category of each other dimension, so
 * 8 × 5 × 10 = 400 indicators turn the 1 000 000 cells into as many observations. Statuses are
 * sparse: 2 % of cells are empty with `..` (confidential), 1 % carry `p` (preliminary) beside their value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './synthetic-projects.ts';

export const TABLE_ID = 'bench_synthetic_1m';
const YEARS = Array.from({ length: 25 }, (_x, i) => String(2000 + i));
const SEXES = ['SSS', '1', '2', '3', '4'];
const AGES = Array.from({ length: 10 }, (_x, i) => (i === 0 ? 'SSS' : String(i * 10).padStart(3, '0')));
const CONTENTS = Array.from({ length: 8 }, (_x, i) => `sisalto${i + 1}`);

interface Facts {
  regions: { code: string; name: { fi: string } }[];
  municipalities: { code: string; name: { fi: string } }[];
}

/** The 100 areas: SSS, MK01…MK21 (those Suunta holds) and the first municipalities. */
function areas(root: string): { code: string; label: string }[] {
  const facts = JSON.parse(readFileSync(join(root, 'content/facts/municipalities.json'), 'utf8')) as Facts;
  const out = [
    { code: 'SSS', label: 'KOKO MAA' },
    ...facts.regions.map((r) => ({ code: `MK${r.code}`, label: r.name.fi })),
    ...facts.municipalities.map((m) => ({ code: `KU${m.code}`, label: m.name.fi })),
  ];
  return out.slice(0, 100);
}

const category = (codes: readonly { code: string; label: string }[]) => ({
  index: codes.map((c) => c.code),
  label: Object.fromEntries(codes.map((c) => [c.code, c.label])),
});
const plain = (codes: readonly string[]) => codes.map((code) => ({ code, label: code }));

export interface SyntheticStatistics {
  /** The JSON-stat 2.0 text. */
  text: string;
  cells: number;
  /** Cells that are empty with a status. */
  emptyWithStatus: number;
  /** The definitions file (JSON, format suunta.indicators/1) for region 08. */
  definitions: string;
  indicators: number;
}

export function generateStatistics(root: string, seed: number): SyntheticStatistics {
  const rnd = prng(seed);
  const alue = areas(root);
  const sizes = [alue.length, YEARS.length, SEXES.length, AGES.length, CONTENTS.length];
  const cells = sizes.reduce((a, b) => a * b, 1);
  const values: string[] = new Array<string>(cells);
  const status: string[] = [];
  let empty = 0;
  for (let i = 0; i < cells; i++) {
    const r = rnd();
    if (r < 0.02) {
      values[i] = 'null';
      status.push(`"${i}":".."`);
      empty++;
      continue;
    }
    if (r < 0.03) status.push(`"${i}":"p"`);
    // Integers and one-decimal figures, as statistics offices publish them.
    const v = Math.floor(rnd() * 5_000_000);
    values[i] = i % 2 === 0 ? String(v) : `${Math.floor(v / 10)}.${v % 10}`;
  }
  const head = {
    version: '2.0',
    class: 'dataset',
    label: 'Synthetic bench table (1 000 000 cells)',
    source: 'Suunta bench',
    updated: '2025-03-28T08:00:00Z',
    id: ['Alue', 'Vuosi', 'Sukupuoli', 'Ikä', 'Tiedot'],
    size: sizes,
    role: { time: ['Vuosi'], geo: ['Alue'], metric: ['Tiedot'] },
    dimension: {
      Alue: { label: 'Alue', category: category(alue) },
      Vuosi: { label: 'Vuosi', category: category(plain(YEARS)) },
      Sukupuoli: { label: 'Sukupuoli', category: category(plain(SEXES)) },
      Ikä: { label: 'Ikä', category: category(plain(AGES)) },
      Tiedot: {
        label: 'Tiedot',
        category: {
          ...category(plain(CONTENTS)),
          unit: Object.fromEntries(CONTENTS.map((c) => [c, { base: 'lukumäärä', decimals: 1 }])),
        },
      },
    },
    extension: { px: { tableid: TABLE_ID }, status: { label: { '..': 'luottamuksellinen', p: 'ennakko' } } },
  };
  const headText = JSON.stringify(head);
  const text = `${headText.slice(0, -1)},"value":[${values.join(',')}],"status":{${status.join(',')}}}`;

  const indicators = CONTENTS.flatMap((content) =>
    SEXES.flatMap((sex) =>
      AGES.map((age) => ({
        code: `b-${content}-${sex}-${age}`.toLowerCase(),
        name: { fi: `Bench ${content} ${sex} ${age}`, sv: `Bench ${content} ${sex} ${age}`, en: `Bench ${content}` },
        unit: { fi: 'lukumäärä', sv: 'antal', en: 'number' },
        decimals: 1,
        direction: 'increase',
        group: 'bench',
        level: 'programme',
        source: {
          organisation: { fi: 'Suunta bench', sv: 'Suunta bench', en: 'Suunta bench' },
          table: TABLE_ID,
          content,
          filters: { Sukupuoli: sex, Ikä: age },
          licence: 'CC BY 4.0',
          frequency: 'annual',
        },
      })),
    ),
  );
  const definitions = JSON.stringify({
    format: 'suunta.indicators/1',
    region: '08',
    groups: [{ code: 'bench', name: { fi: 'Bench', sv: 'Bench', en: 'Bench' } }],
    indicators,
  });
  return { text, cells, emptyWithStatus: empty, definitions, indicators: indicators.length };
}
