/** API: the diff of two versions as JSON and as CSV (parsed back), on every database target. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { DIFF_CSV_COLUMNS } from '#src/http/api/diff-csv.ts';
import { databaseTargets } from '../support/databases.ts';
import { assertApiError, okJson, openApi, type ApiFixture } from '../api/api-fixture.ts';
import { V1_V2_COUNTS, V1_V2_ITEMS, V1_V2_RETITLE } from './kymenlaakso-changes.ts';

const P = '/api/v1/programmes/08-2022-2025';

type Row = Record<(typeof DIFF_CSV_COLUMNS)[number], string>;

for (const target of databaseTargets()) {
  describe(`API diff of two versions (${target.name})`, () => {
    let api: ApiFixture;
    before(async () => {
      api = await openApi(target);
    });
    after(async () => {
      await api.close();
    });

    test('GET …/diff?from=1&to=2 names both versions and lists the changes', async () => {
      const body = okJson(await api.get(`${P}/diff?from=1&to=2`));
      assert.equal(body.programmeId, '08-2022-2025');
      assert.deepEqual([body.from.number, body.from.status, body.from.current], [1, 'superseded', false]);
      assert.deepEqual([body.to.number, body.to.status, body.to.current], [2, 'approved', true]);
      assert.deepEqual(body.counts, V1_V2_COUNTS);
      assert.deepEqual(
        body.nodes.map((n: { key: string; change: string }) => `${n.change}:${n.key}`),
        V1_V2_ITEMS,
      );
      const retitle = body.nodes[0];
      assert.deepEqual(retitle.before.title, {
        fi: 'Uudistuva elinkeinoelämä',
        sv: null,
        en: 'Diversifying of businesses',
      });
      assert.deepEqual(retitle.after.title, {
        fi: 'Elinkeinoelämän uudistaminen',
        sv: null,
        en: 'Diversifying of businesses',
      });
      assert.deepEqual(retitle.texts[0], { field: 'title', lang: 'fi', ...V1_V2_RETITLE });
      const added = body.nodes[4];
      assert.equal(added.before, null);
      assert.deepEqual(
        [added.after.parentKey, added.after.position, added.termsAdded],
        ['saavutettavuus-ja-kestava-liikkuminen', 4, [{ taxonomy: 'spearheads', term: 'logistics' }]],
      );
    });

    test('"current" stands for the current version; from = to gives no differences; the older version may come second', async () => {
      assert.deepEqual(
        okJson(await api.get(`${P}/diff?from=1&to=current`)),
        okJson(await api.get(`${P}/diff?from=1&to=2`)),
      );
      const same = okJson(await api.get(`${P}/diff?from=2&to=2`));
      assert.deepEqual([same.versionTexts, same.nodes], [[], []]);
      const back = okJson(await api.get(`${P}/diff?from=2&to=1`));
      assert.deepEqual(
        back.nodes.filter((n: { change: string }) => n.change === 'removed').map((n: { key: string }) => n.key),
        ['vaihtoehtoiset-logistiikkareitit', 'energiaomavaraisuus', 'ruokaturva'],
      );
    });

    test('bad and unknown parameters get 400 and 404 naming the parameter', async () => {
      assertApiError(await api.get(`${P}/diff?from=1`), 400, 'bad_request', '"to" is required');
      assertApiError(
        await api.get(`${P}/diff?from=x&to=2`),
        400,
        'bad_request',
        'Query parameter "from" must be a version number',
      );
      assertApiError(
        await api.get(`${P}/diff.csv?from=1&to=0`),
        400,
        'bad_request',
        'Query parameter "to" must be a version number',
      );
      assertApiError(await api.get(`${P}/diff?from=1&to=9`), 404, 'not_found', 'Version 9 of programme "08-2022-2025"');
      assertApiError(
        await api.get('/api/v1/programmes/08-1990-1993/diff.csv?from=1&to=2'),
        404,
        'not_found',
        'Programme "08-1990-1993"',
      );
    });

    test('GET …/diff.csv is one row per change, with a BOM and an attachment name, and parses back to the JSON', async () => {
      const res = await api.get(`${P}/diff.csv?from=1&to=2`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="08-2022-2025-diff-v1-v2.csv"');
      assert.ok(
        res.body.startsWith('\uFEFFchange_type,node_key,field,lang,before,after,words_inserted,words_deleted\r\n'),
      );
      const rows = parse(res.body, { bom: true, columns: true }) as Row[];
      assert.deepEqual(Object.keys(rows[0]!), [...DIFF_CSV_COLUMNS]);

      const json = okJson(await api.get(`${P}/diff?from=1&to=2`));
      // One row per text change (added nodes: one per text), plus one per term link added.
      const textRows =
        json.versionTexts.length + json.nodes.reduce((sum: number, n: { texts: unknown[] }) => sum + n.texts.length, 0);
      assert.equal(rows.length, textRows + 2);
      assert.deepEqual(
        rows.map((r) => `${r.change_type} ${r.node_key} ${r.field} ${r.lang}`.trim()),
        [
          'version_text_changed  vision fi',
          'version_text_changed  vision en',
          'version_text_changed  summary fi',
          'version_text_changed  summary en',
          'retitled uudistuva-elinkeinoelama title fi',
          'text_changed uudistuva-elinkeinoelama body fi',
          'text_changed uudistuva-elinkeinoelama body en',
          'text_changed kestava-kymenlaakso body fi',
          'text_changed kestava-kymenlaakso body en',
          'text_changed saavutettavuus-ja-kestava-liikkuminen summary fi',
          'text_changed saavutettavuus-ja-kestava-liikkuminen summary en',
          'text_changed saavutettavuus-ja-kestava-liikkuminen body fi',
          'text_changed saavutettavuus-ja-kestava-liikkuminen body en',
          'retitled satamien-ja-rajanylityspaikkojen-yhteydet title fi',
          'retitled satamien-ja-rajanylityspaikkojen-yhteydet title en',
          'node_added vaihtoehtoiset-logistiikkareitit title fi',
          'node_added vaihtoehtoiset-logistiikkareitit title en',
          'term_added vaihtoehtoiset-logistiikkareitit terms',
          'text_changed luonnon-monimuotoisuus-ja-luonnonvarat summary fi',
          'text_changed luonnon-monimuotoisuus-ja-luonnonvarat summary en',
          'text_changed luonnon-monimuotoisuus-ja-luonnonvarat body fi',
          'text_changed luonnon-monimuotoisuus-ja-luonnonvarat body en',
          'node_added energiaomavaraisuus title fi',
          'node_added energiaomavaraisuus title en',
          'term_added energiaomavaraisuus terms',
          'node_added ruokaturva title fi',
          'node_added ruokaturva title en',
        ],
      );
      // Texts, Finnish letters, commas, quotes and counts survive the round trip.
      const retitle = rows.find((r) => r.change_type === 'retitled' && r.node_key === 'uudistuva-elinkeinoelama')!;
      assert.deepEqual(retitle, {
        change_type: 'retitled',
        node_key: 'uudistuva-elinkeinoelama',
        field: 'title',
        lang: 'fi',
        before: 'Uudistuva elinkeinoelämä',
        after: 'Elinkeinoelämän uudistaminen',
        words_inserted: '2',
        words_deleted: '2',
      });
      const jsonTexts = [...json.versionTexts, ...json.nodes.flatMap((n: { texts: unknown[] }) => n.texts)];
      const csvTexts = rows.filter((r) => r.field !== 'terms');
      assert.deepEqual(
        csvTexts.map((r) => [r.before, r.after, Number(r.words_inserted), Number(r.words_deleted)]),
        jsonTexts.map(
          (t: { before: string | null; after: string | null; wordsInserted: number; wordsDeleted: number }) => [
            t.before ?? '',
            t.after ?? '',
            t.wordsInserted,
            t.wordsDeleted,
          ],
        ),
      );
      assert.deepEqual(
        rows.filter((r) => r.change_type === 'term_added').map((r) => [r.node_key, r.before, r.after]),
        [
          ['vaihtoehtoiset-logistiikkareitit', '', 'spearheads/logistics'],
          ['energiaomavaraisuus', '', 'spearheads/bio-circular-economy'],
        ],
      );
    });

    test('the CSV of a version against itself is the header row only', async () => {
      const res = await api.get(`${P}/diff.csv?from=current&to=2`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-disposition'], 'attachment; filename="08-2022-2025-diff-v2-v2.csv"');
      assert.equal(res.body, '\uFEFFchange_type,node_key,field,lang,before,after,words_inserted,words_deleted\r\n');
      assert.deepEqual(parse(res.body, { bom: true, columns: true }), []);
    });
  });
}
