/**
 * Units as the statistics offices label them differ by language (`per cent`, `prosenttia`,
 * `procent`); a change of unit is noticed by comparing their canonical forms, so that the Swedish
 * response of a table after the English one is not reported as a unit change.
 */
const SYNONYMS: readonly (readonly [string, readonly string[]])[] = [
  ['percent', ['%', 'per cent', 'percent', 'prosentti', 'prosenttia', 'procent', 'pct']],
  ['euro', ['€', 'eur', 'euro', 'euros', 'euroa']],
  ['thousand-euro', ['1000 euroa', '1 000 euroa', 'tuhatta euroa', '1000 euro', 'thousand euros', 'tusen euro']],
  ['million-euro', ['miljoonaa euroa', 'milj. euroa', 'million euros', 'miljoner euro', 'meur']],
  ['person', ['henkilö', 'henkilöä', 'person', 'persons', 'personer', 'people']],
  ['number', ['lukumäärä', 'number', 'antal', 'kpl']],
  ['index', ['indeksi', 'index', 'pisteluku']],
];

const LOOKUP = new Map<string, string>(SYNONYMS.flatMap(([canon, words]) => words.map((w) => [w, canon] as const)));

/** The unit's canonical form: a known unit word in any of the languages, else the label lower-cased. */
export function canonicalUnit(label: string): string {
  const t = label.trim().toLowerCase().replace(/\s+/g, ' ');
  return LOOKUP.get(t) ?? t;
}
