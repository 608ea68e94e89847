/**
 * A front cache for repeated GET requests of public pages: once the full pipeline (routing,
 * security headers, rendering) has answered a page with 200, the same request is answered
 * straight from memory (same bytes, same headers, ETag/304) before it reaches the framework,
 * until the content the page shows changes (docs/freshness.md). It works like a caching reverse
 * proxy inside the process.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentScope, Generations } from '#src/services/freshness.ts';
import { matchesEtag } from './page-cache.ts';

interface FrontEntry {
  body: Buffer;
  etag: string;
  /** The origin headers of the request it answered (one origin per URL is kept). */
  origin: string;
  /** Name, value, name, value… (the fastest form for writeHead). */
  headers: string[];
  notModifiedHeaders: string[];
  /** The content the page shows, and its stamp when the page was made. */
  scope: ContentScope;
  stamp: number;
  /** The generations last found to give `stamp` (the stamp need not be computed again for them). */
  checked: Generations | null;
}

/** Where the generations come from: a synchronous answer when one is fresh, else the database. */
export interface GenerationSource {
  fresh(): Generations | null;
  current(): Promise<Generations>;
}

const flat = (headers: OutgoingHttpHeaders): string[] =>
  Object.entries(headers).flatMap(([name, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  );

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The headers besides the URL that a page depends on (its absolute links use the host). */
function originOf(req: IncomingMessage): string {
  const h = req.headers;
  const forwardedHost = h['x-forwarded-host'];
  const forwardedProto = h['x-forwarded-proto'];
  return forwardedHost === undefined && forwardedProto === undefined
    ? (h.host ?? '')
    : `${h.host ?? ''}|${String(forwardedHost)}|${String(forwardedProto)}`;
}

/**
 * What a repeated request is answered by, read from the raw header list: node builds
 * `req.headers` (an object per request) only when asked, and the replay path need not ask. Gives
 * the same origin as `originOf` for requests without duplicated headers; any other request goes
 * through the framework.
 */
function scanRequest(req: IncomingMessage): { origin: string; ifNoneMatch: string | undefined } | null {
  const raw = req.rawHeaders;
  let host: string | undefined;
  let ifNoneMatch: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // Only the lengths of the names that matter are compared first (cheap), then the names.
    if (name.length === 4 && name.toLowerCase() === 'host') {
      if (host !== undefined) return null;
      host = raw[i + 1]!;
    } else if (name.length === 13 && name.toLowerCase() === 'if-none-match') {
      if (ifNoneMatch !== undefined) return null;
      ifNoneMatch = raw[i + 1]!;
    } else if ((name.length === 16 || name.length === 17) && /^x-forwarded-(host|proto)$/i.test(name)) return null;
  }
  return { origin: host ?? '', ifNoneMatch };
}

export class FrontCache {
  /** By URL, oldest first (a bounded LRU). */
  private readonly entries = new Map<string, FrontEntry>();
  /** Requests whose 200 answer may be replayed, with the content it shows. */
  private readonly marked = new WeakMap<IncomingMessage, { scope: ContentScope; stamp: number }>();

  constructor(
    private readonly source: GenerationSource,
    private readonly maxEntries = 2000,
  ) {}

  /** Notes that the page being sent for `request` is the cached page of `scope` at `stamp`. */
  mark(request: FastifyRequest, scope: ContentScope, stamp: number): void {
    if (request.method === 'GET') this.marked.set(request.raw, { scope, stamp });
  }

  /** A route onSend hook: keeps a marked 200 answer with the headers the pipeline gave it. */
  readonly onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const marked = this.marked.get(request.raw);
    if (marked === undefined || reply.statusCode !== 200 || !Buffer.isBuffer(payload)) return payload;
    const headers: OutgoingHttpHeaders = {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-length': payload.length,
    };
    // Never replay anything personal to another visitor.
    if (headers['set-cookie'] !== undefined || /private|no-store/.test(String(headers['cache-control'] ?? '')))
      return payload;
    const { 'content-type': _type, 'content-length': _length, ...notModifiedHeaders } = headers;
    const url = request.raw.url ?? '';
    const held = this.entries.get(url);
    if (held && held.stamp > marked.stamp) return payload;
    this.entries.delete(url);
    this.entries.set(url, {
      body: payload,
      etag: String(headers['etag'] ?? ''),
      origin: originOf(request.raw),
      headers: flat(headers),
      notModifiedHeaders: flat(notModifiedHeaders),
      scope: marked.scope,
      stamp: marked.stamp,
      checked: null,
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return payload;
  };

  /** Answers `req` from memory when it can; false means the framework must handle it. */
  private tryServe(req: IncomingMessage, res: ServerResponse, next: RequestListener): boolean {
    if (req.method !== 'GET') return false;
    const url = req.url ?? '';
    const entry = this.entries.get(url);
    if (!entry) return false;
    const seen = scanRequest(req);
    // Requests with forwarded or repeated headers take the framework's way (originOf then applies).
    if (seen === null || entry.origin !== seen.origin) return false;
    const fresh = this.source.fresh();
    if (fresh !== null) {
      if (fresh !== entry.checked) {
        if (fresh.stamp(entry.scope) !== entry.stamp) {
          this.entries.delete(url);
          return false;
        }
        entry.checked = fresh;
      }
      this.reply(res, entry, seen.ifNoneMatch);
      return true;
    }
    this.source.current().then(
      (generations) => {
        if (generations.stamp(entry.scope) === entry.stamp) this.reply(res, entry, seen.ifNoneMatch);
        else {
          if (this.entries.get(url) === entry) this.entries.delete(url);
          next(req, res);
        }
      },
      () => next(req, res),
    );
    return true;
  }

  private reply(res: ServerResponse, entry: FrontEntry, ifNoneMatch: string | undefined): void {
    if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, entry.etag)) {
      res.writeHead(304, entry.notModifiedHeaders);
      res.end();
    } else {
      res.writeHead(200, entry.headers);
      res.end(entry.body);
    }
  }

  /** Puts the cache in front of the framework's request listener on `app.server`. */
  install(app: FastifyInstance): void {
    const server = app.server;
    const listeners = server.listeners('request') as RequestListener[];
    if (listeners.length !== 1) return; // an unexpected server set-up: leave it alone
    const frameworkListener = listeners[0]!;
    server.removeListener('request', frameworkListener);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!this.tryServe(req, res, frameworkListener)) frameworkListener(req, res);
    });
  }
}
