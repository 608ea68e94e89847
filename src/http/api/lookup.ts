/** Finds what a route's parameters name, or throws `not_found` naming what is missing. */
import { notFound } from '#src/domain/errors.ts';
import type { ProgrammeSummary, TreeNode, VersionContent } from '#src/domain/read-models.ts';
import { findByKey } from '#src/domain/tree.ts';
import type { AppContext } from '#src/services/app-context.ts';

/** The version number meant by a `number` parameter: digits, or `current`. */
export function versionNumberOf(programme: ProgrammeSummary, param: string): number {
  if (param !== 'current') return Number(param);
  if (programme.currentVersion === null) throw notFound(`A current version of programme "${programme.id}"`);
  return programme.currentVersion;
}

export async function findVersionContent(
  ctx: AppContext,
  programmeId: string,
  versionParam: string,
): Promise<VersionContent> {
  const programme = await ctx.reader.programmeById(programmeId);
  return ctx.reader.versionContent(programme.regionCode, programme.slug, versionNumberOf(programme, versionParam));
}

export function findNode(content: VersionContent, key: string): TreeNode {
  const node = findByKey(content.nodes, key);
  if (!node)
    throw notFound(`Node "${key}" in version ${content.version.number} of programme "${content.programme.id}"`);
  return node;
}
