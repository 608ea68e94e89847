/**
 * The one model every statistics file format is read into (JSON-stat 2.0 / 1.x, PxWeb v1,
 * PxWebApi 2, the PxWeb web UI's CSV export): a list of datasets, each a cube of dimensions whose
 * cells are visited in row-major order ("what does not change, first"). Pure: no I/O.
 *
 * Values are exact decimal strings as written in the file (`"58443598209"`, `"12.3"`), never
 * numbers that went through a binary float; `null` is a published empty cell (its status says why).
 */

export type DimensionRole = 'time' | 'geo' | 'metric' | 'other';

export interface StatUnit {
  base?: string;
  decimals?: number;
  symbol?: string;
}

export interface StatCategory {
  /** The category code as a string, as written (`"01"` keeps its leading zero). */
  code: string;
  label: string;
  /** Unit of a metric category (JSON-stat `category.unit[code]`). */
  unit?: StatUnit;
}

export interface StatDimension {
  id: string;
  label: string;
  role: DimensionRole;
  /** In index order (the order of the cube), not sorted by code. */
  categories: StatCategory[];
}

export interface StatCell {
  /** One category position per dimension. */
  index: readonly number[];
  /** Exact decimal text, or null for an empty cell. */
  value: string | null;
  /** The status symbol (`..`, `-`, `e`, `:`…) or null. */
  status: string | null;
}

export interface StatDataset {
  /** Where in the file this dataset sits, as a JSON path (`$`, `$.oecd`, `$.link.item[1]`). */
  path: string;
  /** Table id, e.g. `statfin_vaerak_pxt_11rc`, `TAB6471`, or null when the file does not say. */
  tableId: string | null;
  label: string | null;
  /** The `source` text of the file (organisation), if any. */
  source: string | null;
  /** `updated` as an ISO 8601 timestamp (parsed leniently), or null. */
  updated: string | null;
  /** The language of the labels when the file or its name tells (`fi`, `sv`, `en`), else null. */
  language: string | null;
  dimensions: StatDimension[];
  /** Cells in the cube (product of the sizes). */
  cellCount: number;
  /** True for a metadata-only response (PxWebApi 2 metadata, PxWeb v1 table metadata): no cells. */
  metadataOnly: boolean;
  /** Meanings of status symbols given by the file (`{".": "not applicable"}`), if any. */
  statusLabels: Readonly<Record<string, string>>;
  /**
   * Visits the non-empty cells (value or status present) in row-major order; with `fixed` (one entry
   * per dimension: a category position, or -1 for a free dimension) only the cells of that slice.
   */
  cells(fixed?: readonly number[]): Iterable<StatCell>;
}

/** A file problem: the file, the JSON path (or `row N` for CSV) and the reason. */
export class StatisticsFileError extends Error {
  readonly file: string;
  readonly path: string;
  readonly reason: string;
  constructor(file: string, path: string, reason: string) {
    super(`${file}: ${path}: ${reason}`);
    this.name = 'StatisticsFileError';
    this.file = file;
    this.path = path;
    this.reason = reason;
  }
}

/** Area levels Suunta knows. `SSS` is the whole country (or a total). */
export type AreaLevel = 'country' | 'region' | 'subregion' | 'municipality';

export interface AreaRef {
  level: AreaLevel;
  /** Normalised: country `SSS`; region 2 digits (`08`); subregion 3 digits (`081`); municipality 3 digits (`091`). */
  code: string;
}
