/**
 * `npm run bench:charts`: how many monitoring charts the views render per second in one process
 * (issue 8's target: ≥ 2 000 charts a second). The line chart is an indicator page's: the region's
 * annual series of 15 years with one gap, the whole country beside it, a baseline and a target; the
 * comparison chart has the six Kymenlaakso municipalities (one confidential) and the region. Each is
 * warmed up first (JIT), then timed for BENCH_SECONDS (default 3).
 */
import { renderComparisonChart, type ComparisonChartProps } from '#src/views/charts/comparison-chart.ts';
import { renderLineChart, type LineChartProps } from '#src/views/charts/line-chart.ts';
import { perSecond } from './support.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const numbers = new Intl.NumberFormat('fi-FI');
const format = (n: number): string => numbers.format(n);

const line: LineChartProps = {
  id: 'vaesto',
  title: 'Väkiluku, Kymenlaakso ja koko maa',
  desc: 'Väkiluku 2010–2024, lähtötaso 2021 ja tavoite 150 200 vuonna 2040.',
  series: [
    {
      label: 'Kymenlaakso',
      points: Array.from({ length: 15 }, (_, i) => ({
        period: String(2010 + i),
        value: i === 7 ? null : 181000 - i * 1500,
      })),
    },
    {
      label: 'Koko maa (indeksi)',
      points: Array.from({ length: 15 }, (_, i) => ({ period: String(2010 + i), value: 160000 + i * 400 })),
    },
  ],
  baseline: { period: '2021', value: 163000, label: 'Lähtötaso 2021' },
  target: { period: '2040', value: 150200, label: 'Tavoite 2040' },
  format,
};

const comparison: ComparisonChartProps = {
  id: 'velka',
  title: 'Velka asukasta kohden 2023',
  desc: 'Kymenlaakson kunnat ja maakunta.',
  rows: [
    { label: 'Hamina', value: 2310 },
    { label: 'Kotka', value: 3120 },
    { label: 'Kouvola', value: 2890 },
    { label: 'Miehikkälä', value: null, note: 'luottamuksellinen' },
    { label: 'Pyhtää', value: 1980 },
    { label: 'Virolahti', value: 1430 },
    { label: 'Kymenlaakso', value: 2760, emphasis: true },
  ],
  format,
  missingLabel: 'ei tietoa',
};

for (const [name, render] of [
  ['line chart (indicator page)', () => renderLineChart(line)],
  ['comparison chart (municipalities)', () => renderComparisonChart(comparison)],
] as const) {
  const { rate, bytes } = perSecond(render, SECONDS);
  console.log(`${name}: ${Math.round(rate)} charts/s (${bytes} bytes; target ≥ 2000: ${(rate / 2000).toFixed(1)}×)`);
}
