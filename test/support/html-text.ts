/**
 * Reading rendered pages as a browser does (parse5, the WHATWG HTML parser): elements by tag and
 * attribute, an element's text, and the visible text nodes of a page with their enclosing elements.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export function parseHtml(html: string): DefaultTreeAdapterMap['document'] {
  return parse(html);
}

function childrenOf(node: Node): Node[] {
  const kids = 'childNodes' in node ? (node as ParentNode).childNodes : [];
  // <template> keeps its children in `content`.
  return 'content' in node ? [...kids, ...(node as DefaultTreeAdapterMap['template']).content.childNodes] : kids;
}

/** Every element under `root` (document order) for which `match` holds. */
export function findAll(root: Node, match: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node && match(node)) out.push(node);
    for (const child of childrenOf(node)) walk(child);
  };
  walk(root);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The text content of `node`, whitespace collapsed. */
export function textContent(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    for (const child of childrenOf(n)) walk(child);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** What a visitor can read: a text node and the tag names of the elements around it (innermost last). */
export interface VisibleText {
  text: string;
  ancestors: Element[];
}

const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'head']);

/**
 * The visible text nodes of a page (the `<title>` too): not inside script, style, template or
 * elements with `hidden`. Visually hidden text for screen readers counts: it is read aloud.
 */
export function visibleTexts(html: string): VisibleText[] {
  const doc = parseHtml(html);
  const out: VisibleText[] = [];
  const walk = (node: Node, ancestors: Element[]): void => {
    if ('tagName' in node) {
      if (node.tagName === 'title') {
        out.push({ text: textContent(node), ancestors: [...ancestors, node] });
        return;
      }
      if (INVISIBLE.has(node.tagName) || attr(node, 'hidden') !== undefined) {
        if (node.tagName === 'head') for (const child of childrenOf(node)) walk(child, [...ancestors, node]);
        return;
      }
      ancestors = [...ancestors, node];
    } else if (node.nodeName === '#text') {
      const text = (node as DefaultTreeAdapterMap['textNode']).value;
      if (text.trim()) out.push({ text, ancestors });
      return;
    }
    for (const child of childrenOf(node)) walk(child, ancestors);
  };
  walk(doc, []);
  return out;
}
