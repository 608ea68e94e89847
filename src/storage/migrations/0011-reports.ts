/**
 * Made annual reports (the PDF of a programme's year in one language), kept and served until the
 * data they were made from change: each row carries the checksum of its report data.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { idColumn } from './id-column.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('body', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('made_by', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addUniqueConstraint('reports_key', ['region_code', 'programme_slug', 'year', 'lang', 'format'])
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('reports').execute();
}
