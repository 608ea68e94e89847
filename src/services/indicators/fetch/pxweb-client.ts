/**
 * Runs a saved query against its PxWeb source and returns the answers as they came (the parser
 * and the reviewed import read them; nothing is written here).
 *
 * - PxWeb v1: the data is POSTed to the table URL; its metadata is a GET on the same URL.
 * - PxWebApi 2: the data is a GET on `/tables/{id}/data?…`, the metadata
 *   `/tables/{id}/metadata?lang=…&outputFormat=json-stat2`,
 *   and the limits (`maxDataCells`, `maxCallsPerTimeWindow` per `timeWindow` seconds) come from
 *   `/config` unless given.
 *
 * The metadata is asked for only when a selection needs it (`all`, `top`) or the query is over
 * the cell limit (to cut it along the time variable). The parts run one after another within
 * the source's rate limit; a 429 waits as `Retry-After` says (a bounded number of times); an
 * answer "too many cells" (413; for PxWebApi 2 also 403, as PxAPI-2.yml specifies) halves the
 * part and asks again; a call that hangs is cut off; an answer that is not JSON is refused.
 */
import {
  halveQuery,
  needsMetadata,
  readTableMetadata,
  splitQuery,
  cellCount,
  type TableMetadata,
} from '#src/domain/indicators/query-split.ts';
import {
  dataUrl,
  pxwebApi2Url,
  pxwebV1Body,
  pxwebV1TableUrl,
  type SavedQuery,
} from '#src/domain/indicators/saved-query.ts';
import {
  createRateLimiter,
  realNow,
  realSleep,
  retryAfterMs,
  type Now,
  type RateLimiter,
  type Sleep,
} from './rate-limit.ts';

/** One answer of the source. */
export interface FetchedResponse {
  url: string;
  method: 'GET' | 'POST';
  /** The JSON body POSTed (PxWeb v1), or null for a GET. */
  requestBody: string | null;
  /** The answer's body as received (the JSON text, not parsed). */
  body: string;
  /** When the answer arrived, ISO 8601. */
  retrievedAt: string;
  /** The part of the saved query this answer is for (`all`/`top` resolved to codes). */
  query: SavedQuery;
  /** Cells the part asked for. */
  cells: number;
}

/** The limits of one statistics source. */
export interface SourceLimits {
  maxCells: number;
  callsPerWindow: number;
  windowMs: number;
}

/**
 * Statistics Finland's PxWeb v1 (pxdata.stat.fi): 10 calls in 10 seconds; 120 000 cells a call
 * (`max_values_to_download` of statfin.stat.fi in rOpenGov's PxWeb API catalogue).
 */
export const STATFIN_V1_LIMITS: SourceLimits = { maxCells: 120_000, callsPerWindow: 10, windowMs: 10_000 };

export interface FetchOptions {
  fetch?: typeof globalThis.fetch;
  sleep?: Sleep;
  /** Milliseconds since the epoch (default Date.now). */
  now?: Now;
  /** Cells a call may ask for (v1 default 120 000; v2 default: `/config` maxDataCells). */
  maxCells?: number;
  /** Calls allowed in `windowMs` (v1 default 10 in 10 000 ms; v2 default from `/config`). */
  callsPerWindow?: number;
  windowMs?: number;
  /** Share one limiter between the queries run against the same source (overrides callsPerWindow/windowMs). */
  limiter?: RateLimiter;
  /** Retries of a call answered 429 before giving up (default 3). */
  maxRetries?: number;
  /** Longest wait a Retry-After may ask for before giving up (default 120 000 ms). */
  maxRetryWaitMs?: number;
  /** Time a call may take, answer body included (default 30 000 ms). */
  timeoutMs?: number;
  /** The table's metadata, when the caller has it already (no metadata call is made). */
  metadata?: TableMetadata;
}

/** A call that failed: the message names the method, the URL and what went wrong. */
export class StatisticsFetchError extends Error {
  readonly url: string;
  /** The HTTP status, or null when there was no answer. */
  readonly status: number | null;
  constructor(message: string, url: string, status: number | null) {
    super(message);
    this.name = 'StatisticsFetchError';
    this.url = url;
    this.status = status;
  }
}

interface Request {
  method: 'GET' | 'POST';
  url: string;
  body: string | null;
}

interface Answer {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
  retrievedAt: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_RETRY_WAIT_MS = 120_000;

/** Runs `query` (cut under the cell limit) and returns one answer per part, in order. */
export async function fetchSavedQuery(query: SavedQuery, options: FetchOptions = {}): Promise<FetchedResponse[]> {
  const now = options.now ?? realNow;
  const sleep = options.sleep ?? realSleep;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;

  // Until the limits are known (v2: before /config answers), the config call runs under the v1 defaults.
  let limiter =
    options.limiter ??
    createRateLimiter({
      callsPerWindow: options.callsPerWindow ?? STATFIN_V1_LIMITS.callsPerWindow,
      windowMs: options.windowMs ?? STATFIN_V1_LIMITS.windowMs,
      now,
      sleep,
    });

  const call = async (request: Request): Promise<Answer> => {
    for (let attempt = 0; ; attempt++) {
      await limiter.take();
      const answer = await send(doFetch, request, timeoutMs, now);
      if (answer.status !== 429) return answer;
      const header = answer.retryAfter;
      if (attempt >= maxRetries) {
        throw new StatisticsFetchError(
          `${request.method} ${request.url}: still 429 Too Many Requests after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}` +
            `${header === null ? '' : ` (last Retry-After: ${header})`}; the source limits its calls, try again later`,
          request.url,
          429,
        );
      }
      const wait = retryAfterMs(header, now()) ?? limiter.windowMs * 2 ** attempt;
      if (wait > maxRetryWaitMs) {
        throw new StatisticsFetchError(
          `${request.method} ${request.url}: 429 Too Many Requests asks to wait ${Math.ceil(wait / 1000)} s (Retry-After: ${header}), longer than the ${Math.ceil(maxRetryWaitMs / 1000)} s allowed`,
          request.url,
          429,
        );
      }
      await sleep(wait);
    }
  };

  const getJson = async (url: string): Promise<unknown> => {
    const request: Request = { method: 'GET', url, body: null };
    const answer = await call(request);
    if (answer.status < 200 || answer.status > 299) throw statusError(request, answer);
    return parseJson(request, answer);
  };

  let limits: SourceLimits = {
    maxCells: options.maxCells ?? STATFIN_V1_LIMITS.maxCells,
    callsPerWindow: limiter.callsPerWindow,
    windowMs: limiter.windowMs,
  };
  if (
    query.api === 'pxwebapi-2' &&
    (options.maxCells === undefined ||
      (options.limiter === undefined && (options.callsPerWindow === undefined || options.windowMs === undefined)))
  ) {
    const configUrl = pxwebApi2Url(query, 'config');
    const config = limitsFromConfig(await getJson(configUrl), configUrl);
    limits = {
      maxCells: options.maxCells ?? config.maxCells,
      callsPerWindow: options.callsPerWindow ?? config.callsPerWindow,
      windowMs: options.windowMs ?? config.windowMs,
    };
    if (options.limiter === undefined) {
      limiter = createRateLimiter({ callsPerWindow: limits.callsPerWindow, windowMs: limits.windowMs, now, sleep });
      // The /config call just made counts against the source's own window too.
      await limiter.take();
    }
  }

  let metadata: TableMetadata | null = options.metadata ?? null;
  if (metadata === null && (needsMetadata(query) || cellCount(query) > limits.maxCells)) {
    const url =
      query.api === 'pxweb-v1'
        ? pxwebV1TableUrl(query)
        : // As the PxWebApi 2 server links it (PxWeb.Api2.Server LinkCreator): JSON-stat 2.0, not json-px.
          pxwebApi2Url(query, `tables/${encodeURIComponent(query.table)}/metadata`, [
            ['lang', query.language],
            ['outputFormat', 'json-stat2'],
          ]);
    metadata = readTableMetadata(await getJson(url), `the metadata at ${url}`);
  }

  const pending = splitQuery(query, metadata, limits.maxCells);
  const out: FetchedResponse[] = [];
  while (pending.length > 0) {
    const part = pending.shift() as SavedQuery;
    const request: Request =
      part.api === 'pxweb-v1'
        ? { method: 'POST', url: dataUrl(part), body: JSON.stringify(pxwebV1Body(part)) }
        : { method: 'GET', url: dataUrl(part), body: null };
    const answer = await call(request);
    if (answer.status === 413 || (part.api === 'pxwebapi-2' && answer.status === 403)) {
      const halves = halveQuery(part);
      if (halves === null) {
        throw new StatisticsFetchError(
          `${request.method} ${request.url}: ${answer.status} ${answer.statusText || 'too many cells'} for a query of ${cellCount(part)} cell(s) that cannot be cut further`,
          request.url,
          answer.status,
        );
      }
      pending.unshift(...halves);
      continue;
    }
    if (answer.status < 200 || answer.status > 299) throw statusError(request, answer);
    parseJson(request, answer);
    out.push({
      url: request.url,
      method: request.method,
      requestBody: request.body,
      body: answer.body,
      retrievedAt: answer.retrievedAt,
      query: part,
      cells: cellCount(part),
    });
  }
  return out;
}

/** The limits a PxWebApi 2 `/config` answer states (`timeWindow` is in seconds). */
export function limitsFromConfig(config: unknown, url: string): SourceLimits {
  const record = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const read = (key: string): number => {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new StatisticsFetchError(
        `GET ${url}: the configuration has no ${key} as a positive whole number (got ${JSON.stringify(value)})`,
        url,
        200,
      );
    }
    return value;
  };
  return {
    maxCells: read('maxDataCells'),
    callsPerWindow: read('maxCallsPerTimeWindow'),
    windowMs: read('timeWindow') * 1000,
  };
}

async function send(
  doFetch: typeof globalThis.fetch,
  request: Request,
  timeoutMs: number,
  now: Now,
): Promise<Answer & { retryAfter: string | null }> {
  const what = `${request.method} ${request.url}`;
  try {
    const response = await doFetch(request.url, {
      method: request.method,
      headers:
        request.body === null
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json; charset=utf-8' },
      ...(request.body === null ? {} : { body: request.body }),
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return {
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
      body,
      retrievedAt: new Date(now()).toISOString(),
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new StatisticsFetchError(`${what}: no answer within ${timeoutMs / 1000} s`, request.url, null);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new StatisticsFetchError(
      `${what}: could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      request.url,
      null,
    );
  }
}

function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function statusError(request: Request, answer: Answer): StatisticsFetchError {
  return new StatisticsFetchError(
    `${request.method} ${request.url}: answered ${answer.status} ${answer.statusText}`.trimEnd() +
      (answer.body.trim() ? `: ${excerpt(answer.body)}` : ''),
    request.url,
    answer.status,
  );
}

function parseJson(request: Request, answer: Answer): unknown {
  try {
    return JSON.parse(answer.body.replace(/^\uFEFF/, ''));
  } catch {
    throw new StatisticsFetchError(
      `${request.method} ${request.url}: answered ${answer.status} with ${answer.contentType || 'no content type'}, not JSON` +
        (answer.body.trim() ? `: "${excerpt(answer.body)}"` : ' (an empty body)'),
      request.url,
      answer.status,
    );
  }
}
