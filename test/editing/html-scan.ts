/**
 * A small HTML scanner for the XSS tests: it reads a page the way a browser's tokenizer does
 * (tags with quoted attributes, comments, RCDATA of <textarea> and <title>) and reports what could
 * run script: script-like elements, event-handler attributes, and javascript:/vbscript:/data: URLs
 * in attributes after entity decoding.
 */

export interface ScannedTag {
  name: string;
  attributes: { name: string; value: string }[];
}

const ENTITY: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
};

/** Decodes character references as a browser does in attribute values. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITY[ref.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/** Every start tag of `html` with its decoded attributes. */
export function scanTags(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const start = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 100));
    if (!start) {
      i = lt + 1;
      continue;
    }
    // Find the end of the tag, skipping quoted attribute values.
    let j = lt + start[0].length;
    let quote: string | null = null;
    for (; j < html.length; j++) {
      const c = html[j]!;
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const name = start[1]!.toLowerCase();
    const attributes: ScannedTag['attributes'] = [];
    for (const m of html.slice(lt + start[0].length, j).matchAll(ATTRIBUTE)) {
      attributes.push({ name: m[1]!.toLowerCase(), value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') });
    }
    tags.push({ name, attributes });
    i = j + 1;
    // RCDATA and raw text: the content is text up to the matching end tag.
    if (name === 'textarea' || name === 'title' || name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end < 0 ? html.length : end;
    }
  }
  return tags;
}

const SCRIPT_ELEMENTS = new Set([
  'script',
  'img',
  'svg',
  'iframe',
  'object',
  'embed',
  'math',
  'style',
  'base',
  'frame',
  'frameset',
  'applet',
  'video',
  'audio',
  'source',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcdoc',
]);

/** Everything in `html` that could run script; an empty list for an inert page. */
export function scriptHazards(html: string): string[] {
  const problems: string[] = [];
  for (const tag of scanTags(html)) {
    if (SCRIPT_ELEMENTS.has(tag.name)) problems.push(`<${tag.name}> element`);
    if (tag.name === 'meta' && tag.attributes.some((a) => a.name === 'http-equiv' && /refresh/i.test(a.value)))
      problems.push('meta refresh');
    for (const a of tag.attributes) {
      if (a.name.startsWith('on')) problems.push(`${a.name}= attribute on <${tag.name}>`);
      // eslint-disable-next-line no-control-regex
      const url = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.has(a.name) && /^(javascript|vbscript|data):/.test(url))
        problems.push(`${a.name}="${a.value.slice(0, 40)}" on <${tag.name}>`);
    }
  }
  return problems;
}
