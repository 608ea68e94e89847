/**
 * The differences between two versions as CSV: one row per change (written by lib/csv.ts: RFC
 * 4180, UTF-8 with a byte order mark, formula cells neutralised).
 */
import type { TermRef } from '#src/domain/read-models.ts';
import type { NodeChange, TextChange, VersionDiff } from '#src/domain/version-diff.ts';
import { toCsv } from '#src/lib/csv.ts';

export const DIFF_CSV_COLUMNS = [
  'change_type',
  'node_key',
  'field',
  'lang',
  'before',
  'after',
  'words_inserted',
  'words_deleted',
] as const;

/**
 * What a row's `change_type` may be: the version's own texts; a node added or removed (one row per
 * text it has); moved (field `parent` with the parent keys, or `position` with the places among
 * its siblings); retitled (one row per language of the title); another text changed; a term link
 * added or removed (field `terms`, the link as `taxonomy/term`).
 */
export const DIFF_CHANGE_TYPES = [
  'version_text_changed',
  'node_added',
  'node_removed',
  'node_moved',
  'retitled',
  'text_changed',
  'term_added',
  'term_removed',
] as const;
type ChangeType = (typeof DIFF_CHANGE_TYPES)[number];

const textRow = (type: ChangeType, key: string, c: TextChange): string[] => [
  type,
  key,
  c.field,
  c.lang,
  c.before ?? '',
  c.after ?? '',
  String(c.wordsInserted),
  String(c.wordsDeleted),
];

const termRow = (type: ChangeType, key: string, t: TermRef): string[] => {
  const id = `${t.taxonomy}/${t.term}`;
  return [type, key, 'terms', '', type === 'term_removed' ? id : '', type === 'term_added' ? id : '', '0', '0'];
};

function nodeRows(n: NodeChange): string[][] {
  const rows: string[][] = [];
  if (n.moved === 'parent')
    rows.push(['node_moved', n.key, 'parent', '', n.before!.parentKey ?? '', n.after!.parentKey ?? '', '0', '0']);
  if (n.moved === 'order')
    rows.push(['node_moved', n.key, 'position', '', String(n.before!.position), String(n.after!.position), '0', '0']);
  for (const c of n.texts) {
    const type: ChangeType =
      n.kind === 'added'
        ? 'node_added'
        : n.kind === 'removed'
          ? 'node_removed'
          : c.field === 'title'
            ? 'retitled'
            : 'text_changed';
    rows.push(textRow(type, n.key, c));
  }
  if ((n.kind === 'added' || n.kind === 'removed') && n.texts.length === 0)
    rows.push([`node_${n.kind}`, n.key, '', '', '', '', '0', '0']);
  for (const t of n.termsAdded) rows.push(termRow('term_added', n.key, t));
  for (const t of n.termsRemoved) rows.push(termRow('term_removed', n.key, t));
  return rows;
}

/** The diff as CSV text, header row first, starting with a byte order mark. */
export function diffCsv(diff: VersionDiff): string {
  const rows = [
    ...diff.versionTexts.map((c) => textRow('version_text_changed', '', c)),
    ...diff.nodes.flatMap(nodeRows),
  ];
  return toCsv(DIFF_CSV_COLUMNS, rows);
}
