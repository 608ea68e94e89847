/**
 * What every command shares: where its output goes, the exit codes, and one place that opens the
 * app context for a command and closes it again whatever happens.
 */
import { loadConfig, type Config } from '#src/config/config.ts';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';

export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/**
 * Opens the app context (migrating and, on first start, seeding the database) with `config`
 * (default: from the environment), runs `fn` on it and closes it, also when `fn` throws; errors
 * reach main(), which prints them and maps them to exit codes.
 */
export async function withAppContext<T>(
  fn: (ctx: AppContext) => Promise<T>,
  config: Config = loadConfig(),
): Promise<T> {
  const ctx = await openAppContext(config);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
