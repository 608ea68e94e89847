/** The interface texts (one key set in fi/sv/en), locale formatting and Accept-Language negotiation. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, type Lang } from '#src/domain/languages.ts';
import { formatDate, formatNumber, formatPeriod } from '#src/i18n/format.ts';
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { MESSAGES, translator, type MessageKey } from '#src/i18n/index.ts';
import { AREA_FILES, AREAS } from '#src/i18n/messages/catalogue.ts';
import { negotiateLang } from '#src/i18n/negotiate.ts';

describe('interface texts', () => {
  test('fi, sv and en have exactly the same keys, area by area (same JSON file)', () => {
    for (const area of AREAS) {
      const fiKeys = Object.keys(AREA_FILES.fi[area]).sort();
      for (const lang of LANGS)
        assert.deepEqual(Object.keys(AREA_FILES[lang][area]).sort(), fiKeys, `keys of ${lang}/${area}.json`);
    }
    const fiKeys = Object.keys(MESSAGES.fi).sort();
    for (const lang of LANGS) assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), fiKeys, `keys of ${lang}`);
    assert.equal(
      new Set(AREAS.flatMap((a) => Object.keys(AREA_FILES.fi[a]))).size,
      fiKeys.length,
      'a key in two areas',
    );
  });

  test('every text is valid ICU, none is empty, and every language has the same arguments of the same kind', () => {
    for (const key of Object.keys(MESSAGES.fi) as MessageKey[]) {
      const expected = icuArguments(MESSAGES.fi[key]);
      for (const lang of LANGS) {
        assert.ok(MESSAGES[lang][key].trim().length > 0, `${lang} ${key} is empty`);
        assert.deepEqual(icuArguments(MESSAGES[lang][key]), expected, `${lang} ${key} ICU arguments`);
      }
    }
  });

  test('the Swedish and English texts are translations, not copies of the Finnish', () => {
    const same = (Object.keys(MESSAGES.fi) as MessageKey[]).filter(
      (k) => MESSAGES.sv[k] === MESSAGES.fi[k] && MESSAGES.fi[k].length > 12 && !k.startsWith('site.name'),
    );
    assert.deepEqual(same, []);
  });

  test('parameters are filled in', () => {
    assert.equal(translator('fi')('versions.show', { n: 2 }), 'Näytä versio 2');
    assert.equal(
      translator('en')('search.none', { q: '{x}' }),
      'No results for “{x}”. Try another word or a shorter search.',
    );
  });

  test('plural forms follow the language', () => {
    const all = (lang: Lang, n: number): string => translator(lang)('projects.section.all', { n });
    assert.equal(all('fi', 1), '1 hanke hankeselaimessa');
    assert.equal(all('fi', 2), 'Kaikki 2 hanketta hankeselaimessa');
    assert.equal(all('sv', 1), '1 projekt i projektsökningen');
    assert.equal(all('en', 1), '1 project in the project browser');
    assert.equal(all('en', 0), 'All 0 projects in the project browser');
    assert.equal(translator('fi')('search.results', { n: 1, q: 'meri' }), '1 tulos haulla ”meri”');
    assert.equal(translator('sv')('search.results', { n: 3, q: 'hav' }), '3 träffar för ”hav”');
  });

  test('numbers in texts are formatted for the language', () => {
    assert.equal(translator('fi')('projects.count', { n: 2880 }), 'Hankkeita: 2\u00a0880');
    assert.equal(translator('sv')('projects.section.all', { n: 2880 }), 'Alla 2\u00a0880 projekt i projektsökningen');
    assert.equal(translator('en')('projects.section.all', { n: 2880 }), 'All 2,880 projects in the project browser');
    assert.equal(translator('fi')('projects.count', { n: 2880 }), `Hankkeita: ${formatNumber(2880, 'fi')}`);
  });

  test('every text with a count in it has a plural or number argument', () => {
    // A bare {n} argument would print 2880 unformatted; plain version numbers and ids are the exceptions.
    const bare = new Set([
      'n',
      'rows',
      'lines',
      'count',
      'total',
      'shown',
      'ins',
      'del',
      'min',
      'max',
      'seconds',
      'minutes',
    ]);
    const found = (Object.keys(MESSAGES.fi) as MessageKey[]).filter(
      (k) =>
        !BARE_NUMBER_KEYS.has(k) &&
        icuArguments(MESSAGES.fi[k]).some((a) => bare.has(a.split(':')[0]!) && a.endsWith(':text')),
    );
    assert.deepEqual(found, []);
  });
});

/** Texts whose bare `{n}` is a version, level, page or item number (an identifier, not a count). */
const BARE_NUMBER_KEYS = new Set<string>([
  'admin.dashboard.currentVersion',
  'diff.view',
  'admin.edit.versions.number',
  'admin.edit.versions.edit',
  'admin.edit.versions.view',
  'admin.edit.lifecycle.consult',
  'admin.edit.lifecycle.reopen',
  'admin.edit.approve.title',
  'admin.edit.approve.submit',
  'admin.edit.programme.levelName',
  'admin.edit.programme.levelPlural',
  'admin.edit.version.title',
  'admin.plan.caption',
  'admin.plan.copy.option',
  'admin.projectImport.item',
  'projects.page',
  'programme.versionNumber',
  'versions.show',
]);

/** `name:kind` of each ICU argument of `message` (kind: text, numeric, select, date), sorted and unique. */
function icuArguments(message: string): string[] {
  const out = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (isArgumentElement(el)) out.add(`${el.value}:text`);
      else if (isNumberElement(el) || isPluralElement(el)) out.add(`${el.value}:numeric`);
      else if (isDateElement(el) || isTimeElement(el)) out.add(`${el.value}:date`);
      else if (isSelectElement(el)) out.add(`${el.value}:select`);
      if (isPluralElement(el) || isSelectElement(el)) {
        if (isPluralElement(el)) assert.ok('other' in el.options, `${message}: a plural needs an "other" form`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (isTagElement(el)) walk(el.children);
    }
  };
  walk(parse(message));
  return [...out].sort();
}

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
