/**
 * The annual report's PDF (issue 9), read back with poppler-utils: tagged, the document's language,
 * headings H1–H3 in order, tables with header cells, every chart a figure with a text alternative
 * followed by its data table, bookmarks from the headings, a text layer with the report's figures;
 * kept and served until the data change, then made again. On SQLite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { listStoredReports } from '#src/storage/repositories/reports-repository.ts';
import { SKIP_WITHOUT_CHROMIUM } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { pdfInfo, pdfLang, pdfOutline, pdfStructElements, pdfText, SKIP_WITHOUT_POPPLER } from '../support/pdf.ts';
import { useTestApp } from '../support/test-app.ts';
import { prepareReportData, REPORT_PATH } from './report-fixture.ts';

const skip = SKIP_WITHOUT_CHROMIUM || SKIP_WITHOUT_POPPLER;
const squash = (s: string): string => s.replace(/\s+/g, ' ');

for (const target of databaseTargets()) {
  describe(`annual report PDF (${target.name})`, { skip }, () => {
    const web = useTestApp(target, { prepare: prepareReportData });

    test('tagged, in the document language, headings in order, tables with TH, charts with alternatives', async () => {
      const res = await web.get(`/fi${REPORT_PATH}report.pdf`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      const info = pdfInfo(pdf);
      assert.equal(info['Tagged'], 'yes');
      assert.equal(info['Page size']?.includes('595'), true, `A4: ${info['Page size']}`);
      assert.ok(Number(info['Pages']) >= 5, `pages: ${info['Pages']}`);
      assert.equal(pdfLang(pdf), 'fi');

      const elements = pdfStructElements(pdf);
      const headings = elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => Number(e.type.slice(1)));
      assert.equal(headings[0], 1, 'the first heading is the H1');
      assert.equal(headings.filter((h) => h === 1).length, 1, 'one H1');
      assert.ok(Math.max(...headings) <= 3, 'headings go to H3');
      for (let i = 1; i < headings.length; i++)
        assert.ok(headings[i]! <= headings[i - 1]! + 1, `no heading level skipped at ${i}: ${headings.join(',')}`);
      assert.ok(elements.some((e) => e.type === 'Table'));
      assert.ok(
        elements.some((e) => e.type === 'TH'),
        'tables have header cells',
      );
      const figures = elements.filter((e) => e.type === 'Figure');
      assert.ok(figures.length >= 1, 'charts are figures');
      // A chart is a Figure with its text alternative; the <figure> around it groups it with its caption and data table.
      figures.forEach((f) => {
        if (f.alt && f.alt.trim() !== '') return;
        const at = elements.indexOf(f);
        const inside: typeof elements = [];
        for (let i = at + 1; i < elements.length && elements[i]!.depth > f.depth; i++) inside.push(elements[i]!);
        assert.ok(
          inside.some((e) => e.type === 'Figure' && e.alt) && inside.some((e) => e.type === 'Table'),
          'a figure without its own alternative holds the chart with one and its data table',
        );
      });
      assert.ok(figures.filter((f) => f.alt).length >= 1, 'the charts have text alternatives');

      const outline = pdfOutline(pdf).map((o) => o.title);
      assert.ok(outline.includes('Yhteenveto'), `bookmarks: ${outline.join(' | ')}`);
      assert.ok(outline.includes('Elinkeinoelämän uudistaminen'));

      const text = squash(pdfText(pdf));
      for (const figure of ['120 000,50 €', '50 000,00 €', '158 465', '1.3.2024', '−79 999,50 €'])
        assert.ok(text.includes(figure), `the text layer has ${figure}`);
      assert.match(text, /Sivu 1 \/ \d+/, 'page numbers');
      assert.match(text, /Kymenlaakso · seurantaraportti 2024/, 'running header');
    });

    test('kept and served until the data change, then made again', async () => {
      const first = await web.get(`/sv${REPORT_PATH}report.pdf`);
      const again = await web.get(`/sv${REPORT_PATH}report.pdf`);
      assert.ok(first.rawPayload.equals(again.rawPayload), 'the stored PDF is served again');
      assert.equal(first.headers.etag, again.headers.etag);
      const stored = (await listStoredReports(web.ctx.db.kysely, '08', '2022-2025')).filter((r) => r.lang === 'sv');
      assert.equal(stored.length, 1);

      const revised = {
        version: '2.0',
        class: 'dataset',
        label: 'Väestö (revised)',
        updated: '2025-04-30T05:00:00Z',
        id: ['Alue', 'Vuosi', 'Tiedot'],
        size: [1, 1, 1],
        role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
        dimension: {
          Alue: { category: { index: { MK08: 0 } } },
          Vuosi: { category: { index: { '2024': 0 } } },
          Tiedot: { category: { index: { vaesto: 0 } } },
        },
        value: [158470],
        extension: { px: { tableid: 'statfin_vaerak_pxt_11ra' } },
      };
      const result = await importStatistics(web.ctx.db, {
        bytes: new TextEncoder().encode(JSON.stringify(revised)),
        fileName: 'revised.json',
        region: '08',
        actor: { userId: null, label: 'test' },
      });
      assert.equal(result.written, true);
      const remade = await web.get(`/sv${REPORT_PATH}report.pdf`);
      assert.notEqual(remade.headers.etag, first.headers.etag, 'a new PDF after the revision');
      assert.ok(squash(pdfText(remade.rawPayload)).includes('158 470'));
    });
  });
}
