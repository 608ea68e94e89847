/**
 * Table and dimension ids as the statistics offices write them, compared through one canonical
 * form. Statistics Finland's tables are known by a long id (`statfin_vaerak_pxt_11re`), a path
 * (`vaerak/statfin_vaerak_pxt_11re.px`) and, since 2026, a short id (`11re`); its 2026 dimension
 * ids carry a classification suffix (`alue_23_20260101`, `sukupuoli_9_20180101`) where older
 * responses had `Alue` and `Sukupuoli`. The definitions file can add aliases (`idMap`).
 */

export interface IdMap {
  /** alias → table id */
  tables: Readonly<Record<string, string>>;
  /** alias → dimension id */
  dimensions: Readonly<Record<string, string>>;
}

export const EMPTY_ID_MAP: IdMap = { tables: {}, dimensions: {} };

/** `vaerak/statfin_vaerak_pxt_11re.px`, `statfin_vaerak_pxt_11re` and `11re` → `11re`; others lower-cased. */
export function canonicalTableId(id: string): string {
  let t = id.trim().toLowerCase();
  t = t.replace(/^.*\//, '').replace(/\.px$/, '');
  const statfin = /^statfin_[a-z0-9]+_pxt_([0-9a-z]+)$/.exec(t);
  return statfin ? statfin[1]! : t;
}

/** Whether a table id of a file names one of the definition's tables (directly or through the id map). */
export function sameTable(fileTableId: string, definitionIds: readonly string[], map: IdMap): boolean {
  const expand = (id: string): string[] => {
    const out = [canonicalTableId(id)];
    for (const [alias, target] of Object.entries(map.tables)) {
      if (canonicalTableId(alias) === out[0]) out.push(canonicalTableId(target));
      if (canonicalTableId(target) === out[0]) out.push(canonicalTableId(alias));
    }
    return out;
  };
  const file = new Set(expand(fileTableId));
  return definitionIds.some((id) => expand(id).some((c) => file.has(c)));
}

/** `alue_23_20260101` → `alue`, `Sukupuoli` → `sukupuoli`, `Viitehenkilön ikä` → `viitehenkilön ikä`. */
export function canonicalDimensionId(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/_\d+_\d{8}$/, '');
}

/** Whether a dimension of a file (id and label) is the one a definition names (id, label or alias). */
export function sameDimension(dimension: { id: string; label: string }, name: string, map: IdMap): boolean {
  const wanted = new Set([canonicalDimensionId(name)]);
  for (const [alias, target] of Object.entries(map.dimensions)) {
    if (canonicalDimensionId(alias) === canonicalDimensionId(name)) wanted.add(canonicalDimensionId(target));
    if (canonicalDimensionId(target) === canonicalDimensionId(name)) wanted.add(canonicalDimensionId(alias));
  }
  return wanted.has(canonicalDimensionId(dimension.id)) || wanted.has(canonicalDimensionId(dimension.label));
}
