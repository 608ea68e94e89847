import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { programmeJsonSchema } from './programme-json-schema.ts';

test('the published JSON Schema of the programme file is up to date with the zod schema', () => {
  const committed: unknown = JSON.parse(
    readFileSync(new URL('../../../schemas/programme.schema.json', import.meta.url), 'utf8'),
  );
  assert.deepEqual(committed, programmeJsonSchema(), 'run `npx tsx scripts/write-schemas.ts` and commit the result');
});

test('the JSON Schema requires Finnish titles and rejects unknown fields', () => {
  const schema = JSON.stringify(programmeJsonSchema());
  assert.match(schema, /"additionalProperties":false/);
  assert.match(schema, /"themes"/);
  assert.match(schema, /"priorities"/);
});
