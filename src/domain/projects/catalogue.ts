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

/** Sorted unique strings with the catalogue indices of each (CSR lists). */
class PostingLists {
  readonly keys: string[];
  private readonly starts: Int32Array;
  private readonly items: Int32Array;

  constructor(lists: Map<string, number[]>) {
    this.keys = [...lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.starts = new Int32Array(this.keys.length + 1);
    let total = 0;
    for (const k of this.keys) total += lists.get(k)!.length;
    this.items = new Int32Array(total);
    let at = 0;
    this.keys.forEach((k, i) => {
      this.starts[i] = at;
      for (const v of lists.get(k)!) this.items[at++] = v;
    });
    this.starts[this.keys.length] = at;
  }

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

function addTo(lists: Map<string, number[]>, key: string, index: number): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
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

    const municipalities = new Map<string, number[]>();
    const funds = new Map<string, number[]>();
    const nodes = new Map<string, number[]>();
    const terms = new Map<string, number[]>();
    const stems = new Map<string, number[]>();
    let line = 0;
    projects.forEach((p, i) => {
      this.fundingStart[i] = line;
      for (const f of p.funding) {
        this.fundingFund[line] = fundIndex.get(f.fund)!;
        this.fundingKind[line] = kindIndex.get(f.kind)!;
        this.fundingCents[line] = f.cents;
        line++;
        addTo(funds, f.fund, i);
      }
      for (const m of p.municipalities) addTo(municipalities, m, i);
      for (const k of p.nodes) addTo(nodes, k, i);
      for (const t of p.terms) addTo(terms, t, i);
      for (const s of new Set(p.stems)) addTo(stems, s, i);
    });
    this.fundingStart[n] = line;
    this.municipalities = new PostingLists(municipalities);
    this.fundLists = new PostingLists(funds);
    this.nodes = new PostingLists(nodes);
    this.terms = new PostingLists(terms);
    this.stems = new PostingLists(stems);

    const indices = (): number[] => Array.from({ length: n }, (_x, i) => i);
    const codeOrder = (a: number, b: number): number => byText(projects[a]!.code, projects[b]!.code);
    const startOf = (i: number): number => this.start[i] || Number.MAX_SAFE_INTEGER;
    this.orders = {
      code: Int32Array.from(indices().sort(codeOrder)),
      start: Int32Array.from(indices().sort((a, b) => startOf(a) - startOf(b) || codeOrder(a, b))),
      name: Int32Array.from(indices().sort((a, b) => collator.compare(projects[a]!.sortName, projects[b]!.sortName) || codeOrder(a, b))),
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
