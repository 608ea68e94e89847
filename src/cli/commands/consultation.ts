/** `suunta consultation …`: public consultation rounds. */
import type { Command } from 'commander';
import { removeExpiredPersonalData, type ExpiredRound } from '#src/services/consultation/personal-data.ts';
import { withAppContext, type Io } from '../io.ts';

function roundLine(r: ExpiredRound, verb: string): string {
  return `${r.regionCode}-${r.programme} round ${r.round} (retention until ${r.retentionUntil}): ${verb} of ${r.comments} comment(s)\n`;
}

export function registerConsultationCommands(program: Command, io: Io): void {
  const consultation = program.command('consultation').description('Public consultation rounds.');
  consultation
    .command('purge')
    .summary("Remove commenters' personal data of rounds past their retention date.")
    .usage('[--dry-run]')
    .description(
      'Remove the names, e-mail addresses, business ids and signer roles of the comments of every ' +
        'consultation round whose retention date has passed (in Finnish time); the comment texts and ' +
        'the organisations of statements stay. One transaction and one audit event per round; a round ' +
        'once purged is not purged again. The server does the same itself at start and every hour.',
    )
    .option('--dry-run', 'only list the rounds and how many comments would lose their personal data')
    .action(async (options: { dryRun?: boolean }) => {
      const dryRun = options.dryRun === true;
      const rounds = await withAppContext((ctx) =>
        removeExpiredPersonalData(ctx, ctx.clock?.() ?? new Date(), { dryRun }),
      );
      if (rounds.length === 0) io.out('No consultation round is past its retention date with personal data left.\n');
      for (const r of rounds)
        io.out(roundLine(r, dryRun ? 'would remove the personal data' : 'removed the personal data'));
      if (dryRun && rounds.length > 0) io.out('Dry run: nothing was changed.\n');
    });
}
