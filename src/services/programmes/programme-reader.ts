/**
 * Read models of regions and programmes for the site, the API and the CLI, each memoised until
 * the content it was read from changes (services/freshness.ts: per region and kind of content,
 * checked at most once a second, so a change made by another process, e.g. a CLI import, shows
 * within a second; a change made in this process shows at once).
 */
import { badRequest, notFound } from '#src/domain/errors.ts';
import { isLang, pickText, type Lang } from '#src/domain/languages.ts';
import type {
  Council,
  Municipality,
  ProgrammeSummary,
  Region,
  SearchHit,
  VersionContent,
  VersionSummary,
} from '#src/domain/read-models.ts';
import { groupsMatched, searchGroups, stemText } from '#src/domain/search-text.ts';
import { findByKey } from '#src/domain/tree.ts';
import type { Db } from '#src/storage/database.ts';
import { readGenerations, type ContentKind } from '#src/storage/repositories/generations-repository.ts';
import { findCouncil } from '#src/storage/repositories/council-repository.ts';
import { loadTree } from '#src/storage/repositories/nodes-repository.ts';
import {
  findProgramme,
  listProgrammes,
  type StoredProgramme,
} from '#src/storage/repositories/programmes-repository.ts';
import { findRegion, listMunicipalities, listRegions } from '#src/storage/repositories/regions-repository.ts';
import { searchNodes } from '#src/storage/repositories/search-repository.ts';
import { loadTaxonomies } from '#src/storage/repositories/taxonomies-repository.ts';
import { listVersions, versionSummary } from '#src/storage/repositories/versions-repository.ts';
import { Freshness, type ContentScope, type Generations } from '../freshness.ts';

export interface RegionWithProgrammes extends Region {
  programmes: ProgrammeSummary[];
}

const strip = (p: StoredProgramme): ProgrammeSummary => {
  const { dbId: _dbId, ...rest } = p;
  return rest;
};

const REGION_AND_PROGRAMMES: readonly ContentKind[] = ['region', 'programme'];

export class ProgrammeReader {
  /** Memoised answers, each with the stamp of the content it was read from (services/freshness.ts). */
  private readonly memo = new Map<string, { scope: ContentScope; stamp: number; value: Promise<unknown> }>();
  private swept: Generations | null = null;

  constructor(
    private readonly db: Db,
    /** The generations of the content; one per application context, shared with its caches. */
    readonly freshness: Freshness = new Freshness(db),
  ) {}

  /** Forgets what is memoised: called after a change made in this process was committed. */
  invalidate(): void {
    this.freshness.invalidate();
  }

  private async cached<T>(key: string, scope: ContentScope, load: () => Promise<T>): Promise<T> {
    const generations = await this.freshness.current();
    if (generations !== this.swept) {
      // Drops what changed, so that answers about programmes since replaced do not stay behind.
      this.swept = generations;
      for (const [k, e] of this.memo) if (e.stamp !== generations.stamp(e.scope)) this.memo.delete(k);
    }
    const stamp = generations.stamp(scope);
    const held = this.memo.get(key);
    if (held && held.stamp === stamp) return held.value as Promise<T>;
    const value = load();
    const entry = { scope, stamp, value };
    this.memo.set(key, entry);
    value.catch(() => {
      if (this.memo.get(key) === entry) this.memo.delete(key);
    });
    return value;
  }

  regions(): Promise<RegionWithProgrammes[]> {
    return this.cached('regions', { region: '*', kinds: REGION_AND_PROGRAMMES }, async () => {
      const [regions, programmes] = await Promise.all([listRegions(this.db.kysely), listProgrammes(this.db.kysely)]);
      return regions.map((r) => ({ ...r, programmes: programmes.filter((p) => p.regionCode === r.code).map(strip) }));
    });
  }

  /** A region by its code (`08`) or slug (`kymenlaakso`). */
  async region(codeOrSlug: string): Promise<RegionWithProgrammes> {
    const all = await this.regions();
    const found = all.find((r) => r.code === codeOrSlug || r.slug === codeOrSlug);
    if (!found) throw notFound(`Region "${codeOrSlug}"`);
    return found;
  }

  council(regionCode: string): Promise<Council | null> {
    return this.cached(`council:${regionCode}`, { region: regionCode, kinds: ['region'] }, () =>
      findCouncil(this.db.kysely, regionCode),
    );
  }

  async municipalities(regionCode?: string): Promise<Municipality[]> {
    // Municipalities are only ever written all together, which changes every region's `region` kind.
    return this.cached(
      `municipalities:${regionCode ?? '*'}`,
      { region: regionCode ?? '*', kinds: ['region'] },
      async () => {
        if (regionCode !== undefined && !(await findRegion(this.db.kysely, { code: regionCode })))
          throw notFound(`Region "${regionCode}"`);
        return listMunicipalities(this.db.kysely, regionCode);
      },
    );
  }

  async programmes(regionCode?: string): Promise<ProgrammeSummary[]> {
    const all = (await this.regions()).flatMap((r) => r.programmes);
    return regionCode === undefined ? all : all.filter((p) => p.regionCode === regionCode);
  }

  private storedProgramme(regionCode: string, slug: string): Promise<StoredProgramme> {
    return this.cached(`programme:${regionCode}:${slug}`, { region: regionCode, kinds: ['programme'] }, async () => {
      const p = await findProgramme(this.db.kysely, regionCode, slug);
      if (!p) throw notFound(`Programme "${regionCode}-${slug}"`);
      return p;
    });
  }

  /** A programme by region code and slug. */
  async programme(regionCode: string, slug: string): Promise<ProgrammeSummary> {
    return strip(await this.storedProgramme(regionCode, slug));
  }

  /** A programme by its public id, e.g. `08-2022-2025`. */
  async programmeById(id: string): Promise<ProgrammeSummary> {
    const match = /^(\d{2})-([a-z0-9-]+)$/.exec(id);
    if (!match) throw notFound(`Programme "${id}"`);
    return this.programme(match[1]!, match[2]!);
  }

  async versions(regionCode: string, slug: string): Promise<VersionSummary[]> {
    const p = await this.storedProgramme(regionCode, slug);
    return this.cached(`versions:${p.dbId}`, { region: regionCode, kinds: ['programme'] }, async () =>
      (await listVersions(this.db.kysely, p.dbId)).map(versionSummary),
    );
  }

  /** One version with its whole tree; the current version (approved, else newest) when `number` is omitted. */
  async versionContent(regionCode: string, slug: string, number?: number): Promise<VersionContent> {
    const p = await this.storedProgramme(regionCode, slug);
    const wanted = number ?? p.currentVersion;
    if (wanted === null) throw notFound(`A version of programme "${p.id}"`);
    return this.cached(`content:${p.dbId}:${wanted}`, { region: regionCode, kinds: ['programme'] }, async () => {
      const versions = await listVersions(this.db.kysely, p.dbId);
      const v = versions.find((x) => x.number === wanted);
      if (!v) throw notFound(`Version ${wanted} of programme "${p.id}"`);
      const [nodes, taxonomies] = await Promise.all([
        loadTree(this.db.kysely, v.id, p.levels),
        loadTaxonomies(this.db.kysely, p.dbId),
      ]);
      return {
        programme: strip(p),
        version: versionSummary(v),
        vision: v.vision,
        summary: v.summary,
        nodes,
        taxonomies,
      };
    });
  }

  /**
   * Searches the texts of one version as readers of `lang` see them. Each query word becomes the
   * stem prefixes it matches (domain/search-text.ts: inflection families joined, consonant
   * gradation undone), in `lang` and, off Finnish pages, also in Finnish, since untranslated texts
   * show in Finnish; every word must match. Function words are ignored; a query of none but them,
   * or of punctuation only, finds nothing. Hits whose title (as shown in `lang`) matches more of
   * the query words come first, then the database's own ranking.
   */
  async search(
    regionCode: string,
    slug: string,
    number: number | undefined,
    lang: string,
    query: string,
  ): Promise<SearchHit[]> {
    if (!isLang(lang)) throw badRequest(`lang must be one of fi, sv, en`);
    const langs: Lang[] = lang === 'fi' ? ['fi'] : [lang, 'fi'];
    const groups = searchGroups(query, langs);
    if (groups.length === 0) return [];
    const content = await this.versionContent(regionCode, slug, number);
    const p = await this.storedProgramme(regionCode, slug);
    const versions = await listVersions(this.db.kysely, p.dbId);
    const versionId = versions.find((v) => v.number === content.version.number)!.id;
    const rows = await searchNodes(this.db.kysely, this.db.dialect, { versionId, lang, groups, limit: 200 });
    const hits = rows.flatMap((r, rank) => {
      const node = findByKey(content.nodes, r.key);
      if (!node) return [];
      const title = pickText(node.title, lang);
      const inTitle = title ? groupsMatched(groups, stemText(title.text, title.lang)) : 0;
      // The score stays "higher is better": the words found in the title, plus the database's
      // score squeezed into [0, 1) (its scale differs between SQLite and PostgreSQL).
      const engine = Math.max(0, r.score);
      const score = inTitle + engine / (1 + engine);
      return [
        {
          hit: { key: node.key, path: node.path, title: node.title, summary: node.summary, level: node.level, score },
          rank,
        },
      ];
    });
    hits.sort((a, b) => b.hit.score - a.hit.score || a.rank - b.rank);
    return hits.slice(0, 50).map((h) => h.hit);
  }

  /** True when the database answers. */
  async ready(): Promise<boolean> {
    try {
      await readGenerations(this.db.kysely);
      return true;
    } catch {
      return false;
    }
  }
}
