/** API: regions, councils and municipalities, on every database target. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseTargets } from '../support/databases.ts';
import { assertApiError, okJson, openApi, type ApiFixture } from './api-fixture.ts';

for (const target of databaseTargets()) {
  describe(`API regions and municipalities (${target.name})`, () => {
    let api: ApiFixture;
    before(async () => {
      api = await openApi(target);
    });
    after(async () => {
      await api.close();
    });

    test('GET /api/v1/regions lists the 18 regions and Åland with their programme ids', async () => {
      const body = okJson(await api.get('/api/v1/regions'));
      assert.equal(body.regions.length, 19);
      const codes = body.regions.map((r: { code: string }) => r.code);
      assert.equal(new Set(codes).size, 19);
      assert.ok(codes.includes('21'), 'Åland (21) is listed');
      const kymenlaakso = body.regions.find((r: { code: string }) => r.code === '08');
      assert.deepEqual(kymenlaakso, {
        code: '08',
        slug: 'kymenlaakso',
        name: { fi: 'Kymenlaakso', sv: 'Kymmenedalen', en: 'Kymenlaakso' },
        statfinCode: 'MK08',
        programmeIds: ['08-2022-2025'],
      });
      assert.deepEqual(body.regions.find((r: { code: string }) => r.code === '01').programmeIds, []);
    });

    test('GET /api/v1/regions/08 gives the council with offices and contacts, and programme summaries', async () => {
      const body = okJson(await api.get('/api/v1/regions/08'));
      assert.equal(body.code, '08');
      assert.equal(body.name.sv, 'Kymmenedalen');
      assert.equal(body.council.name.fi, 'Kymenlaakson liitto');
      assert.equal(body.council.businessId, '0206714-5');
      const main = body.council.offices.find((o: { kind: string }) => o.kind === 'main');
      assert.equal(main.postalAddress, 'PL 2, 45101 Kouvola');
      assert.equal(main.visitingAddress, 'Hovioikeudenkatu 6, 45100 Kouvola');
      const branch = body.council.offices.find((o: { kind: string }) => o.kind === 'branch');
      assert.equal(branch.visitingAddress, 'Laivurinkatu 7, 48100 Kotka');
      assert.ok(body.council.contacts.length >= 1);
      for (const c of body.council.contacts) assert.equal(typeof c.role.fi, 'string');
      assert.deepEqual(
        body.programmes.map((p: { id: string }) => p.id),
        ['08-2022-2025'],
      );
      assert.deepEqual(body.programmes[0].period, { start: 2022, end: 2025 });
      assert.equal(body.programmes[0].currentVersion, 2);
    });

    test('a region without a council or programmes has council null and no programmes', async () => {
      const body = okJson(await api.get('/api/v1/regions/01'));
      assert.equal(body.name.fi, 'Uusimaa');
      assert.equal(body.council, null);
      assert.deepEqual(body.programmes, []);
    });

    test('GET /api/v1/regions/08/municipalities lists the six municipalities of Kymenlaakso, Pyhtää bilingual', async () => {
      const body = okJson(await api.get('/api/v1/regions/08/municipalities'));
      assert.deepEqual(
        body.municipalities.map((m: { name: { fi: string } }) => m.name.fi),
        ['Hamina', 'Kotka', 'Kouvola', 'Miehikkälä', 'Pyhtää', 'Virolahti'],
      );
      const pyhtaa = body.municipalities.find((m: { code: string }) => m.code === '624');
      assert.deepEqual(pyhtaa, {
        code: '624',
        regionCode: '08',
        name: { fi: 'Pyhtää', sv: 'Pyttis', en: 'Pyhtää' },
        languages: 'fi-sv',
        bilingual: true,
      });
      assert.equal(body.municipalities.filter((m: { bilingual: boolean }) => m.bilingual).length, 1);
    });

    test('GET /api/v1/municipalities?region=08 equals the region route; without region lists every region', async () => {
      const byQuery = okJson(await api.get('/api/v1/municipalities?region=08'));
      const byPath = okJson(await api.get('/api/v1/regions/08/municipalities'));
      assert.deepEqual(byQuery, byPath);
      const all = okJson(await api.get('/api/v1/municipalities')).municipalities;
      assert.ok(all.length > 250, `expected the whole classification, got ${all.length}`);
      assert.equal(new Set(all.map((m: { regionCode: string }) => m.regionCode)).size, 19);
      assert.ok(
        all.some((m: { languages: string }) => m.languages === 'sv'),
        'Swedish-speaking municipalities (Åland) are listed',
      );
    });

    test('unknown regions are 404 naming the region', async () => {
      assertApiError(await api.get('/api/v1/regions/99'), 404, 'not_found', 'Region "99"');
      assertApiError(await api.get('/api/v1/regions/99/municipalities'), 404, 'not_found', 'Region "99"');
      assertApiError(await api.get('/api/v1/municipalities?region=99'), 404, 'not_found', 'Region "99"');
    });

    test('malformed region codes are 400 naming the parameter and the rule', async () => {
      for (const url of ['/api/v1/regions/8x', '/api/v1/regions/kymenlaakso', '/api/v1/regions/008/municipalities']) {
        assertApiError(await api.get(url), 400, 'bad_request', 'Path parameter "code"', 'two-digit region code');
      }
      assertApiError(
        await api.get('/api/v1/municipalities?region=8x'),
        400,
        'bad_request',
        'Query parameter "region"',
        'two-digit region code',
      );
    });

    test('error responses carry CORS but are not cached', async () => {
      const res = await api.get('/api/v1/regions/99');
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    test('an unknown API route is a JSON 404 naming the route, whatever the site routes match', async () => {
      assertApiError(await api.get('/api/v1/nothing-here'), 404, 'not_found', 'Route GET /api/v1/nothing-here');
      assertApiError(await api.get('/api/v2/regions?x=1'), 404, 'not_found', 'Route GET /api/v2/regions');
      assertApiError(await api.get('/api'), 404, 'not_found', 'Route GET /api');
      assertApiError(await api.get('/api/'), 404, 'not_found', 'Route GET /api/');
      const post = await api.app.inject({ method: 'POST', url: '/api/v1/regions' });
      assert.equal(post.statusCode, 404);
      assert.equal(post.json().error.code, 'not_found');
    });
  });
}
