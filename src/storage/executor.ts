/** The Kysely handle repositories accept: the database itself or an open transaction. */
import type { Kysely, Transaction } from 'kysely';
import { withWriteNotes } from './content-writes.ts';
import type { Database } from './schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in one transaction: everything it writes lands together or not at all. Its writes
 * of public content are noted (content-writes.ts), so tests can refuse one that forgot to record
 * the change.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => withWriteNotes(() => work(trx)));
}
