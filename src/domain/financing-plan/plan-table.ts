/**
 * The financing plan as the admin editor shows and edits it: a table with a row per priority
 * (depth-2 node; lines on deeper nodes as rows under their priority, with a subtotal) and a column
 * per fund × year present, with totals; the differences between two plans (for the audit log and
 * the 409 comparison); and amounts typed into a form, read with the UI language's decimal
 * separator when a value could be read either way.
 */
import type { Level, VersionStatus } from '../programmes/programme-file.ts';
import type { LocalizedText } from '../languages.ts';
import { formatCents, parseAmount, type AmountResult, type DecimalSeparator } from '../projects/amount.ts';
import type { PlanLine } from './plan-line.ts';
import { FUND_CODES, type FundCode } from '../projects/funds.ts';

/** A node of the version's tree as the plan needs it. */
export interface PlanTreeNode {
  key: string;
  depth: number;
  title: LocalizedText;
  children: readonly PlanTreeNode[];
}

export interface PlanColumn {
  fund: FundCode;
  year: number;
}

export type PlanRowKind = 'priority' | 'under' | 'subtotal' | 'other';

export interface PlanRow {
  /**
   * `priority`: a depth-2 node's own lines; `under`: a deeper node's own lines, under its
   * priority; `subtotal`: a priority with the lines under it; `other`: lines on a node outside
   * any priority (a theme) or no longer in the version.
   */
  kind: PlanRowKind;
  key: string;
  /** Null when the key is not a node of the version (the node was deleted after the plan was made). */
  title: LocalizedText | null;
  depth: number | null;
  /** Planned cents per column; null where the plan has no line. */
  cells: (number | null)[];
  total: number;
}

export interface PlanTable {
  columns: PlanColumn[];
  /** The funds of the columns, in order, with how many year columns each spans. */
  funds: { fund: FundCode; span: number }[];
  rows: PlanRow[];
  /** Per column, every line counted once. */
  columnTotals: number[];
  total: number;
}

const fundOrder = (f: FundCode): number => FUND_CODES.indexOf(f);

/** The cell of a line, as one string: `node\u0000fund\u0000year`. */
export function planCellKey(l: { nodeKey: string; fund: string; year: number }): string {
  return `${l.nodeKey}\u0000${l.fund}\u0000${l.year}`;
}

/** Lines in a stable order (node key, fund order, year), whatever order the database gave them. */
export function sortPlanLines(lines: readonly PlanLine[]): PlanLine[] {
  return [...lines].sort((a, b) =>
    a.nodeKey < b.nodeKey ? -1 : a.nodeKey > b.nodeKey ? 1 : fundOrder(a.fund) - fundOrder(b.fund) || a.year - b.year,
  );
}

/** The canonical text of a plan that its revision hashes. */
export function canonicalPlan(lines: readonly PlanLine[]): string {
  return sortPlanLines(lines)
    .map((l) => `${l.nodeKey}\t${l.fund}\t${l.year}\t${l.plannedCents}\n`)
    .join('');
}

export function buildPlanTable(nodes: readonly PlanTreeNode[], lines: readonly PlanLine[]): PlanTable {
  const columns: PlanColumn[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    const k = `${l.fund}\u0000${l.year}`;
    if (!seen.has(k)) {
      seen.add(k);
      columns.push({ fund: l.fund, year: l.year });
    }
  }
  columns.sort((a, b) => fundOrder(a.fund) - fundOrder(b.fund) || a.year - b.year);
  const colIndex = new Map(columns.map((c, i) => [`${c.fund}\u0000${c.year}`, i]));
  const byNode = new Map<string, PlanLine[]>();
  for (const l of lines) byNode.set(l.nodeKey, [...(byNode.get(l.nodeKey) ?? []), l]);

  const rowOf = (
    kind: PlanRowKind,
    key: string,
    title: LocalizedText | null,
    depth: number | null,
    own: readonly PlanLine[],
  ): PlanRow => {
    const cells: (number | null)[] = columns.map(() => null);
    for (const l of own) {
      const i = colIndex.get(`${l.fund}\u0000${l.year}`)!;
      cells[i] = (cells[i] ?? 0) + l.plannedCents;
    }
    return { kind, key, title, depth, cells, total: own.reduce((a, l) => a + l.plannedCents, 0) };
  };

  const rows: PlanRow[] = [];
  const others: PlanRow[] = [];
  const placed = new Set<string>();
  const descendants = (n: PlanTreeNode): PlanTreeNode[] => n.children.flatMap((c) => [c, ...descendants(c)]);
  const walk = (list: readonly PlanTreeNode[]): void => {
    for (const n of list) {
      if (n.depth === 2) {
        const priority = rowOf('priority', n.key, n.title, n.depth, byNode.get(n.key) ?? []);
        placed.add(n.key);
        const under = descendants(n)
          .filter((d) => byNode.has(d.key))
          .map((d) => {
            placed.add(d.key);
            return rowOf('under', d.key, d.title, d.depth, byNode.get(d.key)!);
          });
        rows.push(priority, ...under);
        if (under.length > 0) {
          const all = [n, ...descendants(n)].flatMap((d) => byNode.get(d.key) ?? []);
          rows.push(rowOf('subtotal', n.key, n.title, n.depth, all));
        }
      } else {
        if (byNode.has(n.key)) {
          others.push(rowOf('other', n.key, n.title, n.depth, byNode.get(n.key)!));
          placed.add(n.key);
        }
        if (n.depth < 2) walk(n.children);
      }
    }
  };
  walk(nodes);
  const unknown = [...byNode.keys()].filter((k) => !placed.has(k)).sort();
  for (const k of unknown) others.push(rowOf('other', k, null, null, byNode.get(k)!));
  rows.push(...others);

  const columnTotals = columns.map(() => 0);
  for (const l of lines) columnTotals[colIndex.get(`${l.fund}\u0000${l.year}`)!]! += l.plannedCents;
  const funds: { fund: FundCode; span: number }[] = [];
  for (const c of columns) {
    const last = funds.at(-1);
    if (last && last.fund === c.fund) last.span += 1;
    else funds.push({ fund: c.fund, span: 1 });
  }
  return { columns, funds, rows, columnTotals, total: lines.reduce((a, l) => a + l.plannedCents, 0) };
}

export interface PlanChange {
  nodeKey: string;
  fund: FundCode;
  year: number;
  /** Null: the cell was not in the plan. */
  before: number | null;
  /** Null: the cell is no longer in the plan. */
  after: number | null;
}

/** The cells whose planned amount differs between two plans, in a stable order. */
export function diffPlans(before: readonly PlanLine[], after: readonly PlanLine[]): PlanChange[] {
  const old = new Map(before.map((l) => [planCellKey(l), l]));
  const now = new Map(after.map((l) => [planCellKey(l), l]));
  const out: PlanChange[] = [];
  for (const l of sortPlanLines([...after, ...before.filter((b) => !now.has(planCellKey(b)))])) {
    const b = old.get(planCellKey(l))?.plannedCents ?? null;
    const a = now.get(planCellKey(l))?.plannedCents ?? null;
    if (a !== b) out.push({ nodeKey: l.nodeKey, fund: l.fund, year: l.year, before: b, after: a });
  }
  return out;
}

/**
 * An amount typed into the plan form: read as in an import file, and when that cannot tell the
 * separators apart (`1.234`), with the UI language's decimal separator (`,` in fi and sv).
 */
export function parsePlanAmount(raw: string, decimal: DecimalSeparator): AmountResult {
  const text = raw.trim();
  if (text === '')
    return { ok: false, error: 'is empty (write 0 for no money)', reason: { code: 'amount_empty', params: {} } };
  const plain = parseAmount(text);
  const read = plain.ok ? plain : parseAmount(text, { decimalSeparator: decimal });
  if (!read.ok) return read;
  if (read.cents < 0)
    return {
      ok: false,
      error: `"${text}" is negative (a plan holds amounts of 0 or more)`,
      reason: { code: 'amount_negative', params: { text } },
    };
  return read;
}

/** Euros as the plan CSV writes them (`1234.50`). */
export const planAmountText = formatCents;

/** What the admin page of a version's plan shows. */
export interface PlanEditView {
  programme: {
    regionCode: string;
    slug: string;
    title: LocalizedText;
    periodStart: number;
    periodEnd: number;
    levels: Level[];
  };
  version: { number: number; status: VersionStatus; editable: boolean };
  nodes: PlanTreeNode[];
  lines: PlanLine[];
  /** The plan's revision: sent back with every change, which is refused (409) when the plan changed meanwhile. */
  revision: string;
  table: PlanTable;
  /** The programme's other versions that have a plan (to copy from). */
  sources: { number: number; status: VersionStatus; lines: number }[];
}

/** What a 409 carries: the plan stored now. */
export interface PlanConflictState {
  revision: string;
  lines: PlanLine[];
  /** The lines the editor sent (a pasted CSV that could be read), for the comparison. */
  yours?: PlanLine[] | undefined;
}
