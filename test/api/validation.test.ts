/**
 * The API's zod validation: a bad query parameter is a 400 naming the parameter, the rule and the
 * value given; the OpenAPI document publishes the project filters with their real types (enums,
 * integers with their bounds, patterns), made from the same zod schemas.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FUND_CODES } from '#src/domain/projects/funds.ts';
import { PROJECT_STATUSES } from '#src/domain/projects/status.ts';
import { databaseTargets } from '../support/databases.ts';
import { assertApiError, openApi, type ApiFixture } from './api-fixture.ts';

describe('API validation by zod schemas', () => {
  let api: ApiFixture;
  before(async () => {
    api = await openApi(databaseTargets()[0]!); // validation happens before any storage is read
  });
  after(async () => api?.close());

  const P = '/api/v1/regions/08/projects';
  for (const [query, parts] of [
    ['fund=EU', ['Query parameter "fund" must be one of ERDF', '(fund: "EU")']],
    ['status=done', ['Query parameter "status" must be one of planned', '(status: "done")']],
    ['from_year=20x', ['Query parameter "from_year" must be a whole number from 1900 to 2100', '(from_year: "20x")']],
    ['size=101', ['Query parameter "size" must be a whole number from 1 to 100', '(size: "101")']],
    ['fund=ERDF&fund=ESF%2B', ['Query parameter "fund" must be given once']],
    ['from_year=2025&to_year=2024', ['Query parameter "from_year" must not be after to_year 2024']],
  ] as const) {
    test(`${query} → 400 naming the parameter, the rule and the value`, async () => {
      assertApiError(await api.get(`${P}?${query}`), 400, 'bad_request', ...parts);
    });
  }

  test('empty values count as not given', async () => {
    const res = await api.get(`${P}?fund=&status=&from_year=&q=`);
    assert.equal(res.status, 200, res.body);
  });

  test('the OpenAPI document publishes the project filters with their types', async () => {
    const doc = (await api.get('/api/openapi.json')).json();
    const params = doc.paths['/api/v1/regions/{code}/projects'].get.parameters as {
      name: string;
      in: string;
      schema: Record<string, unknown>;
    }[];
    const schema = (name: string) => params.find((p) => p.in === 'query' && p.name === name)?.schema;
    assert.deepEqual(schema('fund')?.['enum'], [...FUND_CODES]);
    assert.deepEqual(schema('status')?.['enum'], [...PROJECT_STATUSES]);
    assert.deepEqual(schema('sort')?.['enum'], ['name', 'start', 'code']);
    assert.equal(schema('from_year')?.['type'], 'integer');
    assert.equal(schema('from_year')?.['minimum'], 1900);
    assert.equal(schema('to_year')?.['maximum'], 2100);
    assert.equal(schema('size')?.['type'], 'integer');
    assert.equal(schema('size')?.['maximum'], 100);
    assert.equal(schema('page')?.['default'], 1);
    assert.equal(schema('municipality')?.['pattern'], '^\\d{3}$');
  });
});
