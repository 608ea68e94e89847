/** Helpers of the public-site tests: fetch a page in-process and check what every page must have. */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { all, attr, parseHtml } from '../support/html.ts';

export const PROGRAMME = '/kymenlaakso/2022-2025/';
export const THEME = `${PROGRAMME}innovatiivinen-kymenlaakso/`;
/** The second priority of the first theme: it has both a previous and a next priority. */
export const PRIORITY = `${THEME}alykas-erikoistuminen-ja-tki/`;
export const FIRST_PRIORITY = `${THEME}uudistuva-elinkeinoelama/`;
/** inject() answers with Host `localhost:80`. */
export const ORIGIN = 'http://localhost:80';

export async function get(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers });
}

/** The text of the first element matching `selector` (tags inside removed, entities left as sent). */
export function textOf(html: string, selector: string): string {
  return parseHtml(html).querySelector(selector)?.rawText.trim() ?? '';
}

/**
 * Checks what every public page has: status 200 HTML, `<html lang>`, a title ending in
 * `· Suunta`, a meta description, canonical and hreflang links (fi, sv, en, x-default), the skip
 * link, the landmarks, the language switcher with lang/hreflang, unique ids, and no inline style
 * or script (the CSP forbids them).
 */
export function assertPage(res: LightMyRequestResponse, lang: Lang, rest: string): string {
  assert.equal(res.statusCode, 200, `${lang}${rest}: status`);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  const html = res.body;
  assert.ok(html.startsWith('<!doctype html>'), 'doctype');
  assert.match(html, new RegExp(`<html lang="${lang}">`));
  assert.match(textOf(html, 'title'), / · Suunta$/);
  assert.match(html, /<meta name="description" content="[^"]{10,}"\/>/);
  assert.ok(html.includes(`<link rel="canonical" href="${ORIGIN}/${lang}${rest}"/>`), `${lang}${rest}: canonical`);
  for (const l of LANGS)
    assert.ok(html.includes(`<link rel="alternate" hreflang="${l}" href="${ORIGIN}/${l}${rest}"/>`), `hreflang ${l}`);
  assert.ok(
    html.includes(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}/fi${rest}"/>`),
    'hreflang x-default',
  );
  const page = parseHtml(html);
  assert.equal(attr(page, 'a.skip-link', 'href'), '#main', 'skip link');
  assert.ok(page.querySelector('main#main'), 'main landmark');
  for (const landmark of ['header', 'nav', 'footer']) assert.ok(page.querySelector(landmark), landmark);
  for (const l of LANGS.filter((x) => x !== lang)) {
    const switcher = all(page, `a[lang="${l}"][hreflang="${l}"]`).map((a) => a.getAttribute('href') ?? '');
    assert.ok(
      switcher.some((href) => href.startsWith(`/${l}${rest}`)),
      `switcher link to ${l}: ${switcher.join(', ')}`,
    );
  }
  assert.doesNotMatch(html, /\sstyle=|<style|<script/i, 'no inline style or script');
  const ids = all(page, '[id]').map((el) => el.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
  return html;
}
