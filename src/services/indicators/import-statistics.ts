/**
 * The reviewed statistics import (`suunta import statistics FILE --region 08 [--dry-run]`, the
 * admin upload, `suunta fetch statistics` and the seed): a file's datasets are read, matched to
 * the region's indicators and compared with the stored observations; the diff (new, revised,
 * withdrawn values and changed units) is shown before anything is written. Writing is one
 * transaction that recomputes the diff and, when a reviewed diff is confirmed, refuses (409) if
 * the stored figures changed in between. The same file twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { matchDatasets, type DatasetMatch, type ObservationDraft } from '#src/domain/indicators/match-datasets.ts';
import {
  diffIndicator,
  isEmptyDiff,
  totalsOf,
  type IndicatorDiff,
  type StatisticsDiff,
} from '#src/domain/indicators/observation-diff.ts';
import type { StoredIndicator } from '#src/domain/indicators/indicator.ts';
import { EMPTY_ID_MAP } from '#src/domain/indicators/table-ids.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { StatDataset } from '#src/domain/statistics/dataset.ts';
import { normaliseArea } from '#src/domain/statistics/areas.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  insertStatisticsImport,
  knownAreaKeys,
  listIndicators,
  listObservations,
  readIndicatorSettings,
  writeObservations,
  type ObservationWrite,
} from '#src/storage/repositories/indicators-repository.ts';
import { contentChanged } from '../freshness.ts';
import { readStatisticsBytes } from '../import-files/read-statistics-file.ts';

export interface DatasetSummary {
  path: string;
  tableId: string | null;
  updated: string | null;
  cells: number;
  /** The indicators it feeds (empty: not used, see `reason`). */
  indicators: string[];
  reason: string | null;
}

export interface StatisticsReview {
  fileName: string;
  fileHash: string;
  region: string;
  datasets: DatasetSummary[];
  diff: StatisticsDiff;
  /** Identifies this diff against this state of the stored figures: a confirmation carries it back. */
  reviewToken: string;
  /** The matched observations (for a facts file). */
  matches: DatasetMatch[];
  /** The indicators the file feeds. */
  indicators: StoredIndicator[];
}

export interface StatisticsImportResult extends StatisticsReview {
  written: boolean;
  importId: number | null;
}

/** Reads the datasets of a file's bytes; a file problem becomes an `invalid_file` error naming the JSON path. */
export function readDatasets(bytes: Uint8Array, fileName: string): StatDataset[] {
  return readStatisticsBytes(bytes, fileName, 'path-only').datasets;
}

function tokenOf(fileHash: string, diffs: readonly IndicatorDiff[]): string {
  const h = createHash('sha256').update(fileHash);
  for (const d of diffs) {
    h.update(`\n${d.indicatorCode}`);
    for (const c of [...d.added, ...d.revised, ...d.withdrawn])
      h.update(
        `|${c.area}/${c.period}:${c.before?.value ?? '∅'}/${c.before?.status ?? ''}>${c.after?.value ?? '∅'}/${c.after?.status ?? ''}`,
      );
    h.update(`|u:${d.unitChange?.before ?? ''}>${d.unitChange?.after ?? ''}`);
  }
  return h.digest('hex').slice(0, 32);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function review(
  db: Executor,
  datasets: readonly StatDataset[],
  input: { fileName: string; fileHash: string; region: string },
): Promise<{ review: StatisticsReview; indicators: StoredIndicator[]; diffs: IndicatorDiff[] }> {
  const indicators = await listIndicators(db, input.region);
  if (indicators.length === 0)
    throw new AppError(
      'bad_request',
      `region ${input.region} has no indicators: import their definitions first (suunta import indicators FILE)`,
    );
  const settings = await readIndicatorSettings(db, input.region);
  const result = matchDatasets(
    datasets,
    indicators.map((i) => ({ code: i.code, source: i.source })),
    {
      idMap: settings?.idMap ?? EMPTY_ID_MAP,
      knownAreas: await knownAreaKeys(db),
      areaOf: (code, hint) => normaliseArea(code, hint),
    },
  );
  if (result.problems.length > 0) throw invalidFile(input.fileName, result.problems);
  if (result.matches.length === 0)
    throw invalidFile(
      input.fileName,
      result.unmatched.length > 0
        ? result.unmatched.map((u) => `${u.path}: ${u.reason} (no indicator of region ${input.region} reads it)`)
        : ['holds no datasets'],
    );
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const touched = [...new Set(result.matches.map((m) => m.indicatorCode))].map((c) => byCode.get(c)!);
  const stored = await listObservations(
    db,
    touched.map((i) => i.id),
  );
  // Grouped once: filtering every indicator's rows out of all of them is quadratic (400 indicators, a million cells).
  const storedOf = groupBy(stored, (o) => o.indicatorId);
  const matchesOf = groupBy(result.matches, (m) => m.indicatorCode);
  const diffs = touched.map((ind) =>
    diffIndicator(ind.code, storedOf.get(ind.id) ?? [], matchesOf.get(ind.code) ?? []),
  );
  const fedBy = groupBy(result.matches, (m) => m.datasetPath);
  const datasetsSummary: DatasetSummary[] = datasets.map((ds) => {
    const fed = (fedBy.get(ds.path) ?? []).map((m) => m.indicatorCode);
    return {
      path: ds.path,
      tableId: ds.tableId,
      updated: ds.updated,
      cells: ds.cellCount,
      indicators: fed,
      reason: fed.length > 0 ? null : (result.unmatched.find((u) => u.path === ds.path)?.reason ?? null),
    };
  });
  return {
    review: {
      fileName: input.fileName,
      fileHash: input.fileHash,
      region: input.region,
      datasets: datasetsSummary,
      diff: { indicators: diffs, totals: totalsOf(diffs) },
      reviewToken: tokenOf(input.fileHash, diffs),
      matches: result.matches,
      indicators: touched,
    },
    indicators: touched,
    diffs,
  };
}

export interface StatisticsImportInput {
  bytes: Uint8Array;
  fileName: string;
  region: string;
  /** Stop after the review (nothing is written). */
  dryRun?: boolean;
  /** The token of the review the user confirmed: the import is refused (409) when the diff is no longer the same. */
  confirmToken?: string;
  actor: Actor;
  /** When the figures were retrieved (a fetch); default: now. */
  retrievedAt?: string;
  now?: () => Date;
  /** false for the first-start seed, which the audit log does not record (like the programme seed). */
  audit?: boolean;
}

/** Reviews a statistics file and, unless `dryRun`, writes its changes in one transaction. */
export async function importStatistics(db: Db, input: StatisticsImportInput): Promise<StatisticsImportResult> {
  const datasets = readDatasets(input.bytes, input.fileName);
  const fileHash = createHash('sha256').update(input.bytes).digest('hex');
  const at = (input.now ?? (() => new Date()))().toISOString();
  if (input.dryRun) {
    const r = await review(db.kysely, datasets, { fileName: input.fileName, fileHash, region: input.region });
    return { ...r.review, written: false, importId: null };
  }
  return inTransaction(db.kysely, async (trx) => {
    const r = await review(trx, datasets, { fileName: input.fileName, fileHash, region: input.region });
    if (input.confirmToken !== undefined && input.confirmToken !== r.review.reviewToken)
      throw new AppError(
        'conflict',
        'the stored figures changed after this file was reviewed: review the file again before confirming',
      );
    if (isEmptyDiff(r.review.diff.totals)) return { ...r.review, written: false, importId: null };
    const importId = await insertStatisticsImport(trx, {
      regionCode: input.region,
      fileName: input.fileName,
      fileHash,
      at,
      actor: input.actor.label,
      summary: {
        totals: r.review.diff.totals,
        datasets: r.review.datasets.map((d) => ({
          path: d.path,
          tableId: d.tableId,
          updated: d.updated,
          indicators: d.indicators,
        })),
      },
    });
    const byCode = new Map(r.indicators.map((i) => [i.code, i]));
    const matchesOf = groupBy(r.review.matches, (m) => m.indicatorCode);
    const writes: ObservationWrite[] = r.diffs.map((d) => {
      const matches = matchesOf.get(d.indicatorCode) ?? [];
      const upserts: ObservationDraft[] = [];
      for (const list of [d.added, d.revised, d.withdrawn]) for (const c of list) if (c.after) upserts.push(c.after);
      return {
        indicatorId: byCode.get(d.indicatorCode)!.id,
        deletes: [...d.revised, ...d.withdrawn].map((c) => ({ area: c.area, period: c.period })),
        upserts,
        sourceUpdated:
          matches
            .map((m) => m.updated)
            .filter((u): u is string => u !== null)
            .sort()
            .at(-1) ?? null,
      };
    });
    await writeObservations(trx, db.dialect, importId, input.retrievedAt ?? at, writes);
    await contentChanged(trx, input.region, ['indicators']);
    const t = r.review.diff.totals;
    if (input.audit !== false)
      await insertAuditEvent(trx, {
        actor: input.actor,
        regionCode: input.region,
        action: 'statistics.import',
        entityType: 'statistics_import',
        entityId: String(importId),
        summary: `Imported statistics ${input.fileName}: ${t.added} new, ${t.revised} revised, ${t.withdrawn} withdrawn values`,
        after: { file: input.fileName, fileHash, totals: t, indicators: r.diffs.map((d) => d.indicatorCode) },
      });
    return { ...r.review, written: true, importId };
  });
}
