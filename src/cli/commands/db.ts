/** `suunta db …`: database maintenance. */
import type { Command } from 'commander';
import { loadConfig } from '#src/config/config.ts';
import { openDatabase } from '#src/storage/database.ts';
import { migrateToLatest } from '#src/storage/migrate.ts';
import type { Io } from '../io.ts';

export function registerDbCommands(program: Command, io: Io): void {
  const db = program.command('db').description('Database maintenance.');
  db.command('migrate')
    .summary('Bring the database schema up to date.')
    .description('Bring the database schema to the latest migration.')
    .action(async () => {
      // Not through withAppContext: that migrates (and seeds) silently; this reports what it ran.
      const handle = await openDatabase(loadConfig().databaseUrl);
      try {
        const ran = await migrateToLatest(handle);
        io.out(
          ran.length > 0
            ? `Applied migrations: ${ran.join(', ')} (${handle.describe})\n`
            : `Database is up to date (${handle.describe})\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
