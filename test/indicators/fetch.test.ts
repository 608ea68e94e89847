/**
 * The PxWeb client against a local server of the test's own that answers with the real files
 * of ../shared/data/pxweb/: cutting under the cell limit, rate-limit spacing, 429 with
 * Retry-After, 413 halving, time-outs, and the errors for a source that keeps refusing or
 * answers HTML. Waits go through a virtual clock (recorded, not sat through), except in the
 * one test that shows the default really waits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTableMetadata } from '#src/domain/indicators/query-split.ts';
import type { QuerySelection, SavedQuery } from '#src/domain/indicators/saved-query.ts';
import { fetchSavedQuery, StatisticsFetchError } from '#src/services/indicators/fetch/pxweb-client.ts';
import { createRateLimiter, retryAfterMs } from '#src/services/indicators/fetch/rate-limit.ts';
import { REAL_DATA, requireData } from '../support/real-data.ts';
import { startPxwebServer, V1_TABLE_PATH, virtualClock, type PxwebServer, type SeenRequest } from './pxweb-server.ts';

const all = (variable: string): QuerySelection => ({ variable, filter: 'all', values: ['*'] });
const items = (variable: string, ...values: string[]): QuerySelection => ({ variable, filter: 'item', values });

const VELK_VARIABLES = ['Vuosi', 'Tiedot', 'Maakunta', 'Viitehenkilön ikä', 'Asuntokunnat'];

function velkQuery(server: PxwebServer, selections: QuerySelection[]): SavedQuery {
  return {
    api: 'pxweb-v1',
    baseUrl: server.v1BaseUrl,
    table: 'velk/statfin_velk_pxt_13kt.px',
    language: 'fi',
    selections,
    format: 'json-stat2',
  };
}

/** One year of velk with everything else: 6 × 20 × 8 × 10 = 9 600 cells, codes from the real metadata. */
function oneYear(server: PxwebServer): QuerySelection[] {
  const meta = readTableMetadata(JSON.parse(server.files.velkMetadata), 'velk');
  return meta.variables.map((v) =>
    v.code === 'Vuosi' ? items('Vuosi', '2021') : { variable: v.code, filter: 'item', values: v.values },
  );
}

const dataRequests = (seen: SeenRequest[]): SeenRequest[] => seen.filter((r) => r.cells !== null);

/** Every cell the data requests asked for, as `code|code|…` in the order of `variables`. */
function askedCells(seen: SeenRequest[], variables: readonly string[]): string[] {
  return dataRequests(seen).flatMap((r) =>
    variables.reduce<string[]>(
      (acc, variable) =>
        acc.flatMap((prefix) => (r.selection?.[variable] ?? ['(eliminated)']).map((v) => `${prefix}|${v}`)),
      [''],
    ),
  );
}

async function withServer(
  run: (server: PxwebServer, clock: ReturnType<typeof virtualClock>) => Promise<void>,
): Promise<void> {
  requireData();
  const clock = virtualClock();
  const server = await startPxwebServer(clock.now);
  try {
    await run(server, clock);
  } finally {
    await server.close();
  }
}

async function failure(promise: Promise<unknown>): Promise<StatisticsFetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof StatisticsFetchError, `expected a StatisticsFetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('the fetch succeeded');
}

describe('PxWeb v1 (StatFin velk)', REAL_DATA, () => {
  test('a query over the cell limit is cut along the year; each POST is under the limit and together they ask for every cell once', () =>
    withServer(async (server, clock) => {
      const query = velkQuery(server, VELK_VARIABLES.map(all));
      const responses = await fetchSavedQuery(query, { ...clock, maxCells: 50_000 });

      assert.deepEqual(
        server.seen.map((r) => `${r.method} ${r.url}`),
        [`GET ${V1_TABLE_PATH}`, ...Array.from({ length: 4 }, () => `POST ${V1_TABLE_PATH}`)],
      );
      const posts = dataRequests(server.seen);
      assert.deepEqual(
        posts.map((r) => r.cells),
        [48_000, 48_000, 48_000, 48_000],
      );
      const cells = askedCells(server.seen, VELK_VARIABLES);
      assert.equal(cells.length, 20 * 6 * 20 * 8 * 10);
      assert.equal(new Set(cells).size, cells.length, 'no cell asked for twice');
      assert.deepEqual(
        posts.map((r) => r.selection?.['Vuosi']?.join(' ')),
        [
          '2002 2003 2004 2005 2006',
          '2007 2008 2009 2010 2011',
          '2012 2013 2014 2015 2016',
          '2017 2018 2019 2020 2021',
        ],
      );

      assert.equal(responses.length, 4);
      for (const [i, response] of responses.entries()) {
        assert.equal(response.url, `${server.origin}${V1_TABLE_PATH}`);
        assert.equal(response.method, 'POST');
        assert.equal(response.body, server.files.velkData, 'the body is returned as received');
        assert.equal(response.requestBody, posts[i]?.body);
        assert.equal(response.cells, 48_000);
        assert.equal(response.retrievedAt, new Date(clock.now()).toISOString());
      }
      // The POSTed body is the PxWeb v1 shape.
      assert.deepEqual(Object.keys(JSON.parse(posts[0]?.body ?? '{}')), ['query', 'response']);
      assert.deepEqual(JSON.parse(posts[0]?.body ?? '{}').response, { format: 'json-stat2' });
    }));

  test('a query that fits and selects items only is one POST, without a metadata call', () =>
    withServer(async (server, clock) => {
      const responses = await fetchSavedQuery(
        velkQuery(server, [items('Vuosi', '2002'), items('Tiedot', 'velat_yht')]),
        clock,
      );
      assert.deepEqual(
        server.seen.map((r) => r.method),
        ['POST'],
      );
      assert.equal(responses.length, 1);
      assert.deepEqual(clock.sleeps, []);
    }));

  test('calls are spaced to stay within the rate limit (2 calls a second here)', () =>
    withServer(async (server, clock) => {
      await fetchSavedQuery(velkQuery(server, VELK_VARIABLES.map(all)), {
        ...clock,
        maxCells: 50_000,
        callsPerWindow: 2,
        windowMs: 1000,
      });
      assert.equal(server.seen.length, 5);
      assert.deepEqual(clock.sleeps, [1000, 1000]);
      const at = server.seen.map((r) => r.at - (server.seen[0]?.at ?? 0));
      assert.deepEqual(at, [0, 0, 1000, 1000, 2000]);
      for (let i = 0; i + 2 < at.length; i++) {
        assert.ok((at[i + 2] ?? 0) - (at[i] ?? 0) >= 1000, `calls ${i}..${i + 2} within one second`);
      }
    }));

  test('the StatFin default is 10 calls in 10 seconds', () =>
    withServer(async (server, clock) => {
      await fetchSavedQuery(velkQuery(server, VELK_VARIABLES.map(all)), { ...clock, maxCells: 9_600 });
      assert.equal(server.seen.length, 21);
      assert.deepEqual(clock.sleeps, [10_000, 10_000]);
    }));

  test('429 with Retry-After in seconds: waits that long and asks again', () =>
    withServer(async (server, clock) => {
      server.scenario.tooManyRequests = { times: 1, retryAfter: '7' };
      const responses = await fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), clock);
      assert.deepEqual(clock.sleeps, [7000]);
      assert.deepEqual(
        server.seen.map((r) => r.at - (server.seen[0]?.at ?? 0)),
        [0, 7000],
      );
      assert.equal(responses.length, 1);
      assert.equal(responses[0]?.body, server.files.velkData);
    }));

  test('429 with Retry-After as an HTTP date: waits until then', () =>
    withServer(async (server, clock) => {
      server.scenario.tooManyRequests = { times: 1, retryAfter: new Date(clock.now() + 12_000).toUTCString() };
      await fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), clock);
      assert.deepEqual(clock.sleeps, [12_000]);
    }));

  test('a source that keeps answering 429 gives up after the retries, naming the URL', () =>
    withServer(async (server, clock) => {
      server.scenario.tooManyRequests = { times: 100, retryAfter: '1' };
      const error = await failure(
        fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), { ...clock, maxRetries: 2 }),
      );
      assert.equal(
        error.message,
        `POST ${server.origin}${V1_TABLE_PATH}: still 429 Too Many Requests after 2 retries (last Retry-After: 1); the source limits its calls, try again later`,
      );
      assert.equal(error.status, 429);
      assert.equal(server.seen.length, 3);
      assert.deepEqual(clock.sleeps, [1000, 1000]);
    }));

  test('a Retry-After longer than allowed is an error at once', () =>
    withServer(async (server, clock) => {
      server.scenario.tooManyRequests = { times: 1, retryAfter: '3600' };
      const error = await failure(fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), clock));
      assert.equal(
        error.message,
        `POST ${server.origin}${V1_TABLE_PATH}: 429 Too Many Requests asks to wait 3600 s (Retry-After: 3600), longer than the 120 s allowed`,
      );
      assert.deepEqual(clock.sleeps, []);
    }));

  test('413 (too many cells) halves the query until the source accepts it', () =>
    withServer(async (server, clock) => {
      server.scenario.tooLarge = { over: 2_500, status: 413 };
      const responses = await fetchSavedQuery(velkQuery(server, oneYear(server)), clock);
      assert.deepEqual(
        server.seen.map((r) => r.cells),
        [9_600, 4_800, 2_400, 2_400, 4_800, 2_400, 2_400],
      );
      assert.deepEqual(
        responses.map((r) => r.cells),
        [2_400, 2_400, 2_400, 2_400],
      );
      const accepted = server.seen.filter((r) => (r.cells ?? 0) <= 2_500);
      const cells = askedCells(accepted, VELK_VARIABLES);
      assert.equal(new Set(cells).size, 9_600);
      assert.equal(cells.length, 9_600);
    }));

  test('413 for a single cell is an error naming the URL', () =>
    withServer(async (server, clock) => {
      server.scenario.tooLarge = { over: 0, status: 413 };
      const error = await failure(fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002', '2003')]), clock));
      assert.equal(
        error.message,
        `POST ${server.origin}${V1_TABLE_PATH}: 413 Payload Too Large for a query of 1 cell(s) that cannot be cut further`,
      );
      assert.deepEqual(
        server.seen.map((r) => r.cells),
        [2, 1],
      );
    }));

  test('an HTML answer is refused, naming the URL, the status and the content type', () =>
    withServer(async (server, clock) => {
      server.scenario.fixed = {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html>\n<html><body>Palvelu on tilapäisesti poissa käytöstä.</body></html>',
      };
      const error = await failure(fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), clock));
      assert.equal(
        error.message,
        `POST ${server.origin}${V1_TABLE_PATH}: answered 200 with text/html; charset=utf-8, not JSON: ` +
          '"<!DOCTYPE html> <html><body>Palvelu on tilapäisesti poissa käytöstä.</body></html>"',
      );
      assert.equal(error.status, 200);
    }));

  test('an error status is reported with the URL and the start of the answer', () =>
    withServer(async (server, clock) => {
      server.scenario.fixed = { status: 400, contentType: 'text/plain', body: 'Parameter error' };
      const error = await failure(fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), clock));
      assert.equal(error.message, `POST ${server.origin}${V1_TABLE_PATH}: answered 400 Bad Request: Parameter error`);
    }));

  test('a call that hangs is cut off after the time-out', () =>
    withServer(async (server, clock) => {
      server.scenario.hang = true;
      const error = await failure(
        fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002')]), { ...clock, timeoutMs: 150 }),
      );
      assert.equal(error.message, `POST ${server.origin}${V1_TABLE_PATH}: no answer within 0.15 s`);
      assert.equal(error.status, null);
    }));

  test('an unknown table is a 404 error naming the URL', () =>
    withServer(async (server, clock) => {
      const query = { ...velkQuery(server, [all('Vuosi')]), table: 'velk/nope.px' };
      const error = await failure(fetchSavedQuery(query, clock));
      assert.match(error.message, new RegExp(`^GET ${server.v1BaseUrl}velk/nope\\.px: answered 404 Not Found: `));
    }));

  test('without an injected sleep the limiter really waits', () =>
    withServer(async (server) => {
      const started = performance.now();
      await fetchSavedQuery(velkQuery(server, [items('Vuosi', '2002', '2003')]), {
        maxCells: 1,
        callsPerWindow: 1,
        windowMs: 200,
      });
      // The metadata call and two POSTs (one cell each), one per 200 ms.
      assert.equal(server.seen.length, 3);
      assert.ok(performance.now() - started >= 390, 'three calls one per 200 ms took at least 400 ms');
    }));
});

describe('PxWebApi 2 (SCB TAB6471)', REAL_DATA, () => {
  function scbQuery(server: PxwebServer, selections: QuerySelection[]): SavedQuery {
    return {
      api: 'pxwebapi-2',
      baseUrl: server.v2BaseUrl,
      table: 'TAB6471',
      language: 'sv',
      selections,
      format: 'json-stat2',
    };
  }
  const ages = ['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90-99', '100+10'];

  test('the limits come from /config; a query over maxDataCells is cut along the time variable, within 3 calls a second', () =>
    withServer(async (server, clock) => {
      const query = scbQuery(server, [
        all('Region'),
        items('Alder', ...ages),
        all('Kon'),
        items('ContentsCode', '000007SF'),
        all('Tid'),
      ]);
      const responses = await fetchSavedQuery(query, clock);
      assert.deepEqual(
        server.seen.map((r) => new URL(r.url, server.origin).pathname),
        [
          '/api/v2/config',
          '/api/v2/tables/TAB6471/metadata',
          '/api/v2/tables/TAB6471/data',
          '/api/v2/tables/TAB6471/data',
        ],
      );
      assert.equal(new URL(server.seen[1]?.url ?? '', server.origin).search, '?lang=sv&outputFormat=json-stat2');
      const data = dataRequests(server.seen);
      assert.deepEqual(
        data.map((r) => r.cells),
        [312 * 11 * 3 * 8, 312 * 11 * 3 * 8],
      );
      assert.ok(data.every((r) => (r.cells ?? 0) <= 150_000));
      assert.equal(
        new Set(askedCells(server.seen, ['Region', 'Alder', 'Kon', 'ContentsCode', 'Tid'])).size,
        312 * 11 * 3 * 16,
      );
      assert.deepEqual(clock.sleeps, [1000]);
      const url = new URL(responses[0]?.url ?? '');
      assert.equal(url.searchParams.get('lang'), 'sv');
      assert.equal(url.searchParams.get('outputFormat'), 'json-stat2');
      assert.equal(
        url.searchParams.get('valuecodes[Tid]'),
        '2025M01,2025M02,2025M03,2025M04,2025M05,2025M06,2025M07,2025M08',
      );
      assert.equal(responses[0]?.method, 'GET');
      assert.equal(responses[0]?.requestBody, null);
      assert.equal(responses[0]?.body, server.files.v2Data);
    }));

  test('403 (PxAPI-2.yml: "number of cells exceed the API limit") halves the query', () =>
    withServer(async (server, clock) => {
      server.scenario.tooLarge = { over: 400, status: 403 };
      const query = scbQuery(server, [
        items('Region', '01', '03', '04'),
        items('Alder', ...ages),
        items('Kon', '1', '2'),
        items('Tid', '2026M01', '2026M02', '2026M03', '2026M04'),
      ]);
      const responses = await fetchSavedQuery(query, {
        ...clock,
        maxCells: 150_000,
        callsPerWindow: 3,
        windowMs: 1000,
      });
      assert.equal(server.seen[0]?.cells, 264);
      assert.equal(responses.length, 1, 'under the 400 cells the source allows: no halving needed');
      server.scenario.tooLarge = { over: 100, status: 403 };
      const halved = await fetchSavedQuery(query, { ...clock, maxCells: 150_000, callsPerWindow: 3, windowMs: 1000 });
      assert.deepEqual(
        server.seen.slice(1).map((r) => r.cells),
        [264, 144, 72, 72, 120, 72, 48],
      );
      assert.deepEqual(
        halved.map((r) => r.cells),
        [72, 72, 72, 48],
      );
    }));

  test('a /config without its limits is refused, naming the URL', () =>
    withServer(async (server, clock) => {
      server.files.v2Config = '{"maxDataCells": 0}';
      const error = await failure(fetchSavedQuery(scbQuery(server, [items('Tid', '2026M01')]), clock));
      assert.equal(
        error.message,
        `GET ${server.v2BaseUrl}config: the configuration has no maxDataCells as a positive whole number (got 0)`,
      );
    }));
});

describe('waiting rules', () => {
  test('Retry-After as seconds, as an HTTP date (past = 0) and unreadable', () => {
    const now = Date.parse('2026-05-04T06:00:00Z');
    assert.equal(retryAfterMs('2', now), 2000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs('Mon, 04 May 2026 06:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('Mon, 04 May 2026 05:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('-1', now), null);
    assert.equal(retryAfterMs('soon', now), null);
    assert.equal(retryAfterMs(null, now), null);
  });

  test('the sliding window lets callsPerWindow calls through, then waits for the oldest to leave it', async () => {
    const clock = virtualClock(0);
    const limiter = createRateLimiter({ callsPerWindow: 3, windowMs: 1000, ...clock });
    const at: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.take();
      at.push(clock.now());
      await clock.sleep(100); // the call itself takes 100 ms
    }
    assert.deepEqual(at, [0, 100, 200, 1000, 1100, 1200, 2000]);
  });
});
