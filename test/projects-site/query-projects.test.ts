/**
 * Project browsing through the API on every database: each filter and combinations against the
 * hand-computed codes of fixtures/projects.csv, paging and sorting, totals against hand-computed
 * sums, one project, and bad parameters → 400 naming the parameter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApi, assertApiError, type ApiFixture } from '../api/api-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { ALL, seedProjects } from './support.ts';

interface Page {
  total: number;
  page: number;
  pages: number;
  projects: { code: string; grantedCents: number; paidCents: number; municipalities: string[] }[];
}

for (const target of databaseTargets()) {
  describe(`project queries (${target.name})`, () => {
    let api: ApiFixture;
    before(async () => {
      api = await openApi(target);
      assert.equal(await seedProjects(api.ctx), 6);
    });
    after(async () => {
      await api.close();
    });

    async function codes(query: string): Promise<string[]> {
      const res = await api.get(`/api/v1/regions/08/projects?sort=code&size=100&${query}`);
      assert.equal(res.status, 200, res.body);
      const page = res.json() as Page;
      const list = page.projects.map((p) => p.code);
      assert.equal(page.total, list.length, query);
      return list;
    }

    const CASES: [string, string[]][] = [
      ['', ALL],
      ['theme=innovatiivinen-kymenlaakso', ['KY-101', 'KY-102', 'KY-103']],
      ['theme=kestava-kymenlaakso', ['KY-104']],
      // KY-102 is linked to a measure under the priority only.
      ['priority=uudistuva-elinkeinoelama', ['KY-101', 'KY-102']],
      ['term=spearheads/logistics', ['KY-101', 'KY-104']],
      ['municipality=285', ['KY-101', 'KY-104']],
      ['municipality=489', ['KY-103']],
      ['fund=ERDF', ['KY-101', 'KY-103']],
      ['fund=ESF%2B', ['KY-102', 'KY-105']],
      ['status=running', ['KY-101', 'KY-103', 'KY-104']],
      ['from_year=2025', ['KY-103', 'KY-104', 'KY-105']],
      ['to_year=2022', ['KY-102', 'KY-104']],
      ['from_year=2023&to_year=2023', ['KY-101', 'KY-104']],
      ['municipality=285&fund=ERDF', ['KY-101']],
      ['theme=innovatiivinen-kymenlaakso&municipality=286', ['KY-102']],
      ['term=spearheads/logistics&status=running&from_year=2025', ['KY-104']],
      ['q=yrittäjyyskasvatusta', ['KY-102']],
      ['q=rautatieyhteyksiä', ['KY-104']],
      ['q=kouvolan%20rautatieyhteydet', ['KY-104']],
      ['q=kouvola%20matkailu', []],
      ['q=tourism', ['KY-103']],
      ['q=ja', []],
      ['status=planned&fund=ERDF', []],
    ];
    for (const [query, expected] of CASES) {
      test(`filter ${query || '(none)'} → ${expected.join(', ') || 'nothing'}`, async () => {
        assert.deepEqual(await codes(query), expected);
      });
    }

    test('paging and sorting', async () => {
      const first = (await api.get('/api/v1/regions/08/projects?size=4')).json() as Page;
      assert.deepEqual([first.total, first.page, first.pages], [6, 1, 2]);
      // By Finnish name: Kiertotalouden, Kouvolan, Matkailun, Nuorten | Rautatieyhteyksien, Satamalogistiikan.
      assert.deepEqual(
        first.projects.map((p) => p.code),
        ['KY-106', 'KY-102', 'KY-103', 'KY-105'],
      );
      const second = (await api.get('/api/v1/regions/08/projects?size=4&page=2')).json() as Page;
      assert.deepEqual(
        second.projects.map((p) => p.code),
        ['KY-104', 'KY-101'],
      );
      const byStart = (await api.get('/api/v1/regions/08/projects?sort=start')).json() as Page;
      assert.deepEqual(
        byStart.projects.map((p) => p.code),
        ['KY-102', 'KY-104', 'KY-101', 'KY-103', 'KY-105', 'KY-106'],
      );
      const beyond = (await api.get('/api/v1/regions/08/projects?page=3&size=4')).json() as Page;
      assert.deepEqual(beyond.projects, []);
    });

    test('list items carry money and municipalities', async () => {
      const page = (await api.get('/api/v1/regions/08/projects?sort=code&municipality=285')).json() as Page;
      assert.deepEqual(page.projects[0], {
        ...page.projects[0],
        code: 'KY-101',
        grantedCents: 10_000_000,
        paidCents: 4_000_050,
        municipalities: ['285'],
      });
      assert.deepEqual(page.projects[1]!.municipalities, ['285', '286']);
    });

    test('totals equal the hand-computed sums', async () => {
      const all = (await api.get('/api/v1/regions/08/projects/totals')).json();
      assert.deepEqual(all, {
        count: 6,
        grantedCents: 46_000_025,
        paidCents: 11_000_050,
        plannedCents: 0,
        byFund: [
          { fund: 'ERDF', grantedCents: 30_000_000, paidCents: 4_000_050, plannedCents: 0 },
          { fund: 'ESF+', grantedCents: 8_000_025, paidCents: 5_000_000, plannedCents: 0 },
          { fund: 'AKKE', grantedCents: 8_000_000, paidCents: 2_000_000, plannedCents: 0 },
        ],
      });
      const logistics = (await api.get('/api/v1/regions/08/projects/totals?term=spearheads/logistics')).json();
      assert.deepEqual(logistics, {
        count: 2,
        grantedCents: 18_000_000,
        paidCents: 6_000_050,
        plannedCents: 0,
        byFund: [
          { fund: 'ERDF', grantedCents: 10_000_000, paidCents: 4_000_050, plannedCents: 0 },
          { fund: 'AKKE', grantedCents: 8_000_000, paidCents: 2_000_000, plannedCents: 0 },
        ],
      });
      const none = (await api.get('/api/v1/regions/08/projects/totals?status=planned&fund=ERDF')).json();
      assert.deepEqual(none, { count: 0, grantedCents: 0, paidCents: 0, plannedCents: 0, byFund: [] });
    });

    test('one project, and an unknown one', async () => {
      const res = await api.get('/api/v1/regions/08/projects/KY-103');
      assert.equal(res.status, 200);
      const p = res.json() as Record<string, unknown>;
      assert.equal(p['code'], 'KY-103');
      assert.deepEqual(p['municipalities'], ['075', '489']);
      assert.deepEqual(p['nodes'], [{ programme: '2022-2025', key: 'alykas-erikoistuminen-ja-tki', primary: true }]);
      assert.deepEqual(p['funding'], [{ fund: 'ERDF', kind: 'granted', amountCents: 20_000_000, year: 2024 }]);
      assertApiError(await api.get('/api/v1/regions/08/projects/KY-999'), 404, 'not_found', 'KY-999');
      assertApiError(await api.get('/api/v1/regions/99/projects'), 404, 'not_found');
    });

    const BAD: [string, string][] = [
      ['theme=Not_A_Key', 'theme'],
      ['theme=uudistuva-elinkeinoelama', 'theme'],
      ['priority=innovatiivinen-kymenlaakso', 'priority'],
      ['term=logistics', 'term'],
      ['term=spearheads/nothing', 'term'],
      ['municipality=28', 'municipality'],
      ['municipality=999', 'municipality'],
      ['fund=EU', 'fund'],
      ['status=done', 'status'],
      ['from_year=20x', 'from_year'],
      ['to_year=1800', 'to_year'],
      ['from_year=2025&to_year=2024', 'from_year'],
      ['page=0', 'page'],
      ['size=101', 'size'],
      ['sort=date', 'sort'],
      [`q=${'a'.repeat(201)}`, 'q'],
    ];
    for (const [query, name] of BAD) {
      test(`bad parameter ${query.slice(0, 40)} → 400 naming ${name}`, async () => {
        assertApiError(await api.get(`/api/v1/regions/08/projects?${query}`), 400, 'bad_request', `${name}:`);
      });
    }
  });
}
