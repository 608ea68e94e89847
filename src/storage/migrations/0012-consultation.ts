/**
 * Public consultation on a draft (issue 10): rounds on a version, the comments and statements sent
 * to them (each anchored to a paragraph of a node, re-anchored when the text changes), their
 * attachments (stored in the database, outside the web root), and the council's responses.
 * Localized texts are JSON objects `{ "fi": …, "sv": …, "en": … }`; instants are ISO 8601 UTC text.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { idColumn } from './id-column.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('consultation_rounds')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reject_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('pre_moderation', 'text', (c) => c.notNull().defaultTo('all'))
    .addColumn('retention_until', 'text')
    .addColumn('personal_data_removed_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_rounds_slug', ['programme_id', 'slug'])
    .execute();
  await db.schema.createIndex('consultation_rounds_region').on('consultation_rounds').column('region_code').execute();

  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('consultation_rounds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The anchor as the commenter saw it: the version, node key (null: the whole programme),
    // paragraph (null: the whole node), the quoted text and 32 characters either side of it.
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('node_key', 'text')
    .addColumn('paragraph_index', 'integer')
    .addColumn('text_lang', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quote_before', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quote_after', 'text', (c) => c.notNull().defaultTo(''))
    // The anchor in the newest text it was matched against (exact, moved, changed, deleted_node, orphan).
    .addColumn('anchor_state', 'text', (c) => c.notNull().defaultTo('exact'))
    .addColumn('anchor_version_id', 'integer', (c) => c.references('versions.id').onDelete('set null'))
    .addColumn('anchor_paragraph_index', 'integer')
    .addColumn('anchor_quote', 'text')
    .addColumn('anchored_at', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('redacted_body', 'text')
    .addColumn('redaction_reason', 'text')
    .addColumn('respondent_type', 'text', (c) => c.notNull())
    .addColumn('publish_as', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('author_email', 'text')
    .addColumn('organisation', 'text')
    .addColumn('business_id', 'text')
    .addColumn('signer_role', 'text')
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ui_lang', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('held_reason', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('merged_into', 'integer', (c) => c.references('consultation_comments.id').onDelete('set null'))
    .addColumn('moderated_at', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('personal_data_removed_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('consultation_comments_round')
    .on('consultation_comments')
    .columns(['round_id', 'status'])
    .execute();

  await db.schema
    .createTable('consultation_attachments')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comments.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('body', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultation_attachments_comment')
    .on('consultation_attachments')
    .column('comment_id')
    .execute();

  await db.schema
    .createTable('consultation_responses')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('consultation_rounds.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('change_version', 'integer')
    .addColumn('change_node_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consultation_response_comments')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('consultation_responses.id').onDelete('cascade'))
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().primaryKey().references('consultation_comments.id').onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const table of [
    'consultation_response_comments',
    'consultation_responses',
    'consultation_attachments',
    'consultation_comments',
    'consultation_rounds',
  ])
    await db.schema.dropTable(table).execute();
}
