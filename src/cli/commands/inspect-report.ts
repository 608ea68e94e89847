/**
 * What `suunta inspect statistics` prints: the JSON report (`--json`) and the human text of the same
 * content. Both are built from the domain readers' document; nothing here reads files or the database.
 */
import type { StatDataset, StatDimension } from '#src/domain/statistics/dataset.ts';
import { datasetObservations, type CellObservation } from '#src/domain/statistics/observations.ts';
import type { StatisticsDocument } from '#src/domain/statistics/read-statistics.ts';

const FIRST_CATEGORIES = 5;
const FIRST_OBSERVATIONS = 5;

interface CellCounts {
  cells: number;
  withValue: number;
  /** Cells with a null value and a status (published empties). */
  nullWithStatus: number;
  statuses: Map<string, number>;
}

function countCells(observations: readonly CellObservation[], cellCount: number): CellCounts {
  const counts: CellCounts = { cells: cellCount, withValue: 0, nullWithStatus: 0, statuses: new Map() };
  for (const o of observations) {
    if (o.value !== null) counts.withValue++;
    else counts.nullWithStatus++;
    if (o.status !== null) counts.statuses.set(o.status, (counts.statuses.get(o.status) ?? 0) + 1);
  }
  return counts;
}

function dimensionJson(d: StatDimension) {
  return {
    id: d.id,
    label: d.label,
    role: d.role,
    size: d.categories.length,
    firstCategories: d.categories.slice(0, FIRST_CATEGORIES).map((c) => ({ code: c.code, label: c.label })),
  };
}

function datasetJson(ds: StatDataset) {
  const observations = [...datasetObservations(ds)];
  const counts = countCells(observations, ds.cellCount);
  return {
    path: ds.path,
    tableId: ds.tableId,
    label: ds.label,
    source: ds.source,
    updated: ds.updated,
    language: ds.language,
    metadataOnly: ds.metadataOnly,
    cellCount: ds.cellCount,
    valueCount: counts.withValue,
    statusCounts: Object.fromEntries(counts.statuses),
    statusLabels: ds.statusLabels,
    dimensions: ds.dimensions.map(dimensionJson),
    observations,
  };
}

/** The `--json` report: `{format, note, links, datasets:[{tableId, updated, dimensions, observations…}]}`. */
export function inspectJson(doc: StatisticsDocument): string {
  return `${JSON.stringify({
    format: doc.kind,
    note: doc.note,
    links: doc.links,
    datasets: doc.datasets.map(datasetJson),
  })}\n`;
}

const short = (label: string): string => (label.length > 40 ? `${label.slice(0, 39)}…` : label);
const n = (x: number): string => x.toLocaleString('en-GB');

function categoriesText(d: StatDimension): string {
  const shown = d.categories
    .slice(0, FIRST_CATEGORIES)
    .map((c) => (c.label === c.code ? c.code : `${c.code} (${short(c.label)})`))
    .join(', ');
  const more = d.categories.length - FIRST_CATEGORIES;
  return more > 0 ? `${shown}, … ${n(more)} more` : shown;
}

function observationText(o: CellObservation): string {
  const area = o.area ? `${o.area.level} ${o.area.code}${o.area.recognised === false ? ' (not Finnish)' : ''}` : '-';
  const other = o.other
    ? ` | ${Object.entries(o.other)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`
    : '';
  return `${area} | ${o.period ?? '-'} | ${o.content ?? '-'} | ${o.value ?? 'null'}${o.status ? ` [${o.status}]` : ''}${other}`;
}

function datasetText(ds: StatDataset, i: number, total: number): string[] {
  const observations = [...datasetObservations(ds)];
  const counts = countCells(observations, ds.cellCount);
  const lines = [
    `Dataset ${i + 1} of ${total} (${ds.path}): ${ds.tableId ?? 'no table id'}${ds.label ? ` "${ds.label}"` : ''}`,
  ];
  lines.push(
    `  updated ${ds.updated ?? 'not given'}; source ${ds.source ?? 'not given'}; language ${ds.language ?? 'not given'}`,
  );
  lines.push(`  ${ds.dimensions.length} dimension(s), ${n(ds.cellCount)} cell(s):`);
  const width = Math.max(...ds.dimensions.map((d) => d.id.length), 2);
  for (const d of ds.dimensions)
    lines.push(
      `    ${d.role.padEnd(6)} ${d.id.padEnd(width)} ${String(d.categories.length).padStart(5)}  ${categoriesText(d)}`,
    );
  if (ds.metadataOnly) {
    lines.push('  metadata only: no values (a table description, not data)');
    return lines;
  }
  const statuses = [...counts.statuses]
    .map(([s, c]) => `"${s}" ${n(c)}${ds.statusLabels[s] ? ` (${ds.statusLabels[s]})` : ''}`)
    .join(', ');
  lines.push(
    `  values: ${n(counts.withValue)} with a value, ${n(counts.nullWithStatus)} empty with a status, ` +
      `${n(ds.cellCount - counts.withValue - counts.nullWithStatus)} empty; statuses: ${statuses || 'none'}`,
  );
  lines.push(`  observations: ${n(observations.length)} (area | period | content | value [status] | other)`);
  for (const o of observations.slice(0, FIRST_OBSERVATIONS)) lines.push(`    ${observationText(o)}`);
  if (observations.length > FIRST_OBSERVATIONS)
    lines.push(`    … ${n(observations.length - FIRST_OBSERVATIONS)} more (--json lists them all)`);
  return lines;
}

/** The human report (see the command's description for an example). */
export function inspectText(doc: StatisticsDocument, file: string): string {
  const lines = [`${file}: ${doc.format}, ${doc.datasets.length} dataset(s)`];
  if (doc.note) lines.push(`Note: ${doc.note}`);
  for (const link of doc.links)
    lines.push(`  linked (${link.path}): ${link.href ?? '-'}${link.label ? ` "${link.label}"` : ''}`);
  doc.datasets.forEach((ds, i) => lines.push(...datasetText(ds, i, doc.datasets.length)));
  return `${lines.join('\n')}\n`;
}
