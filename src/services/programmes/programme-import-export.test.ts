/**
 * Programme import and export on every database: the Kymenlaakso file survives export → import →
 * export unchanged (YAML and JSON), the export says what the original file says, and a rejected
 * file writes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT_DIR } from '#src/config/config.ts';
import { AppError } from '#src/domain/errors.ts';
import { parseProgrammeFile, type FileNode, type ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import { databaseTargets, openTestContext, type DatabaseTarget } from '../../../test/support/databases.ts';
import { snapshot } from '../../../test/support/db-snapshot.ts';
import type { AppContext } from '../app-context.ts';
import { exportProgramme, serialiseProgramme } from './export-programme.ts';
import { importProgramme } from './import-programme.ts';
import { parseProgrammeText, readProgrammeFile } from './programme-source.ts';
import { readMunicipalityFacts, storeMunicipalityFacts } from '../seed.ts';
import { inTransaction } from '#src/storage/executor.ts';

const KYMENLAAKSO = join(ROOT_DIR, 'content/programmes/kymenlaakso-2022-2025.yaml');
const FIXTURE = join(ROOT_DIR, 'test/fixtures/programme-files/minimal.yaml');

type Plain = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh database with regions and municipalities but no programmes. */
async function emptyContext(target: DatabaseTarget): Promise<AppContext> {
  const ctx = await openTestContext(target, { seed: false });
  const facts = await readMunicipalityFacts(join(ROOT_DIR, 'content/facts/municipalities.json'));
  await inTransaction(ctx.db.kysely, (trx) => storeMunicipalityFacts(trx, facts));
  return ctx;
}

/**
 * The file with each node's term list sorted: the database keeps which terms a node has, and the
 * export lists them in the order the taxonomies declare them, not in the order the file wrote them.
 */
function termsSorted(file: ProgrammeFile): ProgrammeFile {
  const sortNodes = (nodes: FileNode[]): FileNode[] =>
    nodes.map((n) => ({ ...n, terms: [...n.terms].sort(), children: sortNodes(n.children) }));
  return { ...file, versions: file.versions.map((v) => ({ ...v, nodes: sortNodes(v.nodes) })) };
}

/** Every node of a version as `path key: Finnish title`, depth first. */
function outline(nodes: readonly FileNode[], prefix = ''): string[] {
  return nodes.flatMap((n) => [`${prefix}${n.key}: ${n.title.fi}`, ...outline(n.children, `${prefix}${n.key}/`)]);
}

/** The same outline read from raw file data (children under each level's plural key). */
function rawOutline(nodes: Plain[] | undefined, plurals: string[], prefix = ''): string[] {
  const [, ...rest] = plurals;
  return (nodes ?? []).flatMap((n) => [
    `${prefix}${n['key']}: ${n['title']['fi']}`,
    ...rawOutline(rest[0] ? n[rest[0]] : undefined, rest, `${prefix}${n['key']}/`),
  ]);
}

describe('programme text parsing', () => {
  test('invalid YAML names the line and column', () => {
    assert.throws(
      () => parseProgrammeText('format: suunta.programme/1\nregion: [08\n', 'bad.yaml'),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.message, 'bad.yaml: 1 problem(s) found; nothing was written');
        assert.deepEqual(e.details, [
          'not valid YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
        ]);
        return true;
      },
    );
  });

  test('a duplicate YAML key is an error, not a silent overwrite', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('region: "08"', 'region: "08"\nregion: "09"');
    assert.throws(
      () => parseProgrammeText(text, 'dup.yaml'),
      (e: unknown) =>
        e instanceof AppError &&
        e.details.length === 1 &&
        e.details[0] === 'not valid YAML at line 5, column 1: Map keys must be unique',
    );
  });

  test('invalid JSON says so', () => {
    assert.throws(
      () => parseProgrammeText('{"format": ', 'bad.json'),
      (e: unknown) =>
        e instanceof AppError &&
        e.details.length === 1 &&
        e.details[0] === 'not valid JSON: Unexpected end of JSON input',
    );
  });

  test('schema problems are listed as `path: reason` under the file name', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('title: { fi: Logistiikka }', 'title: { en: Logistics }');
    assert.throws(
      () => parseProgrammeText(text, 'programme.yaml'),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, 'invalid_file');
        assert.equal(e.message, 'programme.yaml: 1 problem(s) found; nothing was written');
        assert.deepEqual(e.details, ['versions[0].themes[1].priorities[2].title.fi: is required']);
        return true;
      },
    );
  });
});

for (const target of databaseTargets()) {
  describe(`programme import and export on ${target.name}`, () => {
    let ctx: AppContext;
    let original: ProgrammeFile;
    let exported: Plain;

    before(async () => {
      ctx = await emptyContext(target);
      original = await readProgrammeFile(KYMENLAAKSO);
      const summary = await importProgramme(ctx.db, original);
      assert.deepEqual(summary, { programmeId: '08-2022-2025', versions: 2, nodes: summary.nodes, replaced: false });
      assert.ok(summary.nodes > 9, 'themes, priorities and measures were stored');
      exported = await exportProgramme(ctx.db, '08', '2022-2025');
    });
    after(async () => {
      await ctx.close();
    });

    for (const format of ['yaml', 'json'] as const) {
      test(`export (${format}) → import into a fresh database → export gives the same file`, async () => {
        const text = serialiseProgramme(exported, format);
        const reparsed = parseProgrammeText(text, `kymenlaakso.${format}`);
        const fresh = await emptyContext(target);
        try {
          const summary = await importProgramme(fresh.db, reparsed);
          assert.equal(summary.replaced, false);
          const again = await exportProgramme(fresh.db, '08', '2022-2025');
          assert.deepEqual(again, exported);
          assert.equal(serialiseProgramme(again, format), text);
        } finally {
          await fresh.close();
        }
      });
    }

    test('the export holds the same programme as the original file (whole model)', () => {
      const fromExport = parseProgrammeFile(exported);
      assert.ok(fromExport.ok, fromExport.ok ? '' : fromExport.problems.join('\n'));
      assert.deepEqual(termsSorted(fromExport.file), termsSorted(original));
    });

    test('the export says what the original file says: versions, nodes, terms, council', () => {
      const raw = parse(readFileSync(KYMENLAAKSO, 'utf8')) as Plain;
      const plurals = (raw['programme']['levels'] as Plain[]).map((l) => l['plural'] as string);
      assert.deepEqual(plurals, ['themes', 'priorities', 'measures']);
      assert.equal(exported['format'], raw['format']);
      assert.equal(exported['region'], '08');
      assert.deepEqual(exported['council'], raw['council']);
      assert.deepEqual(exported['programme']['title'], raw['programme']['title']);
      assert.deepEqual(exported['programme']['period'], raw['programme']['period']);
      assert.deepEqual(exported['programme']['taxonomies'], raw['programme']['taxonomies']);
      const versions = (v: Plain[]): unknown[] => v.map((x) => [x['number'], x['status'], x['decision']]);
      assert.deepEqual(versions(exported['versions']), versions(raw['versions']));
      assert.deepEqual(
        versions(exported['versions']).map((v) => (v as unknown[]).slice(0, 2)),
        [
          [1, 'superseded'],
          [2, 'approved'],
        ],
      );
      for (const [i, version] of (raw['versions'] as Plain[]).entries()) {
        const expected = rawOutline(version['themes'], plurals);
        assert.deepEqual(
          rawOutline(exported['versions'][i]['themes'], plurals),
          expected,
          `version ${version['number']}`,
        );
        assert.deepEqual(outline(original.versions[i]!.nodes), expected);
        assert.equal(expected.filter((line) => !line.includes('/')).length, 3, 'three themes');
      }
      const terms = (v: Plain): string[] => {
        const out: string[] = [];
        const walk = (nodes: Plain[] | undefined, depth: number): void => {
          for (const n of nodes ?? []) {
            for (const t of (n['terms'] as string[] | undefined) ?? []) out.push(`${n['key']} ${t}`);
            walk(n[plurals[depth + 1] ?? ''], depth + 1);
          }
        };
        walk(v['themes'], 0);
        return out.sort();
      };
      for (const [i, version] of (raw['versions'] as Plain[]).entries()) {
        const expected = terms(version);
        assert.ok(expected.length > 0, 'the programme links nodes to terms');
        assert.deepEqual(terms(exported['versions'][i]), expected);
      }
    });

    test('importing the same file again replaces the programme without duplicating anything', async () => {
      const before = await snapshot(ctx.db.kysely);
      const summary = await importProgramme(ctx.db, original);
      assert.equal(summary.replaced, true);
      const after = await snapshot(ctx.db.kysely);
      assert.deepEqual(after.counts, before.counts);
      assert.deepEqual(await exportProgramme(ctx.db, '08', '2022-2025'), exported);
    });

    test('a file with an error in its second version is rejected and writes nothing', async () => {
      const before = await snapshot(ctx.db.kysely);
      const text = readFileSync(KYMENLAAKSO, 'utf8');
      const raw = parse(text) as Plain;
      raw['versions'][1]['themes'][1]['priorities'][2]['title'] = { en: 'No Finnish title' };
      raw['programme']['title']['fi'] = 'Changed title that must not be stored';
      await assert.rejects(
        async () => importProgramme(ctx.db, parseProgrammeText(JSON.stringify(raw), 'broken.json')),
        (e: unknown) => {
          assert.ok(e instanceof AppError);
          assert.equal(e.message, 'broken.json: 1 problem(s) found; nothing was written');
          assert.deepEqual(e.details, ['versions[1].themes[1].priorities[2].title.fi: is required']);
          return true;
        },
      );
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('a valid file for a region that does not exist is rejected inside the transaction and writes nothing', async () => {
      const before = await snapshot(ctx.db.kysely);
      const file = { ...original, region: '03' };
      await assert.rejects(
        importProgramme(ctx.db, file),
        (e: unknown) => e instanceof AppError && e.code === 'not_found' && e.message === 'Region "03" was not found',
      );
      assert.deepEqual(await snapshot(ctx.db.kysely), before);
    });

    test('the minimal fixture imports, exports and round-trips too', async () => {
      const file = await readProgrammeFile(FIXTURE);
      const summary = await importProgramme(ctx.db, file);
      assert.deepEqual(summary, { programmeId: '08-2030-2033', versions: 2, nodes: 12, replaced: false });
      const data = await exportProgramme(ctx.db, '08', '2030-2033');
      const back = parseProgrammeFile(data);
      assert.ok(back.ok, back.ok ? '' : back.problems.join('\n'));
      assert.deepEqual(termsSorted(back.file), termsSorted(file));
    });

    test('exporting an unknown programme is not_found', async () => {
      await assert.rejects(
        exportProgramme(ctx.db, '08', '1999-2002'),
        (e: unknown) =>
          e instanceof AppError && e.code === 'not_found' && e.message === 'Programme 08/1999-2002 was not found',
      );
    });
  });
}
