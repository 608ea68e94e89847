/** Helpers of the public-site tests: fetch a page in-process and check what every page must have. */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { LANGS, type Lang } from '#src/domain/languages.ts';

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

/** The text of the first element matching `tag` (tags inside removed, entities left as sent). */
export function textOf(html: string, tag: string): string {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, '').trim() : '';
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
  assert.match(html, /<a class="skip-link" href="#main">/);
  assert.match(html, /<main id="main"/);
  for (const landmark of ['<header', '<nav', '<footer']) assert.ok(html.includes(landmark), landmark);
  for (const l of LANGS.filter((x) => x !== lang)) {
    assert.match(
      html,
      new RegExp(`<a href="/${l}${rest.replace(/[.?*+]/g, '\\$&')}[^"]*" lang="${l}" hreflang="${l}">`),
      `switcher link to ${l}`,
    );
  }
  assert.doesNotMatch(html, /\sstyle=|<style|<script/i, 'no inline style or script');
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
  return html;
}
