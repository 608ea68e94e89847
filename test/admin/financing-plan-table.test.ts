/**
 * The pure rules of the plan editor: the table (priority rows, deeper lines under their priority
 * with a subtotal, lines outside priorities last, fund × year columns in fund order, totals), the
 * differences of two plans, and amounts typed into the form with the UI language's separator.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PlanLine } from '#src/domain/financing-plan/plan-line.ts';
import {
  buildPlanTable,
  canonicalPlan,
  diffPlans,
  parsePlanAmount,
  type PlanTreeNode,
} from '#src/domain/financing-plan/plan-table.ts';

const node = (key: string, depth: number, children: PlanTreeNode[] = []): PlanTreeNode => ({
  key,
  depth,
  title: { fi: key.toUpperCase() },
  children,
});
const TREE = [node('t1', 1, [node('p1', 2, [node('m1', 3)]), node('p2', 2)]), node('t2', 1, [node('p3', 2)])];
const line = (nodeKey: string, fund: PlanLine['fund'], year: number, plannedCents: number): PlanLine => ({
  nodeKey,
  fund,
  year,
  plannedCents,
});

describe('plan table', () => {
  test('rows by priority, deeper lines under their priority with a subtotal, others last; columns by fund order and year', () => {
    const lines = [
      line('m1', 'ERDF', 2023, 5),
      line('p1', 'ERDF', 2022, 10),
      line('p3', 'AKKE', 2022, 7),
      line('t1', 'ERDF', 2022, 1),
      line('gone', 'ESF+', 2024, 2),
    ];
    const t = buildPlanTable(TREE, lines);
    assert.deepEqual(t.columns, [
      { fund: 'ERDF', year: 2022 },
      { fund: 'ERDF', year: 2023 },
      { fund: 'ESF+', year: 2024 },
      { fund: 'AKKE', year: 2022 },
    ]);
    assert.deepEqual(t.funds, [
      { fund: 'ERDF', span: 2 },
      { fund: 'ESF+', span: 1 },
      { fund: 'AKKE', span: 1 },
    ]);
    assert.deepEqual(
      t.rows.map((r) => [r.kind, r.key, r.cells, r.total]),
      [
        ['priority', 'p1', [10, null, null, null], 10],
        ['under', 'm1', [null, 5, null, null], 5],
        ['subtotal', 'p1', [10, 5, null, null], 15],
        ['priority', 'p2', [null, null, null, null], 0],
        ['priority', 'p3', [null, null, null, 7], 7],
        ['other', 't1', [1, null, null, null], 1],
        ['other', 'gone', [null, null, 2, null], 2],
      ],
    );
    assert.equal(t.rows.at(-1)!.title, null, 'a key that is no longer a node has no title');
    assert.deepEqual(t.columnTotals, [11, 5, 2, 7]);
    assert.equal(t.total, 25);
  });

  test('an empty plan: priorities with empty rows, no columns', () => {
    const t = buildPlanTable(TREE, []);
    assert.deepEqual(t.columns, []);
    assert.deepEqual(
      t.rows.map((r) => r.key),
      ['p1', 'p2', 'p3'],
    );
    assert.equal(t.total, 0);
  });

  test('differences of two plans, and a canonical text independent of order', () => {
    const a = [line('p1', 'ERDF', 2022, 10), line('p2', 'JTF', 2023, 5), line('p3', 'AKKE', 2024, 1)];
    const b = [line('p3', 'AKKE', 2024, 1), line('p1', 'ERDF', 2022, 12), line('p1', 'ESF+', 2022, 3)];
    assert.deepEqual(diffPlans(a, b), [
      { nodeKey: 'p1', fund: 'ERDF', year: 2022, before: 10, after: 12 },
      { nodeKey: 'p1', fund: 'ESF+', year: 2022, before: null, after: 3 },
      { nodeKey: 'p2', fund: 'JTF', year: 2023, before: 5, after: null },
    ]);
    assert.deepEqual(diffPlans(a, [...a].reverse()), []);
    assert.equal(canonicalPlan(a), canonicalPlan([...a].reverse()));
  });
});

describe('amounts typed into the plan form', () => {
  test('read as in import files; an ambiguous value by the UI language', () => {
    const ok = (raw: string, d: ',' | '.'): number => {
      const r = parsePlanAmount(raw, d);
      assert.ok(r.ok, `${raw}: ${r.ok ? '' : r.error}`);
      return r.cents;
    };
    assert.equal(ok('1 250 000,50', ','), 125_000_050);
    assert.equal(ok('1250000.5', ','), 125_000_050);
    assert.equal(ok('1.234', ','), 123_400, 'a Finnish 1.234 is a thousand two hundred and thirty-four euros');
    assert.equal(ok('1,234', '.'), 123_400, 'an English 1,234 too');
    assert.equal(ok('0', ','), 0);
    assert.equal(ok('12 000 €', ','), 1_200_000);
    const bad = (raw: string, d: ',' | '.'): string => {
      const r = parsePlanAmount(raw, d);
      assert.ok(!r.ok, raw);
      return r.error;
    };
    assert.equal(bad('', ','), 'is empty (write 0 for no money)');
    assert.equal(bad('-5', ','), '"-5" is negative (a plan holds amounts of 0 or more)');
    assert.match(bad('1,234', ','), /more than two decimals/);
    assert.match(bad('abc', '.'), /is not an amount/);
  });
});
