/** JSON shapes of the differences between two versions of a programme. */
import { z } from 'zod';
import { termRef } from './nodes.ts';
import { versionSummary } from './programmes.ts';
import { localizedText, named } from './registry.ts';

const count = (description: string) => z.number().int().min(0).describe(description);

export const diffSegment = named(
  'DiffSegment',
  'A run of text that is unchanged (equal), inserted or deleted. Joining the equal and ' +
    'delete segments gives the old text; joining the equal and insert segments gives the new text.',
  z.object({
    type: z.enum(['equal', 'insert', 'delete']).describe('equal, insert or delete.'),
    text: z.string().describe('The text of the run, with its whitespace.'),
  }),
);

export const textChange = named(
  'TextChange',
  'A text field in one language that differs between the versions, with its word-level differences.',
  z.object({
    field: z
      .enum(['title', 'shortTitle', 'summary', 'body', 'vision'])
      .describe('title, shortTitle, summary or body of a node; vision or summary of the version.'),
    lang: z.enum(['fi', 'sv', 'en']).describe('Language of the text.'),
    before: z.string().nullable().describe('The text in version A; null when it had none in this language.'),
    after: z.string().nullable().describe('The text in version B; null when it has none in this language.'),
    segments: z
      .array(diffSegment)
      .describe('Word-level differences, in text order; deletions come before the insertions that replace them.'),
    wordsInserted: count('Words in the inserted segments.'),
    wordsDeleted: count('Words in the deleted segments.'),
  }),
);

export const nodePlace = named(
  'DiffNodePlace',
  'Where a node stands in one of the two versions.',
  z.object({
    title: localizedText,
    path: z.array(z.string()).describe('Slugs from the top of the tree down to the node.'),
    depth: z.number().int().describe('1 for the top level.'),
    level: z.string().describe('Key of the level, e.g. "measure".'),
    parentKey: z.string().nullable().describe('Key of the parent node; null at the top level.'),
    position: z.number().int().describe('Position among all its siblings, from 1.'),
  }),
);

export const nodeChange = named(
  'NodeChange',
  'A node that differs between the versions, matched by its stable key.',
  z.object({
    key: z.string().describe('Stable key of the node.'),
    change: z
      .enum(['added', 'removed', 'changed'])
      .describe('added (only in B), removed (only in A) or changed (in both).'),
    before: nodePlace.nullable().describe('The node in version A; null when added.'),
    after: nodePlace.nullable().describe('The node in version B; null when removed.'),
    moved: z
      .enum(['parent', 'order'])
      .nullable()
      .describe(
        'parent: its parent changed; order: under the same parent, its order relative to the ' +
          'siblings under that parent in both versions changed (the fewest nodes that explain the ' +
          'new order are reported); null: not moved.',
      ),
    retitled: z.boolean().describe('True when the title changed in any language.'),
    texts: z
      .array(textChange)
      .describe(
        'Changed texts by field and language. An added node lists all its texts as inserted, a removed node all as deleted.',
      ),
    termsAdded: z.array(termRef).describe('Term links only in version B (all links of an added node).'),
    termsRemoved: z.array(termRef).describe('Term links only in version A (all links of a removed node).'),
  }),
);

export const versionDiff = named(
  'VersionDiff',
  'The differences from version A (from) to version B (to) of a programme.',
  z.object({
    programmeId: z.string(),
    from: versionSummary.describe('Version A.'),
    to: versionSummary.describe('Version B.'),
    counts: z
      .object({
        added: count('Nodes only in version B.'),
        removed: count('Nodes only in version A.'),
        moved: count('Nodes in both versions that moved.'),
        retitled: count('Nodes in both versions whose title changed.'),
        textChanged: count('Nodes in both versions whose short title, summary or body changed.'),
        termsChanged: count('Nodes in both versions whose term links changed.'),
        versionTexts: count('Changed texts of the version (vision, summary), counted per field and language.'),
      })
      .describe('How many changes of each kind.'),
    versionTexts: z.array(textChange).describe('Changes of the vision and summary of the version.'),
    nodes: z
      .array(nodeChange)
      .describe(
        'Nodes added or changed in the reading order of version B, then nodes removed in the reading order of version A.',
      ),
  }),
);
export type VersionDiffJson = z.output<typeof versionDiff>;
