/**
 * Accounts (users, roles per region, sessions, one-time tokens, login attempts), the audit log,
 * translation status per text field, and revisions on every editable row.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { idColumn } from './id-column.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = idColumn(dialect);

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'region_code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'integer')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key').on('login_attempts').columns(['key', 'attempted_at']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_events_region_at').on('audit_events').columns(['region_code', 'at']).execute();

  // Translation status per text field and language, e.g. {"title":{"sv":"stale","en":"reviewed"}}.
  for (const table of ['nodes', 'versions', 'terms', 'programmes']) {
    await db.schema.alterTable(table).addColumn('translation_status', 'text').execute();
  }
  for (const table of ['offices', 'contacts', 'terms', 'taxonomies']) {
    await db.schema
      .alterTable(table)
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['offices', 'contacts', 'terms', 'taxonomies']) {
    await db.schema.alterTable(table).dropColumn('revision').execute();
  }
  for (const table of ['nodes', 'versions', 'terms', 'programmes']) {
    await db.schema.alterTable(table).dropColumn('translation_status').execute();
  }
  for (const table of ['audit_events', 'login_attempts', 'one_time_tokens', 'sessions', 'user_roles', 'users']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
