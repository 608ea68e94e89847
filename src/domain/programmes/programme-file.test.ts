/** The programme file schema: a valid fixture, and a table of malformed files → exact problem messages. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseProgrammeFile, RESERVED_SLUGS } from './programme-file.ts';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/programme-files/minimal.yaml', import.meta.url), 'utf8');

type Plain = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh copy of the valid fixture as plain data. */
function fixture(): Plain {
  return parse(FIXTURE) as Plain;
}

/** The problems parseProgrammeFile reports for the fixture after `mutate`; [] when it is valid. */
function problemsAfter(mutate: (file: Plain) => void): string[] {
  const file = fixture();
  mutate(file);
  const result = parseProgrammeFile(file);
  return result.ok ? [] : result.problems;
}

describe('programme file: the valid fixture', () => {
  test('parses, with children under `children` and defaults filled in', () => {
    const result = parseProgrammeFile(fixture());
    assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
    const file = result.file;
    assert.equal(file.region, '08');
    assert.equal(file.programme.kind, 'regional-programme');
    assert.deepEqual(
      file.versions.map((v) => [v.number, v.status]),
      [
        [1, 'superseded'],
        [2, 'approved'],
      ],
    );
    const logistics = file.versions[0]!.nodes[1]!.children[2]!;
    assert.equal(logistics.key, 'logistics');
    assert.deepEqual(logistics.terms, []);
    assert.deepEqual(
      logistics.children.map((c) => c.key),
      ['ports'],
    );
    assert.equal(file.versions[1]!.nodes[1]!.children[0]!.slug, 'teollisuus');
    assert.deepEqual(file.versions[1]!.nodes[0]!.children[0]!.terms, ['crosscutting/equality', 'crosscutting/climate']);
  });
});

const v0 = (f: Plain): Plain => f['versions'][0];
const v1 = (f: Plain): Plain => f['versions'][1];

/** [what is wrong, how to break the fixture, the exact problems expected]. */
const MALFORMED: [string, (f: Plain) => void, string[]][] = [
  [
    'missing Finnish title deep in the tree',
    (f) => delete v0(f)['themes'][1]['priorities'][2]['title']['fi'],
    ['versions[0].themes[1].priorities[2].title.fi: is required'],
  ],
  ['missing title object', (f) => delete v1(f)['themes'][0]['title'], ['versions[1].themes[0].title: is required']],
  [
    'empty Finnish title (only spaces)',
    (f) => (v0(f)['themes'][0]['title']['fi'] = '   '),
    ['versions[0].themes[0].title.fi: Finnish text is required and must not be empty'],
  ],
  [
    'empty Swedish translation',
    (f) => (v0(f)['themes'][0]['title']['sv'] = ''),
    ['versions[0].themes[0].title.sv: must not be empty'],
  ],
  [
    'unknown field on a node',
    (f) => (v0(f)['themes'][0]['colour'] = 'red'),
    ['versions[0].themes[0]: unknown field(s) "colour"'],
  ],
  [
    'unknown language in a text',
    (f) => (f['programme']['title']['de'] = 'Testprogramm'),
    ['programme.title: unknown field(s) "de"'],
  ],
  [
    'programme kind not in the list',
    (f) => (f['programme']['kind'] = 'strategy'),
    ['programme.kind: must be one of "regional-programme", "smart-specialisation-strategy"'],
  ],
  [
    'a number where text belongs',
    (f) => (v0(f)['themes'][0]['title']['fi'] = 42),
    ['versions[0].themes[0].title.fi: expected string, received number'],
  ],
  ['unknown top-level field', (f) => (f['extra'] = true), ['(top level): unknown field(s) "extra"']],
  [
    'bad characters in a node key',
    (f) => (v0(f)['themes'][0]['key'] = 'Ihmiset_1'),
    [
      'versions[0].themes[0].key: must be lower-case letters a–z, digits and single hyphens, e.g. "osaaminen-ja-koulutus"',
    ],
  ],
  [
    'double hyphen in a term key',
    (f) => (f['programme']['taxonomies'][0]['terms'][1]['key'] = 'tasa--arvo'),
    [
      'programme.taxonomies[0].terms[1].key: must be lower-case letters a–z, digits and single hyphens, e.g. "osaaminen-ja-koulutus"',
    ],
  ],
  [
    'duplicate node key in one version (across levels)',
    (f) => (v0(f)['themes'][1]['priorities'][0]['key'] = 'skills'),
    ['versions[0].themes[1].priorities[0].key: duplicate key "skills" in this version'],
  ],
  [
    'duplicate slug among siblings',
    (f) =>
      v1(f)['themes'][1]['priorities'].push({ key: 'industry-2', slug: 'teollisuus', title: { fi: 'Teollisuus 2' } }),
    ['versions[1].themes[1].priorities[1].slug: duplicate slug "teollisuus" among its siblings'],
  ],
  [
    'duplicate term key',
    (f) => (f['programme']['taxonomies'][0]['terms'][1]['key'] = 'climate'),
    [
      'programme.taxonomies[0].terms[1].key: duplicate term key "climate"',
      'versions[0].themes[0].priorities[0].terms[0]: unknown term "crosscutting/equality" (declare it under programme.taxonomies)',
      'versions[1].themes[0].priorities[0].terms[0]: unknown term "crosscutting/equality" (declare it under programme.taxonomies)',
    ],
  ],
  [
    'unknown term reference',
    (f) => (v1(f)['themes'][0]['priorities'][0]['terms'] = ['crosscutting/climate', 'spearheads/energy']),
    [
      'versions[1].themes[0].priorities[0].terms[1]: unknown term "spearheads/energy" (declare it under programme.taxonomies)',
    ],
  ],
  [
    'term reference without taxonomy',
    (f) => (v1(f)['themes'][0]['terms'] = ['climate']),
    ['versions[1].themes[0].terms[0]: must be "taxonomy/term"'],
  ],
  [
    'approved version without decision',
    (f) => delete v1(f)['decision'],
    ['versions[1].decision: an approved version needs its decision (body and date)'],
  ],
  [
    'superseded version without decision',
    (f) => delete v0(f)['decision'],
    ['versions[0].decision: a superseded version needs its decision (body and date)'],
  ],
  [
    'two approved versions',
    (f) => (v0(f)['status'] = 'approved'),
    ['versions: 2 versions are "approved"; at most one may be, mark the older ones "superseded"'],
  ],
  [
    'unknown version status',
    (f) => (v1(f)['status'] = 'published'),
    ['versions[1].status: must be one of "draft", "consultation", "approved", "superseded"'],
  ],
  ['duplicate version number', (f) => (v1(f)['number'] = 1), ['versions[1].number: duplicate version number 1']],
  [
    'bad date (Finnish style)',
    (f) => (v1(f)['decision']['date'] = '19.12.2030'),
    ['versions[1].decision.date: must be a date written as YYYY-MM-DD'],
  ],
  [
    'impossible date',
    (f) => (v1(f)['decision']['date'] = '2030-02-30'),
    ['versions[1].decision.date: must be a date written as YYYY-MM-DD'],
  ],
  ['wrong format literal', (f) => (f['format'] = 'suunta.programme/2'), ['format: must be "suunta.programme/1"']],
  ['missing format', (f) => delete f['format'], ['format: must be "suunta.programme/1"']],
  [
    'region code without leading zero',
    (f) => (f['region'] = '8'),
    ['region: must be a two-digit region code such as "08"'],
  ],
  ['region code as a number', (f) => (f['region'] = 8), ['region: expected string, received number']],
  [
    'reserved slug',
    (f) => (v1(f)['themes'][0]['slug'] = 'search'),
    [`versions[1].themes[0].slug: must not be one of the reserved words ${RESERVED_SLUGS.join(', ')}`],
  ],
  [
    'reserved word as a key without a slug',
    (f) => (v1(f)['themes'][0]['key'] = 'contact'),
    ['versions[1].themes[0].key: "contact" is a reserved word; give the node another slug'],
  ],
  [
    'a measure with measures of its own (deeper than the levels)',
    (f) => (v0(f)['themes'][1]['priorities'][2]['measures'][0]['measures'] = [{ key: 'deep', title: { fi: 'Syvä' } }]),
    ['versions[0].themes[1].priorities[2].measures[0]: unknown field(s) "measures"'],
  ],
  [
    'children under the wrong level name',
    (f) => (v0(f)['themes'][0]['measures'] = []),
    ['versions[0].themes[0]: unknown field(s) "measures"'],
  ],
  [
    'period ending before it starts',
    (f) => (f['programme']['period'] = { start: 2033, end: 2030 }),
    ['programme.period: period end must not be before its start'],
  ],
  ['no versions', (f) => (f['versions'] = []), ['versions: at least one version is required']],
  [
    'bad council e-mail and business id',
    (f) => {
      f['council']['email'] = 'not-an-email';
      f['council']['businessId'] = '206714-5';
    },
    ['council.businessId: must be a Finnish business id such as "0206714-5"', 'council.email: Invalid email address'],
  ],
  [
    'a header problem and tree problems are reported together',
    (f) => {
      f['region'] = '8';
      delete v1(f)['themes'][0]['priorities'][0]['title']['fi'];
    },
    [
      'region: must be a two-digit region code such as "08"',
      'versions[1].themes[0].priorities[0].title.fi: is required',
    ],
  ],
  [
    'several problems in different versions are all reported',
    (f) => {
      delete v0(f)['themes'][0]['title']['fi'];
      v1(f)['themes'][1]['priorities'][0]['key'] = 'Bad Key';
    },
    [
      'versions[0].themes[0].title.fi: is required',
      'versions[1].themes[1].priorities[0].key: must be lower-case letters a–z, digits and single hyphens, e.g. "osaaminen-ja-koulutus"',
    ],
  ],
];

describe('programme file: malformed files give exact problems', () => {
  for (const [what, mutate, expected] of MALFORMED) {
    test(what, () => {
      assert.deepEqual(problemsAfter(mutate), expected);
    });
  }

  test('not an object at all', () => {
    const result = parseProgrammeFile('just text');
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.problems, ['(top level): expected object, received string']);
  });
});
