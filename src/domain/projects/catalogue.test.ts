/**
 * The project catalogue against a plain reference: for random projects and random filters, the
 * count, every sort order's pages and the money totals equal those of filtering and sorting the
 * list of projects directly.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ProjectCatalogue,
  sortName,
  stemWords,
  type CatalogueProject,
  type ProjectFilterQuery,
  type ProjectSort,
} from './catalogue.ts';
import type { ProjectListItem } from './listing.ts';

const collator = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'ä', 'k', '1'), minLength: 1, maxLength: 4 });
const date = fc.option(fc.constantFrom('2019-01-01', '2019-12-31', '2020-06-15', '2021-01-01', '2022-12-31'), {
  nil: null,
});
const fund = fc.constantFrom('ERDF', 'ESF+', 'JTF');
const project = (id: number): fc.Arbitrary<CatalogueProject> =>
  fc.record({
    id: fc.constant(id),
    code: fc.constant(`P-${String(1000 - id)}`),
    name: fc.record(
      {
        fi: fc.constantFrom('Ääni', 'aalto', 'Öljy', 'Zeta', 'hanke 2', 'hanke 10', 'Hanke', 'hanke', 'HANKE'),
        sv: fc.constantFrom('Ljud', 'ljud', 'Åland'),
        en: fc.constant('Sound'),
      },
      { requiredKeys: [] },
    ),
    leadOrganisation: fc.option(fc.constantFrom('Xamk', 'Kotkan kaupunki'), { nil: null }),
    startDate: date,
    endDate: date,
    status: fc.constantFrom('planned', 'running', 'ended') as fc.Arbitrary<CatalogueProject['status']>,
    municipalities: fc.uniqueArray(fc.constantFrom('285', '286', '075'), { maxLength: 2 }),
    funding: fc.array(
      fc.record({ fund, kind: fc.constantFrom('granted', 'paid'), cents: fc.integer({ min: 0, max: 10_000_000 }) }),
      { maxLength: 3 },
    ),
    nodes: fc.uniqueArray(fc.constantFrom('p/a', 'p/b', 'p/c', 'q/a'), { maxLength: 2 }),
    terms: fc.uniqueArray(fc.constantFrom('p/s/x', 'p/s/y'), { maxLength: 2 }),
    stems: fc.array(word, { maxLength: 5 }),
  });
const projects = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_x, i) => project(i + 1))));

const every = fc.record({
  nodeKeys: fc.record({
    programme: fc.constantFrom('p', 'q'),
    keys: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
  }),
  term: fc.record({ programme: fc.constant('p'), taxonomy: fc.constant('s'), term: fc.constantFrom('x', 'y') }),
  municipality: fc.constantFrom('285', '286', '075'),
  fund,
  status: fc.constantFrom('planned', 'running', 'ended', 'cancelled'),
  activeFrom: fc.constantFrom('2019-06-01', '2021-01-01'),
  activeTo: fc.constantFrom('2019-12-31', '2020-06-14', '2022-01-01'),
  groups: fc.array(fc.array(fc.oneof(word, fc.constant('a-b'), fc.constant('')), { maxLength: 3 }), { maxLength: 2 }),
});
/** Up to three of the filters at a time, so that many filters still match several projects. */
const filter: fc.Arbitrary<ProjectFilterQuery> = fc
  .tuple(
    every,
    fc.subarray(['nodeKeys', 'term', 'municipality', 'fund', 'status', 'activeFrom', 'activeTo', 'groups'] as const, {
      maxLength: 3,
    }),
  )
  .map(([all, keys]) => Object.fromEntries(keys.map((k) => [k, all[k]])) as ProjectFilterQuery);

function matches(p: CatalogueProject, f: ProjectFilterQuery): boolean {
  if (f.nodeKeys && !f.nodeKeys.keys.some((k) => p.nodes.includes(`${f.nodeKeys!.programme}/${k}`))) return false;
  if (f.term && !p.terms.includes(`${f.term.programme}/${f.term.taxonomy}/${f.term.term}`)) return false;
  if (f.municipality !== undefined && !p.municipalities.includes(f.municipality)) return false;
  if (f.fund !== undefined && !p.funding.some((l) => l.fund === f.fund)) return false;
  if (f.status !== undefined && p.status !== f.status) return false;
  if (f.activeTo !== undefined && (p.startDate === null || p.startDate > f.activeTo)) return false;
  if (f.activeFrom !== undefined && (p.endDate === null || p.endDate < f.activeFrom)) return false;
  if (f.groups !== undefined) {
    const groups = f.groups.map((g) => g.filter((s) => /^[\p{L}\p{N}]+$/u.test(s))).filter((g) => g.length > 0);
    if (groups.length === 0) return false;
    if (!groups.every((g) => g.some((prefix) => p.stems.some((s) => s.startsWith(prefix))))) return false;
  }
  return true;
}

/** The list item of a project, computed directly. */
const item = (p: CatalogueProject): ProjectListItem => ({
  code: p.code,
  name: p.name,
  status: p.status as ProjectListItem['status'],
  startDate: p.startDate,
  endDate: p.endDate,
  leadOrganisation: p.leadOrganisation,
  fundingPeriod: p.fundingPeriod ?? null,
  linked: p.nodes.length > 0,
  municipalities: [...p.municipalities].sort(),
  grantedCents: p.funding.filter((l) => l.kind === 'granted').reduce((a, l) => a + l.cents, 0),
  paidCents: p.funding.filter((l) => l.kind === 'paid').reduce((a, l) => a + l.cents, 0),
});

const byCode = (a: CatalogueProject, b: CatalogueProject): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const ORDERS: Record<ProjectSort, (a: CatalogueProject, b: CatalogueProject) => number> = {
  code: byCode,
  name: (a, b) => collator.compare(sortName(a.name), sortName(b.name)) || byCode(a, b),
  start: (a, b) =>
    (a.startDate === b.startDate
      ? 0
      : a.startDate === null
        ? 1
        : b.startDate === null
          ? -1
          : a.startDate < b.startDate
            ? -1
            : 1) || byCode(a, b),
};

describe('project catalogue', () => {
  test('count, pages in every order and money totals equal filtering the list directly', () => {
    let paged = 0;
    fc.assert(
      fc.property(
        projects,
        filter,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        (list, f, offset, limit) => {
          const catalogue = ProjectCatalogue.of(list, collator);
          const m = catalogue.match(f);
          const expected = list.filter((p) => matches(p, f));
          if (expected.length > offset) paged++;
          assert.equal(m.count, expected.length);
          for (const sort of ['name', 'start', 'code'] as const) {
            const sorted = [...expected].sort(ORDERS[sort]);
            assert.deepEqual(
              catalogue.page(m, sort, offset, limit),
              sorted.slice(offset, offset + limit).map(item),
              `list items of the page in ${sort} order`,
            );
            assert.deepEqual(
              catalogue.page(m, sort, 0, expected.length).map((p) => p.code),
              sorted.map((p) => p.code),
              `every match in ${sort} order`,
            );
          }
          const sums = new Map<string, number>();
          for (const l of expected.flatMap((p) => p.funding))
            sums.set(`${l.fund} ${l.kind}`, (sums.get(`${l.fund} ${l.kind}`) ?? 0) + l.cents);
          const totals = catalogue.totals(m);
          assert.deepEqual(new Map(totals.map((t) => [`${t.fund} ${t.kind}`, t.cents])), sums);
          // query and summary reuse one mask: an earlier query of another filter must leave no trace.
          catalogue.query({ status: 'running' }, 'code', 0, 3);
          assert.deepEqual(catalogue.query(f, 'name', offset, limit), {
            count: expected.length,
            items: [...expected]
              .sort(ORDERS.name)
              .slice(offset, offset + limit)
              .map(item),
          });
          catalogue.summary({ groups: [['a']] });
          assert.deepEqual(catalogue.summary(f), { count: expected.length, sums: totals });
        },
      ),
      { numRuns: 300 },
    );
    assert.ok(paged > 60, `enough runs page through matches (${paged} of 300 did)`);
  });

  test('names sort the Finnish way and numbers in names by value', () => {
    const list = ['Öljy', 'Zeta', 'Ääni', 'Åland', 'aalto', 'Hanke 10', 'Hanke 2'].map((fi, i) => ({
      id: i + 1,
      code: `C${i}`,
      name: { fi },
      leadOrganisation: null,
      startDate: null,
      endDate: null,
      status: 'running',
      municipalities: [],
      funding: [],
      nodes: [],
      terms: [],
      stems: [],
    }));
    const c = ProjectCatalogue.of(list, collator);
    const names = c.page(c.match({}), 'name', 0, 10).map((p) => p.name.fi);
    assert.deepEqual(names, ['aalto', 'Hanke 2', 'Hanke 10', 'Zeta', 'Åland', 'Ääni', 'Öljy']);
  });

  test('stored search texts split into words like queries do', () => {
    assert.deepEqual(stemWords('ky-001 satam  kotk'), ['ky', '001', 'satam', 'kotk']);
  });
});
