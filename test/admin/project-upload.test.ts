/**
 * The project list upload in the admin UI, on every database: a valid CSV is stored with an audit
 * event of the signed-in user and the same file again changes nothing; a file with a bad row is
 * refused with a table of its problems and the database unchanged; "skip invalid rows" stores the
 * rest and offers the rejected rows as a CSV; only editors and admins of the region may upload;
 * the CSRF token is checked for multipart posts; an oversized file is refused with a message.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { MAX_UPLOAD_MB } from '#src/http/admin/projects/project-upload-routes.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { csv, PROJECT_COLUMNS, sampleProjectRows } from '../projects/support.ts';
import { databaseTargets } from '../support/databases.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { assertAdminPage, Browser, postMultipart, useSignedInApp } from './admin-fixture.ts';
import { one, tableRows, text } from '../support/html.ts';

const URL = '/admin/regions/08/projects/import';

/** The sample projects' columns without business ids, partners and paid money. */
const HEADER = PROJECT_COLUMNS.filter((c) => !['lead_business_id', 'partners', 'paid_eur'].includes(c));
const ROWS = sampleProjectRows(HEADER);
const GOOD = csv([HEADER, ...ROWS]);
/** KY-002 with a start date that does not exist. */
const BAD_ROWS = ROWS.map((r, i) =>
  i === 1 ? r.map((v, j) => (HEADER[j] === 'start_date' ? '31.2.2020' : v)) : [...r],
);
const BAD = csv([HEADER, ...BAD_ROWS]);

const upload = (
  browser: Browser,
  content: string | Uint8Array,
  fields: Record<string, string> = {},
  filename = 'hankkeet.csv',
): Promise<LightMyRequestResponse> =>
  postMultipart(browser, URL, { preset: 'suunta', encoding: '', ...fields }, { filename, content });

for (const target of databaseTargets()) {
  describe(`project list upload in the admin UI (${target.name})`, () => {
    const web = useSignedInApp(target, {
      editor: { email: 'hankevastaava@example.fi' },
      viewer: { email: 'katsoja@example.fi', role: 'viewer' },
      moderator: { email: 'moderaattori@example.fi', role: 'moderator' },
      elsewhere: { email: 'uusimaa@example.fi', role: 'admin', region: '01' },
      other: { email: 'toinen@example.fi' },
      admin: { email: 'paakayttaja@example.fi', role: 'admin' },
    });
    const editor = web.as.editor;

    test('the form: file, mapping presets, encoding and "skip invalid rows", posted as multipart with the CSRF token; linked from the dashboard', async () => {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const res = await editor.get(`${URL}?lang=${lang}`);
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assertAdminPage(res, lang, `import form (${lang})`);
      }
      const res = await editor.get(`${URL}?lang=fi`);
      assert.equal(text(res.body, 'h1'), 'Tuo hankkeita – Kymenlaakso');
      const form = one(res.body, 'main form[action="/admin/regions/08/projects/import"]');
      assert.deepEqual([form.getAttribute('method'), form.getAttribute('enctype')], ['post', 'multipart/form-data']);
      const first = form.querySelector('input');
      assert.deepEqual(
        [first?.getAttribute('type'), first?.getAttribute('name')],
        ['hidden', '_csrf'],
        'the CSRF field comes first',
      );
      assert.match(first?.getAttribute('value') ?? '', /^\S+$/);
      const file = one(form, 'input#field-file');
      assert.deepEqual(
        [file.getAttribute('type'), file.getAttribute('name'), file.hasAttribute('required')],
        ['file', 'file', true],
      );
      assert.equal(file.getAttribute('aria-describedby'), 'field-file-hint');
      for (const preset of ['suunta', 'rakennerahastot-fi-2014-2020', 'rakennerahastot-fi-2007-2013'])
        assert.match(res.body, new RegExp(`<option value="${preset}"`));
      // The default: the preset whose columns the header has (else suunta).
      assert.match(res.body, /<option value="" selected>Tunnista otsikkorivistä \(muuten suunta\)<\/option>/);
      assert.match(res.body, /<select id="field-encoding" name="encoding"/);
      assert.match(res.body, /<input type="checkbox" id="field-skipInvalid" name="skipInvalid" value="on"/);
      assert.match(res.body, /enintään 20 Mt/);
      const dashboard = await editor.get('/admin');
      assert.match(dashboard.body, /<a href="\/admin\/regions\/08\/projects\/import">Tuo hankeluettelo<\/a>/);
      assert.doesNotMatch((await web.as.viewer.get('/admin')).body, /projects\/import/, 'viewers get no link');
    });

    test('a valid CSV is stored, with an audit event of the user in the same transaction; the same file again changes nothing', async () => {
      const res = await upload(editor, GOOD);
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      assertAdminPage(res, 'fi', 'import result');
      assert.match(res.body, /Tiedosto hankkeet\.csv tuotiin: 3 riviä luettu \(merkistö UTF-8, tunnistettu\)\./);
      assert.deepEqual(tableRows(res.body, /^Hankkeet$/), [
        ['Lisätty', '3'],
        ['Muutettu', '0'],
        ['Ennallaan', '0'],
        ['Hylätty', '0'],
      ]);
      assert.match(res.body, /<a href="\/fi\/kymenlaakso\/projects\/">/);
      const stored = await snapshot(web.ctx.db.kysely);
      assert.equal(stored.counts['projects'], 3);
      const codes = (stored.rows['projects'] as { code: string; region_code: string }[]).map(
        (p) => `${p.region_code}/${p.code}`,
      );
      assert.deepEqual(codes.sort(), ['08/KY-001', '08/KY-002', '08/KY-003']);

      const { entries } = await listAuditEvents(web.ctx.db.kysely, { regionCode: '08', action: 'projects.import' });
      assert.equal(entries.length, 1);
      const event = entries[0]!;
      assert.equal(event.actor, 'hankevastaava@example.fi');
      assert.ok(event.userId !== null);
      assert.equal(event.entityType, 'projects');
      assert.equal(event.entityId, '08/projects');
      assert.equal(event.summary, 'Imported hankkeet.csv (preset suunta): 3 added, 0 changed, 0 unchanged, 0 rejected');
      assert.deepEqual(event.after, {
        file: 'hankkeet.csv',
        mapping: 'preset suunta',
        rows: 3,
        added: 3,
        changed: 0,
        unchanged: 0,
        rejected: 0,
        addedCodes: ['KY-001', 'KY-002', 'KY-003'],
        changedCodes: [],
      });

      const again = await upload(editor, GOOD);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(
        tableRows(again.body, /^Hankkeet$/).map((r) => r[1]),
        ['0', '0', '3', '0'],
      );
      assert.match(again.body, /Mikään ei muuttunut/);
      assert.deepEqual(
        await snapshot(web.ctx.db.kysely),
        stored,
        'the same file again writes nothing, not even an audit event',
      );
    });

    test('a file with a bad row: 400, nothing written, and the problem in a table (row, column, reason)', async () => {
      const before = await snapshot(web.ctx.db.kysely);
      const res = await upload(editor, BAD, { lang: 'en' }, 'bad.csv');
      assert.equal(res.statusCode, 400);
      assertAdminPage(res, 'fi', 'refused import');
      assert.match(res.body, /<h2 id="import-outcome">Mitään ei tuotu<\/h2>/);
      assert.match(
        res.body,
        /<div class="notice notice-error" role="alert"><p>Tiedostossa bad\.csv on virheitä \(1\), joten mitään ei tallennettu\./,
      );
      assert.match(
        res.body,
        /<caption>Virheet \(1\)<\/caption><thead><tr><th scope="col">Rivi<\/th><th scope="col">Sarake<\/th><th scope="col">Syy<\/th>/,
      );
      assert.deepEqual(tableRows(res.body, /^Virheet/), [
        ['3', 'start_date', '"31.2.2020" is not a date: February 2020 has 29 days'],
      ]);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before, 'nothing was written');

      // A missing column is named at the header; the page is in the user's language.
      const noStatus = csv([
        HEADER.filter((h) => h !== 'status'),
        ...ROWS.map((r) => r.filter((_, j) => HEADER[j] !== 'status')),
      ]);
      const header = await upload(editor, noStatus, {}, 'no-status.csv');
      assert.equal(header.statusCode, 400);
      assert.deepEqual(tableRows(header.body, /^Virheet/), [['1', 'status', 'missing required column']]);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('many bad rows: the first 50 are listed with the total', async () => {
      const before = await snapshot(web.ctx.db.kysely);
      const rows = Array.from({ length: 70 }, (_, i) => [
        `KY-${100 + i}`,
        `Hanke ${i}`,
        '',
        '',
        '',
        'ei päivä',
        '',
        'running',
        '',
        '',
        '',
        '',
        '',
      ]);
      const res = await upload(editor, csv([HEADER, ...rows]), {}, 'many.csv');
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<caption>Virheet: ensimmäiset 50, yhteensä 70<\/caption>/);
      assert.equal(tableRows(res.body, /^Virheet/).length, 50);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('"skip invalid rows" stores the valid rows, lists the rejected ones and offers them as a CSV', async () => {
      const rows = [
        ...BAD_ROWS.map((r) => [...r]),
        ['KY-004', 'Uusi hanke', '', '', '', '', '', 'running', '', '', '', '', ''],
      ];
      rows[0]![2] = 'Port logistics, changed';
      const res = await upload(editor, csv([HEADER, ...rows]), { skipInvalid: 'on' }, 'osittain.csv');
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      assert.deepEqual(
        tableRows(res.body, /^Hankkeet$/).map((r) => r[1]),
        ['1', '1', '1', '1'],
      );
      assert.match(res.body, /<h3>Hylätyt rivit<\/h3>/);
      assert.deepEqual(tableRows(res.body, /^Virheet/), [
        ['3', 'start_date', '"31.2.2020" is not a date: February 2020 has 29 days'],
      ]);
      assert.match(
        res.body,
        /<input type="checkbox" id="field-skipInvalid" name="skipInvalid" value="on" checked/,
        'the choice is kept',
      );
      assert.equal((await snapshot(web.ctx.db.kysely)).counts['projects'], 4);
      const { entries } = await listAuditEvents(web.ctx.db.kysely, { regionCode: '08', action: 'projects.import' });
      assert.equal(
        entries[0]!.summary,
        'Imported osittain.csv (preset suunta): 1 added, 1 changed, 1 unchanged, 1 rejected',
      );

      // The download form sends the rows back; the answer is the CSV the command line writes.
      const form =
        /<form method="post" action="(\/admin\/regions\/08\/projects\/import\/rejects)" enctype="multipart\/form-data" class="stack">([\s\S]*?)<\/form>/.exec(
          res.body,
        );
      assert.ok(form, 'a download form');
      const hidden = Object.fromEntries(
        [...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [
          m[1]!,
          unescapeHtml(m[2]!),
        ]),
      );
      assert.deepEqual(Object.keys(hidden).sort(), ['_csrf', 'rejects', 'source']);
      const before = await snapshot(web.ctx.db.kysely);
      const download = await postMultipart(
        editor,
        form[1]!,
        { source: hidden['source']!, rejects: hidden['rejects']! },
        undefined,
        { csrf: hidden['_csrf']! },
      );
      assert.equal(download.statusCode, 200, download.body.slice(0, 300));
      assert.equal(download.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(download.headers['content-disposition'], 'attachment; filename="osittain-rejected.csv"');
      assert.equal(download.headers['cache-control'], 'no-store');
      assert.equal(
        download.body,
        '\ufeffrow,lines,problems,raw\r\n' +
          ('3,3,"column ""start_date"": ""31.2.2020"" is not a date: February 2020 has 29 ' +
            'days","KY-002,Kouvolan osaamiskeskus,,Kouvolan kaupunki,286,31.2.2020,31.12.2021,ended,,,ESR,,443909"\r\n'),
      );
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before, 'the download writes nothing');
      const junk = await postMultipart(editor, form[1]!, { source: 'x.csv', rejects: '{"not":"rows"}' });
      assert.equal(junk.statusCode, 400);
    });

    test('JSON and Windows-1252 files, with the encoding chosen or detected', async () => {
      const items = [{ code: 'KY-010', name_fi: 'Ääkköset kunniaan', status: 'planned', municipalities: 'Kotka' }];
      const json = await upload(editor, JSON.stringify(items), {}, 'hankkeet.json');
      assert.equal(json.statusCode, 200, json.body.slice(0, 500));
      assert.deepEqual(
        tableRows(json.body, /^Hankkeet$/).map((r) => r[1]),
        ['1', '0', '0', '0'],
      );
      const badJson = await upload(
        editor,
        JSON.stringify([{ code: 'KY-011', name_fi: 'X', status: 'someday' }]),
        {},
        'huono.json',
      );
      assert.equal(badJson.statusCode, 400);
      assert.equal(tableRows(badJson.body, /^Virheet/)[0]![0], 'kohde 1', 'JSON problems are placed by item');

      const latin1 = Uint8Array.from(
        [
          ...csv([
            ['code', 'name_fi', 'status'],
            ['KY-012', 'Pyhtään kylät', 'running'],
          ]),
        ].map((c) => c.charCodeAt(0)),
      );
      const detected = await upload(editor, latin1, {}, 'latin1.csv');
      assert.equal(detected.statusCode, 200, detected.body.slice(0, 500));
      assert.match(detected.body, /merkistö Windows-1252, tunnistettu/);
      const declared = await upload(editor, latin1, { encoding: 'utf-8' }, 'latin1.csv');
      assert.equal(declared.statusCode, 400, 'declared UTF-8 but is not');
      assert.match(tableRows(declared.body, /^Virheet/)[0]![2]!, /not valid UTF-8/);
      const chosen = await upload(editor, latin1, { encoding: 'windows-1252' }, 'latin1.csv');
      assert.equal(chosen.statusCode, 200);
      assert.match(chosen.body, /merkistö Windows-1252\)/);
    });

    test('"detect from the header": an exact header picks its preset and says so; a near one is refused naming it', async () => {
      const fixtures = `${import.meta.dirname}/../projects/fixtures/`;
      const exact = readFileSync(`${fixtures}rakennerahastot-2014-exact.csv`);
      const res = await upload(editor, exact, { preset: '' }, 'lista.csv');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(
        res.body,
        /Käytettiin esiasetusta rakennerahastot-fi-2014-2020 \(tiedoston otsikkorivi vastaa sitä\)\./,
      );
      const near = readFileSync(`${fixtures}rakennerahastot-2014-near.csv`);
      const refused = await upload(editor, near, { preset: '' }, 'lahes.csv');
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /nearly matches the preset &#34;rakennerahastot-fi-2014-2020&#34;/);
      assert.match(refused.body, /missing &#34;Tila&#34;; unexpected &#34;Toiminnan tila&#34;, &#34;Huomio&#34;/);
    });

    test('form errors name the field: no file, an unknown preset or encoding; the file name is escaped', async () => {
      const before = await snapshot(web.ctx.db.kysely);
      const none = await postMultipart(editor, URL, { preset: 'suunta', encoding: '' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /<a href="#field-file">Valitse tuotava tiedosto\.<\/a>/);
      const empty = await postMultipart(
        editor,
        URL,
        { preset: 'suunta' },
        { filename: '', content: '', type: 'application/octet-stream' },
      );
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /href="#field-file"/);
      const preset = await upload(editor, GOOD, { preset: '../../etc/passwd' });
      assert.equal(preset.statusCode, 400);
      assert.match(preset.body, /href="#field-preset"/);
      const encoding = await upload(editor, GOOD, { encoding: 'ebcdic' });
      assert.equal(encoding.statusCode, 400);
      assert.match(encoding.body, /href="#field-encoding"/);
      const named = await upload(editor, BAD, {}, '<script>x.csv');
      assert.equal(named.statusCode, 400);
      assert.ok(!named.body.includes('<script>'), 'the file name is escaped');
      assert.match(named.body, /Tiedostossa &lt;script(>|&gt;)x\.csv on virheitä/);
      const path = await upload(editor, BAD, {}, 'C:\\Users\\me\\bad.csv');
      assert.match(path.body, /Tiedostossa bad\.csv on virheitä/, 'a path sent with the name is dropped');
      const urlencoded = await editor.post(URL, { preset: 'suunta' });
      assert.equal(urlencoded.statusCode, 400, 'a form without the file (not multipart) is a 400');
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('an oversized file is refused with a message (413) and nothing is written', async () => {
      const before = await snapshot(web.ctx.db.kysely);
      const big = Buffer.alloc(MAX_UPLOAD_MB * 1024 * 1024 + 1, 'a');
      big.write(GOOD);
      const res = await upload(editor, big, {}, 'iso.csv');
      assert.equal(res.statusCode, 413);
      assertAdminPage(res, 'fi', 'too large');
      assert.match(res.body, /<a href="#field-file">Tiedosto on liian suuri: enintään 20 Mt\. Mitään ei tuotu\./);
      assert.match(res.body, /<p class="field-error-message" id="field-file-error">Tiedosto on liian suuri/);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
      const json = await postMultipart(
        editor,
        URL,
        { preset: 'suunta' },
        { filename: 'iso.csv', content: big },
        { headers: { accept: 'application/json' } },
      );
      assert.equal(json.statusCode, 413);
    });

    test("the CSRF token is checked on multipart posts: none, another session's or a forged one is refused and nothing is written", async () => {
      const { other } = web.as;
      await editor.get(URL);
      const before = await snapshot(web.ctx.db.kysely);
      const changed = csv([HEADER, ...ROWS.map((r) => [...r.slice(0, 1), `${r[1]} (muutettu)`, ...r.slice(2)])]);
      const missing = await postMultipart(
        editor,
        URL,
        { preset: 'suunta' },
        { filename: 'x.csv', content: changed },
        { csrf: null },
      );
      assert.equal(missing.statusCode, 403);
      assert.match(missing.body, /CSRF|lomake/i);
      assert.notEqual(other.csrf, editor.csrf);
      const wrong = await postMultipart(
        editor,
        URL,
        { preset: 'suunta' },
        { filename: 'x.csv', content: changed },
        { csrf: other.csrf },
      );
      assert.equal(wrong.statusCode, 403);
      const forged = await postMultipart(
        editor,
        URL,
        { preset: 'suunta' },
        { filename: 'x.csv', content: changed },
        { csrf: null, headers: { 'x-csrf-token': 'forged', accept: 'application/json' } },
      );
      assert.equal(forged.statusCode, 403);
      assert.match(forged.body, /CSRF/);
      const rejects = await postMultipart(editor, `${URL}/rejects`, { source: 'x.csv', rejects: '[]' }, undefined, {
        csrf: null,
      });
      assert.equal(rejects.statusCode, 403, 'the download form needs the token too');
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
      // The token in the x-csrf-token header works as well as the field.
      await editor.get(URL);
      const header = await postMultipart(
        editor,
        URL,
        { preset: 'suunta' },
        { filename: 'x.csv', content: GOOD },
        { csrf: null, headers: { 'x-csrf-token': editor.csrf } },
      );
      assert.equal(header.statusCode, 200);
    });

    test('only editors and admins of the region may upload: others get 403 (before the file is read), anonymous 401', async () => {
      const { viewer, moderator, elsewhere } = web.as;
      const before = await snapshot(web.ctx.db.kysely);
      for (const [who, browser] of [
        ['viewer', viewer],
        ['moderator', moderator],
        ['admin of another region', elsewhere],
      ] as const) {
        const page = await browser.get(URL, { accept: 'application/json' });
        assert.equal(page.statusCode, 403, `${who}: GET`);
        const res = await upload(browser, GOOD, {}, 'x.csv');
        assert.equal(res.statusCode, 403, `${who}: POST`);
        const json = await postMultipart(
          browser,
          URL,
          { preset: 'suunta' },
          { filename: 'x.csv', content: GOOD },
          { headers: { accept: 'application/json' } },
        );
        assert.equal(json.statusCode, 403);
        assert.match(json.body, /needs the role editor in region 08/, `${who}: refused for the role`);
      }
      const anonymous = await postMultipart(
        new Browser(web.app),
        URL,
        { preset: 'suunta' },
        { filename: 'x.csv', content: GOOD },
        { csrf: 'x', headers: { accept: 'application/json' } },
      );
      assert.equal(anonymous.statusCode, 401);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
      const { admin } = web.as;
      assert.equal((await admin.get(URL)).statusCode, 200, 'admins of the region may');
      assert.equal((await upload(admin, GOOD, {}, 'x.csv')).statusCode, 200);
    });

    test('a malformed form is a 400 and writes nothing: two files, an overlong field, broken multipart', async () => {
      const before = await snapshot(web.ctx.db.kysely);
      await editor.get(URL);
      const boundary = 'b0undary';
      const part = (name: string, value: string, filename?: string): string =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;
      const send = (payload: string): Promise<LightMyRequestResponse> =>
        web.app.inject({
          method: 'POST',
          url: URL,
          headers: {
            cookie: editor.jar.header(),
            'content-type': `multipart/form-data; boundary=${boundary}`,
            accept: 'application/json',
          },
          payload,
        });
      const twoFiles = await send(
        part('_csrf', editor.csrf) + part('file', GOOD, 'a.csv') + part('file2', GOOD, 'b.csv') + `--${boundary}--\r\n`,
      );
      assert.equal(twoFiles.statusCode, 400);
      assert.match(twoFiles.body, /one file only/);
      const long = await send(
        part('_csrf', editor.csrf) +
          part('preset', 'x'.repeat(5 * 1024 * 1024)) +
          part('file', GOOD, 'a.csv') +
          `--${boundary}--\r\n`,
      );
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /preset: the value is longer than/);
      const broken = await send(
        part('_csrf', editor.csrf) +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nKY-1,`,
      );
      assert.equal(broken.statusCode, 400, `broken multipart: ${broken.body}`);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before);
    });

    test('a region code that is not one is a 404', async () => {
      assert.equal((await editor.get('/admin/regions/8x/projects/import')).statusCode, 404);
    });
  });
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
