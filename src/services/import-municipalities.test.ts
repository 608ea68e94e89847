/**
 * The municipality classification import: parsing and validation (exact problem messages), the
 * all-or-nothing write on every database, and the real geofi files when ../shared/data exists.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '#src/config/config.ts';
import { AppError } from '#src/domain/errors.ts';
import { municipalityFactsSchema, type MunicipalityFacts } from '#src/domain/municipality-facts.ts';
import { databaseTargets, openTestContext } from '../../test/support/databases.ts';
import { snapshot } from '../../test/support/db-snapshot.ts';
import type { AppContext } from './app-context.ts';
import {
  importMunicipalities,
  parseMunicipalityClassification,
  readMunicipalityClassification,
} from './import-municipalities.ts';
import { storeMunicipalityFacts } from './seed.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../../test/support/real-data.ts';

const HEADER = [
  'kunta',
  'municipality_name_fi',
  'municipality_name_sv',
  'municipality_name_en',
  'kielisuhde_code',
  'kielisuhde_name_en',
  'maakunta_code',
  'maakunta_name_fi',
  'maakunta_name_sv',
  'maakunta_name_en',
  'year',
];

/** Four real rows of the 2026 classification, one per language status. */
const ROWS = [
  [
    '75',
    'Hamina',
    'Fredrikshamn',
    'Hamina',
    '0',
    'Monolingual Finnish-speaking municipality',
    '8',
    'Kymenlaakso',
    'Kymmenedalen',
    'Kymenlaakso',
    '2026',
  ],
  [
    '624',
    'Pyhtää',
    'Pyttis',
    'Pyhtää',
    '1',
    'Bilingual municipality with Finnish-speaking majority',
    '8',
    'Kymenlaakso',
    'Kymmenedalen',
    'Kymenlaakso',
    '2026',
  ],
  [
    '478',
    'Maarianhamina',
    'Mariehamn',
    'Mariehamn',
    '2',
    'Monolingual Swedish-speaking municipality',
    '21',
    'Ahvenanmaa',
    'Åland',
    'Åland',
    '2026',
  ],
  [
    '322',
    'Kemiönsaari',
    'Kimitoön',
    'Kimitoön',
    '3',
    'Bilingual municipality with Swedish-speaking majority',
    '2',
    'Varsinais-Suomi',
    'Egentliga Finland',
    'Varsinais-Suomi',
    '2026',
  ],
];

function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** The rows with `column` of row `index` set to `value`. */
function withCell(index: number, column: string, value: string, rows = ROWS): string[][] {
  const c = HEADER.indexOf(column);
  return rows.map((r, i) => (i === index ? r.map((v, j) => (j === c ? value : v)) : [...r]));
}

function withoutColumn(column: string): string {
  const c = HEADER.indexOf(column);
  return csv(
    HEADER.filter((_, j) => j !== c),
    ROWS.map((r) => r.filter((_, j) => j !== c)),
  );
}

/** The AppError thrown by parsing `text`, as its message and detail lines. */
function problemsOf(text: string): { message: string; details: readonly string[] } {
  try {
    parseMunicipalityClassification(text, 'kunnat.csv');
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, 'invalid_file');
    return { message: error.message, details: error.details };
  }
  assert.fail('the file was accepted');
}

describe('municipality classification: parsing a valid file', () => {
  test('pads codes, trims cells, maps language statuses and fills missing English region names', () => {
    const rows = withCell(
      0,
      'kunta',
      'KU075',
      withCell(1, 'maakunta_code', 'MK08', withCell(2, 'municipality_name_sv', ' Mariehamn  ')),
    );
    const facts = parseMunicipalityClassification(csv(HEADER, rows), 'kunnat.csv');
    assert.equal(facts.year, 2026);
    assert.match(facts.source, /Statistics Finland municipality classification/);
    assert.match(facts.source, /geofi R package's municipality_key table/);
    assert.match(facts.source, /year 2026/);
    assert.match(facts.source, /`suunta import municipalities kunnat\.csv`/);
    assert.deepEqual(facts.regions, [
      { code: '02', name: { fi: 'Varsinais-Suomi', sv: 'Egentliga Finland', en: 'Southwest Finland' } },
      { code: '08', name: { fi: 'Kymenlaakso', sv: 'Kymmenedalen', en: 'Kymenlaakso' } },
      { code: '21', name: { fi: 'Ahvenanmaa', sv: 'Åland', en: 'Åland' } },
    ]);
    assert.deepEqual(facts.municipalities, [
      { code: '075', region: '08', name: { fi: 'Hamina', sv: 'Fredrikshamn', en: 'Hamina' }, languages: 'fi' },
      { code: '322', region: '02', name: { fi: 'Kemiönsaari', sv: 'Kimitoön', en: 'Kimitoön' }, languages: 'sv-fi' },
      { code: '478', region: '21', name: { fi: 'Maarianhamina', sv: 'Mariehamn', en: 'Mariehamn' }, languages: 'sv' },
      { code: '624', region: '08', name: { fi: 'Pyhtää', sv: 'Pyttis', en: 'Pyhtää' }, languages: 'fi-sv' },
    ]);
    assert.ok(municipalityFactsSchema.safeParse(facts).success, 'the result is a valid facts file');
  });

  test('takes the code from municipality_code when there is no kunta column, and splits "fi - sv" names', () => {
    const header = HEADER.map((h) => (h === 'kunta' ? 'municipality_code' : h));
    const rows = withCell(
      2,
      'municipality_name_en',
      'Maarianhamina - Mariehamn',
      withCell(2, 'maakunta_name_fi', 'Ahvenanmaa - Åland'),
    );
    const facts = parseMunicipalityClassification(csv(header, rows), 'kunnat.csv');
    assert.deepEqual(facts.regions.find((r) => r.code === '21')?.name, { fi: 'Ahvenanmaa', sv: 'Åland', en: 'Åland' });
    assert.deepEqual(facts.municipalities.find((m) => m.code === '478')?.name, {
      fi: 'Maarianhamina',
      sv: 'Mariehamn',
      en: 'Mariehamn',
    });
  });

  test('accepts a byte order mark and CRLF line endings', () => {
    const text = '\ufeff' + csv(HEADER, ROWS).replace(/\n/g, '\r\n');
    assert.equal(parseMunicipalityClassification(text, 'kunnat.csv').municipalities.length, 4);
  });
});

/** [what is wrong, the file, the exact detail lines expected]. */
const MALFORMED: [string, string, string[]][] = [
  ['missing name column', withoutColumn('maakunta_name_sv'), ['missing column "maakunta_name_sv"']],
  ['missing language column', withoutColumn('kielisuhde_code'), ['missing column "kielisuhde_code"']],
  ['no code column at all', withoutColumn('kunta'), ['missing column "kunta" (or "municipality_code")']],
  [
    'non-numeric municipality code',
    csv(HEADER, withCell(1, 'kunta', 'abc')),
    ['line 3, column kunta: "abc" is not a municipality code (1–3 digits, e.g. 20, 020 or KU020)'],
  ],
  [
    'four-digit municipality code',
    csv(HEADER, withCell(0, 'kunta', '1075')),
    ['line 2, column kunta: "1075" is not a municipality code (1–3 digits, e.g. 20, 020 or KU020)'],
  ],
  ['empty municipality code', csv(HEADER, withCell(3, 'kunta', '')), ['line 5, column kunta: is empty']],
  [
    'bad region code',
    csv(HEADER, withCell(0, 'maakunta_code', 'Kymenlaakso')),
    ['line 2, column maakunta_code: "Kymenlaakso" is not a region code (1–2 digits, e.g. 8, 08 or MK08)'],
  ],
  [
    'unknown language code',
    csv(HEADER, withCell(0, 'kielisuhde_code', '7')),
    ['line 2, column kielisuhde_code: "7" is not a known language status (0, 1, 2 or 3)'],
  ],
  [
    'empty Finnish name',
    csv(HEADER, withCell(1, 'municipality_name_fi', '  ')),
    ['line 3, column municipality_name_fi: is empty'],
  ],
  [
    'empty English region name',
    csv(HEADER, withCell(2, 'maakunta_name_en', '')),
    ['line 4, column maakunta_name_en: is empty'],
  ],
  [
    'duplicate municipality code written two ways',
    csv(HEADER, withCell(2, 'kunta', '075')),
    ['line 4, column kunta: municipality code 075 appears twice (also on line 2)'],
  ],
  [
    'one region with two names',
    csv(HEADER, withCell(1, 'maakunta_name_sv', 'Kymmene')),
    [
      'line 3, column maakunta_name_fi: region 08 is named "Kymenlaakso / Kymmene / Kymenlaakso" but "Kymenlaakso / Kymmenedalen / Kymenlaakso" on line 2',
    ],
  ],
  [
    'two years in one file',
    csv(HEADER, withCell(3, 'year', '2025')),
    ['line 5, column year: 2025 differs from 2026 on line 2 (a file must hold one year)'],
  ],
  ['not a year', csv(HEADER, withCell(0, 'year', '26')), ['line 2, column year: "26" is not a year']],
  [
    'kunta and municipality_code disagree',
    csv(
      [...HEADER, 'municipality_code'],
      ROWS.map((r, i) => [...r, i === 1 ? '625' : r[0]!]),
    ),
    ['line 3, column municipality_code: "625" does not match kunta "624"'],
  ],
  [
    'every problem of every row is listed',
    csv(HEADER, withCell(0, 'kunta', 'x', withCell(0, 'kielisuhde_code', '', withCell(3, 'municipality_name_fi', '')))),
    [
      'line 2, column kunta: "x" is not a municipality code (1–3 digits, e.g. 20, 020 or KU020)',
      'line 2, column kielisuhde_code: is empty',
      'line 5, column municipality_name_fi: is empty',
    ],
  ],
  ['header only', csv(HEADER, []), ['the file has a header but no municipality rows']],
  ['empty file', '', ['the file is empty (no header row)']],
  [
    'a row with a missing cell',
    csv(HEADER, [...ROWS.slice(0, 2), ROWS[2]!.slice(1)]),
    ['not valid CSV: Invalid Record Length: expect 11, got 10 on line 4'],
  ],
];

describe('municipality classification: malformed files give exact problems', () => {
  for (const [what, text, expected] of MALFORMED) {
    test(what, () => {
      const { message, details } = problemsOf(text);
      assert.equal(message, `kunnat.csv: ${expected.length} problem(s) found; nothing was written`);
      assert.deepEqual(details, expected);
    });
  }

  test('shows the first 50 problems and counts the rest', () => {
    const rows = Array.from({ length: 60 }, (_, i) => withCell(0, 'kunta', `bad${i}`)[0]!);
    const { message, details } = problemsOf(csv(HEADER, rows));
    assert.equal(message, 'kunnat.csv: 60 problem(s) found; nothing was written');
    assert.equal(details.length, 51);
    assert.equal(
      details[0],
      'line 2, column kunta: "bad0" is not a municipality code (1–3 digits, e.g. 20, 020 or KU020)',
    );
    assert.equal(details[50], '… and 10 more problems');
  });

  test('a file that cannot be read names its path', async () => {
    await assert.rejects(readMunicipalityClassification('/nonexistent/kunnat.csv'), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'invalid_file');
      assert.equal(e.message, '/nonexistent/kunnat.csv: cannot be read (ENOENT)');
      return true;
    });
  });
});

describe('municipality classification: subregions (seutukunnat)', () => {
  const SUB_HEADER = [...HEADER, 'seutukunta_code', 'seutukunta_name_fi', 'seutukunta_name_sv', 'seutukunta_name_en'];
  const kotkaHamina = ['82', 'Kotka-Hamina', 'Kotka-Fredrikshamn', 'Kotka-Hamina'];
  // The fixture rows' real subregions: Hamina, Pyhtää (Kotka-Hamina), Maarianhamina, Kemiönsaari.
  const REAL = [
    kotkaHamina,
    kotkaHamina,
    ['211', 'Mariehamns stad', 'Mariehamns stad', 'Mariehamns stad'],
    ['21', 'Åboland-Turunmaa', 'Åboland-Turunmaa', 'Åboland-Turunmaa'],
  ];
  const rowsWith = (subs: string[][]): string[][] => ROWS.map((r, i) => [...r, ...(subs[i] ?? REAL[i]!)]);

  test('reads each subregion once, with its region, and each municipality’s subregion', () => {
    const facts = parseMunicipalityClassification(csv(SUB_HEADER, rowsWith([])), 'kunnat.csv');
    assert.deepEqual(facts.subregions, [
      { code: '021', region: '02', name: { fi: 'Åboland-Turunmaa', sv: 'Åboland-Turunmaa', en: 'Åboland-Turunmaa' } },
      { code: '082', region: '08', name: { fi: 'Kotka-Hamina', sv: 'Kotka-Fredrikshamn', en: 'Kotka-Hamina' } },
      { code: '211', region: '21', name: { fi: 'Mariehamns stad', sv: 'Mariehamns stad', en: 'Mariehamns stad' } },
    ]);
    assert.deepEqual(
      facts.municipalities.map((m) => `${m.code} ${m.subregion}`),
      ['075 082', '322 021', '478 211', '624 082'],
    );
  });

  test('a file without the subregion columns has no subregions', () => {
    const facts = parseMunicipalityClassification(csv(HEADER, ROWS), 'kunnat.csv');
    assert.equal(facts.subregions, undefined);
    assert.ok(facts.municipalities.every((m) => m.subregion === undefined));
  });

  test('a bad code, an empty name, two regions and two names for one subregion are named by line and column', () => {
    const first = problemsOf(
      csv(
        SUB_HEADER,
        rowsWith([
          ['8x2', 'Kotka-Hamina', 'Kotka-Fredrikshamn', 'Kotka-Hamina'],
          kotkaHamina,
          ['SK082', 'Kotka-Hamina', 'Kotka-Fredrikshamn', 'Kotka-Hamina'],
          ['21', '', 'Åboland-Turunmaa', 'Åboland-Turunmaa'],
        ]),
      ),
    );
    assert.deepEqual(first.details, [
      'line 2, column seutukunta_code: "8x2" is not a subregion code (1–3 digits, e.g. 81, 081 or SK081)',
      'line 4, column seutukunta_code: subregion 082 lies in region 21 here but in 08 on line 3',
      'line 5, column seutukunta_name_fi: is empty',
    ]);
    const second = problemsOf(
      csv(SUB_HEADER, rowsWith([kotkaHamina, ['082', 'Kotkan seutu', 'Kotka-Fredrikshamn', 'Kotka-Hamina']])),
    );
    assert.deepEqual(second.details, [
      'line 3, column seutukunta_name_fi: subregion 082 is named "Kotkan seutu / Kotka-Fredrikshamn / Kotka-Hamina" ' +
        'but "Kotka-Hamina / Kotka-Fredrikshamn / Kotka-Hamina" on line 2',
    ]);
  });

  test('a code column without its name columns is refused', () => {
    const { details } = problemsOf(
      csv(
        [...HEADER, 'seutukunta_code'],
        ROWS.map((r) => [...r, '82']),
      ),
    );
    assert.deepEqual(details, [
      'missing column "seutukunta_name_fi" (the file has seutukunta_code)',
      'missing column "seutukunta_name_sv" (the file has seutukunta_code)',
      'missing column "seutukunta_name_en" (the file has seutukunta_code)',
    ]);
  });
});

for (const target of databaseTargets()) {
  describe(`municipality import on ${target.name}`, () => {
    let ctx: AppContext;
    before(async () => {
      ctx = await openTestContext(target);
    });
    after(async () => {
      await ctx.close();
    });

    test('a malformed file changes nothing in the database', async () => {
      const before = await snapshot(ctx.db.kysely);
      assert.equal(before.counts['municipalities'], 308, 'seeded from content/facts');
      for (const [what, text] of MALFORMED) {
        await assert.rejects(
          async () => importMunicipalities(ctx.db, parseMunicipalityClassification(text, 'kunnat.csv')),
          (e: unknown) => e instanceof AppError && e.code === 'invalid_file',
          what,
        );
      }
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('a failure inside the transaction rolls back every write', async () => {
      const before = await snapshot(ctx.db.kysely);
      const facts: MunicipalityFacts = parseMunicipalityClassification(
        csv(HEADER, withCell(0, 'municipality_name_en', 'Fredrikshamn')),
        'kunnat.csv',
      );
      // A municipality in a region the database does not have: the foreign key fails after the
      // regions were upserted and Hamina was updated.
      facts.municipalities.push({ code: '998', region: '99', name: { fi: 'Ei', sv: 'Ej', en: 'No' }, languages: 'fi' });
      await assert.rejects(inTransaction(ctx.db.kysely, (trx) => storeMunicipalityFacts(trx, facts)));
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('a valid file adds, updates and removes municipalities and reports the counts', async () => {
      const generation = (await ctx.freshness.current()).of('08', 'region');
      const rows = [
        ...withCell(0, 'municipality_name_en', 'Fredrikshamn'),
        [
          '999',
          'Uusikunta',
          'Nykommun',
          'New Town',
          '0',
          '',
          '8',
          'Kymenlaakso',
          'Kymmenedalen',
          'Kymenlaakso',
          '2026',
        ],
      ];
      const counts = await importMunicipalities(
        ctx.db,
        parseMunicipalityClassification(csv(HEADER, rows), 'kunnat.csv'),
      );
      assert.deepEqual(counts, { regions: 3, added: 1, updated: 1, removed: 304 });
      ctx.reader.invalidate();
      assert.ok(
        (await ctx.freshness.current()).of('08', 'region') > generation,
        "the regions' facts generation moves on",
      );
      const kymenlaakso = await ctx.reader.municipalities('08');
      assert.deepEqual(
        kymenlaakso.map((m) => [m.code, m.name.fi, m.name.en, m.languages]),
        [
          ['075', 'Hamina', 'Fredrikshamn', 'fi'],
          ['624', 'Pyhtää', 'Pyhtää', 'fi-sv'],
          ['999', 'Uusikunta', 'New Town', 'fi'],
        ],
      );
      assert.equal((await ctx.reader.municipalities()).length, 5);
    });
  });
}

// --- The real classification files (../shared/data, next to the repository) -------------------

const CLASSIFICATIONS = resolve(DATA_DIR, 'classifications');

const file = (year: number): string => resolve(CLASSIFICATIONS, `geofi-municipality_key_${year}.csv`);
const names = (facts: MunicipalityFacts, region: string): string[] =>
  facts.municipalities.filter((m) => m.region === region).map((m) => `${m.code} ${m.name.fi}`);

describe('municipality classification: the real geofi files', () => {
  test('2026: 19 regions with Åland, 308 municipalities, known rows', REAL_DATA, async () => {
    requireData();
    const facts = await readMunicipalityClassification(file(2026));
    assert.equal(facts.year, 2026);
    assert.equal(facts.regions.length, 19);
    assert.deepEqual(
      facts.regions.map((r) => r.code),
      [
        '01',
        '02',
        '04',
        '05',
        '06',
        '07',
        '08',
        '09',
        '10',
        '11',
        '12',
        '13',
        '14',
        '15',
        '16',
        '17',
        '18',
        '19',
        '21',
      ],
    );
    assert.equal(facts.municipalities.length, 308);
    assert.deepEqual(names(facts, '08'), [
      '075 Hamina',
      '285 Kotka',
      '286 Kouvola',
      '489 Miehikkälä',
      '624 Pyhtää',
      '935 Virolahti',
    ]);
    assert.equal(facts.municipalities.find((m) => m.code === '624')?.languages, 'fi-sv');
    assert.equal(facts.subregions?.length, 69);
    assert.deepEqual(
      facts.subregions?.filter((r) => r.region === '08'),
      [
        { code: '081', region: '08', name: { fi: 'Kouvola', sv: 'Kouvola', en: 'Kouvola' } },
        { code: '082', region: '08', name: { fi: 'Kotka-Hamina', sv: 'Kotka-Fredrikshamn', en: 'Kotka-Hamina' } },
      ],
    );
    assert.deepEqual(
      facts.municipalities.filter((m) => m.region === '08').map((m) => `${m.code} ${m.subregion}`),
      ['075 082', '285 082', '286 081', '489 082', '624 082', '935 082'],
    );
    assert.equal(facts.municipalities.find((m) => m.code === '142')?.region, '07');
    assert.equal(names(facts, '21').length, 16);
    assert.deepEqual(
      facts.municipalities.find((m) => m.code === '478'),
      {
        code: '478',
        region: '21',
        name: { fi: 'Maarianhamina', sv: 'Mariehamn', en: 'Mariehamn' },
        languages: 'sv',
        subregion: '211',
      },
    );
    assert.deepEqual(
      facts.municipalities.find((m) => m.code === '081')?.name,
      { fi: 'Hartola', sv: 'Gustav Adolfs', en: 'Hartola' },
      'trailing spaces trimmed',
    );
    assert.deepEqual(facts.municipalities.find((m) => m.code === '020')?.name, { fi: 'Akaa', sv: 'Ackas', en: 'Akaa' });
    const en = Object.fromEntries(facts.regions.map((r) => [r.code, r.name.en]));
    assert.deepEqual(
      [
        en['02'],
        en['09'],
        en['10'],
        en['11'],
        en['12'],
        en['13'],
        en['14'],
        en['15'],
        en['16'],
        en['17'],
        en['19'],
        en['21'],
      ],
      [
        'Southwest Finland',
        'South Karelia',
        'South Savo',
        'North Savo',
        'North Karelia',
        'Central Finland',
        'South Ostrobothnia',
        'Ostrobothnia',
        'Central Ostrobothnia',
        'North Ostrobothnia',
        'Lapland',
        'Åland',
      ],
    );
  });

  test(
    '2026: the shipped content/facts/municipalities.json is exactly what the import makes of it',
    REAL_DATA,
    async () => {
      requireData();
      const facts = await readMunicipalityClassification(file(2026));
      const shipped = municipalityFactsSchema.parse(
        JSON.parse(readFileSync(resolve(ROOT_DIR, 'content/facts/municipalities.json'), 'utf8')),
      );
      assert.deepEqual({ ...shipped, source: '' }, { ...facts, source: '' });
      assert.match(
        shipped.source,
        /^Statistics Finland municipality classification .*geofi R package's municipality_key table /,
      );
      assert.match(
        shipped.source,
        / .*year 2026; made by `suunta import municipalities geofi-municipality_key_2026\.csv /,
      );
      assert.ok(shipped.source.endsWith(' --facts-out content/facts/municipalities.json`'), shipped.source);
    },
  );

  test('2025: 308 municipalities in 19 regions', REAL_DATA, async () => {
    requireData();
    const facts = await readMunicipalityClassification(file(2025));
    assert.equal(facts.year, 2025);
    assert.equal(facts.regions.length, 19);
    assert.equal(facts.municipalities.length, 308);
  });

  test('2013: 320 municipalities before the mergers; old names and bilingual cells handled', REAL_DATA, async () => {
    requireData();
    const facts = await readMunicipalityClassification(file(2013));
    assert.equal(facts.year, 2013);
    assert.equal(facts.regions.length, 19);
    assert.equal(facts.municipalities.length, 320);
    assert.deepEqual(names(facts, '08'), [
      '075 Hamina',
      '142 Iitti',
      '285 Kotka',
      '286 Kouvola',
      '489 Miehikkälä',
      '624 Pyhtää',
      '935 Virolahti',
    ]);
    assert.deepEqual(facts.municipalities.find((m) => m.code === '020')?.name, { fi: 'Akaa', sv: 'Akaa', en: 'Akaa' });
    assert.deepEqual(facts.municipalities.find((m) => m.code === '478')?.name, {
      fi: 'Maarianhamina',
      sv: 'Mariehamn',
      en: 'Mariehamn',
    });
    assert.deepEqual(facts.municipalities.find((m) => m.code === '838')?.name.fi, 'Tarvasjoki');
    const byCode = Object.fromEntries(facts.regions.map((r) => [r.code, r.name]));
    assert.deepEqual(byCode['21'], { fi: 'Ahvenanmaa', sv: 'Åland', en: 'Åland' });
    assert.deepEqual(
      byCode['02'],
      { fi: 'Varsinais-Suomi', sv: 'Egentliga Finland', en: 'Southwest Finland' },
      'English name from the override table',
    );
    assert.equal(byCode['10']?.en, 'South Savo');
    assert.equal(byCode['11']?.en, 'North Savo');
  });

  for (const target of databaseTargets()) {
    test(`2013 then 2026 into the database on ${target.name}: mergers added and removed again`, REAL_DATA, async () => {
      requireData();
      const ctx = await openTestContext(target);
      try {
        assert.deepEqual(await importMunicipalities(ctx.db, await readMunicipalityClassification(file(2026))), {
          regions: 19,
          added: 0,
          updated: 0,
          removed: 0,
        });
        // Every 2026 row changes (at least its classification year); the 12 merged municipalities come back.
        assert.deepEqual(await importMunicipalities(ctx.db, await readMunicipalityClassification(file(2013))), {
          regions: 19,
          added: 12,
          updated: 308,
          removed: 0,
        });
        ctx.reader.invalidate();
        assert.equal((await ctx.reader.municipalities()).length, 320);
        assert.ok((await ctx.reader.municipalities('08')).some((m) => m.code === '142' && m.name.fi === 'Iitti'));
        assert.deepEqual(await importMunicipalities(ctx.db, await readMunicipalityClassification(file(2026))), {
          regions: 19,
          added: 0,
          updated: 308,
          removed: 12,
        });
        ctx.reader.invalidate();
        assert.equal((await ctx.reader.municipalities()).length, 308);
        assert.deepEqual(
          (await ctx.reader.municipalities('08')).map((m) => m.code),
          ['075', '285', '286', '489', '624', '935'],
        );
        assert.equal((await ctx.reader.regions()).length, 19);
      } finally {
        await ctx.close();
      }
    });
  }
});
