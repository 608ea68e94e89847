/**
 * Changing the shape of a draft's tree: adding a node (as a child or at the top level, with a key
 * made from its Finnish title), moving one (reparent and reorder, never under itself, within the
 * programme's levels) and deleting one with everything below it. Sibling positions are renumbered
 * after each change.
 */
import { EditConflict, FieldErrors, fieldProblem, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError, notFound } from '#src/domain/errors.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanTexts } from '#src/domain/text-fields.ts';
import { statusAfterEdit, statusMapToJson } from '#src/domain/translation-status.ts';
import {
  keyFromTitle,
  moveProblem,
  orderAfterPlacing,
  siblingsOf,
  slugProblem,
  subtreeIds,
  type TreeItem,
} from '#src/domain/programmes/tree-edits.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  bumpNodeIfRevision,
  deleteNodes,
  insertNode,
  listNodes,
  type NodeRow,
  placeNodes,
  programmeNodeKeys,
} from '#src/storage/repositories/nodes-repository.ts';
import { editTransaction, entityId, loadDraft, type EditingContext, type VersionRef } from './edit-transaction.ts';
import { NODE_TEXT_SPECS, nodeState, reindexNode, type NodeState } from './node-state.ts';
import type { NodeRef } from './node-texts.ts';

export interface AddNodeInput {
  /** Key of the parent; null adds a node to the top level. */
  parentKey: string | null;
  title: LocalizedText;
  /** Defaults to the generated key. */
  slug?: string | undefined;
}

const items = (rows: readonly NodeRow[]): TreeItem[] =>
  rows.map((r) => ({ id: r.id, parentId: r.parentId, depth: r.depth, position: r.position, slug: r.slug }));

/** Renumbers the children of `parentId` to the order of `ids`, at `depth`. */
function placesFor(
  ids: readonly number[],
  parentId: number | null,
  depth: number,
): { id: number; parentId: number | null; position: number; depth: number }[] {
  return ids.map((id, position) => ({ id, parentId, position, depth }));
}

function findByKey(rows: readonly NodeRow[], key: string, number: number): NodeRow {
  const row = rows.find((r) => r.key === key);
  if (!row) throw notFound(`Node "${key}" of version ${number}`);
  return row;
}

/** Adds a node at the end of its parent's children; returns its key. */
export async function addNode(
  ctx: EditingContext,
  actor: Actor,
  ref: VersionRef,
  input: AddNodeInput,
): Promise<NodeState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const { programme, version } = await loadDraft(trx, ref);
    const rows = await listNodes(trx, version.id);
    const parent = input.parentKey === null ? null : findByKey(rows, input.parentKey, ref.number);
    const depth = parent ? parent.depth + 1 : 1;
    const errors: FieldErrorMap = {};
    if (depth > programme.levels.length)
      errors['parentKey'] =
        `the programme has ${programme.levels.length} level(s); a node cannot be added below level ${programme.levels.length}`;
    const { title } = cleanTexts({ title: NODE_TEXT_SPECS.title }, { title: input.title }, errors);
    const key = keyFromTitle(title?.fi ?? '', await programmeNodeKeys(trx, programme.id));
    const slug = input.slug?.trim() || key;
    const siblings = siblingsOf(items(rows), parent?.id ?? null);
    const slugError = slugProblem(
      slug,
      siblings.map((s) => s.slug),
    );
    if (slugError) errors['slug'] = slugError;
    if (Object.keys(errors).length > 0) throw new FieldErrors('The node was not added', errors);
    const texts = { title: title!, shortTitle: null, summary: null, body: null };
    const id = await insertNode(trx, {
      versionId: version.id,
      key,
      parentId: parent?.id ?? null,
      position: siblings.length,
      depth,
      slug,
      ...texts,
      translationStatus: statusMapToJson(statusAfterEdit({}, {}, { title: texts.title })),
    });
    await reindexNode(trx, version.id, id, texts);
    const created = (await listNodes(trx, version.id)).find((r) => r.id === id)!;
    const after = await nodeState(trx, created);
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'node.add',
      entityType: 'node',
      entityId: entityId(ref, ref.number, key),
      summary: `Added "${texts.title.fi}"${parent ? ` under "${parent.key}"` : ' at the top level'}`,
      after: { ...after, parentKey: parent?.key ?? null },
    });
    return after;
  });
}

export type MoveInput = { revision: number } & (
  { direction: 'up' | 'down' } | { parentKey: string | null; index?: number | undefined }
);

/** Moves a node (with everything below it) one place up or down, or under another parent. */
export async function moveNode(
  ctx: EditingContext,
  actor: Actor,
  ref: NodeRef,
  input: MoveInput,
): Promise<{ parentKey: string | null; position: number }> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const { programme, version } = await loadDraft(trx, ref);
    const rows = await listNodes(trx, version.id);
    const node = findByKey(rows, ref.key, ref.number);
    if (node.revision !== input.revision)
      throw new EditConflict<NodeState>(`The node "${node.key}"`, await nodeState(trx, node));
    const tree = items(rows);
    const oldParent = node.parentId;
    let newParent: number | null;
    let index: number;
    if ('direction' in input) {
      newParent = oldParent;
      const order = siblingsOf(tree, oldParent).map((s) => s.id);
      index = order.indexOf(node.id) + (input.direction === 'up' ? -1 : 1);
      if (index < 0 || index >= order.length)
        throw new AppError(
          'conflict',
          `"${node.key}" is already the ${input.direction === 'up' ? 'first' : 'last'} among its siblings`,
          [],
          { code: input.direction === 'up' ? 'already_first' : 'already_last', params: { key: node.key } },
        );
    } else {
      newParent = input.parentKey === null ? null : findByKey(rows, input.parentKey, ref.number).id;
      const problem = moveProblem(tree, node.id, newParent, programme.levels.length);
      if (problem) throw new FieldErrors(`"${node.key}" was not moved`, { parentKey: problem });
      if (newParent !== oldParent) {
        const clash = siblingsOf(tree, newParent).find((s) => s.slug === node.slug);
        if (clash)
          throw new FieldErrors(`"${node.key}" was not moved`, {
            parentKey: fieldProblem(
              'move_slug_taken',
              `the new parent already has a child with the slug "${node.slug}"; change the slug first`,
              { slug: node.slug },
            ),
          });
      }
      index = input.index ?? Number.MAX_SAFE_INTEGER;
    }
    const parentDepth = newParent === null ? 0 : rows.find((r) => r.id === newParent)!.depth;
    const delta = parentDepth + 1 - node.depth;
    const places = placesFor(orderAfterPlacing(tree, newParent, node.id, index), newParent, parentDepth + 1);
    if (newParent !== oldParent)
      places.push(
        ...placesFor(
          siblingsOf(tree, oldParent)
            .filter((s) => s.id !== node.id)
            .map((s) => s.id),
          oldParent,
          node.depth,
        ),
      );
    if (delta !== 0) {
      for (const id of subtreeIds(tree, node.id).slice(1)) {
        const r = rows.find((x) => x.id === id)!;
        places.push({ id, parentId: r.parentId, position: r.position, depth: r.depth + delta });
      }
    }
    if (!(await bumpNodeIfRevision(trx, node.id, input.revision))) {
      throw new EditConflict<NodeState>(
        `The node "${node.key}"`,
        await nodeState(
          trx,
          (await listNodes(trx, version.id)).find((r) => r.id === node.id)!,
        ),
      );
    }
    await placeNodes(trx, places);
    const position = places.find((p) => p.id === node.id)!.position;
    const parentKey = newParent === null ? null : rows.find((r) => r.id === newParent)!.key;
    const oldParentKey = oldParent === null ? null : rows.find((r) => r.id === oldParent)!.key;
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'node.move',
      entityType: 'node',
      entityId: entityId(ref, ref.number, ref.key),
      summary: `Moved "${node.title.fi ?? node.key}"`,
      before: { parentKey: oldParentKey, position: node.position, depth: node.depth },
      after: { parentKey, position, depth: parentDepth + 1 },
    });
    return { parentKey, position };
  });
}

/** Deletes a node and everything below it; returns how many nodes were removed. */
export async function deleteNode(
  ctx: EditingContext,
  actor: Actor,
  ref: NodeRef,
  input: { revision: number },
): Promise<{ deleted: number }> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx: Executor) => {
    const { version } = await loadDraft(trx, ref);
    const rows = await listNodes(trx, version.id);
    const node = findByKey(rows, ref.key, ref.number);
    if (node.revision !== input.revision)
      throw new EditConflict<NodeState>(`The node "${node.key}"`, await nodeState(trx, node));
    const tree = items(rows);
    const ids = subtreeIds(tree, node.id);
    const removed = rows.filter((r) => ids.includes(r.id));
    const before = await Promise.all(
      removed.map(async (r) => ({
        ...(await nodeState(trx, r)),
        parentKey: rows.find((p) => p.id === r.parentId)?.key ?? null,
      })),
    );
    if (!(await bumpNodeIfRevision(trx, node.id, input.revision))) {
      throw new EditConflict<NodeState>(`The node "${node.key}"`, await nodeState(trx, node));
    }
    await deleteNodes(trx, ids);
    const rest = siblingsOf(tree, node.parentId)
      .filter((s) => s.id !== node.id)
      .map((s) => s.id);
    await placeNodes(trx, placesFor(rest, node.parentId, node.depth));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'node.delete',
      entityType: 'node',
      entityId: entityId(ref, ref.number, ref.key),
      summary: `Deleted "${node.title.fi ?? node.key}"${ids.length > 1 ? ` and ${ids.length - 1} node(s) below it` : ''}`,
      before,
    });
    return { deleted: ids.length };
  });
}
