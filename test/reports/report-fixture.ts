/**
 * Data for the annual report tests: Kymenlaakso's population 2022–2024 (the region and the whole
 * country, 2024 preliminary) imported through the reviewed statistics import, three projects
 * imported through the project import (one started in 2024 with ERDF money granted for 2024, one
 * started in 2023 and ended in 2024 with ESF+ money for 2024, one started in 2024 with JTF money
 * for 2025 only), and a financing plan of version 2 for 2024.
 */
import assert from 'node:assert/strict';
import type { AppContext } from '#src/services/app-context.ts';
import { importFinancingPlan } from '#src/services/financing-plan/import-financing-plan.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { importProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';

export const REPORT_YEAR = 2024;
export const REPORT_PATH = '/kymenlaakso/2022-2025/reports/2024/';

const POPULATION: Record<string, Record<string, number>> = {
  MK08: { '2022': 160104, '2023': 159155, '2024': 158465 },
  SSS: { '2022': 5563970, '2023': 5603851, '2024': 5635971 },
};

function populationFile(): Uint8Array {
  const areas = Object.keys(POPULATION);
  const years = ['2022', '2023', '2024'];
  const values = areas.flatMap((a) => years.map((y) => POPULATION[a]![y]!));
  const index = (codes: string[]) => Object.fromEntries(codes.map((c, i) => [c, i]));
  const dataset = {
    version: '2.0',
    class: 'dataset',
    label: 'Väestö 31.12. (test)',
    updated: '2025-03-28T05:00:00Z',
    id: ['Alue', 'Vuosi', 'Tiedot'],
    size: [areas.length, years.length, 1],
    role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
    dimension: {
      Alue: { label: 'Alue', category: { index: index(areas), label: { MK08: 'Kymenlaakso', SSS: 'KOKO MAA' } } },
      Vuosi: { label: 'Vuosi', category: { index: index(years) } },
      Tiedot: { label: 'Tiedot', category: { index: { vaesto: 0 }, label: { vaesto: 'Väestö 31.12.' } } },
    },
    value: values,
    // 2024 is preliminary in both areas.
    status: { '2': 'p', '5': 'p' },
    extension: { px: { tableid: 'statfin_vaerak_pxt_11ra' } },
  };
  return new TextEncoder().encode(JSON.stringify(dataset));
}

const PROJECTS = [
  'code,name_fi,name_en,lead_organisation,municipalities,start_date,end_date,status,primary_node,fund,year,granted_eur',
  'R24-001,Satamien digitaalinen kaksonen,Digital twin of the ports,Kaakkois-Suomen ammattikorkeakoulu Oy,Kotka,1.3.2024,31.12.2026,running,uudistuva-elinkeinoelama,ERDF,2024,120000.50',
  'R23-002,Osaajat kasvuyrityksiin,Skilled people for growth companies,Kouvolan kaupunki,Kouvola,1.1.2023,30.6.2024,ended,osaaminen-ja-koulutus,ESF+,2024,50000',
  'R24-003,Kiertotalouden kokeilut,Circular economy trials,Cursor Oy,Kotka,1.9.2024,31.8.2026,running,uudistuva-elinkeinoelama,JTF,2025,10000',
].join('\n');

const PLAN = [
  'node,fund,year,amount',
  'uudistuva-elinkeinoelama,ERDF,2024,200000',
  'osaaminen-ja-koulutus,ESF+,2024,75000',
].join('\n');

/** Imports the figures, projects and plan through the services the CLI and admin use. */
export async function prepareReportData(ctx: AppContext): Promise<void> {
  const stats = await importStatistics(ctx.db, {
    bytes: populationFile(),
    fileName: 'vaesto-2022-2024.json',
    region: '08',
    actor: { userId: null, label: 'test' },
  });
  assert.equal(stats.written, true, 'the population figures were imported');
  const projects = await importProjects(ctx.db, new TextEncoder().encode(PROJECTS), {
    regionCode: '08',
    mapping: await readPreset(ctx.config.contentDir, 'suunta'),
    file: 'projects.csv',
  });
  assert.ok(projects, 'the projects were imported');
  await importFinancingPlan(ctx.db, new TextEncoder().encode(PLAN), {
    regionCode: '08',
    programme: '2022-2025',
    version: 2,
    file: 'plan.csv',
  });
  ctx.reader.invalidate();
}
