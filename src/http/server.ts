/** Starts Suunta's HTTP server and closes it cleanly on SIGINT/SIGTERM. */
import type { Config } from '#src/config/config.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { startRetentionTimer } from '#src/services/consultation/retention-timer.ts';
import { buildApp } from './app.ts';

export async function startServer(config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const ctx = await openAppContext(config);
  const app = await buildApp(ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  // The project catalogues are built in the background, so the first visitor of a project list does not wait for them.
  ctx.projects
    .warm()
    .catch((error: unknown) => app.log.error({ err: error }, 'building the project catalogues failed'));
  // Consultation comments lose their commenters' personal data once the round's retention date has passed.
  const retention = startRetentionTimer(ctx, {
    onRemoved: (rounds) => {
      for (const r of rounds)
        app.log.info(
          { region: r.regionCode, programme: r.programme, round: r.round, comments: r.comments },
          'removed the personal data of a consultation round past its retention date',
        );
    },
    onError: (error) => app.log.error({ err: error }, 'removing expired personal data of consultations failed'),
  });
  const close = async (): Promise<void> => {
    await retention.stop();
    await app.close();
    await ctx.close();
  };
  const stop = (): void => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { url: address, close };
}
