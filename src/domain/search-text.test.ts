/** Unit tests of search-text.ts: tokenising, inflection families, gradation and query groups. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MAX_QUERY_WORDS,
  normaliseStem,
  queryPrefixes,
  searchGroups,
  snowballStem,
  stemText,
  stemWord,
  tokenize,
} from './search-text.ts';

/** True when the Finnish query word matches the Finnish text word as search does it (a prefix of the indexed stem). */
function finds(query: string, textWord: string): boolean {
  const indexed = stemWord(textWord, 'fi');
  return queryPrefixes(query, 'fi').some((p) => indexed.startsWith(p));
}

describe('tokenize', () => {
  test('lower-cases and splits on spaces and punctuation', () => {
    assert.deepEqual(tokenize('Kulttuuri, liikunta; (Matkailu)! – 2022–2025.'), [
      'kulttuuri',
      'liikunta',
      'matkailu',
      '2022',
      '2025',
    ]);
  });

  test('gives the parts of hyphenated compounds, also with a dangling hyphen', () => {
    assert.deepEqual(tokenize('TKI-osaamisen'), ['tki', 'osaamisen']);
    assert.deepEqual(tokenize('Kaakkois- ja Etelä-Suomessa'), ['kaakkois', 'ja', 'etelä', 'suomessa']);
    assert.deepEqual(tokenize('TEN-T-ydinverkko'), ['ten', 't', 'ydinverkko']);
  });

  test('keeps Finnish and Swedish letters and drops full-text syntax', () => {
    assert.deepEqual(tokenize('Älykäs ÅSTRÖM'), ['älykäs', 'åström']);
    assert.deepEqual(tokenize('"kulttuuri" AND liikunta* -matkailu (x:y) NEAR/2 ^a'), [
      'kulttuuri',
      'and',
      'liikunta',
      'matkailu',
      'x',
      'y',
      'near',
      '2',
      'a',
    ]);
  });

  test('finds no words in empty or punctuation-only text', () => {
    for (const text of ['', '   ', '!!!', '"*"', '- ( ) : ^', '–']) assert.deepEqual(tokenize(text), [], text);
  });
});

describe('normaliseStem joins the inflection families Snowball leaves apart', () => {
  const family = (...words: string[]): void => {
    const stems = new Set(words.map((w) => stemWord(w, 'fi')));
    assert.equal(stems.size, 1, `${words.join(', ')} → ${[...stems].join(', ')}`);
  };

  test('-minen verbal nouns', () => {
    family(
      'uudistaminen',
      'uudistamisen',
      'uudistamista',
      'uudistamiseen',
      'uudistamisessa',
      'uudistamiset',
      'uudistamisten',
      'uudistamiseksi',
    );
    family('kehittäminen', 'kehittämisen', 'kehittämistä', 'kehittämiseen');
  });

  test('-inen adjectives', () => {
    family(
      'innovatiivinen',
      'innovatiivisen',
      'innovatiivista',
      'innovatiiviseen',
      'innovatiiviset',
      'innovatiivisia',
      'innovatiivisten',
    );
    family('digitaalinen', 'digitaalisen', 'digitaalista', 'digitaalisten', 'digitaalisesti');
  });

  test('-us / -uksen nouns (koulutus) and -os / -ös nouns', () => {
    family(
      'koulutus',
      'koulutuksen',
      'koulutusta',
      'koulutukseen',
      'koulutuksessa',
      'koulutukset',
      'koulutuksia',
      'koulutusten',
    );
    family('rakennemuutos', 'rakennemuutoksen', 'rakennemuutosta', 'rakennemuutokseen');
    family('päätös', 'päätöksen', 'päätöstä', 'päätökset');
  });

  test('-uus / -yys nouns and -eys / -ous nouns', () => {
    family('teollisuus', 'teollisuuden', 'teollisuutta', 'teollisuuteen', 'teollisuudessa');
    family('köyhyys', 'köyhyyden', 'köyhyyttä', 'köyhyyteen');
    family('yhteys', 'yhteyden', 'yhteyttä', 'yhteyksiä', 'yhteydet');
    family('talous', 'talouden', 'taloutta', 'taloudessa');
  });

  test('-ton adjectives', () => {
    family('aineeton', 'aineettoman', 'aineetonta', 'aineettomat');
  });

  test('leaves Swedish and English stems alone', () => {
    assert.equal(normaliseStem('utbildning', 'sv', 'utbildningen'), 'utbildning');
    assert.equal(normaliseStem('busi', 'en', 'business'), 'busi');
    assert.equal(stemWord('Businesses', 'en'), snowballStem('businesses', 'en'));
  });
});

describe('queryPrefixes', () => {
  test('undoes consonant gradation in both directions', () => {
    const pairs: [string, string][] = [
      ['liikunnan', 'liikunta'],
      ['liikuntaa', 'liikunta'],
      ['liikunta', 'liikunnassa'],
      ['hanke', 'hankkeissa'],
      ['hankkeen', 'hanke'],
      ['maaseutu', 'maaseudun'],
      ['maaseudulla', 'maaseutu'],
      ['kymijoki', 'kymijoen'],
      ['sota', 'sodan'],
      ['luontoa', 'luonnon'],
      ['kulttuuriperintö', 'kulttuuriperinnön'],
      ['ruoantuotanto', 'ruoantuotannon'],
      ['toimintatavat', 'toimintatapojen'],
      ['matkailukohde', 'matkailukohteiden'],
      ['osaamistarve', 'osaamistarpeiden'],
      ['kilpailukyvyn', 'kilpailukykyä'],
      ['kulttuurisisällöt', 'kulttuurisisältöjen'],
      ['asukas', 'asukkaiden'],
      ['kolmas', 'kolmannen'],
      ['yhdyskuntarakenteen', 'yhdyskuntarakenne'],
      ['joukkoliikenteen', 'joukkoliikennettä'],
      ['päätöksentekoon', 'päätöksenteossa'],
      ['paikkariippumattoman', 'paikkariippumaton'],
      ['opintopolku', 'opintopolut'],
      ['opintopolkua', 'opintopoluista'],
    ];
    for (const [query, text] of pairs) assert.ok(finds(query, text), `${query} should find ${text}`);
  });

  test('matches a Finnish word at the start of a compound, not inside one', () => {
    assert.ok(finds('elinkeinoelämää', 'elinkeinoelämän'));
    assert.ok(finds('energia', 'energiaomavaraisuuden'));
    assert.ok(finds('liikennejärjestelmän', 'liikennejärjestelmätyö'));
    assert.ok(!finds('satama', 'kantasataman'));
    assert.ok(!finds('kulttuuri', 'kokeilukulttuurin'));
  });

  test('keeps apart words that only look alike', () => {
    const apart: [string, string][] = [
      ['liikunta', 'liikenteen'],
      ['liikunta', 'liikkumisen'],
      ['liikenne', 'liikunnan'],
      ['toiminta', 'toimialojen'],
      ['toiminta', 'toimivat'],
      ['asuminen', 'asukkaiden'],
      ['asukas', 'asumisen'],
      ['koulutus', 'kokoukset'],
    ];
    for (const [query, text] of apart) assert.ok(!finds(query, text), `${query} should not find ${text}`);
  });

  test('applies a single-consonant grade change only to a single consonant', () => {
    assert.ok(
      !queryPrefixes('liikunta', 'fi').some((p) => p.endsWith('d')),
      queryPrefixes('liikunta', 'fi').join(', '),
    );
    assert.ok(queryPrefixes('maaseutu', 'fi').includes('maaseud'));
  });

  test('gives no prefix shorter than three letters', () => {
    for (const word of ['työ', 'osa', 'tie', 'kylä', 'sota', 'tapa', 'ikä', 'yö']) {
      for (const p of queryPrefixes(word, 'fi'))
        assert.ok(p.length >= 3 || p === stemWord(word, 'fi'), `${word} → ${p}`);
    }
  });

  test('gives the plain stem in Swedish and English', () => {
    assert.deepEqual(queryPrefixes('education', 'en'), [snowballStem('education', 'en')]);
    assert.deepEqual(queryPrefixes('utbildningen', 'sv'), [snowballStem('utbildningen', 'sv')]);
  });
});

describe('stemText and searchGroups', () => {
  test('leave function words out of the index and out of queries', () => {
    assert.deepEqual(stemText('Kulttuuri ja liikunta, kun yritykset', 'fi'), [
      stemWord('kulttuuri', 'fi'),
      stemWord('liikunta', 'fi'),
      stemWord('yritykset', 'fi'),
    ]);
    assert.equal(searchGroups('kulttuuria ja liikuntaa', ['fi']).length, 2);
    assert.equal(searchGroups('culture and sport', ['en', 'fi']).length, 2);
  });

  test('drop a function word of any searched language, so Finnish queries work on other pages', () => {
    assert.equal(searchGroups('kulttuuri ja liikunta', ['sv', 'fi']).length, 2);
  });

  test('give one group per word, with the prefixes of every searched language', () => {
    const [group] = searchGroups('koulutusta', ['en', 'fi']);
    assert.ok(group);
    for (const p of queryPrefixes('koulutusta', 'fi')) assert.ok(group.includes(p));
    assert.ok(group.includes(stemWord('koulutusta', 'en')));
  });

  test('give no groups for an empty, punctuation-only or function-word-only query', () => {
    for (const q of ['', '  ', '"', '* ( ) : -', 'ja', 'ja sekä tai']) assert.deepEqual(searchGroups(q, ['fi']), [], q);
  });

  test(`look at ${MAX_QUERY_WORDS} words at most`, () => {
    const many = Array.from({ length: 20 }, (_, i) => `sana${i}`).join(' ');
    assert.equal(searchGroups(many, ['fi']).length, MAX_QUERY_WORDS);
  });

  test('give only letters and digits, whatever the query holds', () => {
    for (const group of searchGroups('"kulttuuri" OR liikunta* -(x:y) NEAR/3 \'; DROP TABLE', ['fi', 'en'])) {
      for (const p of group) assert.match(p, /^[\p{L}\p{N}]+$/u);
    }
  });
});
