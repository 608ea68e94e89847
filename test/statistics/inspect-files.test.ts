/**
 * Every real file in ../shared/data/jsonstat and ../shared/data/pxweb (recursively) through
 * `suunta inspect statistics --json`, each with its expected outcome: the exact number of
 * observations per dataset, or the named error (exit 2, `file: path: reason`). Then spot checks of
 * exact values, codes, order and statuses, the human report, and that inspect never opens the database.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli, tempFolder } from '../support/cli.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../support/real-data.ts';

type Outcome = { observations: number[]; metadataOnly?: boolean } | { error: string };

const QUERY =
  '$: a PxWeb query, not a response: it holds no statistics (run it against the API and inspect the answer)';

/** Relative to ../shared/data. */
const EXPECTED: Record<string, Outcome> = {
  'jsonstat/cso-ie-NQQ25-jsonstat1.json': { observations: [1216] },
  'jsonstat/edge-three_dim_size_as_string_v2.json': { observations: [24] },
  'jsonstat/edge-three_dim_v1.json': { observations: [24] },
  'jsonstat/eurostat-wdds-v1.1-nama_gdp_c-geo_IT_FR.json': { observations: [138] },
  'jsonstat/eurostat-wdds-v1.1-nama_gdp_c.json': { observations: [3036] },
  'jsonstat/icane-cantabria-epa.json': { observations: [4205] },
  'jsonstat/jsonstat-dimension-class.json': {
    error: '$.class: a JSON-stat dimension document holds categories but no values; inspect a dataset that uses it',
  },
  'jsonstat/jsonstat-org-canada.json': { observations: [120] },
  'jsonstat/jsonstat-org-collection.json': { observations: [] },
  'jsonstat/jsonstat-org-galicia.json': { observations: [3956] },
  'jsonstat/jsonstat-org-hierarchy.json': { observations: [0] },
  'jsonstat/jsonstat-org-oecd-canada-col.json': { observations: [432, 120] },
  'jsonstat/jsonstat-org-oecd-canada.json': { observations: [432, 120] },
  'jsonstat/jsonstat-org-oecd.json': { observations: [432] },
  'jsonstat/jsonstat-org-order.json': { observations: [24] },
  'jsonstat/jsonstat-org-us-gsp.json': { observations: [204] },
  'jsonstat/jsonstat-org-us-unr.json': { observations: [3220] },
  'jsonstat/ons-uk-QS104EW-jsonstat1-bundle.json': { error: '$.QS104EW.dimension.id: 4 dimension ids but 3 sizes' },
  'jsonstat/ons-uk-jsonstat1.json': { observations: [261] },
  'jsonstat/socialstyrelsen-se-pxweb-jsonstat1.json': { observations: [1120] },
  'jsonstat/ssb-no-29843-jsonstat1-sparse-status.json': { observations: [37440] },
  'pxweb/other-nsi/pxweb-v1-table-metadata-response_table_variables.json': { observations: [0], metadataOnly: true },
  'pxweb/other-nsi/scb-se-income-jsonstat2.json': { observations: [9] },
  'pxweb/other-nsi/ssb-no-07221-jsonstat2-status.json': { observations: [288] },
  'pxweb/other-nsi/statbank-gl-jsonstat2-status.json': { observations: [108] },
  'pxweb/pxweb-api-catalogue-rOpenGov.json': {
    error: '$: not a statistics file: looks like a catalogue of PxWeb APIs',
  },
  'pxweb/pxwebapi-v2-scb/TAB6471-data-jsonstat2.json': { observations: [2772] },
  'pxweb/pxwebapi-v2-scb/TAB6471-metadata-jsonstat2.json': { observations: [0], metadataOnly: true },
  'pxweb/pxwebapi-v2-scb/codelist-agg_Alder10arJ.json': {
    error: '$: not a statistics file: looks like a PxWebApi 2 codelist (value set or aggregation)',
  },
  'pxweb/pxwebapi-v2-scb/config.json': {
    error: '$: not a statistics file: looks like a PxWebApi 2 config response (API limits and formats)',
  },
  'pxweb/pxwebapi-v2-scb/tables.json': { error: '$: not a statistics file: looks like a PxWebApi 2 table list' },
  'pxweb/queries/invalid-query-malformed.json.txt': {
    error: '$.query[0]: malformed JSON at line 5, column 9: expected a property name in double quotes, found "]"',
  },
  'pxweb/queries/query-jsonstat1-format.json': { error: QUERY },
  'pxweb/queries/query-scb-agg-filter.json': { error: QUERY },
  'pxweb/queries/query-scb-se-income.json': { error: QUERY },
  'pxweb/queries/query-scb-vs-agg-top-filters.json': { error: QUERY },
  'pxweb/queries/query-ssb-no-07221.json': { error: QUERY },
  'pxweb/queries/query-statbank-gl.json': { error: QUERY },
  'pxweb/queries/query-statfin-vaerak-jsonstat2.json': { error: QUERY },
  'pxweb/queries/query-wildcard-all-top.json': { error: QUERY },
  'pxweb/queries/statfin-saved-query-eot_132a-wrapped.json': {
    error: '$: a saved PxWeb query, not a response: it holds no statistics',
  },
  'pxweb/statfin/statfin-128c-pxweb-ui-csv-export-en.csv': { observations: [40] },
  'pxweb/statfin/statfin-vaerak-jsonstat2-sv.json': { observations: [90] },
  'pxweb/statfin/statfin-velk-jsonstat2-en.json': { observations: [6] },
  'pxweb/statfin/statfin-velk-jsonstat2-fi.json': { observations: [1] },
  'pxweb/statfin/statfin-velk-jsonstat2-sv.json': { observations: [6] },
  'pxweb/statfin/statfin-velk-metadata-en.json': { observations: [0], metadataOnly: true },
  'pxweb/statfin/statfin-velk-metadata-fi.json': { observations: [0], metadataOnly: true },
  'pxweb/statfin/statfin-velk-metadata-sv.json': { observations: [0], metadataOnly: true },
};

interface Observation {
  area: { level: string; code: string; recognised?: boolean } | null;
  period: string | null;
  content: string | null;
  value: string | null;
  status: string | null;
  other?: Record<string, string>;
}
interface Report {
  format: string;
  note: string | null;
  datasets: {
    tableId: string | null;
    updated: string | null;
    metadataOnly: boolean;
    statusCounts: Record<string, number>;
    statusLabels: Record<string, string>;
    dimensions: { id: string; role: string; size: number }[];
    observations: Observation[];
  }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const file = (rel: string): string => join(DATA_DIR, rel);

async function inspect(rel: string): Promise<Report> {
  const run = await runCli(['inspect', 'statistics', '--json', file(rel)]);
  assert.equal(run.code, 0, run.err);
  return JSON.parse(run.out) as Report;
}

describe('inspect statistics: every real file', REAL_DATA, () => {
  test('the table lists exactly the files in jsonstat/ and pxweb/', () => {
    requireData();
    const found = ['jsonstat', 'pxweb']
      .flatMap((d) => filesUnder(join(DATA_DIR, d)))
      .map((p) => relative(DATA_DIR, p))
      .sort();
    assert.deepEqual(found, Object.keys(EXPECTED).sort());
  });

  for (const [rel, outcome] of Object.entries(EXPECTED)) {
    test(`${rel}: ${'error' in outcome ? 'refused' : `${outcome.observations.join(' + ')} observation(s)`}`, async () => {
      requireData();
      const run = await runCli(['inspect', 'statistics', '--json', file(rel)]);
      if ('error' in outcome) {
        assert.equal(run.code, 2, run.out);
        assert.equal(run.out, '');
        assert.ok(run.err.includes(`  ${file(rel)}: ${outcome.error}\n`), run.err);
        return;
      }
      assert.equal(run.code, 0, run.err);
      const report = JSON.parse(run.out) as Report;
      assert.deepEqual(
        report.datasets.map((d) => d.observations.length),
        outcome.observations,
      );
      for (const ds of report.datasets) {
        assert.equal(ds.metadataOnly, outcome.metadataOnly ?? false);
        for (const d of ds.dimensions) assert.ok(['time', 'geo', 'metric', 'other'].includes(d.role), d.role);
        for (const o of ds.observations)
          assert.deepEqual(Object.keys(o).slice(0, 5), ['area', 'period', 'content', 'value', 'status']);
      }
    });
  }
});

describe('inspect statistics: spot checks', REAL_DATA, () => {
  test('velk (en): exact values 58443598209 and 70.3, table id, updated with dots, the whole country', async () => {
    requireData();
    const [ds] = (await inspect('pxweb/statfin/statfin-velk-jsonstat2-en.json')).datasets;
    assert.equal(ds!.tableId, 'statfin_velk_pxt_13kt');
    assert.equal(ds!.updated, '2022-12-21T06:00:00Z');
    assert.deepEqual(
      ds!.dimensions.map((d) => [d.id, d.role, d.size]),
      [
        ['Vuosi', 'time', 1],
        ['Tiedot', 'metric', 6],
        ['Maakunta', 'geo', 1],
        ['Viitehenkilön ikä', 'other', 1],
        ['Asuntokunnat', 'other', 1],
      ],
    );
    const byContent = new Map(ds!.observations.map((o) => [o.content, o]));
    assert.deepEqual(byContent.get('velat_yht'), {
      area: { level: 'country', code: 'SSS' },
      period: '2002',
      content: 'velat_yht',
      value: '58443598209',
      status: null,
      other: { 'Viitehenkilön ikä': 'SSS', Asuntokunnat: 'SSS' },
    });
    assert.equal(byContent.get('vaste')!.value, '70.3');
  });

  test('vaerak (sv): 90 cells of 3 × 3 × 10 × 1, the Swedish table with its id', async () => {
    requireData();
    const [ds] = (await inspect('pxweb/statfin/statfin-vaerak-jsonstat2-sv.json')).datasets;
    assert.equal(ds!.tableId, 'statfin_vaerak_pxt_11rc');
    assert.deepEqual(
      ds!.dimensions.map((d) => d.size),
      [3, 3, 10, 1],
    );
    assert.equal(ds!.observations.length, 90);
    assert.ok(ds!.observations.every((o) => o.area === null && o.content === 'vaesto' && o.value !== null));
  });

  test('cso-ie: category codes keep their leading zeros', async () => {
    requireData();
    const [ds] = (await inspect('jsonstat/cso-ie-NQQ25-jsonstat1.json')).datasets;
    const sectors = [...new Set(ds!.observations.map((o) => o.other!['Sector']))];
    assert.deepEqual(sectors, ['0', '01', '02', '03', '04', '05', '07', '08']);
  });

  test('order: row-major ("what does not change, first"), string values kept as text', async () => {
    requireData();
    const [ds] = (await inspect('jsonstat/jsonstat-org-order.json')).datasets;
    const values = ds!.observations.map((o) => o.value);
    assert.deepEqual(values.slice(0, 5), ['A1B1C1', 'A1B1C2', 'A1B1C3', 'A1B1C4', 'A1B2C1']);
    assert.equal(values[8], 'A2B1C1');
    assert.equal(values[23], 'A3B2C4');
    assert.deepEqual(ds!.observations[4]!.other, { A: '1', B: '2', C: '1' });
  });

  test('ssb-no-29843: 7200 null values, each with status "."', async () => {
    requireData();
    const [ds] = (await inspect('jsonstat/ssb-no-29843-jsonstat1-sparse-status.json')).datasets;
    const nulls = ds!.observations.filter((o) => o.value === null);
    assert.equal(nulls.length, 7200);
    assert.ok(nulls.every((o) => o.status === '.'));
    assert.deepEqual(ds!.statusCounts, { '.': 7200 });
  });

  test('canada: the one-element status array applies to all 120 cells', async () => {
    requireData();
    const [ds] = (await inspect('jsonstat/jsonstat-org-canada.json')).datasets;
    assert.deepEqual(ds!.statusCounts, { a: 120 });
    assert.deepEqual(ds!.observations[0]!.area, { level: 'country', code: 'CA', recognised: false });
  });

  test('oecd: a sparse status object (72 × "e")', async () => {
    requireData();
    const [ds] = (await inspect('jsonstat/jsonstat-org-oecd.json')).datasets;
    assert.deepEqual(ds!.statusCounts, { e: 72 });
  });

  test('eurostat wdds: status meanings, epoch-ms update time, the table code, foreign areas kept as written', async () => {
    requireData();
    const [ds] = (await inspect('jsonstat/eurostat-wdds-v1.1-nama_gdp_c-geo_IT_FR.json')).datasets;
    assert.equal(ds!.tableId, 'nama_gdp_c');
    assert.equal(ds!.updated, '2015-11-05T23:00:00Z');
    assert.deepEqual(ds!.statusLabels, { ':': 'not available' });
    assert.equal(ds!.observations.filter((o) => o.value === null && o.status === ':').length, 74);
    assert.deepEqual(ds!.observations[0]!.area, { level: 'country', code: 'FR', recognised: false });
  });

  test('ssb-no-07221: 24 nulls with ".."; Norwegian region codes are not Finnish areas', async () => {
    requireData();
    const [ds] = (await inspect('pxweb/other-nsi/ssb-no-07221-jsonstat2-status.json')).datasets;
    assert.deepEqual(ds!.statusCounts, { '..': 24 });
    assert.deepEqual([...new Set(ds!.observations.map((o) => JSON.stringify(o.area)))].slice(0, 2), [
      '{"level":"country","code":"TOTAL","recognised":false}',
      '{"level":"region","code":"001","recognised":false}',
    ]);
  });

  test('PxWebApi 2 metadata and the linking collection say what they are', async () => {
    requireData();
    const meta = await inspect('pxweb/pxwebapi-v2-scb/TAB6471-metadata-jsonstat2.json');
    assert.equal(meta.note, 'a metadata-only response: dimensions but no values');
    assert.deepEqual(
      meta.datasets[0]!.dimensions.map((d) => d.size),
      [312, 134, 3, 1, 16],
    );
    const col = await inspect('jsonstat/jsonstat-org-collection.json');
    assert.equal(col.note, 'the collection links 8 dataset(s), none embedded: fetch them and inspect each');
  });

  test('the 128c CSV export: table id from the title, years across the columns become the time dimension', async () => {
    requireData();
    const [ds] = (await inspect('pxweb/statfin/statfin-128c-pxweb-ui-csv-export-en.csv')).datasets;
    assert.equal(ds!.tableId, '128c');
    assert.deepEqual(
      ds!.dimensions.map((d) => [d.id, d.role, d.size]),
      [
        ['Information', 'metric', 1],
        ['Decile', 'other', 10],
        ['Period', 'time', 4],
      ],
    );
    assert.deepEqual(ds!.observations[3], {
      area: null,
      period: '2023',
      content: '6. GROSS INCOME, mean',
      value: '15495',
      status: null,
      other: { Decile: 'I (Lowest-income 10 %)' },
    });
  });

  test('the human report of velk (fi), exactly; the database is never opened', async () => {
    requireData();
    const dir = tempFolder('suunta-inspect-');
    const db = join(dir.dir, 'never.sqlite');
    const path = file('pxweb/statfin/statfin-velk-jsonstat2-fi.json');
    const run = await runCli(['inspect', 'statistics', path], db);
    assert.equal(run.code, 0, run.err);
    assert.equal(
      run.out,
      [
        `${path}: JSON-stat 2.0 dataset, 1 dataset(s)`,
        'Dataset 1 of 1 ($): statfin_velk_pxt_13kt "Asuntokuntien velat, velkaantumisaste ja tulot muuttujina Vuosi, Tiedot, Maakunta, Viitehenkilön ikä ja Asuntokunnat"',
        '  updated 2022-12-21T06:00:00Z; source Tilastokeskus, velkaantumistilasto; language fi',
        '  5 dimension(s), 1 cell(s):',
        '    time   Vuosi                 1  2002',
        '    metric Tiedot                1  velat_yht (Velat yhteensä (euroa))',
        '    geo    Maakunta              1  SSS (KOKO MAA)',
        '    other  Viitehenkilön ikä     1  SSS (Yhteensä)',
        '    other  Asuntokunnat          1  SSS (Kaikki asuntokunnat)',
        '  values: 1 with a value, 0 empty with a status, 0 empty; statuses: none',
        '  observations: 1 (area | period | content | value [status] | other)',
        '    country SSS | 2002 | velat_yht | 58443598209 | Viitehenkilön ikä=SSS Asuntokunnat=SSS',
        '',
      ].join('\n'),
    );
    assert.equal(existsSync(db), false);
  });
});
