/**
 * A strict little XML reader for tests of generated SVG: it fails on anything that is not
 * well-formed XML (unbalanced or crossed tags, an unquoted or repeated attribute, a raw `<` or `&`
 * in text or attribute values, more than one root) and gives back an element tree to query.
 */
import assert from 'node:assert/strict';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), children's text not included. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAME = '[A-Za-z_][\\w.:-]*';

function decode(raw: string, where: string): string {
  assert.ok(!raw.includes('<'), `${where}: raw "<" in ${JSON.stringify(raw)}`);
  const stripped = raw.replace(ENTITY, '');
  assert.ok(!stripped.includes('&'), `${where}: a bare "&" in ${JSON.stringify(raw)}`);
  return raw.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
    named ? ENTITIES[named]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
}

/** Parses `xml` (one root element); fails the test with the offset and the reason when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>|<!--[\\s\\S]*?-->`, 'y');
  const attr = new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt === -1 ? xml.length : lt);
    if (text.length) {
      const parent = stack.at(-1);
      if (!parent)
        assert.ok(text.trim() === '', `text outside the root at ${pos}: ${JSON.stringify(text.slice(0, 40))}`);
      else parent.text += decode(text, `text at ${pos}`);
    }
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    assert.ok(m, `malformed tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 60))}`);
    pos = tag.lastIndex;
    if (m[0].startsWith('<!--')) continue;
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      assert.ok(!attrText && !selfClosing, `closing tag with attributes at ${lt}`);
      const open = stack.pop();
      assert.equal(open?.name, name, `</${name}> at ${lt} closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const el: XmlElement = { name: name!, attrs: {}, children: [], text: '' };
    for (const a of attrText!.matchAll(attr)) {
      assert.ok(!(a[1]! in el.attrs), `<${name}> at ${lt}: attribute ${a[1]} twice`);
      el.attrs[a[1]!] = decode(a[2]!, `<${name}> ${a[1]} at ${lt}`);
    }
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else {
      assert.equal(root, null, `a second root element <${name}> at ${lt}`);
      root = el;
    }
    if (!selfClosing) stack.push(el);
  }
  assert.equal(stack.length, 0, `unclosed <${stack.at(-1)?.name}>`);
  assert.ok(root, 'no root element');
  return root;
}

/** Every element below (and including) `el` for which `match` holds, in document order. */
export function findAll(el: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (match(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** Elements with the class `name` (one of the words of `class`). */
export const byClass =
  (name: string) =>
  (e: XmlElement): boolean =>
    (e.attrs.class ?? '').split(/\s+/).includes(name);

/** The text of `el` and all its descendants, in order. */
export function deepText(el: XmlElement): string {
  return el.text + el.children.map(deepText).join('');
}
