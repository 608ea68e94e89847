/** Word-level text diff: segments, exact reconstruction of both texts, word counts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { countWords, newText, oldText, wordCounts, wordDiff, type Segment } from './word-diff.ts';

const seg = (type: Segment['type'], text: string): Segment => ({ type, text });

describe('wordDiff', () => {
  test('marks changed words, keeps unchanged ones, and puts deletions before insertions', () => {
    assert.deepEqual(wordDiff('Uudistuva elinkeinoelämä on tärkeä.', 'Elinkeinoelämän uudistaminen on tärkeä.'), [
      seg('delete', 'Uudistuva elinkeinoelämä'),
      seg('insert', 'Elinkeinoelämän uudistaminen'),
      seg('equal', ' on tärkeä.'),
    ]);
  });

  test('a word inserted in the middle is one insertion', () => {
    const segments = wordDiff('vital region that takes care', 'vital region that really takes care');
    assert.deepEqual(
      segments.filter((s) => s.type !== 'equal'),
      [seg('insert', 'really ')],
    );
    assert.deepEqual(wordCounts(segments), { inserted: 1, deleted: 0 });
  });

  test('identical texts are one equal segment, empty texts none', () => {
    assert.deepEqual(wordDiff('sama teksti', 'sama teksti'), [seg('equal', 'sama teksti')]);
    assert.deepEqual(wordDiff('', ''), []);
  });

  test('a text added or removed entirely is one insertion or one deletion', () => {
    assert.deepEqual(wordDiff('', 'Uusi teksti'), [seg('insert', 'Uusi teksti')]);
    assert.deepEqual(wordDiff('Vanha teksti', ''), [seg('delete', 'Vanha teksti')]);
  });

  test('whitespace-only changes are reported, and both texts still reconstruct', () => {
    for (const [a, b] of [
      ['a b', 'a  b'],
      ['kappale\n\ntoinen', 'kappale\ntoinen'],
      ['x  y z', 'x y q'],
    ] as const) {
      const segments = wordDiff(a, b);
      assert.ok(
        segments.some((s) => s.type !== 'equal'),
        `${JSON.stringify(a)} → ${JSON.stringify(b)} shows a change`,
      );
      assert.equal(oldText(segments), a);
      assert.equal(newText(segments), b);
    }
  });

  test('property: equal+delete segments give the old text, equal+insert the new; no empty or adjacent same-type segments', () => {
    const words = fc.constantFrom(
      'Kymenlaakso',
      'ja',
      'ympäristö',
      'hållbar',
      'utveckling',
      'region',
      '2035',
      'vesi-,',
      'rata-',
      '–',
      '“lainaus”',
      'a',
      'ö',
    );
    const separators = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\n\n', ', ', '. ', '');
    const prose = fc
      .array(fc.tuple(words, separators), { maxLength: 25 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    const anyText = fc.oneof(
      prose,
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const segments = wordDiff(a, b);
        assert.equal(oldText(segments), a);
        assert.equal(newText(segments), b);
        assert.ok(segments.every((s) => s.text !== ''));
        segments.forEach((s, i) => i > 0 && assert.notEqual(s.type, segments[i - 1]!.type));
        if (a === b) assert.ok(segments.every((s) => s.type === 'equal'));
        else assert.ok(segments.some((s) => s.type !== 'equal'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('countWords', () => {
  test('counts runs of letters and digits, with hyphenated and Finnish words as one', () => {
    assert.equal(countWords('Venäjän-liikenne ja vesi-, rata- ja maantieyhteydet 2035.'), 7);
    assert.equal(countWords('  \n, – '), 0);
    assert.equal(countWords('Kymmenedalens landskapsprogram'), 2);
  });
});
