/**
 * Rendered pages kept in memory: a bounded LRU of response bodies with their ETags, each entry
 * valid while the content it shows is unchanged (docs/freshness.md).
 */
import { createHash } from 'node:crypto';

export interface CachedResponse {
  body: Buffer;
  etag: string;
  contentType: string;
}

export function makeResponse(body: string, contentType: string): CachedResponse {
  const buffer = Buffer.from(body, 'utf8');
  const etag = `"${createHash('sha1').update(buffer).digest('base64url')}"`;
  return { body: buffer, etag, contentType };
}

/**
 * A bounded LRU of responses, each kept with the stamp of the content it was made from
 * (services/freshness.ts): an entry answers only while the stamp of its content is unchanged, so
 * a change drops just the pages that show the changed content.
 */
export class PageCache<T = CachedResponse> {
  private readonly entries = new Map<string, { stamp: number; value: T }>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** The response cached under `key` for `stamp`; one made for another stamp is dropped. */
  get(key: string, stamp: number): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.stamp !== stamp) {
      if (hit.stamp < stamp) this.entries.delete(key);
      return undefined;
    }
    if (this.entries.size > this.maxEntries / 2) {
      // Keep recently used entries at the young end (only worth it once the cache fills up).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit.value;
  }

  /**
   * Stores `response` for `stamp`, unless the entry held is newer (the content changed again
   * while the page was rendered).
   */
  set(key: string, stamp: number, response: T): void {
    const held = this.entries.get(key);
    if (held && held.stamp > stamp) return;
    if (held) this.entries.delete(key);
    this.entries.set(key, { stamp, value: response });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Drops the entry under `key`. */
  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** True when an If-None-Match header names `etag` (or is `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
