/**
 * Monitoring: indicator groups and indicators of a region (with their source definition as JSON,
 * links to programme nodes and taxonomy terms, baseline and targets with their history), the
 * observations imported from statistics files (value as exact decimal text, status flag,
 * provenance) and a row per statistics import. Areas are keys: `SSS`, `MK08`, `SK081`, `KU091`.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { idColumn } from './id-column.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = idColumn(dialect);

  await db.schema
    .createTable('indicator_settings')
    .addColumn('region_code', 'text', (c) => c.primaryKey().references('regions.code'))
    .addColumn('programme_slug', 'text')
    .addColumn('population_code', 'text')
    .addColumn('id_map', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('indicator_groups')
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_groups_pk', ['region_code', 'code'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('per_resident', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicators_region_code', ['region_code', 'code'])
    .execute();

  await db.schema
    .createTable('indicator_links')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('link_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_links_pk', ['indicator_id', 'kind', 'programme_slug', 'link_key'])
    .execute();
  await db.schema
    .createIndex('indicator_links_key')
    .on('indicator_links')
    .columns(['programme_slug', 'kind', 'link_key'])
    .execute();

  await db.schema
    .createTable('indicator_baselines')
    .addColumn('indicator_id', 'integer', (c) => c.primaryKey().references('indicators.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('indicator_targets_indicator')
    .on('indicator_targets')
    .columns(['indicator_id', 'superseded_at'])
    .execute();

  await db.schema
    .createTable('statistics_imports')
    .addColumn('id', 'integer', id)
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('status', 'text')
    .addColumn('status_label', 'text')
    .addColumn('unit', 'text')
    .addColumn('source_updated', 'text')
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('statistics_imports.id'))
    .addPrimaryKeyConstraint('observations_pk', ['indicator_id', 'area', 'period'])
    .execute();
  await db.schema.createIndex('observations_area').on('observations').columns(['area', 'indicator_id']).execute();
}

export async function down(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const table of [
    'observations',
    'statistics_imports',
    'indicator_targets',
    'indicator_baselines',
    'indicator_links',
    'indicators',
    'indicator_groups',
    'indicator_settings',
  ])
    await db.schema.dropTable(table).execute();
}
