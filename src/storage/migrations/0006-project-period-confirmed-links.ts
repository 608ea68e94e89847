/**
 * The funding period of a project (`projects.funding_period`, e.g. `2014-2020`: the EU programme
 * period whose money the project got; null when the source does not say), and who confirmed a
 * link between a project and a programme node (`project_nodes.confirmed_by` / `confirmed_at`):
 * null for links the imported data gave, an account's e-mail address for links an editor confirmed
 * from the alignment helper's proposal. A re-import replaces the data's links and keeps the confirmed ones.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('projects').addColumn('funding_period', 'text').execute();
  await db.schema.alterTable('project_nodes').addColumn('confirmed_by', 'text').execute();
  await db.schema.alterTable('project_nodes').addColumn('confirmed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('project_nodes').dropColumn('confirmed_at').execute();
  await db.schema.alterTable('project_nodes').dropColumn('confirmed_by').execute();
  await db.schema.alterTable('projects').dropColumn('funding_period').execute();
}
