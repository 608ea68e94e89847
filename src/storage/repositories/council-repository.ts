/**
 * The regional council of a region (the organisation), with its offices and contacts. Every
 * update of an office or contact is conditional: `UPDATE … WHERE id = ? AND revision = ?` bumps
 * the revision and reports false when the row was changed (or removed) since it was read.
 */
import type { EditableContact, EditableOffice } from '#src/domain/programmes/editor-models.ts';
import type { Contact, Council, Office } from '#src/domain/read-models.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { ContactTable, OfficeTable } from '../schema.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';
import { deleted, updated } from './revisions.ts';

export type OfficeRow = EditableOffice;
export type OfficeValues = Omit<OfficeRow, 'id' | 'position' | 'revision'>;
export type ContactRow = EditableContact;
export type ContactValues = Omit<ContactRow, 'id' | 'position' | 'revision'>;

/** The tables of a council's ordered lists. */
export type CouncilList = 'offices' | 'contacts';

function toOfficeRow(o: Selectable<OfficeTable>): OfficeRow {
  return {
    id: o.id,
    key: o.key,
    kind: o.kind === 'branch' ? 'branch' : 'main',
    position: o.position,
    name: requiredTextFromJson(o.name),
    postalAddress: o.postal_address,
    visitingAddress: o.visiting_address,
    hours: textFromJson(o.hours),
    phone: o.phone,
    email: o.email,
    revision: o.revision,
  };
}

function toContactRow(c: Selectable<ContactTable>): ContactRow {
  return {
    id: c.id,
    position: c.position,
    name: c.name,
    role: requiredTextFromJson(c.role),
    topic: textFromJson(c.topic),
    email: c.email,
    phone: c.phone,
    revision: c.revision,
  };
}

const officeColumns = (o: OfficeValues) =>
  ({
    key: o.key,
    kind: o.kind,
    name: textToJson(o.name) ?? '{}',
    postal_address: o.postalAddress,
    visiting_address: o.visitingAddress,
    hours: textToJson(o.hours),
    phone: o.phone,
    email: o.email,
  }) satisfies Partial<Insertable<OfficeTable>>;

const contactColumns = (c: ContactValues) =>
  ({
    name: c.name,
    role: textToJson(c.role) ?? '{}',
    topic: textToJson(c.topic),
    email: c.email,
    phone: c.phone,
  }) satisfies Partial<Insertable<ContactTable>>;

const office = ({ id: _i, position: _p, revision: _r, ...o }: OfficeRow): Office => o;
const contact = ({ id: _i, position: _p, revision: _r, ...c }: ContactRow): Contact => c;

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
  for (const [position, o] of council.offices.entries()) await insertOffice(db, council.regionCode, position, o);
  for (const [position, c] of council.contacts.entries()) await insertContact(db, council.regionCode, position, c);
}

/** The council of a region with its offices and contacts in order, as the site shows it. */
export async function findCouncil(db: Executor, regionCode: string): Promise<Council | null> {
  const row = await db.selectFrom('councils').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
  if (!row) return null;
  const [offices, contacts] = await Promise.all([listOffices(db, regionCode), listContacts(db, regionCode)]);
  return {
    regionCode,
    name: requiredTextFromJson(row.name),
    businessId: row.business_id,
    email: row.email,
    web: row.web,
    offices: offices.map(office),
    contacts: contacts.map(contact),
  };
}

/** True when the region has a council row (offices and contacts belong to it). */
export async function councilExists(db: Executor, regionCode: string): Promise<boolean> {
  return (
    (await db.selectFrom('councils').select('region_code').where('region_code', '=', regionCode).executeTakeFirst()) !==
    undefined
  );
}

export async function listOffices(db: Executor, regionCode: string): Promise<OfficeRow[]> {
  const rows = await db
    .selectFrom('offices')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toOfficeRow);
}

export async function insertOffice(
  db: Executor,
  regionCode: string,
  position: number,
  o: OfficeValues,
): Promise<number> {
  const row = await db
    .insertInto('offices')
    .values({ region_code: regionCode, position, ...officeColumns(o) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOfficeIfRevision(
  db: Executor,
  id: number,
  revision: number,
  o: OfficeValues,
): Promise<boolean> {
  const r = await db
    .updateTable('offices')
    .set({ ...officeColumns(o), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

export async function listContacts(db: Executor, regionCode: string): Promise<ContactRow[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toContactRow);
}

export async function insertContact(
  db: Executor,
  regionCode: string,
  position: number,
  c: ContactValues,
): Promise<number> {
  const row = await db
    .insertInto('contacts')
    .values({ region_code: regionCode, position, ...contactColumns(c) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContactIfRevision(
  db: Executor,
  id: number,
  revision: number,
  c: ContactValues,
): Promise<boolean> {
  const r = await db
    .updateTable('contacts')
    .set({ ...contactColumns(c), revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

/** Deletes an office or contact still at `revision`; false when it changed or is gone. */
export async function deleteCouncilRowIfRevision(
  db: Executor,
  table: CouncilList,
  id: number,
  revision: number,
): Promise<boolean> {
  return deleted(await db.deleteFrom(table).where('id', '=', id).where('revision', '=', revision).executeTakeFirst());
}

/** Sets the order of a region's offices or contacts to `ids` (positions 0, 1, 2…). */
export async function orderCouncilRows(db: Executor, table: CouncilList, ids: readonly number[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}
