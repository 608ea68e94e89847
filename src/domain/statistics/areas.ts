/**
 * Finnish area codes as Statistics Finland and the classification files write them, normalised to
 * the codes Suunta holds (see AreaRef). Pure and shape-only: whether the area exists is the
 * importer's question.
 *
 * Rules:
 * - `SSS` (any case) is the whole country.
 * - A prefix says the level, whatever the dimension: `MK08` / `MK8` → region `08`; `SK081` →
 *   subregion `081`; `KU091` / `KU91` → municipality `091`.
 * - Bare digits depend on the dimension's id or label (the hint), because `08` alone can be a
 *   region or a municipality:
 *   - region-like (Maakunta, Landskap, Region, `maakunta_*`): 1–2 digits → region, when 1–21;
 *   - subregion-like (Seutukunta, Ekonomisk region, Sub-regional unit, `seutukunta_*`): 3 digits → subregion;
 *   - municipality-like (Kunta, Kommun, Municipality, `kunta_*`): 1–3 digits → municipality;
 *   - Finnish area words (Alue, Område, `alue_*`), which mix levels: 1–2 digits → region (1–21),
 *     3 digits → municipality;
 *   - no hint, or any other dimension (`geo`, `country`, `state`…): bare digits are not read as
 *     Finnish areas (null), so foreign files with numeric codes do not turn into Finnish regions.
 *   A hint that matches the label but not the id (or the other way round) counts; the id is tried first.
 * - Anything else is null (not a Finnish area code).
 */
import type { AreaRef } from './dataset.ts';

export interface AreaHint {
  dimensionId?: string;
  dimensionLabel?: string;
}

type HintKind = 'region' | 'subregion' | 'municipality' | 'mixed';

const HINT_WORDS: [HintKind, readonly string[], readonly string[]][] = [
  ['subregion', ['seutukunta', 'ekonomisk region', 'sub-regional unit', 'subregion', 'sub-region'], ['seutukunta_']],
  ['region', ['maakunta', 'landskap', 'region'], ['maakunta_']],
  ['municipality', ['kunta', 'kommun', 'municipality'], ['kunta_']],
  ['mixed', ['alue', 'område'], ['alue_']],
];

function hintKindOf(name: string | undefined): HintKind | null {
  if (!name) return null;
  const n = name.trim().toLowerCase();
  for (const [kind, words, prefixes] of HINT_WORDS) {
    if (words.includes(n) || prefixes.some((p) => n.startsWith(p))) return kind;
  }
  return null;
}

const region = (digits: string): AreaRef | null => {
  const n = Number(digits);
  return n >= 1 && n <= 21 ? { level: 'region', code: String(n).padStart(2, '0') } : null;
};
const municipality = (digits: string): AreaRef => ({
  level: 'municipality',
  code: String(Number(digits)).padStart(3, '0'),
});

/** The Suunta area a code stands for, or null when it is not a Finnish area code (see the rules above). */
export function normaliseArea(code: string, hint: AreaHint = {}): AreaRef | null {
  const c = code.trim().toUpperCase();
  if (c === 'SSS') return { level: 'country', code: 'SSS' };
  const prefixed = /^(MK|SK|KU)(\d{1,3})$/.exec(c);
  if (prefixed) {
    const [, prefix, digits] = prefixed as unknown as [string, string, string];
    if (prefix === 'MK') return digits.length <= 2 ? region(digits) : null;
    if (prefix === 'SK') return digits.length === 3 ? { level: 'subregion', code: digits } : null;
    return municipality(digits);
  }
  if (!/^\d{1,3}$/.test(c)) return null;
  const kind = hintKindOf(hint.dimensionId) ?? hintKindOf(hint.dimensionLabel);
  switch (kind) {
    case 'region':
      return c.length <= 2 ? region(c) : null;
    case 'subregion':
      return c.length === 3 ? { level: 'subregion', code: c } : null;
    case 'municipality':
      return municipality(c);
    case 'mixed':
      return c.length <= 2 ? region(c) : municipality(c);
    default:
      return null;
  }
}
