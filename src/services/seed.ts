/**
 * First-start seeding: the regions and municipalities from the shipped facts file, then every
 * programme file under content/programmes/, the indicator definitions of content/indicators/ with the
 * figures of content/facts/statistics/ (and, unless turned off, the projects). Runs only on an empty database.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { invalidFile } from '#src/domain/errors.ts';
import { municipalityFactsSchema, type MunicipalityFacts } from '#src/domain/municipality-facts.ts';
import { formatPath } from '#src/domain/programmes/programme-file.ts';
import { slugify } from '#src/lib/slug.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import {
  countMunicipalities,
  replaceMunicipalities,
  replaceSubregions,
  upsertRegions,
} from '#src/storage/repositories/regions-repository.ts';
import { contentChangedEverywhere } from './freshness.ts';
import { importProgramme } from './programmes/import-programme.ts';
import { readProgrammeFile } from './programmes/programme-source.ts';
import { projectFactsFiles, readProjectFacts, storeProjectFacts } from './projects/project-facts.ts';
import { markSearchIndexCurrent } from './reindex-search.ts';
import { seedConsultationRounds } from './consultation/seed-rounds.ts';
import { seedIndicators } from './indicators/seed-indicators.ts';

export async function readMunicipalityFacts(path: string): Promise<MunicipalityFacts> {
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = municipalityFactsSchema.safeParse(data);
  if (!parsed.success)
    throw invalidFile(
      path,
      parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    );
  return parsed.data;
}

/** Writes the regions and municipalities of `facts` (replacing the municipality list). */
export async function storeMunicipalityFacts(
  db: Executor,
  facts: MunicipalityFacts,
): Promise<{ regions: number; added: number; updated: number; removed: number }> {
  await upsertRegions(
    db,
    facts.regions.map((r, i) => ({
      code: r.code,
      slug: slugify(r.name.fi),
      name: r.name,
      statfinCode: `MK${r.code}`,
      position: i,
    })),
  );
  const counts = await replaceMunicipalities(
    db,
    facts.municipalities.map((m) => ({
      code: m.code,
      regionCode: m.region,
      name: m.name,
      languages: m.languages,
      classificationYear: facts.year,
      subregionCode: facts.subregions === undefined ? undefined : (m.subregion ?? null),
    })),
  );
  // A classification without subregion columns leaves the stored subregions as they are.
  if (facts.subregions !== undefined)
    await replaceSubregions(
      db,
      facts.subregions.map((s) => ({ code: s.code, regionCode: s.region, name: s.name })),
    );
  // Municipalities are written all together (never one region's alone): every region's facts change.
  await contentChangedEverywhere(db, ['region']);
  return { regions: facts.regions.length, ...counts };
}

export interface SeedResult {
  seeded: boolean;
  programmes: string[];
  /** Projects stored from the shipped project facts. */
  projects: number;
  /** Indicators defined from content/indicators/ and figures stored from content/facts/statistics/. */
  indicators: number;
  observations: number;
}

/**
 * Seeds an empty database from `contentDir`; does nothing when municipalities exist already. With
 * `projects` (the default) the projects of content/facts/projects-*.json are stored too, after the
 * programmes (so that links, where a facts file has them, find their nodes).
 */
export async function seedIfEmpty(
  db: Db,
  contentDir: string,
  options: { projects?: boolean; now?: () => Date } = {},
): Promise<SeedResult> {
  if ((await countMunicipalities(db.kysely)) > 0)
    return { seeded: false, programmes: [], projects: 0, indicators: 0, observations: 0 };
  const facts = await readMunicipalityFacts(join(contentDir, 'facts', 'municipalities.json'));
  await inTransaction(db.kysely, (trx) => storeMunicipalityFacts(trx, facts));
  const dir = join(contentDir, 'programmes');
  const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const programmes: string[] = [];
  for (const f of files) {
    const summary = await importProgramme(db, await readProgrammeFile(join(dir, f)));
    programmes.push(summary.programmeId);
  }
  let projects = 0;
  if (options.projects !== false) {
    const at = (options.now ?? (() => new Date()))().toISOString();
    for (const path of await projectFactsFiles(contentDir)) {
      const counts = await storeProjectFacts(db, await readProjectFacts(path), at);
      projects += counts.added + counts.changed;
    }
  }
  const { indicators, observations } = await seedIndicators(db, contentDir, options.now);
  await seedConsultationRounds(db, contentDir, (options.now ?? (() => new Date()))());
  // Every node was indexed just now with the current rules: no rebuild is needed at start-up.
  await markSearchIndexCurrent(db.kysely);
  return { seeded: true, programmes, projects, indicators, observations };
}
