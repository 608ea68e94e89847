/**
 * Projects and funding: projects of a region (code unique per region) with their municipalities,
 * funding lines, links to programme node keys and taxonomy terms, a full-text index, and the
 * financing plan of programme versions. Links name programmes by slug and nodes and terms by key,
 * so they survive a programme being re-imported (which renumbers its rows).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { idColumn } from './id-column.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = idColumn(dialect);
  // Euro cents can exceed 2^31 (21 million euros): a 64-bit integer on both engines.
  const money = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('projects')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('lead_name', 'text')
    .addColumn('lead_business_id', 'text')
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('projects_region_code', ['region_code', 'code'])
    .execute();
  await db.schema.createIndex('projects_region_status').on('projects').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('projects_region_start').on('projects').columns(['region_code', 'start_date']).execute();
  await db.schema.createIndex('projects_region_end').on('projects').columns(['region_code', 'end_date']).execute();

  await db.schema
    .createTable('project_municipalities')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_municipalities_pk', ['project_id', 'municipality_code'])
    .execute();
  await db.schema
    .createIndex('project_municipalities_code')
    .on('project_municipalities')
    .columns(['municipality_code', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_funding')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('fund', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', money, (c) => c.notNull())
    .addColumn('year', 'integer')
    .addPrimaryKeyConstraint('project_funding_pk', ['project_id', 'position'])
    .execute();
  await db.schema
    .createIndex('project_funding_fund')
    .on('project_funding')
    .columns(['fund', 'kind', 'project_id'])
    .execute();
  await db.schema.createIndex('project_funding_year').on('project_funding').columns(['year', 'project_id']).execute();

  await db.schema
    .createTable('project_nodes')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('node_key', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('project_nodes_pk', ['project_id', 'programme_slug', 'node_key'])
    .execute();
  await db.schema
    .createIndex('project_nodes_node')
    .on('project_nodes')
    .columns(['programme_slug', 'node_key', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_terms')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('taxonomy_key', 'text', (c) => c.notNull())
    .addColumn('term_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_terms_pk', ['project_id', 'programme_slug', 'taxonomy_key', 'term_key'])
    .execute();
  await db.schema
    .createIndex('project_terms_term')
    .on('project_terms')
    .columns(['programme_slug', 'taxonomy_key', 'term_key', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_search')
    .addColumn('id', 'integer', id)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('stems', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_search_project').on('project_search').column('project_id').execute();

  if (dialect === 'postgres') {
    await sql`ALTER TABLE project_search ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX project_search_tsv ON project_search USING GIN (tsv)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE project_search_fts USING fts5(stems, content='project_search', content_rowid='id',
      tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`CREATE TRIGGER project_search_ai AFTER INSERT ON project_search BEGIN
      INSERT INTO project_search_fts(rowid, stems) VALUES (new.id, new.stems); END`.execute(db);
    await sql`CREATE TRIGGER project_search_ad AFTER DELETE ON project_search BEGIN
      INSERT INTO project_search_fts(project_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER project_search_au AFTER UPDATE ON project_search BEGIN
      INSERT INTO project_search_fts(project_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
      INSERT INTO project_search_fts(rowid, stems) VALUES (new.id, new.stems); END`.execute(db);
  }

  await db.schema
    .createTable('financing_plan')
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('node_key', 'text', (c) => c.notNull())
    .addColumn('fund', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('planned_cents', money, (c) => c.notNull())
    .addPrimaryKeyConstraint('financing_plan_pk', [
      'region_code',
      'programme_slug',
      'version_number',
      'node_key',
      'fund',
      'year',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS project_search_fts`.execute(db);
  for (const table of [
    'financing_plan',
    'project_search',
    'project_terms',
    'project_nodes',
    'project_funding',
    'project_municipalities',
    'projects',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
