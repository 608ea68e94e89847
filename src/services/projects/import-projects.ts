/**
 * `suunta import projects`: reads a project list (CSV or JSON), checks every row through the
 * column mapping, and upserts the projects of a region by code in one transaction — or writes
 * nothing and reports every problem (`FILE: row N, column "X": reason`). With `skipInvalid` the
 * valid rows are written and the rejected ones returned with their reasons.
 */
import { hash as digest } from 'node:crypto';
import { AppError, invalidFile, notFound } from '#src/domain/errors.ts';
import { mappedColumns, type ProjectMapping } from '#src/domain/projects/mapping.ts';
import { mapRow, type ProjectLookups, type RowProblem } from '#src/domain/projects/map-row.ts';
import { canonicalProject, projectSchema, type Project } from '#src/domain/projects/project.ts';
import { projectSearchTexts } from '#src/domain/projects/search-text.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  insertProjects,
  programmeLinkTargets,
  projectHashes,
  updateProjects,
  type ProjectWrite,
} from '#src/storage/repositories/projects-repository.ts';
import { findRegion, listMunicipalities } from '#src/storage/repositories/regions-repository.ts';
import { decodeText, type TextEncoding } from '../import-files/decode-text.ts';
import { readImportFile } from '../import-files/read-import-file.ts';
import { readCsv, readJsonTable, type Table, type TableRow } from '../import-files/read-table.ts';
import { contentChanged } from '../freshness.ts';
import { REGION_NAMES_RULE, regionNameTest } from '#src/domain/projects/region-selection.ts';

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ProjectImportOptions {
  regionCode: string;
  mapping: ProjectMapping;
  /** The file's name as problems name it. */
  file: string;
  encoding?: TextEncoding;
  /** Default: JSON when the file name ends in .json, else CSV. */
  format?: 'csv' | 'json';
  /** CSV separator; default: detected from the header line. */
  delimiter?: string;
  /** The programme (slug) the links name; overrides the mapping's. */
  programme?: string;
  skipInvalid?: boolean;
  /**
   * Keep only the rows whose project name or lead organisation names the region or one of its
   * municipalities (domain/projects/region-selection.ts); the other rows are neither checked nor written.
   */
  selectRegion?: boolean;
  /** Return the projects written (or found unchanged) in `projects`, e.g. for a facts file. */
  collect?: boolean;
  progress?: (p: ImportProgress) => void;
  now?: () => Date;
  /** Who imports: when given, a change is recorded in the audit log in the same transaction (see ImportAudit). */
  audit?: ImportAudit;
}

/**
 * The audit record of an import (action `projects.import`): who, which file through which mapping,
 * and the counts. Written only when the import adds or changes something, like the change of the projects' generation.
 */
export interface ImportAudit {
  actor: Actor;
  /** How the columns were mapped, e.g. `preset suunta`. */
  mapping?: string;
}

/** What writeProjects records with an audit event (the counts it adds itself). */
export interface WriteAudit extends ImportAudit {
  file: string;
  rows: number;
  rejected: number;
}

/** At most this many added and changed codes are listed in an audit event (the counts are always there). */
const AUDIT_CODES = 100;

export interface RejectedRow {
  row: number;
  line: number;
  endLine: number;
  /** `column "X": reason`, one per problem. */
  problems: string[];
  raw: string;
}

export interface ProjectImportResult {
  /** Data rows in the file. */
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  rejected: RejectedRow[];
  /** Every problem as `FILE: row N, column "X": reason` (empty unless rows were skipped). */
  problems: string[];
  encoding: TextEncoding;
  encodingDetected: boolean;
  delimiter: string | null;
  /** Rows left out by `selectRegion` (only with it). */
  notSelected?: number;
  /** With `collect`: the valid projects of the file (after the selection), in file order. */
  projects?: Project[];
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Problems of the header: mapped columns missing or ambiguous. Returns the missing columns too. */
function headerProblems(table: Table, mapping: ProjectMapping): { problems: string[]; missing: Set<string> } {
  const problems: string[] = [];
  const missing = new Set<string>();
  const where = table.format === 'csv' ? 'row 1, ' : '';
  for (const { column, optional } of mappedColumns(mapping)) {
    const at = table.header.flatMap((h, i) => (h === column ? [i + 1] : []));
    if (at.length > 1)
      problems.push(
        `${where}column "${column}": appears ${at.length} times in the header (fields ${at.join(', ')}), so which one is meant cannot be told`,
      );
    if (at.length > 0) continue;
    missing.add(column);
    if (optional) continue;
    const near = table.header.find((h) => norm(h) === norm(column));
    const hint =
      near !== undefined
        ? ` (the header has "${near}" — a stray character?)`
        : table.format === 'json'
          ? ' (no item has it)'
          : '';
    problems.push(`${where}column "${column}": missing required column${hint}`);
  }
  const names = (['fi', 'sv', 'en'] as const)
    .map((l) => mapping.fields[`name.${l}`]?.column)
    .filter((c): c is string => c !== undefined);
  if (
    names.length > 0 &&
    names.every((c) => missing.has(c)) &&
    !problems.some((p) => names.some((c) => p.includes(`"${c}"`)))
  ) {
    problems.push(`${where}none of the name columns (${names.map((c) => `"${c}"`).join(', ')}) is in the header`);
  }
  return { problems, missing };
}

async function loadLookups(db: Db, regionCode: string, programme: string | null): Promise<ProjectLookups> {
  const region = await findRegion(db.kysely, { code: regionCode });
  if (!region) throw notFound(`region ${regionCode}`);
  const municipalities = await listMunicipalities(db.kysely);
  const byName = new Map<string, string>();
  for (const m of municipalities) {
    for (const name of [m.name.fi, m.name.sv, m.name.en]) if (name) byName.set(name.toLowerCase(), m.code);
  }
  const targets = await programmeLinkTargets(db.kysely, regionCode);
  if (programme !== null && !targets.has(programme)) {
    throw new AppError(
      'bad_request',
      `"${programme}" is not a programme of region ${regionCode} (its programmes: ${[...targets.keys()].join(', ') || 'none'})`,
    );
  }
  const programmes = new Map(
    [...targets].map(([slug, t]) => [slug, { nodes: t.nodes, terms: t.terms, levelKeys: new Set(t.levelKeys) }]),
  );
  return {
    regionCode,
    municipalityCodes: new Set(municipalities.map((m) => m.code)),
    municipalityByName: byName,
    programmes,
    programme,
  };
}

/** The rows `selectRegion` keeps: those whose name or lead organisation columns name the region or its municipalities. */
async function regionRowFilter(
  db: Db,
  regionCode: string,
  mapping: ProjectMapping,
  index: ReadonlyMap<string, number>,
): Promise<(row: TableRow) => boolean> {
  const region = await findRegion(db.kysely, { code: regionCode });
  if (!region) throw notFound(`region ${regionCode}`);
  const municipalities = await listMunicipalities(db.kysely, regionCode);
  const test = regionNameTest(
    [region.name, ...municipalities.map((m) => m.name)].flatMap((n) => [n.fi ?? '', n.sv ?? '']),
  );
  const columns = (['name.fi', 'name.sv', 'name.en', 'leadOrganisation.name'] as const)
    .map((f) => mapping.fields[f]?.column)
    .flatMap((c) => (c !== undefined && index.has(c) ? [index.get(c)!] : []));
  // A row that could not be read into its columns is tested as written, so it is not silently lost.
  return (row) => test(row.cells === null ? [row.raw] : columns.map((i) => row.cells![i] ?? ''));
}

function readTable(text: string, options: ProjectImportOptions): Table {
  const json = options.format === 'json' || (options.format === undefined && /\.json$/i.test(options.file));
  if (!json) return options.delimiter ? readCsv(text, options.delimiter) : readCsv(text);
  const table = readJsonTable(text);
  if ('error' in table) throw invalidFile(options.file, [`${options.file}: ${table.error}`]);
  return table;
}

const describeProblem = (p: RowProblem): string => (p.column === null ? p.reason : `column "${p.column}": ${p.reason}`);

/** Checks and imports the project list in `bytes` (see the module comment). */
export async function importProjects(
  db: Db,
  bytes: Uint8Array,
  options: ProjectImportOptions,
): Promise<ProjectImportResult> {
  const { file, mapping } = options;
  const decoded = decodeText(bytes, file, options.encoding);
  const table = readTable(decoded.text, options);
  if (table.header.length === 0 && table.rows.length === 0)
    throw invalidFile(file, [`${file}: the file is empty (no header row)`]);
  if (table.format === 'csv' && table.rows.length === 1 && table.rows[0]!.row === 1)
    throw invalidFile(file, [`${file}: row 1: ${table.rows[0]!.problem}`]);
  if (table.rows.length === 0)
    throw invalidFile(file, [`${file}: the file has ${table.format === 'csv' ? 'a header but ' : ''}no project rows`]);

  const header = headerProblems(table, mapping);
  const lookups = await loadLookups(db, options.regionCode, options.programme ?? mapping.programme ?? null);
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  let notSelected = 0;
  if (options.selectRegion) {
    const selected = await regionRowFilter(db, options.regionCode, mapping, index);
    const before = table.rows.length;
    table.rows = table.rows.filter(selected);
    notSelected = before - table.rows.length;
    if (table.rows.length === 0)
      throw invalidFile(file, [
        `${file}: none of the ${before} rows names region ${options.regionCode} or one of its municipalities (${REGION_NAMES_RULE})`,
      ]);
  }

  // Check every row; remember the problems of each row and the rows of each code.
  const rowProblems = new Map<TableRow, string[]>();
  const projects = new Map<TableRow, Project>();
  const rowsByCode = new Map<string, { rows: TableRow[]; column: string }>();
  const total = table.rows.length;
  table.rows.forEach((row, n) => {
    if (row.cells === null) {
      rowProblems.set(row, [row.problem ?? 'cannot be read']);
    } else {
      const cells = row.cells;
      const mapped = mapRow((c) => (index.has(c) ? cells[index.get(c)!] : undefined), mapping, lookups);
      // A missing column is reported once, at the header, not again on every row.
      const problems = mapped.problems
        .filter((p) => p.column === null || !p.column.split('" / "').every((c) => header.missing.has(c)))
        .map(describeProblem);
      if (problems.length > 0) rowProblems.set(row, problems);
      else if (mapped.project) projects.set(row, mapped.project);
      if (mapped.code !== null) {
        const seen = rowsByCode.get(mapped.code);
        if (seen) seen.rows.push(row);
        else rowsByCode.set(mapped.code, { rows: [row], column: mapped.codeColumn });
      }
    }
    if (options.progress && ((n + 1) % 1000 === 0 || n + 1 === total))
      options.progress({ phase: 'checking', done: n + 1, total });
  });
  for (const [code, { rows, column }] of rowsByCode) {
    if (rows.length < 2) continue;
    const numbers = rows.map((r) => r.row);
    const list = `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
    for (const row of rows) {
      const problem = `column "${column}": project code "${code}" appears ${rows.length} times in the file (${table.rowLabel}s ${list})`;
      rowProblems.set(row, [...(rowProblems.get(row) ?? []), problem]);
      projects.delete(row);
    }
  }

  const place = (row: TableRow): string =>
    `${table.rowLabel} ${row.row}${table.format === 'csv' && row.line !== row.row ? ` (line ${row.line})` : ''}`;
  const rejectedRows = table.rows.filter((r) => rowProblems.has(r));
  const rejected: RejectedRow[] = rejectedRows.map((r) => ({
    row: r.row,
    line: r.line,
    endLine: r.endLine,
    problems: rowProblems.get(r)!,
    raw: r.raw,
  }));
  const problems = [
    ...header.problems.map((p) => `${file}: ${p}`),
    ...rejectedRows.flatMap((r) =>
      rowProblems.get(r)!.map((p) => `${file}: ${place(r)}${p.startsWith('column ') ? ', ' : ': '}${p}`),
    ),
  ];
  if (header.problems.length > 0 || (rejected.length > 0 && !options.skipInvalid)) throw invalidFile(file, problems);

  const now = (options.now ?? (() => new Date()))().toISOString();
  const valid = table.rows.filter((r) => projects.has(r)).map((r) => projects.get(r)!);
  const audit = options.audit ? { ...options.audit, file, rows: total, rejected: rejected.length } : undefined;
  const counts = await writeCheckedProjects(db, options.regionCode, valid, now, options.progress, audit);
  return {
    rows: total + notSelected,
    ...(options.selectRegion ? { notSelected } : {}),
    ...(options.collect ? { projects: valid } : {}),
    ...counts,
    rejected,
    problems,
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    delimiter: table.delimiter,
  };
}

/** Upserts `projects` of a region by code in one transaction; unchanged projects are not touched. */
export async function writeProjects(
  db: Db,
  regionCode: string,
  projects: readonly Project[],
  at: string,
  progress?: (p: ImportProgress) => void,
  audit?: WriteAudit,
): Promise<{ added: number; changed: number; unchanged: number }> {
  // The rule every stored project obeys, checked for callers that build projects themselves.
  const invalid = projects.flatMap((p) => {
    const r = projectSchema.safeParse(p);
    return r.success ? [] : r.error.issues.map((i) => `project ${p.code}: ${i.path.join('.')}: ${i.message}`);
  });
  if (invalid.length > 0)
    throw new AppError(
      'bad_request',
      `${invalid.length} problem(s) in the projects to write; nothing was written`,
      invalid.slice(0, 50),
    );
  return writeCheckedProjects(db, regionCode, projects, at, progress, audit);
}

/**
 * writeProjects without the schema check, for projects made by `mapRow`, which obey the schema
 * (property-tested in test/projects/map-row-schema.test.ts): checking 100 000 of them again costs
 * a tenth of an import.
 */
async function writeCheckedProjects(
  db: Db,
  regionCode: string,
  projects: readonly Project[],
  at: string,
  progress?: (p: ImportProgress) => void,
  audit?: WriteAudit,
): Promise<{ added: number; changed: number; unchanged: number }> {
  return inTransaction(db.kysely, async (trx) => {
    const existing = await projectHashes(trx, regionCode);
    const added: ProjectWrite[] = [];
    const changed: (ProjectWrite & { id: number })[] = [];
    let unchanged = 0;
    for (const project of projects) {
      const hash = digest('sha1', canonicalProject(project), 'base64');
      const stored = existing.get(project.code);
      if (stored && stored.hash === hash) {
        unchanged++;
        continue;
      }
      const write = { project, hash, search: projectSearchTexts(project) };
      if (stored) changed.push({ ...write, id: stored.id });
      else added.push(write);
    }
    const total = added.length + changed.length;
    let done = 0;
    const step = (n: number): void => {
      done += n;
      progress?.({ phase: 'writing', done, total });
    };
    await insertProjects(trx, db.dialect, regionCode, added, at, step);
    await updateProjects(trx, db.dialect, regionCode, changed, at, step);
    if (total > 0) await contentChanged(trx, regionCode, ['projects']);
    if (total > 0 && audit) {
      const counts = {
        rows: audit.rows,
        added: added.length,
        changed: changed.length,
        unchanged,
        rejected: audit.rejected,
      };
      await insertAuditEvent(trx, {
        actor: audit.actor,
        regionCode,
        action: 'projects.import',
        entityType: 'projects',
        entityId: `${regionCode}/projects`,
        summary:
          `Imported ${audit.file}${audit.mapping ? ` (${audit.mapping})` : ''}: ${counts.added} ` +
          `added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.rejected} rejected`,
        after: {
          file: audit.file,
          ...(audit.mapping ? { mapping: audit.mapping } : {}),
          ...counts,
          addedCodes: added.slice(0, AUDIT_CODES).map((w) => w.project.code),
          changedCodes: changed.slice(0, AUDIT_CODES).map((w) => w.project.code),
        },
      });
    }
    return { added: added.length, changed: changed.length, unchanged };
  });
}

/** Reads `path` and imports it. */
export async function importProjectsFile(
  db: Db,
  path: string,
  options: Omit<ProjectImportOptions, 'file'> & { file?: string },
): Promise<ProjectImportResult> {
  const bytes = await readImportFile(path);
  return importProjects(db, bytes, { ...options, file: options.file ?? path });
}
