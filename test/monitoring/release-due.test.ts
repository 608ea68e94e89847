/** The next release due of a statistics source, from its update frequency and `updated`. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonthsUtc, isOverdue, releaseDue } from '#src/domain/indicators/release-due.ts';

describe('release due', () => {
  const cases: [string | null, string | null, string | null][] = [
    ['annual', '2024-04-26T05:00:00Z', '2025-04-26T05:00:00.000Z'],
    ['annual', '2024-04-26', '2025-04-26T00:00:00.000Z'],
    ['annual', '2024-02-29T08:00:00Z', '2025-02-28T08:00:00.000Z'],
    ['quarterly', '2024-11-30T06:00:00Z', '2025-02-28T06:00:00.000Z'],
    ['quarterly', '2023-11-30T06:00:00Z', '2024-02-29T06:00:00.000Z'],
    ['monthly', '2024-01-31T06:00:00Z', '2024-02-29T06:00:00.000Z'],
    ['monthly', '2024-12-15T23:30:00Z', '2025-01-15T23:30:00.000Z'],
    // An offset and a zone-less timestamp are read in UTC, never in the machine's zone.
    ['monthly', '2024-03-01T01:00:00+03:00', '2024-03-29T22:00:00.000Z'],
    ['annual', '2024-03-01T10:00:00', '2025-03-01T10:00:00.000Z'],
    ['irregular', '2024-04-26T05:00:00Z', null],
    ['weekly', '2024-04-26T05:00:00Z', null],
    [null, '2024-04-26T05:00:00Z', null],
    ['annual', null, null],
  ];
  for (const [frequency, updated, due] of cases) {
    test(`${frequency} from ${updated} → ${due}`, () => {
      assert.equal(releaseDue(frequency, updated), due);
    });
  }

  test('a Date works as well as text', () => {
    assert.equal(releaseDue('quarterly', new Date(Date.UTC(2024, 0, 15))), '2024-04-15T00:00:00.000Z');
    assert.equal(addMonthsUtc(new Date(Date.UTC(2024, 7, 31)), 1).toISOString(), '2024-09-30T00:00:00.000Z');
  });

  test('a malformed updated fails with the value', () => {
    assert.throws(() => releaseDue('annual', '26.4.2024'), /updated "26.4.2024": not an ISO 8601 date or timestamp/);
    assert.throws(() => releaseDue('annual', '2024-13-45'), /updated "2024-13-45"/);
  });
});

describe('overdue', () => {
  const due = releaseDue('annual', '2024-04-26T05:00:00Z');
  test('only after the due time', () => {
    assert.equal(isOverdue(due, new Date('2025-04-26T04:59:59Z')), false);
    assert.equal(isOverdue(due, new Date('2025-04-26T05:00:00Z')), false);
    assert.equal(isOverdue(due, new Date('2025-04-26T05:00:01Z')), true);
    assert.equal(isOverdue(due, '2025-05-01'), true);
  });
  test('no due date is never overdue', () => {
    assert.equal(isOverdue(releaseDue('irregular', '2000-01-01'), new Date('2030-01-01T00:00:00Z')), false);
    assert.equal(isOverdue(null, new Date()), false);
  });
});
