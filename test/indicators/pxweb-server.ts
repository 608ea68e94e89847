/**
 * A PxWeb source of the tests' own: a node:http server on a free port that answers like
 * Statistics Finland's PxWeb v1 and Statistics Sweden's PxWebApi 2, with the real files of
 * ../shared/data/pxweb/, and counts the cells each data request asks for. Scenarios (429 with
 * Retry-After, 413 above a cell count, HTML, a hang) are switched on per test.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DATA_DIR } from '../support/real-data.ts';

export const V1_TABLE_PATH = '/PxWeb/api/v1/fi/StatFin/velk/statfin_velk_pxt_13kt.px';
export const V2_BASE_PATH = '/api/v2/';

export interface SeenRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  body: string;
  /** Cells a data request asked for (null for metadata and config). */
  cells: number | null;
  /** The selected codes per variable of a data request. */
  selection: Record<string, string[]> | null;
  /** The test's clock when the request arrived. */
  at: number;
}

export interface Scenario {
  /** Answer the first N data requests 429 with this Retry-After (null: no header). */
  tooManyRequests?: { times: number; retryAfter: string | null };
  /** Answer a data request over this many cells with this status (413; PxWebApi 2 specifies 403). */
  tooLarge?: { over: number; status: number };
  /** Answer every data request with this status and body instead. */
  fixed?: { status: number; contentType: string; body: string };
  /** Never answer a data request. */
  hang?: boolean;
}

export interface PxwebServer {
  origin: string;
  v1BaseUrl: string;
  v2BaseUrl: string;
  seen: SeenRequest[];
  scenario: Scenario;
  /** Files served, as text, by name. */
  files: { velkMetadata: string; velkData: string; v2Config: string; v2Metadata: string; v2Data: string };
  close(): Promise<void>;
}

const read = (file: string): string => readFileSync(join(DATA_DIR, 'pxweb', file), 'utf8');

export async function startPxwebServer(clock: () => number): Promise<PxwebServer> {
  const files = {
    velkMetadata: read('statfin/statfin-velk-metadata-fi.json'),
    velkData: read('statfin/statfin-velk-jsonstat2-fi.json'),
    v2Config: read('pxwebapi-v2-scb/config.json'),
    v2Metadata: read('pxwebapi-v2-scb/TAB6471-metadata-jsonstat2.json'),
    v2Data: read('pxwebapi-v2-scb/TAB6471-data-jsonstat2.json'),
  };
  const seen: SeenRequest[] = [];
  const scenario: Scenario = {};
  let dataRequests = 0;

  const answer = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record: SeenRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      body,
      cells: null,
      selection: null,
      at: clock(),
    };
    seen.push(record);
    let data: string | null = null;
    if (url.pathname === V1_TABLE_PATH && req.method === 'GET') return answer(res, 200, files.velkMetadata);
    if (url.pathname === V1_TABLE_PATH && req.method === 'POST') {
      const query = (JSON.parse(body) as { query: { code: string; selection: { values: string[] } }[] }).query;
      record.selection = Object.fromEntries(query.map((q) => [q.code, q.selection.values]));
      data = files.velkData;
    } else if (url.pathname === `${V2_BASE_PATH}config`) {
      return answer(res, 200, files.v2Config);
    } else if (url.pathname === `${V2_BASE_PATH}tables/TAB6471/metadata`) {
      return answer(res, 200, files.v2Metadata);
    } else if (url.pathname === `${V2_BASE_PATH}tables/TAB6471/data`) {
      record.selection = {};
      for (const [key, value] of url.searchParams) {
        const variable = /^valuecodes\[(.+)\]$/.exec(key)?.[1];
        if (variable !== undefined) record.selection[variable] = value.split(',');
      }
      data = files.v2Data;
    } else {
      return answer(res, 404, JSON.stringify({ title: 'Not Found', status: 404 }));
    }
    record.cells = Object.values(record.selection ?? {}).reduce((n, values) => n * values.length, 1);
    dataRequests++;
    if (scenario.hang) return;
    if (scenario.tooManyRequests && dataRequests <= scenario.tooManyRequests.times) {
      const { retryAfter } = scenario.tooManyRequests;
      return answer(
        res,
        429,
        JSON.stringify({ title: 'Too many requests', status: 429 }),
        retryAfter === null ? {} : { 'retry-after': retryAfter },
      );
    }
    if (scenario.tooLarge && record.cells > scenario.tooLarge.over) {
      return answer(
        res,
        scenario.tooLarge.status,
        JSON.stringify({ title: 'Too many cells', status: scenario.tooLarge.status }),
      );
    }
    if (scenario.fixed) {
      res.writeHead(scenario.fixed.status, { 'content-type': scenario.fixed.contentType });
      res.end(scenario.fixed.body);
      return;
    }
    answer(res, 200, data);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    v1BaseUrl: `${origin}/PxWeb/api/v1/fi/StatFin/`,
    v2BaseUrl: `${origin}${V2_BASE_PATH}`,
    seen,
    scenario,
    files,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A clock that moves only when slept on: the waits are recorded, not sat through. */
export function virtualClock(start = Date.parse('2026-05-04T06:00:00Z')): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
} {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
  };
}
