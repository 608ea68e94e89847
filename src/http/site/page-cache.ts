/**
 * Rendered pages kept in memory for the current content generation: a bounded LRU of response
 * bodies with their ETags, emptied as soon as the generation changes.
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

export class PageCache<T = CachedResponse> {
  private readonly entries = new Map<string, T>();
  private generation = -1;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** The response cached under `key` for `generation`; a newer generation empties the cache first. */
  get(key: string, generation: number): T | undefined {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
      return undefined;
    }
    const hit = this.entries.get(key);
    if (hit && this.entries.size > this.maxEntries / 2) {
      // Keep recently used entries at the young end (only worth it once the cache fills up).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /**
   * Stores `response` for `generation`: a newer generation empties the cache first; an older one
   * (the cache moved on while the page was rendered) is not stored.
   */
  set(key: string, generation: number, response: T): void {
    if (generation < this.generation) return;
    if (generation > this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    this.entries.set(key, response);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
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
