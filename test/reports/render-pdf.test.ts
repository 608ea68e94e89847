/**
 * The report's PDF as Debian's Chromium makes it, read back with poppler-utils and the PDF's own
 * objects: tagged (headings H1–H3 in order, tables with header cells, figures with their text
 * alternative, the document's and the passages' languages), bookmarks from the headings, running
 * header and "page X / Y", the figures in the text layer, byte-identical for the same HTML and
 * date, and no request leaves the page.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { closeRenderer, normalisePdf, renderPdf, type RenderPdfOptions } from '#src/services/reports/pdf/render-pdf.ts';
import { SKIP_WITHOUT_CHROMIUM } from '../support/browser.ts';
import {
  SKIP_WITHOUT_POPPLER,
  pdfInfo,
  pdfLang,
  pdfOutline,
  pdfStructElements,
  pdfStructText,
  pdfText,
  requirePoppler,
  xrefProblems,
} from '../support/pdf.ts';

const CSS = `
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; }
h2 { break-before: page; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 2pt 6pt; text-align: right; }
figure { break-inside: avoid; }
`;

/** A small report: Finnish, with a Swedish and an English passage, on three pages. */
const HTML = `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<title>Seurantaraportti 2024</title>
<link rel="stylesheet" href="/assets/report.css?v=1">
</head>
<body>
<main>
<h1>Kymenlaakson maakuntaohjelman seurantaraportti 2024</h1>
<p>Raportti kertoo, miten ohjelma eteni vuonna 2024.</p>
<p lang="sv">Rapporten beskriver hur programmet framskred år 2024.</p>
<p lang="en">The report tells how the programme progressed in 2024.</p>
<img src="http://example.com/logo.png" alt="">
<h2>Väestö ja työllisyys</h2>
<h3>Työllisyysaste</h3>
<table>
<caption>Työllisyysaste, %</caption>
<thead><tr><th scope="col">Vuosi</th><th scope="col">Kymenlaakso</th><th scope="col">Koko maa</th></tr></thead>
<tbody>
<tr><td>2022</td><td>70,1</td><td>73,5</td></tr>
<tr><td>2023</td><td>71,4</td><td>74,0</td></tr>
</tbody>
</table>
<figure>
<svg role="img" aria-label="Työllisyysaste nousi 70,1 prosentista 71,4 prosenttiin" width="300" height="120" viewBox="0 0 300 120">
<polyline points="10,100 290,40" fill="none" stroke="#036" stroke-width="3"/>
</svg>
<figcaption>Kuvio 1. Työllisyysaste 2022–2023</figcaption>
</figure>
<h2>Rahoitus</h2>
<h3>Myönnetty rahoitus rahastoittain</h3>
<p>EAKR-rahoitusta myönnettiin 1&nbsp;234,5 tuhatta euroa.</p>
</main>
</body>
</html>`;

const DATE = new Date('2025-03-14T09:26:53Z');

function options(overrides: Partial<RenderPdfOptions> = {}): RenderPdfOptions {
  return {
    lang: 'fi',
    title: 'Kymenlaakson maakuntaohjelman seurantaraportti 2024',
    runningHeader: 'Kymenlaakson liitto · Seurantaraportti 2024 <luonnos> & "testi"',
    pageLabel: (page, pages) => `Sivu ${page} / ${pages}`,
    assets: (path) =>
      path === '/assets/report.css' ? { body: Buffer.from(CSS), contentType: 'text/css; charset=utf-8' } : null,
    date: DATE,
    ...overrides,
  };
}

/** The pids of the Chromium processes this test process started itself. */
function ownChromiumPids(): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, comm]) => pid && comm && comm.startsWith('chromium'))
    .map(([pid]) => Number(pid));
}

const normaliseSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('renderPdf', { skip: SKIP_WITHOUT_CHROMIUM || SKIP_WITHOUT_POPPLER }, () => {
  let pdf: Buffer;
  const blocked: string[] = [];
  const timings: number[] = [];

  before(async () => {
    requirePoppler();
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      pdf = await renderPdf(HTML, options({ onBlockedRequest: (url) => blocked.push(url) }));
      timings.push(performance.now() - started);
    }
  });
  after(async () => {
    if (timings.length === 2)
      console.log(
        `renderPdf: first render (Chromium started) ${timings[0]?.toFixed(0)} ms, second ${timings[1]?.toFixed(0)} ms, ${pdf?.length} bytes`,
      );
    await closeRenderer();
  });

  it('is a tagged A4 PDF of three pages with the given title and dates', () => {
    const info = pdfInfo(pdf);
    assert.equal(info['Tagged'], 'yes');
    assert.equal(info['Pages'], '3');
    assert.match(info['Page size'] ?? '', /\(A4\)/);
    assert.equal(info['Title'], 'Kymenlaakson maakuntaohjelman seurantaraportti 2024');
    assert.equal(info['CreationDate'], '2025-03-14T09:26:53Z');
    assert.equal(info['ModDate'], '2025-03-14T09:26:53Z');
  });

  it('has the document language and the other languages of its passages', () => {
    assert.equal(pdfLang(pdf), 'fi');
    const elements = pdfStructElements(pdf);
    const langs = elements.filter((e) => e.lang !== null).map((e) => `${e.type}:${e.lang}`);
    assert.ok(langs.includes('P:sv'), `a P in Swedish: ${langs.join(', ')}`);
    assert.ok(langs.includes('P:en'), `a P in English: ${langs.join(', ')}`);
  });

  it('has headings H1–H3 in order, a table with column header cells, and a figure with its text alternative', () => {
    const struct = pdfStructText(pdf);
    const headings = [...struct.matchAll(/^\s*(H[1-6])\b/gm)].map((m) => m[1]);
    assert.deepEqual(headings, ['H1', 'H2', 'H3', 'H2', 'H3']);
    assert.match(struct, /^\s*Table\b/m);
    const headerCells = [...struct.matchAll(/^\s*TH\b[^\n]*\n\s*\/Scope \/Column/gm)];
    assert.equal(headerCells.length, 3, 'three TH cells with scope Column');
    assert.match(struct, /^\s*TD:\n\s*\/Headers \[/m, 'data cells point to their headers');
    assert.match(struct, /^\s*Caption\b[\s\S]*?"Työllisyysaste, %"/m, 'the table caption is tagged');
    const figures = pdfStructElements(pdf).filter((e) => e.type === 'Figure' && e.alt !== null);
    assert.deepEqual(
      figures.map((f) => f.alt),
      ['Työllisyysaste nousi 70,1 prosentista 71,4 prosenttiin'],
    );
    assert.match(struct, /"Kuvio 1\. Työllisyysaste 2022–2023"/, 'the figure caption is in the tree');
  });

  it('has bookmarks from the headings, nested by level, with the spaces Chromium drops at line wraps', () => {
    // The H1 wraps after "maakuntaohjelman": Chromium's own title is "…maakuntaohjelmanseurantaraportti 2024".
    assert.deepEqual(pdfOutline(pdf), [
      { title: 'Kymenlaakson maakuntaohjelman seurantaraportti 2024', depth: 0 },
      { title: 'Väestö ja työllisyys', depth: 1 },
      { title: 'Työllisyysaste', depth: 2 },
      { title: 'Rahoitus', depth: 1 },
      { title: 'Myönnetty rahoitus rahastoittain', depth: 2 },
    ]);
  });

  it('has a cross-reference table whose every entry points at its object', () => {
    assert.deepEqual(xrefProblems(pdf), []);
  });

  it('has the figures, the running header and "page X / Y" in its text layer', () => {
    const text = normaliseSpaces(pdfText(pdf));
    assert.ok(text.includes('1 234,5 tuhatta euroa'), 'the figure with its Finnish grouping');
    assert.ok(text.includes('71,4'));
    for (const page of [1, 2, 3]) {
      const onPage = normaliseSpaces(pdfText(pdf, { first: page, last: page }));
      assert.ok(
        onPage.includes('Kymenlaakson liitto · Seurantaraportti 2024 <luonnos> & "testi"'),
        `page ${page} has the running header, escaped as text: ${onPage.slice(0, 200)}`,
      );
      assert.match(onPage, new RegExp(`Sivu ${page} / 3`), `page ${page} has its number`);
    }
  });

  it('gives the same bytes for the same HTML and date, and differs only by the dates for another date', async () => {
    const again = await renderPdf(HTML, options());
    assert.ok(again.equals(pdf), 'byte-identical');
    const later = await renderPdf(HTML, options({ date: new Date('2026-01-02T03:04:05Z') }));
    assert.equal(later.length, pdf.length);
    assert.ok(!later.equals(pdf));
    const dates = /\/(?:CreationDate|ModDate) \(D:\d{14}[^)]*\)/g;
    assert.equal(later.toString('latin1').replace(dates, ''), pdf.toString('latin1').replace(dates, ''));
    assert.equal(pdfInfo(later)['CreationDate'], '2026-01-02T03:04:05Z');
  });

  it('aborts requests to other origins instead of waiting for them', async () => {
    assert.ok(blocked.includes('http://example.com/logo.png'), `the outside image was blocked: ${blocked.join(', ')}`);
    const seen: string[] = [];
    const html = HTML.replace(
      '</head>',
      '<link rel="stylesheet" href="https://cdn.example.com/x.css"><script src="http://203.0.113.1/x.js"></script></head>',
    ).replace(
      '</main>',
      '<img src="http://example.com/x.png" alt="x"><iframe src="https://example.org/"></iframe></main>',
    );
    const started = performance.now();
    const out = await renderPdf(html, options({ timeoutMs: 15_000, onBlockedRequest: (url) => seen.push(url) }));
    assert.ok(performance.now() - started < 10_000, 'it did not wait for the network');
    assert.equal(pdfInfo(out)['Pages'], '3');
    for (const url of ['https://cdn.example.com/x.css', 'http://example.com/x.png', 'https://example.org/'])
      assert.ok(seen.includes(url), `${url} was blocked: ${seen.join(', ')}`);
  });

  it('fails plainly for a missing asset, a wrong language or a page label without the numbers', async () => {
    await assert.rejects(
      renderPdf(HTML.replace('/assets/report.css', '/assets/missing.css'), options()),
      /renderPdf: the HTML links assets that do not exist or could not be read: \/assets\/missing\.css$/,
    );
    await assert.rejects(
      renderPdf(
        HTML,
        options({
          assets: () => {
            throw new Error('disk gone');
          },
        }),
      ),
      /could not be read: \/assets\/report\.css \(disk gone\)$/,
    );
    await assert.rejects(
      renderPdf(HTML, options({ lang: 'sv' })),
      /renderPdf: the HTML's <html lang> is "fi", but the document's language is "sv"/,
    );
    await assert.rejects(
      renderPdf(HTML, options({ pageLabel: (page) => `Sivu ${page}` })),
      /pageLabel must put the page number and the page count in its text once each, got "Sivu \{page\}"/,
    );
  });

  it('gives a clear error when the render times out, and renders again afterwards', async () => {
    await assert.rejects(
      renderPdf(HTML, options({ timeoutMs: 1 })),
      /^Error: renderPdf: the PDF was not made within 1 ms \(timed out while [a-z ]+\)$/,
    );
    const out = await renderPdf(HTML, options());
    assert.ok(out.equals(pdf));
  });

  it('starts a new Chromium when the shared one has crashed', async () => {
    const pids = ownChromiumPids();
    assert.equal(pids.length, 1, `one Chromium of this process is running: ${pids.join(', ')}`);
    process.kill(pids[0]!, 'SIGKILL');
    for (let i = 0; i < 50 && ownChromiumPids().includes(pids[0]!); i++) await new Promise((r) => setTimeout(r, 20));
    const out = await renderPdf(HTML, options());
    assert.ok(out.equals(pdf), 'the new browser makes the same PDF');
    const now = ownChromiumPids();
    assert.equal(now.length, 1);
    assert.notEqual(now[0], pids[0]);
  });

  it('renders two documents at once in separate pages of the one browser', async () => {
    const sv = HTML.replace('<html lang="fi">', '<html lang="sv">');
    const [fi, inSwedish] = await Promise.all([renderPdf(HTML, options()), renderPdf(sv, options({ lang: 'sv' }))]);
    assert.ok(fi.equals(pdf));
    assert.equal(pdfLang(inSwedish), 'sv');
    assert.equal(ownChromiumPids().length, 1);
  });
});

describe('normalisePdf', () => {
  const date = new Date('2024-12-31T23:59:58.123Z');
  const pdfOf = (text: string): Buffer => Buffer.from(text, 'latin1');

  it("sets the Info dictionary's dates in every form, keeping each string's length", () => {
    const input = pdfOf(
      "1 0 obj\n<</CreationDate (D:20261208011655+02'00')\n/ModDate (D:20261208011655+02'00)\n" +
        '/X (D:20261208011655Z) /Y (D:20261208011655)>>\nendobj\n',
    );
    const out = normalisePdf(input, date).toString('latin1');
    assert.equal(out.length, input.length);
    assert.match(out, /\/CreationDate \(D:20241231235958\+00'00'\)/);
    assert.match(out, /\/ModDate \(D:20241231235958\+00'00\)/);
    assert.match(out, /\/X \(D:20261208011655Z\)/, 'only the creation and modification dates are touched');
  });

  it('sets XMP dates of the same length, and a document ID from a hash of the content', () => {
    const xmp =
      '<xmp:CreateDate>2026-12-08T01:16:55+02:00</xmp:CreateDate><xmp:ModifyDate>2026-12-08T01:16:55Z</xmp:ModifyDate>' +
      '<rdf:Description xmp:MetadataDate="2026-12-08T01:16:55.999Z"/>';
    const trailer = (id: string): string => `trailer\n<</Size 3 /ID [<${id}> <${id}>]>>\n`;
    const a = normalisePdf(pdfOf(xmp + trailer('0123456789ABCDEF0123456789ABCDEF')), date).toString('latin1');
    const b = normalisePdf(pdfOf(xmp + trailer('FEDCBA9876543210FEDCBA9876543210')), date).toString('latin1');
    assert.match(a, /<xmp:CreateDate>2024-12-31T23:59:58\+00:00<\/xmp:CreateDate>/);
    assert.match(a, /<xmp:ModifyDate>2024-12-31T23:59:58Z<\/xmp:ModifyDate>/);
    assert.match(a, /xmp:MetadataDate="2024-12-31T23:59:58\.123Z"/);
    assert.equal(a, b, 'the ID no longer depends on the random one Chromium would have written');
    const id = /\/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]/.exec(a);
    assert.ok(id, a);
    assert.equal(id[1], id[2]);
    assert.notEqual(id[1], '0123456789ABCDEF0123456789ABCDEF');
    const other = normalisePdf(pdfOf(xmp + 'x' + trailer('0123456789ABCDEF0123456789ABCDEF')), date).toString('latin1');
    assert.notEqual(/\/ID \[<([0-9A-F]{32})>/.exec(other)?.[1], id[1], 'other content, other ID');
  });

  it('refuses a date it cannot rewrite in place', () => {
    assert.throws(
      () => normalisePdf(pdfOf('<</CreationDate (D:2026)>>'), date),
      /the PDF has a date of an unexpected form: D:2026/,
    );
    assert.throws(() => normalisePdf(pdfOf(''), new Date('nope')), /not a valid date/);
  });
});
