/** Saved statistics queries: the forms they are read from, the PxWeb v1 body and the PxWebApi 2 URL built from them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError } from '#src/domain/errors.ts';
import {
  pxwebApi2DataUrl,
  pxwebV1Body,
  pxwebV1TableUrl,
  readSavedQuery,
  type SavedQuery,
} from '#src/domain/indicators/saved-query.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../support/real-data.ts';

const QUERIES = join(DATA_DIR, 'pxweb/queries');
const STATFIN_V1 = 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/';
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(QUERIES, file), 'utf8'));

/** The problems an invalid query is refused with (the `details` of the AppError). */
function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, 'invalid_file');
    return [...error.details];
  }
  assert.fail('the query was accepted');
}

const vaerak: SavedQuery = {
  api: 'pxweb-v1',
  baseUrl: STATFIN_V1,
  table: 'vaerak/statfin_vaerak_pxt_11re.px',
  language: 'fi',
  selections: [
    { variable: 'Vuosi', filter: 'item', values: ['2020', '2021', '2022'] },
    { variable: 'Sukupuoli', filter: 'item', values: ['SSS', '1', '2'] },
    {
      variable: 'Ikä',
      filter: 'item',
      values: ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69'],
    },
  ],
  format: 'json-stat2',
};

describe('PxWeb v1 body and URL', () => {
  test('the body has the shape of the real StatFin query that produced the vaerak response', REAL_DATA, () => {
    requireData();
    assert.deepEqual(
      pxwebV1Body(readSavedQuery(vaerak, 'indicators.yaml')),
      readJson('query-statfin-vaerak-jsonstat2.json'),
    );
  });

  test('the table URL is baseUrl + the table path, with one slash and each segment encoded', () => {
    assert.equal(
      pxwebV1TableUrl(vaerak),
      'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/statfin_vaerak_pxt_11re.px',
    );
    assert.equal(
      pxwebV1TableUrl({ ...vaerak, baseUrl: 'https://x.example/api/v1/fi/db', table: 'a b/t.px' }),
      'https://x.example/api/v1/fi/db/a%20b/t.px',
    );
  });

  test('every real json-stat2 query body reads back into the body it was', REAL_DATA, () => {
    requireData();
    for (const file of [
      'query-statfin-vaerak-jsonstat2.json',
      'query-ssb-no-07221.json',
      'query-statbank-gl.json',
      'query-scb-se-income.json',
    ]) {
      const body = readJson(file);
      const query = readSavedQuery(body, file, { baseUrl: 'https://x.example/api/v1/en/db/', table: 't.px' });
      assert.equal(query.api, 'pxweb-v1', file);
      assert.equal(query.language, 'en', `${file}: the language is read from the v1 URL`);
      assert.deepEqual(pxwebV1Body(query), body, file);
    }
  });

  test('the wrapped saved query of the PxWeb web UI reads with its tableIdForQuery', REAL_DATA, () => {
    requireData();
    const wrapped = readJson('statfin-saved-query-eot_132a-wrapped.json') as { queryObj: unknown };
    const query = readSavedQuery(wrapped, 'eot.json', { baseUrl: STATFIN_V1 });
    assert.equal(query.table, 'statfin_eot_pxt_132a.px');
    assert.equal(query.language, 'fi');
    assert.deepEqual(
      query.selections.map((s) => s.variable),
      ['Kotitalouden elinvaihe', 'Vuosi', 'Tiedot'],
    );
    assert.deepEqual(pxwebV1Body(query), wrapped.queryObj);
    assert.equal(pxwebV1TableUrl(query), 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/statfin_eot_pxt_132a.px');
  });

  test('real query bodies in other formats are refused, naming the field', REAL_DATA, () => {
    requireData();
    const defaults = { baseUrl: STATFIN_V1, table: 't.px' };
    const expected: Record<string, string> = {
      'query-scb-agg-filter.json': 'response.format: must be "json-stat2"',
      'query-scb-vs-agg-top-filters.json': 'response.format: must be "json-stat2"',
      'query-wildcard-all-top.json': 'response.format: must be "json-stat2"',
      'query-jsonstat1-format.json': 'response.format: must be "json-stat2"',
    };
    for (const [file, problem] of Object.entries(expected)) {
      assert.deepEqual(
        problems(() => readSavedQuery(readJson(file), file, defaults)),
        [problem],
        file,
      );
    }
  });
});

describe('PxWebApi 2 URL', () => {
  const scb: SavedQuery = {
    api: 'pxwebapi-2',
    baseUrl: 'https://statistikdatabasen.scb.se/api/v2/',
    table: 'TAB6471',
    language: 'sv',
    selections: [
      { variable: 'Region', filter: 'item', values: ['01', '03'] },
      { variable: 'Alder', filter: 'all', values: ['*'] },
      { variable: 'Tid', filter: 'top', values: ['4'] },
      { variable: 'Kon', filter: 'vs:KonSamt', values: [] },
      { variable: 'ContentsCode', filter: 'agg:Ålder5år', values: ['000007SF'] },
    ],
    format: 'json-stat2',
  };

  test('valuecodes, codelist, lang and outputFormat as PxAPI-2.yml names them', () => {
    assert.equal(
      pxwebApi2DataUrl(scb),
      'https://statistikdatabasen.scb.se/api/v2/tables/TAB6471/data?lang=sv' +
        '&valuecodes[Region]=01,03&valuecodes[Alder]=*&valuecodes[Tid]=top(4)' +
        '&valuecodes[Kon]=*&codelist[Kon]=KonSamt' +
        '&valuecodes[ContentsCode]=000007SF&codelist[ContentsCode]=%C3%85lder5%C3%A5r' +
        '&outputFormat=json-stat2',
    );
  });

  test('variable codes with spaces and values with commas or non-ASCII are encoded', () => {
    const url = pxwebApi2DataUrl({
      ...scb,
      baseUrl: 'https://x.example/api/v2',
      selections: [{ variable: 'Viitehenkilön ikä', filter: 'item', values: ['1,2', 'ÄNKL'] }],
    });
    assert.equal(
      url,
      'https://x.example/api/v2/tables/TAB6471/data?lang=sv&valuecodes[Viitehenkil%C3%B6n%20ik%C3%A4]=1%2C2,%C3%84NKL&outputFormat=json-stat2',
    );
  });
});

describe('refused saved queries', () => {
  test('each problem names its field and the reason', () => {
    assert.deepEqual(
      problems(() =>
        readSavedQuery(
          {
            api: 'pxweb-v3',
            baseUrl: 'ftp://x',
            table: '',
            language: 'de',
            selections: [
              { variable: 'Vuosi', filter: 'some', values: ['2020'] },
              { variable: 'Vuosi', filter: 'top', values: ['x'] },
              { variable: 'Alue', filter: 'item', values: [] },
            ],
            format: 'px',
            extra: 1,
          },
          'indicators.yaml',
        ),
      ),
      [
        'api: must be "pxweb-v1" or "pxwebapi-2"',
        'baseUrl: must be an http(s) URL',
        'table: must name the table (a path such as "vaerak/statfin_vaerak_pxt_11re.px" or an id such as "TAB6471")',
        'language: must be fi, sv or en',
        'selections[0].filter: must be one of item, all, top, agg:NAME or vs:NAME',
        'selections[1].values: must be one positive whole number for filter "top", e.g. ["4"]',
        'selections[2].values: must list at least one value for filter "item"',
        'format: must be "json-stat2"',
        '(the query): Unrecognized key: "extra"',
      ],
    );
  });

  test('a variable selected twice and a language that contradicts the v1 URL', () => {
    assert.deepEqual(
      problems(() =>
        readSavedQuery(
          { ...vaerak, language: 'sv', selections: [vaerak.selections[0], vaerak.selections[0]] },
          'indicators.yaml',
        ),
      ),
      [
        'selections[1].variable: selects "Vuosi" a second time',
        'language: is "sv" but the PxWeb v1 baseUrl asks for "fi" (…/api/v1/fi/…)',
      ],
    );
  });

  test('a bare body without its baseUrl and table, and a wrapped one without tableIdForQuery', () => {
    const body = {
      query: [{ code: 'Vuosi', selection: { filter: 'item', values: ['2020'] } }],
      response: { format: 'json-stat2' },
    };
    assert.deepEqual(
      problems(() => readSavedQuery(body, 'q.json')),
      [
        'baseUrl: a PxWeb query body does not say its baseUrl; give it with the query',
        'table: a PxWeb query body does not say its table; give it with the query',
      ],
    );
    assert.deepEqual(
      problems(() => readSavedQuery({ queryObj: body }, 'q.json', { baseUrl: STATFIN_V1 })),
      ['tableIdForQuery: must name the table, e.g. "statfin_eot_pxt_132a.px"'],
    );
    assert.deepEqual(
      problems(() =>
        readSavedQuery(
          {
            queryObj: { ...body, query: [{ code: 'Vuosi', selection: { filter: 'top', values: [] } }] },
            tableIdForQuery: 't.px',
          },
          'q.json',
          { baseUrl: STATFIN_V1 },
        ),
      ),
      ['queryObj.query[0].selection.values: must be one positive whole number for filter "top", e.g. ["4"]'],
    );
  });
});
