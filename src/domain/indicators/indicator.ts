/** An indicator as Suunta holds it (read model of the indicators tables). */
import type { LocalizedText } from '../languages.ts';
import type { Baseline, Direction, IndicatorLevel, IndicatorSource } from './definition-file.ts';
import type { IdMap } from './table-ids.ts';

export interface StoredTarget {
  id: number;
  period: string;
  value: string;
  area: string;
  decision: string;
  decided: string | null;
  setAt: string;
  setBy: string | null;
  /** Null for a target in force; the time it was replaced otherwise. */
  supersededAt: string | null;
}

export interface StoredIndicator {
  id: number;
  regionCode: string;
  code: string;
  name: LocalizedText;
  definition: LocalizedText | null;
  unit: LocalizedText;
  decimals: number;
  direction: Direction;
  group: string;
  level: IndicatorLevel;
  perResident: boolean;
  owner: string | null;
  source: IndicatorSource;
  position: number;
  revision: number;
  updatedAt: string;
  /** Programme node keys and taxonomy terms the indicator follows (in `programmeSlug`). */
  nodes: string[];
  terms: { taxonomy: string; term: string }[];
  baseline: Baseline | null;
  /** Targets in force (history: `listTargetHistory`). */
  targets: StoredTarget[];
}

export interface IndicatorGroup {
  code: string;
  name: LocalizedText;
  position: number;
}

export interface IndicatorSettings {
  regionCode: string;
  programmeSlug: string | null;
  populationCode: string | null;
  idMap: IdMap;
  sourceFile: string | null;
  revision: number;
}

export interface Observation {
  indicatorId: number;
  area: string;
  period: string;
  value: string | null;
  status: string | null;
  statusLabel: string | null;
  unit: string | null;
  sourceUpdated: string | null;
  retrievedAt: string;
  importId: number;
}
