/** API: a version's node tree as JSON and CSV, single nodes and search, on every database target. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { ROOT_DIR } from '#src/config/config.ts';
import type { FileNode, ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { databaseTargets } from '../support/databases.ts';
import { assertApiError, okJson, openApi, type ApiFixture } from './api-fixture.ts';

const P = '/api/v1/programmes/08-2022-2025';

interface JsonNode {
  key: string;
  slug: string;
  path: string[];
  depth: number;
  level: string;
  position: number;
  parentKey: string | null;
  title: { fi: string | null; sv: string | null; en: string | null };
  summary: { fi: string | null; sv: string | null; en: string | null } | null;
  terms: { taxonomy: string; term: string }[];
  children: JsonNode[];
}

const flatten = (nodes: readonly JsonNode[]): JsonNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** The file's tree reduced to what the API must reproduce: key, Finnish title, terms, children. */
const outline = (nodes: readonly FileNode[]): unknown[] =>
  nodes.map((n) => ({
    key: n.key,
    title: n.title.fi,
    en: n.title.en ?? null,
    terms: [...n.terms].sort(),
    children: outline(n.children),
  }));
const outlineOfJson = (nodes: readonly JsonNode[]): unknown[] =>
  nodes.map((n) => ({
    key: n.key,
    title: n.title.fi,
    en: n.title.en,
    terms: n.terms.map((t) => `${t.taxonomy}/${t.term}`).sort(),
    children: outlineOfJson(n.children),
  }));

for (const target of databaseTargets()) {
  describe(`API node tree, nodes, CSV and search (${target.name})`, () => {
    let api: ApiFixture;
    let source: ProgrammeFile;
    before(async () => {
      api = await openApi(target);
      source = await readProgrammeFile(join(ROOT_DIR, 'content', 'programmes', 'kymenlaakso-2022-2025.yaml'));
    });
    after(async () => {
      await api.close();
    });

    test('GET …/versions/2/nodes gives 3 themes and 9 priorities with measures, as in the programme file', async () => {
      const body = okJson(await api.get(`${P}/versions/2/nodes`));
      assert.equal(body.programmeId, '08-2022-2025');
      assert.equal(body.version, 2);
      const nodes = body.nodes as JsonNode[];
      assert.equal(nodes.length, 3);
      const all = flatten(nodes);
      assert.equal(all.filter((n) => n.level === 'priority').length, 9);
      assert.ok(all.some((n) => n.level === 'measure'));
      for (const theme of nodes) assert.equal(theme.children.length, 3);
      assert.deepEqual(outlineOfJson(nodes), outline(source.versions.find((v) => v.number === 2)!.nodes));
      const priority = all.find((n) => n.key === 'uudistuva-elinkeinoelama')!;
      assert.equal(priority.title.fi, 'Elinkeinoelämän uudistaminen');
      assert.equal(priority.title.sv, null, 'no Swedish text was published');
      assert.deepEqual(priority.path, ['innovatiivinen-kymenlaakso', 'uudistuva-elinkeinoelama']);
      assert.equal(priority.parentKey, 'innovatiivinen-kymenlaakso');
      assert.equal(priority.depth, 2);
      assert.equal(priority.position, 1);
      assert.deepEqual(
        nodes.map((n) => n.position),
        [1, 2, 3],
      );
      assert.ok(priority.terms.some((t) => t.taxonomy === 'spearheads' && t.term === 'logistics'));
    });

    test('version 1 has its own tree; `current` is version 2', async () => {
      const v1 = okJson(await api.get(`${P}/versions/1/nodes`));
      assert.equal(v1.version, 1);
      assert.deepEqual(outlineOfJson(v1.nodes), outline(source.versions.find((v) => v.number === 1)!.nodes));
      const current = okJson(await api.get(`${P}/versions/current/nodes`));
      assert.deepEqual(current, okJson(await api.get(`${P}/versions/2/nodes`)));
      assert.notDeepEqual(v1.nodes, current.nodes);
    });

    test('GET …/nodes/{key} gives one node with children, parentKey, path, terms and ancestors', async () => {
      const body = okJson(await api.get(`${P}/versions/2/nodes/uudistuva-elinkeinoelama`));
      assert.equal(body.programmeId, '08-2022-2025');
      assert.equal(body.version, 2);
      const tree = flatten(okJson(await api.get(`${P}/versions/2/nodes`)).nodes);
      assert.deepEqual(
        body.node,
        tree.find((n) => n.key === 'uudistuva-elinkeinoelama'),
      );
      assert.ok(body.node.children.length > 0);
      assert.deepEqual(
        body.ancestors.map((a: { key: string; level: string }) => [a.key, a.level]),
        [['innovatiivinen-kymenlaakso', 'theme']],
      );
      const theme = okJson(await api.get(`${P}/versions/current/nodes/kestava-kymenlaakso`));
      assert.equal(theme.node.parentKey, null);
      assert.equal(theme.node.position, 2);
      assert.deepEqual(theme.ancestors, []);
      const v1 = okJson(await api.get(`${P}/versions/1/nodes/uudistuva-elinkeinoelama`));
      assert.equal(v1.node.title.fi, source.versions[0]!.nodes[0]!.children[0]!.title.fi);
    });

    test('GET …/nodes.csv exports the tree: parsed back it equals the JSON tree, row for row', async () => {
      for (const number of ['1', '2']) {
        const res = await api.get(`${P}/versions/${number}/nodes.csv`);
        assert.equal(res.status, 200);
        assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
        assert.equal(res.headers['content-disposition'], `attachment; filename="08-2022-2025-v${number}-nodes.csv"`);
        assert.equal(res.headers['cache-control'], 'public, max-age=60');
        assert.equal(res.headers['access-control-allow-origin'], '*');
        assert.ok(
          res.body.startsWith('\uFEFFkey,parent_key,depth,level,position,path,'),
          'UTF-8 byte order mark, then the header',
        );
        assert.ok(res.body.includes('\r\n'), 'RFC 4180 line breaks');
        const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
        const tree = flatten(okJson(await api.get(`${P}/versions/${number}/nodes`)).nodes);
        const text = (t: JsonNode['title'] | null, l: 'fi' | 'sv' | 'en'): string => t?.[l] ?? '';
        assert.deepEqual(
          rows,
          tree.map((n) => ({
            key: n.key,
            parent_key: n.parentKey ?? '',
            depth: String(n.depth),
            level: n.level,
            position: String(n.position),
            path: n.path.join('/'),
            title_fi: text(n.title, 'fi'),
            title_sv: text(n.title, 'sv'),
            title_en: text(n.title, 'en'),
            summary_fi: text(n.summary, 'fi'),
            summary_sv: text(n.summary, 'sv'),
            summary_en: text(n.summary, 'en'),
            terms: n.terms.map((t) => `${t.taxonomy}/${t.term}`).join(';'),
          })),
        );
        assert.ok(
          rows.some((r) => r.summary_fi!.includes(',')),
          'texts with commas are quoted and survive the round trip',
        );
        assert.ok(
          rows.some((r) => /[äö]/.test(r.title_fi!)),
          'Finnish letters survive',
        );
      }
      const current = await api.get(`${P}/versions/current/nodes.csv`);
      assert.equal(current.headers['content-disposition'], 'attachment; filename="08-2022-2025-v2-nodes.csv"');
    });

    test('GET …/search finds an inflected Finnish form and answers in the requested language', async () => {
      const body = okJson(await api.get(`${P}/versions/2/search?q=${encodeURIComponent('elinkeinoelämää')}`));
      assert.equal(body.lang, 'fi');
      assert.equal(body.version, 2);
      assert.equal(body.query, 'elinkeinoelämää');
      assert.ok(body.hits.length >= 1);
      assert.ok(
        body.hits.some(
          (h: { key: string; title: { fi: string } }) =>
            h.key === 'uudistuva-elinkeinoelama' && h.title.fi === 'Elinkeinoelämän uudistaminen',
        ),
      );
      for (const h of body.hits) assert.equal(typeof h.score, 'number');
      const en = okJson(await api.get(`${P}/versions/current/search?q=tourism&lang=en`));
      assert.equal(en.lang, 'en');
      assert.ok(en.hits.length >= 1, 'English text is searched');
      const none = okJson(await api.get(`${P}/versions/2/search?q=xyzzyplugh`));
      assert.deepEqual(none.hits, []);
    });

    test('unknown versions and nodes are 404 naming what was not found', async () => {
      assertApiError(await api.get(`${P}/versions/9/nodes`), 404, 'not_found', 'Version 9');
      assertApiError(await api.get(`${P}/versions/9/nodes.csv`), 404, 'not_found', 'Version 9');
      assertApiError(
        await api.get(`${P}/versions/2/nodes/ei-tallaista`),
        404,
        'not_found',
        'Node "ei-tallaista"',
        'version 2',
      );
      assertApiError(await api.get(`${P}/versions/9/search?q=kasvu`), 404, 'not_found', 'Version 9');
      assertApiError(
        await api.get('/api/v1/programmes/08-1990-1993/versions/1/nodes'),
        404,
        'not_found',
        'Programme "08-1990-1993"',
      );
    });

    test('bad node keys, versions, languages and queries are 400 naming the parameter', async () => {
      assertApiError(await api.get(`${P}/versions/abc/nodes`), 400, 'bad_request', 'Path parameter "number"');
      assertApiError(await api.get(`${P}/versions/abc/nodes.csv`), 400, 'bad_request', 'Path parameter "number"');
      assertApiError(await api.get(`${P}/versions/2/nodes/Not_A_Key`), 400, 'bad_request', 'Path parameter "key"');
      assertApiError(
        await api.get(`${P}/versions/2/search?q=kasvu&lang=de`),
        400,
        'bad_request',
        'Query parameter "lang"',
        'fi, sv, en',
      );
      assertApiError(await api.get(`${P}/versions/2/search`), 400, 'bad_request', 'Query parameter "q" is required');
      assertApiError(
        await api.get(`${P}/versions/2/search?q=`),
        400,
        'bad_request',
        'Query parameter "q"',
        'at least one word',
      );
      assertApiError(
        await api.get(`${P}/versions/2/search?q=%20%20`),
        400,
        'bad_request',
        'Query parameter "q"',
        'at least one word',
      );
      assertApiError(
        await api.get(`${P}/versions/2/search?q=${'a'.repeat(201)}`),
        400,
        'bad_request',
        'Query parameter "q"',
        '200 characters',
      );
    });
  });
}
