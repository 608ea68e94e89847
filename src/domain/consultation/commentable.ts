/**
 * The text of a node that residents comment on, in one language: the visitor's language when the
 * node has its body (or, without a body, its summary) in it, else the fallback the site shows
 * (Finnish first). Summary and body are taken in the same language, so that the paragraph numbers
 * the page shows and the anchors the service stores are counted in one text.
 */
import { pickText, type Lang, type LocalizedText } from '../languages.ts';
import type { NodeText } from './paragraphs.ts';

export function commentableText(
  node: { summary: LocalizedText | null; body: LocalizedText | null },
  lang: Lang,
): { lang: Lang; text: NodeText } {
  const picked = pickText(node.body, lang) ?? pickText(node.summary, lang);
  const textLang = (picked?.lang ?? lang) as Lang;
  const field = (t: LocalizedText | null): string | null => {
    const v = t?.[textLang];
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  };
  return { lang: textLang, text: { summary: field(node.summary), body: field(node.body) } };
}
