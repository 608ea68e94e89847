/**
 * `suunta fetch statistics` against a PxWeb source of the test's own (real StatFin files, see
 * pxweb-server.ts): the indicator's saved query is run, the answer goes through the reviewed
 * import (diff printed; --dry-run writes nothing), and a failing source writes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { runCli, snapshotAt, tempFolder } from '../support/cli.ts';
import { REAL_DATA, requireData } from '../support/real-data.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { startPxwebServer, type PxwebServer } from './pxweb-server.ts';

const shipped = readFileSync(new URL('../../content/indicators/kymenlaakso.yaml', import.meta.url), 'utf8');

/** The shipped definitions with a saved query for the household debts against `baseUrl`. */
function withQuery(baseUrl: string): string {
  const query = [
    '      query:',
    '        api: pxweb-v1',
    `        baseUrl: ${baseUrl}`,
    '        table: velk/statfin_velk_pxt_13kt.px',
    '        language: fi',
    '        selections:',
    '          - { variable: Vuosi, filter: item, values: ["2002"] }',
    '          - { variable: Tiedot, filter: item, values: [velat_yht] }',
    '          - { variable: Maakunta, filter: item, values: [SSS] }',
    '          - { variable: "Viitehenkilön ikä", filter: item, values: [SSS] }',
    '          - { variable: Asuntokunnat, filter: item, values: [SSS] }',
    '        format: json-stat2',
  ].join('\n');
  const anchor =
    '      content: velat_yht\n      filters: { "Viitehenkilön ikä": SSS, Asuntokunnat: SSS }\n      licence: CC BY 4.0\n      frequency: annual\n';
  assert.ok(shipped.includes(anchor), 'the shipped file has the debts indicator');
  // The population's real query goes to the local server too (which does not serve that table).
  return shipped
    .replace(anchor, `${anchor}${query}\n`)
    .replace('https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/', baseUrl);
}

for (const target of databaseTargets()) {
  describe(`fetch statistics on ${target.name}`, REAL_DATA, () => {
    let ctx: AppContext;
    let url: string;
    let server: PxwebServer;
    const files = tempFolder('suunta-fetch-');
    before(async () => {
      requireData();
      ctx = await openTestContext(target);
      url = ctx.config.databaseUrl;
      server = await startPxwebServer(() => Date.now());
      const run = await runCli(['import', 'indicators', files.file('defs.yaml', withQuery(server.v1BaseUrl))], url);
      assert.equal(run.code, 0, run.err);
    });
    after(async () => {
      await server.close();
      await ctx.close();
    });

    test('the saved query is posted and the answer reviewed; the same figures change nothing', async () => {
      const run = await runCli(
        ['fetch', 'statistics', '--region', '08', '--indicator', 'asuntokuntien-velat', '--dry-run'],
        url,
      );
      assert.equal(run.code, 0, run.err);
      assert.match(
        run.out,
        /^asuntokuntien-velat: 1 answer\(s\) from http:\/\/127\.0\.0\.1:\d+\/PxWeb\/api\/v1\/fi\/StatFin\/\n/,
      );
      assert.match(run.out, /asuntokuntien-velat: 0 new, 0 revised, 0 withdrawn, 1 unchanged/);
      const post = server.seen.find((s) => s.method === 'POST');
      assert.deepEqual(post?.selection?.['Tiedot'], ['velat_yht']);
    });

    test('a revised answer is shown and written; a dry run writes nothing', async () => {
      server.scenario.fixed = {
        status: 200,
        contentType: 'application/json',
        body: server.files.velkData.replace('58443598209', '58443598210'),
      };
      const beforeSnap = await snapshotAt(url);
      const dry = await runCli(
        ['fetch', 'statistics', '--region', '08', '--indicator', 'asuntokuntien-velat', '--dry-run'],
        url,
      );
      assert.ok(dry.out.includes('    ~ SSS 2002: 58443598209 → 58443598210\n'), dry.out);
      assert.deepEqual(await snapshotAt(url), beforeSnap);
      const run = await runCli(['fetch', 'statistics', '--region', '08', '--indicator', 'asuntokuntien-velat'], url);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /Written as statistics import #\d+\./);
      delete server.scenario.fixed;
      const back = await runCli(['fetch', 'statistics', '--region', '08', '--indicator', 'asuntokuntien-velat'], url);
      assert.ok(back.out.includes('    ~ SSS 2002: 58443598210 → 58443598209\n'), back.out);
    });

    test('an HTML answer fails with the address and writes nothing; indicators without a query are skipped', async () => {
      server.scenario.fixed = { status: 200, contentType: 'text/html', body: '<html>maintenance</html>' };
      const beforeSnap = await snapshotAt(url);
      const run = await runCli(['fetch', 'statistics', '--region', '08', '--indicator', 'asuntokuntien-velat'], url);
      assert.equal(run.code, 1);
      assert.match(run.err, /statfin_velk_pxt_13kt\.px/);
      delete server.scenario.fixed;
      const all = await runCli(['fetch', 'statistics', '--region', '08'], url);
      assert.equal(all.code, 1, 'the population table is not served');
      assert.match(all.out, /^bkt-per-asukas: no saved query \(source\.query\), skipped$/m);
      assert.match(all.err, /statfin_vaerak_pxt_11ra\.px/);
      assert.deepEqual(await snapshotAt(url), beforeSnap);
    });
  });
}
