/** Picks the visitor's language from an Accept-Language header (fi, sv or en; Finnish by default). */
import { DEFAULT_LANG, isLang, type Lang } from '#src/domain/languages.ts';

/**
 * The best of fi/sv/en for `header` by quality value (`sv-FI;q=0.9` counts as `sv`);
 * ties keep the header's order. Returns Finnish when nothing matches.
 */
export function negotiateLang(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LANG;
  let best: Lang | null = null;
  let bestQ = 0;
  for (const part of value.slice(0, 500).split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (isLang(primary) && q > bestQ) {
      best = primary;
      bestQ = q;
    }
  }
  return best ?? DEFAULT_LANG;
}
