/** `suunta inspect …`: show what a file holds before anything is imported (never opens the database). */
import type { Command } from 'commander';
import { readStatisticsFileAt } from '#src/services/import-files/read-statistics-file.ts';
import type { Io } from '../io.ts';
import { inspectJson, inspectText } from './inspect-report.ts';

const EXAMPLE = `
Example:
  $ suunta inspect statistics statfin-velk-jsonstat2-en.json
  statfin-velk-jsonstat2-en.json: JSON-stat 2.0 dataset, 1 dataset(s)
  Dataset 1 of 1 ($): statfin_velk_pxt_13kt "Debts, rate of indebtedness and income of …"
    updated 2022-12-21T06:00:00Z; source Statistics Finland, indebtedness; language en
    5 dimension(s), 6 cell(s):
      time   Vuosi                 1  2002
      metric Tiedot                6  velat_yht (Debts total (euros)), vaste (Rate of indebtedness (per cent)), … 1 more
      geo    Maakunta              1  SSS (WHOLE COUNTRY)
      other  Viitehenkilön ikä     1  SSS (Total)
      other  Asuntokunnat          1  SSS (All household-dwelling units)
    values: 6 with a value, 0 empty with a status, 0 empty; statuses: none
    observations: 6 (area | period | content | value [status] | other)
      country SSS | 2002 | velat_yht | 58443598209 | Viitehenkilön ikä=SSS Asuntokunnat=SSS
      country SSS | 2002 | vaste | 70.3 | Viitehenkilön ikä=SSS Asuntokunnat=SSS
      …

With --json: {"format", "note", "links", "datasets":[{"path", "tableId", "updated", "dimensions":[{"id",
"role", "size", …}], "observations":[{"area":{"level","code"}, "period", "content", "value", "status",
"other"?}], …}]}. Values are exact decimal text as written (an exponent such as 1e3 becomes 1000); an
area code that is not Finnish has "recognised": false.`;

export function registerInspectCommands(program: Command, io: Io): void {
  const inspect = program.command('inspect').description('Show what a file holds before importing it.');
  inspect
    .command('statistics')
    .summary('Show the datasets, dimensions, values and observations of a statistics file.')
    .usage('[--json] <file>')
    .description(
      'Read a statistics file (JSON-stat 2.0 dataset or collection, JSON-stat 1.x bundle or {dataset} ' +
        'wrapper, PxWeb v1 table metadata or json response, PxWebApi 2 data or metadata, the PxWeb web ' +
        'UI CSV export) and show each dataset with its table id and updated time, each dimension with ' +
        'its role (time / geo / metric / other), size and first categories, the cell count, the values ' +
        'and statuses present and the observations an import would produce. Writes nothing and does not ' +
        'open the database. An invalid file fails with the file, the JSON path (or line) and the reason.',
    )
    .addHelpText('after', EXAMPLE)
    .argument('<file>', 'statistics file (.json or .csv)')
    .option('--json', 'print the report as JSON, with every observation')
    .action(async (file: string, options: { json?: boolean }) => {
      const doc = await readStatisticsFileAt(file);
      io.out(options.json ? inspectJson(doc) : inspectText(doc, file));
    });
}
