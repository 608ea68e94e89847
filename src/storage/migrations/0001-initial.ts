/** Regions, municipalities, councils, programmes, versions, node trees and taxonomies. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { idColumn } from './id-column.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = idColumn(dialect);

  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('statfin_code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('classification_year', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('municipalities_region').on('municipalities').column('region_code').execute();

  await db.schema
    .createTable('councils')
    .addColumn('region_code', 'text', (c) => c.primaryKey().references('regions.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('business_id', 'text')
    .addColumn('email', 'text')
    .addColumn('web', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('offices')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('postal_address', 'text')
    .addColumn('visiting_address', 'text')
    .addColumn('hours', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addUniqueConstraint('offices_region_key', ['region_code', 'key'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programmes_region_slug', ['region_code', 'slug'])
    .execute();

  await db.schema
    .createTable('versions')
    .addColumn('id', 'integer', id)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('decision_body', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_reference', 'text')
    .addColumn('changelog', 'text')
    .addColumn('vision', 'text')
    .addColumn('summary', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('versions_programme_number', ['programme_id', 'number'])
    .execute();

  await db.schema
    .createTable('nodes')
    .addColumn('id', 'integer', id)
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('nodes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_title', 'text')
    .addColumn('summary', 'text')
    .addColumn('body', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('nodes_version_key', ['version_id', 'key'])
    .execute();
  await db.schema.createIndex('nodes_parent').on('nodes').column('parent_id').execute();

  await db.schema
    .createTable('taxonomies')
    .addColumn('id', 'integer', id)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addUniqueConstraint('taxonomies_programme_key', ['programme_id', 'key'])
    .execute();

  await db.schema
    .createTable('terms')
    .addColumn('id', 'integer', id)
    .addColumn('taxonomy_id', 'integer', (c) => c.notNull().references('taxonomies.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_title', 'text')
    .addColumn('description', 'text')
    .addUniqueConstraint('terms_taxonomy_key', ['taxonomy_id', 'key'])
    .execute();

  await db.schema
    .createTable('node_terms')
    .addColumn('node_id', 'integer', (c) => c.notNull().references('nodes.id').onDelete('cascade'))
    .addColumn('term_id', 'integer', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('node_terms_pk', ['node_id', 'term_id'])
    .execute();
  await db.schema.createIndex('node_terms_term').on('node_terms').column('term_id').execute();

  await db.schema
    .createTable('node_search')
    .addColumn('id', 'integer', id)
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('nodes.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('stems', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('node_search_version').on('node_search').columns(['version_id', 'lang']).execute();

  if (dialect === 'postgres') {
    // The stems are already normalised by Suunta's stemmer, so the 'simple' configuration only splits words.
    await sql`ALTER TABLE node_search ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX node_search_tsv ON node_search USING GIN (tsv)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE node_search_fts USING fts5(stems, content='node_search', content_rowid='id',
      tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`CREATE TRIGGER node_search_ai AFTER INSERT ON node_search BEGIN
      INSERT INTO node_search_fts(rowid, stems) VALUES (new.id, new.stems); END`.execute(db);
    await sql`CREATE TRIGGER node_search_ad AFTER DELETE ON node_search BEGIN
      INSERT INTO node_search_fts(node_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems); END`.execute(db);
    await sql`CREATE TRIGGER node_search_au AFTER UPDATE ON node_search BEGIN
      INSERT INTO node_search_fts(node_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
      INSERT INTO node_search_fts(rowid, stems) VALUES (new.id, new.stems); END`.execute(db);
  }

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS node_search_fts`.execute(db);
  for (const table of [
    'meta',
    'node_search',
    'node_terms',
    'terms',
    'taxonomies',
    'nodes',
    'versions',
    'programmes',
    'contacts',
    'offices',
    'councils',
    'municipalities',
    'regions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
