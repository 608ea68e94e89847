/** JSON shapes of a version's node tree, taxonomies and search hits. */
import { z } from 'zod';
import { localizedText, named, type LocalizedText } from './registry.ts';

export const termRef = named(
  'TermRef',
  'A term linked to a node: the taxonomy key and the term key.',
  z.object({
    taxonomy: z.string().describe('Taxonomy key, e.g. "spearheads".'),
    term: z.string().describe('Term key within the taxonomy.'),
  }),
);

export interface NodeJson {
  key: string;
  slug: string;
  path: string[];
  depth: number;
  level: string;
  position: number;
  parentKey: string | null;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  summary: LocalizedText | null;
  body: LocalizedText | null;
  terms: z.output<typeof termRef>[];
  children: NodeJson[];
}

export const node: z.ZodType<NodeJson> = named(
  'Node',
  'An item of the programme tree (a theme, priority or measure) with its children.',
  z.object({
    key: z.string().describe('Stable key, shared by the same item across versions.'),
    slug: z.string().describe('URL name of the node within its parent.'),
    path: z.array(z.string()).describe('Slugs from the top of the tree down to this node.'),
    depth: z.number().int().describe('1 for the top level.'),
    level: z.string().describe('Key of the level of the node, e.g. "priority" (see the programme levels).'),
    position: z.number().int().describe('Position among its siblings, from 1.'),
    parentKey: z.string().nullable().describe('Key of the parent node; null at the top level.'),
    title: localizedText,
    shortTitle: localizedText.nullable(),
    summary: localizedText.nullable(),
    body: localizedText.nullable().describe('Longer text (a small Markdown subset).'),
    terms: z.array(termRef).describe('Taxonomy terms linked to the node.'),
    get children() {
      return z.array(node).describe('Child nodes, in order.');
    },
  }),
);

export const nodeTree = named(
  'NodeTree',
  'The whole node tree of a version, nested.',
  z.object({
    programmeId: z.string(),
    version: z.number().int().describe('Version number.'),
    nodes: z.array(node).describe('Top-level nodes with their descendants.'),
  }),
);
export type NodeTreeJson = z.output<typeof nodeTree>;

export const nodeRef = named(
  'NodeRef',
  'A short reference to a node.',
  z.object({ key: z.string(), level: z.string(), path: z.array(z.string()), title: localizedText }),
);

export const nodeDetail = named(
  'NodeDetail',
  'One node of a version with its descendants and its ancestors.',
  z.object({
    programmeId: z.string(),
    version: z.number().int().describe('Version number.'),
    node,
    ancestors: z.array(nodeRef).describe('Ancestors of the node, top first.'),
  }),
);
export type NodeDetailJson = z.output<typeof nodeDetail>;

export const term = named(
  'Term',
  'A term of a taxonomy, with the nodes linked to it.',
  z.object({
    key: z.string(),
    title: localizedText,
    shortTitle: localizedText.nullable(),
    description: localizedText.nullable(),
    nodeKeys: z
      .array(z.string())
      .describe('Keys of the nodes linked to the term in the selected version, in reading order.'),
  }),
);

export const taxonomy = named(
  'Taxonomy',
  'A taxonomy of the programme, e.g. cross-cutting themes or smart-specialisation spearheads.',
  z.object({ key: z.string(), name: localizedText, description: localizedText.nullable(), terms: z.array(term) }),
);

export const taxonomyList = named(
  'TaxonomyList',
  'The taxonomies of a programme with their terms and, per term, the nodes linked in one version.',
  z.object({
    programmeId: z.string(),
    version: z.number().int().describe('Version whose node links are listed.'),
    taxonomies: z.array(taxonomy),
  }),
);
export type TaxonomyListJson = z.output<typeof taxonomyList>;

export const searchHit = named(
  'SearchHit',
  'A node matching a search.',
  z.object({
    key: z.string(),
    level: z.string(),
    path: z.array(z.string()),
    title: localizedText,
    summary: localizedText.nullable(),
    score: z.number().describe('Relevance; higher is better.'),
  }),
);

export const searchResults = named(
  'SearchResults',
  'Nodes of a version matching a query, best first (at most 50).',
  z.object({
    programmeId: z.string(),
    version: z.number().int(),
    query: z.string(),
    lang: z.enum(['fi', 'sv', 'en']).describe('Language of the texts searched.'),
    hits: z.array(searchHit),
  }),
);
export type SearchResultsJson = z.output<typeof searchResults>;
