/**
 * The readers on small documents written here (hand-written, not real files): each JSON-stat
 * variant of the specification, the PxWeb v1 `json` response (no real sample exists), and the
 * errors with their file, JSON path and reason.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { StatisticsFileError, type StatDataset } from '#src/domain/statistics/dataset.ts';
import { readStatisticsDocument, readStatisticsFile } from '#src/domain/statistics/read-statistics.ts';

const cells = (ds: StatDataset) => [...ds.cells()].map((c) => [c.index.join(','), c.value, c.status]);

function dataset(members: string): string {
  return `{"version":"2.0","class":"dataset",${members}}`;
}

const TWO_BY_TWO =
  '"id":["Vuosi","Kunta"],"size":[2,2],"dimension":{' +
  '"Vuosi":{"category":{"index":["2023","2024"]}},"Kunta":{"label":"Kunta","category":{"index":{"KU091":0,"KU092":1}}}}';

function problem(text: string, name = 'f.json'): string {
  try {
    readStatisticsFile(text, name);
  } catch (error) {
    if (error instanceof StatisticsFileError) return `${error.path}: ${error.reason}`;
    throw error;
  }
  return 'no error';
}

describe('JSON-stat variants', () => {
  test('value as a sparse object in any order; numbers keep their text; an exponent becomes plain decimal text', () => {
    const [ds] = readStatisticsFile(dataset(`${TWO_BY_TWO},"value":{"3":1e3,"0":58443598209,"1":12.30}`), 'f.json');
    assert.deepEqual(cells(ds!), [
      ['0,0', '58443598209', null],
      ['0,1', '12.30', null],
      ['1,1', '1000', null],
    ]);
    assert.equal(ds!.cellCount, 4);
    assert.deepEqual(
      ds!.dimensions.map((d) => [d.id, d.role]),
      [
        ['Vuosi', 'time'],
        ['Kunta', 'geo'],
      ],
    );
  });

  test('a one-element value and a status string apply to every cell', () => {
    const [ds] = readStatisticsFile(dataset(`${TWO_BY_TWO},"value":[5],"status":"p"`), 'f.json');
    assert.deepEqual(cells(ds!), [
      ['0,0', '5', 'p'],
      ['0,1', '5', 'p'],
      ['1,0', '5', 'p'],
      ['1,1', '5', 'p'],
    ]);
  });

  test('status as an array and as a sparse object; a null value with a status is a cell, null without one is not', () => {
    const [a] = readStatisticsFile(dataset(`${TWO_BY_TWO},"value":[1,null,null,4],"status":[null,"..",null,"e"]`), 'f');
    assert.deepEqual(cells(a!), [
      ['0,0', '1', null],
      ['0,1', null, '..'],
      ['1,1', '4', 'e'],
    ]);
    const [b] = readStatisticsFile(dataset(`${TWO_BY_TWO},"value":[1,null,null,4],"status":{"2":":"}`), 'f');
    assert.deepEqual(cells(b!), [
      ['0,0', '1', null],
      ['1,0', null, ':'],
      ['1,1', '4', null],
    ]);
  });

  test('sizes as strings; no index (label order as written, integer-like keys too); a one-category dimension with only a label', () => {
    const [ds] = readStatisticsFile(
      dataset(
        '"id":["t","g"],"size":["3","1"],"dimension":{' +
          '"t":{"category":{"label":{"2003":"c","2001":"a","2002":"b"}}},"g":{"category":{"label":{"01":"Uusimaa"}}}},' +
          '"value":["x","y","z"]',
      ),
      'f.json',
    );
    assert.deepEqual(
      ds!.dimensions[0]!.categories.map((c) => c.code),
      ['2003', '2001', '2002'],
    );
    assert.deepEqual(ds!.dimensions[1]!.categories, [{ code: '01', label: 'Uusimaa' }]);
    assert.deepEqual(cells(ds!), [
      ['0,0', 'x', null],
      ['1,0', 'y', null],
      ['2,0', 'z', null],
    ]);
  });

  test('JSON-stat 1.x: id, size and role inside dimension, in a {dataset} wrapper; units per category', () => {
    const doc = readStatisticsDocument(
      '\uFEFF  \n {"dataset":{"label":"L","updated":"08/08/2014 16:39:07","value":[1,2],"dimension":{"id":["a","c"],"size":[1,2],' +
        '"role":{"geo":["a"],"metric":["c"]},"a":{"category":{"index":{"SSS":0}}},' +
        '"c":{"category":{"index":["P","Q"],"unit":{"P":{"base":"euroa","decimals":0}}}}}}}',
      'x-fi.json',
    );
    assert.equal(doc.kind, 'jsonstat1-dataset');
    const ds = doc.datasets[0]!;
    assert.equal(ds.path, '$.dataset');
    assert.equal(ds.updated, '2014-08-08T16:39:07Z');
    assert.equal(ds.language, 'fi');
    assert.deepEqual(
      ds.dimensions.map((d) => d.role),
      ['geo', 'metric'],
    );
    assert.deepEqual(ds.dimensions[1]!.categories[0]!.unit, { base: 'euroa', decimals: 0 });
  });

  test('a collection with one embedded and one linked dataset says so', () => {
    const doc = readStatisticsDocument(
      `{"version":"2.0","class":"collection","link":{"item":[{"class":"dataset","href":"http://x/a.json","label":"A"},` +
        `{"class":"dataset",${TWO_BY_TWO},"value":[1,2,3,4]}]}}`,
      'c.json',
    );
    assert.equal(doc.datasets.length, 1);
    assert.equal(doc.datasets[0]!.path, '$.link.item[1]');
    assert.deepEqual(doc.links, [{ path: '$.link.item[0]', href: 'http://x/a.json', label: 'A' }]);
    assert.equal(doc.note, 'the collection also links 1 dataset(s) it does not embed');
  });

  test('an empty value with a non-empty cube is metadata only', () => {
    const doc = readStatisticsDocument(dataset(`${TWO_BY_TWO},"value":[]`), 'm.json');
    assert.equal(doc.datasets[0]!.metadataOnly, true);
    assert.deepEqual(cells(doc.datasets[0]!), []);
    assert.equal(doc.note, 'a metadata-only response: dimensions but no values');
  });
});

describe('PxWeb v1 "format":"json" response (hand-written sample of the documented shape)', () => {
  const SAMPLE = JSON.stringify({
    columns: [
      { code: 'Alue', text: 'Alue', type: 'd' },
      { code: 'Vuosi', text: 'Vuosi', type: 't' },
      { code: 'vaesto', text: 'Väestö 31.12.', type: 'c' },
      { code: 'vm01', text: 'Elävänä syntyneet', type: 'c' },
    ],
    comments: [],
    data: [
      { key: ['KU091', '2023'], values: ['664028', '5690'] },
      { key: ['KU286', '2023'], values: ['80008', '..'] },
      { key: ['KU091', '2024'], values: ['674500', '5436.0'] },
    ],
    metadata: [{ infofile: 'UNKNOWN', updated: '2025-03-28T05:00:00Z', label: 'Väestö', source: 'Tilastokeskus' }],
  });

  test('key columns become dimensions, content columns one metric dimension; ".." is a status', () => {
    const doc = readStatisticsDocument(SAMPLE, 'v1.json');
    assert.equal(doc.kind, 'pxweb-v1-json');
    const ds = doc.datasets[0]!;
    assert.deepEqual(
      ds.dimensions.map((d) => [d.id, d.role, d.categories.map((c) => c.code).join(' ')]),
      [
        ['Alue', 'geo', 'KU091 KU286'],
        ['Vuosi', 'time', '2023 2024'],
        ['ContentsCode', 'metric', 'vaesto vm01'],
      ],
    );
    assert.equal(ds.updated, '2025-03-28T05:00:00Z');
    assert.equal(ds.source, 'Tilastokeskus');
    assert.equal(ds.cellCount, 8);
    assert.deepEqual(cells(ds), [
      ['0,0,0', '664028', null],
      ['0,0,1', '5690', null],
      ['0,1,0', '674500', null],
      ['0,1,1', '5436.0', null],
      ['1,0,0', '80008', null],
      ['1,0,1', null, '..'],
    ]);
  });

  test('a key given twice is an error naming the row', () => {
    const twice = SAMPLE.replace('"KU091","2024"', '"KU091","2023"');
    assert.equal(problem(twice), '$.data[2].key: the key ["KU091","2023"] is given twice');
  });
});

describe('errors name the JSON path and the reason', () => {
  const CASES: [string, string, string][] = [
    ['value count', dataset(`${TWO_BY_TWO},"value":[1,2,3]`), '$.value: 3 values but the cube has 4 cells'],
    [
      'sparse index out of the cube',
      dataset(`${TWO_BY_TWO},"value":{"4":1}`),
      '$.value["4"]: index 4 is outside the cube of 4 cells',
    ],
    ['sparse key not an index', dataset(`${TWO_BY_TWO},"value":{"a":1}`), '$.value.a: "a" is not a cell index'],
    [
      'status count',
      dataset(`${TWO_BY_TWO},"value":[1,2,3,4],"status":["a","b"]`),
      '$.status: 2 statuses but the cube has 4 cells',
    ],
    [
      'ids and sizes',
      dataset('"id":["a","b"],"size":[1],"dimension":{},"value":[1]'),
      '$.id: 2 dimension ids but 1 sizes',
    ],
    [
      'category positions',
      dataset('"id":["a"],"size":[2],"dimension":{"a":{"category":{"index":{"x":0,"y":0}}}},"value":[1,2]'),
      '$.dimension.a.category.index.y: position 0 is also given to "x"',
    ],
    [
      'categories and size',
      dataset('"id":["a"],"size":[3],"dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,2,3]'),
      '$.dimension.a.category: 2 categories but the size of the dimension is 3',
    ],
    [
      'a dimension not described',
      dataset('"id":["a"],"size":[1],"dimension":{},"value":[1]'),
      '$.dimension.a: dimension "a" is listed in the ids but not described',
    ],
    [
      'a role naming no dimension',
      dataset('"id":["a"],"size":[1],"role":{"geo":["b"]},"dimension":{"a":{"category":{"index":["x"]}}},"value":[1]'),
      '$.role.geo: names "b", which is not a dimension',
    ],
    [
      'a value of the wrong type',
      dataset('"id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},"value":[true]'),
      '$.value[0]: a value must be a number, a string or null, found true',
    ],
    [
      'malformed JSON',
      '{\n  "a": [1, 2,]\n}',
      '$.a[2]: malformed JSON at line 2, column 14: expected a JSON value, found "]"',
    ],
    ['unterminated', '{"a": "x', '$.a: malformed JSON at line 1, column 9: unterminated string'],
    ['a JSON array', '[1,2]', '$: not a statistics file: the JSON is an array, not an object'],
    [
      'an unknown class',
      '{"class":"table"}',
      '$.class: unknown JSON-stat class the string "table" (expected "dataset" or "collection")',
    ],
    ['empty', '  \n', '$: the file is empty'],
    [
      'not JSON nor CSV',
      'hello',
      'line 1: not a statistics file: neither JSON nor a PxWeb web UI CSV export (a quoted title line, an empty line, a header)',
    ],
  ];
  for (const [name, text, expected] of CASES) test(name, () => assert.equal(problem(text), expected));

  test('the error carries the file name', () => {
    assert.throws(
      () => readStatisticsFile('[]', 'data/x.json'),
      (e: unknown) =>
        e instanceof StatisticsFileError && e.file === 'data/x.json' && e.message.startsWith('data/x.json: $: '),
    );
  });
});

describe('PxWeb web UI CSV export (hand-written samples)', () => {
  const CSV =
    '\uFEFF"11re -- Population by area, 2023-2024"\n\n' +
    '"Area","Information","2023","2024"\n' +
    '"KU091 Helsinki","Population",664028,..\n' +
    '"KU092 Vantaa","Population",,250000.5\n';

  test('symbols are statuses, empty fields are empty cells, the title gives the table id', () => {
    const [ds] = readStatisticsFile(CSV, 'x.csv');
    assert.equal(ds!.tableId, '11re');
    assert.deepEqual(
      ds!.dimensions.map((d) => [d.id, d.role, d.categories.length]),
      [
        ['Area', 'geo', 2],
        ['Information', 'metric', 1],
        ['Period', 'time', 2],
      ],
    );
    assert.deepEqual(cells(ds!), [
      ['0,0,0', '664028', null],
      ['0,0,1', null, '..'],
      ['1,0,1', '250000.5', null],
    ]);
  });

  test('a cell that is neither a number nor a symbol, and a short row, name the line', () => {
    assert.equal(
      problem(CSV.replace('250000.5', '25 000'), 'x.csv'),
      'line 5: column "2024": "25 000" is neither a number nor a status symbol',
    );
    assert.equal(problem(CSV.replace(',250000.5', ''), 'x.csv'), 'line 5: 3 fields but the header has 4');
  });
});
