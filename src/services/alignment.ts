/**
 * Aligns a project text with a programme: the current (or a given) version's priorities and
 * spearheads ranked by BM25 similarity (domain/alignment). Models are built once per version
 * content the reader hands out (a new generation gives new content, hence a new model).
 */
import {
  alignText,
  buildAlignmentModel,
  MAX_ALIGN_TEXT,
  type AlignmentModel,
  type AlignmentResult,
} from '#src/domain/alignment/index.ts';
import { badRequest } from '#src/domain/errors.ts';
import { isLang, type Lang } from '#src/domain/languages.ts';
import type { ProgrammeSummary, VersionContent } from '#src/domain/read-models.ts';
import type { ProgrammeReader } from './programmes/programme-reader.ts';

const models = new WeakMap<VersionContent, Map<Lang, AlignmentModel>>();

function modelFor(content: VersionContent, lang: Lang): AlignmentModel {
  let byLang = models.get(content);
  if (!byLang) {
    byLang = new Map();
    models.set(content, byLang);
  }
  let model = byLang.get(lang);
  if (!model) {
    model = buildAlignmentModel(content, lang);
    byLang.set(lang, model);
  }
  return model;
}

export interface AlignmentAnswer extends AlignmentResult {
  programme: ProgrammeSummary;
  version: number;
  lang: Lang;
}

/** Checks a project text and language as the form and the API receive them; throws bad_request naming the field. */
export function checkAlignmentInput(text: unknown, lang: unknown): { text: string; lang: Lang } {
  if (typeof text !== 'string' || text.trim() === '') throw badRequest('text: must be a non-empty project text');
  if (text.length > MAX_ALIGN_TEXT)
    throw badRequest(`text: must be at most ${MAX_ALIGN_TEXT} characters (got ${text.length})`);
  const l = lang ?? 'fi';
  if (!isLang(l)) throw badRequest('lang: must be one of fi, sv, en');
  return { text, lang: l };
}

/** Ranks the priorities and spearheads of programme `regionCode`/`slug` (version `number`, default current) for `text`. */
export async function alignProjectText(
  reader: ProgrammeReader,
  regionCode: string,
  slug: string,
  text: string,
  lang: Lang,
  number?: number,
): Promise<AlignmentAnswer> {
  const content = await reader.versionContent(regionCode, slug, number);
  const result = alignText(modelFor(content, lang), text);
  return { ...result, programme: content.programme, version: content.version.number, lang };
}

/** Ranks the priorities and spearheads of `content` for `text` (the model built once per content and language). */
export function alignWithContent(content: VersionContent, text: string, lang: Lang): AlignmentResult {
  return alignText(modelFor(content, lang), text);
}
