/** `suunta export …`: export data to files. */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { exportProgramme, serialiseProgramme } from '#src/services/programmes/export-programme.ts';
import { withAppContext, type Io } from '../io.ts';
import { PERIOD_HELP, REGION_HELP, regionCode } from '../options.ts';

export function registerExportCommands(program: Command, io: Io): void {
  const exp = program.command('export').description('Export data to files.');
  exp
    .command('programme')
    .summary('Export a programme with all its versions (YAML or JSON).')
    .usage('--region <code> --period <slug> [--format yaml|json] [-o <file>]')
    .description('Export a programme with all its versions in the format `import programme` reads.')
    .requiredOption('--region <code>', REGION_HELP, regionCode)
    .requiredOption('--period <slug>', PERIOD_HELP)
    .addOption(new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (options: { region: string; period: string; format: 'yaml' | 'json'; output?: string }) => {
      const programme = await withAppContext((ctx) => exportProgramme(ctx.db, options.region, options.period));
      const text = serialiseProgramme(programme, options.format);
      if (options.output) await writeFile(options.output, text, 'utf8');
      else io.out(text);
    });
}
