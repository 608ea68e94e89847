/**
 * Grouped horizontal bar charts as SVG made on the server: one group per row (a priority, a fund),
 * one bar per series (plan, granted, paid). Each series has its own pattern as well as its colour
 * and every bar carries its value as text, so no meaning rests on colour; `role="img"` with
 * `<title>` and `<desc>` names the chart for screen readers (the data table under it has the numbers).
 */
import Html from '@kitajs/html';

export interface ChartSeries {
  label: string;
  /** Fill colour and pattern of the bars. */
  style: 'solid' | 'hatch' | 'dots';
}

export interface ChartRow {
  label: string;
  /** One value per series, in cents (negative values are drawn as 0). */
  values: number[];
}

export interface BarChartProps {
  id: string;
  title: string;
  desc: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Text of a value (e.g. whole euros in the page's language). */
  format: (cents: number) => string;
}

const WIDTH = 760;
const BAR = 16;
const GAP = 4;
const LABEL = 22;
const GROUP_GAP = 14;
const LEGEND = 34;
const VALUE_SPACE = 150;
const COLOURS = { solid: '#1d4f91', hatch: '#0f6e56', dots: '#8a3b12' } as const;

const esc = (s: string): string => Html.escapeHtml(s);

function fillOf(id: string, style: ChartSeries['style']): string {
  return style === 'solid' ? COLOURS.solid : `url(#${id}-${style})`;
}

/** The SVG text of the chart (every text escaped). */
export function barChart(props: BarChartProps): JSX.Element {
  const { id, series, rows } = props;
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => Math.max(0, v))));
  const plotWidth = WIDTH - VALUE_SPACE;
  const groupHeight = LABEL + series.length * (BAR + GAP) + GROUP_GAP;
  const height = LEGEND + rows.length * groupHeight + 4;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${esc(id)}" role="img" ` +
      `aria-labelledby="${esc(id)}-title ${esc(id)}-desc" viewBox="0 0 ${WIDTH} ${height}" ` +
      `width="100%" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${esc(id)}-title">${esc(props.title)}</title>`,
    `<desc id="${esc(id)}-desc">${esc(props.desc)}</desc>`,
    '<defs>',
    `<pattern id="${esc(id)}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" ` +
      `patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" ` +
      `height="6" fill="${COLOURS.hatch}"/></pattern>`,
    `<pattern id="${esc(id)}-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect ` +
      `width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.6" fill="${COLOURS.dots}"/></pattern>`,
    '</defs>',
  );
  // Legend: a swatch with the pattern and the series name.
  let x = 0;
  for (const s of series) {
    parts.push(`<rect x="${x}" y="6" width="18" height="14" fill="${fillOf(id, s.style)}" stroke="#222222"/>`);
    parts.push(`<text x="${x + 24}" y="18" fill="#222222">${esc(s.label)}</text>`);
    x += 24 + s.label.length * 8 + 24;
  }
  rows.forEach((row, i) => {
    const top = LEGEND + i * groupHeight;
    parts.push(`<text x="0" y="${top + 15}" fill="#222222" font-weight="bold">${esc(row.label)}</text>`);
    series.forEach((s, j) => {
      const value = row.values[j] ?? 0;
      const w = Math.round((Math.max(0, value) / max) * (plotWidth - 4));
      const y = top + LABEL + j * (BAR + GAP);
      parts.push(
        `<rect x="0" y="${y}" width="${Math.max(1, w)}" height="${BAR}" fill="${fillOf(id, s.style)}" stroke="#222222" stroke-width="0.5"/>`,
      );
      parts.push(
        `<text x="${Math.max(1, w) + 6}" y="${y + 12}" fill="#222222">${esc(`${s.label}: ${props.format(value)}`)}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
