/** Starts Suunta's HTTP server and closes it cleanly on SIGINT/SIGTERM. */
import type { Config } from '#src/config/config.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { buildApp } from './app.ts';

export async function startServer(config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const ctx = await openAppContext(config);
  const app = await buildApp(ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  // The project catalogues are built in the background, so the first visitor of a project list does not wait for them.
  ctx.projects
    .warm()
    .catch((error: unknown) => app.log.error({ err: error }, 'building the project catalogues failed'));
  const close = async (): Promise<void> => {
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
