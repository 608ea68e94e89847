/**
 * The site's static files (public/site.css, public/admin.css, public/report.css, public/favicon.svg), read once into memory and served
 * under URLs that carry their content hash, so browsers may cache them for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '#src/config/config.ts';
import type { SiteChrome } from '#src/views/render-context.ts';

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  /** The URL pages link to, e.g. `/assets/site.css?v=3f2a…`. */
  href: string;
}

const FILES: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
  'admin.css': 'text/css; charset=utf-8',
  'report.css': 'text/css; charset=utf-8',
  'quote.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

let loaded: Map<string, Asset> | null = null;

/** Every asset by file name (loaded on first use). */
export function assets(): Map<string, Asset> {
  if (!loaded) {
    loaded = new Map();
    for (const [name, contentType] of Object.entries(FILES)) {
      const body = readFileSync(join(ROOT_DIR, 'public', name));
      const hash = createHash('sha1').update(body).digest('base64url').slice(0, 12);
      loaded.set(name, { body, contentType, etag: `"${hash}"`, href: `/assets/${name}?v=${hash}` });
    }
  }
  return loaded;
}

/** The asset URLs every page links to, with `baseUrl` for absolute links. */
export function chromeFor(baseUrl: string): SiteChrome {
  const all = assets();
  return {
    baseUrl,
    cssHref: all.get('site.css')!.href,
    iconHref: all.get('favicon.svg')!.href,
    quoteScriptHref: all.get('quote.js')!.href,
  };
}
