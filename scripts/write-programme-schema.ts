/** Writes schemas/programme.schema.json from the zod schema (run after changing programme-file.ts). */
import { writeFileSync } from 'node:fs';
import { programmeJsonSchema } from '../src/domain/programmes/programme-json-schema.ts';

writeFileSync(
  new URL('../schemas/programme.schema.json', import.meta.url),
  `${JSON.stringify(programmeJsonSchema(), null, 2)}\n`,
);
console.log('wrote schemas/programme.schema.json');
