/**
 * `suunta import financing-plan`: the planned money of one programme version by node × fund ×
 * year, from a CSV (or JSON) with the columns node, fund, year and amount (euros). Every row is
 * checked first; the version's plan is then replaced in one transaction, or nothing is written.
 */
import { invalidFile, notFound } from '#src/domain/errors.ts';
import { PLAN_COLUMNS, mapPlanRow, type PlanLine, type PlanLookups } from '#src/domain/financing-plan/plan-line.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction } from '#src/storage/executor.ts';
import type { Actor } from '#src/domain/roles.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { replaceFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { programmeLinkTargets } from '#src/storage/repositories/projects-repository.ts';
import { entityId } from '../programmes/edit-transaction.ts';
import { decodeText, type TextEncoding } from '../import-files/decode-text.ts';
import { readImportFile } from '../import-files/read-import-file.ts';
import { readCsv, readJsonTable, type Table } from '../import-files/read-table.ts';
import { contentChanged } from '../freshness.ts';

export interface PlanImportOptions {
  file: string;
  regionCode: string;
  programme: string;
  version: number;
  encoding?: TextEncoding;
  /** Who imports: when given, a change is recorded in the audit log in the same transaction. */
  actor?: Actor;
}

export interface PlanImportResult {
  lines: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export async function importFinancingPlan(
  db: Db,
  bytes: Uint8Array,
  options: PlanImportOptions,
): Promise<PlanImportResult> {
  const { file } = options;
  const targets = await programmeLinkTargets(db.kysely, options.regionCode);
  const programme = targets.get(options.programme);
  if (!programme) throw notFound(`programme ${options.programme} of region ${options.regionCode}`);
  const nodeKeys = programme.versions.get(options.version);
  if (!nodeKeys)
    throw notFound(`version ${options.version} of programme ${options.programme} of region ${options.regionCode}`);

  const text = decodeText(bytes, file, options.encoding).text;
  let table: Table;
  if (/\.json$/i.test(file)) {
    const read = readJsonTable(text);
    if ('error' in read) throw invalidFile(file, [`${file}: ${read.error}`]);
    table = read;
  } else table = readCsv(text);
  const lines = planLinesFromTable(file, table, {
    versionLabel: `programme ${options.programme} version ${options.version}`,
    nodeKeys,
    periodStart: programme.periodStart,
    periodEnd: programme.periodEnd,
  });

  return inTransaction(db.kysely, async (trx) => {
    const counts = await replaceFinancingPlan(
      trx,
      { regionCode: options.regionCode, programmeSlug: options.programme, versionNumber: options.version },
      lines,
    );
    if (counts.added + counts.changed + counts.removed > 0) {
      await contentChanged(trx, options.regionCode, ['programme']);
      if (options.actor) {
        await insertAuditEvent(trx, {
          actor: options.actor,
          regionCode: options.regionCode,
          action: 'financing-plan.import',
          entityType: 'financing-plan',
          entityId: `${entityId({ code: options.regionCode, slug: options.programme }, options.version)}/financing-plan`,
          summary:
            `Imported the financing plan of version ${options.version} from ${file}: ${counts.added} ` +
            `added, ${counts.changed} changed, ${counts.removed} removed, ${counts.unchanged} unchanged`,
          after: { file, lines: lines.length, ...counts },
        });
      }
    }
    return { lines: lines.length, ...counts };
  });
}

/**
 * The plan lines of a table read from `file` (CSV or JSON), every row checked against the
 * version's nodes and the programme period; an invalid_file error naming each bad row otherwise.
 * Shared by the CLI import and the admin UI's pasted CSV.
 */
export function planLinesFromTable(file: string, table: Table, lookups: PlanLookups): PlanLine[] {
  if (table.header.length === 0) throw invalidFile(file, [`${file}: the file is empty (no header row)`]);
  if (table.format === 'csv' && table.rows[0]?.row === 1)
    throw invalidFile(file, [`${file}: row 1: ${table.rows[0].problem}`]);

  // Column names are matched without regard to case and surrounding space.
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const where = table.format === 'csv' ? 'row 1, ' : '';
  const missing = PLAN_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    throw invalidFile(
      file,
      missing.map(
        (c) => `${file}: ${where}column "${c}": missing required column (the columns are ${PLAN_COLUMNS.join(', ')})`,
      ),
    );
  if (table.rows.length === 0) throw invalidFile(file, [`${file}: the file has no plan rows`]);

  const problems: string[] = [];
  const lines: PlanLine[] = [];
  const cells = new Map<string, number>();
  for (const row of table.rows) {
    const at = `${file}: ${table.rowLabel} ${row.row}`;
    if (row.cells === null) {
      problems.push(`${at}: ${row.problem}`);
      continue;
    }
    const values = row.cells;
    const mapped = mapPlanRow((c) => (index.has(c) ? values[index.get(c)!] : undefined), lookups);
    for (const p of mapped.problems)
      problems.push(`${at}, column "${table.header[index.get(p.column ?? '') ?? -1] ?? p.column}": ${p.reason}`);
    if (!mapped.line) continue;
    const key = `${mapped.line.nodeKey} ${mapped.line.fund} ${mapped.line.year}`;
    const first = cells.get(key);
    if (first !== undefined) {
      problems.push(
        `${at}: node ${mapped.line.nodeKey}, fund ${mapped.line.fund} and year ${mapped.line.year} appear twice (${table.rowLabel}s ${first} and ${row.row})`,
      );
    } else {
      cells.set(key, row.row);
      lines.push(mapped.line);
    }
  }
  if (problems.length > 0) throw invalidFile(file, problems);
  return lines;
}

export async function importFinancingPlanFile(
  db: Db,
  path: string,
  options: Omit<PlanImportOptions, 'file'>,
): Promise<PlanImportResult> {
  const bytes = await readImportFile(path);
  return importFinancingPlan(db, bytes, { ...options, file: path });
}
