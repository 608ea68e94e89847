/** The interface texts (one key set in fi/sv/en), locale formatting and Accept-Language negotiation. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS } from '#src/domain/languages.ts';
import { formatDate, formatNumber, formatPeriod } from '#src/i18n/format.ts';
import { interpolate, MESSAGES, pluralKey, translator } from '#src/i18n/index.ts';
import { negotiateLang } from '#src/i18n/negotiate.ts';

describe('interface texts', () => {
  test('fi, sv and en have exactly the same keys', () => {
    const fiKeys = Object.keys(MESSAGES.fi).sort();
    for (const lang of LANGS) assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), fiKeys, `keys of ${lang}`);
  });

  test('no text is empty and every language uses the same {parameters} per key', () => {
    for (const key of Object.keys(MESSAGES.fi) as (keyof typeof MESSAGES.fi)[]) {
      const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      for (const lang of LANGS) {
        assert.ok(MESSAGES[lang][key].trim().length > 0, `${lang} ${key} is empty`);
        assert.deepEqual(params(MESSAGES[lang][key]), params(MESSAGES.fi[key]), `${lang} ${key} parameters`);
      }
    }
  });

  test('the Swedish and English texts are translations, not copies of the Finnish', () => {
    const same = (Object.keys(MESSAGES.fi) as (keyof typeof MESSAGES.fi)[]).filter(
      (k) => MESSAGES.sv[k] === MESSAGES.fi[k] && MESSAGES.fi[k].length > 12 && !k.startsWith('site.name'),
    );
    assert.deepEqual(same, []);
  });

  test('parameters are filled in and unknown ones left as written', () => {
    assert.equal(translator('fi')('versions.show', { n: 2 }), 'Näytä versio 2');
    assert.equal(interpolate('{a} and {b}', { a: 'x' }), 'x and {b}');
  });

  test('plural forms follow the language', () => {
    assert.equal(pluralKey('fi', 1, 'search.results'), 'search.results.one');
    assert.equal(pluralKey('en', 3, 'search.results'), 'search.results.other');
    assert.equal(pluralKey('sv', 0, 'search.results'), 'search.results.other');
  });
});

describe('formatting per locale', () => {
  test('dates: fi and sv as 19.12.2022, en as 19 December 2022', () => {
    assert.equal(formatDate('2022-12-19', 'fi'), '19.12.2022');
    assert.equal(formatDate('2022-12-19', 'sv'), '19.12.2022');
    assert.equal(formatDate('2022-12-19', 'en'), '19 December 2022');
    assert.equal(formatDate('2021-11-29', 'en'), '29 November 2021');
    assert.equal(formatDate('not a date', 'fi'), 'not a date');
  });

  test('numbers group digits the local way', () => {
    assert.equal(formatNumber(1234.5, 'fi'), '1\u00a0234,5');
    assert.equal(formatNumber(1234.5, 'sv'), '1\u00a0234,5');
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  });

  test('periods use an en dash', () => {
    assert.equal(formatPeriod(2022, 2025), '2022–2025');
    assert.equal(formatPeriod(2024, 2024), '2024');
  });
});

describe('Accept-Language negotiation', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'fi'],
    ['', 'fi'],
    ['sv-FI,sv;q=0.9,en;q=0.8', 'sv'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5,sv;q=0.4', 'en'],
    ['de, fr', 'fi'],
    ['fi;q=0.2, sv;q=0.7', 'sv'],
    ['en;q=0, sv;q=0.1', 'sv'],
    ['EN-us', 'en'],
    ['sv;q=abc, en', 'en'],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(negotiateLang(header), expected));
  }
});
