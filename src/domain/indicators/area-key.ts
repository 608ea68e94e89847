/**
 * Area keys: how Suunta writes an area in storage, URLs and files — `SSS` (whole country), `MK08`
 * (region), `SK081` (subregion), `KU091` (municipality). Subregion and municipality codes are both
 * three digits, so the key carries the level.
 */
import type { AreaLevel, AreaRef } from '../statistics/dataset.ts';

const PREFIX: Record<AreaLevel, string> = { country: '', region: 'MK', subregion: 'SK', municipality: 'KU' };

export function areaKey(area: AreaRef): string {
  return area.level === 'country' ? 'SSS' : `${PREFIX[area.level]}${area.code}`;
}

export function areaFromKey(key: string): AreaRef | null {
  if (key === 'SSS') return { level: 'country', code: 'SSS' };
  const m = /^(MK|SK|KU)(\d{2,3})$/.exec(key);
  if (!m) return null;
  const level: AreaLevel = m[1] === 'MK' ? 'region' : m[1] === 'SK' ? 'subregion' : 'municipality';
  const digits = m[2]!;
  if ((level === 'region') !== (digits.length === 2)) return null;
  return { level, code: digits };
}

export function areaLevelOfKey(key: string): AreaLevel | null {
  return areaFromKey(key)?.level ?? null;
}
