/**
 * The `suunta` command line: serve the site, migrate the database, import and export programmes,
 * import the municipality classification, project lists and financing plans, and add and list
 * admin users. Exit codes: 0 success, 1 failure, 2 invalid input file or arguments.
 *
 * Each command group lives in ./commands/ and registers itself on the program built here; the
 * commands open the app context through withAppContext (./io.ts), and main() maps every error to
 * its message and exit code.
 */
import { Command, CommanderError } from 'commander';
import { AppError, type ErrorCode } from '#src/domain/errors.ts';
import { registerConsultationCommands } from './commands/consultation.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerExportCommands } from './commands/export.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerFetchCommands } from './commands/statistics.ts';
import { registerInspectCommands } from './commands/inspect.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/user.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, processIo, type Io } from './io.ts';

export { EXIT_FAILURE, EXIT_INVALID_INPUT, type Io } from './io.ts';

/** Every runnable command with its usage, e.g. `import programme <file>`, for the top-level help. */
function commandList(program: Command): string {
  const rows: [string, string][] = [];
  const walk = (cmd: Command, prefix: string): void => {
    for (const sub of cmd.commands) {
      if (sub.name() === 'help') continue;
      const name = `${prefix}${sub.name()}`;
      if (sub.commands.length > 0) walk(sub, `${name} `);
      else
        rows.push([`${name} ${sub.usage().replace(/^\[options\] ?/, '')}`.trim(), sub.summary() || sub.description()]);
    }
  };
  walk(program, '');
  return rows.map(([u, d]) => `  suunta ${u}\n      ${d}`).join('\n');
}

const ENVIRONMENT_HELP = [
  'Environment:',
  '  PORT             port of the web server (default 3000)',
  '  HOST             address to listen on (default 127.0.0.1)',
  '  SUUNTA_DATA_DIR  data directory for the embedded SQLite database (default ./data)',
  '  DATABASE_URL     postgres://… to use PostgreSQL, or a SQLite file path',
  '  SUUNTA_PUBLIC_URL   base URL for sitemap.xml and set-password links',
  '  SUUNTA_TRUST_PROXY  proxies trusted for X-Forwarded-*: true, a hop count, or addresses',
  '  SUUNTA_SEED_PROJECTS  0 leaves the shipped projects out of a new database (default 1)',
  '  SUUNTA_FRONT_CACHE   off serves cached pages through the framework path (default on)',
  '  SUUNTA_CHECK_CONTENT_WRITES  1 refuses content writes that record no generation (tests)',
  '  NODE_ENV, LOG_LEVEL production mode and log level',
].join('\n');

function buildProgram(io: Io): Command {
  const program = new Command('suunta')
    .description('Suunta: author, publish, consult, fund and monitor regional development programmes.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run `suunta --help` or `suunta COMMAND --help` for usage)');

  registerServeCommand(program, io);
  registerDbCommands(program, io);
  registerInspectCommands(program, io);
  registerImportCommands(program, io);
  registerFetchCommands(program, io);
  registerExportCommands(program, io);
  registerReportCommand(program, io);
  registerUserCommands(program, io);
  registerConsultationCommands(program, io);

  program.addHelpText(
    'after',
    () =>
      `\nEvery command (run \`suunta COMMAND --help\` for its options):\n${commandList(program)}\n\n` +
      `${ENVIRONMENT_HELP}\n\n` +
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
    return exitCode(error, io);
  }
}

/**
 * The exit code of each error code. An unknown region or programme named on the command line or
 * in a file is bad input too; `busy` (a full report queue) is a failure worth retrying later.
 */
const EXIT_CODE: Record<ErrorCode, number> = {
  invalid_file: EXIT_INVALID_INPUT,
  bad_request: EXIT_INVALID_INPUT,
  not_found: EXIT_INVALID_INPUT,
  conflict: EXIT_FAILURE,
  forbidden: EXIT_FAILURE,
  unauthorized: EXIT_FAILURE,
  busy: EXIT_FAILURE,
};

/** Prints `error` and returns its exit code. */
function exitCode(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help asked for (--help, `help`) exits 0; any usage error, including a missing subcommand, exits 2.
    return error.exitCode === 0 ? 0 : EXIT_INVALID_INPUT;
  }
  if (error instanceof AppError) {
    io.err(`suunta: ${error.message}\n${error.details.map((d) => `  ${d}\n`).join('')}`);
    return EXIT_CODE[error.code];
  }
  io.err(`suunta: ${(error as Error).message}\n`);
  return EXIT_FAILURE;
}
