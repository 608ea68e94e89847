/**
 * Indicators of a region with their groups, settings, links, baseline and targets (history kept),
 * the observations imported from statistics files and the record of each import. Values are
 * exact decimal text in both databases.
 */
import type { Selectable } from 'kysely';
import type { IndicatorDefinition, IndicatorFile, IndicatorSource } from '#src/domain/indicators/definition-file.ts';
import type {
  IndicatorGroup,
  IndicatorSettings,
  Observation,
  StoredIndicator,
  StoredTarget,
} from '#src/domain/indicators/indicator.ts';
import type { ObservationDraft } from '#src/domain/indicators/match-datasets.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import { bulkInsert, MAX_PARAMS } from '../bulk-insert.ts';
import type { Dialect } from '../database.ts';
import type { Executor } from '../executor.ts';
import { requiredTextFromJson, textFromJson, textToJson } from '../json-text.ts';
import type { IndicatorTable, IndicatorTargetTable, ObservationTable } from '../schema.ts';
import { updated } from './revisions.ts';

function targetFromRow(r: Selectable<IndicatorTargetTable>): StoredTarget {
  return {
    id: r.id,
    period: r.period,
    value: r.value,
    area: r.area,
    decision: r.decision,
    decided: r.decided,
    setAt: r.set_at,
    setBy: r.set_by,
    supersededAt: r.superseded_at,
  };
}

function observationFromRow(r: Selectable<ObservationTable>): Observation {
  return {
    indicatorId: r.indicator_id,
    area: r.area,
    period: r.period,
    value: r.value,
    status: r.status,
    statusLabel: r.status_label,
    unit: r.unit,
    sourceUpdated: r.source_updated,
    retrievedAt: r.retrieved_at,
    importId: r.import_id,
  };
}

function indicatorColumns(regionCode: string, d: IndicatorDefinition, position: number, at: string) {
  return {
    region_code: regionCode,
    code: d.code,
    name: textToJson(d.name) ?? '{}',
    definition: textToJson(d.definition),
    unit: textToJson(d.unit) ?? '{}',
    decimals: d.decimals,
    direction: d.direction,
    group_code: d.group,
    level: d.level,
    per_resident: d.perResident ? 1 : 0,
    owner: d.owner ?? null,
    source: JSON.stringify(d.source),
    position,
    updated_at: at,
  } satisfies Omit<Selectable<IndicatorTable>, 'id' | 'revision'>;
}

export async function readIndicatorSettings(db: Executor, regionCode: string): Promise<IndicatorSettings | null> {
  const r = await db
    .selectFrom('indicator_settings')
    .selectAll()
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  if (!r) return null;
  return {
    regionCode: r.region_code,
    programmeSlug: r.programme_slug,
    populationCode: r.population_code,
    idMap: JSON.parse(r.id_map) as IndicatorSettings['idMap'],
    sourceFile: r.source_file,
    revision: r.revision,
  };
}

export async function listIndicatorGroups(db: Executor, regionCode: string): Promise<IndicatorGroup[]> {
  const rows = await db
    .selectFrom('indicator_groups')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ code: r.code, name: requiredTextFromJson(r.name), position: r.position }));
}

/** The indicators of a region in their order, with links, baseline and targets in force. */
export async function listIndicators(db: Executor, regionCode: string): Promise<StoredIndicator[]> {
  const rows = await db
    .selectFrom('indicators')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const settings = await readIndicatorSettings(db, regionCode);
  const links = await db.selectFrom('indicator_links').selectAll().where('indicator_id', 'in', ids).execute();
  const baselines = await db.selectFrom('indicator_baselines').selectAll().where('indicator_id', 'in', ids).execute();
  const targets = await db
    .selectFrom('indicator_targets')
    .selectAll()
    .where('indicator_id', 'in', ids)
    .where('superseded_at', 'is', null)
    .orderBy('period')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const own = links.filter((l) => l.indicator_id === r.id);
    const b = baselines.find((x) => x.indicator_id === r.id);
    return {
      id: r.id,
      regionCode: r.region_code,
      code: r.code,
      name: requiredTextFromJson(r.name),
      definition: textFromJson(r.definition),
      unit: requiredTextFromJson(r.unit),
      decimals: r.decimals,
      direction: r.direction as StoredIndicator['direction'],
      group: r.group_code,
      level: r.level as StoredIndicator['level'],
      perResident: r.per_resident === 1,
      owner: r.owner,
      source: JSON.parse(r.source) as IndicatorSource,
      position: r.position,
      revision: r.revision,
      updatedAt: r.updated_at,
      nodes: own.filter((l) => l.kind === 'node').map((l) => l.link_key),
      terms: own
        .filter((l) => l.kind === 'term')
        .map((l) => {
          const [taxonomy = '', term = ''] = l.link_key.split('/');
          return { taxonomy, term };
        }),
      baseline: b
        ? { period: b.period, value: b.value, area: b.area, ...(b.decision ? { decision: b.decision } : {}) }
        : null,
      targets: targets.filter((t) => t.indicator_id === r.id).map(targetFromRow),
      ...(settings ? {} : {}),
    };
  });
}

/** Every target an indicator has had, the one in force last. */
export async function listTargetHistory(db: Executor, indicatorId: number): Promise<StoredTarget[]> {
  const rows = await db
    .selectFrom('indicator_targets')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
  return rows.map(targetFromRow);
}

export interface DefinitionsWriteResult {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  targetsSet: number;
  targetsSuperseded: number;
}

const sameTarget = (
  a: { period: string; value: string; area: string; decision: string; decided: string | null },
  b: typeof a,
) =>
  a.period === b.period &&
  a.value === b.value &&
  a.area === b.area &&
  a.decision === b.decision &&
  a.decided === b.decided;

/**
 * Makes the region's indicators those of the file: settings and groups replaced, indicators
 * matched by code (their ids and observations survive), links and baseline replaced, targets
 * kept when unchanged and superseded (never deleted) when changed or gone. Indicators the file
 * no longer lists are removed with their observations.
 */
export async function writeIndicatorDefinitions(
  db: Executor,
  file: IndicatorFile,
  options: { sourceFile: string; at: string; actor: string | null },
): Promise<DefinitionsWriteResult> {
  const region = file.region;
  const settingsRow = {
    region_code: region,
    programme_slug: file.programme ?? null,
    population_code: file.population ?? null,
    id_map: JSON.stringify(file.idMap),
    source_file: options.sourceFile,
  };
  const existingSettings = await readIndicatorSettings(db, region);
  if (existingSettings)
    await db
      .updateTable('indicator_settings')
      .set((eb) => ({ ...settingsRow, revision: eb('revision', '+', 1) }))
      .where('region_code', '=', region)
      .execute();
  else await db.insertInto('indicator_settings').values(settingsRow).execute();

  await db.deleteFrom('indicator_groups').where('region_code', '=', region).execute();
  await db
    .insertInto('indicator_groups')
    .values(
      file.groups.map((g, i) => ({ region_code: region, code: g.code, name: textToJson(g.name) ?? '{}', position: i })),
    )
    .execute();

  const before = new Map((await listIndicators(db, region)).map((i) => [i.code, i]));
  const result: DefinitionsWriteResult = {
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
    targetsSet: 0,
    targetsSuperseded: 0,
  };
  for (const [i, def] of file.indicators.entries()) {
    const cols = indicatorColumns(region, def, i, options.at);
    const old = before.get(def.code);
    let id: number;
    if (!old) {
      const row = await db.insertInto('indicators').values(cols).returning('id').executeTakeFirstOrThrow();
      id = row.id;
      result.added.push(def.code);
    } else {
      id = old.id;
      const current = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const same =
        (Object.keys(cols) as (keyof typeof cols)[]).every((k) => k === 'updated_at' || current[k] === cols[k]) &&
        JSON.stringify([...old.nodes].sort()) === JSON.stringify([...def.nodes].sort()) &&
        JSON.stringify(old.terms.map((t) => `${t.taxonomy}/${t.term}`).sort()) ===
          JSON.stringify(def.terms.map((t) => `${t.taxonomy}/${t.term}`).sort()) &&
        JSON.stringify(old.baseline) ===
          JSON.stringify(
            def.baseline
              ? {
                  period: def.baseline.period,
                  value: def.baseline.value,
                  area: def.baseline.area,
                  ...(def.baseline.decision ? { decision: def.baseline.decision } : {}),
                }
              : null,
          );
      if (!same) {
        await db
          .updateTable('indicators')
          .set((eb) => ({ ...cols, revision: eb('revision', '+', 1) }))
          .where('id', '=', id)
          .execute();
        result.changed.push(def.code);
      }
    }
    await db.deleteFrom('indicator_links').where('indicator_id', '=', id).execute();
    const programme = file.programme ?? '';
    const links = [
      ...def.nodes.map((n) => ({ indicator_id: id, kind: 'node', programme_slug: programme, link_key: n })),
      ...def.terms.map((t) => ({
        indicator_id: id,
        kind: 'term',
        programme_slug: programme,
        link_key: `${t.taxonomy}/${t.term}`,
      })),
    ];
    if (links.length > 0) await db.insertInto('indicator_links').values(links).execute();
    await db.deleteFrom('indicator_baselines').where('indicator_id', '=', id).execute();
    if (def.baseline)
      await db
        .insertInto('indicator_baselines')
        .values({
          indicator_id: id,
          period: def.baseline.period,
          value: def.baseline.value,
          area: def.baseline.area,
          decision: def.baseline.decision ?? null,
        })
        .execute();
    const targetChange = await replaceTargets(db, id, def.targets, options);
    result.targetsSet += targetChange.set;
    result.targetsSuperseded += targetChange.superseded;
    if (old && !result.changed.includes(def.code)) {
      if (targetChange.set + targetChange.superseded > 0) result.changed.push(def.code);
      else result.unchanged.push(def.code);
    }
  }
  const keep = new Set(file.indicators.map((d) => d.code));
  for (const [code, old] of before) {
    if (keep.has(code)) continue;
    await db.deleteFrom('observations').where('indicator_id', '=', old.id).execute();
    await db.deleteFrom('indicator_targets').where('indicator_id', '=', old.id).execute();
    await db.deleteFrom('indicator_baselines').where('indicator_id', '=', old.id).execute();
    await db.deleteFrom('indicator_links').where('indicator_id', '=', old.id).execute();
    await db.deleteFrom('indicators').where('id', '=', old.id).execute();
    result.removed.push(code);
  }
  return result;
}

/** Sets an indicator's targets in force: unchanged ones stay, the others are superseded and the new ones added. */
export async function replaceTargets(
  db: Executor,
  indicatorId: number,
  targets: readonly { period: string; value: string; area: string; decision: string; decided?: string | undefined }[],
  options: { at: string; actor: string | null },
): Promise<{ set: number; superseded: number }> {
  const current = (
    await db
      .selectFrom('indicator_targets')
      .selectAll()
      .where('indicator_id', '=', indicatorId)
      .where('superseded_at', 'is', null)
      .execute()
  ).map(targetFromRow);
  const wanted = targets.map((t) => ({ ...t, decided: t.decided ?? null }));
  const stay = new Set<number>();
  let set = 0;
  for (const t of wanted) {
    const match = current.find((c) => !stay.has(c.id) && sameTarget(c, t));
    if (match) {
      stay.add(match.id);
      continue;
    }
    await db
      .insertInto('indicator_targets')
      .values({
        indicator_id: indicatorId,
        period: t.period,
        value: t.value,
        area: t.area,
        decision: t.decision,
        decided: t.decided,
        set_at: options.at,
        set_by: options.actor,
        superseded_at: null,
      })
      .execute();
    set++;
  }
  const gone = current.filter((c) => !stay.has(c.id)).map((c) => c.id);
  if (gone.length > 0)
    await db.updateTable('indicator_targets').set({ superseded_at: options.at }).where('id', 'in', gone).execute();
  return { set, superseded: gone.length };
}

/** The observations of some indicators (all areas and periods), ordered by indicator, area and period. */
export async function listObservations(
  db: Executor,
  indicatorIds: readonly number[],
  filter: { areas?: readonly string[]; fromPeriod?: string; toPeriod?: string } = {},
): Promise<Observation[]> {
  if (indicatorIds.length === 0) return [];
  let q = db.selectFrom('observations').selectAll().where('indicator_id', 'in', indicatorIds);
  if (filter.areas && filter.areas.length > 0) q = q.where('area', 'in', filter.areas);
  if (filter.fromPeriod) q = q.where('period', '>=', filter.fromPeriod);
  if (filter.toPeriod) q = q.where('period', '<=', `${filter.toPeriod}\uffff`);
  const rows = await q.orderBy('indicator_id').orderBy('area').orderBy('period').execute();
  return rows.map(observationFromRow);
}

export async function insertStatisticsImport(
  db: Executor,
  row: { regionCode: string; fileName: string; fileHash: string; at: string; actor: string | null; summary: unknown },
): Promise<number> {
  const r = await db
    .insertInto('statistics_imports')
    .values({
      region_code: row.regionCode,
      file_name: row.fileName,
      file_hash: row.fileHash,
      imported_at: row.at,
      actor: row.actor,
      summary: JSON.stringify(row.summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listStatisticsImports(
  db: Executor,
  regionCode: string,
  limit = 50,
): Promise<{ id: number; fileName: string; fileHash: string; at: string; actor: string | null; summary: unknown }[]> {
  const rows = await db
    .selectFrom('statistics_imports')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    fileHash: r.file_hash,
    at: r.imported_at,
    actor: r.actor,
    summary: JSON.parse(r.summary) as unknown,
  }));
}

export interface ObservationWrite {
  indicatorId: number;
  /** Cells to insert (new ones, and the new state of revised ones). */
  upserts: readonly ObservationDraft[];
  /** Stored cells to remove first (revised and withdrawn ones). */
  deletes: readonly { area: string; period: string }[];
  sourceUpdated: string | null;
}

/** Writes an import's changes: revised and withdrawn cells are deleted, new states inserted, in batches. */
export async function writeObservations(
  db: Executor,
  dialect: Dialect,
  importId: number,
  retrievedAt: string,
  writes: readonly ObservationWrite[],
): Promise<void> {
  const columns = [
    'indicator_id',
    'area',
    'period',
    'value',
    'status',
    'status_label',
    'unit',
    'source_updated',
    'retrieved_at',
    'import_id',
  ];
  // Rows are inserted as they are made, a few statements' worth at a time, so a file of a million
  // cells never holds a million rows at once. Indicators differ in their key, so one indicator's
  // rows going in before another's deletes cannot collide.
  const flushAt = Math.max(1, Math.floor(MAX_PARAMS / columns.length)) * 10;
  let rows: (string | number | null)[][] = [];
  for (const w of writes) {
    const gone = w.deletes;
    for (let i = 0; i < gone.length; i += 400) {
      const part = gone.slice(i, i + 400);
      await db
        .deleteFrom('observations')
        .where('indicator_id', '=', w.indicatorId)
        .where((eb) => eb.or(part.map((g) => eb.and([eb('area', '=', g.area), eb('period', '=', g.period)]))))
        .execute();
    }
    for (const u of w.upserts) {
      rows.push([
        w.indicatorId,
        u.area,
        u.period,
        u.value,
        u.status,
        u.statusLabel,
        u.unit,
        w.sourceUpdated,
        retrievedAt,
        importId,
      ]);
      if (rows.length >= flushAt) {
        await bulkInsert(db, dialect, 'observations', columns, rows);
        rows = [];
      }
    }
  }
  await bulkInsert(db, dialect, 'observations', columns, rows);
}

/** The area keys Suunta holds: the whole country, every region, subregion and municipality. */
export async function knownAreaKeys(db: Executor): Promise<Set<string>> {
  const regions = await db.selectFrom('regions').select('code').execute();
  const subregions = await db.selectFrom('subregions').select('code').execute();
  const municipalities = await db.selectFrom('municipalities').select('code').execute();
  return new Set([
    'SSS',
    ...regions.map((r) => `MK${r.code}`),
    ...subregions.map((s) => `SK${s.code}`),
    ...municipalities.map((m) => `KU${m.code}`),
  ]);
}

// — Editing in the admin UI (services/indicators/edit-indicators.ts) —

/** The texts and settings of an indicator an admin form edits. */
export interface IndicatorEdit {
  name: LocalizedText;
  definition: LocalizedText | null;
  unit: LocalizedText;
  owner: string | null;
  direction: string;
  group: string;
}

/** Changes an indicator's texts if it is still at `revision` (false: it changed or is gone). */
export async function updateIndicatorIfRevision(
  db: Executor,
  id: number,
  revision: number,
  edit: IndicatorEdit,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('indicators')
    .set((eb) => ({
      name: textToJson(edit.name) ?? '{}',
      definition: textToJson(edit.definition),
      unit: textToJson(edit.unit) ?? '{}',
      owner: edit.owner,
      direction: edit.direction,
      group_code: edit.group,
      updated_at: at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}

/** Moves an indicator's revision on if it is still at `revision` (a change of its targets). */
export async function bumpIndicatorRevision(db: Executor, id: number, revision: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('indicators')
    .set((eb) => ({ updated_at: at, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return updated(r);
}
