/**
 * Imports a validated programme file in one transaction: the council's contact details, the
 * programme with its taxonomies, every version with its tree, and the search index. A programme
 * already stored under the same region and slug is replaced. Nothing is written if any step fails.
 */
import { notFound } from '#src/domain/errors.ts';
import { LANGS, pickText } from '#src/domain/languages.ts';
import type { FileNode, ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import { stemText } from '#src/domain/search-text.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import { replaceCouncil } from '#src/storage/repositories/council-repository.ts';
import { insertNode } from '#src/storage/repositories/nodes-repository.ts';
import { deleteProgramme, findProgramme, insertProgramme } from '#src/storage/repositories/programmes-repository.ts';
import { findRegion } from '#src/storage/repositories/regions-repository.ts';
import { insertSearchRows, type SearchRow } from '#src/storage/repositories/search-repository.ts';
import { insertTaxonomy, insertTerm, linkNodeTerms } from '#src/storage/repositories/taxonomies-repository.ts';
import { insertVersion } from '#src/storage/repositories/versions-repository.ts';
import { contentChanged } from '../freshness.ts';

export interface ImportSummary {
  programmeId: string;
  versions: number;
  nodes: number;
  replaced: boolean;
}

export async function importProgramme(db: Db, file: ProgrammeFile): Promise<ImportSummary> {
  return inTransaction(db.kysely, async (trx) => {
    const region = await findRegion(trx, { code: file.region });
    if (!region) throw notFound(`Region "${file.region}"`);
    if (file.council) {
      const c = file.council;
      await replaceCouncil(trx, {
        regionCode: file.region,
        name: c.name,
        businessId: c.businessId ?? null,
        email: c.email ?? null,
        web: c.web ?? null,
        offices: c.offices.map((o) => ({
          key: o.key,
          kind: o.kind,
          name: o.name,
          postalAddress: o.postalAddress ?? null,
          visitingAddress: o.visitingAddress ?? null,
          hours: o.hours ?? null,
          phone: o.phone ?? null,
          email: o.email ?? null,
        })),
        contacts: c.contacts.map((k) => ({
          name: k.name,
          role: k.role,
          topic: k.topic ?? null,
          email: k.email ?? null,
          phone: k.phone ?? null,
        })),
      });
    }
    const p = file.programme;
    const existing = await findProgramme(trx, file.region, p.slug);
    if (existing) await deleteProgramme(trx, existing.dbId);
    const programmeId = await insertProgramme(trx, {
      regionCode: file.region,
      slug: p.slug,
      kind: p.kind,
      title: p.title,
      periodStart: p.period.start,
      periodEnd: p.period.end,
      levels: p.levels,
    });
    const termIds = new Map<string, number>();
    for (const [ti, tax] of p.taxonomies.entries()) {
      const taxonomyId = await insertTaxonomy(trx, programmeId, {
        key: tax.key,
        position: ti,
        name: tax.name,
        description: tax.description ?? null,
      });
      for (const [i, term] of tax.terms.entries()) {
        const id = await insertTerm(trx, taxonomyId, {
          key: term.key,
          position: i,
          title: term.title,
          shortTitle: term.shortTitle ?? null,
          description: term.description ?? null,
          translationStatus: null,
        });
        termIds.set(`${tax.key}/${term.key}`, id);
      }
    }
    let nodeCount = 0;
    for (const v of file.versions) {
      const versionId = await insertVersion(trx, programmeId, {
        number: v.number,
        status: v.status,
        label: v.label ?? null,
        decisionBody: v.decision?.body ?? null,
        decisionDate: v.decision?.date ?? null,
        decisionReference: v.decision?.reference ?? null,
        changelog: v.changelog ?? null,
        vision: v.vision ?? null,
        summary: v.summary ?? null,
        translationStatus: null,
      });
      const search: SearchRow[] = [];
      nodeCount += await insertNodes(trx, versionId, v.nodes, null, 1, termIds, search);
      await insertSearchRows(trx, search);
    }
    // The file may carry the council's contact details too.
    await contentChanged(trx, file.region, ['region', 'programme']);
    return {
      programmeId: `${file.region}-${p.slug}`,
      versions: file.versions.length,
      nodes: nodeCount,
      replaced: existing !== null,
    };
  });
}

async function insertNodes(
  trx: Executor,
  versionId: number,
  nodes: readonly FileNode[],
  parentId: number | null,
  depth: number,
  termIds: ReadonlyMap<string, number>,
  search: SearchRow[],
): Promise<number> {
  let count = 0;
  for (const [position, node] of nodes.entries()) {
    const nodeId = await insertNode(trx, {
      versionId,
      key: node.key,
      parentId,
      position,
      depth,
      slug: node.slug ?? node.key,
      title: node.title,
      shortTitle: node.shortTitle ?? null,
      summary: node.summary ?? null,
      body: node.body ?? null,
      translationStatus: null,
    });
    await linkNodeTerms(
      trx,
      node.terms.map((ref) => ({ nodeId, termId: termIds.get(ref)! })),
    );
    search.push(...searchRowsFor(versionId, nodeId, node));
    count += 1 + (await insertNodes(trx, versionId, node.children, nodeId, depth + 1, termIds, search));
  }
  return count;
}

/** One index row per language: the text a reader of that language sees (with fallback), stemmed in its own language. */
export function searchRowsFor(
  versionId: number,
  nodeId: number,
  node: Pick<FileNode, 'title' | 'shortTitle' | 'summary' | 'body'>,
): SearchRow[] {
  return LANGS.map((lang) => {
    const parts = [node.title, node.shortTitle, node.summary, node.body]
      .map((t) => pickText(t, lang))
      .filter((t) => t !== null)
      .map((t) => stemText(t.text, t.lang).join(' '));
    return { versionId, nodeId, lang, stems: parts.join(' ') };
  });
}
