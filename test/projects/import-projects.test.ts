/**
 * Importing project lists into the database, on every database: upsert by code (a second import
 * changes nothing), exact problems for malformed files with the database left unchanged,
 * --skip-invalid, JSON, money beyond 2^31 cents, and the full-text index.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '#src/domain/errors.ts';
import type { Project } from '#src/domain/projects/project.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { importProjects, writeProjects, type ProjectImportOptions } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';
import { ensureProjectSearchIndex } from '#src/services/projects/reindex-project-search.ts';
import { writeMeta } from '#src/storage/repositories/meta-repository.ts';
import { rejectsCsv } from '#src/services/projects/rejects-file.ts';
import { findProject, countProjects } from '#src/storage/repositories/projects-repository.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { csv, PROJECT_COLUMNS, rejection, sampleProjectRows } from './support.ts';

const HEADER: string[] = [...PROJECT_COLUMNS];
const ROWS = sampleProjectRows(PROJECT_COLUMNS);
const FILE = csv([HEADER, ...ROWS]);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The rows with `column` of data row `index` (0-based) set to `value`. */
function withCell(index: number, column: string, value: string, rows = ROWS): string[][] {
  const c = HEADER.indexOf(column);
  return rows.map((r, i) => (i === index ? r.map((v, j) => (j === c ? value : v)) : [...r]));
}
function withoutColumn(column: string): string {
  const c = HEADER.indexOf(column);
  return csv([HEADER.filter((_, j) => j !== c), ...ROWS.map((r) => r.filter((_, j) => j !== c))]);
}

const KY_001: Project = {
  code: 'KY-001',
  name: { fi: 'Satamalogistiikan kehittäminen', en: 'Developing port logistics' },
  summary: null,
  leadOrganisation: { name: 'Kotkan kaupunki', businessId: null },
  partners: [
    { name: 'Haminan kaupunki', businessId: null },
    { name: 'XAMK', businessId: '1572860-0' },
  ],
  municipalities: ['075', '285'],
  startDate: '2023-03-01',
  endDate: '2025-12-31',
  status: 'running',
  funding: [
    { fund: 'ERDF', kind: 'granted', amountCents: 2_500_000_000, year: 2024 },
    { fund: 'ERDF', kind: 'paid', amountCents: 123_456_789, year: 2024 },
  ],
  nodes: [{ programme: '2022-2025', key: 'uudistuva-elinkeinoelama', primary: true }],
  terms: [{ programme: '2022-2025', taxonomy: 'spearheads', term: 'logistics' }],
  source: null,
  details: {},
};

/** [what is wrong, the file's bytes, options, the exact problems]. */
const latin1 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const MALFORMED: [string, Uint8Array, Partial<ProjectImportOptions>, string[]][] = [
  [
    'declared UTF-8 but Latin-1 bytes',
    latin1(FILE),
    { encoding: 'utf-8' },
    [
      'kymi.csv: line 2, byte offset 188: not valid UTF-8 (bytes 0xE4 0x6D 0x69 0x6E); the file ' +
        'was declared UTF-8 but looks like Windows-1252 / ISO-8859-1 (use --encoding windows-1252, ' +
        'or leave --encoding out to detect it)',
    ],
  ],
  [
    'missing required column',
    bytes(withoutColumn('status')),
    {},
    ['kymi.csv: row 1, column "status": missing required column'],
  ],
  [
    'missing code column, named near miss',
    bytes(csv([HEADER.map((h) => (h === 'code' ? 'Code;' : h)), ...ROWS])),
    {},
    ['kymi.csv: row 1, column "code": missing required column (the header has "Code;" — a stray character?)'],
  ],
  [
    'no name column at all',
    bytes(
      csv([
        HEADER.filter((h) => !h.startsWith('name_')),
        ...ROWS.map((r) => r.filter((_, j) => !HEADER[j]!.startsWith('name_'))),
      ]),
    ),
    {},
    ['kymi.csv: row 1, none of the name columns ("name_fi", "name_sv", "name_en") is in the header'],
  ],
  [
    'date 31.2.2020',
    bytes(csv([HEADER, ...withCell(2, 'start_date', '31.2.2020')])),
    {},
    ['kymi.csv: row 4 (line 5), column "start_date": "31.2.2020" is not a date: February 2020 has 29 days'],
  ],
  [
    'amount 1.234,5,6',
    bytes(csv([HEADER, ...withCell(0, 'granted_eur', '1.234,5,6')])),
    {},
    [
      'kymi.csv: row 2, column "granted_eur": "1.234,5,6" is not an amount: the decimal separator "," appears more than once',
    ],
  ],
  [
    'unknown municipality code',
    bytes(csv([HEADER, ...withCell(1, 'municipalities', '286, 999')])),
    {},
    [
      'kymi.csv: row 3 (line 4), column "municipalities": "999" is not the code of a municipality in the municipality register',
    ],
  ],
  [
    'duplicate code in the file',
    bytes(csv([HEADER, ...withCell(2, 'code', 'KY-001')])),
    {},
    [
      'kymi.csv: row 2, column "code": project code "KY-001" appears 2 times in the file (rows 2 and 4)',
      'kymi.csv: row 4 (line 5), column "code": project code "KY-001" appears 2 times in the file (rows 2 and 4)',
    ],
  ],
  [
    'a row with a field too many',
    bytes(FILE.replace('KY-002,', 'KY-002,x,')),
    {},
    [
      'kymi.csv: row 3 (line 4): has 17 fields but the header has 16 (separator ","); the row is not read, so that no value lands in the wrong column',
    ],
  ],
  [
    'a stray quote',
    bytes(FILE.replace('KY-003,Kylien digitaidot', 'KY-003,"Kylien" digitaidot')),
    {},
    [
      'kymi.csv: row 4 (line 5): not valid CSV (line 5): a quoted value ends and " " follows ' +
        'instead of a separator — a stray quote character? The row is not read',
    ],
  ],
  [
    'unknown status',
    bytes(csv([HEADER, ...withCell(0, 'status', 'Toiminnassa')])),
    {},
    [
      'kymi.csv: row 2, column "status": "Toiminnassa" is not a status (planned, running, ended, cancelled; map the source\'s words in the mapping\'s "map")',
    ],
  ],
  [
    'a theme as primary priority',
    bytes(csv([HEADER, ...withCell(0, 'primary_node', 'innovatiivinen-kymenlaakso')])),
    {},
    [
      'kymi.csv: row 2, column "primary_node": "innovatiivinen-kymenlaakso" is a theme of programme 2022-2025, not a priority',
    ],
  ],
  ['a programme that the region does not have', bytes(FILE), { programme: '2030-2033' }, []],
  ['header only', bytes(csv([HEADER])), {}, ['kymi.csv: the file has a header but no project rows']],
  ['empty file', bytes(''), {}, ['kymi.csv: the file is empty (no header row)']],
  [
    'JSON that is not an array',
    bytes('{"code":"KY-001"}'),
    { file: 'kymi.json' },
    ['kymi.json: a JSON import must be an array of objects, one per project'],
  ],
  [
    'JSON missing a required key',
    bytes(JSON.stringify([{ code: 'KY-009', name_fi: 'X' }])),
    { file: 'kymi.json' },
    ['kymi.json: column "status": missing required column (no item has it)'],
  ],
];

for (const target of databaseTargets()) {
  describe(`project import on ${target.name}`, () => {
    let ctx: AppContext;
    let options: (o?: Partial<ProjectImportOptions>) => ProjectImportOptions;
    before(async () => {
      ctx = await openTestContext(target);
      const mapping = await readPreset(ctx.config.contentDir, 'suunta');
      options = (o = {}) => ({
        regionCode: '08',
        mapping,
        file: 'kymi.csv',
        now: () => new Date('2026-01-15T10:00:00Z'),
        ...o,
      });
    });
    after(async () => {
      await ctx.close();
    });

    test('malformed files: exact problems, and the database is unchanged', async () => {
      const before = await snapshot(ctx.db.kysely);
      for (const [what, file, extra, expected] of MALFORMED) {
        if (extra.programme) {
          await assert.rejects(
            importProjects(ctx.db, file, options(extra)),
            (e: unknown) =>
              e instanceof AppError &&
              e.code === 'bad_request' &&
              e.message === '"2030-2033" is not a programme of region 08 (its programmes: 2022-2025)',
            what,
          );
          continue;
        }
        const { message, details } = await rejection(() => importProjects(ctx.db, file, options(extra)));
        assert.deepEqual(details, expected, what);
        assert.equal(
          message,
          `${extra.file ?? 'kymi.csv'}: ${expected.length} problem(s) found; nothing was written`,
          what,
        );
      }
      await assert.rejects(
        importProjects(ctx.db, bytes(FILE), options({ regionCode: '99' })),
        (e: unknown) => e instanceof AppError && e.code === 'not_found' && e.message === 'region 99 was not found',
      );
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('a valid file is imported; the same file again changes nothing', async () => {
      const generation = (await ctx.freshness.current()).of('08', 'projects');
      const first = await importProjects(ctx.db, bytes(FILE), options());
      assert.deepEqual(
        { ...first, problems: first.problems.length },
        {
          rows: 3,
          added: 3,
          changed: 0,
          unchanged: 0,
          rejected: [],
          problems: 0,
          encoding: 'utf-8',
          encodingDetected: true,
          delimiter: ',',
        },
      );
      ctx.reader.invalidate();
      assert.ok((await ctx.freshness.current()).of('08', 'projects') > generation, 'page caches learn of the change');
      const stored = await snapshot(ctx.db.kysely);
      const again = await importProjects(
        ctx.db,
        bytes('\ufeff' + FILE.replace(/\n/g, '\r\n')),
        options({ now: () => new Date('2027-01-01T00:00:00Z') }),
      );
      assert.deepEqual([again.added, again.changed, again.unchanged], [0, 0, 3]);
      assert.deepEqual(await snapshot(ctx.db.kysely), stored, 'not even updated_at or the generation moves');
    });

    test('the stored project reads back exactly, money beyond 2^31 cents included', async () => {
      const p = await findProject(ctx.db.kysely, '08', 'KY-001');
      assert.deepEqual(p, { ...KY_001, regionCode: '08', updatedAt: '2026-01-15T10:00:00.000Z' });
      assert.equal(typeof p?.funding[0]?.amountCents, 'number');
      const ky2 = await findProject(ctx.db.kysely, '08', 'KY-002');
      assert.deepEqual(ky2?.leadOrganisation, { name: 'Kouvolan kaupunki', businessId: '0206714-5' });
      assert.deepEqual(ky2?.funding, [{ fund: 'ESF+', kind: 'granted', amountCents: 44_390_900, year: null }]);
      const ky3 = await findProject(ctx.db.kysely, '08', 'KY-003');
      assert.deepEqual(
        [ky3?.municipalities, ky3?.funding, ky3?.terms, ky3?.status],
        [['624'], [], [{ programme: '2022-2025', taxonomy: 'crosscutting', term: 'digitalisation' }], 'planned'],
      );
      assert.equal(await findProject(ctx.db.kysely, '08', 'KY-999'), null);
    });

    test('a changed row is updated; the others are left alone', async () => {
      const before = await findProject(ctx.db.kysely, '08', 'KY-002');
      const rows = withCell(0, 'municipalities', 'Kotka', withCell(0, 'paid_eur', '2 000 000'));
      const r = await importProjects(
        ctx.db,
        bytes(csv([HEADER, ...rows])),
        options({ now: () => new Date('2026-02-01T00:00:00Z') }),
      );
      assert.deepEqual([r.added, r.changed, r.unchanged], [0, 1, 2]);
      const p = await findProject(ctx.db.kysely, '08', 'KY-001');
      assert.deepEqual(p?.municipalities, ['285']);
      assert.deepEqual(p?.funding[1], { fund: 'ERDF', kind: 'paid', amountCents: 200_000_000, year: 2024 });
      assert.equal(p?.updatedAt, '2026-02-01T00:00:00.000Z');
      assert.deepEqual(await findProject(ctx.db.kysely, '08', 'KY-002'), before);
      assert.equal(await countProjects(ctx.db.kysely, '08'), 3);
    });

    test('the stored search stems find projects by inflected words, codes and English text', async () => {
      ctx.reader.invalidate();
      const find = async (q: string): Promise<string[]> =>
        (await ctx.projects.all('08', { q }, 'code')).map((p) => p.code);
      assert.deepEqual(await find('satamien'), ['KY-001'], 'satamien → satam…');
      assert.deepEqual(await find('Kouvolassa'), ['KY-002']);
      assert.deepEqual(await find('ky'), ['KY-001', 'KY-002', 'KY-003'], 'the code is indexed');
      assert.deepEqual(await find('KY-002'), ['KY-002'], 'a code with a hyphen');
      assert.deepEqual(await find('port'), ['KY-001'], 'English text is indexed too');
    });

    test('--skip-invalid writes the valid rows and returns the rejected ones with reasons', async () => {
      const rows = [
        ...withCell(1, 'start_date', '31.2.2020'),
        ['KY-004', 'Uusi hanke', '', '', '', '', '', '', '', 'running', '', '', '', '', '', ''],
      ];
      const text = csv([HEADER, ...rows]).replace('KY-003,', 'KY-003,,');
      const r = await importProjects(ctx.db, bytes(text), options({ skipInvalid: true }));
      assert.deepEqual(
        [r.rows, r.added, r.changed, r.unchanged],
        [4, 1, 1, 0],
        'KY-004 added; KY-001 back to the original',
      );
      assert.deepEqual(r.problems, [
        'kymi.csv: row 3 (line 4), column "start_date": "31.2.2020" is not a date: February 2020 has 29 days',
        'kymi.csv: row 4 (line 5): has 17 fields but the header has 16 (separator ","); the row is not read, so that no value lands in the wrong column',
      ]);
      assert.equal(
        rejectsCsv(r.rejected),
        '\ufeffrow,lines,problems,raw\r\n' +
          ('3,4,"column ""start_date"": ""31.2.2020"" is not a date: February 2020 has 29 ' +
            'days","KY-002,Kouvolan osaamiskeskus,,Kouvolan kaupunki,0206714-5,,286,31.2.2020,31.12.2021,ended,,,ESR,,443909,"\r\n') +
          ('4,5,"has 17 fields but the header has 16 (separator "",""); the row is not read, so that ' +
            'no value lands in the wrong column","KY-003,,Kylien digitaidot,,,,,Pyttis,2026-01-01,,planned,,crosscutting/digitalisation,,,,"\r\n'),
      );
      assert.equal(await countProjects(ctx.db.kysely, '08'), 4);
    });

    test('JSON gives the same projects as CSV', async () => {
      const items = ROWS.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]])));
      items[0]!['municipalities'] = ['285', '075'] as unknown as string;
      items[1]!['granted_eur'] = 443909 as unknown as string;
      const r = await importProjects(
        ctx.db,
        bytes(JSON.stringify(items)),
        options({ file: 'kymi.json', now: () => new Date('2026-01-15T10:00:00Z') }),
      );
      assert.deepEqual([r.added, r.changed, r.unchanged], [0, 0, 3], 'the same projects as the CSV gave');
      assert.deepEqual(await findProject(ctx.db.kysely, '08', 'KY-001'), {
        ...KY_001,
        regionCode: '08',
        updatedAt: '2026-01-15T10:00:00.000Z',
      });
    });

    test('an index built with older stemming rules is rebuilt on start', async () => {
      await ctx.db.kysely.deleteFrom('project_search').execute();
      await writeMeta(ctx.db.kysely, 'project_search_index_version', '1');
      assert.equal(await ensureProjectSearchIndex(ctx.db), 4);
      assert.equal(await ensureProjectSearchIndex(ctx.db), 0, 'current now');
      const rows = await ctx.db.kysely.selectFrom('project_search').select(['lang']).orderBy('lang').execute();
      assert.deepEqual(
        rows.map((r) => r.lang),
        ['en', 'fi', 'fi', 'fi', 'fi'],
        'KY-001 has an English name too',
      );
    });

    test('projects built by a caller are checked against the project schema before anything is written', async () => {
      const before = await snapshot(ctx.db.kysely);
      await assert.rejects(
        writeProjects(ctx.db, '08', [{ ...KY_001, code: 'KY 9', endDate: '2020-01-01' }], '2026-03-01T00:00:00Z'),
        (e: unknown) => {
          assert.ok(e instanceof AppError && e.code === 'bad_request');
          assert.equal(e.message, '2 problem(s) in the projects to write; nothing was written');
          assert.deepEqual(e.details, [
            'project KY 9: code: must be a project code: letters A–Z, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters',
            'project KY 9: endDate: ends before it starts',
          ]);
          return true;
        },
      );
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('a failure inside the write rolls back everything', async () => {
      const before = await snapshot(ctx.db.kysely);
      const p = (code: string): Project => ({ ...KY_001, code });
      await assert.rejects(
        writeProjects(ctx.db, '08', [p('KY-100'), p('KY-101'), p('KY-100')], '2026-03-01T00:00:00Z'),
      );
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });
  });
}
