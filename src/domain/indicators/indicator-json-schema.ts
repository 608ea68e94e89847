/**
 * The JSON Schema (draft 2020-12) of the indicator definitions file, made from the same zod schema
 * that validates imports (`schemas/indicators.schema.json`, written by scripts/write-schemas.ts).
 * Rules across the file (unique codes, known groups) are checked on import, not by the schema.
 */
import { z } from 'zod';
import { indicatorFileSchema } from './definition-file.ts';

export function indicatorJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(indicatorFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return {
    ...schema,
    $id: 'https://suunta.invalid/schemas/indicators.schema.json',
    title: 'Suunta indicator definitions file',
    description:
      "A region's indicator groups and indicators: names, unit, direction, links to programme nodes and terms, the source of the figures (table, content, filters, licence, frequency, saved query), baseline and targets. Validated on import by `suunta import indicators FILE`.",
  };
}
