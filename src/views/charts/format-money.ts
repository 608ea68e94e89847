/** Euro amounts for the pages: cents formatted per locale (fi `1 234,50 €`, en `€1,234.50`). */
import type { Lang } from '#src/domain/languages.ts';
import { LOCALES } from '#src/i18n/format.ts';

const euros: Record<Lang, Intl.NumberFormat> = {
  fi: new Intl.NumberFormat(LOCALES.fi, { style: 'currency', currency: 'EUR' }),
  sv: new Intl.NumberFormat(LOCALES.sv, { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(LOCALES.en, { style: 'currency', currency: 'EUR' }),
};
const wholeEuros: Record<Lang, Intl.NumberFormat> = {
  fi: new Intl.NumberFormat(LOCALES.fi, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  sv: new Intl.NumberFormat(LOCALES.sv, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(LOCALES.en, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
};

/** `cents` as euros with two decimals in `lang`. */
export function formatEuros(cents: number, lang: Lang): string {
  return euros[lang].format(cents / 100);
}

/** `cents` rounded to whole euros in `lang` (for chart labels). */
export function formatWholeEuros(cents: number, lang: Lang): string {
  return wholeEuros[lang].format(Math.round(cents / 100));
}
