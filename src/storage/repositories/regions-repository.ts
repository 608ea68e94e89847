/** Regions, their municipalities and the regional council with its offices and contacts. */
import type { Council, Municipality, Region } from '#src/domain/read-models.ts';
import type { Executor } from '../executor.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';

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
}

function toRegion(r: {
  code: string;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  statfin_code: string;
}): Region {
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
    };
    await db
      .insertInto('regions')
      .values(values)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          slug: r.slug,
          name_fi: r.name.fi,
          name_sv: r.name.sv,
          name_en: r.name.en,
          statfin_code: r.statfinCode,
          position: r.position,
        }),
      )
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
      old.classification_year !== values.classification_year
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
  }));
}

export async function countMunicipalities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Replaces the council of a region with its offices and contacts. */
export async function replaceCouncil(db: Executor, council: Council): Promise<void> {
  const values = {
    name: textToJson(council.name) ?? '{}',
    business_id: council.businessId,
    email: council.email,
    web: council.web,
  };
  const existing = await db
    .selectFrom('councils')
    .select('revision')
    .where('region_code', '=', council.regionCode)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('councils')
      .set({ ...values, revision: existing.revision + 1 })
      .where('region_code', '=', council.regionCode)
      .execute();
  } else {
    await db
      .insertInto('councils')
      .values({ region_code: council.regionCode, ...values, revision: 1 })
      .execute();
  }
  await db.deleteFrom('offices').where('region_code', '=', council.regionCode).execute();
  await db.deleteFrom('contacts').where('region_code', '=', council.regionCode).execute();
  let position = 0;
  for (const o of council.offices) {
    await db
      .insertInto('offices')
      .values({
        region_code: council.regionCode,
        key: o.key,
        kind: o.kind,
        position: position++,
        name: textToJson(o.name) ?? '{}',
        postal_address: o.postalAddress,
        visiting_address: o.visitingAddress,
        hours: textToJson(o.hours),
        phone: o.phone,
        email: o.email,
      })
      .execute();
  }
  position = 0;
  for (const c of council.contacts) {
    await db
      .insertInto('contacts')
      .values({
        region_code: council.regionCode,
        position: position++,
        name: c.name,
        role: textToJson(c.role) ?? '{}',
        topic: textToJson(c.topic),
        email: c.email,
        phone: c.phone,
      })
      .execute();
  }
}

export async function findCouncil(db: Executor, regionCode: string): Promise<Council | null> {
  const row = await db.selectFrom('councils').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
  if (!row) return null;
  const offices = await db
    .selectFrom('offices')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .execute();
  const contacts = await db
    .selectFrom('contacts')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .execute();
  return {
    regionCode,
    name: requiredTextFromJson(row.name),
    businessId: row.business_id,
    email: row.email,
    web: row.web,
    offices: offices.map((o) => ({
      key: o.key,
      kind: o.kind === 'branch' ? 'branch' : 'main',
      name: requiredTextFromJson(o.name),
      postalAddress: o.postal_address,
      visitingAddress: o.visiting_address,
      hours: textFromJson(o.hours),
      phone: o.phone,
      email: o.email,
    })),
    contacts: contacts.map((c) => ({
      name: c.name,
      role: requiredTextFromJson(c.role),
      topic: textFromJson(c.topic),
      email: c.email,
      phone: c.phone,
    })),
  };
}
