/**
 * API contract: /api/openapi.json is OpenAPI 3.1, lists exactly the /api/v1 routes, and every
 * route answers — for good, unknown and malformed parameter values taken from the seed — with a
 * status the document declares and a body valid against the schema it declares for that status.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import Fastify from 'fastify';
import { registerApi } from '#src/http/api/index.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { seedBareProjects, seedProjects } from '../projects-site/support.ts';
import { openApi, type ApiFixture, type ApiResponse } from './api-fixture.ts';
import { openRound, ROUND } from '../consultation/consultation-fixture.ts';
import { sendPersonalComments } from '../consultation/privacy-fixture.ts';

/** Every route of the API, as the OpenAPI document must list it. */
const ROUTES = [
  '/api/v1/regions',
  '/api/v1/regions/{code}',
  '/api/v1/regions/{code}/municipalities',
  '/api/v1/municipalities',
  '/api/v1/programmes',
  '/api/v1/programmes/{id}',
  '/api/v1/programmes/{id}/versions',
  '/api/v1/programmes/{id}/versions/{number}',
  '/api/v1/programmes/{id}/versions/{number}/nodes',
  '/api/v1/programmes/{id}/versions/{number}/nodes.csv',
  '/api/v1/programmes/{id}/versions/{number}/nodes/{key}',
  '/api/v1/programmes/{id}/versions/{number}/search',
  '/api/v1/programmes/{id}/taxonomies',
  '/api/v1/programmes/{id}/diff',
  '/api/v1/programmes/{id}/diff.csv',
  '/api/v1/regions/{code}/projects',
  '/api/v1/regions/{code}/projects/totals',
  '/api/v1/regions/{code}/projects/{projectCode}',
  '/api/v1/programmes/{id}/align',
  '/api/v1/regions/{code}/indicators',
  '/api/v1/regions/{code}/indicators.csv',
  '/api/v1/regions/{code}/indicators/jsonstat',
  '/api/v1/regions/{code}/indicators/status',
  '/api/v1/regions/{code}/indicators/{indicator}',
  '/api/v1/regions/{code}/indicators/{indicator}/observations',
  '/api/v1/regions/{code}/indicators/{indicator}/observations.csv',
  '/api/v1/regions/{code}/indicators/{indicator}/jsonstat',
  '/api/v1/regions/{code}/programmes/{programme}/consultation/{round}',
  '/api/v1/regions/{code}/programmes/{programme}/consultation/{round}/comments',
  '/api/v1/regions/{code}/programmes/{programme}/consultation/{round}/comments.csv',
];

/** The routes that take a JSON body (read-only computations): each with a good body and a malformed one. */
const POST_ROUTES: Record<string, { ok: Record<string, unknown>; bad: Record<string, unknown> }> = {
  '/api/v1/programmes/{id}/align': {
    ok: { text: 'Satamien logistiikka ja kulttuuriperintö', lang: 'fi' },
    bad: { text: 'x', lang: 'de' },
  },
};

/** Values for each parameter: `ok` exist in the seed, `missing` is well-formed but unknown, `bad` is malformed. */
const SAMPLES: Record<string, { ok: string[]; missing?: string; bad?: string }> = {
  code: { ok: ['08', '01', '21'], missing: '99', bad: '8x' },
  region: { ok: ['08', '01'], missing: '99', bad: '8x' },
  id: { ok: ['08-2022-2025'], missing: '08-1990-1993', bad: 'kymenlaakso' },
  number: { ok: ['2', '1', 'current'], missing: '9', bad: 'abc' },
  version: { ok: ['1', '2', 'current'], missing: '9', bad: 'abc' },
  from: { ok: ['1', '2', 'current'], missing: '9', bad: 'abc' },
  to: { ok: ['2', '1', 'current'], missing: '9', bad: '0' },
  key: {
    ok: ['uudistuva-elinkeinoelama', 'innovatiivinen-kymenlaakso', 'aktiivinen-kymenlaakso'],
    missing: 'ei-tallaista',
    bad: 'Not_A_Key',
  },
  q: { ok: ['elinkeinoelämää', 'logistiikka', 'xyzzyplugh'], bad: 'a'.repeat(201) },
  lang: { ok: ['fi', 'sv', 'en'], bad: 'de' },
  // Projects (test/projects-site/fixtures/projects.csv is imported before the calls).
  projectCode: { ok: ['KY-101', 'KY-106'], missing: 'KY-999', bad: 'KY 1' },
  theme: { ok: ['innovatiivinen-kymenlaakso'], bad: 'Not_A_Key' },
  priority: { ok: ['uudistuva-elinkeinoelama'], bad: 'innovatiivinen-kymenlaakso' },
  term: { ok: ['spearheads/logistics'], bad: 'logistics' },
  municipality: { ok: ['285', '489'], bad: '28' },
  fund: { ok: ['ERDF', 'ESF+'], bad: 'EU' },
  status: { ok: ['running', 'cancelled'], bad: 'done' },
  from_year: { ok: ['2023'], bad: '20x' },
  to_year: { ok: ['2025'], bad: '1800' },
  page: { ok: ['1', '2'], bad: '0' },
  size: { ok: ['1', '100'], bad: '101' },
  sort: { ok: ['name', 'start', 'code'], bad: 'date' },
  // Monitoring (the seeded indicators of Kymenlaakso).
  indicator: { ok: ['vaesto', 'asuntokuntien-velat', 'tki-menot'], missing: 'ei-tallaista', bad: 'Not_A_Key' },
  area: { ok: ['MK08', 'KU285,MK08', 'SSS'], bad: 'KU28' },
};

/** Values of a parameter that differ on some routes (by path prefix): the first matching prefix wins. */
const PATH_SAMPLES: [string, Record<string, { ok: string[]; missing?: string; bad?: string }>][] = [
  [
    '/api/v1/regions/{code}/indicators/{indicator}/observations',
    {
      code: { ok: ['08'], missing: '99', bad: '8x' },
      from: { ok: ['2015', '2021'], bad: '20x' },
      to: { ok: ['2024', '2020'], bad: '2024Q5' },
    },
  ],
  // The consultation round opened before the calls (test/consultation/consultation-fixture.ts), in Kymenlaakso.
  [
    '/api/v1/regions/{code}/programmes/{programme}/consultation/{round}',
    {
      code: { ok: ['08'], missing: '99', bad: '8x' },
      programme: { ok: ['2022-2025'], missing: '1990-1993', bad: 'Not_A_Slug' },
      round: { ok: [ROUND], missing: 'ei-ole', bad: 'Ei_Ole' },
    },
  ],
  // Only Kymenlaakso has indicators: in 01 and 21 the seeded indicator codes are unknown.
  ['/api/v1/regions/{code}/indicators/{indicator}', { code: { ok: ['08'], missing: '99', bad: '8x' } }],
];

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
}
interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

function urlOf(path: string, values: Record<string, string>, params: readonly Parameter[]): string {
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name]!));
  const query = params
    .filter((p) => p.in === 'query' && values[p.name] !== undefined)
    .map((p) => `${p.name}=${encodeURIComponent(values[p.name]!)}`);
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}

/** The calls to make for one operation: each with the parameter values and the status expected. */
function callsFor(path: string, params: readonly Parameter[]): { values: Record<string, string>; expect: number }[] {
  const own = PATH_SAMPLES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? {};
  const sample = (p: Parameter) => {
    const s = own[p.name] ?? SAMPLES[p.name];
    assert.ok(s, `the contract test needs sample values for parameter "${p.name}"`);
    return s;
  };
  const base = Object.fromEntries(params.filter((p) => p.required).map((p) => [p.name, sample(p).ok[0]!]));
  const calls = [{ values: base, expect: 200 }];
  for (const p of params) {
    const s = sample(p);
    for (const ok of s.ok) calls.push({ values: { ...base, [p.name]: ok }, expect: 200 });
    if (s.missing !== undefined) calls.push({ values: { ...base, [p.name]: s.missing }, expect: 404 });
    if (s.bad !== undefined) calls.push({ values: { ...base, [p.name]: s.bad }, expect: 400 });
  }
  return calls;
}

for (const target of databaseTargets()) {
  describe(`API contract: /api/openapi.json against the answers (${target.name})`, () => {
    let api: ApiFixture;
    let doc: OpenApiDocument;
    let ajv: Ajv2020;
    const validators = new Map<string, ValidateFunction>();

    before(async () => {
      api = await openApi(target);
      await seedProjects(api.ctx);
      for (const region of ['01', '21']) await seedBareProjects(api.ctx, region, ['KY-101', 'KY-106']);
      // A consultation round with published comments (sent while it is open) for the consultation routes.
      const clock = api.ctx.clock;
      api.ctx.clock = () => new Date('2021-09-10T09:00:00Z');
      await openRound(api.ctx);
      await sendPersonalComments(api.ctx);
      api.ctx.clock = clock;
      const res = await api.get('/api/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      doc = res.json() as OpenApiDocument;
      ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
      // Response schemas refer to `#/components/schemas/…`: each is validated with the components beside it.
      ajv.addVocabulary(['components']);
    });
    after(async () => {
      await api.close();
    });

    function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
      let v = validators.get(key);
      if (!v) {
        v = ajv.compile({ ...schema, components: doc.components });
        validators.set(key, v);
      }
      return v;
    }

    function assertAsDocumented(path: string, op: Operation, url: string, res: ApiResponse): void {
      const documented = op.responses[String(res.status)];
      assert.ok(
        documented,
        `GET ${url} answered ${res.status}, which ${path} does not document (${Object.keys(op.responses).join(', ')}): ${res.body.slice(0, 300)}`,
      );
      const mediaType = String(res.headers['content-type']).split(';')[0]!;
      const media = documented.content?.[mediaType];
      assert.ok(media, `GET ${url} answered ${mediaType}, not documented for ${res.status}`);
      const body: unknown = mediaType === 'application/json' ? res.json() : res.body;
      const validate = validatorFor(`${path} ${res.status} ${mediaType}`, media.schema);
      assert.ok(
        validate(body),
        `GET ${url} (${res.status}) does not match its documented schema: ${ajv.errorsText(validate.errors)}`,
      );
    }

    test('the document is OpenAPI 3.1.0 and lists exactly the /api/v1 routes, and no site or ops route', () => {
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.info.title.length > 0 && doc.info.version.length > 0);
      assert.deepEqual(Object.keys(doc.paths).sort(), [...ROUTES].sort());
      for (const path of Object.keys(doc.paths)) assert.ok(path.startsWith('/api/v1/'), `${path} is not an API route`);
      const text = JSON.stringify(doc.paths);
      for (const other of ['/healthz', '/readyz', '/api/openapi.json', '"/fi', '"/sv', '"/en', '/sitemap.xml'])
        assert.ok(!text.includes(other), `${other} is documented`);
    });

    test('every operation, parameter, response and named schema is described', () => {
      const ids = new Set<string>();
      for (const [path, methods] of Object.entries(doc.paths)) {
        assert.deepEqual(Object.keys(methods), [POST_ROUTES[path] ? 'post' : 'get'], `${path} is read-only`);
        const op = (methods['get'] ?? methods['post'])!;
        assert.ok(op.operationId && !ids.has(op.operationId), `${path} has a unique operationId`);
        ids.add(op.operationId);
        assert.ok(op.summary, `${path} has a summary`);
        for (const p of op.parameters ?? []) assert.ok(p.description, `${path}: parameter ${p.name} has a description`);
        for (const [status, r] of Object.entries(op.responses)) {
          assert.ok(r.description && r.description !== 'Default Response', `${path} ${status} has a description`);
          assert.ok(r.content && Object.keys(r.content).length > 0, `${path} ${status} declares its body`);
        }
        assert.ok(op.responses['200'], `${path} documents 200`);
      }
      for (const [name, schema] of Object.entries(doc.components.schemas))
        assert.equal(typeof schema['description'], 'string', `components.schemas.${name}`);
    });

    test('every route answers good, unknown and malformed parameters as documented', async () => {
      let calls = 0;
      for (const [path, methods] of Object.entries(doc.paths)) {
        if (POST_ROUTES[path]) continue;
        const op = methods['get']!;
        const params = op.parameters ?? [];
        const seen = new Set<string>();
        for (const call of callsFor(path, params)) {
          const url = urlOf(path, call.values, params);
          const res = await api.get(url);
          assert.equal(res.status, call.expect, `GET ${url}: ${res.body.slice(0, 300)}`);
          assertAsDocumented(path, op, url, res);
          seen.add(String(res.status));
          calls += 1;
        }
        for (const status of Object.keys(op.responses))
          assert.ok(seen.has(status), `${path}: documented status ${status} was never produced by the contract calls`);
      }
      assert.ok(calls >= ROUTES.length * 4, `made only ${calls} calls`);
    });

    test('every route with a JSON body answers good, unknown and malformed requests as documented', async () => {
      for (const [path, bodies] of Object.entries(POST_ROUTES)) {
        const op = doc.paths[path]!['post']!;
        const params = op.parameters ?? [];
        const base = Object.fromEntries(params.filter((p) => p.required).map((p) => [p.name, SAMPLES[p.name]!.ok[0]!]));
        const calls: { values: Record<string, string>; body: Record<string, unknown>; expect: number }[] = [
          { values: base, body: bodies.ok, expect: 200 },
          { values: base, body: bodies.bad, expect: 400 },
        ];
        for (const p of params) {
          const s = SAMPLES[p.name]!;
          if (s.missing !== undefined)
            calls.push({ values: { ...base, [p.name]: s.missing }, body: bodies.ok, expect: 404 });
          if (s.bad !== undefined) calls.push({ values: { ...base, [p.name]: s.bad }, body: bodies.ok, expect: 400 });
        }
        const seen = new Set<string>();
        for (const call of calls) {
          const url = urlOf(path, call.values, params);
          const r = await api.app.inject({
            method: 'POST',
            url,
            payload: call.body,
            headers: { 'content-type': 'application/json' },
          });
          const res: ApiResponse = { status: r.statusCode, headers: r.headers, body: r.body, json: () => r.json() };
          assert.equal(res.status, call.expect, `POST ${url}: ${res.body.slice(0, 300)}`);
          assertAsDocumented(path, op, url, res);
          seen.add(String(res.status));
        }
        for (const status of Object.keys(op.responses))
          assert.ok(seen.has(status), `${path}: documented status ${status} was never produced`);
      }
    });

    test('the validator rejects a body that is off-spec (so the contract test can fail)', () => {
      const op = doc.paths['/api/v1/regions']!['get']!;
      const validate = validatorFor(
        '/api/v1/regions 200 application/json',
        op.responses['200']!.content!['application/json']!.schema,
      );
      const region = {
        code: '08',
        slug: 'kymenlaakso',
        name: { fi: 'Kymenlaakso', sv: 'Kymmenedalen', en: 'Kymenlaakso' },
        statfinCode: 'MK08',
        programmeIds: [],
      };
      assert.ok(validate({ regions: [region] }));
      assert.ok(!validate({ regions: [{ ...region, name: { fi: 'Kymenlaakso' } }] }), 'a text without sv/en');
      assert.ok(!validate({ regions: [{ ...region, programmeIds: undefined }] }), 'a missing field');
      assert.ok(!validate({ regions: [{ ...region, extra: 1 }] }), 'an undocumented field');
    });
  });
}

describe('API document generation', () => {
  test('routes outside /api/v1 (site pages, health checks) never appear in the document', async () => {
    const target = databaseTargets()[0]!;
    const ctx = await openTestContext(target);
    const app = Fastify();
    try {
      app.get('/healthz', async () => ({ status: 'ok' }));
      await registerApi(app, ctx);
      app.get('/fi/kymenlaakso', async () => 'page');
      app.get('/sitemap.xml', { schema: { response: { 200: { type: 'string' } } } }, async () => 'xml');
      await app.ready();
      const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths);
      assert.deepEqual(paths.sort(), [...ROUTES].sort());
    } finally {
      await app.close();
      await ctx.close();
    }
  });
});
