/**
 * The `suunta` command line: serve the site, migrate the database, import and export programmes,
 * import the municipality classification, project lists and financing plans, and add and list
 * admin users. Exit codes: 0 success, 1 failure, 2 invalid input file or arguments.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config } from '#src/config/config.ts';
import { AppError } from '#src/domain/errors.ts';
import { CLI_ACTOR, ROLES } from '#src/domain/roles.ts';
import { startServer } from '#src/http/server.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { exportProgramme, serialiseProgramme } from '#src/services/export-programme.ts';
import {
  importMunicipalities,
  readMunicipalityClassification,
  writeMunicipalityFacts,
} from '#src/services/import-municipalities.ts';
import { importProgramme } from '#src/services/import-programme.ts';
import { ENCODING_NAMES, encodingFromName, type TextEncoding } from '#src/services/projects/decode-text.ts';
import { importFinancingPlanFile } from '#src/services/projects/import-financing-plan.ts';
import { importProjectsFile } from '#src/services/projects/import-projects.ts';
import { choosePresetForFile, presetUsedNote } from '#src/services/projects/detect-preset.ts';
import { DEFAULT_PRESET, readMappingFile, readPreset } from '#src/services/projects/mappings.ts';
import { projectFactsOf, writeProjectFacts } from '#src/services/projects/project-facts.ts';
import { writeRejectsFile } from '#src/services/projects/rejects-file.ts';
import { progressBar } from './progress-bar.ts';
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
      else
        rows.push([`${name} ${sub.usage().replace(/^\[options\] ?/, '')}`.trim(), sub.summary() || sub.description()]);
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

/** `--encoding latin1` → 'windows-1252'. */
function encoding(value: string): TextEncoding {
  const e = encodingFromName(value);
  if (!e) throw new InvalidArgumentError(`must be one of ${ENCODING_NAMES.join(', ')}`);
  return e;
}

/** `--version 2` → 2. */
function versionNumber(value: string): number {
  if (!/^\d{1,4}$/.test(value.trim()) || Number(value) < 1)
    throw new InvalidArgumentError('must be a version number such as 2');
  return Number(value);
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
        io.out(
          ran.length > 0
            ? `Applied migrations: ${ran.join(', ')} (${handle.describe})\n`
            : `Database is up to date (${handle.describe})\n`,
        );
      } finally {
        await handle.close();
      }
    });

  const imp = program.command('import').description('Import data from files.');
  imp
    .command('programme')
    .summary('Import a programme file (YAML or JSON).')
    .description(
      'Import a programme file (YAML or JSON); replaces the stored programme of the same region and slug. Writes nothing if the file is invalid.',
    )
    .argument('<file>', 'programme file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      const parsed = await readProgrammeFile(file);
      const ctx = await openAppContext(loadConfig());
      try {
        const summary = await importProgramme(ctx.db, parsed);
        io.out(
          `${summary.replaced ? 'Replaced' : 'Imported'} programme ${summary.programmeId}: ${summary.versions} version(s), ${summary.nodes} node(s)\n`,
        );
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
    .option(
      '--facts-out <path>',
      'also write the compact facts JSON (the format of content/facts/municipalities.json) to this path',
    )
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

  imp
    .command('projects')
    .summary('Import a project list (CSV or JSON) into a region.')
    .usage(
      '--region <code> [--mapping <file> | --preset <name>] [--programme <slug>] [--encoding <name>] [--skip-invalid <rejects.csv>] [--select-region] [--facts-out <path> --facts-publisher <text> --facts-licence <text>] <file>',
    )
    .description(
      `Import a project list (CSV with "," or ";", UTF-8 or Windows-1252/ISO-8859-1, or a JSON array of objects) into a region, mapping its columns with a mapping file or a preset (default: the preset whose columns the header has exactly, else ${DEFAULT_PRESET}, Suunta's own columns). Projects are matched by code: new ones are added, changed ones updated, the same data changes nothing. Every row is checked first; if any row is invalid nothing is written and every problem is listed (row, column, reason) — unless --skip-invalid, which writes the valid rows and the rejected ones with their reasons to a CSV file.`,
    )
    .argument('<file>', 'project list (.csv or .json)')
    .requiredOption('--region <code>', 'region code, e.g. 08 (Kymenlaakso)', regionCode)
    .option('--mapping <file>', 'column mapping (JSON, format suunta.project-mapping/1)')
    .option(
      '--preset <name>',
      'built-in mapping: rakennerahastot-fi-2014-2020, rakennerahastot-fi-2007-2013 or suunta (content/mappings/)',
    )
    .option(
      '--programme <slug>',
      "the programme whose node keys and terms the file names (default: the mapping's, else the one that has the key)",
    )
    .option(
      '--encoding <name>',
      "the file's encoding, utf-8 or windows-1252 (latin1, iso-8859-1); default: detected",
      encoding,
    )
    .option(
      '--skip-invalid <rejects.csv>',
      'write the valid rows and put the rejected rows with their reasons in this CSV file',
    )
    .option(
      '--select-region',
      'keep only the rows whose project name or lead organisation names the region or one of its municipalities (for national lists without municipalities); the others are left out',
    )
    .option(
      '--facts-out <path>',
      'also write the imported projects as a compact facts file (the format of content/facts/projects-*.json, seeded on first start)',
    )
    .option('--facts-publisher <text>', "the source's publisher, recorded in the facts file")
    .option('--facts-licence <text>', "the source's licence, recorded in the facts file")
    .action(
      async (
        file: string,
        options: {
          region: string;
          mapping?: string;
          preset?: string;
          programme?: string;
          encoding?: TextEncoding;
          skipInvalid?: string;
          selectRegion?: boolean;
          factsOut?: string;
          factsPublisher?: string;
          factsLicence?: string;
        },
      ) => {
        if (options.mapping && options.preset)
          throw new AppError('bad_request', 'give either --mapping or --preset, not both');
        if (options.factsOut && (!options.factsPublisher || !options.factsLicence))
          throw new AppError(
            'bad_request',
            '--facts-out needs --facts-publisher and --facts-licence (the facts file names its source)',
          );
        const config = loadConfig();
        // Without --mapping or --preset, a header that matches a shipped preset picks it (detect-preset.ts).
        const chosen =
          options.mapping || options.preset
            ? null
            : await choosePresetForFile(
                config.contentDir,
                file,
                options.encoding ? { encoding: options.encoding } : {},
              );
        if (chosen?.matched) io.out(`${presetUsedNote(chosen.name)}\n`);
        const presetName = chosen?.name ?? options.preset ?? DEFAULT_PRESET;
        const mapping = options.mapping
          ? await readMappingFile(options.mapping)
          : (chosen?.mapping ?? (await readPreset(config.contentDir, presetName)));
        const ctx = await openAppContext(config);
        const bar = progressBar();
        try {
          const result = await importProjectsFile(ctx.db, file, {
            regionCode: options.region,
            mapping,
            ...(options.programme ? { programme: options.programme } : {}),
            ...(options.encoding ? { encoding: options.encoding } : {}),
            skipInvalid: options.skipInvalid !== undefined,
            selectRegion: options.selectRegion === true,
            collect: options.factsOut !== undefined,
            progress: (p) => bar.update({ phase: p.phase, done: p.done, total: p.total }),
            audit: {
              actor: CLI_ACTOR,
              mapping: options.mapping ? `mapping ${basename(options.mapping)}` : `preset ${presetName}`,
            },
          });
          bar.done();
          const read = `${result.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}${result.encodingDetected ? ' (detected)' : ''}`;
          io.out(
            `Imported ${basename(file)} into region ${options.region} (${result.rows} row(s), ${read}): ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged` +
              (options.skipInvalid !== undefined ? `; ${result.rejected.length} rejected` : '') +
              (options.selectRegion ? `; ${result.notSelected} row(s) of other regions left out` : '') +
              '\n',
          );
          if (options.factsOut) {
            const mappingLabel = options.mapping ? `mapping ${basename(options.mapping)}` : `preset ${presetName}`;
            await writeProjectFacts(
              options.factsOut,
              projectFactsOf(result, {
                file: basename(file),
                region: options.region,
                publisher: options.factsPublisher!,
                licence: options.factsLicence!,
                mapping: mappingLabel,
                command: `suunta import projects ${basename(file)} --region ${options.region} --${mappingLabel}${options.selectRegion ? ' --select-region' : ''} --facts-out ${options.factsOut}`,
              }),
            );
            io.out(`Wrote ${options.factsOut} (${result.projects?.length ?? 0} project(s))\n`);
          }
          if (options.skipInvalid !== undefined) {
            await writeRejectsFile(options.skipInvalid, result.rejected);
            io.out(`Wrote the rejected rows with their reasons to ${options.skipInvalid}\n`);
            if (result.problems.length > 0) {
              const shown = result.problems.slice(0, 50);
              io.err(
                `suunta: ${result.rejected.length} row(s) skipped:\n${shown.map((p) => `  ${p}\n`).join('')}${result.problems.length > 50 ? `  … and ${result.problems.length - 50} more problems\n` : ''}`,
              );
            }
          }
        } finally {
          bar.done();
          await ctx.close();
        }
      },
    );

  imp
    .command('financing-plan')
    .summary('Import the financing plan of a programme version (CSV: node, fund, year, amount).')
    .usage('--region <code> --period <slug> --version <n> [--encoding <name>] <file>')
    .description(
      "Import the financing plan of one programme version: a CSV (or JSON) with the columns node (a node key of that version), fund (ERDF, ESF+, JTF, AKKE, INTERREG, HORIZON, MUNICIPAL, PRIVATE, OTHER or EAKR/ESR…), year (within the programme period) and amount (planned euros). Replaces the version's plan in one transaction; writes nothing if any row is invalid.",
    )
    .argument('<file>', 'financing plan (.csv or .json)')
    .requiredOption('--region <code>', 'region code, e.g. 08 (Kymenlaakso)', regionCode)
    .requiredOption('--period <slug>', 'programme period (its slug), e.g. 2022-2025')
    .requiredOption('--version <n>', 'version number of the programme', versionNumber)
    .option('--encoding <name>', "the file's encoding, utf-8 or windows-1252; default: detected", encoding)
    .action(
      async (file: string, options: { region: string; period: string; version: number; encoding?: TextEncoding }) => {
        const ctx = await openAppContext(loadConfig());
        try {
          const r = await importFinancingPlanFile(ctx.db, file, {
            regionCode: options.region,
            programme: options.period,
            version: options.version,
            ...(options.encoding ? { encoding: options.encoding } : {}),
            actor: CLI_ACTOR,
          });
          io.out(
            `Imported the financing plan of programme ${options.region}/${options.period} version ${options.version}: ${r.lines} line(s); ${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged\n`,
          );
        } finally {
          await ctx.close();
        }
      },
    );

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

  const user = program.command('user').description('User accounts of the admin interface.');
  user
    .command('add')
    .summary('Add a user (or give a user a role) and print a one-time set-password link.')
    .usage('--email <address> --role admin|editor|moderator|viewer --region <code> [--name <name>]')
    .description(
      'Create a user with a role in a region, or give an existing user that role; prints a one-time link (valid 72 hours) with which the user sets a password. For an existing user the new link replaces earlier unused links, so this also resets a forgotten password.',
    )
    .requiredOption('--email <address>', 'e-mail address (the sign-in name)')
    .addOption(new Option('--role <role>', 'role in the region').choices([...ROLES]).makeOptionMandatory())
    .requiredOption('--region <code>', 'region code, e.g. 08 (Kymenlaakso)', regionCode)
    .option('--name <name>', 'display name (default: the part of the address before @)')
    .action(async (options: { email: string; role: string; region: string; name?: string }) => {
      const config = loadConfig();
      const ctx = await openAppContext(config);
      try {
        const result = await new AccountService(ctx.db.kysely).addUser(
          { email: options.email, name: options.name, role: options.role, regionCode: options.region },
          CLI_ACTOR,
          {
            linkForExisting: 'always',
          },
        );
        io.out(
          `${result.created ? 'Added' : 'Updated'} ${result.user.email}: ${options.role} in region ${options.region}\n`,
        );
        if (result.token)
          io.out(
            `One-time set-password link (valid 72 hours, single use):\n${publicBaseUrl(config)}/admin/set-password/${result.token}\n`,
          );
      } finally {
        await ctx.close();
      }
    });
  user
    .command('list')
    .summary('List users with their roles.')
    .description('List every user: e-mail address, name, status and roles per region.')
    .action(async () => {
      const ctx = await openAppContext(loadConfig());
      try {
        const users = await new AccountService(ctx.db.kysely).listUsers();
        if (users.length === 0)
          io.out('No users. Add the first admin with `suunta user add --email … --role admin --region …`.\n');
        for (const u of users) {
          const status = u.disabled ? 'disabled' : u.passwordHash === null ? 'password not set' : 'active';
          const roles = u.roles.map((r) => `${r.regionCode}:${r.role}`).join(', ') || 'no roles';
          io.out(`${u.email}\t${u.name}\t${status}\t${roles}\n`);
        }
      } finally {
        await ctx.close();
      }
    });

  program.addHelpText(
    'after',
    () =>
      `\nEvery command (run \`suunta COMMAND --help\` for its options):\n${commandList(program)}\n\n` +
      'Environment:\n  PORT             port of the web server (default 3000)\n  HOST             address to listen on (default 127.0.0.1)\n' +
      '  SUUNTA_DATA_DIR  data directory for the embedded SQLite database (default ./data)\n  DATABASE_URL     postgres://… to use PostgreSQL, or a SQLite file path\n' +
      '  SUUNTA_PUBLIC_URL   base URL for sitemap.xml and set-password links\n' +
      '  SUUNTA_TRUST_PROXY  proxies trusted for X-Forwarded-*: true, a hop count, or addresses\n' +
      '  NODE_ENV, LOG_LEVEL production mode and log level\n\n' +
      'Exit codes: 0 success, 1 failure, 2 invalid input file or arguments.\n',
  );
  return program;
}

/** The address links printed by the CLI start with: SUUNTA_PUBLIC_URL, else http://HOST:PORT. */
function publicBaseUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host =
    config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host.includes(':')
        ? `[${config.host}]`
        : config.host;
  return `http://${host}:${config.port}`;
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
      return error.code === 'invalid_file' || error.code === 'bad_request' || error.code === 'not_found'
        ? EXIT_INVALID_INPUT
        : EXIT_FAILURE;
    }
    io.err(`suunta: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
