/** `suunta import …`: programmes, the municipality classification, project lists and financing plans. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '#src/config/config.ts';
import { AppError } from '#src/domain/errors.ts';
import { CLI_ACTOR } from '#src/domain/roles.ts';
import {
  importMunicipalities,
  readMunicipalityClassification,
  writeMunicipalityFacts,
} from '#src/services/import-municipalities.ts';
import { importProgramme } from '#src/services/programmes/import-programme.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import type { TextEncoding } from '#src/services/import-files/decode-text.ts';
import { importFinancingPlanFile } from '#src/services/financing-plan/import-financing-plan.ts';
import { importProjectsFile } from '#src/services/projects/import-projects.ts';
import { choosePresetForFile, presetUsedNote } from '#src/services/projects/detect-preset.ts';
import { DEFAULT_PRESET, readMappingFile, readPreset } from '#src/services/projects/mappings.ts';
import { projectFactsOf, writeProjectFacts } from '#src/services/projects/project-facts.ts';
import { writeRejectsFile } from '#src/services/projects/rejects-file.ts';
import { withAppContext, type Io } from '../io.ts';
import { encoding, PERIOD_HELP, REGION_HELP, regionCode, versionNumber } from '../options.ts';
import { progressBar } from '../progress-bar.ts';
import { registerIndicatorImportCommands } from './statistics.ts';

export function registerImportCommands(program: Command, io: Io): void {
  const imp = program.command('import').description('Import data from files.');
  importProgrammeCommand(imp, io);
  importMunicipalitiesCommand(imp, io);
  importProjectsCommand(imp, io);
  importFinancingPlanCommand(imp, io);
  registerIndicatorImportCommands(imp, io);
}

function importProgrammeCommand(imp: Command, io: Io): void {
  imp
    .command('programme')
    .summary('Import a programme file (YAML or JSON).')
    .description(
      'Import a programme file (YAML or JSON); replaces the stored programme of the same region and slug. ' +
        'Writes nothing if the file is invalid.',
    )
    .argument('<file>', 'programme file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      const parsed = await readProgrammeFile(file);
      const summary = await withAppContext((ctx) => importProgramme(ctx.db, parsed));
      io.out(
        `${summary.replaced ? 'Replaced' : 'Imported'} programme ${summary.programmeId}: ` +
          `${summary.versions} version(s), ${summary.nodes} node(s)\n`,
      );
    });
}

function importMunicipalitiesCommand(imp: Command, io: Io): void {
  imp
    .command('municipalities')
    .summary("Import Statistics Finland's municipality classification (CSV).")
    .usage('[--facts-out <path>] <file>')
    .description(
      "Import Statistics Finland's municipality classification (the geofi municipality_key CSV: columns kunta " +
        'or municipality_code, municipality_name_fi/sv/en, kielisuhde_code, maakunta_code, ' +
        'maakunta_name_fi/sv/en, year; optional seutukunta_code with seutukunta_name_fi/sv/en for the subregions). ' +
        'Checks every row first; writes regions, subregions and municipalities in one transaction (adds, ' +
        'updates and removes municipalities) or nothing at all.',
    )
    .argument('<file>', 'classification CSV, e.g. geofi-municipality_key_2026.csv')
    .option(
      '--facts-out <path>',
      'also write the compact facts JSON (the format of content/facts/municipalities.json) to this path',
    )
    .action(async (file: string, options: { factsOut?: string }) => {
      const factsOut = options.factsOut ? ` --facts-out ${options.factsOut}` : '';
      const facts = await readMunicipalityClassification(
        file,
        `suunta import municipalities ${basename(file)}${factsOut}`,
      );
      // The facts file is written once the classification is known to be valid, before the
      // database is opened: a first start seeds from content/facts, which this may be producing.
      if (options.factsOut) await writeMunicipalityFacts(options.factsOut, facts);
      const counts = await withAppContext((ctx) => importMunicipalities(ctx.db, facts));
      io.out(
        `Imported the ${facts.year} municipality classification: ${counts.regions} region(s); ` +
          `municipalities: ${counts.added} added, ${counts.updated} updated, ${counts.removed} removed ` +
          `(${facts.municipalities.length} in total)\n`,
      );
      if (options.factsOut) io.out(`Wrote ${options.factsOut}\n`);
    });
}

function importProjectsCommand(imp: Command, io: Io): void {
  imp
    .command('projects')
    .summary('Import a project list (CSV or JSON) into a region.')
    .usage(
      '--region <code> [--mapping <file> | --preset <name>] [--programme <slug>] [--encoding <name>] ' +
        '[--skip-invalid <rejects.csv>] [--select-region] ' +
        '[--facts-out <path> --facts-publisher <text> --facts-licence <text>] <file>',
    )
    .description(
      'Import a project list (CSV with "," or ";", UTF-8 or Windows-1252/ISO-8859-1, or a JSON array of ' +
        'objects) into a region, mapping its columns with a mapping file or a preset ' +
        `(default: the preset whose columns the header has exactly, else ${DEFAULT_PRESET}, Suunta's own columns). Projects are matched by code: new ones are added, ` +
        'changed ones updated, the same data changes nothing. Every row is checked first; if any row is ' +
        'invalid nothing is written and every problem is listed (row, column, reason) — unless ' +
        '--skip-invalid, which writes the valid rows and the rejected ones with their reasons to a CSV file.',
    )
    .argument('<file>', 'project list (.csv or .json)')
    .requiredOption('--region <code>', REGION_HELP, regionCode)
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
      'keep only the rows whose project name or lead organisation names the region or one of its municipalities ' +
        '(for national lists without municipalities); the others are left out',
    )
    .option(
      '--facts-out <path>',
      'also write the imported projects as a compact facts file ' +
        '(the format of content/facts/projects-*.json, seeded on first start)',
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
        const mappingLabel = options.mapping ? `mapping ${basename(options.mapping)}` : `preset ${presetName}`;
        const mapping = options.mapping
          ? await readMappingFile(options.mapping)
          : (chosen?.mapping ?? (await readPreset(config.contentDir, presetName)));
        const result = await withAppContext(async (ctx) => {
          const bar = progressBar();
          try {
            return await importProjectsFile(ctx.db, file, {
              regionCode: options.region,
              mapping,
              ...(options.programme ? { programme: options.programme } : {}),
              ...(options.encoding ? { encoding: options.encoding } : {}),
              skipInvalid: options.skipInvalid !== undefined,
              selectRegion: options.selectRegion === true,
              collect: options.factsOut !== undefined,
              progress: (p) => bar.update({ phase: p.phase, done: p.done, total: p.total }),
              audit: { actor: CLI_ACTOR, mapping: mappingLabel },
            });
          } finally {
            bar.done();
          }
        }, config);
        const read = `${result.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}${result.encodingDetected ? ' (detected)' : ''}`;
        io.out(
          `Imported ${basename(file)} into region ${options.region} (${result.rows} row(s), ${read}): ` +
            `${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged` +
            (options.skipInvalid !== undefined ? `; ${result.rejected.length} rejected` : '') +
            (options.selectRegion ? `; ${result.notSelected} row(s) of other regions left out` : '') +
            '\n',
        );
        if (options.factsOut) {
          await writeProjectFacts(
            options.factsOut,
            projectFactsOf(result, {
              file: basename(file),
              region: options.region,
              publisher: options.factsPublisher!,
              licence: options.factsLicence!,
              mapping: mappingLabel,
              command:
                `suunta import projects ${basename(file)} --region ${options.region} --${mappingLabel}` +
                `${options.selectRegion ? ' --select-region' : ''} --facts-out ${options.factsOut}`,
            }),
          );
          io.out(`Wrote ${options.factsOut} (${result.projects?.length ?? 0} project(s))\n`);
        }
        if (options.skipInvalid !== undefined) {
          await writeRejectsFile(options.skipInvalid, result.rejected);
          io.out(`Wrote the rejected rows with their reasons to ${options.skipInvalid}\n`);
          if (result.problems.length > 0) {
            const shown = result.problems.slice(0, 50).map((p) => `  ${p}\n`);
            const more = result.problems.length > 50 ? `  … and ${result.problems.length - 50} more problems\n` : '';
            io.err(`suunta: ${result.rejected.length} row(s) skipped:\n${shown.join('')}${more}`);
          }
        }
      },
    );
}

function importFinancingPlanCommand(imp: Command, io: Io): void {
  imp
    .command('financing-plan')
    .summary('Import the financing plan of a programme version (CSV: node, fund, year, amount).')
    .usage('--region <code> --period <slug> --version <n> [--encoding <name>] <file>')
    .description(
      'Import the financing plan of one programme version: a CSV (or JSON) with the columns node ' +
        '(a node key of that version), fund (ERDF, ESF+, JTF, AKKE, INTERREG, HORIZON, MUNICIPAL, PRIVATE, ' +
        'OTHER or EAKR/ESR…), year (within the programme period) and amount (planned euros). Replaces the ' +
        "version's plan in one transaction; writes nothing if any row is invalid.",
    )
    .argument('<file>', 'financing plan (.csv or .json)')
    .requiredOption('--region <code>', REGION_HELP, regionCode)
    .requiredOption('--period <slug>', PERIOD_HELP)
    .requiredOption('--version <n>', 'version number of the programme', versionNumber)
    .option('--encoding <name>', "the file's encoding, utf-8 or windows-1252; default: detected", encoding)
    .action(
      async (file: string, options: { region: string; period: string; version: number; encoding?: TextEncoding }) => {
        const r = await withAppContext((ctx) =>
          importFinancingPlanFile(ctx.db, file, {
            regionCode: options.region,
            programme: options.period,
            version: options.version,
            ...(options.encoding ? { encoding: options.encoding } : {}),
            actor: CLI_ACTOR,
          }),
        );
        io.out(
          `Imported the financing plan of programme ${options.region}/${options.period} version ${options.version}: ` +
            `${r.lines} line(s); ${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged\n`,
        );
      },
    );
}
