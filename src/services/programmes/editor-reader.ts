/**
 * What the admin pages show: programmes with their versions and the lifecycle actions open to
 * each, a version's whole tree with revisions and translation status, one node for its edit form
 * (with the parents it may move under), the taxonomies with their terms, and the council's offices
 * and contacts. Read straight from the database, never from the public memo.
 */
import { notFound } from '#src/domain/errors.ts';
import type {
  CouncilEditView,
  EditorNode,
  EditorVersion,
  MoveTarget,
  NodeEditView,
  ProgrammeListItem,
  ProgrammeOverview,
  TaxonomyOptions,
  TermsEditView,
  VersionEditView,
} from '#src/domain/programmes/editor-models.ts';
import { actionsFor, isEditable, planUpdate } from '#src/domain/programmes/lifecycle.ts';
import { effectiveStatus, needsReview, parseStatusMap } from '#src/domain/translation-status.ts';
import { moveProblem, type TreeItem } from '#src/domain/programmes/tree-edits.ts';
import type { Executor } from '#src/storage/executor.ts';
import { findCouncil, listContacts, listOffices } from '#src/storage/repositories/council-repository.ts';
import { findNode, listNodes, type NodeRow } from '#src/storage/repositories/nodes-repository.ts';
import { listProgrammes } from '#src/storage/repositories/programmes-repository.ts';
import { listTaxonomies, listTerms, nodeTermLinks } from '#src/storage/repositories/taxonomies-repository.ts';
import { listVersions } from '#src/storage/repositories/versions-repository.ts';
import { loadProgramme, loadVersion, type ProgrammeRef, type VersionRef } from './edit-transaction.ts';
import { nodeState } from './node-state.ts';
import { programmeState } from './programme-edits.ts';
import { termState } from './term-edits.ts';
import { versionState } from './version-edits.ts';

function editorVersion(v: Parameters<typeof versionState>[0]): EditorVersion {
  return { ...versionState(v), editable: isEditable(v.status), actions: actionsFor(v.status) };
}

/** The programmes of the given regions (all when `regionCodes` is omitted). */
export async function programmesForAdmin(db: Executor, regionCodes?: readonly string[]): Promise<ProgrammeListItem[]> {
  const all = await listProgrammes(db);
  return all
    .filter((p) => regionCodes === undefined || regionCodes.includes(p.regionCode))
    .map((p) => ({
      regionCode: p.regionCode,
      slug: p.slug,
      title: p.title,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
    }));
}

export async function programmeOverview(db: Executor, ref: ProgrammeRef): Promise<ProgrammeOverview> {
  const programme = await loadProgramme(db, ref);
  const versions = await listVersions(db, programme.id);
  let updateBlocked: string | null = null;
  try {
    planUpdate(versions);
  } catch (error) {
    updateBlocked = (error as Error).message;
  }
  return { programme: programmeState(programme), versions: versions.map(editorVersion), updateBlocked };
}

function buildTree(rows: readonly NodeRow[]): EditorNode[] {
  const byId = new Map<number, EditorNode>();
  const roots: EditorNode[] = [];
  for (const r of rows) {
    const parent = r.parentId === null ? undefined : byId.get(r.parentId);
    const map = parseStatusMap(r.translationStatus);
    const node: EditorNode = {
      key: r.key,
      slug: r.slug,
      depth: r.depth,
      position: r.position,
      parentKey: parent?.key ?? null,
      revision: r.revision,
      title: r.title,
      toReview: needsReview(map),
      status: effectiveStatus(map, { title: r.title })['title']!,
      children: [],
    };
    byId.set(r.id, node);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export async function versionForEdit(db: Executor, ref: VersionRef): Promise<VersionEditView> {
  const { programme, version } = await loadVersion(db, ref);
  return {
    programme: programmeState(programme),
    version: editorVersion(version),
    nodes: buildTree(await listNodes(db, version.id)),
  };
}

export async function taxonomyOptions(db: Executor, programmeId: number): Promise<TaxonomyOptions[]> {
  const [taxonomies, terms] = await Promise.all([listTaxonomies(db, programmeId), listTerms(db, programmeId)]);
  return taxonomies.map((t) => ({
    key: t.key,
    name: t.name,
    terms: terms
      .filter((term) => term.taxonomyId === t.id)
      .map((term) => ({ ref: `${t.key}/${term.key}`, title: term.title })),
  }));
}

export async function nodeForEdit(db: Executor, ref: VersionRef & { key: string }): Promise<NodeEditView> {
  const { programme, version } = await loadVersion(db, ref);
  const row = await findNode(db, version.id, ref.key);
  if (!row) throw notFound(`Node "${ref.key}" of version ${ref.number}`);
  const rows = await listNodes(db, version.id);
  const items: TreeItem[] = rows.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    depth: r.depth,
    position: r.position,
    slug: r.slug,
  }));
  const parent = rows.find((r) => r.id === row.parentId) ?? null;
  const levels = programme.levels.length;
  const moveTargets: MoveTarget[] = [
    ...(moveProblem(items, row.id, null, levels) === null ? [{ key: null, title: null, depth: 0 }] : []),
    ...rows
      .filter((r) => moveProblem(items, row.id, r.id, levels) === null)
      .map((r) => ({ key: r.key, title: r.title, depth: r.depth })),
  ];
  const subtreeIds = new Set([row.id]);
  for (const r of rows) if (r.parentId !== null && subtreeIds.has(r.parentId)) subtreeIds.add(r.id);
  return {
    programme: programmeState(programme),
    version: editorVersion(version),
    node: {
      ...(await nodeState(db, row)),
      depth: row.depth,
      parentKey: parent?.key ?? null,
      level: programme.levels[row.depth - 1] ?? null,
      childCount: rows.filter((r) => r.parentId === row.id).length,
    },
    taxonomies: await taxonomyOptions(db, programme.id),
    moveTargets: sortInTreeOrder(moveTargets, rows),
    subtree: rows.filter((r) => subtreeIds.has(r.id)).map((r) => ({ key: r.key, title: r.title, depth: r.depth })),
  };
}

/** Orders move targets as the tree reads (top level first, then each node followed by its children). */
function sortInTreeOrder(targets: MoveTarget[], rows: readonly NodeRow[]): MoveTarget[] {
  const order: string[] = [];
  const walk = (parentId: number | null): void => {
    for (const r of rows.filter((x) => x.parentId === parentId).sort((a, b) => a.position - b.position)) {
      order.push(r.key);
      walk(r.id);
    }
  };
  walk(null);
  return [...targets].sort((a, b) =>
    a.key === null ? -1 : b.key === null ? 1 : order.indexOf(a.key) - order.indexOf(b.key),
  );
}

export async function termsForEdit(db: Executor, ref: ProgrammeRef): Promise<TermsEditView> {
  const programme = await loadProgramme(db, ref);
  const [taxonomies, terms, versions] = await Promise.all([
    listTaxonomies(db, programme.id),
    listTerms(db, programme.id),
    listVersions(db, programme.id),
  ]);
  const usage = new Map<number, Set<number>>();
  for (const v of versions) {
    for (const link of await nodeTermLinks(db, v.id)) {
      if (!usage.has(link.termId)) usage.set(link.termId, new Set());
      usage.get(link.termId)!.add(v.number);
    }
  }
  return {
    programme: programmeState(programme),
    taxonomies: taxonomies.map((t) => ({
      key: t.key,
      name: t.name,
      terms: terms
        .filter((term) => term.taxonomyId === t.id)
        .map((term) => ({ ...termState(term), usedIn: [...(usage.get(term.id) ?? [])].sort((a, b) => a - b) })),
    })),
  };
}

export async function councilForEdit(db: Executor, code: string): Promise<CouncilEditView> {
  const council = await findCouncil(db, code);
  if (!council) throw notFound(`The council of region "${code}"`);
  const [offices, contacts] = await Promise.all([listOffices(db, code), listContacts(db, code)]);
  return { regionCode: code, name: council.name, offices, contacts };
}
