/** Shared values of the editing tests: the seeded Kymenlaakso programme, an editor, and a fresh draft. */
import type { Actor } from '#src/domain/roles.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { startUpdate } from '#src/services/programmes/version-edits.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';

export const EDITOR: Actor = { userId: null, label: 'editor@example.fi' };
export const OTHER: Actor = { userId: null, label: 'other@example.fi' };
export const PROGRAMME = { code: '08', slug: '2022-2025' } as const;
export const DRAFT = { ...PROGRAMME, number: 3 } as const;
export const THEME = 'innovatiivinen-kymenlaakso';
export const PRIORITY = 'uudistuva-elinkeinoelama';
export const MEASURE = 'yrittajyys-ja-kasvu';

/** Starts version 3 as an update of the approved version 2. */
export async function startDraft(ctx: AppContext): Promise<void> {
  await startUpdate(ctx, EDITOR, PROGRAMME);
}

export async function auditActions(ctx: AppContext): Promise<string[]> {
  return (await listAuditEvents(ctx.db.kysely, { limit: 1000 })).entries.map((e) => e.action).reverse();
}
