/**
 * Progress status of an indicator: a table of cases with their exact states and reasons (keys and
 * parameters), the formatted reason sentences in fi/sv/en, the roll-up by state and the message keys.
 * The expected rates were worked out by hand: CAGR = (latest / start)^(1 / years) − 1, years between
 * period middles (2020 → 2024 is 4 years).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  PROGRESS_REASON_KEYS,
  PROGRESS_STATES,
  periodYears,
  progressStateKey,
  progressStatus,
  type ProgressInput,
  type ProgressPoint,
  type ProgressReasonKey,
  type ProgressState,
} from '#src/domain/indicators/progress-status.ts';
import { rollUpStatuses, statusTotal } from '#src/domain/indicators/status-roll-up.ts';
import { MESSAGES, translator, type MessageKey } from '#src/i18n/index.ts';
import { progressReasonText, progressStateName } from '#src/views/progress-text.ts';

/** Observations from `[period, value]` pairs (values as exact decimal text). */
const obs = (...pairs: [string, string | null, string?][]): ProgressPoint[] =>
  pairs.map(([period, value, status]) => (status ? { period, value, status } : { period, value }));

interface Case {
  name: string;
  input: ProgressInput;
  state: ProgressState;
  key: ProgressReasonKey;
  params: Record<string, number | string>;
}

// Employment rate (%), to rise from 70.0 (2020) to 75.0 (2030): requires (75/70)^(1/10) − 1 = 0.69 % a year.
const employment = (latest: string): ProgressInput => ({
  direction: 'increase',
  baseline: { period: '2020', value: '70.0' },
  target: { period: '2030', value: '75.0' },
  observations: obs(['2020', '70.0'], ['2022', '71.2'], ['2024', latest]),
});
const employmentParams = (change: string, rate: number) => ({
  change,
  rate,
  need: 'rise',
  required: 0.69,
  startYear: 2020,
  latestYear: 2024,
  targetYear: 2030,
});

// Population (direction increase) with the plan's limit: 162 500 (2020) → 150 200 (2040), a tolerated
// decline of (150200/162500)^(1/20) − 1 = −0.39 % a year.
const population = (latest: string): ProgressInput => ({
  direction: 'increase',
  baseline: { period: '2020', value: '162500' },
  target: { period: '2040', value: '150200' },
  observations: obs(['2020', '162500'], ['2022', '160900'], ['2024', latest]),
});
const populationParams = (rate: number) => ({
  change: 'fall',
  rate,
  need: 'fall',
  required: 0.39,
  startYear: 2020,
  latestYear: 2024,
  targetYear: 2040,
});

const CASES: Case[] = [
  // With a target, increasing direction: observed / required against 0.95 and 0.6.
  {
    name: 'target, increase: 0.88 % a year against 0.69 % required (ratio 1.27) → on track',
    input: employment('72.5'),
    state: 'on_track',
    key: 'monitoring.reason.target',
    params: employmentParams('rise', 0.88),
  },
  {
    name: 'target, increase: 0.57 % against 0.69 % (ratio 0.82) → needs acceleration',
    input: employment('71.6'),
    state: 'needs_acceleration',
    key: 'monitoring.reason.target',
    params: employmentParams('rise', 0.57),
  },
  {
    name: 'target, increase: 0.18 % against 0.69 % (ratio 0.26) → limited progress',
    input: employment('70.5'),
    state: 'limited_progress',
    key: 'monitoring.reason.target',
    params: employmentParams('rise', 0.18),
  },
  {
    name: 'target, increase: falling 0.36 % a year → deterioration',
    input: employment('69.0'),
    state: 'deterioration',
    key: 'monitoring.reason.target',
    params: employmentParams('fall', 0.36),
  },
  {
    name: 'target, increase: the latest value is past the target → target achieved',
    input: employment('75.3'),
    state: 'target_achieved',
    key: 'monitoring.reason.targetAchieved',
    params: { targetYear: 2030, latestYear: 2024 },
  },
  {
    name: 'no baseline: the first observation (2018) is the start; 0.72 % against 0.82 % (ratio 0.88) → needs acceleration',
    input: {
      direction: 'increase',
      target: { period: '2030', value: '75' },
      observations: obs(['2024', '71'], ['2018', '68'], ['2021', '69.9']),
    },
    state: 'needs_acceleration',
    key: 'monitoring.reason.target',
    params: {
      change: 'rise',
      rate: 0.72,
      need: 'rise',
      required: 0.82,
      startYear: 2018,
      latestYear: 2024,
      targetYear: 2030,
    },
  },
  // Decreasing direction: unemployment 10.0 (2020) → 6.0 (2030) requires −4.98 % a year.
  {
    name: 'target, decrease: falling 5.43 % a year against 4.98 % required (ratio 1.09) → on track',
    input: {
      direction: 'decrease',
      baseline: { period: '2020', value: '10.0' },
      target: { period: '2030', value: '6.0' },
      observations: obs(['2020', '10.0'], ['2024', '8.0']),
    },
    state: 'on_track',
    key: 'monitoring.reason.target',
    params: {
      change: 'fall',
      rate: 5.43,
      need: 'fall',
      required: 4.98,
      startYear: 2020,
      latestYear: 2024,
      targetYear: 2030,
    },
  },
  {
    name: 'target, decrease: rising 2.41 % a year → deterioration',
    input: {
      direction: 'decrease',
      baseline: { period: '2020', value: '10.0' },
      target: { period: '2030', value: '6.0' },
      observations: obs(['2020', '10.0'], ['2024', '11.0']),
    },
    state: 'deterioration',
    key: 'monitoring.reason.target',
    params: {
      change: 'rise',
      rate: 2.41,
      need: 'fall',
      required: 4.98,
      startYear: 2020,
      latestYear: 2024,
      targetYear: 2030,
    },
  },
  {
    name: 'target, decrease: at or under the target → target achieved',
    input: {
      direction: 'decrease',
      baseline: { period: '2020', value: '10.0' },
      target: { period: '2030', value: '6.0' },
      observations: obs(['2020', '10.0'], ['2024', '6.0']),
    },
    state: 'target_achieved',
    key: 'monitoring.reason.targetAchieved',
    params: { targetYear: 2030, latestYear: 2024 },
  },
  // A limit target: a decline of at most 0.39 % a year.
  {
    name: 'limit target: population falls 0.81 % a year, twice the 0.39 % allowed (0.49) → deterioration',
    input: population('157300'),
    state: 'deterioration',
    key: 'monitoring.reason.target',
    params: populationParams(0.81),
  },
  {
    name: 'limit target: falls 0.5 % a year, allowed / observed 0.79 → needs acceleration',
    input: population('159300'),
    state: 'needs_acceleration',
    key: 'monitoring.reason.target',
    params: populationParams(0.5),
  },
  {
    name: 'limit target: falls 0.39 % a year, no faster than allowed → on track (not yet achieved before 2040)',
    input: population('160000'),
    state: 'on_track',
    key: 'monitoring.reason.target',
    params: populationParams(0.39),
  },
  {
    name: 'limit target: its period has come and the value stayed above it → target achieved',
    input: {
      ...population('151000'),
      observations: obs(['2020', '162500'], ['2040', '151000']),
    },
    state: 'target_achieved',
    key: 'monitoring.reason.targetAchieved',
    params: { targetYear: 2040, latestYear: 2040 },
  },
  {
    name: 'target equal to the baseline, fallen under it → deterioration (slipped)',
    input: {
      direction: 'increase',
      baseline: { period: '2020', value: '50' },
      target: { period: '2030', value: '50' },
      observations: obs(['2024', '49']),
    },
    state: 'deterioration',
    key: 'monitoring.reason.targetSlipped',
    params: { startYear: 2020, latestYear: 2024, targetYear: 2030 },
  },
  {
    name: 'zero and negative values: linear rates (net migration −300 → 0 by 2030, 50 a year against 30) → on track',
    input: {
      direction: 'increase',
      baseline: { period: '2020', value: '-300' },
      target: { period: '2030', value: '0' },
      observations: obs(['2022', '-210'], ['2024', '-100']),
    },
    state: 'on_track',
    key: 'monitoring.reason.targetAbsolute',
    params: {
      change: 'rise',
      rate: 50,
      need: 'rise',
      required: 30,
      startYear: 2020,
      latestYear: 2024,
      targetYear: 2030,
    },
  },
  // Without a target: the direction of change against the indicator's direction.
  {
    name: 'no target, increase: GDP per capita 30 000 → 36 000 in 8 years, 2.31 % a year → improving',
    input: { direction: 'increase', observations: obs(['2015', '30000'], ['2019', '33000'], ['2023', '36000']) },
    state: 'improving',
    key: 'monitoring.reason.trend',
    params: { change: 'rise', rate: 2.31, startYear: 2015, latestYear: 2023 },
  },
  {
    name: 'no target, decrease: rising 2.41 % a year → worsening',
    input: { direction: 'decrease', observations: obs(['2020', '10'], ['2024', '11']) },
    state: 'worsening',
    key: 'monitoring.reason.trend',
    params: { change: 'rise', rate: 2.41, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'no target, decrease: falling → improving',
    input: { direction: 'decrease', observations: obs(['2020', '11'], ['2024', '10']) },
    state: 'improving',
    key: 'monitoring.reason.trend',
    params: { change: 'fall', rate: 2.35, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'no target: 0.05 % a year is under the 0.1 % threshold → stable',
    input: { direction: 'increase', observations: obs(['2020', '100.0'], ['2024', '100.2']) },
    state: 'stable',
    key: 'monitoring.reason.stable',
    params: { threshold: 0.1, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'no target, negative values: linear change (−300 → −100, 50 a year) → improving',
    input: { direction: 'increase', observations: obs(['2020', '-300'], ['2024', '-100']) },
    state: 'improving',
    key: 'monitoring.reason.trendAbsolute',
    params: { change: 'rise', rate: 50, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'quarters: 2023Q1 → 2024Q1 is one year, 5 % a year → improving',
    input: { direction: 'increase', observations: obs(['2024Q1', '210'], ['2023Q1', '200']) },
    state: 'improving',
    key: 'monitoring.reason.trend',
    params: { change: 'rise', rate: 5, startYear: 2023, latestYear: 2024 },
  },
  // keep: ±2 % band.
  {
    name: 'keep, no target: +1.2 % since the start is inside ±2 % → stable',
    input: { direction: 'keep', observations: obs(['2020', '50.0'], ['2024', '50.6']) },
    state: 'stable',
    key: 'monitoring.reason.keepWithin',
    params: { deviation: 1.2, tolerance: 2, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'keep, no target: −4 % is outside ±2 % → worsening',
    input: { direction: 'keep', observations: obs(['2020', '50.0'], ['2024', '48.0']) },
    state: 'worsening',
    key: 'monitoring.reason.keepOutside',
    params: { deviation: -4, tolerance: 2, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'keep, target 50: the latest 50.9 is inside ±2 % of it → target achieved',
    input: {
      direction: 'keep',
      baseline: { period: '2020', value: '50.4' },
      target: { period: '2030', value: '50' },
      observations: obs(['2024', '50.9']),
    },
    state: 'target_achieved',
    key: 'monitoring.reason.targetAchieved',
    params: { targetYear: 2030, latestYear: 2024 },
  },
  {
    name: 'keep, target 50: inside the band at the start, 52 (+4 %) in 2024 → deterioration',
    input: {
      direction: 'keep',
      baseline: { period: '2020', value: '50.4' },
      target: { period: '2030', value: '50' },
      observations: obs(['2024', '52.0']),
    },
    state: 'deterioration',
    key: 'monitoring.reason.keepTargetLeft',
    params: { deviation: 4, tolerance: 2, latestYear: 2024, targetYear: 2030 },
  },
  {
    name: 'keep, target 50 from 45 (outside the band): rising 2.1 % a year against 1.06 % → on track',
    input: {
      direction: 'keep',
      baseline: { period: '2020', value: '45' },
      target: { period: '2030', value: '50' },
      observations: obs(['2024', '48.9']),
    },
    state: 'on_track',
    key: 'monitoring.reason.target',
    params: {
      change: 'rise',
      rate: 2.1,
      need: 'rise',
      required: 1.06,
      startYear: 2020,
      latestYear: 2024,
      targetYear: 2030,
    },
  },
  {
    name: 'keep, target 50 from 45: overshot to 53 (+6 %), past the band → deterioration',
    input: {
      direction: 'keep',
      baseline: { period: '2020', value: '45' },
      target: { period: '2030', value: '50' },
      observations: obs(['2024', '53']),
    },
    state: 'deterioration',
    key: 'monitoring.reason.keepTargetLeft',
    params: { deviation: 6, tolerance: 2, latestYear: 2024, targetYear: 2030 },
  },
  // No data, one point, breaks and units.
  {
    name: 'one observation, no baseline → no data of a trend ("only one figure")',
    input: { direction: 'increase', observations: obs(['2024', '100']) },
    state: 'no_data',
    key: 'monitoring.reason.onePoint',
    params: { year: 2024 },
  },
  {
    name: 'one observation with a target it does not meet → no data of a trend',
    input: { direction: 'increase', target: { period: '2030', value: '120' }, observations: obs(['2024', '100']) },
    state: 'no_data',
    key: 'monitoring.reason.onePoint',
    params: { year: 2024 },
  },
  {
    name: 'one observation that meets its target → target achieved',
    input: { direction: 'increase', target: { period: '2030', value: '100' }, observations: obs(['2024', '100']) },
    state: 'target_achieved',
    key: 'monitoring.reason.targetAchieved',
    params: { targetYear: 2030, latestYear: 2024 },
  },
  {
    name: 'one observation above a lower target (a limit, met only in 2030) → no data of a trend',
    input: { direction: 'increase', target: { period: '2030', value: '90' }, observations: obs(['2024', '100']) },
    state: 'no_data',
    key: 'monitoring.reason.onePoint',
    params: { year: 2024 },
  },
  {
    name: 'null values with a status are not data points: 2020 and 2024 remain (2.41 % a year)',
    input: {
      direction: 'increase',
      observations: obs(
        ['2020', '100'],
        ['2021', null, '..'],
        ['2022', null, '.'],
        ['2024', '110'],
        ['2025', null, '..'],
      ),
    },
    state: 'improving',
    key: 'monitoring.reason.trend',
    params: { change: 'rise', rate: 2.41, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'only null values with statuses → no data',
    input: { direction: 'increase', observations: obs(['2023', null, '..'], ['2024', null, 'C']) },
    state: 'no_data',
    key: 'monitoring.reason.noData',
    params: {},
  },
  {
    name: 'no observations → no data',
    input: { direction: 'decrease', target: { period: '2030', value: '5' }, observations: [] },
    state: 'no_data',
    key: 'monitoring.reason.noData',
    params: {},
  },
  {
    name: 'nothing after the baseline → no data since the baseline',
    input: {
      direction: 'increase',
      baseline: { period: '2022', value: '10' },
      observations: obs(['2021', '9'], ['2022', '10']),
    },
    state: 'no_data',
    key: 'monitoring.reason.noDataSinceBaseline',
    params: { baseYear: 2022 },
  },
  {
    name: 'a break in the series after the baseline → not comparable',
    input: { ...employment('72.5'), breaks: ['2022'] },
    state: 'not_comparable',
    key: 'monitoring.reason.seriesBreak',
    params: { year: 2022, startYear: 2020 },
  },
  {
    name: 'a break at the baseline period or before it does not matter',
    input: { ...employment('72.5'), breaks: ['2018', '2020'] },
    state: 'on_track',
    key: 'monitoring.reason.target',
    params: employmentParams('rise', 0.88),
  },
  {
    name: 'a break after the latest observation does not matter',
    input: { direction: 'increase', observations: obs(['2020', '100'], ['2024', '110']), breaks: ['2025'] },
    state: 'improving',
    key: 'monitoring.reason.trend',
    params: { change: 'rise', rate: 2.41, startYear: 2020, latestYear: 2024 },
  },
  {
    name: 'a changed unit → not comparable, before anything else',
    input: { ...employment('75.3'), unitChanged: true },
    state: 'not_comparable',
    key: 'monitoring.reason.unitChanged',
    params: {},
  },
];

describe('progress status', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const result = progressStatus(c.input);
      assert.deepEqual(
        { state: result.state, key: result.reason.key, params: result.reason.params },
        { state: c.state, key: c.key, params: c.params },
      );
    });
  }

  test('the measure holds the exact rates and the ratio', () => {
    const m = progressStatus(employment('72.5')).measure;
    assert.ok(m);
    assert.equal(m.mode, 'relative');
    assert.equal(m.startPeriod, '2020');
    assert.equal(m.latestPeriod, '2024');
    assert.ok(Math.abs(m.observedRate - 0.8811424) < 1e-6, String(m.observedRate));
    assert.ok(Math.abs(m.requiredRate! - 0.6923142) < 1e-6, String(m.requiredRate));
    assert.ok(Math.abs(m.ratio! - 1.2727493) < 1e-6, String(m.ratio));
  });

  test('periods are placed at their middle', () => {
    assert.equal(periodYears('2024'), 2024.5);
    assert.equal(periodYears('2024Q1'), 2024.125);
    assert.equal(periodYears('2024Q3'), 2024.625);
    assert.equal(periodYears('2024M01'), 2024 + 0.5 / 12);
    assert.throws(() => periodYears('2024-07'), /period "2024-07": must be a year/);
  });

  test('bad input fails with the period or field and the reason', () => {
    assert.throws(
      () => progressStatus({ direction: 'increase', observations: obs(['2020', '1,5']) }),
      /observation 2020: value "1,5" is not a decimal number/,
    );
    assert.throws(
      () => progressStatus({ direction: 'increase', observations: obs(['2020', '1'], ['2020', '2']) }),
      /period 2020 appears twice/,
    );
    assert.throws(
      () =>
        progressStatus({
          direction: 'increase',
          target: { period: '2030', value: 'x' },
          observations: obs(['2020', '1']),
        }),
      /target: value "x" is not a decimal number/,
    );
  });

  test('every reason key and state name has a message (tsc checks the keys; the test the catalogue)', () => {
    const reasonKeys: readonly MessageKey[] = PROGRESS_REASON_KEYS;
    const stateKeys: MessageKey[] = PROGRESS_STATES.map(progressStateKey);
    for (const key of [...reasonKeys, ...stateKeys]) assert.ok(MESSAGES.fi[key], key);
    const monitoringKeys = Object.keys(MESSAGES.fi).filter((k) => k.startsWith('monitoring.'));
    assert.deepEqual(monitoringKeys.sort(), [...reasonKeys, ...stateKeys].sort(), 'no unused monitoring keys');
  });
});

describe('progress reasons in three languages', () => {
  test('a falling population against its limit target', () => {
    const result = progressStatus(population('157300'));
    const names = { fi: 'Väkiluku', sv: 'Folkmängden', en: 'The population' } as const;
    assert.equal(
      progressReasonText('fi', result, names.fi),
      'Väkiluku laskee 0,81\u00a0% vuodessa (2020–2024); tavoite vaatii 0,39\u00a0% laskua vuodessa vuoteen 2040.',
    );
    assert.equal(
      progressReasonText('sv', result, names.sv),
      'Folkmängden minskar med 0,81\u00a0% per år (2020–2024); målet kräver en minskning på 0,39\u00a0% per år fram till 2040.',
    );
    assert.equal(
      progressReasonText('en', result, names.en),
      'The population is falling by 0.81% a year (2020–2024); the target requires a fall of 0.39% a year until 2040.',
    );
    assert.equal(progressStateName('fi', result.state), 'Kehitys väärään suuntaan');
    assert.equal(progressStateName('sv', result.state), 'Utveckling i fel riktning');
    assert.equal(progressStateName('en', result.state), 'Moving away from the target');
  });

  test('a keep indicator outside its band, and the same through translator()', () => {
    const result = progressStatus({ direction: 'keep', observations: obs(['2020', '50.0'], ['2024', '48.0']) });
    assert.equal(
      progressReasonText('fi', result, 'Työllisyysaste'),
      'Työllisyysaste on muuttunut −4,0\u00a0% vuodesta 2020 vuoteen 2024, enemmän kuin sallittu ±2\u00a0%.',
    );
    assert.equal(
      progressReasonText('sv', result, 'Sysselsättningsgraden'),
      'Sysselsättningsgraden har förändrats med −4,0\u00a0% från 2020 till 2024, mer än tillåtna ±2\u00a0%.',
    );
    assert.equal(
      translator('en')(result.reason.key, { ...result.reason.params, name: 'The employment rate' }),
      'The employment rate has changed by -4.0% from 2020 to 2024, more than the allowed ±2%.',
    );
    assert.equal(progressStateName('sv', result.state), 'Försämras');
  });

  test('every case formats in every language without a missing argument', () => {
    for (const c of CASES) {
      const result = progressStatus(c.input);
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const text = progressReasonText(lang, result, 'X');
        assert.ok(!text.includes('{') && text.startsWith('X'), `${lang} ${c.name}: ${text}`);
      }
    }
  });
});

describe('roll-up by state', () => {
  test('counts every state, zero for the absent ones, never an average', () => {
    const counts = rollUpStatuses([
      { state: 'on_track' },
      { state: 'on_track' },
      { state: 'deterioration' },
      { state: 'no_data' },
      progressStatus(employment('75.3')),
    ]);
    assert.deepEqual(counts, {
      target_achieved: 1,
      on_track: 2,
      needs_acceleration: 0,
      limited_progress: 0,
      deterioration: 1,
      improving: 0,
      stable: 0,
      worsening: 0,
      no_data: 1,
      not_comparable: 0,
    });
    assert.deepEqual(Object.keys(counts), [...PROGRESS_STATES]);
    assert.equal(statusTotal(counts), 5);
    assert.equal(statusTotal(rollUpStatuses([])), 0);
  });

  test('an unknown state is refused', () => {
    assert.throws(() => rollUpStatuses([{ state: 'great' as ProgressState }]), /unknown state "great"/);
  });
});
