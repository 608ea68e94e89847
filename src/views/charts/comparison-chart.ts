/**
 * A comparison of one value per area (the municipalities, then the region or the whole country) as
 * a horizontal bar chart made on the server. Rows stay in the order given. An emphasised row (the
 * region, the country) has a hatched bar, a thick outline and bold texts, so it stands out without
 * colour. A row without a value (confidential, missing) shows its reason as text where the bar would
 * be, never a bar of zero. Every value is written beside its bar. Negative values grow left from a
 * zero line. `role="img"` with `<title>` and `<desc>`; the page puts the data table under it.
 */
import Html from '@kitajs/html';

export interface ComparisonRow {
  label: string;
  value: number | null;
  /** Shown in place of the bar when `value` is null (e.g. "luottamuksellinen"); default `missingLabel`. */
  note?: string | null;
  /** The region or country row, drawn so that it stands out. */
  emphasis?: boolean;
}

export interface ComparisonChartProps {
  id: string;
  title: string;
  desc: string;
  rows: readonly ComparisonRow[];
  /** Text of a value in the page's language. */
  format: (n: number) => string;
  /** Text of a row without a value and without a note (e.g. "ei tietoa"). */
  missingLabel: string;
}

const WIDTH = 760;
const ROW = 24;
const BAR = 16;
/** Width of a character of a 13 px label, generously (bold and wide letters included). */
const CHAR = 9;
const VALUE_SPACE = 120;
const TEXT = '#000000';
const FILL = '#0072B2';
const EMPHASIS = '#D55E00';

const esc = (s: string): string => Html.escapeHtml(s);
const c = (n: number): string => String(Math.round(n * 10) / 10);

/** The SVG text of the comparison chart (every text escaped). */
export function renderComparisonChart(props: ComparisonChartProps): string {
  const { id, rows, format } = props;
  const eid = esc(id);
  const values = rows.flatMap((r) => (r.value !== null && Number.isFinite(r.value) ? [r.value] : []));
  const lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const labelWidth = Math.min(260, Math.max(60, ...rows.map((r) => r.label.length * CHAR + 16)));
  const plotLeft = labelWidth;
  const plotWidth = WIDTH - labelWidth - VALUE_SPACE;
  const xOf = (v: number): number => plotLeft + ((v - lo) / (hi - lo)) * plotWidth;
  const zero = xOf(0);
  const height = rows.length * ROW + 12;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-comparison" id="${eid}" role="img" ` +
      `aria-labelledby="${eid}-title ${eid}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" ` +
      `font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${eid}-title">${esc(props.title)}</title>`,
    `<desc id="${eid}-desc">${esc(props.desc)}</desc>`,
    '<defs>',
    `<pattern id="${eid}-emphasis" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${EMPHASIS}"/></pattern>`,
    '</defs>',
  ];
  rows.forEach((r, i) => {
    const top = 6 + i * ROW;
    const textY = c(top + BAR - 3);
    const bold = r.emphasis ? ' font-weight="bold"' : '';
    parts.push(
      `<g class="chart-row${r.emphasis ? ' chart-row-emphasis' : ''}">`,
      `<text x="${c(labelWidth - 8)}" y="${textY}" text-anchor="end" fill="${TEXT}"${bold}>${esc(r.label)}</text>`,
    );
    if (r.value === null || !Number.isFinite(r.value)) {
      parts.push(
        `<text class="chart-missing" x="${c(zero + 6)}" y="${textY}" fill="${TEXT}" font-style="italic">` +
          `${esc(r.note ?? props.missingLabel)}</text>`,
      );
    } else {
      const end = xOf(r.value);
      const x = Math.min(end, zero);
      const w = Math.max(1, Math.abs(end - zero));
      const fill = r.emphasis ? `url(#${eid}-emphasis)` : FILL;
      const stroke = r.emphasis ? 'stroke-width="1.5"' : 'stroke-width="0.5"';
      parts.push(
        `<rect class="chart-bar" x="${c(x)}" y="${c(top)}" width="${c(w)}" height="${BAR}" fill="${fill}" stroke="${TEXT}" ${stroke}/>`,
        `<text class="chart-value" x="${c(Math.max(end, zero) + 6)}" y="${textY}" fill="${TEXT}"${bold}>${esc(format(r.value))}</text>`,
      );
    }
    parts.push('</g>');
  });
  if (lo < 0)
    parts.push(
      `<line class="chart-zero" x1="${c(zero)}" y1="2" x2="${c(zero)}" y2="${c(height - 4)}" stroke="${TEXT}" stroke-width="1"/>`,
    );
  parts.push('</svg>');
  return parts.join('');
}
