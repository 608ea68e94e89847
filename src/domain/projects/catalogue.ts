/**
 * The project catalogue of one region: every project reduced to what the project browser filters,
 * sorts, counts and totals by, held in typed arrays (about 60 bytes a project plus its search
 * stems), so that a filtered, sorted page of 100 000 projects with its exact count and money
 * totals is one pass over arrays instead of a database sort and count over every match (see
 * docs/decisions/005-project-catalogue.md). The database stays the source of truth: services
 * build a catalogue from it per content generation and fetch the rows of a page by id.
 *
 * Matching rules (the same on SQLite and PostgreSQL, since they are these):
 * - node keys: linked to any of the keys; term: linked to the term;
 * - municipality, fund (any funding line of the fund), status: equal;
 * - active range: start ≤ `activeTo` and end ≥ `activeFrom` (ISO dates); a bound that is given
 *   leaves out the projects without that date;
 * - search groups: every group has a stem prefix that starts one of the project's stems (in any
 *   of its languages).
 */
import type { LocalizedText } from '../languages.ts';
import type { ProjectListItem } from './listing.ts';
import type { ProjectStatus } from './status.ts';

export type ProjectSort = 'name' | 'start' | 'code';

export interface CatalogueProject {
  id: number;
  code: string;
  name: LocalizedText;
  leadOrganisation: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus | string;
  /** The EU programme period of the funding, e.g. `2014-2020`, when known. */
  fundingPeriod?: string | null;
  municipalities: readonly string[];
  funding: readonly { fund: string; kind: string; cents: number }[];
  /** `programme/nodeKey` of every linked node. */
  nodes: readonly string[];
  /** `programme/taxonomy/term` of every linked term. */
  terms: readonly string[];
  /** The search stems of every language of the project. */
  stems: readonly string[];
}

/** What the project browser filters by, in stored values (see services/projects/query-projects.ts). */
export interface ProjectFilterQuery {
  /** Projects linked to any of these node keys of `programme`. */
  nodeKeys?: { programme: string; keys: readonly string[] };
  /** Projects linked to this term of `programme`. */
  term?: { programme: string; taxonomy: string; term: string };
  municipality?: string;
  fund?: string;
  status?: string;
  /** Projects active in the range: start ≤ activeTo and end ≥ activeFrom (ISO dates). */
  activeFrom?: string;
  activeTo?: string;
  /** Search groups (each a list of stem prefixes; every group must match). */
  groups?: readonly (readonly string[])[];
}

/** The projects matching a filter: a mask over the catalogue's projects and their number. */
export interface CatalogueMatches {
  readonly count: number;
  /** The catalogue indices of the matches, in no particular order; null when every project matches. */
  readonly indices: Int32Array | null;
  /** `mask[i] === hit` for the matches (null when every project matches). */
  readonly mask: Uint8Array | null;
  readonly hit: number;
}

export interface MoneySum {
  fund: string;
  kind: string;
  cents: number;
}

/** Date `yyyy-mm-dd…` as the number yyyymmdd; 0 for none. */
function dayNumber(iso: string | null | undefined): number {
  if (!iso) return 0;
  const n = Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));
  return Number.isInteger(n) ? n : 0;
}

/** The day number as `yyyy-mm-dd`, or null for none. */
function isoDay(day: number): string | null {
  if (day === 0) return null;
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** The name a list sorts by: Finnish, else Swedish, else English. */
export function sortName(name: LocalizedText): string {
  return name.fi ?? name.sv ?? name.en ?? '';
}

const STEM = /^[\p{L}\p{N}]+$/u;

/** Code-unit order: the same everywhere (no locale), and the order prefixes are ranges in. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The words of a stored search text (`project_search.stems`): runs of letters and digits, so a code `ky-001` gives `ky` and `001` as a query does. */
export function stemWords(stems: string): string[] {
  return stems.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Sorted unique keys with the catalogue indices of each (compressed sparse rows). */
class PostingLists {
  constructor(
    /** The keys in code-unit order. */
    readonly keys: readonly string[],
    /** The items of key k are items[starts[k]] … items[starts[k + 1] - 1]. */
    private readonly starts: Int32Array,
    readonly items: Int32Array,
  ) {}

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The range of `items` (start, end) holding the projects of `key`, appended to `out`. */
  exact(key: string, out: number[]): void {
    const k = this.lowerBound(key);
    if (this.keys[k] === key) out.push(this.starts[k]!, this.starts[k + 1]!);
  }

  /** The range of `items` holding the projects of every key starting with `prefix`, appended to `out`. */
  prefixed(prefix: string, out: number[]): void {
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < this.keys.length && this.keys[to]!.startsWith(prefix)) to++;
    if (to > from) out.push(this.starts[from]!, this.starts[to]!);
  }
}

/** A set of projects: the union of ranges of a posting list's items. */
interface ProjectSet {
  items: Int32Array;
  /** start, end pairs. */
  ranges: number[];
}

const setSize = (s: ProjectSet): number => s.ranges.reduce((a, v, j) => (j % 2 === 0 ? a - v : a + v), 0);

/** A list of 32-bit integers that grows by doubling, in one typed array. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }

  /** The list in an array of its own length. */
  int32(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Strings numbered in the order first seen. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

/**
 * Collects (key, project index) pairs in typed arrays and turns them into posting lists; indices
 * must be added in increasing order (each list is then sorted); a pair added twice is kept once.
 */
class PostingsBuilder {
  private readonly keys = new Dictionary();
  private readonly last: number[] = [];
  private readonly terms = new IntList();
  private readonly items = new IntList();

  add(key: string, index: number): void {
    const id = this.keys.id(key);
    if (id === this.last.length) this.last.push(-1);
    else if (this.last[id] === index) return;
    this.last[id] = index;
    this.terms.push(id);
    this.items.push(index);
  }

  build(): PostingLists {
    const keys = this.keys.keys;
    const order = keys.map((_k, id) => id).sort((a, b) => byText(keys[a]!, keys[b]!));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const terms = this.terms.int32();
    const items = this.items.int32();
    const starts = new Int32Array(order.length + 1);
    for (const t of terms) starts[rank[t]! + 1]!++;
    for (let r = 0; r < order.length; r++) starts[r + 1]! += starts[r]!;
    const fill = starts.slice(0, order.length);
    const sorted = new Int32Array(items.length);
    terms.forEach((t, j) => (sorted[fill[rank[t]!]!++] = items[j]!));
    return new PostingLists(
      order.map((id) => keys[id]!),
      starts,
      sorted,
    );
  }
}

/**
 * Collects projects one at a time (so that a large region is read in chunks, never held as
 * objects all at once) and turns them into a catalogue.
 */
export class CatalogueBuilder {
  private readonly ids = new IntList();
  private readonly codes: string[] = [];
  private readonly names = new Dictionary();
  private readonly nameOf = new IntList();
  private readonly displayNames: LocalizedText[] = [];
  private readonly leads = new Dictionary();
  private readonly leadOf = new IntList();
  private readonly periods = new Dictionary();
  private readonly periodOf = new IntList();
  /** 1 when the project is linked to some programme node, else 0. */
  private readonly linkedOf = new IntList();
  private readonly municipalityStart = new IntList();
  private readonly municipalityCodes = new Dictionary();
  private readonly municipalityOf = new IntList();
  private readonly statuses = new Dictionary();
  private readonly statusOf = new IntList();
  private readonly start = new IntList();
  private readonly end = new IntList();
  private readonly fundingStart = new IntList();
  private readonly funds = new Dictionary();
  private readonly kinds = new Dictionary();
  private readonly fundingFund = new IntList();
  private readonly fundingKind = new IntList();
  private readonly fundingCents: number[] = [];
  private readonly postings = {
    municipalities: new PostingsBuilder(),
    funds: new PostingsBuilder(),
    nodes: new PostingsBuilder(),
    terms: new PostingsBuilder(),
    stems: new PostingsBuilder(),
  };

  get size(): number {
    return this.codes.length;
  }

  add(p: CatalogueProject): void {
    const i = this.codes.length;
    this.ids.push(p.id);
    this.codes.push(p.code);
    this.nameOf.push(this.names.id(sortName(p.name)));
    this.displayNames.push(p.name);
    this.leadOf.push(p.leadOrganisation === null ? -1 : this.leads.id(p.leadOrganisation));
    this.periodOf.push(p.fundingPeriod ? this.periods.id(p.fundingPeriod) : -1);
    this.linkedOf.push(p.nodes.length > 0 ? 1 : 0);
    this.municipalityStart.push(this.municipalityOf.length);
    for (const m of [...p.municipalities].sort(byText)) this.municipalityOf.push(this.municipalityCodes.id(m));
    this.statusOf.push(this.statuses.id(p.status));
    this.start.push(dayNumber(p.startDate));
    this.end.push(dayNumber(p.endDate));
    this.fundingStart.push(this.fundingCents.length);
    for (const f of p.funding) {
      this.fundingFund.push(this.funds.id(f.fund));
      this.fundingKind.push(this.kinds.id(f.kind));
      this.fundingCents.push(f.cents);
      this.postings.funds.add(f.fund, i);
    }
    for (const m of p.municipalities) this.postings.municipalities.add(m, i);
    for (const k of p.nodes) this.postings.nodes.add(k, i);
    for (const t of p.terms) this.postings.terms.add(t, i);
    for (const s of p.stems) this.postings.stems.add(s, i);
  }

  /** The catalogue of the projects added; `collator` orders names (e.g. `new Intl.Collator('fi')`). */
  build(collator: Intl.Collator): ProjectCatalogue {
    const n = this.codes.length;
    this.fundingStart.push(this.fundingCents.length);
    this.municipalityStart.push(this.municipalityOf.length);
    // Code ranks first; the other orders sort numbers (ranks, days), which is fast.
    const codes = this.codes;
    const code = Int32Array.from(codes.map((_c, i) => i).sort((a, b) => byText(codes[a]!, codes[b]!)));
    const codeRank = new Int32Array(n);
    code.forEach((i, r) => (codeRank[i] = r));
    // Names the collator holds equal (Hanke, hanke) share a rank, so that the code orders them.
    const byName = this.names.keys
      .map((_k, id) => id)
      .sort((a, b) => collator.compare(this.names.keys[a]!, this.names.keys[b]!));
    const nameRank = new Int32Array(byName.length);
    byName.forEach(
      (id, r) =>
        (nameRank[id] =
          r > 0 && collator.compare(this.names.keys[byName[r - 1]!]!, this.names.keys[id]!) === 0
            ? nameRank[byName[r - 1]!]!
            : r),
    );
    const nameOf = this.nameOf.int32().map((id) => nameRank[id]!);
    const start = this.start.int32();
    const startOf = start.map((d) => d || 99_999_999);
    return new ProjectCatalogue({
      ids: this.ids.int32(),
      codes,
      names: this.displayNames,
      leads: this.leads.keys,
      leadOf: this.leadOf.int32(),
      periods: this.periods.keys,
      periodOf: this.periodOf.int32(),
      linkedOf: this.linkedOf.int32(),
      municipalityStart: this.municipalityStart.int32(),
      municipalityCodes: this.municipalityCodes.keys,
      municipalityOf: this.municipalityOf.int32(),
      statuses: this.statuses.ids,
      statusNames: this.statuses.keys,
      statusOf: this.statusOf.int32(),
      start,
      end: this.end.int32(),
      fundingStart: this.fundingStart.int32(),
      funds: this.funds.keys,
      kinds: this.kinds.keys,
      fundingFund: this.fundingFund.int32(),
      fundingKind: this.fundingKind.int32(),
      fundingCents: Float64Array.from(this.fundingCents),
      municipalities: this.postings.municipalities.build(),
      fundLists: this.postings.funds.build(),
      nodes: this.postings.nodes.build(),
      terms: this.postings.terms.build(),
      stems: this.postings.stems.build(),
      orders: {
        code,
        start: code.slice().sort((a, b) => startOf[a]! - startOf[b]! || codeRank[a]! - codeRank[b]!),
        name: code.slice().sort((a, b) => nameOf[a]! - nameOf[b]! || codeRank[a]! - codeRank[b]!),
      },
    });
  }
}

interface CatalogueParts {
  ids: Int32Array;
  codes: readonly string[];
  names: readonly LocalizedText[];
  /** Lead organisations (each name once) and the lead of each project (-1: none). */
  leads: readonly string[];
  leadOf: Int32Array;
  /** Funding periods (each once) and the period of each project (-1: not known). */
  periods: readonly string[];
  periodOf: Int32Array;
  /** 1 for the projects linked to some programme node. */
  linkedOf: Int32Array;
  /** The municipalities of project i (in code order) are municipalityCodes[municipalityOf[k]] for k in municipalityStart[i] … municipalityStart[i + 1] - 1. */
  municipalityStart: Int32Array;
  municipalityCodes: readonly string[];
  municipalityOf: Int32Array;
  /** Status → its number in `statusOf`. */
  statuses: ReadonlyMap<string, number>;
  /** Number → status (the inverse of `statuses`). */
  statusNames: readonly string[];
  statusOf: Int32Array;
  /** Start and end days (yyyymmdd; 0 for none). */
  start: Int32Array;
  end: Int32Array;
  /** The funding lines of project i are fundingStart[i] … fundingStart[i + 1] - 1. */
  fundingStart: Int32Array;
  funds: readonly string[];
  kinds: readonly string[];
  fundingFund: Int32Array;
  fundingKind: Int32Array;
  fundingCents: Float64Array;
  municipalities: PostingLists;
  fundLists: PostingLists;
  nodes: PostingLists;
  terms: PostingLists;
  stems: PostingLists;
  /** Project indices in each order. */
  orders: Record<ProjectSort, Int32Array>;
}

export class ProjectCatalogue {
  readonly size: number;

  constructor(private readonly parts: CatalogueParts) {
    this.size = parts.ids.length;
  }

  /** The catalogue of `projects` (see CatalogueBuilder). */
  static of(projects: Iterable<CatalogueProject>, collator: Intl.Collator): ProjectCatalogue {
    const builder = new CatalogueBuilder();
    for (const p of projects) builder.add(p);
    return builder.build(collator);
  }

  /**
   * The projects matching `f`. Set filters (nodes, term, municipality, fund, search groups) walk
   * their posting lists only, counting in `level[i]` how many of them project i passed so far;
   * the scalar filters (status, dates) are checked on the survivors. Cost: the lengths of the
   * lists, not the size of the catalogue.
   */
  match(f: ProjectFilterQuery, scratch?: Uint8Array): CatalogueMatches {
    const { nodes, terms, municipalities, fundLists, stems } = this.parts;
    const sets: ProjectSet[] = [];
    const set = (lists: PostingLists, fill: (ranges: number[]) => void): void => {
      const ranges: number[] = [];
      fill(ranges);
      sets.push({ items: lists.items, ranges });
    };
    if (f.nodeKeys) {
      const { programme, keys } = f.nodeKeys;
      set(nodes, (r) => keys.forEach((k) => nodes.exact(`${programme}/${k}`, r)));
    }
    if (f.term) {
      const t = f.term;
      set(terms, (r) => terms.exact(`${t.programme}/${t.taxonomy}/${t.term}`, r));
    }
    if (f.municipality !== undefined) set(municipalities, (r) => municipalities.exact(f.municipality!, r));
    if (f.fund !== undefined) set(fundLists, (r) => fundLists.exact(f.fund!, r));
    if (f.groups !== undefined) {
      const groups = f.groups.map((g) => [...new Set(g.filter((w) => STEM.test(w)))]).filter((g) => g.length > 0);
      if (groups.length === 0) return { count: 0, indices: new Int32Array(0), mask: new Uint8Array(0), hit: 1 };
      for (const g of groups) set(stems, (r) => g.forEach((prefix) => stems.prefixed(prefix, r)));
    }
    const scalar = this.scalarTest(f);
    if (sets.length === 0 && scalar === null) return { count: this.size, indices: null, mask: null, hit: 1 };

    const n = this.size;
    const mask = scratch ? scratch.fill(0) : new Uint8Array(n);
    const out = new IntList();
    if (sets.length === 0) {
      for (let i = 0; i < n; i++) {
        if (!scalar!(i)) continue;
        mask[i] = 1;
        out.push(i);
      }
      return { count: out.length, indices: out.int32(), mask, hit: 1 };
    }
    // The smallest set last: its walk also collects the matches.
    sets.sort((a, b) => setSize(b) - setSize(a));
    const last = sets.length - 1;
    sets.forEach(({ items, ranges }, s) => {
      for (let r = 0; r < ranges.length; r += 2) {
        for (let j = ranges[r]!; j < ranges[r + 1]!; j++) {
          const i = items[j]!;
          if (mask[i] !== s) continue;
          mask[i] = s + 1;
          if (s === last && scalar !== null && !scalar(i)) continue;
          if (s === last) out.push(i);
        }
      }
    });
    const indices = out.int32();
    if (scalar !== null) {
      // Survivors that failed a scalar test stay at `last + 1`; mark the matches one higher.
      for (const i of indices) mask[i] = last + 2;
      return { count: indices.length, indices, mask, hit: last + 2 };
    }
    return { count: indices.length, indices, mask, hit: last + 1 };
  }

  /** The test of the status and date filters on a project index, or null when `f` has none. */
  private scalarTest(f: ProjectFilterQuery): ((i: number) => boolean) | null {
    const { statuses, statusOf, start, end } = this.parts;
    const status = f.status === undefined ? null : (statuses.get(f.status) ?? -1);
    const to = f.activeTo === undefined ? null : dayNumber(f.activeTo);
    const from = f.activeFrom === undefined ? null : dayNumber(f.activeFrom);
    if (status === null && to === null && from === null) return null;
    return (i) =>
      (status === null || statusOf[i] === status) &&
      (to === null || (start[i] !== 0 && start[i]! <= to)) &&
      (from === null || (end[i] !== 0 && end[i]! >= from));
  }

  /** One mask reused by `query` and `summary`, which use it before they return (a mask per request would be garbage). */
  private scratchMask: Uint8Array | null = null;

  private scratch(): Uint8Array {
    return (this.scratchMask ??= new Uint8Array(this.size));
  }

  /** The count of the projects matching `f` and the list items at [offset, offset + limit) in `sort` order. */
  query(
    f: ProjectFilterQuery,
    sort: ProjectSort,
    offset: number,
    limit: number,
  ): { count: number; items: ProjectListItem[] } {
    const m = this.match(f, this.scratch());
    return { count: m.count, items: this.page(m, sort, offset, limit) };
  }

  /** The count of the projects matching `f` and their money by fund and kind. */
  summary(f: ProjectFilterQuery): { count: number; sums: MoneySum[] } {
    const m = this.match(f, this.scratch());
    return { count: m.count, sums: this.totals(m) };
  }

  /** The matching projects at positions [offset, offset + limit) in `sort` order (code breaks ties), as list items. */
  page(m: CatalogueMatches, sort: ProjectSort, offset: number, limit: number): ProjectListItem[] {
    return this.pageIndices(m, sort, offset, limit).map((i) => this.item(i));
  }

  private pageIndices(m: CatalogueMatches, sort: ProjectSort, offset: number, limit: number): number[] {
    const order = this.parts.orders[sort];
    if (m.mask === null) return Array.from(order.subarray(offset, offset + limit));
    if (m.count <= offset) return [];
    const { mask, hit } = m;
    const out: number[] = [];
    let seen = 0;
    for (let j = 0; j < order.length && out.length < limit; j++) {
      const i = order[j]!;
      if (mask[i] !== hit) continue;
      if (seen++ >= offset) out.push(i);
    }
    return out;
  }

  /** Project i as a list item. */
  private item(i: number): ProjectListItem {
    const {
      codes,
      names,
      leads,
      leadOf,
      periods,
      periodOf,
      linkedOf,
      statusNames,
      statusOf,
      start,
      end,
      municipalityStart,
      municipalityCodes,
      municipalityOf,
      kinds,
      fundingStart,
      fundingKind,
      fundingCents,
    } = this.parts;
    const municipalities: string[] = [];
    for (let k = municipalityStart[i]!; k < municipalityStart[i + 1]!; k++)
      municipalities.push(municipalityCodes[municipalityOf[k]!]!);
    const granted = kinds.indexOf('granted');
    const paid = kinds.indexOf('paid');
    let grantedCents = 0;
    let paidCents = 0;
    for (let j = fundingStart[i]!; j < fundingStart[i + 1]!; j++) {
      if (fundingKind[j] === granted) grantedCents += fundingCents[j]!;
      else if (fundingKind[j] === paid) paidCents += fundingCents[j]!;
    }
    return {
      code: codes[i]!,
      name: names[i]!,
      status: statusNames[statusOf[i]!] as ProjectStatus,
      startDate: isoDay(start[i]!),
      endDate: isoDay(end[i]!),
      leadOrganisation: leadOf[i]! < 0 ? null : leads[leadOf[i]!]!,
      fundingPeriod: periodOf[i]! < 0 ? null : periods[periodOf[i]!]!,
      linked: linkedOf[i] === 1,
      municipalities,
      grantedCents,
      paidCents,
    };
  }

  /** Money of the matching projects summed by fund and kind (only the sums that have lines). */
  totals(m: CatalogueMatches): MoneySum[] {
    const { funds, kinds, fundingStart, fundingFund, fundingKind, fundingCents } = this.parts;
    const sums = new Float64Array(funds.length * kinds.length);
    const has = new Uint8Array(funds.length * kinds.length);
    const add = (i: number): void => {
      for (let j = fundingStart[i]!; j < fundingStart[i + 1]!; j++) {
        const cell = fundingFund[j]! * kinds.length + fundingKind[j]!;
        sums[cell]! += fundingCents[j]!;
        has[cell] = 1;
      }
    };
    if (m.indices === null) for (let i = 0; i < this.size; i++) add(i);
    else for (const i of m.indices) add(i);
    const out: MoneySum[] = [];
    funds.forEach((fund, f) =>
      kinds.forEach(
        (kind, k) => has[f * kinds.length + k] && out.push({ fund, kind, cents: sums[f * kinds.length + k]! }),
      ),
    );
    return out.sort((a, b) => byText(a.fund, b.fund) || byText(a.kind, b.kind));
  }
}
