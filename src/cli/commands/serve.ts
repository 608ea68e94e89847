/** `suunta serve`. */
import type { Command } from 'commander';
import { loadConfig } from '#src/config/config.ts';
import { startServer } from '#src/http/server.ts';
import type { Io } from '../io.ts';

export function registerServeCommand(program: Command, io: Io): void {
  program
    .command('serve')
    .summary('Start the web server.')
    .description('Start the web server (migrates and, on first start, seeds the database).')
    .action(async () => {
      const server = await startServer(loadConfig());
      io.out(`Suunta is running at ${server.url}\n`);
      await new Promise(() => {});
    });
}
