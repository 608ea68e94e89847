/**
 * Read models: the plain data the public site, the API and the CLI receive from services.
 * They carry no database ids beyond what a URL needs.
 */
import type { LocalizedText } from './languages.ts';
import type { Level, VersionStatus } from './programmes/programme-file.ts';

export interface Region {
  code: string;
  slug: string;
  name: LocalizedText;
  statfinCode: string;
}

export interface Municipality {
  code: string;
  regionCode: string;
  name: LocalizedText;
  /** 'fi', 'sv', 'fi-sv' (bilingual, Finnish majority) or 'sv-fi'. */
  languages: string;
  /** The subregion (seutukunta) it belongs to, `081`; null when the classification gave none. */
  subregionCode: string | null;
}

/** A subregion (seutukunta), Statistics Finland's `SK081`. */
export interface Subregion {
  code: string;
  regionCode: string;
  name: LocalizedText;
}

export interface Office {
  key: string;
  kind: 'main' | 'branch';
  name: LocalizedText;
  postalAddress: string | null;
  visitingAddress: string | null;
  hours: LocalizedText | null;
  phone: string | null;
  email: string | null;
}

export interface Contact {
  name: string;
  role: LocalizedText;
  topic: LocalizedText | null;
  email: string | null;
  phone: string | null;
}

export interface Council {
  regionCode: string;
  name: LocalizedText;
  businessId: string | null;
  email: string | null;
  web: string | null;
  offices: Office[];
  contacts: Contact[];
}

export interface ProgrammeSummary {
  /** Public id used in the API: region code and slug, e.g. `08-2022-2025`. */
  id: string;
  regionCode: string;
  slug: string;
  kind: string;
  title: LocalizedText;
  periodStart: number;
  periodEnd: number;
  levels: Level[];
  /** Number of the version shown by default: the approved one, else the newest. */
  currentVersion: number | null;
}

export interface Decision {
  body: LocalizedText;
  date: string;
  reference: string | null;
}

export interface VersionSummary {
  number: number;
  status: VersionStatus;
  label: LocalizedText | null;
  decision: Decision | null;
  changelog: LocalizedText | null;
  updatedAt: string;
}

export interface TermRef {
  taxonomy: string;
  term: string;
}

export interface TreeNode {
  key: string;
  slug: string;
  /** Slugs from the top of the tree down to this node, e.g. `['innovatiivinen-kymenlaakso', 'osaaminen-ja-koulutus']`. */
  path: string[];
  /** 1 for the first level (themes). */
  depth: number;
  /** Key of the level, e.g. `priority`. */
  level: string;
  parentKey: string | null;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  summary: LocalizedText | null;
  body: LocalizedText | null;
  terms: TermRef[];
  children: TreeNode[];
}

export interface Term {
  key: string;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  description: LocalizedText | null;
}

export interface Taxonomy {
  key: string;
  name: LocalizedText;
  description: LocalizedText | null;
  terms: Term[];
}

/** One version of a programme with its whole tree. */
export interface VersionContent {
  programme: ProgrammeSummary;
  version: VersionSummary;
  vision: LocalizedText | null;
  summary: LocalizedText | null;
  nodes: TreeNode[];
  taxonomies: Taxonomy[];
}

export interface SearchHit {
  key: string;
  path: string[];
  title: LocalizedText;
  summary: LocalizedText | null;
  level: string;
  score: number;
}
