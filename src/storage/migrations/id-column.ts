/** Column helpers shared by the migrations (kept stable: released migrations depend on them). */
import type { ColumnDefinitionBuilder } from 'kysely';
import type { Dialect } from '../database.ts';

/** An integer primary key that the database numbers: identity on PostgreSQL, autoincrement on SQLite. */
export function idColumn(dialect: Dialect): (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (col) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}
