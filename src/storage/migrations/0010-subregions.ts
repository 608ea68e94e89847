/**
 * Subregions (seutukunnat, Statistics Finland's `SK` areas such as SK081 Kouvola): a table of their
 * own, read from the municipality classification, and each municipality's subregion. Observations
 * of a subregion use the area key `SK081`.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('subregions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subregions_region').on('subregions').column('region_code').execute();
  await db.schema.alterTable('municipalities').addColumn('subregion_code', 'text').execute();
}

export async function down(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('municipalities').dropColumn('subregion_code').execute();
  await db.schema.dropTable('subregions').execute();
}
