/** Made annual reports: one row per programme, year, language and format, replaced when remade. */
import type { Executor } from '../executor.ts';

export interface ReportKey {
  regionCode: string;
  programmeSlug: string;
  year: number;
  lang: string;
  format: 'pdf';
}

export interface StoredReport extends ReportKey {
  checksum: string;
  body: Buffer;
  bytes: number;
  madeAt: string;
  madeBy: string | null;
  durationMs: number;
}

export type StoredReportInfo = Omit<StoredReport, 'body'>;

const where = (key: ReportKey) => ({
  region_code: key.regionCode,
  programme_slug: key.programmeSlug,
  year: key.year,
  lang: key.lang,
  format: key.format,
});

export async function findStoredReport(db: Executor, key: ReportKey): Promise<StoredReport | null> {
  const w = where(key);
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('region_code', '=', w.region_code)
    .where('programme_slug', '=', w.programme_slug)
    .where('year', '=', w.year)
    .where('lang', '=', w.lang)
    .where('format', '=', w.format)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...key,
    checksum: row.checksum,
    body: Buffer.from(row.body),
    bytes: row.bytes,
    madeAt: row.made_at,
    madeBy: row.made_by,
    durationMs: row.duration_ms,
  };
}

/** The made reports of a programme (without their bytes), by year and language. */
export async function listStoredReports(
  db: Executor,
  regionCode: string,
  programmeSlug: string,
): Promise<StoredReportInfo[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['year', 'lang', 'format', 'checksum', 'bytes', 'made_at', 'made_by', 'duration_ms'])
    .where('region_code', '=', regionCode)
    .where('programme_slug', '=', programmeSlug)
    .orderBy('year')
    .orderBy('lang')
    .execute();
  return rows.map((r) => ({
    regionCode,
    programmeSlug,
    year: r.year,
    lang: r.lang,
    format: r.format as 'pdf',
    checksum: r.checksum,
    bytes: r.bytes,
    madeAt: r.made_at,
    madeBy: r.made_by,
    durationMs: r.duration_ms,
  }));
}

/** Stores a made report in place of the one it replaces (one statement each, in the caller's transaction if any). */
export async function saveStoredReport(db: Executor, report: StoredReport): Promise<void> {
  const w = where(report);
  await db
    .deleteFrom('reports')
    .where('region_code', '=', w.region_code)
    .where('programme_slug', '=', w.programme_slug)
    .where('year', '=', w.year)
    .where('lang', '=', w.lang)
    .where('format', '=', w.format)
    .execute();
  await db
    .insertInto('reports')
    .values({
      ...w,
      checksum: report.checksum,
      body: report.body,
      bytes: report.body.length,
      made_at: report.madeAt,
      made_by: report.madeBy,
      duration_ms: report.durationMs,
    })
    .execute();
}

/** Forgets every made report of a programme (the bench uses it to force remaking). */
export async function deleteStoredReports(db: Executor, regionCode: string, programmeSlug: string): Promise<number> {
  const r = await db
    .deleteFrom('reports')
    .where('region_code', '=', regionCode)
    .where('programme_slug', '=', programmeSlug)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
