/**
 * CSV export of a version's tree: one row per node in reading order (written by lib/csv.ts:
 * RFC 4180, UTF-8 with a byte order mark, formula cells neutralised).
 */
import type { LocalizedText } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import { toCsv } from '#src/lib/csv.ts';

export const NODE_CSV_COLUMNS = [
  'key',
  'parent_key',
  'depth',
  'level',
  'position',
  'path',
  'title_fi',
  'title_sv',
  'title_en',
  'summary_fi',
  'summary_sv',
  'summary_en',
  'terms',
] as const;

const lang = (text: LocalizedText | null, l: 'fi' | 'sv' | 'en'): string => text?.[l] ?? '';

function rows(nodes: readonly TreeNode[], out: string[][]): string[][] {
  nodes.forEach((n, i) => {
    out.push([
      n.key,
      n.parentKey ?? '',
      String(n.depth),
      n.level,
      String(i + 1),
      n.path.join('/'),
      lang(n.title, 'fi'),
      lang(n.title, 'sv'),
      lang(n.title, 'en'),
      lang(n.summary, 'fi'),
      lang(n.summary, 'sv'),
      lang(n.summary, 'en'),
      n.terms.map((t) => `${t.taxonomy}/${t.term}`).join(';'),
    ]);
    rows(n.children, out);
  });
  return out;
}

/** The tree as CSV text, header row first, starting with a byte order mark. */
export function nodesCsv(nodes: readonly TreeNode[]): string {
  return toCsv(NODE_CSV_COLUMNS, rows(nodes, []));
}
