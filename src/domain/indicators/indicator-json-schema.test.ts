import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { indicatorJsonSchema } from './indicator-json-schema.ts';

const committed = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../../schemas/indicators.schema.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

test('the published JSON Schema of the indicator definitions file is up to date with the zod schema', () => {
  assert.deepEqual(committed(), indicatorJsonSchema(), 'run `npx tsx scripts/write-schemas.ts` and commit the result');
});

test("Kymenlaakso's shipped definitions validate against the published schema, and a wrong file does not", () => {
  const validate = new Ajv2020({ strict: false }).compile(committed());
  const file: unknown = parse(
    readFileSync(new URL('../../../content/indicators/kymenlaakso.yaml', import.meta.url), 'utf8'),
  );
  assert.equal(validate(file), true, JSON.stringify(validate.errors));
  const broken = structuredClone(file) as { indicators: { direction: string }[] };
  broken.indicators[0]!.direction = 'upwards';
  assert.equal(validate(broken), false);
  assert.match(JSON.stringify(validate.errors), /indicators\/0\/direction/);
});
