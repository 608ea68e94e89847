/**
 * The audit log UI: admins of a region see that region's events only; filters by user, action,
 * entity type and date range; 50 events a page; the CSV export holds exactly the filtered events.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { databaseTargets } from '../support/databases.ts';
import { createUser, useSignedInApp } from './admin-fixture.ts';

for (const target of databaseTargets()) {
  describe(`audit log (${target.name})`, () => {
    const web = useSignedInApp(target, { admin: { email: 'loki@example.fi', role: 'admin' } });
    const browser = web.as.admin;
    let editorId: number;

    const rowCount = (html: string): number => (html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>/g) ?? []).length;
    const csv = async (query: string): Promise<Record<string, string>[]> => {
      const res = await browser.get(`/admin/audit.csv?${query}`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(String(res.headers['content-disposition']), /attachment; filename="audit-08\.csv"/);
      return parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    };

    before(async () => {
      const editor = await createUser(web.ctx, { email: 'muokkaaja@example.fi', role: 'editor', region: '08' });
      editorId = editor.id;
      await createUser(web.ctx, { email: 'uusimaa@example.fi', role: 'editor', region: '01' });
      // 60 node edits by the editor in January, 5 version events by the admin in February, and a
      // formula-looking summary; plus events of region 01 that admins of 08 must never see.
      const rows = [];
      for (let i = 0; i < 60; i++) {
        rows.push({
          at: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
          user_id: editor.id,
          actor: editor.email,
          region_code: '08',
          action: 'node.update',
          entity_type: 'node',
          entity_id: `08-2022-2025/v3/node-${i}`,
          summary: `Edited node ${i}`,
          before_json: JSON.stringify({ title: { fi: `Vanha ${i}` } }),
          after_json: JSON.stringify({ title: { fi: `Uusi ${i}` } }),
        });
      }
      for (let i = 0; i < 5; i++) {
        rows.push({
          at: `2026-02-0${i + 1}T09:00:00.000Z`,
          user_id: web.users.admin.id,
          actor: web.users.admin.email,
          region_code: '08',
          action: 'version.approve',
          entity_type: 'version',
          entity_id: `08-2022-2025/v${i}`,
          summary: i === 0 ? '=HYPERLINK("http://evil.example")' : `Approved v${i}`,
          before_json: null,
          after_json: null,
        });
      }
      rows.push({
        at: '2026-01-15T12:00:00.000Z',
        user_id: null,
        actor: 'cli',
        region_code: '01',
        action: 'node.update',
        entity_type: 'node',
        entity_id: '01-secret',
        summary: 'Uusimaa secret edit',
        before_json: null,
        after_json: null,
      });
      await web.ctx.db.kysely.insertInto('audit_events').values(rows).execute();
    });

    test('the log of the admin’s region, newest first, 50 a page', async () => {
      const page1 = await browser.get('/admin/audit');
      assert.equal(page1.statusCode, 200);
      assert.doesNotMatch(page1.body, /Uusimaa secret edit/);
      // 60 + 5 inserted, plus the account events of the two 08 users (invite + set-password each).
      const total = Number(/Tapahtumia: (\d+)/.exec(page1.body)?.[1]);
      assert.equal(total, 65 + 4);
      assert.equal(rowCount(page1.body), 50);
      assert.match(page1.body, /<a href="\/admin\/audit\?region=08&amp;page=2" rel="next">Seuraava sivu<\/a>/);
      const page2 = await browser.get('/admin/audit?region=08&page=2');
      assert.equal(rowCount(page2.body), total - 50);
      assert.match(page2.body, /Sivu 2\/2/);
      assert.match(page1.body, /<details><summary>Ennen ja jälkeen<\/summary>/);
    });

    test('filters: user, action, entity type and date range', async () => {
      const byUser = await browser.get(`/admin/audit?region=08&user=${editorId}`);
      assert.match(byUser.body, /Tapahtumia: 61/, '60 edits + the set-password of the editor');
      const byAction = await browser.get('/admin/audit?region=08&action=version.approve');
      assert.match(byAction.body, /Tapahtumia: 5/);
      const byEntity = await browser.get('/admin/audit?region=08&entity=node&from=2026-01-10&to=2026-01-12');
      // Days 10, 11, 12 of the 28-day cycle: i = 9, 10, 11, 37, 38, 39.
      assert.match(byEntity.body, /Tapahtumia: 6/);
      assert.match(byEntity.body, /<option value="node" selected>node<\/option>/);
      assert.match(byEntity.body, /value="2026-01-10"/);
      assert.match(
        byEntity.body,
        /href="\/admin\/audit\.csv\?region=08&amp;entity=node&amp;from=2026-01-10&amp;to=2026-01-12"/,
      );
    });

    test('a bad date is named in an error summary (400)', async () => {
      const res = await browser.get('/admin/audit?region=08&from=2026-02-30&to=yesterday&lang=sv');
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<a href="#field-from">Skriv datumet i formen ÅÅÅÅ-MM-DD/);
      assert.match(res.body, /<a href="#field-to">Skriv datumet/);
      const reversed = await browser.get('/admin/audit?region=08&from=2026-02-02&to=2026-02-01');
      assert.equal(reversed.statusCode, 400);
      assert.match(reversed.body, /Startdagen är senare än slutdagen/);
      assert.equal((await browser.get('/admin/audit.csv?region=08&from=2026-13-01')).statusCode, 400);
      await browser.get('/admin/audit?lang=fi');
    });

    test('the CSV holds exactly the filtered events, with before/after, and defuses formulas', async () => {
      const all = await csv('region=08');
      assert.equal(all.length, 69);
      assert.ok(all.every((r) => r['region'] === '08'));
      const filtered = await csv('region=08&entity=node&from=2026-01-10&to=2026-01-12');
      assert.deepEqual(filtered.map((r) => r['entity_id']).sort(), [
        '08-2022-2025/v3/node-10',
        '08-2022-2025/v3/node-11',
        '08-2022-2025/v3/node-37',
        '08-2022-2025/v3/node-38',
        '08-2022-2025/v3/node-39',
        '08-2022-2025/v3/node-9',
      ]);
      const one = filtered.find((r) => r['entity_id'] === '08-2022-2025/v3/node-9')!;
      assert.equal(one['actor'], 'muokkaaja@example.fi');
      assert.equal(one['action'], 'node.update');
      assert.deepEqual(JSON.parse(one['before']!), { title: { fi: 'Vanha 9' } });
      assert.deepEqual(JSON.parse(one['after']!), { title: { fi: 'Uusi 9' } });
      const approvals = await csv('region=08&action=version.approve');
      assert.equal(approvals.length, 5);
      assert.ok(
        approvals.some((r) => r['summary'] === `'=HYPERLINK("http://evil.example")`),
        'formula prefixed with an apostrophe',
      );
    });

    test('an admin of 08 cannot read the log of 01', async () => {
      assert.equal((await browser.get('/admin/audit?region=01')).statusCode, 403);
      assert.equal((await browser.get('/admin/audit.csv?region=01')).statusCode, 403);
    });
  });
}
