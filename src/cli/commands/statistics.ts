/**
 * `suunta import indicators FILE`, `suunta import statistics FILE --region 08 [--dry-run]` and
 * `suunta fetch statistics --region 08 [--indicator CODE]`: indicator definitions, and figures
 * from statistics files or straight from the offices' PxWeb APIs, through one reviewed import.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CLI_ACTOR } from '#src/domain/roles.ts';
import { readImportFile } from '#src/services/import-files/read-import-file.ts';
import { readIndicatorFile, importIndicators } from '#src/services/indicators/import-indicators.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { statisticsFactsJson } from '#src/services/indicators/statistics-facts.ts';
import { fetchRegionStatistics } from '#src/services/indicators/fetch-statistics.ts';
import { withAppContext, type Io } from '../io.ts';
import { REGION_HELP, regionCode } from '../options.ts';
import { statisticsReviewText } from '../statistics-diff-text.ts';

export function registerIndicatorImportCommands(imp: Command, io: Io): void {
  imp
    .command('indicators')
    .summary("Import a region's indicator definitions (YAML or JSON).")
    .description(
      "Import a region's indicator definitions file (format suunta.indicators/1, JSON Schema in " +
        'schemas/indicators.schema.json): groups, indicators with their source tables, links to programme ' +
        'nodes and terms, baselines and targets (a changed target supersedes the old one, which stays in the ' +
        'history). Checks the whole file first; writes all of it or nothing.',
    )
    .argument('<file>', 'definitions file, e.g. content/indicators/kymenlaakso.yaml')
    .action(async (file: string) => {
      const parsed = await readIndicatorFile(file);
      const r = await withAppContext((ctx) =>
        importIndicators(ctx.db, parsed, { fileName: basename(file), actor: CLI_ACTOR }),
      );
      io.out(
        `Imported ${r.indicators} indicator definition(s) of region ${r.region}: ${r.added.length} added, ` +
          `${r.changed.length} changed, ${r.removed.length} removed, ${r.unchanged.length} unchanged; ` +
          `targets: ${r.targetsSet} set, ${r.targetsSuperseded} superseded\n`,
      );
    });

  imp
    .command('statistics')
    .summary('Import figures from a statistics file (JSON-stat, PxWeb), showing the diff first.')
    .usage('--region <code> [--dry-run] [--facts-out <path>] <file>')
    .description(
      'Read a statistics file (JSON-stat 2.0 dataset or collection, JSON-stat 1.x, PxWeb v1 json or ' +
        'json-stat2, PxWebApi 2, the PxWeb web UI CSV export), match its datasets to the indicators of the ' +
        'region whose source table and content they hold, and print the reviewed diff: new values, revised ' +
        'values (old → new), withdrawn values and changed units. Without --dry-run the changes are then ' +
        'written in one transaction; an invalid file (or an area Suunta does not hold) writes nothing. The ' +
        'same file twice changes nothing. Use `suunta inspect statistics FILE` to see a file first.',
    )
    .argument('<file>', 'statistics file')
    .requiredOption('--region <code>', REGION_HELP, regionCode)
    .option('--dry-run', 'print the diff and write nothing')
    .option(
      '--facts-out <path>',
      'also write the matched figures as a compact JSON-stat facts file (content/facts/statistics/)',
    )
    .action(async (file: string, options: { region: string; dryRun?: boolean; factsOut?: string }) => {
      const bytes = await readImportFile(file);
      const result = await withAppContext((ctx) =>
        importStatistics(ctx.db, {
          bytes,
          fileName: basename(file),
          region: options.region,
          dryRun: options.dryRun === true,
          actor: CLI_ACTOR,
        }),
      );
      io.out(statisticsReviewText(result, { dryRun: options.dryRun === true }));
      if (options.factsOut) {
        await writeFile(
          options.factsOut,
          statisticsFactsJson(
            result,
            `suunta import statistics ${basename(file)} --region ${options.region} --facts-out`,
          ),
        );
        io.out(`Wrote ${options.factsOut}\n`);
      }
    });
}

export function registerFetchCommands(program: Command, io: Io): void {
  const fetch = program.command('fetch').description('Fetch data from the statistics offices (needs network).');
  fetch
    .command('statistics')
    .summary("Fetch the figures of a region's indicators from their PxWeb APIs and import them.")
    .usage('--region <code> [--indicator <code>] [--dry-run]')
    .description(
      "Run each indicator's saved query (source.query in the definitions) against its statistics office: " +
        'PxWeb v1 (POST) or PxWebApi 2 (GET), split over the API cell limit, spaced within its rate limit, ' +
        'honouring 429 Retry-After; then import each answer through the same reviewed path as ' +
        '`suunta import statistics` (the diff is printed; --dry-run writes nothing). Indicators without a ' +
        'saved query are listed and skipped.',
    )
    .requiredOption('--region <code>', REGION_HELP, regionCode)
    .option('--indicator <code>', 'only this indicator')
    .option('--dry-run', 'print the diffs and write nothing')
    .action(async (options: { region: string; indicator?: string; dryRun?: boolean }) => {
      await withAppContext((ctx) =>
        fetchRegionStatistics(ctx.db, {
          region: options.region,
          ...(options.indicator ? { indicator: options.indicator } : {}),
          dryRun: options.dryRun === true,
          actor: CLI_ACTOR,
          report: (text) => io.out(text),
          reviewText: (r) => statisticsReviewText(r, { dryRun: options.dryRun === true }),
        }),
      );
    });
}
