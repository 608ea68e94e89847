/**
 * CSV export of a version's tree: one row per node in reading order (RFC 4180, UTF-8 with a
 * byte order mark so that spreadsheet programs read Finnish letters correctly).
 */
import { stringify } from 'csv-stringify/sync';
import type { LocalizedText } from '#src/domain/languages.ts';
import type { TreeNode } from '#src/domain/read-models.ts';

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

const BOM = '\uFEFF';

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
  return (
    BOM + stringify(rows(nodes, []), { header: true, columns: [...NODE_CSV_COLUMNS], record_delimiter: 'windows' })
  );
}
