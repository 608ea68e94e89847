/**
 * The monitoring charts as SVG strings: well-formed XML (a strict reader of the test's own),
 * accessible names, gaps for missing values, the baseline and target markers, the comparison
 * chart's text for confidential values, escaping and deterministic output.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderComparisonChart, type ComparisonChartProps } from '#src/views/charts/comparison-chart.ts';
import { LINE_STYLES, niceTicks, renderLineChart, type LineChartProps } from '#src/views/charts/line-chart.ts';
import { byClass, deepText, findAll, parseXml, type XmlElement } from '../support/xml.ts';

const fi = new Intl.NumberFormat('fi-FI');
const format = (n: number): string => fi.format(n);

const population = (): LineChartProps => ({
  id: 'vaesto',
  title: 'Väkiluku, Kymenlaakso',
  desc: 'Väkiluku 2018–2024 ja tavoite 150 200 vuonna 2040.',
  series: [
    {
      label: 'Kymenlaakso',
      points: [
        { period: '2018', value: 164000 },
        { period: '2019', value: 163000 },
        { period: '2020', value: 162500 },
        { period: '2021', value: null },
        { period: '2022', value: 160900 },
        { period: '2023', value: 159000 },
        { period: '2024', value: 157300 },
      ],
    },
    {
      label: 'Kotka',
      points: [
        { period: '2020', value: 151000 },
        { period: '2024', value: 152000 },
      ],
    },
  ],
  baseline: { period: '2020', value: 162500, label: 'Lähtötaso 2020' },
  target: { period: '2040', value: 150200, label: 'Tavoite 2040' },
  format,
});

/** The points of each subpath of a path's `d` (`M x y L x y …`). */
function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((sub) => sub.split('L').map((pair) => pair.trim().split(/\s+/).map(Number) as [number, number]));
}

/** The centre of a marker element (circle, rect or path). */
function centre(el: XmlElement): [number, number] {
  if (el.name === 'circle') return [Number(el.attrs.cx), Number(el.attrs.cy)];
  if (el.name === 'rect') return [Number(el.attrs.x) + 4, Number(el.attrs.y) + 4];
  throw new Error(`no centre for <${el.name}>`);
}

const markersOf = (series: XmlElement): XmlElement[] =>
  series.children.filter((e) => e.name !== 'path' || e.attrs.fill !== 'none');

describe('line chart', () => {
  const svg = renderLineChart(population());
  const root = parseXml(svg);

  test('is well-formed SVG with role img, a title and a desc that name it', () => {
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
    assert.equal(root.attrs.role, 'img');
    assert.equal(root.attrs['aria-labelledby'], 'vaesto-title vaesto-desc');
    assert.equal(root.children[0]!.name, 'title');
    assert.equal(root.children[0]!.attrs.id, 'vaesto-title');
    assert.equal(root.children[0]!.text, 'Väkiluku, Kymenlaakso');
    assert.equal(root.children[1]!.name, 'desc');
    assert.equal(root.children[1]!.attrs.id, 'vaesto-desc');
    assert.equal(root.children[1]!.text, 'Väkiluku 2018–2024 ja tavoite 150 200 vuonna 2040.');
    assert.ok(!svg.includes('<script') && !svg.includes('var('), 'no script, no CSS variables');
  });

  test('a null value splits the line: the path stops at 2020 and starts again at 2022', () => {
    const [first] = findAll(root, byClass('chart-series'));
    const path = first!.children.find((e) => e.name === 'path' && e.attrs.fill === 'none')!;
    const subs = subpaths(path.attrs.d!);
    assert.equal(subs.length, 2);
    assert.equal(subs[0]!.length, 3, '2018, 2019, 2020');
    assert.equal(subs[1]!.length, 3, '2022, 2023, 2024');
    const markers = markersOf(first!).map(centre);
    assert.equal(markers.length, 6, 'a marker for every value, none for the gap');
    assert.deepEqual(subs.flat(), markers);
    // The years are evenly spaced: the gap is two steps wide, with no point in it.
    const step = markers[1]![0] - markers[0]![0];
    assert.ok(Math.abs(markers[3]![0] - markers[2]![0] - 2 * step) < 0.2);
    // Falling values are drawn lower (larger y).
    assert.ok(markers[5]![1] > markers[0]![1]);
  });

  test('the target is a marker at the target period, the x axis reaching the target year', () => {
    const [target] = findAll(root, byClass('chart-target'));
    assert.ok(target);
    assert.equal(target.attrs['data-period'], '2040');
    const bullseye = target.children.filter((e) => e.name === 'circle');
    assert.equal(bullseye.length, 2);
    const [tx] = centre(bullseye[0]!);
    // Kotka's markers: 2020 and 2024; 2040 lies four of those spans further right.
    const [kotka] = findAll(root, byClass('chart-series')).slice(1);
    const [[x2020], [x2024]] = markersOf(kotka!).map(centre) as [[number, number], [number, number]];
    assert.ok(Math.abs(tx - (x2024 + 4 * (x2024 - x2020))) < 0.3, `${tx} vs ${x2020}, ${x2024}`);
    const dashed = findAll(root, byClass('chart-target-line'))[0]!;
    assert.equal(dashed.attrs['stroke-dasharray'], '4 4');
    assert.equal(Number(dashed.attrs.x1), tx);
    assert.equal(Number(dashed.attrs.x2), tx);
    assert.equal(deepText(target), 'Tavoite 2040: 150\u00a0200');
    const ticks = findAll(root, byClass('chart-x-axis'))[0]!.children.filter((e) => e.name === 'text');
    assert.equal(ticks.at(-1)!.text, '2040');
    assert.equal(Number(ticks.at(-1)!.attrs.x), tx);
    // The dotted path from the baseline to the target.
    const path = findAll(root, byClass('chart-target-path'))[0]!;
    assert.equal(Number(path.attrs.x2), tx);
  });

  test('the baseline is a labelled ring at its period and value', () => {
    const [baseline] = findAll(root, byClass('chart-baseline'));
    assert.ok(baseline);
    assert.equal(baseline.attrs['data-period'], '2020');
    const ring = baseline.children.find((e) => e.name === 'circle')!;
    const [first] = findAll(root, byClass('chart-series'));
    const at2020 = markersOf(first!).map(centre)[2]!;
    assert.deepEqual(centre(ring), at2020, 'same place as the 2020 value 162 500');
    assert.equal(deepText(baseline), 'Lähtötaso 2020: 162\u00a0500');
  });

  test('the y axis has nice ticks covering the values and the target', () => {
    const labels = findAll(root, byClass('chart-y-axis'))[0]!.children.filter((e) => e.name === 'text');
    assert.deepEqual(
      labels.map((l) => l.text),
      ['150\u00a0000', '155\u00a0000', '160\u00a0000', '165\u00a0000'],
    );
  });

  test('each series has its own colour, dash pattern and marker shape; texts are black', () => {
    const series = findAll(root, byClass('chart-series'));
    const paths = series.map((s) => s.children.find((e) => e.name === 'path' && e.attrs.fill === 'none')!);
    assert.deepEqual(
      paths.map((p) => [p.attrs.stroke, p.attrs['stroke-dasharray']]),
      [
        [LINE_STYLES[0]!.colour, undefined],
        [LINE_STYLES[1]!.colour, LINE_STYLES[1]!.dash],
      ],
    );
    assert.deepEqual(
      series.map((s) => markersOf(s)[0]!.name),
      ['circle', 'rect'],
    );
    const styles = new Set(LINE_STYLES.map((s) => `${s.colour}|${s.dash}|${s.marker}`));
    assert.equal(styles.size, LINE_STYLES.length);
    assert.equal(new Set(LINE_STYLES.map((s) => s.dash)).size, LINE_STYLES.length, 'dash patterns all differ');
    for (const t of findAll(root, (e) => e.name === 'text')) assert.equal(t.attrs.fill, '#000000');
    const legend = deepText(findAll(root, byClass('chart-legend'))[0]!);
    for (const label of ['Kymenlaakso', 'Kotka', 'Lähtötaso 2020', 'Tavoite 2040'])
      assert.ok(legend.includes(label), label);
  });

  test('labels are escaped', () => {
    const props = population();
    props.title = 'A & B <script>alert(1)</script>';
    props.series[0]!.label = '<script>alert("x")</script>';
    props.target!.label = '"quoted" & <b>';
    const out = renderLineChart(props);
    assert.ok(!out.includes('<script') && !out.includes('<b>'));
    const parsed = parseXml(out);
    assert.equal(parsed.children[0]!.text, 'A & B <script>alert(1)</script>');
    assert.ok(findAll(parsed, (e) => e.name === 'text' && e.text === '<script>alert("x")</script>').length === 1);
    assert.ok(
      findAll(parsed, (e) => e.name === 'title' && e.text.startsWith('<script>alert("x")</script>, 2018')).length,
    );
  });

  test('the same props give the same text', () => {
    assert.equal(renderLineChart(population()), svg);
  });

  test('leading and trailing gaps, one lone value and an empty series still make valid SVG', () => {
    const out = renderLineChart({
      id: 'gaps',
      title: 't',
      desc: 'd',
      series: [
        {
          label: 'a',
          points: [
            { period: '2019Q4', value: null },
            { period: '2020Q1', value: 3 },
            { period: '2020Q2', value: null },
            { period: '2020Q3', value: 4 },
            { period: '2020Q4', value: 5 },
            { period: '2021Q1', value: null },
          ],
        },
        { label: 'b', points: [] },
      ],
      format: String,
    });
    const parsed = parseXml(out);
    const [a, b] = findAll(parsed, byClass('chart-series'));
    const path = a!.children.find((e) => e.name === 'path' && e.attrs.fill === 'none')!;
    assert.deepEqual(
      subpaths(path.attrs.d!).map((s) => s.length),
      [1, 2],
    );
    assert.equal(b!.children.length, 0);
    const ticks = findAll(parsed, byClass('chart-x-axis'))[0]!.children.filter((e) => e.name === 'text');
    assert.deepEqual(
      ticks.map((t) => t.text),
      ['2019', '2020', '2021'],
    );
  });

  test('nice ticks', () => {
    assert.deepEqual(niceTicks(0, 97).ticks, [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(150200, 162500).ticks, [150000, 155000, 160000, 165000]);
    assert.deepEqual(niceTicks(0.12, 0.87).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(5, 5).ticks, [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    assert.deepEqual(niceTicks(-300, 120).ticks, [-300, -200, -100, 0, 100, 200]);
    assert.deepEqual(niceTicks(0, 0).ticks, [-1, -0.5, 0, 0.5, 1]);
  });
});

const municipalities = (): ComparisonChartProps => ({
  id: 'velka',
  title: 'Velka asukasta kohden',
  desc: 'Kymenlaakson kunnat ja koko maakunta, 2023.',
  rows: [
    { label: 'Hamina', value: 100 },
    { label: 'Kotka', value: 200 },
    { label: 'Miehikkälä', value: null, note: 'luottamuksellinen' },
    { label: 'Virolahti', value: null },
    { label: 'Kymenlaakso', value: 150, emphasis: true },
  ],
  format,
  missingLabel: 'ei tietoa',
});

describe('comparison chart', () => {
  const svg = renderComparisonChart(municipalities());
  const root = parseXml(svg);
  const rows = findAll(root, byClass('chart-row'));

  test('is well-formed SVG with role img, title and desc; rows in the order given', () => {
    assert.equal(root.attrs.role, 'img');
    assert.equal(root.attrs['aria-labelledby'], 'velka-title velka-desc');
    assert.equal(root.children[0]!.text, 'Velka asukasta kohden');
    assert.equal(root.children[1]!.text, 'Kymenlaakson kunnat ja koko maakunta, 2023.');
    assert.deepEqual(
      rows.map((r) => r.children[0]!.text),
      ['Hamina', 'Kotka', 'Miehikkälä', 'Virolahti', 'Kymenlaakso'],
    );
  });

  test('confidential and missing values are text in place of a bar, never a bar of zero', () => {
    for (const [i, text] of [
      [2, 'luottamuksellinen'],
      [3, 'ei tietoa'],
    ] as const) {
      assert.equal(findAll(rows[i]!, byClass('chart-bar')).length, 0);
      assert.equal(findAll(rows[i]!, (e) => e.name === 'rect').length, 0);
      assert.equal(findAll(rows[i]!, byClass('chart-value')).length, 0);
      assert.deepEqual(
        findAll(rows[i]!, byClass('chart-missing')).map((e) => e.text),
        [text],
      );
    }
  });

  test('bars are proportional, with their values written beside them', () => {
    const bar = (i: number): XmlElement => findAll(rows[i]!, byClass('chart-bar'))[0]!;
    const width = (i: number): number => Number(bar(i).attrs.width);
    assert.ok(Math.abs(width(1) - 2 * width(0)) < 0.2, `${width(1)} vs ${width(0)}`);
    assert.ok(Math.abs(width(4) - 1.5 * width(0)) < 0.2);
    for (const [i, value] of [
      [0, '100'],
      [1, '200'],
      [4, '150'],
    ] as const) {
      const text = findAll(rows[i]!, byClass('chart-value'))[0]!;
      assert.equal(text.text, value);
      assert.ok(Number(text.attrs.x) > Number(bar(i).attrs.x) + width(i));
    }
  });

  test('the region row stands out by pattern, outline and bold text, not only colour', () => {
    assert.ok(byClass('chart-row-emphasis')(rows[4]!));
    assert.ok(!byClass('chart-row-emphasis')(rows[0]!));
    const bar = findAll(rows[4]!, byClass('chart-bar'))[0]!;
    assert.equal(bar.attrs.fill, 'url(#velka-emphasis)');
    assert.equal(bar.attrs['stroke-width'], '1.5');
    assert.equal(rows[4]!.children[0]!.attrs['font-weight'], 'bold');
    assert.equal(findAll(root, (e) => e.name === 'pattern' && e.attrs.id === 'velka-emphasis').length, 1);
  });

  test('negative values grow left from a zero line', () => {
    const out = parseXml(
      renderComparisonChart({
        ...municipalities(),
        rows: [
          { label: 'Kotka', value: -50 },
          { label: 'Hamina', value: 100 },
        ],
      }),
    );
    const zero = Number(findAll(out, byClass('chart-zero'))[0]!.attrs.x1);
    const [neg, pos] = findAll(out, byClass('chart-bar'));
    assert.ok(Math.abs(Number(neg!.attrs.x) + Number(neg!.attrs.width) - zero) < 0.2);
    assert.ok(Math.abs(Number(pos!.attrs.x) - zero) < 0.2);
    assert.ok(Math.abs(Number(pos!.attrs.width) - 2 * Number(neg!.attrs.width)) < 0.2);
  });

  test('labels and notes are escaped; output is deterministic', () => {
    const props = municipalities();
    props.rows = [
      { label: '<script>alert(1)</script>', value: 1 },
      { label: 'A & B', value: null, note: '<i>"salainen"</i>' },
    ];
    const out = renderComparisonChart(props);
    assert.ok(!out.includes('<script') && !out.includes('<i>'));
    const parsed = parseXml(out);
    const texts = findAll(parsed, (e) => e.name === 'text').map((e) => e.text);
    assert.deepEqual(texts, ['<script>alert(1)</script>', '1', 'A & B', '<i>"salainen"</i>']);
    assert.equal(renderComparisonChart(municipalities()), svg);
  });
});

describe('xml reader of the tests', () => {
  test('refuses what is not well-formed', () => {
    assert.throws(() => parseXml('<svg><g></svg>'), /closes <g>/);
    assert.throws(() => parseXml('<svg><text>a < b</text></svg>'), /malformed tag|raw "<"/);
    assert.throws(() => parseXml('<svg><text>a & b</text></svg>'), /bare "&"/);
    assert.throws(() => parseXml('<svg a="1" a="2"/>'), /attribute a twice/);
    assert.throws(() => parseXml('<svg a=1/>'), /malformed tag/);
    assert.throws(() => parseXml('<svg/><svg/>'), /second root/);
    assert.throws(() => parseXml('<svg>'), /unclosed <svg>/);
  });
});
