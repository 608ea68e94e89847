/**
 * Table types for Kysely. Localised texts are stored as JSON strings (`{"fi":"…","en":"…"}`) so
 * that both SQLite and PostgreSQL use the same columns and the same code.
 */
import type { ColumnType, Generated } from 'kysely';

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
  /** The subregion (seutukunta) code, `081`; null when the classification had none. */
  subregion_code: string | null;
}

export interface SubregionTable {
  code: string;
  region_code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
}

export interface ReportTable {
  id: Generated<number>;
  region_code: string;
  programme_slug: string;
  year: number;
  lang: string;
  format: string;
  checksum: string;
  body: Uint8Array;
  bytes: number;
  made_at: string;
  made_by: string | null;
  duration_ms: number;
}

/** A consultation round on a version (JSON: intro/title LocalizedText, questions, documents, reject reasons). */
export interface ConsultationRoundTable {
  id: Generated<number>;
  region_code: string;
  programme_id: number;
  version_id: number;
  slug: string;
  title: string;
  intro: string;
  opens_at: string;
  closes_at: string;
  questions: Generated<string>;
  documents: Generated<string>;
  reject_reasons: Generated<string>;
  pre_moderation: Generated<string>;
  retention_until: string | null;
  personal_data_removed_at: string | null;
  /** The node tree of the version as consulted (JSON TreeNode[]); null for a round without one. */
  text_snapshot: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A comment or statement sent to a round, with its anchor as sent and as last re-anchored. */
export interface ConsultationCommentTable {
  id: Generated<number>;
  round_id: number;
  kind: string;
  status: string;
  version_id: number;
  node_key: string | null;
  paragraph_index: number | null;
  text_lang: string;
  quote: Generated<string>;
  quote_before: Generated<string>;
  quote_after: Generated<string>;
  anchor_state: Generated<string>;
  anchor_version_id: number | null;
  anchor_paragraph_index: number | null;
  anchor_quote: string | null;
  anchored_at: string | null;
  body: string;
  redacted_body: string | null;
  redaction_reason: string | null;
  respondent_type: string;
  publish_as: string;
  author_name: string | null;
  author_email: string | null;
  organisation: string | null;
  business_id: string | null;
  signer_role: string | null;
  answers: Generated<string>;
  ui_lang: string;
  idempotency_key: string;
  submitted_at: string;
  held_reason: string | null;
  reject_reason: string | null;
  merged_into: number | null;
  moderated_at: string | null;
  moderated_by: string | null;
  personal_data_removed_at: string | null;
  revision: Generated<number>;
}

export interface ConsultationAttachmentTable {
  id: Generated<number>;
  comment_id: number;
  file_name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  body: Uint8Array;
}

/** The council's response to one comment or a group of comments (text and reason: LocalizedText JSON). */
export interface ConsultationResponseTable {
  id: Generated<number>;
  round_id: number;
  text: string;
  decision: string;
  reason: string | null;
  change_version: number | null;
  change_node_key: string | null;
  status: Generated<string>;
  published_at: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ConsultationResponseCommentTable {
  response_id: number;
  comment_id: number;
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
  revision: Generated<number>;
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
  revision: Generated<number>;
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
  translation_status: Generated<string | null>;
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
  translation_status: Generated<string | null>;
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
  translation_status: Generated<string | null>;
}

export interface TaxonomyTable {
  id: Generated<number>;
  programme_id: number;
  key: string;
  position: number;
  name: string;
  description: string | null;
  revision: Generated<number>;
}

export interface TermTable {
  id: Generated<number>;
  taxonomy_id: number;
  key: string;
  position: number;
  title: string;
  short_title: string | null;
  description: string | null;
  translation_status: Generated<string | null>;
  revision: Generated<number>;
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

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface UserRoleTable {
  user_id: number;
  region_code: string;
  /** 'admin' | 'editor' | 'moderator' | 'viewer' */
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the visitor's cookie. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface OneTimeTokenTable {
  /** SHA-256 of the token. */
  id: string;
  user_id: number;
  /** 'set-password' (first password, invitation or reset). */
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  created_by: number | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  attempted_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  /** Who acted, as shown in the log (an e-mail address, or `cli` / `system`). */
  actor: string;
  region_code: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

/** A 64-bit integer of money: PostgreSQL returns `bigint` columns as strings, SQLite as numbers. */
export type MoneyColumn = ColumnType<number | string, number, number>;

export interface ProjectTable {
  id: Generated<number>;
  region_code: string;
  code: string;
  /** Localised text (JSON). */
  name: string;
  summary: string | null;
  lead_name: string | null;
  lead_business_id: string | null;
  /** JSON array of {name, businessId}. */
  partners: string;
  start_date: string | null;
  end_date: string | null;
  /** 'planned' | 'running' | 'ended' | 'cancelled' */
  status: string;
  source: string | null;
  /** The EU programme period of the project's funding, e.g. `2014-2020`; null when unknown. */
  funding_period: string | null;
  /** JSON object of further source facts (label → text). */
  details: string;
  /** Hash of the project's canonical form: an import that brings the same data changes nothing. */
  content_hash: string;
  updated_at: string;
}

export interface ProjectMunicipalityTable {
  project_id: number;
  municipality_code: string;
}

export interface ProjectFundingTable {
  project_id: number;
  position: number;
  /** A FundCode: 'ERDF' | 'ESF+' | 'JTF' | 'AKKE' | 'INTERREG' | 'HORIZON' | 'MUNICIPAL' | 'PRIVATE' | 'OTHER' */
  fund: string;
  /** 'granted' | 'paid' | 'planned' */
  kind: string;
  amount_cents: MoneyColumn;
  year: number | null;
}

export interface ProjectNodeTable {
  project_id: number;
  programme_slug: string;
  node_key: string;
  is_primary: number;
  /** Who confirmed the link (an editor's e-mail address), null for links from the imported data. */
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface ProjectTermTable {
  project_id: number;
  programme_slug: string;
  taxonomy_key: string;
  term_key: string;
}

/** Stemmed text of each project per language, indexed like node_search. */
export interface ProjectSearchTable {
  id: Generated<number>;
  project_id: number;
  lang: string;
  stems: string;
}

/** Planned money of a programme version by node × fund × year. */
export interface FinancingPlanTable {
  region_code: string;
  programme_slug: string;
  version_number: number;
  node_key: string;
  fund: string;
  year: number;
  planned_cents: MoneyColumn;
}

/** One counter per region and kind of content (storage/repositories/generations-repository.ts). */
export interface ContentGenerationTable {
  region_code: string;
  kind: string;
  generation: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** Monitoring settings of a region: the programme its indicators link to, the population indicator, extra table/dimension ids. */
export interface IndicatorSettingsTable {
  region_code: string;
  programme_slug: string | null;
  population_code: string | null;
  /** JSON {tables: {alias: id}, dimensions: {alias: id}}. */
  id_map: string;
  /** The definitions file last imported (name), for the admin page. */
  source_file: string | null;
  revision: Generated<number>;
}

export interface IndicatorGroupTable {
  region_code: string;
  code: string;
  /** Localised text (JSON). */
  name: string;
  position: number;
}

export interface IndicatorTable {
  id: Generated<number>;
  region_code: string;
  code: string;
  /** Localised texts (JSON). */
  name: string;
  definition: string | null;
  unit: string;
  decimals: number;
  /** 'increase' | 'decrease' | 'keep' */
  direction: string;
  group_code: string;
  /** 'programme' | 'theme' | 'priority' */
  level: string;
  per_resident: number;
  owner: string | null;
  /** JSON of the source definition (IndicatorSource). */
  source: string;
  position: number;
  revision: Generated<number>;
  updated_at: string;
}

export interface IndicatorLinkTable {
  indicator_id: number;
  /** 'node' (link_key = node key) | 'term' (link_key = `taxonomy/term`) */
  kind: string;
  programme_slug: string;
  link_key: string;
}

export interface IndicatorBaselineTable {
  indicator_id: number;
  period: string;
  /** Exact decimal text. */
  value: string;
  /** Area key (SSS, MK08, SK081, KU091). */
  area: string;
  decision: string | null;
}

/** Targets with their history: a changed target supersedes the old row (superseded_at), never overwrites it. */
export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  period: string;
  value: string;
  area: string;
  decision: string;
  decided: string | null;
  set_at: string;
  set_by: string | null;
  superseded_at: string | null;
}

export interface StatisticsImportTable {
  id: Generated<number>;
  region_code: string;
  file_name: string;
  /** SHA-256 of the file's bytes. */
  file_hash: string;
  imported_at: string;
  actor: string | null;
  /** JSON: counts of new, revised, withdrawn and unchanged values, datasets with table ids and `updated`. */
  summary: string;
}

export interface ObservationTable {
  indicator_id: number;
  /** Area key (SSS, MK08, SK081, KU091). */
  area: string;
  /** `2024`, `2024Q3`, `2024M07`. */
  period: string;
  /** Exact decimal text; null with a status is a published empty cell. */
  value: string | null;
  status: string | null;
  /** The meaning of the status as the file gave it (the domain catalogue has the fi/sv/en meanings). */
  status_label: string | null;
  /** The unit the file gave (to notice a unit change). */
  unit: string | null;
  /** The source's `updated` of the dataset. */
  source_updated: string | null;
  retrieved_at: string;
  import_id: number;
}

export interface Database {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  subregions: SubregionTable;
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
  content_generations: ContentGenerationTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
  projects: ProjectTable;
  project_municipalities: ProjectMunicipalityTable;
  project_funding: ProjectFundingTable;
  project_nodes: ProjectNodeTable;
  project_terms: ProjectTermTable;
  project_search: ProjectSearchTable;
  financing_plan: FinancingPlanTable;
  indicator_settings: IndicatorSettingsTable;
  indicator_groups: IndicatorGroupTable;
  indicators: IndicatorTable;
  indicator_links: IndicatorLinkTable;
  indicator_baselines: IndicatorBaselineTable;
  indicator_targets: IndicatorTargetTable;
  statistics_imports: StatisticsImportTable;
  observations: ObservationTable;
  reports: ReportTable;
  consultation_rounds: ConsultationRoundTable;
  consultation_comments: ConsultationCommentTable;
  consultation_attachments: ConsultationAttachmentTable;
  consultation_responses: ConsultationResponseTable;
  consultation_response_comments: ConsultationResponseCommentTable;
}
