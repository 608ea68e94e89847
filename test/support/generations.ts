/** What tests use to see whether anything was written: the sum of every stored content generation. */
import type { AppContext } from '#src/services/app-context.ts';
import { readGenerations } from '#src/storage/repositories/generations-repository.ts';

/** The sum of every stored content generation (docs/freshness.md): unchanged when no content was written. */
export async function storedGenerations(ctx: AppContext): Promise<number> {
  return (await readGenerations(ctx.db.kysely)).reduce((sum, r) => sum + r.generation, 0);
}
