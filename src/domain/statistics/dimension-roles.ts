/**
 * The role of a dimension when the file does not give one (JSON-stat `role`, PxWeb `time`/`map`):
 * guessed from its id and label, never from a list of one file's ids. A name matches when it is one
 * of the words below (case-insensitive), or starts with one of the prefixes (Statistics Finland's
 * 2026 ids such as `alue_23_20260101`, `timeperiod_y`).
 */
import type { DimensionRole } from './dataset.ts';

const WORDS: Record<Exclude<DimensionRole, 'other'>, readonly string[]> = {
  time: [
    'vuosi',
    'year',
    'år',
    'tid',
    'time',
    'kuukausi',
    'vuosineljännes',
    'month',
    'månad',
    'quarter',
    'kvartal',
    'period',
  ],
  geo: [
    'alue',
    'maakunta',
    'kunta',
    'seutukunta',
    'region',
    'landskap',
    'kommun',
    'municipality',
    'geo',
    'area',
    'område',
  ],
  metric: ['tiedot', 'contentscode', 'information', 'uppgifter', 'concept', 'metric', 'tabellinnehåll', 'contents'],
};

const PREFIXES: Record<Exclude<DimensionRole, 'other'>, readonly string[]> = {
  time: ['timeperiod_'],
  geo: ['alue_', 'maakunta_', 'kunta_', 'seutukunta_'],
  metric: ['contentscode_'],
};

const ORDER = ['time', 'geo', 'metric'] as const;

function roleOfName(name: string): DimensionRole | null {
  const n = name.trim().toLowerCase();
  for (const role of ORDER) {
    if (WORDS[role].includes(n) || PREFIXES[role].some((p) => n.startsWith(p))) return role;
  }
  return null;
}

/** The role guessed from the id first, then the label; `other` when neither says. */
export function guessDimensionRole(id: string, label: string | null | undefined): DimensionRole {
  return roleOfName(id) ?? (label ? roleOfName(label) : null) ?? 'other';
}
