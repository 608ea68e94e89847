/**
 * Renders the Markdown subset of programme texts to HTML: paragraphs, bulleted and numbered lists,
 * **strong**, *emphasis* and [links](https://…). Every character of the source is escaped first,
 * so no raw HTML can pass; headings become bold paragraphs to keep the page's heading order.
 */
import { escapeHtml } from '@kitajs/html';

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const state: { current: Block | null } = { current: null };
  const flush = (): void => {
    if (state.current) blocks.push(state.current);
    state.current = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : null;
    const current = state.current;
    if (kind) {
      const text = (bullet ?? numbered)![1]!;
      if (current && current.kind === kind) current.items.push(text);
      else {
        flush();
        state.current = { kind, items: [text] };
      }
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'p', lines: [`**${heading[1]!}**`] });
      continue;
    }
    if (current && current.kind !== 'p' && /^\s+/.test(raw)) {
      // An indented line continues the last list item.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (current && current.kind === 'p') current.lines.push(line.trim());
    else {
      flush();
      state.current = { kind: 'p', lines: [line.trim()] };
    }
  }
  flush();
  return blocks;
}

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s]+$/i;

/** Inline markup on already escaped text (so the inserted tags are the only markup). */
function inline(text: string): string {
  let out = escapeHtml(text);
  out = out.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
    const decoded = url.replace(/&amp;/g, '&');
    return SAFE_URL.test(decoded) ? `<a href="${url}">${label}</a>` : whole;
  });
  out = out.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>');
  out = out.replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?![\w*])/g, '$1<em>$2</em>');
  return out;
}

/** HTML for `source`; the result contains only p, ul, ol, li, strong, em and a elements. */
export function renderMarkdown(source: string): string {
  return parseBlocks(source)
    .map((b) =>
      b.kind === 'p'
        ? `<p>${inline(b.lines.join(' '))}</p>`
        : `<${b.kind}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${b.kind}>`,
    )
    .join('');
}
