/**
 * Writes the population figures (the region's and its two subregions') of the "Kymenlaakso tänään" section (2022 update), as the domain
 * notes record them (../shared/domain/kymenlaakso-2022-2025.yaml, region.baseline_facts), as one
 * JSON-stat 2.0 dataset shaped like Statistics Finland's population table 11ra (the figures are
 * Statistics Finland's), for `suunta import statistics` to read. Used by make-statistics-facts.sh.
 *
 *   node --import tsx scripts/domain-figures-jsonstat.ts DOMAIN_YAML > figures.json
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const file = process.argv[2] ?? '../shared/domain/kymenlaakso-2022-2025.yaml';
const domain = parse(readFileSync(file, 'utf8')) as {
  region: { baseline_facts: Record<string, number> };
};
const f = domain.region.baseline_facts;
const need = (key: string): number => {
  const v = f[key];
  if (typeof v !== 'number') throw new Error(`${file}: region.baseline_facts.${key} is missing`);
  return v;
};
// Population on 1 January 2021 (preliminary) = at the end of 2020 within the 2021 borders (Iitti moved
// to Päijät-Häme on 1.1.2021); end of 2021. The end-2020 figure with the old borders (169 437) is not
// comparable and is left out.
const population2020 = need('population_2021_01_01_preliminary');
const population2021 = need('population_end_2021');
const over64 = need('share_aged_over_64_2021_pct');
// The two subregions' populations at the end of 2021 (they sum to the region's 161 391).
const kouvola2021 = need('population_end_2021_kouvola_subregion');
const kotkaHamina2021 = need('population_end_2021_kotka_hamina_subregion');
if (kouvola2021 + kotkaHamina2021 !== population2021)
  throw new Error(`${file}: the subregions' populations do not add up to the region's (${population2021})`);

const dataset = {
  version: '2.0',
  class: 'dataset',
  label: 'Kymenlaakso tänään (2022 update): population figures',
  source: `Statistics Finland, as quoted in "Kymenlaakso tänään", maakuntaohjelma.kymenlaakso.fi (2022 update); from ${file}`,
  updated: '2022-12-19T00:00:00Z',
  id: ['Alue', 'Vuosi', 'Tiedot'],
  size: [3, 2, 2],
  role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
  dimension: {
    Alue: {
      label: 'Alue',
      category: {
        index: { MK08: 0, SK081: 1, SK082: 2 },
        label: { MK08: 'Kymenlaakso', SK081: 'Kouvolan seutukunta', SK082: 'Kotkan-Haminan seutukunta' },
      },
    },
    Vuosi: { label: 'Vuosi', category: { index: { 2020: 0, 2021: 1 }, label: { 2020: '2020', 2021: '2021' } } },
    Tiedot: {
      label: 'Tiedot',
      category: {
        index: { vaesto: 0, vaesto_yli64_osuus: 1 },
        label: { vaesto: 'Väkiluku 31.12.', vaesto_yli64_osuus: 'Yli 64-vuotiaiden osuus väestöstä, %' },
        unit: { vaesto: { base: 'henkilöä', decimals: 0 }, vaesto_yli64_osuus: { base: 'prosenttia', decimals: 1 } },
      },
    },
  },
  // Row-major (Alue, Vuosi, Tiedot): MK08 2020 (vaesto, share), MK08 2021, SK081 2020, SK081 2021,
  // SK082 2020, SK082 2021; the notes give the subregions' figures for 2021 only.
  value: [
    population2020,
    null,
    population2021,
    over64,
    null,
    null,
    kouvola2021,
    null,
    null,
    null,
    kotkaHamina2021,
    null,
  ],
  status: { 0: 'p' },
  extension: { px: { tableid: 'statfin_vaerak_pxt_11ra', decimals: 0 } },
};
process.stdout.write(`${JSON.stringify(dataset, null, 1)}\n`);
