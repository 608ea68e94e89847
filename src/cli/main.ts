/**
 * The `suunta` command line: serve the site, migrate the database, import and export programmes
 * and the municipality classification. Exit codes: 0 success, 1 failure, 2 invalid input file or
 * arguments.
 */
import { writeFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig } from '#src/config/config.ts';
import { AppError } from '#src/domain/errors.ts';
import { startServer } from '#src/http/server.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { exportProgramme, serialiseProgramme } from '#src/services/export-programme.ts';
import { importProgramme } from '#src/services/import-programme.ts';
import { readProgrammeFile } from '#src/services/programme-source.ts';
import { openDatabase } from '#src/storage/database.ts';
import { migrateToLatest } from '#src/storage/migrate.ts';

export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

function buildProgram(io: Io): Command {
  const program = new Command('suunta')
    .description('Suunta: author, publish, consult, fund and monitor regional development programmes.')
    .addHelpText(
      'after',
      '\nEnvironment:\n  PORT             port of the web server (default 3000)\n  HOST             address to listen on (default 127.0.0.1)\n  SUUNTA_DATA_DIR  data directory for the embedded SQLite database (default ./data)\n  DATABASE_URL     postgres://… to use PostgreSQL, or a SQLite file path\n',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the web server (migrates and, on first start, seeds the database).')
    .action(async () => {
      const server = await startServer(loadConfig());
      io.out(`Suunta is running at ${server.url}\n`);
      await new Promise(() => {});
    });

  const db = program.command('db').description('Database maintenance.');
  db.command('migrate')
    .description('Bring the database schema to the latest migration.')
    .action(async () => {
      const config = loadConfig();
      const handle = await openDatabase(config.databaseUrl);
      try {
        const ran = await migrateToLatest(handle);
        io.out(ran.length > 0 ? `Applied migrations: ${ran.join(', ')} (${handle.describe})\n` : `Database is up to date (${handle.describe})\n`);
      } finally {
        await handle.close();
      }
    });

  const imp = program.command('import').description('Import data from files.');
  imp
    .command('programme')
    .description('Import a programme file (YAML or JSON); replaces the stored programme of the same region and slug. Writes nothing if the file is invalid.')
    .argument('<file>', 'programme file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      const parsed = await readProgrammeFile(file);
      const ctx = await openAppContext(loadConfig());
      try {
        const summary = await importProgramme(ctx.db, parsed);
        io.out(`${summary.replaced ? 'Replaced' : 'Imported'} programme ${summary.programmeId}: ${summary.versions} version(s), ${summary.nodes} node(s)\n`);
      } finally {
        await ctx.close();
      }
    });

  const exp = program.command('export').description('Export data to files.');
  exp
    .command('programme')
    .description('Export a programme with all its versions in the format `import programme` reads.')
    .requiredOption('--region <code>', 'two-digit region code, e.g. 08')
    .requiredOption('--period <slug>', 'programme period (its slug), e.g. 2022-2025')
    .addOption(new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (options: { region: string; period: string; format: 'yaml' | 'json'; output?: string }) => {
      const ctx = await openAppContext(loadConfig());
      try {
        const text = serialiseProgramme(await exportProgramme(ctx.db, options.region, options.period), options.format);
        if (options.output) await writeFile(options.output, text, 'utf8');
        else io.out(text);
      } finally {
        await ctx.close();
      }
    });

  return program;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      return EXIT_INVALID_INPUT;
    }
    if (error instanceof AppError) {
      io.err(`suunta: ${error.message}\n${error.details.map((d) => `  ${d}\n`).join('')}`);
      return error.code === 'invalid_file' || error.code === 'bad_request' ? EXIT_INVALID_INPUT : EXIT_FAILURE;
    }
    io.err(`suunta: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
