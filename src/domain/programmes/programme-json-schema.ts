/**
 * The JSON Schema (draft 2020-12) of the programme file, made from the same zod schema that
 * validates imports. It is written for the default levels (themes → priorities → measures);
 * a programme with other levels uses its own level names in the same places.
 */
import { z } from 'zod';
import { DEFAULT_LEVELS, programmeFileSchemaFor } from './programme-file.ts';

export function programmeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(programmeFileSchemaFor(DEFAULT_LEVELS), {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return {
    ...schema,
    $id: 'https://suunta.invalid/schemas/programme.schema.json',
    title: 'Suunta programme file',
    description:
      'A regional programme with all its versions, taxonomies and the council contact details. Validated on import by `suunta import programme FILE`.',
  };
}
