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
import type { ProjectStatus } from './status.ts';

export type ProjectSort = 'name' | 'start' | 'code';

export interface CatalogueProject {
  id: number;
  code: string;
  /** The name the list sorts by: Finnish, else Swedish, else English. */
  sortName: string;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus | string;
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
  readonly mask: Uint8Array;
  readonly count: number;
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

const STEM = /^[\p{L}\p{N}]+$/u;

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
    private readonly items: Int32Array,
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

  /** Sets `hit[i] = 1` for every project of `key`. */
  markExact(key: string, hit: Uint8Array): void {
    const k = this.lowerBound(key);
    if (this.keys[k] === key) this.markRange(k, k + 1, hit);
  }

  /** Sets `hit[i] = 1` for every project of every key starting with `prefix`. */
  markPrefix(prefix: string, hit: Uint8Array): void {
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < this.keys.length && this.keys[to]!.startsWith(prefix)) to++;
    this.markRange(from, to, hit);
  }

  private markRange(fromKey: number, toKey: number, hit: Uint8Array): void {
    const end = this.starts[toKey]!;
    for (let j = this.starts[fromKey]!; j < end; j++) hit[this.items[j]!] = 1;
  }
}

/**
 * Collects (key, project index) pairs in typed arrays and turns them into posting lists; indices
 * must be added in increasing order (each list is then sorted), and a pair added twice is kept once.
 */
class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly last: number[] = [];
  private terms = new Int32Array(1024);
  private items = new Int32Array(1024);
  private length = 0;

  add(key: string, index: number): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.last.push(-1);
    } else if (this.last[id] === index) return;
    this.last[id] = index;
    if (this.length === this.terms.length) {
      const terms = new Int32Array(this.length * 2);
      terms.set(this.terms);
      this.terms = terms;
      const items = new Int32Array(this.length * 2);
      items.set(this.items);
      this.items = items;
    }
    this.terms[this.length] = id;
    this.items[this.length++] = index;
  }

  build(): PostingLists {
    const order = this.keys.map((_k, id) => id).sort((a, b) => byText(this.keys[a]!, this.keys[b]!));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const starts = new Int32Array(order.length + 1);
    for (let j = 0; j < this.length; j++) starts[rank[this.terms[j]!]! + 1]!++;
    for (let r = 0; r < order.length; r++) starts[r + 1]! += starts[r]!;
    const fill = starts.slice(0, order.length);
    const items = new Int32Array(this.length);
    for (let j = 0; j < this.length; j++) items[fill[rank[this.terms[j]!]!]!++] = this.items[j]!;
    return new PostingLists(
      order.map((id) => this.keys[id]!),
      starts,
      items,
    );
  }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class ProjectCatalogue {
  readonly size: number;
  private readonly ids: Int32Array;
  private readonly statusOf: Uint8Array;
  private readonly statuses: string[];
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly fundingStart: Int32Array;
  private readonly fundingFund: Uint8Array;
  private readonly fundingKind: Uint8Array;
  private readonly fundingCents: Float64Array;
  private readonly funds: string[];
  private readonly kinds: string[];
  private readonly municipalities: PostingLists;
  private readonly fundLists: PostingLists;
  private readonly nodes: PostingLists;
  private readonly terms: PostingLists;
  private readonly stems: PostingLists;
  private readonly orders: Record<ProjectSort, Int32Array>;

  /** The catalogue of `projects`; `collator` orders names (e.g. `new Intl.Collator('fi')`). */
  constructor(projects: readonly CatalogueProject[], collator: Intl.Collator) {
    const n = projects.length;
    this.size = n;
    this.ids = Int32Array.from(projects, (p) => p.id);
    this.statuses = [...new Set(projects.map((p) => p.status))].sort(byText);
    const statusIndex = new Map(this.statuses.map((s, i) => [s, i]));
    this.statusOf = Uint8Array.from(projects, (p) => statusIndex.get(p.status)!);
    this.start = Int32Array.from(projects, (p) => dayNumber(p.startDate));
    this.end = Int32Array.from(projects, (p) => dayNumber(p.endDate));

    this.funds = [...new Set(projects.flatMap((p) => p.funding.map((f) => f.fund)))].sort(byText);
    this.kinds = [...new Set(projects.flatMap((p) => p.funding.map((f) => f.kind)))].sort(byText);
    const fundIndex = new Map(this.funds.map((f, i) => [f, i]));
    const kindIndex = new Map(this.kinds.map((k, i) => [k, i]));
    const lines = projects.reduce((a, p) => a + p.funding.length, 0);
    this.fundingStart = new Int32Array(n + 1);
    this.fundingFund = new Uint8Array(lines);
    this.fundingKind = new Uint8Array(lines);
    this.fundingCents = new Float64Array(lines);

    const municipalities = new PostingsBuilder();
    const funds = new PostingsBuilder();
    const nodes = new PostingsBuilder();
    const terms = new PostingsBuilder();
    const stems = new PostingsBuilder();
    let line = 0;
    projects.forEach((p, i) => {
      this.fundingStart[i] = line;
      for (const f of p.funding) {
        this.fundingFund[line] = fundIndex.get(f.fund)!;
        this.fundingKind[line] = kindIndex.get(f.kind)!;
        this.fundingCents[line] = f.cents;
        line++;
        funds.add(f.fund, i);
      }
      for (const m of p.municipalities) municipalities.add(m, i);
      for (const k of p.nodes) nodes.add(k, i);
      for (const t of p.terms) terms.add(t, i);
      for (const s of p.stems) stems.add(s, i);
    });
    this.fundingStart[n] = line;
    this.municipalities = municipalities.build();
    this.fundLists = funds.build();
    this.nodes = nodes.build();
    this.terms = terms.build();
    this.stems = stems.build();

    // Code ranks first; the other orders sort numbers (ranks, days), which is fast.
    const code = Int32Array.from(
      projects.map((_p, i) => i).sort((a, b) => byText(projects[a]!.code, projects[b]!.code)),
    );
    const codeRank = new Int32Array(n);
    code.forEach((i, r) => (codeRank[i] = r));
    const names = [...new Set(projects.map((p) => p.sortName))].sort(collator.compare);
    // Names the collator holds equal (Hanke, hanke) share a rank, so that the code orders them.
    const nameRank = new Map<string, number>();
    names.forEach((name, r) => nameRank.set(name, r > 0 && collator.compare(names[r - 1]!, name) === 0 ? nameRank.get(names[r - 1]!)! : r));
    const nameOf = Int32Array.from(projects, (p) => nameRank.get(p.sortName)!);
    const startOf = Int32Array.from(this.start, (d) => d || 99_999_999);
    this.orders = {
      code,
      start: code.slice().sort((a, b) => startOf[a]! - startOf[b]! || codeRank[a]! - codeRank[b]!),
      name: code.slice().sort((a, b) => nameOf[a]! - nameOf[b]! || codeRank[a]! - codeRank[b]!),
    };
  }

  /** The projects matching `f`. */
  match(f: ProjectFilterQuery): CatalogueMatches {
    const n = this.size;
    const mask = new Uint8Array(n).fill(1);
    const keep = (mark: (hit: Uint8Array) => void): void => {
      const hit = new Uint8Array(n);
      mark(hit);
      for (let i = 0; i < n; i++) mask[i]! &= hit[i]!;
    };
    if (f.nodeKeys) {
      const { programme, keys } = f.nodeKeys;
      keep((hit) => keys.forEach((k) => this.nodes.markExact(`${programme}/${k}`, hit)));
    }
    if (f.term) {
      const t = f.term;
      keep((hit) => this.terms.markExact(`${t.programme}/${t.taxonomy}/${t.term}`, hit));
    }
    if (f.municipality !== undefined) keep((hit) => this.municipalities.markExact(f.municipality!, hit));
    if (f.fund !== undefined) keep((hit) => this.fundLists.markExact(f.fund!, hit));
    if (f.status !== undefined) {
      const s = this.statuses.indexOf(f.status);
      for (let i = 0; i < n; i++) if (this.statusOf[i] !== s) mask[i] = 0;
    }
    if (f.activeTo !== undefined) {
      const to = dayNumber(f.activeTo);
      for (let i = 0; i < n; i++) if (this.start[i] === 0 || this.start[i]! > to) mask[i] = 0;
    }
    if (f.activeFrom !== undefined) {
      const from = dayNumber(f.activeFrom);
      for (let i = 0; i < n; i++) if (this.end[i] === 0 || this.end[i]! < from) mask[i] = 0;
    }
    if (f.groups !== undefined) {
      const groups = f.groups.map((g) => [...new Set(g.filter((s) => STEM.test(s)))]).filter((g) => g.length > 0);
      if (groups.length === 0) mask.fill(0);
      for (const g of groups) keep((hit) => g.forEach((prefix) => this.stems.markPrefix(prefix, hit)));
    }
    let count = 0;
    for (let i = 0; i < n; i++) count += mask[i]!;
    return { mask, count };
  }

  /** The ids of the matching projects at positions [offset, offset + limit) in `sort` order (code breaks ties). */
  page(m: CatalogueMatches, sort: ProjectSort, offset: number, limit: number): number[] {
    const order = this.orders[sort];
    const out: number[] = [];
    let seen = 0;
    for (let j = 0; j < order.length && out.length < limit; j++) {
      const i = order[j]!;
      if (m.mask[i] === 0) continue;
      if (seen++ >= offset) out.push(this.ids[i]!);
    }
    return out;
  }

  /** Money of the matching projects summed by fund and kind (only the sums that have lines). */
  totals(m: CatalogueMatches): MoneySum[] {
    const kinds = this.kinds.length;
    const sums = new Float64Array(this.funds.length * kinds);
    const has = new Uint8Array(this.funds.length * kinds);
    for (let i = 0; i < this.size; i++) {
      if (m.mask[i] === 0) continue;
      for (let j = this.fundingStart[i]!; j < this.fundingStart[i + 1]!; j++) {
        const cell = this.fundingFund[j]! * kinds + this.fundingKind[j]!;
        sums[cell]! += this.fundingCents[j]!;
        has[cell] = 1;
      }
    }
    const out: MoneySum[] = [];
    this.funds.forEach((fund, f) => this.kinds.forEach((kind, k) => has[f * kinds + k] && out.push({ fund, kind, cents: sums[f * kinds + k]! })));
    return out;
  }
}
