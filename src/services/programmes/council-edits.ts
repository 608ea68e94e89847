/**
 * The regional council's offices and contact persons shown on the region's contact page: add,
 * edit, delete and reorder, each with a revision check and an audit event.
 */
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanLine, cleanTexts, TEXT_LIMITS } from '#src/domain/text-fields.ts';
import { keyFromTitle } from '#src/domain/programmes/tree-edits.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  type ContactRow,
  type ContactValues,
  councilExists,
  type CouncilList,
  deleteCouncilRowIfRevision,
  insertContact,
  insertOffice,
  listContacts,
  listOffices,
  type OfficeRow,
  type OfficeValues,
  orderCouncilRows,
  updateContactIfRevision,
  updateOfficeIfRevision,
} from '#src/storage/repositories/council-repository.ts';
import { editTransaction, type EditingContext } from './edit-transaction.ts';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[0-9 ()-]{5,30}$/;

export interface OfficeInput {
  kind: string;
  name: LocalizedText;
  postalAddress?: string | null;
  visitingAddress?: string | null;
  hours?: LocalizedText | null;
  phone?: string | null;
  email?: string | null;
}

export interface ContactInput {
  name: string;
  role: LocalizedText;
  topic?: LocalizedText | null;
  email?: string | null;
  phone?: string | null;
}

function contactDetails(
  input: { email?: string | null | undefined; phone?: string | null | undefined },
  errors: FieldErrorMap,
): { email: string | null; phone: string | null } {
  const email = cleanLine(input.email, 'email', 200, errors);
  if (email && !errors['email'] && !EMAIL.test(email))
    errors['email'] = fieldProblem('email', 'must be an e-mail address such as kirjaamo@example.fi');
  const phone = cleanLine(input.phone, 'phone', 40, errors);
  if (phone && !errors['phone'] && !PHONE.test(phone))
    errors['phone'] = fieldProblem('phone', 'must be a phone number of digits, spaces and + ( ) -');
  return { email, phone };
}

function officeValues(input: OfficeInput, key: string): OfficeValues {
  const errors: FieldErrorMap = {};
  if (input.kind !== 'main' && input.kind !== 'branch') errors['kind'] = 'must be "main" or "branch"';
  const texts = cleanTexts(
    { name: { required: true, max: TEXT_LIMITS.name }, hours: { max: 300 } },
    { name: input.name, hours: input.hours },
    errors,
  );
  const postalAddress = cleanLine(input.postalAddress, 'postalAddress', 300, errors);
  const visitingAddress = cleanLine(input.visitingAddress, 'visitingAddress', 300, errors);
  const details = contactDetails(input, errors);
  if (Object.keys(errors).length > 0) throw new FieldErrors('The office was not saved', errors);
  return {
    key,
    kind: input.kind as 'main' | 'branch',
    name: texts.name!,
    hours: texts.hours,
    postalAddress,
    visitingAddress,
    ...details,
  };
}

function contactValues(input: ContactInput): ContactValues {
  const errors: FieldErrorMap = {};
  const name = cleanLine(input.name, 'name', TEXT_LIMITS.name, errors, true);
  const texts = cleanTexts(
    { role: { required: true, max: TEXT_LIMITS.name }, topic: { max: 300 } },
    { role: input.role, topic: input.topic },
    errors,
  );
  const details = contactDetails(input, errors);
  if (Object.keys(errors).length > 0) throw new FieldErrors('The contact was not saved', errors);
  return { name: name!, role: texts.role!, topic: texts.topic, ...details };
}

async function requireCouncil(db: Executor, code: string): Promise<void> {
  if (!(await councilExists(db, code))) throw notFound(`The council of region "${code}"`);
}

async function findOffice(db: Executor, code: string, id: number): Promise<OfficeRow> {
  const office = (await listOffices(db, code)).find((o) => o.id === id);
  if (!office) throw notFound(`Office ${id}`);
  return office;
}

async function findContact(db: Executor, code: string, id: number): Promise<ContactRow> {
  const contact = (await listContacts(db, code)).find((c) => c.id === id);
  if (!contact) throw notFound(`Contact ${id}`);
  return contact;
}

async function audit(
  db: Executor,
  actor: Actor,
  code: string,
  action: string,
  type: string,
  id: number,
  summary: string,
  before?: unknown,
  after?: unknown,
): Promise<void> {
  await insertAuditEvent(db, {
    actor,
    regionCode: code,
    action,
    entityType: type,
    entityId: `${code}/${type}s/${id}`,
    summary,
    before,
    after,
  });
}

export async function addOffice(
  ctx: EditingContext,
  actor: Actor,
  code: string,
  input: OfficeInput,
): Promise<OfficeRow> {
  return editTransaction(ctx, { region: code, kinds: ['region'] }, async (trx) => {
    await requireCouncil(trx, code);
    const offices = await listOffices(trx, code);
    const key = keyFromTitle(input.name.fi ?? '', new Set(offices.map((o) => o.key)));
    const id = await insertOffice(trx, code, offices.length, officeValues(input, key));
    const after = await findOffice(trx, code, id);
    await audit(trx, actor, code, 'office.add', 'office', id, `Added the office "${after.name.fi}"`, undefined, after);
    return after;
  });
}

export async function updateOffice(
  ctx: EditingContext,
  actor: Actor,
  code: string,
  id: number,
  input: OfficeInput & { revision: number },
): Promise<OfficeRow> {
  return editTransaction(ctx, { region: code, kinds: ['region'] }, async (trx) => {
    const office = await findOffice(trx, code, id);
    if (office.revision !== input.revision) throw new EditConflict<OfficeRow>('The office', office);
    const values = officeValues(input, office.key);
    const saved = await updateOfficeIfRevision(trx, id, input.revision, values);
    const after = await findOffice(trx, code, id);
    if (!saved) throw new EditConflict<OfficeRow>('The office', after);
    await audit(trx, actor, code, 'office.update', 'office', id, `Edited the office "${after.name.fi}"`, office, after);
    return after;
  });
}

export async function addContact(
  ctx: EditingContext,
  actor: Actor,
  code: string,
  input: ContactInput,
): Promise<ContactRow> {
  return editTransaction(ctx, { region: code, kinds: ['region'] }, async (trx) => {
    await requireCouncil(trx, code);
    const contacts = await listContacts(trx, code);
    const id = await insertContact(trx, code, contacts.length, contactValues(input));
    const after = await findContact(trx, code, id);
    await audit(trx, actor, code, 'contact.add', 'contact', id, `Added the contact "${after.name}"`, undefined, after);
    return after;
  });
}

export async function updateContact(
  ctx: EditingContext,
  actor: Actor,
  code: string,
  id: number,
  input: ContactInput & { revision: number },
): Promise<ContactRow> {
  return editTransaction(ctx, { region: code, kinds: ['region'] }, async (trx) => {
    const contact = await findContact(trx, code, id);
    if (contact.revision !== input.revision) throw new EditConflict<ContactRow>('The contact', contact);
    const saved = await updateContactIfRevision(trx, id, input.revision, contactValues(input));
    const after = await findContact(trx, code, id);
    if (!saved) throw new EditConflict<ContactRow>('The contact', after);
    await audit(
      trx,
      actor,
      code,
      'contact.update',
      'contact',
      id,
      `Edited the contact "${after.name}"`,
      contact,
      after,
    );
    return after;
  });
}

const KIND: Record<CouncilList, 'office' | 'contact'> = { offices: 'office', contacts: 'contact' };

async function rowsOf(db: Executor, table: CouncilList, code: string): Promise<(OfficeRow | ContactRow)[]> {
  return table === 'offices' ? listOffices(db, code) : listContacts(db, code);
}

const label = (row: OfficeRow | ContactRow): string => ('key' in row ? (row.name.fi ?? row.key) : row.name);

/** Deletes an office or a contact. */
export async function deleteCouncilEntry(
  ctx: EditingContext,
  actor: Actor,
  code: string,
  table: CouncilList,
  id: number,
  input: { revision: number },
): Promise<void> {
  await editTransaction(ctx, { region: code, kinds: ['region'] }, async (trx) => {
    const rows = await rowsOf(trx, table, code);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound(`${KIND[table]} ${id}`);
    if (row.revision !== input.revision || !(await deleteCouncilRowIfRevision(trx, table, id, input.revision))) {
      throw new EditConflict(`The ${KIND[table]}`, row);
    }
    await orderCouncilRows(
      trx,
      table,
      rows.filter((r) => r.id !== id).map((r) => r.id),
    );
    await audit(
      trx,
      actor,
      code,
      `${KIND[table]}.delete`,
      KIND[table],
      id,
      `Deleted the ${KIND[table]} "${label(row)}"`,
      row,
    );
  });
}

/** Moves an office or a contact one place up or down in the list. */
export async function moveCouncilEntry(
  ctx: EditingContext,
  actor: Actor,
  code: string,
  table: CouncilList,
  id: number,
  input: { revision: number; direction: 'up' | 'down' },
): Promise<void> {
  await editTransaction(ctx, { region: code, kinds: ['region'] }, async (trx) => {
    const rows = await rowsOf(trx, table, code);
    const at = rows.findIndex((r) => r.id === id);
    if (at < 0) throw notFound(`${KIND[table]} ${id}`);
    const row = rows[at]!;
    if (row.revision !== input.revision) throw new EditConflict(`The ${KIND[table]}`, row);
    const to = at + (input.direction === 'up' ? -1 : 1);
    if (to < 0 || to >= rows.length)
      throw new AppError(
        'conflict',
        `The ${KIND[table]} is already the ${input.direction === 'up' ? 'first' : 'last'} in the list`,
      );
    const ids = rows.map((r) => r.id);
    ids.splice(at, 1);
    ids.splice(to, 0, id);
    const bump =
      table === 'offices'
        ? updateOfficeIfRevision(trx, id, row.revision, row as OfficeRow)
        : updateContactIfRevision(trx, id, row.revision, row as ContactRow);
    if (!(await bump)) throw new EditConflict(`The ${KIND[table]}`, row);
    await orderCouncilRows(trx, table, ids);
    await audit(
      trx,
      actor,
      code,
      `${KIND[table]}.move`,
      KIND[table],
      id,
      `Moved the ${KIND[table]} "${label(row)}" ${input.direction}`,
      { position: at },
      { position: to },
    );
  });
}
