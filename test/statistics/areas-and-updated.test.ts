/** Finnish area codes normalised by their shape and the dimension's name; lenient `updated` timestamps; exact decimal text. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseArea, type AreaHint } from '#src/domain/statistics/areas.ts';
import { observationArea } from '#src/domain/statistics/observations.ts';
import { plainDecimal } from '#src/domain/statistics/decimal-text.ts';
import { guessDimensionRole } from '#src/domain/statistics/dimension-roles.ts';
import { parseUpdated } from '#src/domain/statistics/updated-time.ts';

const REGION: AreaHint = { dimensionId: 'Maakunta', dimensionLabel: 'Maakunta' };
const MUNICIPALITY: AreaHint = { dimensionId: 'Kunta', dimensionLabel: 'Municipality' };
const AREA_2026: AreaHint = { dimensionId: 'alue_23_20260101', dimensionLabel: 'Alue' };

const AREAS: [string, AreaHint | undefined, string | null][] = [
  ['SSS', undefined, 'country SSS'],
  ['sss', REGION, 'country SSS'],
  ['MK08', undefined, 'region 08'],
  ['MK8', undefined, 'region 08'],
  ['MK22', undefined, null],
  ['08', REGION, 'region 08'],
  ['8', { dimensionId: 'maakunta_1_20250101' }, 'region 08'],
  ['21', { dimensionLabel: 'Region' }, 'region 21'],
  ['22', REGION, null],
  ['081', REGION, null],
  ['SK081', undefined, 'subregion 081'],
  ['081', { dimensionId: 'Seutukunta' }, 'subregion 081'],
  ['KU091', undefined, 'municipality 091'],
  ['KU91', undefined, 'municipality 091'],
  ['091', MUNICIPALITY, 'municipality 091'],
  ['91', MUNICIPALITY, 'municipality 091'],
  ['91', { dimensionId: 'kunta_vv' }, 'municipality 091'],
  ['091', undefined, null],
  ['08', undefined, null],
  ['08', { dimensionId: 'geo', dimensionLabel: 'geo' }, null],
  ['08', AREA_2026, 'region 08'],
  ['286', AREA_2026, 'municipality 286'],
  ['KU286', AREA_2026, 'municipality 286'],
  ['FR', { dimensionId: 'geo' }, null],
  ['K04000001', undefined, null],
  ['0114', { dimensionId: 'Region' }, null],
];

describe('normaliseArea', () => {
  for (const [code, hint, expected] of AREAS) {
    test(`${code} under ${hint?.dimensionId ?? hint?.dimensionLabel ?? 'no dimension'} → ${expected ?? 'not Finnish'}`, () => {
      const area = normaliseArea(code, hint);
      assert.equal(area === null ? null : `${area.level} ${area.code}`, expected);
    });
  }

  test('a code that is not Finnish is kept as written for inspect: country for totals and ISO codes, else region', () => {
    assert.deepEqual(observationArea('FR', 'geo', 'geo'), { level: 'country', code: 'FR', recognised: false });
    assert.deepEqual(observationArea('TOTAL', 'Region', 'region'), {
      level: 'country',
      code: 'TOTAL',
      recognised: false,
    });
    assert.deepEqual(observationArea('001', 'Region', 'region'), { level: 'region', code: '001', recognised: false });
    assert.deepEqual(observationArea('KU092', 'Alue', 'Alue'), { level: 'municipality', code: '092' });
  });
});

const UPDATED: [unknown, string | null][] = [
  ['2026-04-01T05:00:00Z', '2026-04-01T05:00:00Z'],
  ['2022-12-21T06.00.00Z', '2022-12-21T06:00:00Z'],
  ['2024-01-12T05: 52: 00Z', '2024-01-12T05:52:00Z'],
  ['2017-01-26T00:00:00+01:00', '2017-01-25T23:00:00Z'],
  ['2017-01-26T00:00:00-0230', '2017-01-26T02:30:00Z'],
  ['2012-12-27T12:25:09.5Z', '2012-12-27T12:25:09.500Z'],
  ['2012-09-27', '2012-09-27T00:00:00Z'],
  ['2016-04-03 10:24:06', '2016-04-03T10:24:06Z'],
  ['08/08/2014 16:39:07', '2014-08-08T16:39:07Z'],
  ['17/10/2013 16:51:00', '2013-10-17T16:51:00Z'],
  ['5.3.2024', '2024-03-05T00:00:00Z'],
  [1446764400000, '2015-11-05T23:00:00Z'],
  ['1446764400000', '2015-11-05T23:00:00Z'],
  ['2023-02-30', null],
  ['13/13/2014', null],
  ['yesterday', null],
  ['', null],
  [null, null],
  [true, null],
];

describe('parseUpdated', () => {
  for (const [raw, expected] of UPDATED) {
    test(`${JSON.stringify(raw)} → ${expected}`, () => assert.equal(parseUpdated(raw), expected));
  }
});

const DECIMALS: [string, string | null][] = [
  ['58443598209', '58443598209'],
  ['12.3', '12.3'],
  ['12.30', '12.30'],
  ['-0.5', '-0.5'],
  ['1e3', '1000'],
  ['1E+3', '1000'],
  ['1.20e1', '12.0'],
  ['1.25E-2', '0.0125'],
  ['-3.5e-1', '-0.35'],
  ['123456789012345678901234567890', '123456789012345678901234567890'],
  ['9007199254740993', '9007199254740993'],
  ['1e401', null],
  ['..', null],
  ['1,5', null],
];

describe('plainDecimal', () => {
  for (const [literal, expected] of DECIMALS) {
    test(`${literal} → ${expected}`, () => assert.equal(plainDecimal(literal), expected));
  }
});

const ROLES: [string, string, string][] = [
  ['Vuosi', 'Vuosi', 'time'],
  ['timeperiod_y', 'Year', 'time'],
  ['Kuukausi', 'Kuukausi', 'time'],
  ['x1', 'Vuosineljännes', 'time'],
  ['Tid', 'år', 'time'],
  ['alue_23_20260101', 'Alue', 'geo'],
  ['Maakunta', 'Region', 'geo'],
  ['Seutukunta', 'Seutukunta', 'geo'],
  ['contentscode', 'Tiedot', 'metric'],
  ['ContentsCode', 'tabellinnehåll', 'metric'],
  ['Tiedot', 'Uppgifter', 'metric'],
  ['ikaryhma_10_20180101', 'Ikäryhmä', 'other'],
  ['Sukupuoli', 'Sex', 'other'],
];

describe('guessDimensionRole', () => {
  for (const [id, label, role] of ROLES) {
    test(`${id} / ${label} → ${role}`, () => assert.equal(guessDimensionRole(id, label), role));
  }
});
