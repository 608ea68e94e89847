/**
 * Anonymous admin requests answer alike whether what the address names exists or not: for every
 * admin route pattern, an address of things that exist (the seeded region, programme, version,
 * node, term, office, user) and one of things that do not get the same status, the same headers
 * (apart from date and length) and the same body once the address itself is blanked out; GET,
 * POST with a form, and POST with a multipart or JSON body (decided before any body is parsed).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '#src/http/app.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';

const EXISTING: Record<string, string> = {
  code: '08',
  slug: '2022-2025',
  number: '2',
  key: 'uudistuva-elinkeinoelama',
  id: '1',
  taxonomy: 'crosscutting',
  term: 'digitalisation',
  kind: 'offices',
  '*': 'regions/08',
};
const MISSING: Record<string, string> = {
  code: '98',
  slug: 'ei-ole-olemassa',
  number: '97',
  key: 'ei-ole-solmua',
  id: '999999',
  taxonomy: 'ei-ole',
  term: 'ei-ole',
  kind: 'ei-ole',
  '*': 'regions/98',
};

const fill = (url: string, values: Record<string, string>): string =>
  url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => values[name] ?? 'x').replace('*', values['*']!);

/** What must match: status, headers without date/length, body and location with the address blanked. */
function shape(res: LightMyRequestResponse, url: string): unknown {
  const blank = (s: string): string => s.split(url).join('<url>').split(encodeURIComponent(url)).join('<url>');
  const headers = Object.fromEntries(
    Object.entries(res.headers)
      .filter(([k]) => k !== 'date' && k !== 'content-length')
      .map(([k, v]) => [k, blank(String(v))]),
  );
  return { status: res.statusCode, headers, body: blank(res.body) };
}

for (const target of databaseTargets()) {
  describe(`anonymous admin requests answer alike for what exists and what does not (${target.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    const patterns = new Set<string>();

    before(async () => {
      ctx = await openTestContext(target);
      app = await buildApp(ctx, {
        onRoute: (route: RouteOptions) => {
          const rule = (route.config as { adminRule?: { kind: string } } | undefined)?.adminRule;
          // Public forms (a consultation's comment form) are public pages: anyone may see what exists.
          const open = rule?.kind === 'public' || rule?.kind === 'public-form';
          if (rule && !open && route.url.includes(':')) patterns.add(route.url);
        },
      });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await ctx?.close();
    });

    test('every admin route with parameters, GET and POST, several bodies', async () => {
      assert.ok(patterns.size >= 20, `found ${patterns.size} patterns`);
      const bodies = [
        { 'content-type': 'application/x-www-form-urlencoded', payload: 'region=08&title=x' },
        {
          'content-type': 'multipart/form-data; boundary=b',
          payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--b--\r\n',
        },
        { 'content-type': 'application/json', payload: '{"region":"08"' },
      ];
      for (const pattern of [...patterns, '/admin/*']) {
        const yes = fill(pattern, EXISTING);
        const no = fill(pattern, MISSING);
        for (const accept of ['text/html', 'application/json']) {
          const get = async (url: string) => shape(await app.inject({ method: 'GET', url, headers: { accept } }), url);
          assert.deepEqual(await get(no), await get(yes), `GET ${pattern} (${accept})`);
          for (const b of bodies) {
            const post = async (url: string) =>
              shape(
                await app.inject({
                  method: 'POST',
                  url,
                  headers: { accept, 'content-type': b['content-type'] },
                  payload: b.payload,
                }),
                url,
              );
            const answer = await post(yes);
            assert.deepEqual(await post(no), answer, `POST ${pattern} (${b['content-type']}, ${accept})`);
            assert.equal((answer as { status: number }).status, 401, `POST ${pattern} (${b['content-type']}): 401`);
          }
        }
      }
    });
  });
}
