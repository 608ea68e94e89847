/**
 * The financing plan of programme versions: planned euro cents by node × fund × year. Read and
 * replace a version's whole plan (the CLI import, pasted CSV, a copy, starting an update), or set
 * and remove single cells (the admin editor); how many lines each version of a programme has.
 */
import type { FundCode } from '#src/domain/projects/funds.ts';
import type { PlanLine } from '#src/domain/financing-plan/plan-line.ts';
import { chunks } from '../bulk-insert.ts';
import type { Executor } from '../executor.ts';
import { moneyFromDb } from '../money.ts';

export interface PlanKey {
  regionCode: string;
  programmeSlug: string;
  versionNumber: number;
}

/** The financing plan of a version, ordered by node, fund and year. */
export async function listFinancingPlan(db: Executor, key: PlanKey): Promise<PlanLine[]> {
  const rows = await db
    .selectFrom('financing_plan')
    .select(['node_key', 'fund', 'year', 'planned_cents'])
    .where('region_code', '=', key.regionCode)
    .where('programme_slug', '=', key.programmeSlug)
    .where('version_number', '=', key.versionNumber)
    .orderBy('node_key')
    .orderBy('fund')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    nodeKey: r.node_key,
    fund: r.fund as FundCode,
    year: r.year,
    plannedCents: moneyFromDb(r.planned_cents),
  }));
}

/** Replaces the financing plan of a version; returns how many cells were added, changed, removed or left as they were. */
export async function replaceFinancingPlan(
  db: Executor,
  key: PlanKey,
  lines: readonly PlanLine[],
): Promise<{ added: number; changed: number; removed: number; unchanged: number }> {
  const cell = (l: { nodeKey: string; fund: string; year: number }): string =>
    `${l.nodeKey}\u0000${l.fund}\u0000${l.year}`;
  const before = new Map((await listFinancingPlan(db, key)).map((l) => [cell(l), l.plannedCents]));
  const after = new Map(lines.map((l) => [cell(l), l.plannedCents]));
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const [k, cents] of after) {
    const old = before.get(k);
    if (old === undefined) added++;
    else if (old === cents) unchanged++;
    else changed++;
  }
  const removed = [...before.keys()].filter((k) => !after.has(k)).length;
  if (added + changed + removed === 0) return { added, changed, removed, unchanged };
  await db
    .deleteFrom('financing_plan')
    .where('region_code', '=', key.regionCode)
    .where('programme_slug', '=', key.programmeSlug)
    .where('version_number', '=', key.versionNumber)
    .execute();
  const rows = lines.map((l) => ({
    region_code: key.regionCode,
    programme_slug: key.programmeSlug,
    version_number: key.versionNumber,
    node_key: l.nodeKey,
    fund: l.fund,
    year: l.year,
    planned_cents: l.plannedCents,
  }));
  for (const c of chunks(rows, 7)) await db.insertInto('financing_plan').values(c).execute();
  return { added, changed, removed, unchanged };
}

type Cell = Pick<PlanLine, 'nodeKey' | 'fund' | 'year'>;

/** Sets the planned amount of one cell (adding the cell when the plan has none). */
export async function setPlanCell(db: Executor, key: PlanKey, line: PlanLine): Promise<void> {
  await deletePlanCell(db, key, line);
  await db
    .insertInto('financing_plan')
    .values({
      region_code: key.regionCode,
      programme_slug: key.programmeSlug,
      version_number: key.versionNumber,
      node_key: line.nodeKey,
      fund: line.fund,
      year: line.year,
      planned_cents: line.plannedCents,
    })
    .execute();
}

/** Removes one cell; false when the plan had no such cell. */
export async function deletePlanCell(db: Executor, key: PlanKey, cell: Cell): Promise<boolean> {
  const r = await db
    .deleteFrom('financing_plan')
    .where('region_code', '=', key.regionCode)
    .where('programme_slug', '=', key.programmeSlug)
    .where('version_number', '=', key.versionNumber)
    .where('node_key', '=', cell.nodeKey)
    .where('fund', '=', cell.fund)
    .where('year', '=', cell.year)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Version number → number of plan lines, for the versions of a programme that have a plan. */
export async function planLineCounts(
  db: Executor,
  regionCode: string,
  programmeSlug: string,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('financing_plan')
    .select(['version_number', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('region_code', '=', regionCode)
    .where('programme_slug', '=', programmeSlug)
    .groupBy('version_number')
    .execute();
  return new Map(rows.map((r) => [r.version_number, Number(r.n)]));
}
