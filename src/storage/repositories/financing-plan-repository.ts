/**
 * Writes of single cells of a version's financing plan (the admin editor), and how many lines each
 * version of a programme has. Reading and replacing a whole plan stay in projects-repository.ts
 * (listFinancingPlan, replaceFinancingPlan).
 */
import type { PlanLine } from '#src/domain/projects/financing-plan.ts';
import type { Executor } from '../executor.ts';
import type { PlanKey } from './projects-repository.ts';

export type { PlanKey };

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
