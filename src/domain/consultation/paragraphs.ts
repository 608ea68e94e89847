/**
 * The commentable paragraphs of a node, in the order a page numbers them: the summary first (the
 * node page's lead), then the body's Markdown blocks. Each paragraph's text is what the reader
 * sees — Markdown markers removed, whitespace collapsed, Unicode NFC — so a quote the reader
 * selects on the page is found in it character for character.
 *
 * The block rules mirror the renderer (src/views/markdown.ts, which domain code may not import):
 * blank lines separate blocks, a heading line is a block of its own, a line starting a list ends a
 * paragraph, an indented line continues the last list item. test/consultation/paragraphs-render.test.ts
 * checks that both agree, so the numbering here is the numbering of the rendered page.
 *
 * A list gives one paragraph per item, not one per list: the items of programme bodies are separate
 * objectives and measures that residents comment on one by one; a "comment on this" link fits
 * beside each `<li>`; and a quote of a whole item stays short enough to re-anchor well when
 * another item of the same list is edited.
 *
 * The summary is one paragraph of plain text: the node page shows it as escaped text in one `<p>`
 * (src/views/pages/node-page.tsx), and summaries are plain multi-line texts (src/domain/text-fields.ts),
 * so its `*` and `[` stay as written.
 */

/** The texts of one node in one language that residents comment on. */
export interface NodeText {
  summary: string | null;
  body: string | null;
}

/** The programme's own texts in one version and language (its front page): both Markdown. */
export interface VersionText {
  vision: string | null;
  summary: string | null;
}

export type ParagraphKind = 'summary' | 'paragraph' | 'heading' | 'item';

export interface Paragraph {
  /** Position in the node from 0, what a page numbers (shown as `index + 1`) and anchors store. */
  index: number;
  /** The text field it is in: a node's `summary` or `body`, or a version's `vision` or `summary`. */
  field: 'summary' | 'body' | 'vision';
  kind: ParagraphKind;
  /** The text as the reader sees it: plain, whitespace collapsed to single spaces, trimmed, NFC. */
  text: string;
  /** Where the block starts in its field's source text (UTF-16 offset, list marker included). */
  offset: number;
  /** Where the block ends in its field's source text (exclusive). */
  end: number;
}

/** Collapses every run of whitespace (newlines and no-break spaces too) to one space, trims, and applies NFC. */
export function normaliseSpace(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// The renderer's patterns (src/views/markdown.ts).
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const SAFE_URL = /^(https?:\/\/|mailto:)[^\s]+$/i;
const STRONG = /\*\*(?=\S)([^*]*?\S)\*\*/g;
const EMPHASIS = /(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?![\w*])/g;
/**
 * Stands where the renderer writes a tag, so the emphasis pattern sees a character that, like `<`
 * and `>`, is neither a word character nor `*`; removed at the end.
 */
const TAG = '\uE000';

/**
 * The text the reader sees of one block's inline Markdown: link labels without their URLs (a link
 * the renderer does not make stays as written), strong and emphasis without their markers.
 */
export function plainInline(source: string): string {
  let out = source.replace(LINK, (whole, label: string, url: string) =>
    SAFE_URL.test(url) ? TAG + label + TAG : whole,
  );
  out = out.replace(STRONG, `${TAG}$1${TAG}`);
  out = out.replace(EMPHASIS, `$1${TAG}$2${TAG}`);
  return normaliseSpace(out.replaceAll(TAG, ''));
}

interface Block {
  kind: Exclude<ParagraphKind, 'summary'>;
  /** Inline source, lines joined with spaces. */
  source: string;
  offset: number;
  end: number;
}

/** The source's lines with their offsets (`\n`, `\r\n` and `\r` all end a line). */
function lines(source: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\r\n?|\n/g;
  let start = 0;
  for (const m of source.matchAll(re)) {
    out.push({ text: source.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: source.slice(start), start });
  return out;
}

/** The Markdown blocks of a body, as the renderer splits them, with list items as blocks of their own. */
function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  /** The list being read (its kind), or a paragraph, or nothing. */
  let open: { kind: 'ul' | 'ol' | 'p'; block: Block } | null = null;
  const close = (): void => {
    open = null;
  };
  for (const { text: raw, start } of lines(source)) {
    const line = raw.trimEnd();
    const lineEnd = start + line.length;
    if (line.trim() === '') {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const list = bullet ? 'ul' : numbered ? 'ol' : null;
    if (list) {
      const block: Block = { kind: 'item', source: (bullet ?? numbered)![1]!, offset: start, end: lineEnd };
      blocks.push(block);
      open = { kind: list, block };
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', source: `**${heading[1]!}**`, offset: start, end: lineEnd });
      continue;
    }
    const current = open as { kind: 'ul' | 'ol' | 'p'; block: Block } | null;
    if (current && current.kind !== 'p' && /^\s+/.test(raw)) {
      // An indented line continues the last list item.
      current.block.source += ` ${line.trim()}`;
      current.block.end = lineEnd;
      continue;
    }
    if (current && current.kind === 'p') {
      current.block.source += ` ${line.trim()}`;
      current.block.end = lineEnd;
    } else {
      const block: Block = { kind: 'paragraph', source: line.trim(), offset: start, end: lineEnd };
      blocks.push(block);
      open = { kind: 'p', block };
    }
  }
  return blocks;
}

/**
 * The paragraphs of a node's text in one language: the summary (when it has text), then the body's
 * blocks (paragraphs, headings, list items). A block whose visible text is empty is kept, so the
 * numbering stays the page's; it cannot be quoted.
 */
export function paragraphsOf(text: NodeText): Paragraph[] {
  const out: Paragraph[] = [];
  const summary = text.summary === null ? '' : normaliseSpace(text.summary);
  if (summary !== '') {
    const offset = text.summary!.search(/\S/u);
    out.push({
      index: 0,
      field: 'summary',
      kind: 'summary',
      text: summary,
      offset,
      end: text.summary!.trimEnd().length,
    });
  }
  pushBlocks(out, 'body', text.body);
  return out;
}

function pushBlocks(out: Paragraph[], field: Paragraph['field'], source: string | null): void {
  for (const block of blocksOf(source ?? '')) {
    out.push({
      index: out.length,
      field,
      kind: block.kind,
      text: plainInline(block.source),
      offset: block.offset,
      end: block.end,
    });
  }
}

/**
 * The paragraphs of the programme's front page in one version and language: the vision's blocks,
 * then the summary's (the programme page renders both as Markdown, vision first). A comment on one
 * of them is stored with node key null and its paragraph index; a comment on the whole programme
 * has node key null and paragraph index null.
 */
export function versionParagraphsOf(text: VersionText): Paragraph[] {
  const out: Paragraph[] = [];
  pushBlocks(out, 'vision', text.vision);
  pushBlocks(out, 'summary', text.summary);
  return out;
}
