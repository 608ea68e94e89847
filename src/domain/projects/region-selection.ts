/**
 * The rule that picks a region's projects out of a national project list that names no
 * municipalities (the structural-fund lists of rakennerahastot.fi): a project belongs to the region
 * when its name or its lead organisation's name has a word that begins with the name of the region
 * or of one of its municipalities, in Finnish or Swedish ("Kymenlaakson ammattikorkeakoulu",
 * "Kouvolan kaupunki", "Kotkan-Haminan seutu", "Asukkaat paikalliskehittäjinä Kouvolassa").
 * Words begin after any character that is not a letter or digit; case does not matter. Inflected
 * forms that keep the name whole are found (Kouvola → Kouvolan, Kouvolassa); those that change its
 * stem are not (Virolahti → Virolahden).
 */

/** The rule in words, as the facts file records it. */
export const REGION_NAMES_RULE =
  "a project is the region's when its name or its lead organisation's name has a word beginning with the Finnish or Swedish name of the region or of one of its municipalities (case-insensitive; e.g. Kouvolan, Kymenlaakson)";

const words = (text: string): string[] =>
  text
    .toLocaleLowerCase('fi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** A test of the rule for these place names (region and municipalities; empty names are ignored). */
export function regionNameTest(placeNames: readonly string[]): (texts: readonly string[]) => boolean {
  const names = [...new Set(placeNames.map((n) => n.trim().toLocaleLowerCase('fi')).filter((n) => n !== ''))];
  return (texts) => texts.some((t) => words(t).some((w) => names.some((n) => w.startsWith(n))));
}
