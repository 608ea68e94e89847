/** `suunta report …`: the annual monitoring report of a programme as an HTML or PDF file. */
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { reportPdfsOf } from '#src/http/site/report-pdf.ts';
import { reportHtml } from '#src/http/site/report-pages.ts';
import { closeRenderer } from '#src/services/reports/pdf/render-pdf.ts';
import { withAppContext, type Io } from '../io.ts';
import { PERIOD_HELP, REGION_HELP, regionCode } from '../options.ts';

function year(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError('must be a year such as 2024');
  return Number(value);
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) || Number.isNaN(Date.parse(`${value.trim()}T00:00:00Z`)))
    throw new InvalidArgumentError('must be a day written YYYY-MM-DD');
  return value.trim();
}

interface ReportOptions {
  region: string;
  programme: string;
  year: number;
  lang: Lang;
  format: 'html' | 'pdf';
  date?: string;
  output?: string;
}

export function registerReportCommand(program: Command, io: Io): void {
  program
    .command('report')
    .summary('Make the annual monitoring report of a programme (HTML or tagged PDF).')
    .usage(
      '--region <code> --programme <slug> --year <yyyy> [--lang fi|sv|en] [--format html|pdf] [--date <yyyy-mm-dd>] [-o <file>]',
    )
    .description(
      'Make the annual monitoring report of a programme for a year from the stored data: the version in force, ' +
        'the indicators with status, reason, chart and data table, the projects started and the money granted ' +
        'by fund, the financing plan against granted money, the changes approved in the year, sources and an ' +
        'appendix of the observations used. The same data and --date give the same document (the PDF differs ' +
        'only in its creation date). A PDF needs Debian’s chromium at /usr/bin/chromium.',
    )
    .requiredOption('--region <code>', REGION_HELP, regionCode)
    .requiredOption('--programme <slug>', PERIOD_HELP)
    .requiredOption('--year <yyyy>', 'the report year, e.g. 2024', year)
    .addOption(new Option('--lang <lang>', 'language of the report').choices([...LANGS]).default('fi'))
    .addOption(new Option('--format <format>', 'output format').choices(['html', 'pdf']).default('html'))
    .option(
      '--date <yyyy-mm-dd>',
      'use only what was known by the end of this day (default: the data as stored now)',
      day,
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (options: ReportOptions) => {
      const request = {
        regionCode: options.region,
        programmeSlug: options.programme,
        year: options.year,
        asOf: options.date ?? null,
      };
      if (options.format === 'html') {
        const made = await withAppContext((ctx) => reportHtml(ctx, request, options.lang));
        if (options.output) {
          await writeFile(options.output, made.html, 'utf8');
          io.err(
            `Wrote the ${options.year} report (${options.lang}, HTML) to ${options.output}; checksum ${made.data.checksum}\n`,
          );
        } else io.out(made.html);
        return;
      }
      if (!options.output)
        throw new InvalidArgumentError('--format pdf needs -o FILE (a PDF is not written to a terminal)');
      try {
        const pdf = await withAppContext((ctx) => reportPdfsOf(ctx).pdf(ctx, request, options.lang, { madeBy: 'cli' }));
        await writeFile(options.output, pdf.body);
        io.err(
          `Wrote the ${options.year} report (${options.lang}, PDF, ${pdf.body.length} bytes) to ${options.output}; checksum ${pdf.checksum}\n`,
        );
      } finally {
        await closeRenderer();
      }
    });
}
