/**
 * Projects with their municipalities, funding lines, programme links and search rows (the
 * financing plan of programme versions is in financing-plan-repository.ts). Writes are batched
 * (a list of 100 000 projects is a few hundred statements); money is read back as a number and
 * never past 2^53.
 */
import type { ExpressionBuilder } from 'kysely';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { Database } from '../schema.ts';
import type { FundCode } from '#src/domain/projects/funds.ts';
import type { StoredProject } from '#src/domain/projects/listing.ts';
import type { Organisation, Project } from '#src/domain/projects/project.ts';
import type { FundingKind, ProjectStatus } from '#src/domain/projects/status.ts';
import type { Level } from '#src/domain/programmes/programme-file.ts';
import { stemWords, type CatalogueProject } from '#src/domain/projects/catalogue.ts';
import { bulkInsert, chunks } from '../bulk-insert.ts';
import type { Dialect } from '../database.ts';
import type { Executor } from '../executor.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';
import { moneyFromDb } from '../money.ts';

export interface ProjectWrite {
  project: Project;
  /** Hash of the canonical form (see canonicalProject). */
  hash: string;
  /** Stemmed search text per language. */
  search: readonly { lang: string; stems: string }[];
}

/** Code → id and content hash of every project of a region. */
export async function projectHashes(
  db: Executor,
  regionCode: string,
): Promise<Map<string, { id: number; hash: string }>> {
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'code', 'content_hash'])
    .where('region_code', '=', regionCode)
    .execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, hash: r.content_hash }]));
}

function projectRow(regionCode: string, w: ProjectWrite, at: string) {
  const p = w.project;
  return {
    region_code: regionCode,
    code: p.code,
    name: textToJson(p.name) ?? '{}',
    summary: textToJson(p.summary),
    lead_name: p.leadOrganisation?.name ?? null,
    lead_business_id: p.leadOrganisation?.businessId ?? null,
    partners: JSON.stringify(p.partners),
    start_date: p.startDate,
    end_date: p.endDate,
    status: p.status,
    source: p.source,
    funding_period: p.fundingPeriod ?? null,
    details: JSON.stringify(p.details),
    content_hash: w.hash,
    updated_at: at,
  };
}

const PROJECT_COLUMNS = [
  'region_code',
  'code',
  'name',
  'summary',
  'lead_name',
  'lead_business_id',
  'partners',
  'start_date',
  'end_date',
  'status',
  'source',
  'funding_period',
  'details',
  'content_hash',
  'updated_at',
] as const satisfies readonly (keyof ReturnType<typeof projectRow>)[];

async function insertChildren(
  db: Executor,
  dialect: Dialect,
  items: readonly { id: number; w: ProjectWrite }[],
): Promise<void> {
  const insert = (table: string, columns: readonly string[], rows: (string | number | null)[][]): Promise<unknown> =>
    bulkInsert(db, dialect, table, columns, rows);
  await insert(
    'project_municipalities',
    ['project_id', 'municipality_code'],
    items.flatMap(({ id, w }) => w.project.municipalities.map((m) => [id, m])),
  );
  await insert(
    'project_funding',
    ['project_id', 'position', 'fund', 'kind', 'amount_cents', 'year'],
    items.flatMap(({ id, w }) =>
      w.project.funding.map((f, position) => [id, position, f.fund, f.kind, f.amountCents, f.year]),
    ),
  );
  await insert(
    'project_nodes',
    ['project_id', 'programme_slug', 'node_key', 'is_primary'],
    items.flatMap(({ id, w }) => w.project.nodes.map((n) => [id, n.programme, n.key, n.primary ? 1 : 0])),
  );
  await insert(
    'project_terms',
    ['project_id', 'programme_slug', 'taxonomy_key', 'term_key'],
    items.flatMap(({ id, w }) => w.project.terms.map((t) => [id, t.programme, t.taxonomy, t.term])),
  );
  await insert(
    'project_search',
    ['project_id', 'lang', 'stems'],
    items.flatMap(({ id, w }) => w.search.map((x) => [id, x.lang, x.stems])),
  );
}

/** Inserts new projects of a region with everything attached to them. */
export async function insertProjects(
  db: Executor,
  dialect: Dialect,
  regionCode: string,
  items: readonly ProjectWrite[],
  at: string,
  onBatch?: (n: number) => void,
): Promise<void> {
  for (const batch of chunks(items, PROJECT_COLUMNS.length)) {
    const rows = await bulkInsert<{ id: number; code: string }>(
      db,
      dialect,
      'projects',
      PROJECT_COLUMNS,
      batch.map((w) => {
        const row = projectRow(regionCode, w, at);
        return PROJECT_COLUMNS.map((c) => row[c]);
      }),
      ['id', 'code'],
    );
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    await insertChildren(
      db,
      dialect,
      batch.map((w) => ({ id: ids.get(w.project.code)!, w })),
    );
    onBatch?.(batch.length);
  }
}

/** Replaces stored projects (by id) with new data, children included. */
export async function updateProjects(
  db: Executor,
  dialect: Dialect,
  regionCode: string,
  items: readonly (ProjectWrite & { id: number })[],
  at: string,
  onBatch?: (n: number) => void,
): Promise<void> {
  for (const batch of chunks(items, 1)) {
    const ids = batch.map((i) => i.id);
    for (const table of ['project_municipalities', 'project_funding', 'project_terms', 'project_search'] as const) {
      await db.deleteFrom(table).where('project_id', 'in', ids).execute();
    }
    // The data's links are replaced; links an editor confirmed stay (and are not inserted twice).
    await db.deleteFrom('project_nodes').where('project_id', 'in', ids).where('confirmed_by', 'is', null).execute();
    const kept = await db
      .selectFrom('project_nodes')
      .select(['project_id', 'programme_slug', 'node_key'])
      .where('project_id', 'in', ids)
      .execute();
    for (const item of batch) {
      await db
        .updateTable('projects')
        .set(projectRow(regionCode, item, at))
        .where('id', '=', item.id)
        .execute();
    }
    const confirmed = new Set(kept.map((k) => `${k.project_id}/${k.programme_slug}/${k.node_key}`));
    await insertChildren(
      db,
      dialect,
      batch.map((w) =>
        confirmed.size === 0
          ? { id: w.id, w }
          : {
              id: w.id,
              w: {
                ...w,
                project: {
                  ...w.project,
                  nodes: w.project.nodes.filter((n) => !confirmed.has(`${w.id}/${n.programme}/${n.key}`)),
                },
              },
            },
      ),
    );
    onBatch?.(batch.length);
  }
}

/** The texts of every project that its search rows are made from. */
export async function listProjectSearchSources(db: Executor): Promise<
  {
    id: number;
    code: string;
    name: LocalizedText;
    summary: LocalizedText | null;
    leadOrganisation: Organisation | null;
    partners: Organisation[];
  }[]
> {
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'code', 'name', 'summary', 'lead_name', 'lead_business_id', 'partners'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: requiredTextFromJson(r.name),
    summary: textFromJson(r.summary),
    leadOrganisation: r.lead_name === null ? null : { name: r.lead_name, businessId: r.lead_business_id },
    partners: JSON.parse(r.partners) as Organisation[],
  }));
}

/** Empties the projects' search index and fills it with `rows`. */
export async function replaceAllProjectSearchRows(
  db: Executor,
  rows: readonly { id: number; search: readonly { lang: string; stems: string }[] }[],
): Promise<void> {
  await db.deleteFrom('project_search').execute();
  const values = rows.flatMap((r) => r.search.map((s) => ({ project_id: r.id, lang: s.lang, stems: s.stems })));
  for (const c of chunks(values, 3)) await db.insertInto('project_search').values(c).execute();
}

export async function countProjects(db: Executor, regionCode: string): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('region_code', '=', regionCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type { StoredProject, ProjectListItem } from '#src/domain/projects/listing.ts';

/** One project with everything attached, or null. */
export async function findProject(db: Executor, regionCode: string, code: string): Promise<StoredProject | null> {
  const r = await db
    .selectFrom('projects')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!r) return null;
  const [municipalities, funding, nodes, terms] = await Promise.all([
    db
      .selectFrom('project_municipalities')
      .select('municipality_code')
      .where('project_id', '=', r.id)
      .orderBy('municipality_code')
      .execute(),
    db.selectFrom('project_funding').selectAll().where('project_id', '=', r.id).orderBy('position').execute(),
    db
      .selectFrom('project_nodes')
      .selectAll()
      .where('project_id', '=', r.id)
      .orderBy('is_primary', 'desc')
      .orderBy('programme_slug')
      .orderBy('node_key')
      .execute(),
    db
      .selectFrom('project_terms')
      .selectAll()
      .where('project_id', '=', r.id)
      .orderBy('programme_slug')
      .orderBy('taxonomy_key')
      .orderBy('term_key')
      .execute(),
  ]);
  return {
    regionCode: r.region_code,
    code: r.code,
    name: requiredTextFromJson(r.name),
    summary: textFromJson(r.summary),
    leadOrganisation: r.lead_name === null ? null : { name: r.lead_name, businessId: r.lead_business_id },
    partners: JSON.parse(r.partners) as Organisation[],
    municipalities: municipalities.map((m) => m.municipality_code),
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as ProjectStatus,
    funding: funding.map((f) => ({
      fund: f.fund as FundCode,
      kind: f.kind as FundingKind,
      amountCents: moneyFromDb(f.amount_cents),
      year: f.year,
    })),
    nodes: nodes.map((n) => ({ programme: n.programme_slug, key: n.node_key, primary: n.is_primary === 1 })),
    terms: terms.map((t) => ({ programme: t.programme_slug, taxonomy: t.taxonomy_key, term: t.term_key })),
    source: r.source,
    ...(r.funding_period !== null ? { fundingPeriod: r.funding_period } : {}),
    details: JSON.parse(r.details) as Record<string, string>,
    updatedAt: r.updated_at,
  };
}

export interface ProgrammeLinkTargets {
  slug: string;
  periodStart: number;
  periodEnd: number;
  /** Keys of the level of each depth (theme, priority, measure …). */
  levelKeys: string[];
  /** Node key → key of its level, over all versions. */
  nodes: Map<string, string | null>;
  /** `taxonomy/term` refs. */
  terms: Set<string>;
  /** Version number → node keys of that version. */
  versions: Map<number, Set<string>>;
}

/** The programmes of a region with the node keys and terms projects and plans may name. */
export async function programmeLinkTargets(
  db: Executor,
  regionCode: string,
): Promise<Map<string, ProgrammeLinkTargets>> {
  const programmes = await db
    .selectFrom('programmes')
    .select(['id', 'slug', 'levels', 'period_start', 'period_end'])
    .where('region_code', '=', regionCode)
    .execute();
  const out = new Map<string, ProgrammeLinkTargets>();
  for (const p of programmes) {
    const levels = (JSON.parse(p.levels) as Level[]).map((l) => l.key);
    const nodes = await db
      .selectFrom('nodes')
      .innerJoin('versions', 'versions.id', 'nodes.version_id')
      .select(['nodes.key', 'nodes.depth', 'versions.number'])
      .where('versions.programme_id', '=', p.id)
      .execute();
    const terms = await db
      .selectFrom('terms')
      .innerJoin('taxonomies', 'taxonomies.id', 'terms.taxonomy_id')
      .select(['taxonomies.key as taxonomy', 'terms.key as term'])
      .where('taxonomies.programme_id', '=', p.id)
      .execute();
    const versions = new Map<number, Set<string>>();
    const nodeLevels = new Map<string, string | null>();
    for (const n of nodes) {
      nodeLevels.set(n.key, levels[n.depth - 1] ?? null);
      let set = versions.get(n.number);
      if (!set) versions.set(n.number, (set = new Set()));
      set.add(n.key);
    }
    out.set(p.slug, {
      slug: p.slug,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      levelKeys: levels,
      nodes: nodeLevels,
      terms: new Set(terms.map((t) => `${t.taxonomy}/${t.term}`)),
      versions,
    });
  }
  return out;
}

/**
 * Every project of a region as the project browser's catalogue needs it, handed to `visit` in
 * chunks of `chunk` projects (by id), so that 100 000 projects are never held as rows at once
 * and requests are answered between chunks.
 * Not one transaction (which would hold SQLite's only connection for seconds): callers compare
 * the projects generation before and after.
 */
export async function forEachCatalogueProject(
  db: Executor,
  regionCode: string,
  visit: (p: CatalogueProject) => void,
  chunk = 1000,
): Promise<void> {
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('projects')
      .select(['id', 'code', 'name', 'lead_name', 'start_date', 'end_date', 'status', 'funding_period'])
      .where('region_code', '=', regionCode)
      .where('id', '>', after)
      .orderBy('id')
      .limit(chunk)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const [municipalities, funding, nodes, terms, search] = await Promise.all([
      db
        .selectFrom('project_municipalities')
        .select(['project_id', 'municipality_code'])
        .where('project_id', 'in', ids)
        .execute(),
      db
        .selectFrom('project_funding')
        .select(['project_id', 'fund', 'kind', 'amount_cents'])
        .where('project_id', 'in', ids)
        .execute(),
      db
        .selectFrom('project_nodes')
        .select(['project_id', 'programme_slug', 'node_key'])
        .where('project_id', 'in', ids)
        .execute(),
      db
        .selectFrom('project_terms')
        .select(['project_id', 'programme_slug', 'taxonomy_key', 'term_key'])
        .where('project_id', 'in', ids)
        .execute(),
      db.selectFrom('project_search').select(['project_id', 'stems']).where('project_id', 'in', ids).execute(),
    ]);
    const byId = new Map<
      number,
      CatalogueProject & {
        municipalities: string[];
        funding: CatalogueProject['funding'][number][];
        nodes: string[];
        terms: string[];
        stems: string[];
      }
    >();
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id,
        code: r.code,
        name: requiredTextFromJson(r.name),
        leadOrganisation: r.lead_name,
        fundingPeriod: r.funding_period,
        startDate: r.start_date,
        endDate: r.end_date,
        status: r.status,
        municipalities: [],
        funding: [],
        nodes: [],
        terms: [],
        stems: [],
      });
    }
    for (const m of municipalities) byId.get(m.project_id)!.municipalities.push(m.municipality_code);
    for (const f of funding)
      byId.get(f.project_id)!.funding.push({ fund: f.fund, kind: f.kind, cents: moneyFromDb(f.amount_cents) });
    for (const n of nodes) byId.get(n.project_id)!.nodes.push(`${n.programme_slug}/${n.node_key}`);
    for (const t of terms) byId.get(t.project_id)!.terms.push(`${t.programme_slug}/${t.taxonomy_key}/${t.term_key}`);
    for (const s of search) byId.get(s.project_id)!.stems.push(...stemWords(s.stems));
    for (const p of byId.values()) visit(p);
    if (rows.length < chunk) return;
    // SQLite reads block the event loop (and awaiting them does not yield to it): let requests
    // run between chunks, so that the previous catalogue keeps answering while this one is read.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A project of a region with no link to a programme, as the alignment helper reads it. */
export interface UnlinkedProject {
  code: string;
  name: LocalizedText;
  summary: LocalizedText | null;
  fundingPeriod: string | null;
}

/** Projects of `regionCode` linked to no node of programme `programmeSlug`, by code; at most `limit`. */
export async function listUnlinkedProjects(
  db: Executor,
  regionCode: string,
  programmeSlug: string,
  limit: number,
): Promise<UnlinkedProject[]> {
  const rows = await db
    .selectFrom('projects')
    .select(['code', 'name', 'summary', 'funding_period'])
    .where('region_code', '=', regionCode)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('project_nodes')
            .select('project_nodes.project_id')
            .whereRef('project_nodes.project_id', '=', 'projects.id')
            .where('project_nodes.programme_slug', '=', programmeSlug),
        ),
      ),
    )
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: requiredTextFromJson(r.name),
    summary: textFromJson(r.summary),
    fundingPeriod: r.funding_period,
  }));
}

/** Count, funding periods and money by fund and kind of the projects of a region linked to no node of a programme. */
export async function unlinkedProjectTotals(
  db: Executor,
  regionCode: string,
  programmeSlug: string,
): Promise<{ count: number; periods: string[]; sums: { fund: string; kind: string; cents: number }[] }> {
  const unlinked = (eb: ExpressionBuilder<Database, 'projects'>) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('project_nodes')
          .select('project_nodes.project_id')
          .whereRef('project_nodes.project_id', '=', 'projects.id')
          .where('project_nodes.programme_slug', '=', programmeSlug),
      ),
    );
  const [counts, sums] = await Promise.all([
    db
      .selectFrom('projects')
      .select((eb) => ['funding_period', eb.fn.countAll<string | number>().as('n')])
      .where('region_code', '=', regionCode)
      .where(unlinked)
      .groupBy('funding_period')
      .execute(),
    db
      .selectFrom('project_funding')
      .innerJoin('projects', 'projects.id', 'project_funding.project_id')
      .select((eb) => [
        'project_funding.fund',
        'project_funding.kind',
        eb.fn.sum<string | number>('project_funding.amount_cents').as('cents'),
      ])
      .where('projects.region_code', '=', regionCode)
      .where(unlinked)
      .groupBy(['project_funding.fund', 'project_funding.kind'])
      .execute(),
  ]);
  return {
    count: counts.reduce((a, r) => a + Number(r.n), 0),
    periods: counts.flatMap((r) => (r.funding_period === null ? [] : [r.funding_period])).sort(),
    sums: sums.map((s) => ({ fund: s.fund, kind: s.kind, cents: moneyFromDb(s.cents) })),
  };
}

/**
 * Links a project to a programme node as an editor confirmed it (`confirmed_by`): kept by later
 * imports (updateProjects). Returns false when the project has that link already. The caller
 * records the change (services/freshness.ts) and writes the audit event.
 */
export async function insertConfirmedNodeLink(
  db: Executor,
  link: { projectId: number; programmeSlug: string; nodeKey: string; by: string; at: string },
): Promise<boolean> {
  const existing = await db
    .selectFrom('project_nodes')
    .select('project_id')
    .where('project_id', '=', link.projectId)
    .where('programme_slug', '=', link.programmeSlug)
    .where('node_key', '=', link.nodeKey)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('project_nodes')
    .values({
      project_id: link.projectId,
      programme_slug: link.programmeSlug,
      node_key: link.nodeKey,
      is_primary: 0,
      confirmed_by: link.by,
      confirmed_at: link.at,
    })
    .execute();
  return true;
}

/** The id of a project of a region, or null. */
export async function findProjectId(db: Executor, regionCode: string, code: string): Promise<number | null> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A project as the annual report reads it: dates, funding lines with their years, and node links. */
export interface ReportProjectRow {
  code: string;
  name: LocalizedText;
  leadOrganisation: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string;
  updatedAt: string;
  funding: { fund: string; kind: string; cents: number; year: number | null }[];
  /** `programme/nodeKey` of every linked node (from the data or an editor's confirmation). */
  nodes: string[];
}

/**
 * The projects of `regionCode` active at some time in `[from, to]` (ISO dates; a project without
 * dates counts when it has money of a year in the range), with every funding line, by code.
 */
export async function listProjectsActiveIn(
  db: Executor,
  regionCode: string,
  range: { from: string; to: string },
): Promise<ReportProjectRow[]> {
  const fromYear = Number(range.from.slice(0, 4));
  const toYear = Number(range.to.slice(0, 4));
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'code', 'name', 'lead_name', 'start_date', 'end_date', 'status', 'updated_at'])
    .where('region_code', '=', regionCode)
    .where((eb) =>
      eb.or([
        eb.and([
          eb.or([eb('start_date', 'is', null), eb('start_date', '<=', range.to)]),
          eb.or([eb('end_date', 'is', null), eb('end_date', '>=', range.from)]),
          eb.or([eb('start_date', 'is not', null), eb('end_date', 'is not', null)]),
        ]),
        eb.exists(
          eb
            .selectFrom('project_funding')
            .select('project_funding.project_id')
            .whereRef('project_funding.project_id', '=', 'projects.id')
            .where('project_funding.year', '>=', fromYear)
            .where('project_funding.year', '<=', toYear),
        ),
      ]),
    )
    .orderBy('code')
    .execute();
  const out = new Map<number, ReportProjectRow>();
  for (const r of rows)
    out.set(r.id, {
      code: r.code,
      name: requiredTextFromJson(r.name),
      leadOrganisation: r.lead_name,
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      updatedAt: r.updated_at,
      funding: [],
      nodes: [],
    });
  for (const ids of chunks([...out.keys()], 1)) {
    const [funding, nodes] = await Promise.all([
      db
        .selectFrom('project_funding')
        .select(['project_id', 'fund', 'kind', 'amount_cents', 'year'])
        .where('project_id', 'in', ids)
        .orderBy('project_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('project_nodes')
        .select(['project_id', 'programme_slug', 'node_key'])
        .where('project_id', 'in', ids)
        .orderBy('project_id')
        .orderBy('programme_slug')
        .orderBy('node_key')
        .execute(),
    ]);
    for (const f of funding)
      out.get(f.project_id)!.funding.push({
        fund: f.fund,
        kind: f.kind,
        cents: moneyFromDb(f.amount_cents),
        year: f.year,
      });
    for (const n of nodes) out.get(n.project_id)!.nodes.push(`${n.programme_slug}/${n.node_key}`);
  }
  return [...out.values()];
}
