/** The reviewed diff of a statistics import as text for the terminal (the admin page shows the same review). */
import type { CellChange } from '#src/domain/indicators/observation-diff.ts';
import type { StatisticsImportResult } from '#src/services/indicators/import-statistics.ts';

/** At most this many cells of each kind are listed per indicator (the counts are always complete). */
const LISTED = 100;

const cellText = (c: { value: string | null; status: string | null } | null): string =>
  c === null ? '(absent)' : `${c.value ?? '(empty)'}${c.status ? ` [${c.status}]` : ''}`;

function listCells(mark: string, cells: readonly CellChange[], show: (c: CellChange) => string): string[] {
  const lines = cells.slice(0, LISTED).map((c) => `    ${mark} ${c.area} ${c.period}: ${show(c)}`);
  if (cells.length > LISTED) lines.push(`    … and ${cells.length - LISTED} more`);
  return lines;
}

export function statisticsReviewText(r: StatisticsImportResult, mode: { dryRun: boolean }): string {
  const lines: string[] = [`File ${r.fileName} (sha256 ${r.fileHash.slice(0, 12)}…), region ${r.region}`, 'Datasets:'];
  for (const d of r.datasets) {
    const head = `  ${d.path}: table ${d.tableId ?? '(none)'}, updated ${d.updated ?? '(not given)'}, ${d.cells} cells`;
    lines.push(
      d.indicators.length > 0
        ? `${head} → ${d.indicators.join(', ')}`
        : `${head}: not used (${d.reason ?? 'no match'})`,
    );
  }
  lines.push('Changes:');
  for (const d of r.diff.indicators) {
    lines.push(
      `  ${d.indicatorCode}: ${d.added.length} new, ${d.revised.length} revised, ${d.withdrawn.length} withdrawn, ${d.unchanged} unchanged`,
    );
    lines.push(...listCells('+', d.added, (c) => cellText(c.after)));
    lines.push(...listCells('~', d.revised, (c) => `${cellText(c.before)} → ${cellText(c.after)}`));
    lines.push(...listCells('-', d.withdrawn, (c) => `${cellText(c.before)} → ${cellText(c.after)}`));
    if (d.unitChange) lines.push(`    unit: ${d.unitChange.before} → ${d.unitChange.after}`);
  }
  const t = r.diff.totals;
  lines.push(
    `Total: ${t.added} new, ${t.revised} revised, ${t.withdrawn} withdrawn, ${t.unchanged} unchanged, ${t.unitChanges} unit change(s)`,
  );
  if (mode.dryRun) lines.push('Dry run: nothing was written.');
  else if (r.written) lines.push(`Written as statistics import #${r.importId}.`);
  else lines.push('Nothing changes: nothing was written.');
  return `${lines.join('\n')}\n`;
}
