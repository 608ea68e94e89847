/** API: programmes, versions and taxonomies, on every database target. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT_DIR } from '#src/config/config.ts';
import type { FileNode, ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { databaseTargets } from '../support/databases.ts';
import { assertApiError, okJson, openApi, type ApiFixture } from './api-fixture.ts';

const P = '/api/v1/programmes/08-2022-2025';

/** `taxonomy/term` → keys of the nodes of `nodes` linked to it, in reading order. */
function termLinks(nodes: readonly FileNode[], out = new Map<string, string[]>()): Map<string, string[]> {
  for (const n of nodes) {
    for (const t of n.terms) out.set(t, [...(out.get(t) ?? []), n.key]);
    termLinks(n.children, out);
  }
  return out;
}

for (const target of databaseTargets()) {
  describe(`API programmes, versions and taxonomies (${target.name})`, () => {
    let api: ApiFixture;
    let source: ProgrammeFile;
    before(async () => {
      api = await openApi(target);
      source = await readProgrammeFile(join(ROOT_DIR, 'content', 'programmes', 'kymenlaakso-2022-2025.yaml'));
    });
    after(async () => {
      await api.close();
    });

    test('GET /api/v1/programmes lists the Kymenlaakso programme; ?region=08 filters', async () => {
      const all = okJson(await api.get('/api/v1/programmes'));
      const kymenlaakso = all.programmes.find((p: { id: string }) => p.id === '08-2022-2025');
      assert.deepEqual(kymenlaakso, {
        id: '08-2022-2025',
        regionCode: '08',
        slug: '2022-2025',
        kind: 'regional-programme',
        title: {
          fi: source.programme.title.fi,
          sv: source.programme.title.sv ?? null,
          en: source.programme.title.en ?? null,
        },
        period: { start: 2022, end: 2025 },
        currentVersion: 2,
      });
      assert.deepEqual(okJson(await api.get('/api/v1/programmes?region=08')).programmes, [kymenlaakso]);
      assert.deepEqual(okJson(await api.get('/api/v1/programmes?region=01')).programmes, []);
    });

    test('GET /api/v1/programmes/{id} gives the levels, the current version and every version', async () => {
      const body = okJson(await api.get(P));
      assert.equal(body.id, '08-2022-2025');
      assert.equal(body.currentVersion, 2);
      assert.deepEqual(
        body.levels.map((l: { key: string; depth: number; name: { fi: string } }) => [l.key, l.depth, l.name.fi]),
        [
          ['theme', 1, 'Teema'],
          ['priority', 2, 'Painopiste'],
          ['measure', 3, 'Toimenpide'],
        ],
      );
      assert.deepEqual(
        body.versions.map((v: { number: number; current: boolean }) => [v.number, v.current]),
        [
          [1, false],
          [2, true],
        ],
      );
    });

    test('GET …/versions lists both versions with their decisions (29.11.2021 and 19.12.2022)', async () => {
      const body = okJson(await api.get(`${P}/versions`));
      assert.equal(body.programmeId, '08-2022-2025');
      assert.equal(body.currentVersion, 2);
      assert.deepEqual(
        body.versions.map((v: { number: number; status: string; decision: { date: string } }) => [
          v.number,
          v.status,
          v.decision.date,
        ]),
        [
          [1, 'superseded', '2021-11-29'],
          [2, 'approved', '2022-12-19'],
        ],
      );
      for (const v of body.versions) {
        assert.equal(v.decision.body.fi, 'Kymenlaakson maakuntavaltuusto');
        assert.match(v.updatedAt, /^\d{4}-\d{2}-\d{2}T/);
      }
    });

    test('GET …/versions/{number} gives the version with vision and summary; `current` is version 2', async () => {
      const v2 = okJson(await api.get(`${P}/versions/2`));
      const source2 = source.versions.find((v) => v.number === 2)!;
      assert.equal(v2.programmeId, '08-2022-2025');
      assert.equal(v2.number, 2);
      assert.equal(v2.status, 'approved');
      assert.equal(v2.current, true);
      assert.equal(v2.vision.fi, source2.vision?.fi);
      assert.equal(v2.summary?.fi ?? null, source2.summary?.fi ?? null);
      assert.ok(v2.nodeCount > 3 + 9, `a tree of themes, 9 priorities and measures, got ${v2.nodeCount} nodes`);
      assert.deepEqual(okJson(await api.get(`${P}/versions/current`)), v2);
      const v1 = okJson(await api.get(`${P}/versions/1`));
      assert.deepEqual([v1.number, v1.status, v1.current, v1.decision.date], [1, 'superseded', false, '2021-11-29']);
    });

    test('GET …/taxonomies lists the cross-cutting themes and spearheads with the nodes linked in the current version', async () => {
      const body = okJson(await api.get(`${P}/taxonomies`));
      assert.equal(body.version, 2);
      assert.deepEqual(
        body.taxonomies.map((t: { key: string; terms: { key: string }[] }) => [t.key, t.terms.map((term) => term.key)]),
        source.programme.taxonomies.map((t) => [t.key, t.terms.map((term) => term.key)]),
      );
      assert.deepEqual(
        body.taxonomies.map((t: { key: string }) => t.key),
        ['crosscutting', 'spearheads'],
      );
      assert.equal(body.taxonomies[1].terms.length, 3);
      const links = termLinks(source.versions.find((v) => v.number === 2)!.nodes);
      for (const t of body.taxonomies) {
        for (const term of t.terms)
          assert.deepEqual(term.nodeKeys, links.get(`${t.key}/${term.key}`) ?? [], `${t.key}/${term.key}`);
      }
      const logistics = body.taxonomies[1].terms.find((t: { key: string }) => t.key === 'logistics');
      assert.ok(logistics.nodeKeys.includes('uudistuva-elinkeinoelama'));
    });

    test('GET …/taxonomies?version=1 lists the links of version 1; ?version=current equals the default', async () => {
      const v1 = okJson(await api.get(`${P}/taxonomies?version=1`));
      assert.equal(v1.version, 1);
      const links = termLinks(source.versions.find((v) => v.number === 1)!.nodes);
      for (const t of v1.taxonomies) {
        for (const term of t.terms) assert.deepEqual(term.nodeKeys, links.get(`${t.key}/${term.key}`) ?? []);
      }
      assert.deepEqual(
        okJson(await api.get(`${P}/taxonomies?version=current`)),
        okJson(await api.get(`${P}/taxonomies`)),
      );
    });

    test('unknown programmes and versions are 404 naming what was not found', async () => {
      assertApiError(await api.get('/api/v1/programmes/08-1990-1993'), 404, 'not_found', 'Programme "08-1990-1993"');
      assertApiError(
        await api.get('/api/v1/programmes/01-2022-2025/versions'),
        404,
        'not_found',
        'Programme "01-2022-2025"',
      );
      assertApiError(await api.get(`${P}/versions/9`), 404, 'not_found', 'Version 9', '08-2022-2025');
      assertApiError(await api.get(`${P}/taxonomies?version=7`), 404, 'not_found', 'Version 7');
      assertApiError(await api.get('/api/v1/programmes?region=99'), 404, 'not_found', 'Region "99"');
    });

    test('malformed ids, version numbers and region codes are 400 naming the parameter', async () => {
      assertApiError(
        await api.get('/api/v1/programmes/kymenlaakso'),
        400,
        'bad_request',
        'Path parameter "id"',
        '08-2022-2025',
      );
      assertApiError(
        await api.get('/api/v1/programmes/8-2022-2025/versions'),
        400,
        'bad_request',
        'Path parameter "id"',
      );
      for (const bad of ['abc', '0', '-1', '1.5', '1234567']) {
        assertApiError(
          await api.get(`${P}/versions/${bad}`),
          400,
          'bad_request',
          'Path parameter "number"',
          'version number',
        );
      }
      assertApiError(await api.get(`${P}/taxonomies?version=abc`), 400, 'bad_request', 'Query parameter "version"');
      assertApiError(await api.get('/api/v1/programmes?region=8x'), 400, 'bad_request', 'Query parameter "region"');
    });
  });
}
