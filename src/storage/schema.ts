/**
 * Table types for Kysely. Localised texts are stored as JSON strings (`{"fi":"…","en":"…"}`) so
 * that both SQLite and PostgreSQL use the same columns and the same code.
 */
import type { Generated } from 'kysely';

export interface RegionTable {
  code: string;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  statfin_code: string;
  position: number;
}

export interface MunicipalityTable {
  code: string;
  region_code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  /** Official language status: 'fi', 'sv', 'fi-sv' (bilingual, Finnish majority) or 'sv-fi'. */
  languages: string;
  classification_year: number;
}

export interface CouncilTable {
  region_code: string;
  name: string;
  business_id: string | null;
  email: string | null;
  web: string | null;
  revision: number;
}

export interface OfficeTable {
  id: Generated<number>;
  region_code: string;
  key: string;
  kind: string;
  position: number;
  name: string;
  postal_address: string | null;
  visiting_address: string | null;
  hours: string | null;
  phone: string | null;
  email: string | null;
}

export interface ContactTable {
  id: Generated<number>;
  region_code: string;
  position: number;
  name: string;
  role: string;
  topic: string | null;
  email: string | null;
  phone: string | null;
}

export interface ProgrammeTable {
  id: Generated<number>;
  region_code: string;
  slug: string;
  kind: string;
  title: string;
  period_start: number;
  period_end: number;
  levels: string;
  revision: number;
  updated_at: string;
}

export interface VersionTable {
  id: Generated<number>;
  programme_id: number;
  number: number;
  status: string;
  label: string | null;
  decision_body: string | null;
  decision_date: string | null;
  decision_reference: string | null;
  changelog: string | null;
  vision: string | null;
  summary: string | null;
  revision: number;
  updated_at: string;
}

export interface NodeTable {
  id: Generated<number>;
  version_id: number;
  key: string;
  parent_id: number | null;
  position: number;
  depth: number;
  slug: string;
  title: string;
  short_title: string | null;
  summary: string | null;
  body: string | null;
  revision: number;
}

export interface TaxonomyTable {
  id: Generated<number>;
  programme_id: number;
  key: string;
  position: number;
  name: string;
  description: string | null;
}

export interface TermTable {
  id: Generated<number>;
  taxonomy_id: number;
  key: string;
  position: number;
  title: string;
  short_title: string | null;
  description: string | null;
}

export interface NodeTermTable {
  node_id: number;
  term_id: number;
}

/** Stemmed text of each node per language, indexed by FTS5 (SQLite) or a tsvector (PostgreSQL). */
export interface NodeSearchTable {
  id: Generated<number>;
  version_id: number;
  node_id: number;
  lang: string;
  stems: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  councils: CouncilTable;
  offices: OfficeTable;
  contacts: ContactTable;
  programmes: ProgrammeTable;
  versions: VersionTable;
  nodes: NodeTable;
  taxonomies: TaxonomyTable;
  terms: TermTable;
  node_terms: NodeTermTable;
  node_search: NodeSearchTable;
  meta: MetaTable;
}
