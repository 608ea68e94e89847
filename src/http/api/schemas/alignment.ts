/** Named schemas of the alignment helper route: the request body and the ranked answer. */
import { z } from 'zod';
import { LANGS } from '#src/domain/languages.ts';
import { MAX_ALIGN_TEXT } from '#src/domain/alignment/index.ts';
import { refusal } from '#src/lib/zod-messages.ts';
import { named } from './registry.ts';

export const alignmentRequest = named(
  'AlignmentRequest',
  'A project text to align with the programme, and the language it is written in.',
  z
    .object({
      text: z
        .string(refusal('be a project text'))
        .regex(/\S/, refusal('be a non-empty project text', { code: 'align_text_empty' }))
        .max(
          MAX_ALIGN_TEXT,
          refusal(`be at most ${MAX_ALIGN_TEXT} characters`, {
            code: 'max_characters',
            params: { max: MAX_ALIGN_TEXT },
          }),
        )
        .describe(`The project text (e.g. its abstract), at most ${MAX_ALIGN_TEXT} characters.`),
      lang: z
        .enum(LANGS, refusal(`be one of ${LANGS.join(', ')}`, { code: 'choice', params: { values: LANGS.join(', ') } }))
        .default('fi')
        .describe('Language of the text: fi (default), sv or en.'),
    })
    .strict(),
);

const hit = named(
  'AlignmentHit',
  'A priority or spearhead with its similarity to the project text (BM25 over word stems) and the words of the text that matched.',
  z.object({
    key: z.string().describe('Node key (priorities) or term key (spearheads).'),
    title: z.string().describe('Title in the requested language (Finnish when untranslated).'),
    score: z
      .number()
      .describe('BM25 score (k1 1.2, b 0.75); 0 when no word matched. Comparable only within one answer.'),
    matched: z
      .array(z.string())
      .describe('The words of the project text (lower case) that matched, in order of first occurrence.'),
  }),
);

export const alignment = named(
  'Alignment',
  "The programme's priorities and smart-specialisation spearheads ranked by textual similarity to a project text, best first.",
  z.object({
    programmeId: z.string().describe('Programme id, e.g. "08-2022-2025".'),
    version: z.number().int().describe('The version aligned with (the current one).'),
    lang: z.enum(LANGS).describe('Language of the text.'),
    priorities: z.array(hit).describe('Every priority, best match first.'),
    spearheads: z.array(hit).describe('Every spearhead term, best match first.'),
  }),
);
