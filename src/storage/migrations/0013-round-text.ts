/**
 * The text a consultation round showed: the node tree of its version as it was when the round was
 * opened (JSON), so that reopening and revising the draft afterwards leaves the consulted text, the
 * round's page and the feedback report's "old text", as they were.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('consultation_rounds').addColumn('text_snapshot', 'text').execute();
}

export async function down(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('consultation_rounds').dropColumn('text_snapshot').execute();
}
