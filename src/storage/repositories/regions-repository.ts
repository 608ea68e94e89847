/** Regions and their municipalities (the council of a region is in council-repository.ts). */
import type { Municipality, Region, Subregion } from '#src/domain/read-models.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { RegionTable } from '../schema.ts';

export interface RegionRow {
  code: string;
  slug: string;
  name: { fi: string; sv: string; en: string };
  statfinCode: string;
  position: number;
}

export interface MunicipalityRow {
  code: string;
  regionCode: string;
  name: { fi: string; sv: string; en: string };
  languages: string;
  classificationYear: number;
  /** undefined: keep the stored one (a classification without subregion columns says nothing of them). */
  subregionCode: string | null | undefined;
}

function toRegion(r: Selectable<RegionTable>): Region {
  return {
    code: r.code,
    slug: r.slug,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    statfinCode: r.statfin_code,
  };
}

export async function upsertRegions(db: Executor, regions: readonly RegionRow[]): Promise<void> {
  for (const r of regions) {
    const values = {
      code: r.code,
      slug: r.slug,
      name_fi: r.name.fi,
      name_sv: r.name.sv,
      name_en: r.name.en,
      statfin_code: r.statfinCode,
      position: r.position,
    } satisfies Insertable<RegionTable>;
    const { code: _code, ...changes } = values;
    await db
      .insertInto('regions')
      .values(values)
      .onConflict((oc) => oc.column('code').doUpdateSet(changes))
      .execute();
  }
}

export async function listRegions(db: Executor): Promise<Region[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('position').orderBy('code').execute();
  return rows.map(toRegion);
}

export async function findRegion(db: Executor, by: { code: string } | { slug: string }): Promise<Region | null> {
  let q = db.selectFrom('regions').selectAll();
  q = 'code' in by ? q.where('code', '=', by.code) : q.where('slug', '=', by.slug);
  const row = await q.executeTakeFirst();
  return row ? toRegion(row) : null;
}

/**
 * Replaces the municipality list with `rows` (the whole classification): inserts new codes,
 * updates changed ones and removes codes that no longer exist (e.g. after a merger).
 * Returns counts of what changed.
 */
export async function replaceMunicipalities(
  db: Executor,
  rows: readonly MunicipalityRow[],
): Promise<{ added: number; updated: number; removed: number }> {
  const existing = new Map((await db.selectFrom('municipalities').selectAll().execute()).map((m) => [m.code, m]));
  let added = 0;
  let updated = 0;
  for (const m of rows) {
    const values = {
      code: m.code,
      region_code: m.regionCode,
      name_fi: m.name.fi,
      name_sv: m.name.sv,
      name_en: m.name.en,
      languages: m.languages,
      classification_year: m.classificationYear,
      subregion_code: m.subregionCode === undefined ? (existing.get(m.code)?.subregion_code ?? null) : m.subregionCode,
    };
    const old = existing.get(m.code);
    existing.delete(m.code);
    if (!old) {
      await db.insertInto('municipalities').values(values).execute();
      added += 1;
    } else if (
      old.region_code !== values.region_code ||
      old.name_fi !== values.name_fi ||
      old.name_sv !== values.name_sv ||
      old.name_en !== values.name_en ||
      old.languages !== values.languages ||
      old.classification_year !== values.classification_year ||
      old.subregion_code !== values.subregion_code
    ) {
      await db.updateTable('municipalities').set(values).where('code', '=', m.code).execute();
      updated += 1;
    }
  }
  const gone = [...existing.keys()];
  if (gone.length > 0) await db.deleteFrom('municipalities').where('code', 'in', gone).execute();
  return { added, updated, removed: gone.length };
}

export async function listMunicipalities(db: Executor, regionCode?: string): Promise<Municipality[]> {
  let q = db.selectFrom('municipalities').selectAll();
  if (regionCode !== undefined) q = q.where('region_code', '=', regionCode);
  const rows = await q.orderBy('name_fi').execute();
  return rows.map((m) => ({
    code: m.code,
    regionCode: m.region_code,
    name: { fi: m.name_fi, sv: m.name_sv, en: m.name_en },
    languages: m.languages,
    subregionCode: m.subregion_code,
  }));
}

/**
 * Replaces the subregion list with `rows` (the whole classification's): inserts and updates them,
 * removes codes that no longer exist. Call after the municipalities are written.
 */
export async function replaceSubregions(
  db: Executor,
  rows: readonly { code: string; regionCode: string; name: { fi: string; sv: string; en: string } }[],
): Promise<void> {
  const keep = new Set(rows.map((r) => r.code));
  for (const r of rows) {
    const values = {
      code: r.code,
      region_code: r.regionCode,
      name_fi: r.name.fi,
      name_sv: r.name.sv,
      name_en: r.name.en,
    };
    const { code: _code, ...changes } = values;
    await db
      .insertInto('subregions')
      .values(values)
      .onConflict((oc) => oc.column('code').doUpdateSet(changes))
      .execute();
  }
  const gone = (await db.selectFrom('subregions').select('code').execute())
    .map((r) => r.code)
    .filter((c) => !keep.has(c));
  if (gone.length > 0) await db.deleteFrom('subregions').where('code', 'in', gone).execute();
}

export async function listSubregions(db: Executor, regionCode?: string): Promise<Subregion[]> {
  let q = db.selectFrom('subregions').selectAll();
  if (regionCode !== undefined) q = q.where('region_code', '=', regionCode);
  const rows = await q.orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    regionCode: r.region_code,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
  }));
}

export async function countMunicipalities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
