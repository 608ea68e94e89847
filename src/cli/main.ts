/**
 * The `suunta` command line: serve the site, migrate the database, import and export programmes
 * and the municipality classification. Exit codes: 0 success, 1 failure, 2 invalid input file or
 * arguments.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '#src/config/config.ts';
import { AppError } from '#src/domain/errors.ts';
import { startServer } from '#src/http/server.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { exportProgramme, serialiseProgramme } from '#src/services/export-programme.ts';
import { importMunicipalities, readMunicipalityClassification, writeMunicipalityFacts } from '#src/services/import-municipalities.ts';
import { importProgramme } from '#src/services/import-programme.ts';
import { readProgrammeFile } from '#src/services/programme-source.ts';
import { openDatabase } from '#src/storage/database.ts';
import { migrateToLatest } from '#src/storage/migrate.ts';

export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Every runnable command with its usage, e.g. `import programme <file>`, for the top-level help. */
function commandList(program: Command): string {
  const rows: [string, string][] = [];
  const walk = (cmd: Command, prefix: string): void => {
    for (const sub of cmd.commands) {
      if (sub.name() === 'help') continue;
      const name = `${prefix}${sub.name()}`;
      if (sub.commands.length > 0) walk(sub, `${name} `);
      else rows.push([`${name} ${sub.usage().replace(/^\[options\] ?/, '')}`.trim(), sub.summary() || sub.description()]);
    }
  };
  walk(program, '');
  return rows.map(([u, d]) => `  suunta ${u}\n      ${d}`).join('\n');
}

/** `--region 8`, `08` or `MK08` → "08". */
function regionCode(value: string): string {
  const m = /^(?:MK)?(\d{1,2})$/i.exec(value.trim());
  if (!m?.[1]) throw new InvalidArgumentError('must be a region code such as 08');
  return m[1].padStart(2, '0');
}

function buildProgram(io: Io): Command {
  const program = new Command('suunta')
    .description('Suunta: author, publish, consult, fund and monitor regional development programmes.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run `suunta --help` or `suunta COMMAND --help` for usage)');

  program
    .command('serve')
    .summary('Start the web server.')
    .description('Start the web server (migrates and, on first start, seeds the database).')
    .action(async () => {
      const server = await startServer(loadConfig());
      io.out(`Suunta is running at ${server.url}\n`);
      await new Promise(() => {});
    });

  const db = program.command('db').description('Database maintenance.');
  db.command('migrate')
    .summary('Bring the database schema up to date.')
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
    .summary('Import a programme file (YAML or JSON).')
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

  imp
    .command('municipalities')
    .summary("Import Statistics Finland's municipality classification (CSV).")
    .usage('[--facts-out <path>] <file>')
    .description(
      "Import Statistics Finland's municipality classification (the geofi municipality_key CSV: columns kunta or municipality_code, municipality_name_fi/sv/en, kielisuhde_code, maakunta_code, maakunta_name_fi/sv/en, year). Checks every row first; writes regions and municipalities in one transaction (adds, updates and removes municipalities) or nothing at all.",
    )
    .argument('<file>', 'classification CSV, e.g. geofi-municipality_key_2026.csv')
    .option('--facts-out <path>', 'also write the compact facts JSON (the format of content/facts/municipalities.json) to this path')
    .action(async (file: string, options: { factsOut?: string }) => {
      const command = `suunta import municipalities ${basename(file)}${options.factsOut ? ` --facts-out ${options.factsOut}` : ''}`;
      const facts = await readMunicipalityClassification(file, command);
      // The facts file is written once the classification is known to be valid, before the
      // database is opened: a first start seeds from content/facts, which this may be producing.
      if (options.factsOut) await writeMunicipalityFacts(options.factsOut, facts);
      const ctx = await openAppContext(loadConfig());
      try {
        const counts = await importMunicipalities(ctx.db, facts);
        io.out(
          `Imported the ${facts.year} municipality classification: ${counts.regions} region(s); municipalities: ${counts.added} added, ${counts.updated} updated, ${counts.removed} removed (${facts.municipalities.length} in total)\n`,
        );
        if (options.factsOut) io.out(`Wrote ${options.factsOut}\n`);
      } finally {
        await ctx.close();
      }
    });

  const exp = program.command('export').description('Export data to files.');
  exp
    .command('programme')
    .summary('Export a programme with all its versions (YAML or JSON).')
    .usage('--region <code> --period <slug> [--format yaml|json] [-o <file>]')
    .description('Export a programme with all its versions in the format `import programme` reads.')
    .requiredOption('--region <code>', 'region code, e.g. 08 (Kymenlaakso)', regionCode)
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

  program.addHelpText(
    'after',
    () =>
      `\nEvery command (run \`suunta COMMAND --help\` for its options):\n${commandList(program)}\n\n` +
      'Environment:\n  PORT             port of the web server (default 3000)\n  HOST             address to listen on (default 127.0.0.1)\n' +
      '  SUUNTA_DATA_DIR  data directory for the embedded SQLite database (default ./data)\n  DATABASE_URL     postgres://… to use PostgreSQL, or a SQLite file path\n\n' +
      'Exit codes: 0 success, 1 failure, 2 invalid input file or arguments.\n',
  );
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
      // Help asked for (--help, `help`) exits 0; any usage error, including a missing subcommand, exits 2.
      return error.exitCode === 0 ? 0 : EXIT_INVALID_INPUT;
    }
    if (error instanceof AppError) {
      io.err(`suunta: ${error.message}\n${error.details.map((d) => `  ${d}\n`).join('')}`);
      // An unknown region or programme named on the command line or in a file is bad input too.
      return error.code === 'invalid_file' || error.code === 'bad_request' || error.code === 'not_found' ? EXIT_INVALID_INPUT : EXIT_FAILURE;
    }
    io.err(`suunta: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
