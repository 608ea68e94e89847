/** The kinds of public content that caches depend on, and the tables that hold each (docs/freshness.md). */

/**
 * The kinds of public content a cache can depend on:
 * - `region`: the region's facts (name, municipalities, council, offices, contacts);
 * - `programme`: its programmes, versions, nodes, terms, search rows and financing plans;
 * - `projects`: its projects with their funding, links and search rows.
 * - `indicators`: its indicator definitions, groups, links, baselines, targets and observations.
 * - `consultation`: its consultation rounds, the comments and statements sent to them, their
 *   attachments and the council's responses.
 */
export const CONTENT_KINDS = ['region', 'programme', 'projects', 'indicators', 'consultation'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Which tables hold each kind of content: a write to one of them must bump the kind (checked in tests). */
export const CONTENT_TABLES: Readonly<Record<ContentKind, readonly string[]>> = {
  region: ['regions', 'subregions', 'municipalities', 'councils', 'offices', 'contacts'],
  programme: [
    'programmes',
    'versions',
    'nodes',
    'taxonomies',
    'terms',
    'node_terms',
    'node_search',
    'node_search_fts',
    'financing_plan',
  ],
  projects: [
    'projects',
    'project_municipalities',
    'project_funding',
    'project_nodes',
    'project_terms',
    'project_search',
  ],
  indicators: [
    'indicator_settings',
    'indicator_groups',
    'indicators',
    'indicator_links',
    'indicator_baselines',
    'indicator_targets',
    'statistics_imports',
    'observations',
  ],
  consultation: [
    'consultation_rounds',
    'consultation_comments',
    'consultation_attachments',
    'consultation_responses',
    'consultation_response_comments',
  ],
};
