/** Mapping one source row to a project: maps, lists, lookups, programme links, and every problem named with its column. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mappingSchema, type ProjectMapping } from '#src/domain/projects/mapping.ts';
import { mapRow, type ProjectLookups } from '#src/domain/projects/map-row.ts';
import { projectSchema } from '#src/domain/projects/project.ts';
import { cachedStemText, projectSearchTexts } from '#src/domain/projects/search-text.ts';
import { stemText } from '#src/domain/search-text.ts';

const LOOKUPS: ProjectLookups = {
  regionCode: '08',
  municipalityCodes: new Set(['075', '285', '286', '624']),
  municipalityByName: new Map([
    ['hamina', '075'],
    ['fredrikshamn', '075'],
    ['kotka', '285'],
    ['kouvola', '286'],
    ['pyhtää', '624'],
    ['pyttis', '624'],
  ]),
  programmes: new Map([
    [
      '2022-2025',
      {
        nodes: new Map<string, string | null>([
          ['innovatiivinen-kymenlaakso', 'theme'],
          ['uudistuva-elinkeinoelama', 'priority'],
          ['matkailu', 'measure'],
        ]),
        terms: new Set(['spearheads/logistics', 'crosscutting/digitalisation']),
        levelKeys: new Set(['theme', 'priority', 'measure']),
      },
    ],
    [
      '2026-2029',
      {
        nodes: new Map<string, string | null>([['matkailu', 'measure']]),
        terms: new Set<string>(),
        levelKeys: new Set(['theme', 'priority', 'measure']),
      },
    ],
  ]),
  programme: null,
};

const MAPPING: ProjectMapping = mappingSchema.parse({
  format: 'suunta.project-mapping/1',
  fields: {
    code: { column: 'Koodi' },
    'name.fi': { column: 'Nimi' },
    'name.en': { column: 'Name', optional: true },
    'leadOrganisation.name': { column: 'Toteuttaja' },
    'leadOrganisation.businessId': { column: 'Y-tunnus' },
    partners: { column: 'Kumppanit' },
    municipalities: { column: 'Kunnat' },
    startDate: { column: 'Alku' },
    endDate: { column: 'Loppu' },
    status: { column: 'Tila', map: { Toiminnassa: 'running', 'Toiminta päättynyt': 'ended' } },
    primaryNode: { column: 'Painopiste' },
    nodes: { column: 'Muut' },
    terms: { column: 'Kärjet' },
    source: { value: 'testi' },
  },
  funding: [
    {
      fund: { column: 'Rahasto', map: { EAKR: 'ERDF' } },
      kind: 'granted',
      amount: { column: 'Myönnetty' },
      year: { column: 'Vuosi' },
    },
    { fund: { value: 'MUNICIPAL' }, kind: 'planned', amount: { column: 'Kunta' } },
  ],
  details: { Tl: { column: 'Tl' }, 'Julkinen yhteensä': { column: 'Julkinen', type: 'amount' } },
});

const ROW: Record<string, string> = {
  Koodi: 'A70301',
  Nimi: ' Satamalogistiikan kehittäminen ',
  Toteuttaja: 'Kotkan kaupunki',
  'Y-tunnus': '0206714-5',
  Kumppanit: 'Kouvolan kaupunki\nXAMK (1572860-0)',
  Kunnat: 'Kotka, 75; pyttis',
  Alku: '1.3.2023',
  Loppu: '2025-12-31',
  Tila: 'Toiminnassa',
  Painopiste: 'uudistuva-elinkeinoelama',
  Muut: 'innovatiivinen-kymenlaakso uudistuva-elinkeinoelama',
  Kärjet: 'spearheads/logistics, crosscutting/digitalisation',
  Rahasto: 'EAKR',
  Myönnetty: '1 234 567,89',
  Vuosi: '2024',
  Kunta: '',
  Tl: '2',
  Julkinen: '1.500.000',
};

const reader = (row: Record<string, string>) => (column: string) => row[column];
const problemsOf = (changes: Record<string, string>, lookups = LOOKUPS): string[] =>
  mapRow(reader({ ...ROW, ...changes }), MAPPING, lookups).problems.map((p) => `${p.column}: ${p.reason}`);

describe('mapping a row', () => {
  test('a valid row becomes a project that satisfies the project schema', () => {
    const { project, problems, code } = mapRow(reader(ROW), MAPPING, LOOKUPS);
    assert.deepEqual(problems, []);
    assert.equal(code, 'A70301');
    assert.deepEqual(project, {
      code: 'A70301',
      name: { fi: 'Satamalogistiikan kehittäminen' },
      summary: null,
      leadOrganisation: { name: 'Kotkan kaupunki', businessId: '0206714-5' },
      partners: [
        { name: 'Kouvolan kaupunki', businessId: null },
        { name: 'XAMK', businessId: '1572860-0' },
      ],
      municipalities: ['075', '285', '624'],
      startDate: '2023-03-01',
      endDate: '2025-12-31',
      status: 'running',
      funding: [{ fund: 'ERDF', kind: 'granted', amountCents: 123456789, year: 2024 }],
      nodes: [
        { programme: '2022-2025', key: 'uudistuva-elinkeinoelama', primary: true },
        { programme: '2022-2025', key: 'innovatiivinen-kymenlaakso', primary: false },
      ],
      terms: [
        { programme: '2022-2025', taxonomy: 'spearheads', term: 'logistics' },
        { programme: '2022-2025', taxonomy: 'crosscutting', term: 'digitalisation' },
      ],
      source: 'testi',
      details: { Tl: '2', 'Julkinen yhteensä': '1500000.00' },
    });
    assert.ok(projectSchema.safeParse(project).success);
  });

  const CASES: [string, Record<string, string>, string[]][] = [
    ['empty code', { Koodi: '' }, ['Koodi: is empty (every project needs its code)']],
    [
      'code with spaces',
      { Koodi: 'A 1' },
      [
        'Koodi: "A 1" is not a project code (letters A–Z, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters)',
      ],
    ],
    ['a number as the name', { Nimi: '157500' }, ['Nimi: "157500" is not a name (it has no letters)']],
    ['no name at all', { Nimi: ' ' }, ['Nimi" / "Name: is empty (every project needs a name)']],
    [
      'a number as the organisation',
      { Toteuttaja: '157500' },
      ['Toteuttaja: "157500" is not an organisation name (it has no letters)'],
    ],
    [
      'bad business id',
      { 'Y-tunnus': '0206714-4' },
      ['Y-tunnus: "0206714-4" is not a Finnish business id (1234567-8 with a valid check digit)'],
    ],
    [
      'unknown municipality code',
      { Kunnat: 'Kotka, 999' },
      ['Kunnat: "999" is not the code of a municipality in the municipality register'],
    ],
    [
      'unknown municipality name',
      { Kunnat: 'Kotkaa' },
      ['Kunnat: "Kotkaa" is not a municipality (neither a name nor an official code in the municipality register)'],
    ],
    ['impossible date', { Alku: '31.2.2020' }, ['Alku: "31.2.2020" is not a date: February 2020 has 29 days']],
    [
      'ends before it starts',
      { Loppu: '28.2.2023' },
      ['Loppu: the project ends (2023-02-28) before it starts (2023-03-01)'],
    ],
    [
      'unmapped status',
      { Tila: 'Keskeytynyt' },
      [
        'Tila: "Keskeytynyt" is not a status (planned, running, ended, cancelled; map the source\'s words in the mapping\'s "map")',
      ],
    ],
    ['empty status', { Tila: '' }, ['Tila: is empty (every project needs a status)']],
    [
      'a theme as the primary priority',
      { Painopiste: 'innovatiivinen-kymenlaakso' },
      ['Painopiste: "innovatiivinen-kymenlaakso" is a theme of programme 2022-2025, not a priority'],
    ],
    ['unknown node key', { Muut: 'satamat' }, ['Muut: "satamat" is not a node key of any programme of region 08']],
    [
      'a key of two programmes',
      { Muut: 'matkailu' },
      [
        'Muut: "matkailu" is a node key of several programmes (2022-2025, 2026-2029); name one with "programme" in the mapping',
      ],
    ],
    [
      'unknown term',
      { Kärjet: 'spearheads/space' },
      ['Kärjet: "spearheads/space" is not a term of any programme of region 08'],
    ],
    [
      'malformed term',
      { Kärjet: 'logistics' },
      ['Kärjet: "logistics" is not a term reference (write taxonomy/term, e.g. spearheads/logistics)'],
    ],
    [
      'bad amount',
      { Myönnetty: '1.234,5,6' },
      ['Myönnetty: "1.234,5,6" is not an amount: the decimal separator "," appears more than once'],
    ],
    [
      'money without a fund',
      { Rahasto: '' },
      ['Rahasto: is empty, but "Myönnetty" has an amount (which fund is it from?)'],
    ],
    [
      'unknown fund',
      { Rahasto: 'EMKR' },
      [
        'Rahasto: "EMKR" is not a fund (ERDF, ESF+, JTF, AKKE, INTERREG, HORIZON, MUNICIPAL, ' +
          'PRIVATE, OTHER; or map the source\'s names in the mapping\'s "map")',
      ],
    ],
    ['bad year', { Vuosi: '24' }, ['Vuosi: "24" is not a year']],
    [
      'bad amount in a detail',
      { Julkinen: '15.10.2014' },
      ['Julkinen: "15.10.2014" is not an amount: digits between thousands separators must come in groups of three'],
    ],
    [
      'every problem of the row is listed',
      { Koodi: '', Alku: '7560', Myönnetty: 'x' },
      [
        'Koodi: is empty (every project needs its code)',
        'Alku: "7560" is not a date (write d.m.yyyy, e.g. 1.3.2015, or yyyy-mm-dd)',
        'Myönnetty: "x" is not an amount: write it as a number of euros, e.g. 1234,50',
      ],
    ],
  ];
  for (const [what, changes, expected] of CASES) {
    test(what, () => assert.deepEqual(problemsOf(changes), expected));
  }

  test('the mapping may name the programme, which settles keys of several programmes', () => {
    const { project } = mapRow(reader({ ...ROW, Muut: 'matkailu' }), MAPPING, { ...LOOKUPS, programme: '2026-2029' });
    assert.equal(project, null, 'the primary priority is not a key of 2026-2029');
    assert.deepEqual(
      problemsOf({ Muut: 'matkailu', Painopiste: '', Kärjet: '' }, { ...LOOKUPS, programme: '2026-2029' }),
      [],
    );
    assert.deepEqual(problemsOf({ Painopiste: '' }, { ...LOOKUPS, programme: '2026-2029' }), [
      'Muut: "innovatiivinen-kymenlaakso" is not a node key of programme 2026-2029',
      'Muut: "uudistuva-elinkeinoelama" is not a node key of programme 2026-2029',
      'Kärjet: "spearheads/logistics" is not a term of programme 2026-2029',
      'Kärjet: "crosscutting/digitalisation" is not a term of programme 2026-2029',
    ]);
  });

  test('the code of a row with other problems is still known (to find duplicates)', () => {
    const r = mapRow(reader({ ...ROW, Alku: 'x' }), MAPPING, LOOKUPS);
    assert.equal(r.project, null);
    assert.equal(r.code, 'A70301');
    assert.equal(r.codeColumn, 'Koodi');
  });

  test('a slug transform makes codes for sources without them', () => {
    const mapping = mappingSchema.parse({
      ...MAPPING,
      fields: { ...MAPPING.fields, code: { column: 'Nimi', transform: 'slug' } },
    });
    assert.equal(
      mapRow(reader({ ...ROW, Nimi: 'Vækst 2.0 – Nordjylland' }), mapping, LOOKUPS).project?.code,
      'vaekst-2-0-nordjylland',
    );
  });
});

describe('mapping files', () => {
  test('the schema names what is wrong', () => {
    const r = mappingSchema.safeParse({
      format: 'suunta.project-mapping/1',
      fields: { code: { column: 'Koodi', value: 'x' }, colour: { column: 'c' } },
      funding: [{ fund: { value: 'ERDF' }, kind: 'spent', amount: { column: 'a' } }],
    });
    assert.ok(!r.success);
    const messages = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    assert.ok(
      messages.some((m) => m.startsWith('fields.colour') || m.includes('colour')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m === 'fields.code: give either "column" or "value"'),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('funding.0.kind')),
      messages.join('\n'),
    );
    const noStatus = mappingSchema.safeParse({
      format: 'suunta.project-mapping/1',
      fields: { code: { column: 'k' }, 'name.fi': { column: 'n' } },
    });
    assert.ok(!noStatus.success);
    assert.deepEqual(
      noStatus.error.issues.map((i) => i.message),
      ['"status" must be mapped'],
    );
  });
});

describe('search text', () => {
  test('cached stemming gives exactly the stems of stemText', () => {
    const text =
      'Kymenlaakson satamien logistiikan kehittäminen ja uudistaminen — kehittämisen hankkeet, hankkeen tulokset';
    assert.deepEqual(cachedStemText(text, 'fi'), stemText(text, 'fi'));
    assert.deepEqual(cachedStemText(text, 'fi'), stemText(text, 'fi'), 'a second time, from the cache');
    assert.deepEqual(cachedStemText('Smart logistics of ports', 'en'), stemText('Smart logistics of ports', 'en'));
  });

  test('one row per language the project is written in, with code and organisations', () => {
    const rows = projectSearchTexts({
      code: 'A70301',
      name: { fi: 'Satamien kehittäminen', en: 'Developing ports' },
      summary: null,
      leadOrganisation: { name: 'Kotkan kaupunki', businessId: null },
      partners: [],
    });
    assert.deepEqual(rows, [
      { lang: 'fi', stems: ['a70301', ...stemText('Satamien kehittäminen Kotkan kaupunki', 'fi')].join(' ') },
      { lang: 'en', stems: ['a70301', ...stemText('Developing ports Kotkan kaupunki', 'en')].join(' ') },
    ]);
  });
});
