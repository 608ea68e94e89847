/** sitemap.xml: every public page in every language, each with its hreflang alternates. */
import { escapeHtml } from '@kitajs/html';
import { LANGS } from '#src/domain/languages.ts';
import { inLang } from './urls.ts';

/** The sitemap of the pages at `rests` (paths without the language prefix) under `baseUrl`. */
export function renderSitemap(baseUrl: string, rests: readonly string[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
  ];
  for (const rest of rests) {
    const alternates =
      LANGS.map(
        (l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeHtml(baseUrl + inLang(l, rest))}"/>`,
      ).join('') +
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(baseUrl + inLang('fi', rest))}"/>`;
    for (const lang of LANGS) {
      out.push(`<url><loc>${escapeHtml(baseUrl + inLang(lang, rest))}</loc>${alternates}</url>\n`);
    }
  }
  out.push('</urlset>\n');
  return out.join('');
}
