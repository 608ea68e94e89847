/** Word-level approximate matching of a quote inside a paragraph. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INFLECTION_COST, MAX_CELLS, matchWindow, substitutionCost, tokensOf } from './fuzzy-match.ts';

const words = (text: string, m: { from: number; to: number }): string =>
  tokensOf(text)
    .slice(m.from, m.to)
    .map((t) => t.word)
    .join(' ');

describe('matchWindow', () => {
  test('finds the window with the fewest word edits; case and punctuation do not count', () => {
    const text = 'Maakunta kehittää satamia. Raideyhteys Kouvolasta Kotkaan, SÄHKÖISTETÄÄN pian! Muuta.';
    const m = matchWindow(tokensOf('raideyhteys Kouvolasta Kotkaan sähköistetään'), tokensOf(text))!;
    assert.equal(words(text, m), 'raideyhteys kouvolasta kotkaan sähköistetään');
    assert.equal(m.similarity, 1);
  });

  test('one word of four replaced: similarity 0.75; one inserted: 0.8', () => {
    const quote = tokensOf('uusiutuvat materiaalit ja energia');
    assert.equal(matchWindow(quote, tokensOf('ovat kierrätettävät materiaalit ja energia sekä'))!.similarity, 0.75);
    assert.equal(matchWindow(quote, tokensOf('ovat uusiutuvat materiaalit ja myös energia sekä'))!.similarity, 0.8);
  });

  test('whole: words added at the ends count', () => {
    const quote = tokensOf('teollisuus on selvinnyt');
    const text = tokensOf('Kymenlaakson teollisuus on selvinnyt hyvin');
    assert.equal(matchWindow(quote, text)!.similarity, 1);
    const whole = matchWindow(quote, text, true)!;
    assert.deepEqual([whole.from, whole.to, whole.similarity], [0, 5, 1 - 2 / 5]);
  });

  test('a quote without words has no match; an empty paragraph matches nothing', () => {
    assert.equal(matchWindow(tokensOf('– …'), tokensOf('sana')), null);
    assert.equal(matchWindow(tokensOf('sana'), [])!.similarity, 0);
  });

  test('beyond MAX_CELLS the paragraph is compared whole with a bounded diff', () => {
    const long = Array.from({ length: 600 }, (_, i) => `sana${i}`).join(' ');
    const edited = long.replace('sana10 ', 'muutettu ').replace('sana500 ', '');
    assert.ok(600 * 599 > MAX_CELLS);
    const m = matchWindow(tokensOf(long), tokensOf(edited))!;
    assert.deepEqual([m.from, m.to], [0, 599]);
    assert.equal(m.similarity, 598 / 600);
    assert.equal(matchWindow(tokensOf(long), tokensOf(long.split(' ').reverse().join(' ')))!.similarity, 0);
  });
});

describe('substitutionCost', () => {
  test('same word 0, another ending (Finnish inflection) a quarter, another word 1', () => {
    assert.equal(substitutionCost('kehittäminen', 'kehittäminen'), 0);
    assert.equal(substitutionCost('kehittäminen', 'kehittämistä'), INFLECTION_COST);
    assert.equal(substitutionCost('tutkimus', 'tutkimuksen'), INFLECTION_COST);
    assert.equal(substitutionCost('kehittäminen', 'kehittämiseksemme'), 1);
    assert.equal(substitutionCost('ja', 'jo'), 1);
    assert.equal(substitutionCost('satama', 'kaupunki'), 1);
  });
});
