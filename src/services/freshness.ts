/**
 * The one owner of freshness (docs/freshness.md). Writes call `contentChanged` in their
 * transaction with the region and the kinds of content they change; caches ask `Freshness` for
 * the generations and key what they hold on the stamp of the content it depends on, so that an
 * edit in one region does not drop another region's pages and a project import does not drop
 * programme pages that show no projects.
 *
 * The generations are read from the database at most once a second (so a change made by another
 * process, e.g. a CLI import, shows within about a second) and at once after a change made in
 * this process (`invalidate()`, called after the commit).
 */
import type { Db } from '#src/storage/database.ts';
import type { Executor } from '#src/storage/executor.ts';
import {
  allRegionCodes,
  bumpGenerations,
  readGenerations,
  type ContentKind,
} from '#src/storage/repositories/generations-repository.ts';

export { CONTENT_KINDS, type ContentKind } from '#src/storage/repositories/generations-repository.ts';

/** What a cached thing depends on: kinds of content of one region, or of every region (`*`). */
export interface ContentScope {
  region: string;
  kinds: readonly ContentKind[];
}

/** Records in `trx` that the `kinds` of content of `regionCode` change (call it in the writing transaction). */
export function contentChanged(trx: Executor, regionCode: string, kinds: readonly ContentKind[]): Promise<void> {
  return bumpGenerations(trx, regionCode, kinds);
}

/** Like `contentChanged` for every region (a rebuilt search index, a new municipality classification). */
export async function contentChangedEverywhere(trx: Executor, kinds: readonly ContentKind[]): Promise<void> {
  for (const code of await allRegionCodes(trx)) await bumpGenerations(trx, code, kinds);
}

const keyOf = (region: string, kind: string): string => `${region}\u0000${kind}`;

/** The generations at one moment (immutable). */
export class Generations {
  private readonly stamps = new Map<string, number>();

  constructor(private readonly values: ReadonlyMap<string, number>) {}

  /** The generation of one kind of a region's content (0 before its first change). */
  of(region: string, kind: ContentKind): number {
    return this.values.get(keyOf(region, kind)) ?? 0;
  }

  /**
   * A number that changes whenever content in `scope` changes (the sum of its generations, which
   * only grow): what caches key their entries on.
   */
  stamp(scope: ContentScope): number {
    const key = `${scope.region}\u0000${scope.kinds.join(',')}`;
    let stamp = this.stamps.get(key);
    if (stamp === undefined) {
      stamp = 0;
      if (scope.region === '*') {
        for (const [k, v] of this.values)
          if (scope.kinds.includes(k.slice(k.indexOf('\u0000') + 1) as ContentKind)) stamp += v;
      } else for (const kind of scope.kinds) stamp += this.of(scope.region, kind);
      this.stamps.set(key, stamp);
    }
    return stamp;
  }

  /** The sum of every generation: changes with any change of public content. */
  total(): number {
    let sum = 0;
    for (const v of this.values.values()) sum += v;
    return sum;
  }
}

export class Freshness {
  private snapshot: Generations | null = null;
  private checkedAt = 0;
  private reading: { epoch: number; promise: Promise<Generations> } | null = null;
  private epoch = 0;
  /** Generations first seen by a read right after a change made here: (region, kind) → generation. */
  private readonly seenAfterOwnChange = new Map<string, number>();
  private ownChangePending = false;

  constructor(
    private readonly db: Db,
    /** How long read generations are trusted, in ms. */
    private readonly recheckMs = 1000,
  ) {}

  /** The current generations: read again when the last read is older than a second or this process changed content. */
  current(): Promise<Generations> {
    const fresh = this.fresh();
    if (fresh) return Promise.resolve(fresh);
    if (this.reading?.epoch === this.epoch) return this.reading.promise;
    const epoch = this.epoch;
    const own = this.ownChangePending;
    const promise = readGenerations(this.db.kysely).then(
      (rows) => {
        const next = new Generations(new Map(rows.map((r) => [keyOf(r.regionCode, r.kind), r.generation])));
        if (epoch === this.epoch) {
          const before = this.snapshot;
          if (own && before)
            for (const r of rows)
              if (r.generation > before.of(r.regionCode, r.kind))
                this.seenAfterOwnChange.set(keyOf(r.regionCode, r.kind), r.generation);
          this.ownChangePending = false;
          this.snapshot = next;
          this.checkedAt = Date.now();
          this.reading = null;
        }
        return next;
      },
      (error: unknown) => {
        if (this.reading?.promise === promise) this.reading = null;
        throw error;
      },
    );
    this.reading = { epoch, promise };
    return promise;
  }

  /**
   * The generations `current()` would give right now without asking the database, or null when
   * it must ask: lets the site's front cache answer repeated requests synchronously.
   */
  fresh(): Generations | null {
    return this.snapshot !== null && Date.now() - this.checkedAt < this.recheckMs ? this.snapshot : null;
  }

  /** Called after a change made in this process was committed: the next `current()` reads the database. */
  invalidate(): void {
    this.epoch++;
    this.checkedAt = 0;
    this.ownChangePending = true;
    this.reading = null;
  }

  /**
   * True when this process made the change that took `kind` of `region` to `generation` (or a
   * later one): what it shows next must show that change, while a change of another process may
   * keep the older answer until the new one is ready.
   */
  changedHere(region: string, kind: ContentKind, generation: number): boolean {
    return (this.seenAfterOwnChange.get(keyOf(region, kind)) ?? -1) >= generation;
  }
}
