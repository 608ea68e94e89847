/**
 * The annual reports in the admin (issue 9): an editor generates the 2024 report in Finnish,
 * Swedish and English with one button (CSRF-checked, written to the audit log), after which each
 * language's PDF is current and served from the store; a change of the data marks them out of date;
 * a viewer sees the list without the button and may not generate. On every database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { listStoredReports } from '#src/storage/repositories/reports-repository.ts';
import { SKIP_WITHOUT_CHROMIUM } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, one } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { createUser, signedIn } from './admin-fixture.ts';

const LIST = '/admin/regions/08/programmes/2022-2025/reports';

const states = (html: string): string[][] =>
  one(html, '#reports-table')
    .querySelectorAll('tbody tr')
    .map((tr) => [
      tr.querySelector('th')!.text.trim(),
      ...tr.querySelectorAll('.report-state').map((s) => s.text.trim()),
    ]);

for (const target of databaseTargets()) {
  describe(`annual reports in the admin (${target.name})`, { skip: SKIP_WITHOUT_CHROMIUM }, () => {
    const web = useTestApp(target);

    test('an editor generates a year in three languages; the PDFs are then current, audited and served', async () => {
      const editor = await createUser(web.ctx, { email: 'editor@kymenlaakso.fi', role: 'editor' });
      const browser = await signedIn(web.app, editor);
      const list = await browser.get(`${LIST}?lang=en`);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        states(list.body).find((r) => r[0] === '2024'),
        ['2024', 'not made', 'not made', 'not made'],
      );
      assert.equal(
        (await browser.post(`${LIST}/2024`, {}, { csrf: null })).statusCode,
        403,
        'a post without the CSRF token',
      );

      const generated = await browser.post(`${LIST}/2024`);
      assert.equal(generated.statusCode, 303);
      const after = await browser.get(generated.headers.location as string);
      assert.deepEqual(
        states(after.body).find((r) => r[0] === '2024'),
        ['2024', 'current', 'current', 'current'],
      );
      const stored = (await listStoredReports(web.ctx.db.kysely, '08', '2022-2025')).filter((r) => r.year === 2024);
      assert.deepEqual(stored.map((r) => [r.lang, r.madeBy]).sort(), [
        ['en', editor.email],
        ['fi', editor.email],
        ['sv', editor.email],
      ]);
      const events = await listAuditEvents(web.ctx.db.kysely, { action: 'report.generate' });
      assert.equal(events.entries.length, 1);
      assert.equal(events.entries[0]!.actor, editor.email);

      const pdf = await web.get('/sv/kymenlaakso/2022-2025/reports/2024/report.pdf');
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.length, stored.find((r) => r.lang === 'sv')!.bytes, 'the stored PDF is served');

      // New figures change the report's data: the made PDFs are out of date.
      const file = {
        version: '2.0',
        class: 'dataset',
        updated: '2025-03-28T05:00:00Z',
        id: ['Alue', 'Vuosi', 'Tiedot'],
        size: [1, 1, 1],
        role: { geo: ['Alue'], time: ['Vuosi'], metric: ['Tiedot'] },
        dimension: {
          Alue: { category: { index: { MK08: 0 } } },
          Vuosi: { category: { index: { '2024': 0 } } },
          Tiedot: { category: { index: { vaesto: 0 } } },
        },
        value: [158465],
        extension: { px: { tableid: 'statfin_vaerak_pxt_11ra' } },
      };
      await importStatistics(web.ctx.db, {
        bytes: new TextEncoder().encode(JSON.stringify(file)),
        fileName: 'vaesto-2024.json',
        region: '08',
        actor: { userId: null, label: 'test' },
      });
      const stale = await browser.get(`${LIST}?lang=en`);
      assert.deepEqual(
        states(stale.body).find((r) => r[0] === '2024'),
        [
          '2024',
          'out of date (the data have changed)',
          'out of date (the data have changed)',
          'out of date (the data have changed)',
        ],
      );
    });

    test('a viewer sees the reports without the button and may not generate', async () => {
      const viewer = await createUser(web.ctx, { email: 'viewer@kymenlaakso.fi', role: 'viewer' });
      const browser = await signedIn(web.app, viewer);
      const list = await browser.get(LIST);
      assert.equal(list.statusCode, 200);
      assert.equal(all(list.body, '#reports-table form').length, 0);
      assert.equal((await browser.post(`${LIST}/2024`)).statusCode, 403);
      assert.equal((await web.get(LIST)).statusCode === 200, false, 'anonymous requests are refused');
    });
  });
}
