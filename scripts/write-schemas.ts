/** Writes the published JSON Schemas of Suunta's input files from their zod schemas (run after changing them). */
import { writeFileSync } from 'node:fs';
import { indicatorJsonSchema } from '../src/domain/indicators/indicator-json-schema.ts';
import { programmeJsonSchema } from '../src/domain/programmes/programme-json-schema.ts';

for (const [file, schema] of [
  ['programme.schema.json', programmeJsonSchema()],
  ['indicators.schema.json', indicatorJsonSchema()],
] as const) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}
