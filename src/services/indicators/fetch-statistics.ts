/**
 * `suunta fetch statistics`: every saved query of a region's indicators (or one indicator's) is
 * run against its statistics office — all of them first, so a failing call writes nothing — and
 * each answer then goes through the reviewed import (services/indicators/import-statistics.ts).
 * Calls to the same API share one rate-limit window.
 */
import { readSavedQuery, type SavedQuery } from '#src/domain/indicators/saved-query.ts';
import { notFound } from '#src/domain/errors.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Db } from '#src/storage/database.ts';
import { listIndicators } from '#src/storage/repositories/indicators-repository.ts';
import { fetchSavedQuery, STATFIN_V1_LIMITS, type FetchOptions, type FetchedResponse } from './fetch/pxweb-client.ts';
import { createRateLimiter, type RateLimiter } from './fetch/rate-limit.ts';
import { importStatistics, type StatisticsImportResult } from './import-statistics.ts';

export interface FetchStatisticsInput {
  region: string;
  indicator?: string;
  dryRun: boolean;
  actor: Actor;
  report: (text: string) => void;
  reviewText: (r: StatisticsImportResult) => string;
  /** Network options (tests give a local server's fetch and a virtual clock). */
  fetchOptions?: Omit<FetchOptions, 'limiter'>;
}

export async function fetchRegionStatistics(db: Db, input: FetchStatisticsInput): Promise<StatisticsImportResult[]> {
  const all = await listIndicators(db.kysely, input.region);
  const chosen = input.indicator ? all.filter((i) => i.code === input.indicator) : all;
  if (input.indicator && chosen.length === 0) throw notFound(`indicator ${input.indicator} of region ${input.region}`);
  const queries: { code: string; query: SavedQuery }[] = [];
  for (const ind of chosen) {
    if (!ind.source.query) {
      input.report(`${ind.code}: no saved query (source.query), skipped\n`);
      continue;
    }
    queries.push({ code: ind.code, query: readSavedQuery(ind.source.query, `indicator ${ind.code}: source.query`) });
  }
  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (q: SavedQuery): RateLimiter => {
    const key = `${q.api} ${new URL(q.baseUrl).origin}`;
    let l = limiters.get(key);
    if (!l) {
      l = createRateLimiter({
        callsPerWindow: input.fetchOptions?.callsPerWindow ?? STATFIN_V1_LIMITS.callsPerWindow,
        windowMs: input.fetchOptions?.windowMs ?? STATFIN_V1_LIMITS.windowMs,
        ...(input.fetchOptions?.now ? { now: input.fetchOptions.now } : {}),
        ...(input.fetchOptions?.sleep ? { sleep: input.fetchOptions.sleep } : {}),
      });
      limiters.set(key, l);
    }
    return l;
  };
  const answers: { code: string; response: FetchedResponse }[] = [];
  for (const { code, query } of queries) {
    const responses = await fetchSavedQuery(query, { ...input.fetchOptions, limiter: limiterFor(query) });
    input.report(`${code}: ${responses.length} answer(s) from ${query.baseUrl}\n`);
    for (const response of responses) answers.push({ code, response });
  }
  const results: StatisticsImportResult[] = [];
  for (const { code, response } of answers) {
    const result = await importStatistics(db, {
      bytes: new TextEncoder().encode(response.body),
      fileName: `${code} ${response.method} ${response.url}`,
      region: input.region,
      dryRun: input.dryRun,
      actor: input.actor,
      retrievedAt: response.retrievedAt,
    });
    input.report(input.reviewText(result));
    results.push(result);
  }
  return results;
}
