/** The value rules of project imports: amounts into cents, dates, funds and business ids — exact results and messages. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCents, parseAmount, type AmountOptions } from '#src/domain/projects/amount.ts';
import { parseDate, parseYear } from '#src/domain/projects/dates.ts';
import { fundFromName } from '#src/domain/projects/funds.ts';
import { isBusinessId } from '#src/domain/projects/project.ts';

const AMOUNTS: [string, number, AmountOptions?][] = [
  ['443909', 44390900],
  ['0', 0],
  ['40196.99', 4019699],
  ['1083065.2', 108306520],
  ['1234,5', 123450],
  ['1 234,50', 123450],
  ['1\u00a0234,50', 123450],
  ['1\u202f234\u202f567', 123456700],
  ['1.234,50', 123450],
  ['1,234.50', 123450],
  ['15.414.794', 1541479400],
  ['7.707.397', 770739700],
  ['12 000 €', 1200000],
  ['€12,5', 1250],
  ['12000 EUR', 1200000],
  ['-744', -74400],
  ['−5341,5', -534150],
  ['+10', 1000],
  ['750.000', 75000000, { decimalSeparator: ',' }],
  ['1,234', 123400, { decimalSeparator: '.' }],
  ['25000000', 25000000, { unit: 'cents' }],
  ['90071992547409', 9007199254740900],
];

const BAD_AMOUNTS: [string, string, AmountOptions?][] = [
  ['1.234,5,6', '"1.234,5,6" is not an amount: the decimal separator "," appears more than once'],
  ['1.23.4', '"1.23.4" is not an amount: digits between thousands separators must come in groups of three'],
  ['1 23', '"1 23" is not an amount: digits between thousands separators must come in groups of three'],
  [
    '1.234',
    '"1.234" is not an amount: "." followed by three digits may separate thousands or decimals (set "decimalSeparator" in the mapping)',
  ],
  [
    '1,234',
    '"1,234" is not an amount: "," followed by three digits may separate thousands or decimals (set "decimalSeparator" in the mapping)',
  ],
  ['12,3456', '"12,3456" is not an amount: more than two decimals (amounts are in euros and cents)'],
  ['15.10.2014', '"15.10.2014" is not an amount: digits between thousands separators must come in groups of three'],
  ['abc', '"abc" is not an amount: write it as a number of euros, e.g. 1234,50'],
  ['12a', '"12a" is not an amount: write it as a number of euros, e.g. 1234,50'],
  ['1,2.3', '"1,2.3" is not an amount: digits between thousands separators must come in groups of three'],
  ['1.5', '"1.5" is not an amount: an amount in cents must be a whole number', { unit: 'cents' }],
  [
    '1.000,5',
    '"1.000,5" is not an amount: a thousands separator "," follows the decimal separator "."',
    { decimalSeparator: '.' },
  ],
  ['99999999999999999', '"99999999999999999" is not an amount: too large'],
];

describe('amounts in euros become integer cents', () => {
  for (const [raw, cents, options] of AMOUNTS) {
    test(`${JSON.stringify(raw)}${options ? ` ${JSON.stringify(options)}` : ''} → ${cents}`, () => {
      assert.deepEqual(parseAmount(raw, options), { ok: true, cents });
    });
  }
  for (const [raw, error, options] of BAD_AMOUNTS) {
    test(`${JSON.stringify(raw)} is refused`, () => {
      const result = parseAmount(raw, options);
      assert.ok(!result.ok);
      assert.equal(result.error, error);
    });
  }

  test('any whole number of cents written as euros in any accepted style reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom('plain', 'fi', 'dot-thousands', 'en'),
        (cents, style) => {
          const euros = Math.floor(cents / 100);
          const rest = String(cents % 100).padStart(2, '0');
          const grouped = (sep: string): string => String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
          const text = {
            plain: `${euros}.${rest}`,
            fi: `${grouped(' ')},${rest}`,
            'dot-thousands': `${grouped('.')},${rest}`,
            en: `${grouped(',')}.${rest}`,
          }[style]!;
          assert.deepEqual(parseAmount(text), { ok: true, cents });
          assert.equal(formatCents(cents), `${euros}.${rest}`);
        },
      ),
    );
  });
});

describe('dates', () => {
  const GOOD: [string, string][] = [
    ['1.3.2015', '2015-03-01'],
    ['01.03.2015', '2015-03-01'],
    ['29.2.2020', '2020-02-29'],
    ['31.12.2016', '2016-12-31'],
    ['2015-03-01', '2015-03-01'],
    [' 24.04.2014 ', '2014-04-24'],
  ];
  for (const [raw, iso] of GOOD) test(`${raw} → ${iso}`, () => assert.deepEqual(parseDate(raw), { ok: true, iso }));
  const BAD: [string, string][] = [
    ['31.2.2020', '"31.2.2020" is not a date: February 2020 has 29 days'],
    ['29.2.2019', '"29.2.2019" is not a date: February 2019 has 28 days'],
    ['31.4.2015', '"31.4.2015" is not a date: April 2015 has 30 days'],
    ['0.1.2015', '"0.1.2015" is not a date: January 2015 has 31 days'],
    ['1.13.2015', '"1.13.2015" is not a date: there is no month 13'],
    ['2015-02-30', '"2015-02-30" is not a date: February 2015 has 28 days'],
    ['1.3.0215', '"1.3.0215" is not a date: the year must be between 1900 and 2100'],
    ['7560', '"7560" is not a date (write d.m.yyyy, e.g. 1.3.2015, or yyyy-mm-dd)'],
    ['1/3/2015', '"1/3/2015" is not a date (write d.m.yyyy, e.g. 1.3.2015, or yyyy-mm-dd)'],
    ['1.3.15', '"1.3.15" is not a date (write d.m.yyyy, e.g. 1.3.2015, or yyyy-mm-dd)'],
  ];
  for (const [raw, error] of BAD)
    test(`${raw} is refused`, () => assert.deepEqual(parseDate(raw), { ok: false, error }));
  test('years', () => {
    assert.deepEqual(parseYear('2024'), { ok: true, year: 2024 });
    assert.deepEqual(parseYear('24'), { ok: false, error: '"24" is not a year' });
    assert.deepEqual(parseYear('2200'), { ok: false, error: '"2200" is not a year between 1900 and 2100' });
  });
});

describe('funds and business ids', () => {
  test('Finnish and EU abbreviations name the catalogue funds', () => {
    assert.deepEqual(
      [
        'EAKR',
        'esr',
        'ESR+',
        'ESF+',
        'JTF',
        'osr',
        'AKKE',
        'Interreg',
        'Horizon Europe',
        'kunta',
        'yksityinen',
        'muu',
        'ERDF',
        'EMKR',
      ].map(fundFromName),
      [
        'ERDF',
        'ESF+',
        'ESF+',
        'ESF+',
        'JTF',
        'JTF',
        'AKKE',
        'INTERREG',
        'HORIZON',
        'MUNICIPAL',
        'PRIVATE',
        'OTHER',
        'ERDF',
        null,
      ],
    );
  });
  test('business ids are checked with their check digit', () => {
    assert.equal(isBusinessId('0206714-5'), true, 'Kymenlaakson liitto');
    assert.equal(isBusinessId('0206714-4'), false);
    assert.equal(isBusinessId('206714-5'), false);
    assert.equal(isBusinessId('1572860-0'), true);
  });
});
