/**
 * The status symbols statistics offices put on a figure (Statistics Finland's PxWeb symbols and
 * Eurostat's flags) and their meanings in fi/sv/en, for pages that show a figure's status as text.
 * A `null` value with a status is a published fact (e.g. confidential), never a zero. An unknown
 * symbol has no meaning here: the page shows the file's own label (`status_label`) or the symbol. Pure.
 */
import type { Lang } from '../languages.ts';

export interface StatusSymbol {
  symbol: string;
  meaning: Required<Record<Lang, string>>;
  /** True when the cell has no figure because of it (confidential, not available, not applicable). */
  hidesValue: boolean;
}

const s = (symbol: string, fi: string, sv: string, en: string, hidesValue: boolean): StatusSymbol => ({
  symbol,
  meaning: { fi, sv, en },
  hidesValue,
});

export const STATUS_SYMBOLS: readonly StatusSymbol[] = [
  s(
    '..',
    'luottamuksellinen tai ei saatavilla',
    'konfidentiell eller inte tillgänglig',
    'confidential or not available',
    true,
  ),
  s(
    '.',
    'ei sovellu (loogisesti mahdoton)',
    'inte tillämplig (logiskt omöjlig)',
    'not applicable (logically impossible)',
    true,
  ),
  s('-', 'ei yhtään', 'ingenting', 'magnitude nil', false),
  s(':', 'ei saatavilla', 'inte tillgänglig', 'not available', true),
  s('e', 'arvio', 'uppskattning', 'estimate', false),
  s('p', 'ennakkotieto', 'preliminär uppgift', 'preliminary', false),
  s('b', 'katkos tilastosarjassa', 'brott i tidsserien', 'break in series', false),
  s('c', 'luottamuksellinen', 'konfidentiell', 'confidential', true),
  s('u', 'epäluotettava', 'låg tillförlitlighet', 'low reliability', false),
  s('r', 'korjattu', 'reviderad', 'revised', false),
];

const BY_SYMBOL = new Map(STATUS_SYMBOLS.map((x) => [x.symbol, x]));

/** The catalogue entry of `status` (exact symbol, surrounding spaces ignored), or null. */
export function statusSymbol(status: string | null | undefined): StatusSymbol | null {
  if (status === null || status === undefined) return null;
  return BY_SYMBOL.get(status.trim()) ?? null;
}

/**
 * What a figure's status means in `lang`: the catalogue's meaning of the symbol, else the file's own
 * label, else the symbol itself; null without a status. The file's label is kept as the source wrote it
 * (its language is the file's), so it is returned with the symbol's meaning only when there is none.
 */
export function statusMeaning(
  status: string | null | undefined,
  label: string | null | undefined,
  lang: Lang,
): { text: string; lang: Lang | null } | null {
  const known = statusSymbol(status);
  if (known) return { text: known.meaning[lang], lang };
  const own = label?.trim();
  if (own) return { text: own, lang: null };
  const raw = status?.trim();
  return raw ? { text: raw, lang: null } : null;
}
