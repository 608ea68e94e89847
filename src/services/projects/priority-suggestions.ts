/**
 * Links between projects and a programme's priorities exist only where the imported data gives
 * them or an editor confirmed them. For the region's projects that have no link to the programme,
 * the alignment helper (services/alignment.ts) proposes the priority whose texts are most like
 * the project's name and summary: shown on priority pages as proposals, not links, and offered to
 * editors to confirm (which creates the link, with an audit event).
 *
 * Proposals are made for at most MAX_RANKED unlinked projects (by code); a region with more says
 * so rather than rank them all on a page request. They are kept per version content, which the
 * reader hands out anew after every write (a project import or a confirmation included).
 */
import { AppError, badRequest, notFound } from '#src/domain/errors.ts';
import { LANGS, pickText, type Lang, type LocalizedText } from '#src/domain/languages.ts';
import type { VersionContent } from '#src/domain/read-models.ts';
import type { Actor } from '#src/domain/roles.ts';
import { flattenTree } from '#src/domain/tree.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { contentChanged } from '../freshness.ts';
import {
  findProjectId,
  insertConfirmedNodeLink,
  listUnlinkedProjects,
  unlinkedProjectTotals,
} from '#src/storage/repositories/projects-repository.ts';
import { alignWithContent } from '../alignment.ts';
import type { ProgrammeReader } from '../programmes/programme-reader.ts';

/** The most unlinked projects ranked for proposals. */
export const MAX_RANKED = 2000;

export interface PriorityProposal {
  code: string;
  name: LocalizedText;
  fundingPeriod: string | null;
  /** The proposed priority (node key) and its BM25 score. */
  priority: string;
  score: number;
}

export interface Proposals {
  programme: string;
  version: number;
  /** Unlinked projects ranked (at most MAX_RANKED) and whether there were more. */
  ranked: number;
  truncated: boolean;
  /** One proposal per unlinked project for which some priority scored above zero, by code. */
  proposals: PriorityProposal[];
}

const cache = new WeakMap<VersionContent, Map<string, { generation: number; promise: Promise<Proposals> }>>();

function projectText(name: LocalizedText, summary: LocalizedText | null): { text: string; lang: Lang } | null {
  // The project's own language: the first of fi, sv, en in which it has a name.
  const picked = pickText(name, 'fi');
  if (!picked) return null;
  const lang = (LANGS as readonly string[]).includes(picked.lang) ? (picked.lang as Lang) : 'fi';
  const about = summary?.[lang] ?? '';
  return { text: `${picked.text}\n${about}`.trim(), lang };
}

async function compute(db: Db, content: VersionContent, regionCode: string): Promise<Proposals> {
  const slug = content.programme.slug;
  const unlinked = await listUnlinkedProjects(db.kysely, regionCode, slug, MAX_RANKED + 1);
  const ranked = unlinked.slice(0, MAX_RANKED);
  const proposals: PriorityProposal[] = [];
  for (const p of ranked) {
    const input = projectText(p.name, p.summary);
    if (!input) continue;
    const best = alignWithContent(content, input.text, input.lang).priorities[0];
    if (best && best.score > 0)
      proposals.push({
        code: p.code,
        name: p.name,
        fundingPeriod: p.fundingPeriod,
        priority: best.key,
        score: best.score,
      });
  }
  return {
    programme: slug,
    version: content.version.number,
    ranked: ranked.length,
    truncated: unlinked.length > MAX_RANKED,
    proposals,
  };
}

/** The proposals for the region's unlinked projects against the current version of programme `slug`. */
export async function priorityProposals(
  db: Db,
  reader: ProgrammeReader,
  regionCode: string,
  slug: string,
): Promise<Proposals> {
  const content = await reader.versionContent(regionCode, slug);
  // Held per programme content and the region's projects generation: a new link or import ranks anew.
  const projectsGeneration = (await reader.freshness.current()).of(regionCode, 'projects');
  let byRegion = cache.get(content);
  if (!byRegion) {
    byRegion = new Map();
    cache.set(content, byRegion);
  }
  let held = byRegion.get(regionCode);
  if (!held || held.generation !== projectsGeneration) {
    const promise = compute(db, content, regionCode);
    held = { generation: projectsGeneration, promise };
    byRegion.set(regionCode, held);
    const map = byRegion;
    promise.catch(() => map.delete(regionCode));
  }
  return held.promise;
}

/** Count, funding periods and money by fund and kind of the region's projects with no link to programme `slug`. */
export async function unlinkedTotals(
  db: Db,
  regionCode: string,
  slug: string,
): Promise<{ count: number; periods: string[]; sums: { fund: string; kind: string; cents: number }[] }> {
  return unlinkedProjectTotals(db.kysely, regionCode, slug);
}

/**
 * An editor confirms the link of project `projectCode` to priority `nodeKey` of the current
 * version of programme `slug` (the helper's proposal, or another priority the editor chose):
 * creates the link and its audit event in one transaction. A link that exists already is a conflict.
 */
export async function confirmProjectLink(
  db: Db,
  reader: ProgrammeReader,
  actor: Actor,
  input: { regionCode: string; slug: string; projectCode: string; nodeKey: string },
): Promise<void> {
  const content = await reader.versionContent(input.regionCode, input.slug);
  const node = flattenTree(content.nodes).find((n) => n.key === input.nodeKey && n.level === 'priority');
  if (!node) throw badRequest(`priority: "${input.nodeKey}" is not a priority of programme ${input.slug}`);
  await inTransaction(db.kysely, async (trx) => {
    const projectId = await findProjectId(trx, input.regionCode, input.projectCode);
    if (projectId === null) throw notFound(`Project "${input.projectCode}" of region ${input.regionCode}`);
    const at = new Date().toISOString();
    const added = await insertConfirmedNodeLink(trx, {
      projectId,
      programmeSlug: input.slug,
      nodeKey: input.nodeKey,
      by: actor.label,
      at,
    });
    if (!added)
      throw new AppError(
        'conflict',
        `Project "${input.projectCode}" is already linked to priority "${input.nodeKey}" of programme ${input.slug}`,
      );
    await contentChanged(trx, input.regionCode, ['projects']);
    await insertAuditEvent(trx, {
      actor,
      regionCode: input.regionCode,
      action: 'projects.link.confirm',
      entityType: 'project',
      entityId: `${input.regionCode}/${input.projectCode}`,
      summary: `Linked project ${input.projectCode} to priority ${input.nodeKey} of programme ${input.slug} (confirmed)`,
      after: { programme: input.slug, node: input.nodeKey, version: content.version.number, confirmedBy: actor.label },
    });
  });
  reader.invalidate();
}
