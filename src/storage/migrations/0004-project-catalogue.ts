/**
 * The project browser matches search stems in its in-memory catalogue
 * (domain/projects/catalogue.ts, decision 005), so the projects' full-text index is no longer read:
 * this drops it (SQLite: the FTS5 table and its triggers; PostgreSQL: the tsvector column and its
 * GIN index), which also spares every import its upkeep. `project_search` keeps the stems.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`DROP INDEX IF EXISTS project_search_tsv`.execute(db);
    await sql`ALTER TABLE project_search DROP COLUMN IF EXISTS tsv`.execute(db);
  } else {
    for (const trigger of ['project_search_ai', 'project_search_ad', 'project_search_au'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
    await sql`DROP TABLE IF EXISTS project_search_fts`.execute(db);
  }
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
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
    await sql`INSERT INTO project_search_fts(project_search_fts) VALUES ('rebuild')`.execute(db);
  }
}
