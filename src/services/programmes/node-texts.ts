/**
 * Saving a node's texts (every field in fi/sv/en), slug and term links with a revision check, and
 * setting its term links alone. A stale revision is a conflict carrying the stored node; the
 * Finnish original changing makes the other languages stale (domain/translation-status.ts).
 */
import { EditConflict, FieldErrors, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { notFound } from '#src/domain/errors.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Actor } from '#src/domain/roles.ts';
import { cleanTexts } from '#src/domain/text-fields.ts';
import {
  parseStatusMap,
  statusAfterEdit,
  statusMapToJson,
  type StatusChoices,
} from '#src/domain/translation-status.ts';
import { slugProblem } from '#src/domain/programmes/tree-edits.ts';
import type { Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  bumpNodeIfRevision,
  findNode,
  listNodes,
  type NodeRow,
  updateNodeIfRevision,
} from '#src/storage/repositories/nodes-repository.ts';
import { listTerms, replaceNodeTerms } from '#src/storage/repositories/taxonomies-repository.ts';
import { editTransaction, entityId, loadDraft, type EditingContext, type VersionRef } from './edit-transaction.ts';
import {
  NODE_TEXT_SPECS,
  nodeState,
  nodeTexts,
  reindexNode,
  type NodeState,
  type NodeTextField,
} from './node-state.ts';

export interface NodeRef extends VersionRef {
  key: string;
}

export interface NodeTextsInput {
  /** The revision the editor's form was loaded at. */
  revision: number;
  slug: string;
  texts: Partial<Record<NodeTextField, LocalizedText | null>>;
  /** Per `field.lang`: the editor marked the translation reviewed or machine-made. */
  status?: StatusChoices;
  /** Term links as `taxonomy/term`; omitted: the links stay as they are. */
  terms?: readonly string[];
}

async function loadNode(db: Executor, versionId: number, ref: NodeRef): Promise<NodeRow> {
  const node = await findNode(db, versionId, ref.key);
  if (!node) throw notFound(`Node "${ref.key}" of version ${ref.number}`);
  return node;
}

/** Raises the conflict for `node` when the form's revision is not the stored one. */
async function checkRevision(db: Executor, node: NodeRow, revision: number): Promise<void> {
  if (node.revision !== revision)
    throw new EditConflict<NodeState>(`The node "${node.key}"`, await nodeState(db, node));
}

/** Term ids for `refs` (`taxonomy/term`) of the programme; unknown refs go into `errors.terms`. */
async function termIdsFor(
  db: Executor,
  programmeId: number,
  refs: readonly string[],
  errors: FieldErrorMap,
): Promise<number[]> {
  const terms = new Map((await listTerms(db, programmeId)).map((t) => [`${t.taxonomyKey}/${t.key}`, t.id]));
  const unknown = refs.filter((r) => !terms.has(r));
  if (unknown.length > 0) errors['terms'] = `unknown term(s) ${unknown.map((u) => `"${u}"`).join(', ')}`;
  return refs.flatMap((r) => (terms.has(r) ? [terms.get(r)!] : []));
}

/** Saves a node's texts, slug (and term links when given); returns the node as now stored. */
export async function updateNode(
  ctx: EditingContext,
  actor: Actor,
  ref: NodeRef,
  input: NodeTextsInput,
): Promise<NodeState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const { programme, version } = await loadDraft(trx, ref);
    const node = await loadNode(trx, version.id, ref);
    await checkRevision(trx, node, input.revision);
    const errors: FieldErrorMap = {};
    const texts = cleanTexts(NODE_TEXT_SPECS, input.texts, errors);
    const slug = input.slug.trim();
    const siblings = (await listNodes(trx, version.id))
      .filter((n) => n.parentId === node.parentId && n.id !== node.id)
      .map((n) => n.slug);
    const slugError = slugProblem(slug, siblings);
    if (slugError) errors['slug'] = slugError;
    const termIds = input.terms === undefined ? null : await termIdsFor(trx, programme.id, input.terms, errors);
    if (Object.keys(errors).length > 0) throw new FieldErrors(`The node "${node.key}" was not saved`, errors);
    const before = await nodeState(trx, node);
    const status = statusAfterEdit(parseStatusMap(node.translationStatus), nodeTexts(node), texts, input.status ?? {});
    const saved = await updateNodeIfRevision(trx, node.id, input.revision, {
      slug,
      title: texts.title!,
      shortTitle: texts.shortTitle,
      summary: texts.summary,
      body: texts.body,
      translationStatus: statusMapToJson(status),
    });
    if (!saved)
      throw new EditConflict<NodeState>(
        `The node "${node.key}"`,
        await nodeState(trx, await loadNode(trx, version.id, ref)),
      );
    if (termIds !== null) await replaceNodeTerms(trx, node.id, termIds);
    await reindexNode(trx, version.id, node.id, texts);
    const after = await nodeState(trx, await loadNode(trx, version.id, ref));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'node.update',
      entityType: 'node',
      entityId: entityId(ref, ref.number, ref.key),
      summary: `Edited "${texts.title!.fi}"`,
      before,
      after,
    });
    return after;
  });
}

/** Replaces the term links of a node. */
export async function setNodeTerms(
  ctx: EditingContext,
  actor: Actor,
  ref: NodeRef,
  input: { revision: number; terms: readonly string[] },
): Promise<NodeState> {
  return editTransaction(ctx, { region: ref.code, kinds: ['programme'] }, async (trx) => {
    const { programme, version } = await loadDraft(trx, ref);
    const node = await loadNode(trx, version.id, ref);
    await checkRevision(trx, node, input.revision);
    const errors: FieldErrorMap = {};
    const termIds = await termIdsFor(trx, programme.id, input.terms, errors);
    if (Object.keys(errors).length > 0) throw new FieldErrors(`The terms of "${node.key}" were not saved`, errors);
    const before = await nodeState(trx, node);
    if (!(await bumpNodeIfRevision(trx, node.id, input.revision))) {
      throw new EditConflict<NodeState>(
        `The node "${node.key}"`,
        await nodeState(trx, await loadNode(trx, version.id, ref)),
      );
    }
    await replaceNodeTerms(trx, node.id, termIds);
    const after = await nodeState(trx, await loadNode(trx, version.id, ref));
    await insertAuditEvent(trx, {
      actor,
      regionCode: ref.code,
      action: 'node.terms',
      entityType: 'node',
      entityId: entityId(ref, ref.number, ref.key),
      summary: `Set the terms of "${node.title.fi ?? node.key}"`,
      before: { terms: before.terms },
      after: { terms: after.terms },
    });
    return after;
  });
}
