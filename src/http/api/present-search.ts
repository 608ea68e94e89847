/** Search hits as public JSON. */
import type { Lang } from '#src/domain/languages.ts';
import type { SearchHit } from '#src/domain/read-models.ts';
import { presentOptionalText, presentText } from './present-text.ts';
import type { SearchResultsJson } from './schemas/nodes.ts';

export function presentSearch(
  programmeId: string,
  version: number,
  query: string,
  lang: Lang,
  hits: readonly SearchHit[],
): SearchResultsJson {
  return {
    programmeId,
    version,
    query,
    lang,
    hits: hits.map((h) => ({
      key: h.key,
      level: h.level,
      path: h.path,
      title: presentText(h.title),
      summary: presentOptionalText(h.summary),
      score: h.score,
    })),
  };
}
