/**
 * The compact facts file of regions and municipalities that the repo ships
 * (content/facts/municipalities.json), made by `suunta import municipalities FILE --facts-out`.
 */
import { z } from 'zod';

const names = z.strictObject({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) });

export const municipalityFactsSchema = z.strictObject({
  source: z.string().min(1),
  year: z.number().int(),
  regions: z.array(z.strictObject({ code: z.string().regex(/^\d{2}$/), name: names })).min(1),
  /** Subregions (seutukunnat); absent in a classification without them. */
  subregions: z
    .array(z.strictObject({ code: z.string().regex(/^\d{3}$/), region: z.string().regex(/^\d{2}$/), name: names }))
    .optional(),
  municipalities: z
    .array(
      z.strictObject({
        code: z.string().regex(/^\d{3}$/),
        region: z.string().regex(/^\d{2}$/),
        name: names,
        /** 'fi', 'sv', 'fi-sv' (bilingual, Finnish majority) or 'sv-fi'. */
        languages: z.enum(['fi', 'sv', 'fi-sv', 'sv-fi']),
        subregion: z
          .string()
          .regex(/^\d{3}$/)
          .optional(),
      }),
    )
    .min(1),
});

export type MunicipalityFacts = z.infer<typeof municipalityFactsSchema>;
