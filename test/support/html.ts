/**
 * HTML queries for tests: pages are parsed (node-html-parser) and inspected by CSS selector, not
 * matched with regular expressions, so attribute order, whitespace and nesting do not matter; and
 * the visible text nodes of a page with their enclosing elements, read as a visitor reads them.
 */
import assert from 'node:assert/strict';
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';

/** A parsed page or fragment; anything below accepts either the HTML text or this. */
export type Html = string | HTMLElement;

/** Parses `html` (a page or a fragment). */
export function parseHtml(html: Html): HTMLElement {
  return typeof html === 'string' ? parse(html, { comment: false }) : html;
}

/** Every element matching `selector`. */
export function all(html: Html, selector: string): HTMLElement[] {
  return parseHtml(html).querySelectorAll(selector);
}

/** The first element matching `selector`; fails the test when there is none. */
export function one(html: Html, selector: string): HTMLElement {
  const el = parseHtml(html).querySelector(selector);
  assert.ok(el, `no element matches ${selector}`);
  return el;
}

/** The text of the first element matching `selector` (entities decoded, trimmed); '' when there is none. */
export function text(html: Html, selector: string): string {
  return parseHtml(html).querySelector(selector)?.text.trim() ?? '';
}

/** The texts of every element matching `selector` (entities decoded, trimmed). */
export function texts(html: Html, selector: string): string[] {
  return all(html, selector).map((el) => el.text.trim());
}

/** The value of attribute `name` of the first element matching `selector` (undefined when absent). */
export function attr(html: Html, selector: string, name: string): string | undefined {
  return parseHtml(html).querySelector(selector)?.getAttribute(name);
}

/** The links matching `selector` (default: every `a[href]`): href and text. */
export function links(html: Html, selector = 'a[href]'): { href: string; text: string }[] {
  return all(html, selector).map((a) => ({ href: a.getAttribute('href') ?? '', text: a.text.trim() }));
}

/**
 * The cell texts of each body row of the first table whose caption is `caption` (a string: the
 * caption's whole text; a RegExp: matched against it).
 */
export function tableRows(html: Html, caption: string | RegExp): string[][] {
  const matches = (c: string): boolean => (typeof caption === 'string' ? c === caption : caption.test(c));
  const table = all(html, 'table').find((t) => matches(t.querySelector('caption')?.text.trim() ?? ''));
  assert.ok(table, `no table captioned ${caption}`);
  return table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text));
}

/**
 * The `[name, value]` pairs a browser would send for `form` without pressing a button: inputs
 * (checked ones only for check boxes and radio buttons), textareas and the selected option of
 * each select (else its first), in document order.
 */
export function formEntries(form: HTMLElement): [string, string][] {
  const entries: [string, string][] = [];
  for (const el of form.querySelectorAll('input, textarea, select')) {
    const name = el.getAttribute('name');
    if (!name || el.hasAttribute('disabled')) continue;
    if (el.tagName === 'INPUT') {
      const type = el.getAttribute('type') ?? 'text';
      if (['submit', 'button', 'reset', 'file', 'image'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
      entries.push([name, el.getAttribute('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
    } else if (el.tagName === 'TEXTAREA') {
      entries.push([name, el.text.replace(/^\n/, '')]);
    } else {
      const option = el.querySelector('option[selected]') ?? el.querySelector('option');
      entries.push([name, option?.getAttribute('value') ?? option?.text ?? '']);
    }
  }
  return entries;
}

/** The text of `el` (entities decoded), white space collapsed and trimmed. */
export function textContent(el: HTMLElement): string {
  return el.text.replace(/\s+/g, ' ').trim();
}

/** What a visitor can read: a text node and the elements around it (innermost last). */
export interface VisibleText {
  text: string;
  ancestors: HTMLElement[];
}

const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'head']);

/**
 * The visible text nodes of a page (the `<title>` too): not inside script, style, template or
 * elements with `hidden`. Visually hidden text for screen readers counts: it is read aloud.
 */
export function visibleTexts(html: Html): VisibleText[] {
  const out: VisibleText[] = [];
  const walk = (node: Node, ancestors: HTMLElement[]): void => {
    if (node instanceof HTMLElement) {
      // The parsed document itself is an element without a tag name.
      const tag = (node.rawTagName ?? '').toLowerCase();
      if (tag === 'title') {
        out.push({ text: textContent(node), ancestors: [...ancestors, node] });
        return;
      }
      if (INVISIBLE.has(tag) || node.hasAttribute('hidden')) {
        if (tag === 'head') for (const child of node.childNodes) walk(child, [...ancestors, node]);
        return;
      }
      if (tag !== '') ancestors = [...ancestors, node];
    } else if (node instanceof TextNode) {
      if (node.text.trim()) out.push({ text: node.text, ancestors });
      return;
    }
    for (const child of node.childNodes) walk(child, ancestors);
  };
  // node-html-parser keeps the doctype as text.
  walk(parseHtml(typeof html === 'string' ? html.replace(/^\s*<!doctype[^>]*>/i, '') : html), []);
  return out;
}
