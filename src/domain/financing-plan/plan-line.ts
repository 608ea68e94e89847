/**
 * The financing plan of a programme version: planned euro cents by node (usually a priority) ×
 * fund × year. One source row is one such cell; this checks a row against the version's nodes and
 * the programme period.
 */
import { parseAmount } from '../projects/amount.ts';
import { parseYear } from '../projects/dates.ts';
import { FUND_LIST, fundFromName, type FundCode } from '../projects/funds.ts';
import type { CellReader, RowProblem } from '../projects/map-row.ts';

export interface PlanLine {
  nodeKey: string;
  fund: FundCode;
  year: number;
  plannedCents: number;
}

/** The columns of a financing-plan CSV (other columns, e.g. a title for readers, are ignored). */
export const PLAN_COLUMNS = ['node', 'fund', 'year', 'amount'] as const;

export interface PlanLookups {
  /** e.g. "programme 2022-2025 version 2" */
  versionLabel: string;
  nodeKeys: ReadonlySet<string>;
  periodStart: number;
  periodEnd: number;
}

export function mapPlanRow(get: CellReader, lookups: PlanLookups): { line: PlanLine | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (c: string): string => (get(c) ?? '').trim();

  const nodeKey = cell('node');
  if (nodeKey === '') problems.push({ column: 'node', reason: 'is empty (name the node by its key)' });
  else if (!lookups.nodeKeys.has(nodeKey))
    problems.push({
      column: 'node',
      reason: `"${nodeKey}" is not a node key of ${lookups.versionLabel}`,
      code: { code: 'plan_node_unknown', params: { node: nodeKey } },
    });

  const fundRaw = cell('fund');
  const fund = fundFromName(fundRaw);
  if (fundRaw === '') problems.push({ column: 'fund', reason: 'is empty', code: { code: 'empty' } });
  else if (fund === null)
    problems.push({
      column: 'fund',
      reason: `"${fundRaw}" is not a fund (${FUND_LIST})`,
      code: { code: 'plan_fund_unknown', params: { fund: fundRaw, funds: FUND_LIST } },
    });

  const yearRaw = cell('year');
  let year: number | null = null;
  if (yearRaw === '') problems.push({ column: 'year', reason: 'is empty', code: { code: 'empty' } });
  else {
    const y = parseYear(yearRaw);
    if (!y.ok) problems.push({ column: 'year', reason: y.error });
    else if (y.year < lookups.periodStart || y.year > lookups.periodEnd) {
      problems.push({
        column: 'year',
        reason: `${y.year} is outside the programme period ${lookups.periodStart}–${lookups.periodEnd}`,
        code: {
          code: 'plan_year_outside',
          params: { year: String(y.year), start: String(lookups.periodStart), end: String(lookups.periodEnd) },
        },
      });
    } else year = y.year;
  }

  const amountRaw = cell('amount');
  let cents: number | null = null;
  if (amountRaw === '') problems.push({ column: 'amount', reason: 'is empty (write 0 for no money)' });
  else {
    const a = parseAmount(amountRaw);
    if (!a.ok) problems.push({ column: 'amount', reason: a.error });
    else if (a.cents < 0)
      problems.push({ column: 'amount', reason: `"${amountRaw}" is negative (a plan holds amounts of 0 or more)` });
    else cents = a.cents;
  }

  if (problems.length > 0 || fund === null || year === null || cents === null) return { line: null, problems };
  return { line: { nodeKey, fund, year, plannedCents: cents }, problems };
}
