/**
 * Monitoring in the admin UI (issue 8), on every database: a statistics file's reviewed diff is
 * shown and nothing is written before Confirm (Cancel writes nothing, a stale review is a 409);
 * only editors of the region may upload, refused before the file is read; the CSRF token is
 * checked; an invalid file is a 400 naming the file, the JSON path and the reason; the overdue
 * list follows the app clock and names owners; editing an indicator writes audit events, a stale
 * revision is a 409 with the stored values, and a changed target supersedes the old one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildApp } from '#src/http/app.ts';
import { CLI_ACTOR } from '#src/domain/roles.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import {
  listIndicators,
  listObservations,
  listTargetHistory,
} from '#src/storage/repositories/indicators-repository.ts';
import { databaseTargets } from '../support/databases.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { all, formEntries, one, text } from '../support/html.ts';
import { DATA_DIR, REAL_DATA, requireData } from '../support/real-data.ts';
import { assertAdminPage, Browser, createUser, postMultipart, signedIn, useSignedInApp } from './admin-fixture.ts';

const UPLOAD = '/admin/regions/08/statistics/import';
const CONFIRM = `${UPLOAD}/confirm`;
const LIST = '/admin/regions/08/indicators';

const velk = (): string => readFileSync(join(DATA_DIR, 'pxweb/statfin/statfin-velk-jsonstat2-en.json'), 'utf8');

/** The body rows of the table matched by `selector`, as cell texts. */
function tableRows(html: string, selector: string): string[][] {
  return one(html, selector)
    .querySelectorAll('tbody tr')
    .map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text.trim()));
}

/** What a browser would send for the form matched by `selector`. */
function formEntriesOf(html: string, selector: string): Record<string, string> {
  return Object.fromEntries(formEntries(one(html, selector)));
}

/** The hidden fields of the review page's confirm form. */
function reviewFields(html: string): Record<string, string> {
  const form = one(html, `main form[action="${CONFIRM}"]`);
  const out: Record<string, string> = {};
  for (const input of form.querySelectorAll('input[type="hidden"]'))
    if (input.getAttribute('name') !== '_csrf') out[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  return out;
}

async function velkValue(ctx: AppContext): Promise<string | null> {
  const ind = (await listIndicators(ctx.db.kysely, '08')).find((i) => i.code === 'velkaantumisaste')!;
  return (await listObservations(ctx.db.kysely, [ind.id])).find((o) => o.area === 'SSS' && o.period === '2002')!.value;
}

for (const target of databaseTargets()) {
  describe(`monitoring in the admin UI (${target.name})`, REAL_DATA, () => {
    before(() => requireData());
    const web = useSignedInApp(target, {
      editor: { email: 'tilastot@example.fi' },
      viewer: { email: 'katsoja-t@example.fi', role: 'viewer' },
      elsewhere: { email: 'toinen-t@example.fi', role: 'admin', region: '01' },
    });
    const editor = web.as.editor;
    const send = (b: Browser, content: string, filename = 'velk.json', csrf?: string | null) =>
      postMultipart(b, UPLOAD, {}, { filename, content, type: 'application/json' }, csrf === undefined ? {} : { csrf });
    const decide = (b: Browser, fields: Record<string, string>, decision: 'confirm' | 'cancel', csrf?: string | null) =>
      postMultipart(b, CONFIRM, { ...fields, decision }, undefined, csrf === undefined ? {} : { csrf });

    test('the upload form: multipart with the CSRF field first, in three languages; linked from the indicator list', async () => {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const res = await editor.get(`${UPLOAD}?lang=${lang}`);
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assertAdminPage(res, lang, `statistics upload (${lang})`);
      }
      const res = await editor.get(`${UPLOAD}?lang=fi`);
      assert.equal(text(res.body, 'h1'), 'Tuo tilastoja – Kymenlaakso');
      const form = one(res.body, `main form[action="${UPLOAD}"]`);
      assert.equal(form.getAttribute('enctype'), 'multipart/form-data');
      assert.equal(form.querySelector('input')?.getAttribute('name'), '_csrf');
      assert.match((await editor.get(LIST)).body, new RegExp(`<a class="button" href="${UPLOAD}">`));
    });

    test('upload → the reviewed diff lists exactly the revised cell and writes nothing; Cancel writes nothing; Confirm writes it', async () => {
      await editor.get(UPLOAD);
      const before = await snapshot(web.ctx.db.kysely);
      const review = await send(editor, velk().replace('70.3', '71.25'), 'velk-revised.json');
      assert.equal(review.statusCode, 200, review.body.slice(0, 500));
      assertAdminPage(review, 'fi', 'review page');
      assert.deepEqual(tableRows(review.body, '#revised-velkaantumisaste'), [['SSS', '2002', '70,3', '71,25']]);
      assert.equal(review.body.match(/<table class="table diff-/g)?.length, 1, 'one table of changes in all');
      assert.deepEqual(
        tableRows(review.body, '#review-totals').map((r) => r.at(-1)),
        ['0', '1', '0', '1', '0'],
        'new, revised, withdrawn, unchanged, unit changes',
      );
      assert.ok(tableRows(review.body, '#review-datasets').length > 0, 'the datasets are listed');
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before, 'the review wrote nothing');
      const fields = reviewFields(review.body);
      assert.equal(fields['fileName'], 'velk-revised.json');
      assert.equal(Buffer.from(fields['file']!, 'base64').toString('utf8'), velk().replace('70.3', '71.25'));

      const cancel = await decide(editor, fields, 'cancel');
      assert.equal(cancel.statusCode, 303);
      assert.equal(cancel.headers.location, `${UPLOAD}?done=cancelled`);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before, 'Cancel wrote nothing');
      assert.equal(await velkValue(web.ctx), '70.3');

      const confirm = await decide(editor, fields, 'confirm');
      assert.equal(confirm.statusCode, 303, confirm.body.slice(0, 500));
      assert.equal(confirm.headers.location, `${UPLOAD}?done=imported`);
      assert.equal(await velkValue(web.ctx), '71.25');
      const events = (await listAuditEvents(web.ctx.db.kysely, { action: 'statistics.import' })).entries;
      assert.equal(events[0]?.actor, 'tilastot@example.fi');
      assert.match(events[0]?.summary ?? '', /velk-revised\.json: 0 new, 1 revised, 0 withdrawn/);
      const done = await editor.get(confirm.headers.location as string);
      assert.match(done.body, /Luvut tallennettiin/);
    });

    test('a confirmation of a review that another import made stale is a 409 with the new diff, and writes nothing', async () => {
      await editor.get(UPLOAD);
      const review = await send(editor, velk().replace('70.3', '72'), 'velk-72.json');
      assert.equal(review.statusCode, 200);
      const fields = reviewFields(review.body);
      await importStatistics(web.ctx.db, {
        bytes: Buffer.from(velk().replace('70.3', '73')),
        fileName: 'other.json',
        region: '08',
        actor: CLI_ACTOR,
      });
      assert.equal(await velkValue(web.ctx), '73');
      const before = await snapshot(web.ctx.db.kysely);
      const stale = await decide(editor, fields, 'confirm');
      assert.equal(stale.statusCode, 409, stale.body.slice(0, 500));
      assert.match(stale.body, /stored figures changed after this file was reviewed/);
      assert.deepEqual(tableRows(stale.body, '#revised-velkaantumisaste'), [['SSS', '2002', '73', '72']]);
      assert.notEqual(reviewFields(stale.body)['token'], fields['token'], 'a new review token');
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
      assert.equal(await velkValue(web.ctx), '73');
    });

    test('an invalid file is a 400 naming the file, the JSON path and the reason; nothing is written', async () => {
      await editor.get(UPLOAD);
      const before = await snapshot(web.ctx.db.kysely);
      const broken = JSON.stringify({
        version: '2.0',
        class: 'dataset',
        id: ['Tiedot', 'Vuosi', 'Alue'],
        size: [1, 1],
        dimension: {},
        value: [1],
      });
      const res = await send(editor, broken, 'rikki.json');
      assert.equal(res.statusCode, 400, res.body.slice(0, 400));
      assert.match(res.body, /rikki\.json/);
      const rows = tableRows(res.body, 'main table');
      assert.ok(rows.length > 0);
      assert.match(rows[0]![0]!, /^[$\w.[\]]+$/, `a JSON path: ${rows[0]![0]}`);
      assert.ok(rows[0]![1]!.length > 3, 'a reason');
      const notJson = await send(editor, '{"version": "2.0", ', 'katkennut.json');
      assert.equal(notJson.statusCode, 400);
      assert.match(notJson.body, /katkennut\.json/);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('missing or wrong CSRF token: 403 for the upload and the confirmation, nothing written', async () => {
      await editor.get(UPLOAD);
      const good = await send(editor, velk().replace('70.3', '74'), 'velk.json');
      const fields = reviewFields(good.body);
      const before = await snapshot(web.ctx.db.kysely);
      assert.equal((await send(editor, velk(), 'velk.json', null)).statusCode, 403);
      assert.equal((await send(editor, velk(), 'velk.json', 'forged')).statusCode, 403);
      assert.equal((await decide(editor, fields, 'confirm', null)).statusCode, 403);
      assert.equal((await decide(editor, fields, 'confirm', 'forged')).statusCode, 403);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('anonymous senders (401) and users without the role (403) are refused before the file is read', async () => {
      const { viewer, elsewhere } = web.as;
      const before = await snapshot(web.ctx.db.kysely);
      for (const [who, b] of [
        ['viewer', viewer],
        ['admin of another region', elsewhere],
      ] as const) {
        assert.equal((await b.get(UPLOAD)).statusCode, 403, `${who}: GET`);
        for (const url of [UPLOAD, CONFIRM]) {
          const res = await postMultipart(
            b,
            url,
            { decision: 'confirm' },
            { filename: 'velk.json', content: velk() },
            { headers: { accept: 'application/json' } },
          );
          assert.equal(res.statusCode, 403, `${who}: ${url}`);
          assert.match(res.body, /needs the role editor in region 08/);
        }
      }
      for (const url of [UPLOAD, CONFIRM]) {
        const anonymous = await postMultipart(
          new Browser(web.app),
          url,
          {},
          { filename: 'velk.json', content: velk() },
          { csrf: 'x', headers: { accept: 'application/json' } },
        );
        assert.equal(anonymous.statusCode, 401, url);
      }
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('the overdue list: the seeded 2022 figures are overdue now, with their owner; not with a clock before their due date', async () => {
      const now = await editor.get(LIST);
      assert.equal(now.statusCode, 200);
      assertAdminPage(now, 'fi', 'indicator list');
      const overdue = tableRows(now.body, '#overdue');
      const velkRow = overdue.find((r) => r[0] === 'Asuntokuntien velkaantumisaste');
      assert.ok(velkRow, `overdue: ${JSON.stringify(overdue)}`);
      assert.equal(velkRow[1], 'Kymenlaakson liitto, aluekehitys');
      assert.equal(tableRows(now.body, '#indicators').length, (await listIndicators(web.ctx.db.kysely, '08')).length);
      assert.match((await editor.get('/admin')).body, /<a href="\/admin\/regions\/08\/indicators">/);
      assert.match((await editor.get('/admin/indicators')).headers.location ?? '', /\/admin\/regions\/08\/indicators$/);

      const early = await buildApp({ ...web.ctx, clock: () => new Date('2023-06-01T00:00:00Z') });
      try {
        const b = await signedIn(
          early,
          await createUser(web.ctx, { email: 'kello@example.fi', role: 'viewer', region: '08' }),
        );
        const page = await b.get(LIST);
        assert.equal(page.statusCode, 200);
        assert.equal(all(page.body, '#overdue').length, 0, 'no overdue table');
        assert.match(page.body, /Minkään indikaattorin seuraava julkaisu ei ole myöhässä/);
        const row = tableRows(page.body, '#indicators').find((r) => r[0] === 'Asuntokuntien velkaantumisaste');
        assert.equal(row?.[5], '21.12.2023', 'due, not overdue');
      } finally {
        await early.close();
      }
    });

    test('editing an indicator: a new name is saved with an audit event; a stale revision is a 409 with the stored values', async () => {
      const url = `${LIST}/vaesto`;
      const page = await editor.get(url);
      assert.equal(page.statusCode, 200);
      assertAdminPage(page, 'fi', 'indicator edit page');
      const form = formEntriesOf(page.body, `main form[action="${url}"]`);
      const saved = await editor.post(url, { ...form, 'name.fi': 'Asukasluku' });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      assert.equal(saved.headers.location, `${url}?done=saved`);
      const ind = (await listIndicators(web.ctx.db.kysely, '08')).find((i) => i.code === 'vaesto')!;
      assert.equal(ind.name.fi, 'Asukasluku');
      const event = (await listAuditEvents(web.ctx.db.kysely, { action: 'indicators.edit' })).entries[0]!;
      assert.equal(event.actor, 'tilastot@example.fi');
      assert.match(event.summary, /Asukasluku/);

      const before = await snapshot(web.ctx.db.kysely);
      const stale = await editor.post(url, { ...form, 'name.fi': 'Väkimäärä' });
      assert.equal(stale.statusCode, 409);
      const conflict = tableRows(stale.body, '.conflict-table');
      assert.deepEqual(conflict[0], ['Nimi – suomi', 'Asukasluku', 'Väkimäärä']);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
      const bad = await editor.post(url, {
        ...formEntriesOf((await editor.get(url)).body, `main form[action="${url}"]`),
        'name.fi': '',
        direction: 'up',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#field-name-fi"/);
      assert.match(bad.body, /href="#field-direction"/);
    });

    test('a changed target supersedes the old one, shown in the history; a stale form is a 409', async () => {
      const url = `${LIST}/vaesto`;
      const page = await editor.get(url);
      const form = formEntriesOf(page.body, `main form[action="${url}/targets"]`);
      const res = await editor.post(`${url}/targets`, {
        ...form,
        'target-period': '2040',
        'target-value': '152000',
        'target-area': 'MK08',
        'target-decision': 'Maakuntavaltuusto 2025',
        'target-decided': '2025-06-09',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      const ind = (await listIndicators(web.ctx.db.kysely, '08')).find((i) => i.code === 'vaesto')!;
      assert.deepEqual(
        ind.targets.map((t) => [t.area, t.period, t.value]),
        [['MK08', '2040', '152000']],
      );
      const history = await listTargetHistory(web.ctx.db.kysely, ind.id);
      assert.deepEqual(
        history.map((h) => [h.value, h.supersededAt === null]),
        [
          ['150200', false],
          ['152000', true],
        ],
      );
      const event = (await listAuditEvents(web.ctx.db.kysely, { action: 'indicators.target' })).entries[0]!;
      assert.match(event.summary, /150200 → 152000/);
      const shown = await editor.get(url);
      const rows = tableRows(shown.body, '#target-history');
      assert.deepEqual(
        rows.map((r) => [r[2], r[5]]),
        [
          ['150\u00a0200', rows[0]![5]!],
          ['152\u00a0000', 'voimassa'],
        ],
      );
      assert.notEqual(rows[0]![5], 'voimassa');

      const before = await snapshot(web.ctx.db.kysely);
      const stale = await editor.post(`${url}/targets`, {
        ...form,
        'target-period': '2030',
        'target-value': '1',
        'target-area': 'MK08',
        'target-decision': 'x',
      });
      assert.equal(stale.statusCode, 409);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
      const invalid = await editor.post(`${url}/targets`, {
        ...formEntriesOf(shown.body, `main form[action="${url}/targets"]`),
        'target-period': '20x0',
        'target-value': 'paljon',
        'target-area': 'MK08',
        'target-decision': 'x',
      });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /href="#field-target-period"/);
      assert.match(invalid.body, /href="#field-target-value"/);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });
  });
}
