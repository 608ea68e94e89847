/** Shared helpers of the project browsing tests: the hand-made project list imported into a test database. */
import { readFile } from 'node:fs/promises';
import type { AppContext } from '#src/services/app-context.ts';
import { importProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';

export const FIXTURE = new URL('./fixtures/projects.csv', import.meta.url);

/** Imports fixtures/projects.csv into region 08 with the `suunta` preset; returns how many were added. */
export async function seedProjects(ctx: AppContext): Promise<number> {
  const bytes = await readFile(FIXTURE);
  const result = await importProjects(ctx.db, bytes, {
    file: 'projects.csv',
    regionCode: '08',
    delimiter: ';',
    mapping: await readPreset(ctx.config.contentDir, 'suunta'),
  });
  // As a change made in this process does: the reader re-reads the content generation at once.
  ctx.reader.invalidate();
  return result.added;
}

/** Every project code of the fixture, in code order. */
export const ALL = ['KY-101', 'KY-102', 'KY-103', 'KY-104', 'KY-105', 'KY-106'];

/** Imports bare projects (code, name, status) into `regionCode`, for tests that need a project in other regions. */
export async function seedBareProjects(ctx: AppContext, regionCode: string, codes: readonly string[]): Promise<void> {
  const text = ['code;name_fi;status', ...codes.map((c) => `${c};Hanke ${c};running`)].join('\n') + '\n';
  await importProjects(ctx.db, new TextEncoder().encode(text), {
    file: 'bare.csv',
    regionCode,
    delimiter: ';',
    mapping: await readPreset(ctx.config.contentDir, 'suunta'),
  });
}
