/**
 * The progress status of one indicator in one area, with a reason that explains it. Pure: no I/O.
 *
 * The method follows Eurostat's SDG progress assessment (and Open SDG's `ProgressMeasure`):
 *
 * - **With a target** the observed compound annual growth rate (CAGR) from the start point to the
 *   latest observation is compared with the CAGR the target requires from the start point to the
 *   target period. The start point is the baseline, or the first observation when there is none.
 *   With `ratio = observed / required`:
 *   `ratio ≥ 0.95` → `on_track`; `≥ 0.6` → `needs_acceleration`; `≥ 0` → `limited_progress` (a
 *   standstill counts here, as in Eurostat's "0 % ≤ ratio"); `< 0` (moving away) → `deterioration`.
 *   When the latest value meets the target (≥ for `increase`, ≤ for `decrease`, inside the tolerance
 *   band for `keep`) the state is `target_achieved`, whatever the trend.
 * - **A limit target** is one on the bad side of the start value: a tolerated move against the
 *   indicator's direction (Kymenlaakso's population plan: 150 200 in 2040, down from today). It is met
 *   only once its period has come. Before that, moving no faster in the bad direction than it allows
 *   is `on_track`; faster, `allowed / observed` is graded like the ratio above (≥ 0.95 on track,
 *   ≥ 0.6 needs acceleration, else `deterioration`: there is no progress to be limited). A target
 *   equal to the start value (`hold`) not met at the latest period is `deterioration`.
 * - **Without a target** the observed rate against the indicator's direction: `improving`,
 *   `worsening`, or `stable` when the rate is under {@link STABLE_RATE} (0.1 % a year).
 * - **`keep`** (hold a level): the tolerance band is ±{@link KEEP_TOLERANCE} (2 %) of the level to
 *   keep: the target value, or without a target the start value. Inside the band → `stable` (no
 *   target) or `target_achieved`; outside → `worsening` (no target) or, with a target the value
 *   was within at the start, `deterioration`. A `keep` target the start value was outside of is
 *   assessed as an `increase`/`decrease` target towards it (overshooting past the band is
 *   `deterioration`).
 * - **Rates** are relative (CAGR, in per cent a year) when the start, latest and target values are
 *   all positive; otherwise (zero or negative values, e.g. net migration) they are linear changes in
 *   the indicator's unit a year (`measure.mode: 'absolute'`), with the same ratio thresholds.
 * - `no_data`: no observation with a value (a `null` value with a status is a published fact but not a
 *   data point), none after the baseline, or only one observation and no baseline: a trend needs two
 *   points (reason `monitoring.reason.onePoint`). One observation that meets the target is still
 *   `target_achieved`.
 * - `not_comparable`: the unit has changed, or the series has a break after the start point (a break
 *   at the start period itself is harmless: the whole compared stretch is on the new basis).
 *
 * Periods (`2024`, `2024Q3`, `2024M07`) are placed at their middle as fractional years (`2024` →
 * 2024.5), so a baseline `2020` and a target `2040` are 20 years apart.
 *
 * Reasons are ICU message keys of the `monitoring` area with their parameters: rates in per cent as
 * numbers (rounded to 2 decimals; absolute rates to 4 significant digits), years as numbers, and
 * `change`/`need` (`rise`, `fall`, `none`) as select identifiers. The edge adds `name` (the indicator's name in the
 * page's language) and formats: `t(reason.key, { ...reason.params, name })`.
 */

export const PROGRESS_STATES = [
  'target_achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'deterioration',
  'improving',
  'stable',
  'worsening',
  'no_data',
  'not_comparable',
] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** The message key of a state's name. */
export type ProgressStateKey = `monitoring.state.${ProgressState}`;

/** The direction the indicator should move in (the definition file's `direction`). */
export type ProgressDirection = 'increase' | 'decrease' | 'keep';

export const PROGRESS_REASON_KEYS = [
  'monitoring.reason.unitChanged',
  'monitoring.reason.seriesBreak',
  'monitoring.reason.noData',
  'monitoring.reason.noDataSinceBaseline',
  'monitoring.reason.onePoint',
  'monitoring.reason.targetAchieved',
  'monitoring.reason.target',
  'monitoring.reason.targetAbsolute',
  'monitoring.reason.targetSlipped',
  'monitoring.reason.targetBeforeStart',
  'monitoring.reason.keepTargetLeft',
  'monitoring.reason.trend',
  'monitoring.reason.trendAbsolute',
  'monitoring.reason.stable',
  'monitoring.reason.keepWithin',
  'monitoring.reason.keepOutside',
] as const;
export type ProgressReasonKey = (typeof PROGRESS_REASON_KEYS)[number];

/** Observed rate ≥ this share of the required rate: on track (Eurostat: 95 %). */
export const ON_TRACK_RATIO = 0.95;
/** Observed rate ≥ this share of the required rate: needs acceleration (Eurostat: 60 %). */
export const NEEDS_ACCELERATION_RATIO = 0.6;
/** Without a target, a change under 0.1 % a year (of the level, for absolute rates) is stable. */
export const STABLE_RATE = 0.001;
/** `keep`: the value may differ by ±2 % from the level to keep. */
export const KEEP_TOLERANCE = 0.02;

/** A figure: exact decimal text (`"150200"`, `"12.3"`) or a number. */
export type DecimalValue = string | number;

export interface ProgressPoint {
  period: string;
  /** Exact decimal text; null for an empty cell (with or without a status), which is not a data point. */
  value: DecimalValue | null;
  status?: string | null;
}

export interface PeriodValue {
  period: string;
  value: DecimalValue;
}

export interface ProgressInput {
  direction: ProgressDirection;
  baseline?: PeriodValue | null;
  target?: PeriodValue | null;
  /** The observed series of ONE area, in any order. */
  observations: readonly ProgressPoint[];
  /** Periods where a break in the series starts (the value of that period is on the new basis). */
  breaks?: readonly string[];
  /** True when the unit of the series has changed (the figures cannot be compared). */
  unitChanged?: boolean;
}

/** A select identifier: the direction of an observed or required change. */
export type ChangeWord = 'rise' | 'fall' | 'none';

export interface ProgressReason {
  key: ProgressReasonKey;
  /** Numbers as numbers (rates in per cent, years); select identifiers as strings. Without `name`. */
  params: Record<string, number | string>;
}

/** The rates behind a trend state (exact, unrounded). */
export interface ProgressMeasure {
  /** `relative`: rates are CAGR in per cent a year; `absolute`: change in the indicator's unit a year. */
  mode: 'relative' | 'absolute';
  startPeriod: string;
  latestPeriod: string;
  observedRate: number;
  requiredRate?: number;
  /** observed / required (with a target). */
  ratio?: number;
}

export interface ProgressResult {
  state: ProgressState;
  reason: ProgressReason;
  measure?: ProgressMeasure;
}

const PERIOD = /^(\d{4})(?:Q([1-4])|M(0[1-9]|1[0-2]))?$/;

/** The period at its middle as a fractional year: `2024` → 2024.5, `2024Q3` → 2024.625, `2024M07` → 2024.542. */
export function periodYears(period: string): number {
  const m = PERIOD.exec(period);
  if (!m) throw new Error(`period "${period}": must be a year (2024), quarter (2024Q3) or month (2024M07)`);
  const year = Number(m[1]);
  if (m[2] !== undefined) return year + (Number(m[2]) - 0.5) / 4;
  if (m[3] !== undefined) return year + (Number(m[3]) - 0.5) / 12;
  return year + 0.5;
}

/** The calendar year of a period (`2024Q3` → 2024). */
export function periodYear(period: string): number {
  periodYears(period);
  return Number(period.slice(0, 4));
}

function toNumber(value: DecimalValue, where: string): number {
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === ''))
    throw new Error(`${where}: value "${String(value)}" is not a decimal number`);
  return n;
}

interface Point {
  period: string;
  t: number;
  v: number;
}

const roundTo = (n: number, decimals: number): number => {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return r === 0 ? 0 : r; // no -0
};
const significant = (n: number): number => (n === 0 ? 0 : Number(n.toPrecision(4)));
const percent = (fraction: number): number => roundTo(Math.abs(fraction) * 100, 2);
const signedPercent = (fraction: number): number => roundTo(fraction * 100, 2);
const changeWord = (rate: number): ChangeWord => (rate > 0 ? 'rise' : rate < 0 ? 'fall' : 'none');

function meets(value: number, target: number, direction: ProgressDirection): boolean {
  if (direction === 'increase') return value >= target;
  if (direction === 'decrease') return value <= target;
  return withinBand(value, target);
}

function withinBand(value: number, level: number): boolean {
  return Math.abs(value - level) <= KEEP_TOLERANCE * Math.abs(level) + 1e-12 * Math.abs(level);
}

/** The data points of a series: values present, ordered in time; a period twice is an error. */
function dataPoints(observations: readonly ProgressPoint[]): Point[] {
  const points: Point[] = [];
  const seen = new Set<string>();
  for (const o of observations) {
    if (seen.has(o.period)) throw new Error(`observations: period ${o.period} appears twice`);
    seen.add(o.period);
    const t = periodYears(o.period);
    if (o.value === null || o.value === undefined) continue;
    points.push({ period: o.period, t, v: toNumber(o.value, `observation ${o.period}`) });
  }
  return points.sort((a, b) => a.t - b.t);
}

function result(
  state: ProgressState,
  key: ProgressReasonKey,
  params: Record<string, number | string> = {},
  measure?: ProgressMeasure,
): ProgressResult {
  return measure ? { state, reason: { key, params }, measure } : { state, reason: { key, params } };
}

/** The rate from `a` to `b` a year: CAGR (fraction) in relative mode, else the linear change. */
function rate(a: Point, b: { t: number; v: number }, mode: 'relative' | 'absolute'): number {
  const years = b.t - a.t;
  return mode === 'relative' ? (b.v / a.v) ** (1 / years) - 1 : (b.v - a.v) / years;
}

/** Compares a ratio with a threshold without float noise deciding (1e-9). */
const atLeast = (ratio: number, threshold: number): boolean => ratio >= threshold - 1e-9;

/** The progress status of one indicator in one area. Throws on a malformed period or value. */
export function progressStatus(input: ProgressInput): ProgressResult {
  const points = dataPoints(input.observations);
  const breaks = (input.breaks ?? []).map((b) => ({ period: b, t: periodYears(b) }));
  const baseline = input.baseline
    ? {
        period: input.baseline.period,
        t: periodYears(input.baseline.period),
        v: toNumber(input.baseline.value, 'baseline'),
      }
    : null;
  const target = input.target
    ? { period: input.target.period, t: periodYears(input.target.period), v: toNumber(input.target.value, 'target') }
    : null;

  if (input.unitChanged) return result('not_comparable', 'monitoring.reason.unitChanged');
  const latest = points.at(-1);
  if (!latest) return result('no_data', 'monitoring.reason.noData');
  const start = baseline ?? points[0]!;
  const startYear = periodYear(start.period);
  const latestYear = periodYear(latest.period);
  if (baseline && latest.t <= baseline.t)
    return result('no_data', 'monitoring.reason.noDataSinceBaseline', { baseYear: startYear });

  const breakAfterStart = breaks
    .filter((b) => b.t > start.t && b.t <= latest.t)
    .sort((a, b) => a.t - b.t)
    .at(0);
  if (breakAfterStart)
    return result('not_comparable', 'monitoring.reason.seriesBreak', {
      year: periodYear(breakAfterStart.period),
      startYear,
    });

  if (target && targetMet(input.direction, start, latest, target))
    return result('target_achieved', 'monitoring.reason.targetAchieved', {
      targetYear: periodYear(target.period),
      latestYear,
    });
  if (latest.t <= start.t) return result('no_data', 'monitoring.reason.onePoint', { year: latestYear });

  return target ? withTarget(input.direction, start, latest, target) : withoutTarget(input.direction, start, latest);
}

/**
 * What a target asks, seen from the start point: `improve` (move in the good direction up to it),
 * `limit` (a tolerated move in the bad direction down to it, e.g. a managed population decline),
 * `hold` (stay on the good side of the start level), or `level` (a `keep` target the start was
 * inside the band of). `dir` is the direction rates are judged in (`keep` outside its band becomes
 * the direction towards the target).
 */
interface TargetKind {
  kind: 'improve' | 'limit' | 'hold' | 'level';
  dir: ProgressDirection;
}

function targetKind(direction: ProgressDirection, start: Point, target: Point): TargetKind {
  if (direction === 'keep')
    return withinBand(start.v, target.v)
      ? { kind: 'level', dir: 'keep' }
      : { kind: 'improve', dir: target.v > start.v ? 'increase' : 'decrease' };
  const gap = (direction === 'increase' ? 1 : -1) * (target.v - start.v);
  return { kind: gap > 0 ? 'improve' : gap < 0 ? 'limit' : 'hold', dir: direction };
}

/** The latest value meets the target; a limit only counts as met once its period has come. */
function targetMet(direction: ProgressDirection, start: Point, latest: Point, target: Point): boolean {
  if (targetKind(direction, start, target).kind === 'limit' && latest.t < target.t) return false;
  return meets(latest.v, target.v, direction);
}

function withTarget(direction: ProgressDirection, start: Point, latest: Point, target: Point): ProgressResult {
  const startYear = periodYear(start.period);
  const latestYear = periodYear(latest.period);
  const targetYear = periodYear(target.period);
  const { kind, dir } = targetKind(direction, start, target);
  const sign = dir === 'increase' ? 1 : -1;
  // A level to keep: left after being inside the band, or overshot past the band from outside it.
  if (kind === 'level' || (direction === 'keep' && sign * (latest.v - target.v) > 0)) {
    const deviation = target.v === 0 ? Math.sign(latest.v) : (latest.v - target.v) / Math.abs(target.v);
    return result('deterioration', 'monitoring.reason.keepTargetLeft', {
      deviation: signedPercent(deviation),
      tolerance: KEEP_TOLERANCE * 100,
      latestYear,
      targetYear,
    });
  }
  if (kind === 'hold')
    return result('deterioration', 'monitoring.reason.targetSlipped', { startYear, latestYear, targetYear });
  const mode = start.v > 0 && latest.v > 0 && target.v > 0 ? 'relative' : 'absolute';
  const observed = rate(start, latest, mode);
  const measure: ProgressMeasure = {
    mode,
    startPeriod: start.period,
    latestPeriod: latest.period,
    observedRate: scaled(observed, mode),
  };
  if (target.t <= start.t)
    return result(
      kind === 'improve' && sign * observed >= 0 ? 'limited_progress' : 'deterioration',
      'monitoring.reason.targetBeforeStart',
      { targetYear, startYear },
      measure,
    );
  const required = rate(start, target, mode);
  const ratio = observed / required;
  let state: ProgressState;
  if (kind === 'improve') {
    state = grade(ratio, 'limited_progress');
  } else if (latest.t >= target.t) {
    state = 'deterioration'; // the limit's period has come and the value is past it
  } else {
    // A limit: moving no faster in the bad direction than the target allows is on track; faster, the
    // share allowed / observed is graded like observed / required (there is no progress to be limited).
    const good = sign * observed;
    const allowed = sign * required;
    state = good >= allowed - 1e-12 * Math.abs(allowed) ? 'on_track' : grade(allowed / good, 'deterioration');
  }
  const shown = (r: number): number => (mode === 'relative' ? percent(r) : significant(Math.abs(r)));
  return result(
    state,
    mode === 'relative' ? 'monitoring.reason.target' : 'monitoring.reason.targetAbsolute',
    {
      change: changeWord(observed),
      rate: shown(observed),
      need: changeWord(required),
      required: shown(required),
      startYear,
      latestYear,
      targetYear,
    },
    { ...measure, requiredRate: scaled(required, mode), ratio },
  );
}

/** Eurostat's grades of a rate ratio; `below` is the state under 60 % (and for a negative ratio: deterioration). */
function grade(ratio: number, below: 'limited_progress' | 'deterioration'): ProgressState {
  if (atLeast(ratio, ON_TRACK_RATIO)) return 'on_track';
  if (atLeast(ratio, NEEDS_ACCELERATION_RATIO)) return 'needs_acceleration';
  return atLeast(ratio, 0) ? below : 'deterioration';
}

function withoutTarget(direction: ProgressDirection, start: Point, latest: Point): ProgressResult {
  const startYear = periodYear(start.period);
  const latestYear = periodYear(latest.period);
  if (direction === 'keep') {
    const scale = Math.abs(start.v) || Math.abs(latest.v);
    const deviation = scale === 0 ? 0 : (latest.v - start.v) / scale;
    const params = { deviation: signedPercent(deviation), tolerance: KEEP_TOLERANCE * 100, startYear, latestYear };
    const measure: ProgressMeasure = {
      mode: 'absolute',
      startPeriod: start.period,
      latestPeriod: latest.period,
      observedRate: rate(start, latest, 'absolute'),
    };
    return withinBand(latest.v, start.v) || scale === 0
      ? result('stable', 'monitoring.reason.keepWithin', params, measure)
      : result('worsening', 'monitoring.reason.keepOutside', params, measure);
  }
  const mode = start.v > 0 && latest.v > 0 ? 'relative' : 'absolute';
  const observed = rate(start, latest, mode);
  const measure: ProgressMeasure = {
    mode,
    startPeriod: start.period,
    latestPeriod: latest.period,
    observedRate: scaled(observed, mode),
  };
  const level = Math.max(Math.abs(start.v), Math.abs(latest.v));
  const relative = mode === 'relative' ? observed : level === 0 ? 0 : observed / level;
  if (Math.abs(relative) < STABLE_RATE)
    return result(
      'stable',
      'monitoring.reason.stable',
      { threshold: STABLE_RATE * 100, startYear, latestYear },
      measure,
    );
  const better = direction === 'increase' ? observed > 0 : observed < 0;
  return result(
    better ? 'improving' : 'worsening',
    mode === 'relative' ? 'monitoring.reason.trend' : 'monitoring.reason.trendAbsolute',
    {
      change: changeWord(observed),
      rate: mode === 'relative' ? percent(observed) : significant(Math.abs(observed)),
      startYear,
      latestYear,
    },
    measure,
  );
}

/** A rate for `measure`: per cent a year in relative mode, units a year otherwise. */
function scaled(r: number, mode: 'relative' | 'absolute'): number {
  return mode === 'relative' ? r * 100 : r;
}

/** The message key of a state's name (`monitoring.state.on_track`). */
export function progressStateKey(state: ProgressState): ProgressStateKey {
  return `monitoring.state.${state}`;
}
