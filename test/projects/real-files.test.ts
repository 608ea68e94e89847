/**
 * The real project lists in ../shared/data/projects/, each with its expected outcome (below), on
 * every database. Skipped with a plain "NOT RUN" when the folder is missing; under CI a missing
 * folder fails instead.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '#src/config/config.ts';
import type { ProjectMapping } from '#src/domain/projects/mapping.ts';
import { decodeText } from '#src/services/import-files/decode-text.ts';
import { importProjects, type ProjectImportResult } from '#src/services/projects/import-projects.ts';
import { readMappingFile, readPreset } from '#src/services/projects/mappings.ts';
import { readCsv } from '#src/services/import-files/read-table.ts';
import { countProjects, findProject } from '#src/storage/repositories/projects-repository.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { rejection } from './support.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../support/real-data.ts';

const PROJECTS = join(DATA_DIR, 'projects');
const F2014_CLEAN = 'rakennerahastot-fi-2014-2020-projektilista-cleaned.csv';
const F2014_ORIG = 'rakennerahastot-fi-2014-2020-projektilista-original.csv';
const F2007_CLEAN = 'rakennerahastot-fi-2007-2013-projektilista-cleaned-first5000.csv';
const F2007_LATIN1 = 'rakennerahastot-fi-2007-2013-projektilista-latin1-first5000.csv';
const F_DK = 'erhvervsstyrelsen-dk-2014-2020-eu-projekt-eksport-latin1.csv';

const FIELDS = (n: number, of: number): string =>
  `has ${n} fields but the header has ${of} (separator ","); the row is not read, so that no value lands in the wrong column`;
const STRAY = (line: number, got: string): string =>
  `not valid CSV (line ${line}): a quoted value ends and "${got}" follows instead of a separator — a stray quote character? The row is not read`;
const OPENING = (line: number): string =>
  `not valid CSV (line ${line}): a quote character inside an unquoted value — quote the whole value and double the quotes inside it; the row is not read`;

/**
 * Expected outcome of every file. `strict` is the all-or-nothing import: the projects written, or
 * the number of problems and the first ones exactly. `skipInvalid` is the import with
 * --skip-invalid (null when a problem of the whole file makes it refuse anyway).
 */
const OUTCOMES: {
  file: string;
  mapping: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  rows: number;
  strict: { added: number } | { problems: number; first: string[] };
  skipInvalid: { added: number; rejectedRows: number[] | number } | null;
}[] = [
  {
    // The cleaned list still holds one shifted row (A70447: the amount 7560 in the start-date column,
    // the granted sum missing), which the volunteers' clean-up missed.
    file: F2014_CLEAN,
    mapping: 'preset rakennerahastot-fi-2014-2020',
    encoding: 'utf-8',
    delimiter: ',',
    rows: 2881,
    strict: {
      problems: 1,
      first: [
        `${F2014_CLEAN}: row 148, column "Aloituspvm": "7560" is not a date (write d.m.yyyy, e.g. 1.3.2015, or yyyy-mm-dd)`,
      ],
    },
    skipInvalid: { added: 2880, rejectedRows: [148] },
  },
  {
    // A stray ";" ends the header and most rows; unquoted commas split values (14–19 fields); seven rows
    // are wrapped in quotes that a stray '"' breaks. Row 6 is A70305 (its number 157500 in the name field).
    file: F2014_ORIG,
    mapping: 'preset rakennerahastot-fi-2014-2020',
    encoding: 'utf-8',
    delimiter: ',',
    rows: 2881,
    strict: {
      problems: 2265,
      first: [
        `${F2014_ORIG}: row 1, column "Toteutunut julkinen rahoitus yhteensä": missing required ` +
          `column (the header has "Toteutunut julkinen rahoitus yhteensä;" — a stray character?)`,
        `${F2014_ORIG}: row 2: ${FIELDS(15, 13)}`,
        `${F2014_ORIG}: row 3: ${FIELDS(15, 13)}`,
        `${F2014_ORIG}: row 4: ${FIELDS(15, 13)}`,
        `${F2014_ORIG}: row 5: ${FIELDS(15, 13)}`,
        `${F2014_ORIG}: row 6: ${FIELDS(15, 13)}`,
      ],
    },
    skipInvalid: null,
  },
  {
    file: F2007_CLEAN,
    mapping: 'preset rakennerahastot-fi-2007-2013',
    encoding: 'utf-8',
    delimiter: ',',
    rows: 5000,
    strict: { added: 5000 },
    skipInvalid: { added: 0, rejectedRows: [] },
  },
  {
    // ISO-8859-1, detected; unquoted commas in ELY centre names give rows of 15–20 fields; stray quotes break 22 rows.
    file: F2007_LATIN1,
    mapping: 'preset rakennerahastot-fi-2007-2013',
    encoding: 'windows-1252',
    delimiter: ',',
    rows: 5000,
    strict: {
      problems: 3536,
      first: [
        `${F2007_LATIN1}: row 2: ${FIELDS(15, 14)}`,
        `${F2007_LATIN1}: row 3: ${FIELDS(15, 14)}`,
        `${F2007_LATIN1}: row 4: ${FIELDS(15, 14)}`,
        `${F2007_LATIN1}: row 5: ${FIELDS(15, 14)}`,
        `${F2007_LATIN1}: row 7: ${FIELDS(15, 14)}`,
      ],
    },
    skipInvalid: { added: 1464, rejectedRows: 3536 },
  },
  {
    // No project code: the fixture mapping makes codes from titles, and four projects appear twice
    // (split into operations by fund, region or objective), so eight rows share a code.
    file: F_DK,
    mapping: 'fixture erhvervsstyrelsen-dk-mapping.json',
    encoding: 'windows-1252',
    delimiter: ';',
    rows: 107,
    strict: {
      problems: 8,
      first: [
        `${F_DK}: row 6 (line 39), column "Projektitel / Operation name": project code "nordjyske-newbizz" appears 2 times in the file (rows 6 and 106)`,
        `${F_DK}: row 21 (line 131), column "Projektitel / Operation name": project code ` +
          `"slagelse-bygger-om-med-gron-fornuft" appears 2 times in the file (rows 21 and 34)`,
        `${F_DK}: row 23 (line 137), column "Projektitel / Operation name": project code "vilje-til-vaekst" appears 2 times in the file (rows 23 and 40)`,
        `${F_DK}: row 34 (line 211), column "Projektitel / Operation name": project code ` +
          `"slagelse-bygger-om-med-gron-fornuft" appears 2 times in the file (rows 21 and 34)`,
        `${F_DK}: row 36 (line 220), column "Projektitel / Operation name": project code "scale-up-denmark" appears 2 times in the file (rows 36 and 100)`,
        `${F_DK}: row 40 (line 256), column "Projektitel / Operation name": project code "vilje-til-vaekst" appears 2 times in the file (rows 23 and 40)`,
        `${F_DK}: row 100 (line 689), column "Projektitel / Operation name": project code "scale-up-denmark" appears 2 times in the file (rows 36 and 100)`,
        `${F_DK}: row 106 (line 720), column "Projektitel / Operation name": project code "nordjyske-newbizz" appears 2 times in the file (rows 6 and 106)`,
      ],
    },
    skipInvalid: { added: 99, rejectedRows: [6, 21, 23, 34, 36, 40, 100, 106] },
  },
];

async function mappingOf(name: string): Promise<ProjectMapping> {
  const [kind, id] = name.split(' ') as [string, string];
  return kind === 'preset'
    ? readPreset(join(ROOT_DIR, 'content'), id)
    : readMappingFile(join(ROOT_DIR, 'test/projects/fixtures', id));
}

const read = (file: string): Uint8Array => readFileSync(join(PROJECTS, file));

describe('real project lists: how the files read', () => {
  test(
    '2014–2020 original: the broken rows by kind, and every row that is read equals the cleaned list',
    REAL_DATA,
    () => {
      requireData();
      const original = readCsv(decodeText(read(F2014_ORIG), F2014_ORIG).text);
      const cleaned = readCsv(decodeText(read(F2014_CLEAN), F2014_CLEAN).text);
      const kinds: Record<string, number> = {};
      for (const r of original.rows.filter((r) => r.cells === null)) {
        const key = /^has (\d+) fields/.exec(r.problem!)?.[1] ?? 'quote';
        kinds[key] = (kinds[key] ?? 0) + 1;
      }
      assert.deepEqual(kinds, { '14': 1689, '15': 550, '16': 15, '17': 1, '19': 2, quote: 7 });
      assert.deepEqual(
        original.rows.filter((r) => r.cells === null && !r.problem!.startsWith('has ')).map((r) => [r.row, r.problem]),
        [
          [200, STRAY(200, ';')],
          [411, STRAY(411, ';')],
          [437, STRAY(437, ';')],
          [878, STRAY(878, ';')],
          [918, STRAY(918, ';')],
          [1065, STRAY(1065, ';')],
          [2870, STRAY(2870, ';')],
        ],
      );
      // The 617 rows that are read hold the cleaned values, but for the stray ";" in the last column
      // (reported at the header) and one ";" the cleaning took out of a name.
      const byCode = new Map(cleaned.rows.map((r) => [r.cells![0], r.cells!]));
      const read13 = original.rows.filter((r) => r.cells !== null);
      assert.equal(read13.length, 617);
      const differing = read13.flatMap((r) =>
        r.cells!.flatMap((v, i) =>
          v === byCode.get(r.cells![0]!)?.[i] ? [] : [`${r.cells![0]} ${original.header[i]}`],
        ),
      );
      assert.equal(differing.filter((d) => d.endsWith('Toteutunut julkinen rahoitus yhteensä;')).length, 616);
      assert.deepEqual(
        differing.filter((d) => !d.endsWith(';')),
        ['A70191 Hankkeen nimi'],
      );
    },
  );

  test(
    '2007–2013 Latin-1: decoded as Windows-1252; the broken rows by kind; every row read equals the cleaned list',
    REAL_DATA,
    () => {
      requireData();
      const decoded = decodeText(read(F2007_LATIN1), F2007_LATIN1);
      assert.equal(decoded.encoding, 'windows-1252');
      const latin = readCsv(decoded.text);
      assert.deepEqual(latin.header.slice(8, 9), ['Päättymispvm']);
      const kinds: Record<string, number> = {};
      for (const r of latin.rows.filter((r) => r.cells === null)) {
        const key = /^has (\d+) fields/.exec(r.problem!)?.[1] ?? 'quote';
        kinds[key] = (kinds[key] ?? 0) + 1;
      }
      assert.deepEqual(kinds, { '15': 2645, '16': 635, '17': 194, '18': 34, '19': 5, '20': 1, quote: 22 });
      assert.deepEqual(latin.rows.find((r) => r.row === 178)?.problem, STRAY(178, ' '));
      assert.deepEqual(latin.rows.find((r) => r.row === 687)?.problem, OPENING(687));
      const cleaned = new Map(
        readCsv(decodeText(read(F2007_CLEAN), F2007_CLEAN).text).rows.map((r) => [r.cells![0], r.cells!]),
      );
      const good = latin.rows.filter((r) => r.cells !== null);
      assert.equal(good.length, 1464);
      assert.deepEqual(
        good.filter((r) => JSON.stringify(r.cells) !== JSON.stringify(cleaned.get(r.cells![0]!))).map((r) => r.row),
        [],
      );
    },
  );

  test('Danish export: 107 rows of 19 quoted fields with line breaks, ";" and Latin-1', REAL_DATA, () => {
    requireData();
    const decoded = decodeText(read(F_DK), F_DK);
    const t = readCsv(decoded.text);
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(t.delimiter, ';');
    assert.equal(t.header.length, 19);
    assert.equal(t.rows.length, 107);
    assert.ok(t.rows.every((r) => r.cells !== null));
    assert.equal(t.rows.at(-1)!.endLine, 743, 'the file has 743 lines');
    // Every priority axis and description, and 53 partner lists, hold line breaks: 267 cells with 635
    // breaks, which with the 107 row ends and the header make the 743 lines. (The data README says 320 cells.)
    assert.equal(t.rows.flatMap((r) => r.cells!.filter((c) => c.includes('\n'))).length, 267);
    assert.equal(
      t.rows.flatMap((r) => r.cells!.map((c) => c.split('\n').length - 1)).reduce((a, b) => a + b, 0),
      635,
    );
    assert.equal(t.rows.filter((r) => r.cells![18]!.trim() !== '').length, 76, 'partner lists');
  });
});

for (const target of databaseTargets()) {
  describe(`real project lists imported on ${target.name}`, () => {
    for (const outcome of OUTCOMES) {
      test(
        `${outcome.file}: ${'added' in outcome.strict ? `imports ${outcome.strict.added} projects` : `rejected with ${outcome.strict.problems} problems`}`,
        REAL_DATA,
        async () => {
          requireData();
          const ctx = await openTestContext(target);
          try {
            const mapping = await mappingOf(outcome.mapping);
            const options = { regionCode: '08', mapping, file: outcome.file };
            const before = await snapshot(ctx.db.kysely);
            let result: ProjectImportResult | null = null;
            if ('added' in outcome.strict) {
              result = await importProjects(ctx.db, read(outcome.file), options);
              assert.deepEqual(
                [result.rows, result.added, result.changed, result.unchanged],
                [outcome.rows, outcome.strict.added, 0, 0],
              );
              assert.deepEqual([result.encoding, result.delimiter], [outcome.encoding, outcome.delimiter]);
              const again = await importProjects(ctx.db, read(outcome.file), options);
              assert.deepEqual(
                [again.added, again.changed, again.unchanged],
                [0, 0, outcome.strict.added],
                're-importing changes nothing',
              );
            } else {
              const { message, details } = await rejection(() => importProjects(ctx.db, read(outcome.file), options));
              assert.equal(
                message,
                `${outcome.file}: ${outcome.strict.problems} problem(s) found; nothing was written`,
              );
              assert.deepEqual(details.slice(0, outcome.strict.first.length), outcome.strict.first);
              assert.equal(
                details.length,
                Math.min(outcome.strict.problems, 50) + (outcome.strict.problems > 50 ? 1 : 0),
              );
              if (outcome.strict.problems > 50)
                assert.equal(details[50], `… and ${outcome.strict.problems - 50} more problems`);
              assert.deepEqual(await snapshot(ctx.db.kysely), before, 'nothing was written');
            }

            if (outcome.skipInvalid === null) {
              await rejection(() => importProjects(ctx.db, read(outcome.file), { ...options, skipInvalid: true }));
              assert.deepEqual(
                await snapshot(ctx.db.kysely),
                before,
                'a problem of the whole file writes nothing, even with --skip-invalid',
              );
            } else if (!('added' in outcome.strict)) {
              const skipped = await importProjects(ctx.db, read(outcome.file), { ...options, skipInvalid: true });
              assert.equal(skipped.added, outcome.skipInvalid.added);
              const rejected = skipped.rejected.map((r) => r.row);
              if (Array.isArray(outcome.skipInvalid.rejectedRows))
                assert.deepEqual(rejected, outcome.skipInvalid.rejectedRows);
              else assert.equal(rejected.length, outcome.skipInvalid.rejectedRows);
              assert.equal(await countProjects(ctx.db.kysely, '08'), outcome.skipInvalid.added);
            }
          } finally {
            await ctx.close();
          }
        },
      );
    }

    test('2014–2020 cleaned: projects read back as the list has them', REAL_DATA, async () => {
      requireData();
      const ctx = await openTestContext(target);
      try {
        const mapping = await readPreset(join(ROOT_DIR, 'content'), 'rakennerahastot-fi-2014-2020');
        await importProjects(ctx.db, read(F2014_CLEAN), {
          regionCode: '08',
          mapping,
          file: F2014_CLEAN,
          skipInvalid: true,
        });
        const p = await findProject(ctx.db.kysely, '08', 'A70301');
        assert.deepEqual(
          { ...p, updatedAt: '' },
          {
            regionCode: '08',
            code: 'A70301',
            name: {
              fi: 'Reaktoritekniikkaan perustuvat uudet prosessit |prosessikemikaalit ja (rainattavat)biotuotteet  - Reaktek',
            },
            summary: null,
            leadOrganisation: { name: 'Mikkelin Ammattikorkeakoulu Oy', businessId: null },
            partners: [],
            municipalities: [],
            startDate: '2015-03-01',
            endDate: '2017-02-28',
            status: 'running',
            funding: [
              { fund: 'ERDF', kind: 'granted', amountCents: 44_390_900, year: null },
              { fund: 'ERDF', kind: 'paid', amountCents: 7_164_100, year: null },
            ],
            nodes: [],
            terms: [],
            source: 'rakennerahastot.fi, rahoitetut hankkeet 2014–2020 (EURA 2014)',
            fundingPeriod: '2014-2020',
            details: {
              'Toimintalinja (Tl)': '2',
              Viranomainen: 'Innovaatiorahoituskeskus Tekes',
              'Suunniteltu julkinen rahoitus yhteensä (€)': '443909.00',
              'Toteutunut julkinen rahoitus yhteensä (€)': '54941.00',
            },
            updatedAt: '',
          },
        );
        const esr = await findProject(ctx.db.kysely, '08', 'S20774');
        assert.equal(esr?.funding[0]?.fund, 'ESF+');
        const decimals = await findProject(ctx.db.kysely, '08', 'A70160');
        assert.deepEqual(
          decimals?.funding.map((f) => f.amountCents),
          [15_671_600, 4_019_699],
          'paid 40196.99 €',
        );
        assert.equal(
          (await findProject(ctx.db.kysely, '08', 'A70305'))?.leadOrganisation,
          null,
          'A70305 has no implementer in the cleaned list',
        );
        assert.equal(await findProject(ctx.db.kysely, '08', 'A70447'), null, 'the shifted row is not written');
      } finally {
        await ctx.close();
      }
    });

    test(
      '2007–2013: the rows the Latin-1 file gets right are the cleaned rows; the cleaned list then adds the rest',
      REAL_DATA,
      async () => {
        requireData();
        const ctx = await openTestContext(target);
        try {
          const mapping = await readPreset(join(ROOT_DIR, 'content'), 'rakennerahastot-fi-2007-2013');
          const latin = await importProjects(ctx.db, read(F2007_LATIN1), {
            regionCode: '08',
            mapping,
            file: F2007_LATIN1,
            skipInvalid: true,
          });
          assert.deepEqual(
            [latin.added, latin.rejected.length, latin.encoding, latin.encodingDetected],
            [1464, 3536, 'windows-1252', true],
          );
          const cleaned = await importProjects(ctx.db, read(F2007_CLEAN), {
            regionCode: '08',
            mapping,
            file: F2007_CLEAN,
          });
          assert.deepEqual([cleaned.added, cleaned.changed, cleaned.unchanged], [3536, 0, 1464]);
          const cancelled = await findProject(ctx.db.kysely, '08', 'S10324');
          assert.deepEqual(
            [cancelled?.status, cancelled?.details['Ohjelma / osio'], cancelled?.details['Viranomainen']],
            ['ended', 'Etelä-Suomen suuralueosio', 'Hämeen elinkeino-  liikenne- ja ympäristökeskus'],
          );
        } finally {
          await ctx.close();
        }
      },
    );
  });
}
