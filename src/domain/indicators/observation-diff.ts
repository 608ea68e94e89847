/**
 * The reviewed diff of a statistics import, shown before anything is written: values new to
 * Suunta, revised values (old → new, value or status), values withdrawn (stored, inside the
 * file's scope, but no longer published as a figure) and changed units. The same file twice
 * gives an empty diff.
 */
import type { DatasetMatch, ObservationDraft } from './match-datasets.ts';
import { canonicalUnit } from './units.ts';

export interface StoredObservation {
  area: string;
  period: string;
  value: string | null;
  status: string | null;
  unit: string | null;
}

export interface CellChange {
  indicatorCode: string;
  area: string;
  period: string;
  before: { value: string | null; status: string | null } | null;
  /** The incoming observation itself (not a copy: a million-cell import holds each cell once). */
  after: ObservationDraft | null;
}

export interface IndicatorDiff {
  indicatorCode: string;
  added: CellChange[];
  revised: CellChange[];
  withdrawn: CellChange[];
  unchanged: number;
  unitChange: { before: string; after: string } | null;
}

export interface StatisticsDiff {
  indicators: IndicatorDiff[];
  totals: { added: number; revised: number; withdrawn: number; unchanged: number; unitChanges: number };
}

const cellKey = (area: string, period: string): string => `${area}\u0000${period}`;

/** Numerically equal decimals count as the same value (`12.30` = `12.3`). */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  const norm = (s: string): string => {
    const neg = s.startsWith('-');
    let t = neg ? s.slice(1) : s;
    if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
    t = t.replace(/^0+(?=\d)/, '');
    return (neg && t !== '0' ? '-' : '') + t;
  };
  return norm(a) === norm(b);
}

/** The diff of one indicator: its stored observations against all matches of the file for it. */
export function diffIndicator(
  indicatorCode: string,
  stored: readonly StoredObservation[],
  matches: readonly DatasetMatch[],
): IndicatorDiff {
  const incoming = new Map<string, ObservationDraft>();
  for (const m of matches) for (const o of m.observations) incoming.set(cellKey(o.area, o.period), o);
  // A stored cell is in the file's scope when one dataset covers both its area and its period
  // (tested per stored cell: the areas × periods product of a large file is not materialised).
  const scopes = matches.map((m) => ({ areas: new Set(m.scope.areas), periods: new Set(m.scope.periods) }));
  const inScope = (area: string, period: string): boolean =>
    scopes.some((s) => s.areas.has(area) && s.periods.has(period));
  const storedByKey = new Map(stored.map((s) => [cellKey(s.area, s.period), s]));
  const diff: IndicatorDiff = {
    indicatorCode,
    added: [],
    revised: [],
    withdrawn: [],
    unchanged: 0,
    unitChange: null,
  };
  for (const [key, o] of incoming) {
    const old = storedByKey.get(key);
    if (!old) {
      diff.added.push({ indicatorCode, area: o.area, period: o.period, before: null, after: o });
    } else if (!sameDecimal(old.value, o.value) || old.status !== o.status) {
      const change = {
        indicatorCode,
        area: o.area,
        period: o.period,
        before: { value: old.value, status: old.status },
        after: o,
      };
      if (old.value !== null && o.value === null) diff.withdrawn.push(change);
      else diff.revised.push(change);
    } else diff.unchanged++;
  }
  for (const [key, s] of storedByKey) {
    if (incoming.has(key)) continue;
    if (inScope(s.area, s.period)) {
      diff.withdrawn.push({
        indicatorCode,
        area: s.area,
        period: s.period,
        before: { value: s.value, status: s.status },
        after: null,
      });
    }
  }
  const storedUnits = new Set(stored.map((s) => s.unit).filter((u): u is string => u !== null));
  const newUnits = new Set<string>();
  for (const o of incoming.values()) if (o.unit !== null) newUnits.add(o.unit);
  const before = [...storedUnits][0];
  const after = [...newUnits][0];
  if (before !== undefined && after !== undefined && canonicalUnit(before) !== canonicalUnit(after))
    diff.unitChange = { before, after };
  // Code order (area keys and periods are ASCII), the same whatever the machine's locale.
  const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const order = (a: CellChange, b: CellChange): number => byCode(a.area, b.area) || byCode(a.period, b.period);
  diff.added.sort(order);
  diff.revised.sort(order);
  diff.withdrawn.sort(order);
  return diff;
}

export function totalsOf(diffs: readonly IndicatorDiff[]): StatisticsDiff['totals'] {
  return {
    added: diffs.reduce((n, d) => n + d.added.length, 0),
    revised: diffs.reduce((n, d) => n + d.revised.length, 0),
    withdrawn: diffs.reduce((n, d) => n + d.withdrawn.length, 0),
    unchanged: diffs.reduce((n, d) => n + d.unchanged, 0),
    unitChanges: diffs.filter((d) => d.unitChange !== null).length,
  };
}

export function isEmptyDiff(t: StatisticsDiff['totals']): boolean {
  return t.added + t.revised + t.withdrawn + t.unitChanges === 0;
}
