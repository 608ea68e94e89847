/**
 * Line charts of indicator series as SVG made on the server (no script, no DOM library: strings in an
 * array, joined once). Each series has its own colour from the Okabe–Ito colour-blind-safe palette
 * AND its own dash pattern and point marker, so the chart reads in greyscale and on paper; texts are
 * black. A `null` value is a gap: the line stops before it and starts again after it. The baseline is
 * a ring, the target a bullseye at the target period with a dashed vertical line, and the x axis
 * reaches the target year. `role="img"` with `<title>` and `<desc>` (aria-labelledby) names the chart
 * for screen readers; the page puts the data table under it. Output depends only on the props.
 */
import Html from '@kitajs/html';
import { periodYears } from '#src/domain/indicators/progress-status.ts';

export interface LinePoint {
  /** `2024`, `2024Q3` or `2024M07`. */
  period: string;
  value: number | null;
}

export interface LineSeries {
  label: string;
  points: readonly LinePoint[];
  /** Index into {@link LINE_STYLES} (colour, dash, marker); default: the series' position. */
  style?: number;
}

export interface LineMarker {
  period: string;
  value: number;
  /** Shown beside the marker as `label: value` (e.g. "Tavoite 2040: 150 200"). */
  label: string;
}

export interface LineChartProps {
  id: string;
  title: string;
  desc: string;
  series: readonly LineSeries[];
  baseline?: LineMarker | null;
  target?: LineMarker | null;
  /** Text of a value (y ticks, marker labels, point titles) in the page's language. */
  format: (n: number) => string;
  /** Text of a period (x ticks are years: `"2024"`); default: the period as is. */
  periodLabel?: (period: string) => string;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross';

export interface LineStyle {
  colour: string;
  /** `stroke-dasharray`, or null for a solid line. */
  dash: string | null;
  marker: MarkerShape;
}

/** Okabe–Ito colours (yellow left out: too light on white), each with a dash pattern and a marker. */
export const LINE_STYLES: readonly LineStyle[] = [
  { colour: '#0072B2', dash: null, marker: 'circle' },
  { colour: '#D55E00', dash: '8 4', marker: 'square' },
  { colour: '#009E73', dash: '2 3', marker: 'triangle' },
  { colour: '#CC79A7', dash: '10 3 2 3', marker: 'diamond' },
  { colour: '#E69F00', dash: '5 2', marker: 'triangle-down' },
  { colour: '#56B4E9', dash: '1 3', marker: 'cross' },
  { colour: '#000000', dash: '14 4', marker: 'circle' },
];

const WIDTH = 760;
const HEIGHT = 360;
const CHAR = 7.2;
const LEGEND_ROW = 22;
const TEXT = '#000000';
const GRID = '#cccccc';
/** A white outline behind a label, so a line under it does not cut the letters. */
const HALO = 'stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"';

const esc = (s: string): string => Html.escapeHtml(s);
/** A coordinate with one decimal at most (short, deterministic text). */
const c = (n: number): string => String(Math.round(n * 10) / 10);

/** "Nice" axis ticks (Heckbert): steps of 1, 2 or 5 × 10ⁿ covering [min, max] with about `count` ticks. */
export function niceTicks(
  min: number,
  max: number,
  count = 6,
): { min: number; max: number; step: number; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max))
    throw new Error(`niceTicks: bounds ${min}, ${max} are not finite`);
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceNumber(niceNumber(hi - lo, false) / Math.max(1, count - 1), true);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) {
    const v = Number((first + i * step).toFixed(decimals));
    ticks.push(v === 0 ? 0 : v);
  }
  return { min: ticks[0]!, max: ticks.at(-1)!, step, ticks };
}

function niceNumber(x: number, round: boolean): number {
  const exp = Math.floor(Math.log10(x));
  const f = x / 10 ** exp;
  const nice = round ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) : f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * 10 ** exp;
}

/** The year step of the x ticks: at most 8 labels. */
function yearStep(span: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) if (span / step <= 7) return step;
  return 200;
}

/** A point marker of `shape` at (x, y) in `colour`, with its title (the value as text). */
function marker(shape: MarkerShape, x: number, y: number, colour: string, title: string): string {
  const t = `<title>${esc(title)}</title>`;
  const fill = `fill="${colour}" stroke="#ffffff" stroke-width="1"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${c(x)}" cy="${c(y)}" r="4.5" ${fill}>${t}</circle>`;
    case 'square':
      return `<rect x="${c(x - 4)}" y="${c(y - 4)}" width="8" height="8" ${fill}>${t}</rect>`;
    case 'triangle':
      return `<path d="M${c(x)} ${c(y - 5.5)}L${c(x + 5)} ${c(y + 4)}L${c(x - 5)} ${c(y + 4)}Z" ${fill}>${t}</path>`;
    case 'triangle-down':
      return `<path d="M${c(x)} ${c(y + 5.5)}L${c(x + 5)} ${c(y - 4)}L${c(x - 5)} ${c(y - 4)}Z" ${fill}>${t}</path>`;
    case 'diamond':
      return `<path d="M${c(x)} ${c(y - 5.5)}L${c(x + 5.5)} ${c(y)}L${c(x)} ${c(y + 5.5)}L${c(x - 5.5)} ${c(y)}Z" ${fill}>${t}</path>`;
    case 'cross':
      return (
        `<path d="M${c(x - 4)} ${c(y - 4)}L${c(x + 4)} ${c(y + 4)}M${c(x - 4)} ${c(y + 4)}L${c(x + 4)} ${c(y - 4)}" ` +
        `stroke="${colour}" stroke-width="2.5" fill="none">${t}</path>`
      );
  }
}

const styleOf = (s: LineSeries, i: number): LineStyle => LINE_STYLES[(s.style ?? i) % LINE_STYLES.length]!;

function ring(x: number, y: number): string {
  return `<circle cx="${c(x)}" cy="${c(y)}" r="7" fill="none" stroke="${TEXT}" stroke-width="2"/>`;
}

function bullseye(x: number, y: number): string {
  return (
    `<circle cx="${c(x)}" cy="${c(y)}" r="8" fill="#ffffff" stroke="${TEXT}" stroke-width="2"/>` +
    `<circle cx="${c(x)}" cy="${c(y)}" r="3" fill="${TEXT}"/>`
  );
}

/** The SVG text of a line chart (every text escaped). */
export function renderLineChart(props: LineChartProps): string {
  const { id, series, baseline, target, format } = props;
  const periodLabel = props.periodLabel ?? ((p: string) => p);
  const eid = esc(id);

  // Data extents: every period (also those of gaps), the baseline and the target.
  const times: number[] = [];
  const values: number[] = [];
  const prepared = series.map((s) =>
    s.points.map((p) => ({ period: p.period, t: periodYears(p.period), value: p.value })).sort((a, b) => a.t - b.t),
  );
  for (const points of prepared)
    for (const p of points) {
      times.push(p.t);
      if (p.value !== null && Number.isFinite(p.value)) values.push(p.value);
    }
  for (const m of [baseline, target]) {
    if (!m) continue;
    times.push(periodYears(m.period));
    values.push(m.value);
  }
  const y = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1, 6);
  const tMin = times.length ? Math.min(...times) : 2000.5;
  const tMax = times.length ? Math.max(...times) : 2001.5;
  const pad = Math.max(0.3, (tMax - tMin) * 0.02);

  // Legend entries (series, baseline, target), wrapped into rows.
  const legend: { width: number; svg: (x: number, y: number) => string }[] = series.map((s, i) => {
    const st = styleOf(s, i);
    return {
      width: 40 + s.label.length * CHAR + 20,
      svg: (x, ly) =>
        `<line x1="${c(x)}" y1="${c(ly)}" x2="${c(x + 32)}" y2="${c(ly)}" stroke="${st.colour}" stroke-width="2.5"` +
        (st.dash ? ` stroke-dasharray="${st.dash}"` : '') +
        '/>' +
        marker(st.marker, x + 16, ly, st.colour, s.label) +
        `<text x="${c(x + 40)}" y="${c(ly + 4)}" fill="${TEXT}">${esc(s.label)}</text>`,
    };
  });
  if (baseline)
    legend.push({
      width: 24 + baseline.label.length * CHAR + 20,
      svg: (x, ly) =>
        ring(x + 8, ly) + `<text x="${c(x + 22)}" y="${c(ly + 4)}" fill="${TEXT}">${esc(baseline.label)}</text>`,
    });
  if (target)
    legend.push({
      width: 24 + target.label.length * CHAR + 20,
      svg: (x, ly) =>
        bullseye(x + 8, ly) + `<text x="${c(x + 22)}" y="${c(ly + 4)}" fill="${TEXT}">${esc(target.label)}</text>`,
    });
  const legendSvg: string[] = [];
  let lx = 0;
  let row = 0;
  for (const entry of legend) {
    if (lx > 0 && lx + entry.width > WIDTH) {
      lx = 0;
      row += 1;
    }
    legendSvg.push(entry.svg(lx, 12 + row * LEGEND_ROW));
    lx += entry.width;
  }
  const legendHeight = legend.length ? (row + 1) * LEGEND_ROW + 6 : 0;

  const yLabels = y.ticks.map((v) => format(v));
  const left = Math.max(40, Math.max(...yLabels.map((l) => l.length)) * CHAR + 14);
  const right = WIDTH - 16;
  const top = legendHeight + 16;
  const bottom = HEIGHT - 34;
  const xOf = (t: number): number => left + ((t - (tMin - pad)) / (tMax + pad - (tMin - pad))) * (right - left);
  const yOf = (v: number): number => bottom - ((v - y.min) / (y.max - y.min)) * (bottom - top);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-line" id="${eid}" role="img" ` +
      `aria-labelledby="${eid}-title ${eid}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" ` +
      `font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${eid}-title">${esc(props.title)}</title>`,
    `<desc id="${eid}-desc">${esc(props.desc)}</desc>`,
    `<g class="chart-legend">${legendSvg.join('')}</g>`,
  ];

  // Y axis: grid lines and labels.
  parts.push('<g class="chart-y-axis">');
  y.ticks.forEach((v, i) => {
    const ty = yOf(v);
    parts.push(
      `<line x1="${c(left)}" y1="${c(ty)}" x2="${c(right)}" y2="${c(ty)}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="${c(left - 6)}" y="${c(ty + 4)}" text-anchor="end" fill="${TEXT}">${esc(yLabels[i]!)}</text>`,
    );
  });
  parts.push('</g>');

  // X axis: a tick at the middle of every `step`-th year from the first period to the target.
  const firstYear = Math.floor(tMin);
  const lastYear = Math.floor(tMax);
  const step = yearStep(lastYear - firstYear);
  parts.push(
    `<g class="chart-x-axis"><line x1="${c(left)}" y1="${c(bottom)}" x2="${c(right)}" y2="${c(bottom)}" stroke="${TEXT}" stroke-width="1"/>`,
  );
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    const tx = xOf(year + 0.5);
    parts.push(
      `<line x1="${c(tx)}" y1="${c(bottom)}" x2="${c(tx)}" y2="${c(bottom + 5)}" stroke="${TEXT}" stroke-width="1"/>`,
      `<text x="${c(tx)}" y="${c(bottom + 20)}" text-anchor="middle" fill="${TEXT}">${esc(periodLabel(String(year)))}</text>`,
    );
  }
  parts.push('</g>');

  // The target's period: a dashed vertical line (under the series), and the path from the baseline to it.
  const targetAt = target ? { x: xOf(periodYears(target.period)), y: yOf(target.value) } : null;
  if (target && targetAt) {
    parts.push(
      `<line class="chart-target-line" x1="${c(targetAt.x)}" y1="${c(top)}" x2="${c(targetAt.x)}" y2="${c(bottom)}" ` +
        `stroke="${TEXT}" stroke-width="1" stroke-dasharray="4 4"/>`,
    );
    if (baseline)
      parts.push(
        `<line class="chart-target-path" x1="${c(xOf(periodYears(baseline.period)))}" y1="${c(yOf(baseline.value))}" ` +
          `x2="${c(targetAt.x)}" y2="${c(targetAt.y)}" stroke="${TEXT}" stroke-width="1" stroke-dasharray="1 4"/>`,
      );
  }

  // The series: one path each, a new subpath after every gap, and a marker at every value.
  series.forEach((s, i) => {
    const st = styleOf(s, i);
    const d: string[] = [];
    const markers: string[] = [];
    let pen = false;
    for (const p of prepared[i]!) {
      if (p.value === null || !Number.isFinite(p.value)) {
        pen = false;
        continue;
      }
      const px = xOf(p.t);
      const py = yOf(p.value);
      d.push(`${pen ? 'L' : 'M'}${c(px)} ${c(py)}`);
      pen = true;
      markers.push(marker(st.marker, px, py, st.colour, `${s.label}, ${periodLabel(p.period)}: ${format(p.value)}`));
    }
    parts.push(`<g class="chart-series">`);
    if (d.length)
      parts.push(
        `<path d="${d.join('')}" fill="none" stroke="${st.colour}" stroke-width="2.5" stroke-linejoin="round"` +
          (st.dash ? ` stroke-dasharray="${st.dash}"` : '') +
          '/>',
      );
    parts.push(...markers, '</g>');
  });

  // The target's bullseye and label, over the series.
  if (target && targetAt) {
    const { x: tx, y: ty } = targetAt;
    parts.push(
      `<g class="chart-target" data-period="${esc(target.period)}">`,
      bullseye(tx, ty),
      `<text x="${c(tx - 12)}" y="${c(ty < top + 20 ? ty + 22 : ty - 12)}" text-anchor="end" fill="${TEXT}" ` +
        `font-weight="bold" ${HALO}>${esc(`${target.label}: ${format(target.value)}`)}</text>`,
      '</g>',
    );
  }
  if (baseline) {
    const bx = xOf(periodYears(baseline.period));
    const by = yOf(baseline.value);
    parts.push(
      `<g class="chart-baseline" data-period="${esc(baseline.period)}">`,
      ring(bx, by),
      `<text x="${c(bx + 10)}" y="${c(by < top + 20 ? by + 22 : by - 12)}" fill="${TEXT}" font-weight="bold" ${HALO}>` +
        `${esc(`${baseline.label}: ${format(baseline.value)}`)}</text>`,
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
