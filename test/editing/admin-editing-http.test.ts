/**
 * The programme editor through HTTP with signed-in editors: the whole update cycle (start an
 * update, edit in three languages, send to consultation, approve, see it public), two editors
 * saving the same node (the second gets 409 with both texts shown and nothing lost), field errors,
 * refusals of non-draft edits, moving and deleting, terms and council entries.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findByKey } from '#src/domain/tree.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { type Browser, useSignedInApp } from '../admin/admin-fixture.ts';
import { all, formEntries } from '../support/html.ts';
import { databaseTargets } from '../support/databases.ts';
import { MEASURE, PRIORITY, THEME } from './editing-fixture.ts';

const BASE = '/admin/regions/08/programmes/2022-2025';
const V3 = `${BASE}/versions/3`;

/**
 * The fields of the first form on `html` whose action is `action` (and which contains `marker`):
 * hidden and text inputs, textareas, selected options, checked boxes.
 */
function formFields(html: string, action: string, marker = ''): Record<string, string | string[]> {
  const form = all(html, 'form').find((f) => f.getAttribute('action') === action && f.outerHTML.includes(marker));
  assert.ok(form !== undefined, `a form posting to ${action}${marker ? ` with ${marker}` : ''}`);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of formEntries(form)) {
    if (name === '_csrf') continue;
    const old = out[name];
    out[name] = old === undefined ? value : [...[old].flat(), value];
  }
  return out;
}

async function post(browser: Browser, url: string, fields: Record<string, string | string[]>) {
  // Browser.post takes single values; repeated fields (checkboxes) are joined by sending them as URLSearchParams.
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
  params.append('_csrf', browser.csrf);
  const res = await browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString(),
  });
  browser.jar.update(res);
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (m) browser.csrf = m[1]!;
  return res;
}

for (const target of databaseTargets()) {
  describe(`programme editor over HTTP (${target.name})`, () => {
    const web = useSignedInApp(target, {
      anna: { email: 'anna@example.fi' },
      bertil: { email: 'bertil@example.fi' },
      viewer: { email: 'ville@example.fi', role: 'viewer' },
    });
    const { anna, bertil, viewer } = web.as;

    test('the approved version is read-only: a note, no forms, and a forged save is refused with 409', async () => {
      const page = await anna.get(`${BASE}/versions/2`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Tämä versio on hyväksytty, eikä sitä voi muokata/);
      assert.doesNotMatch(page.body, /action="[^"]*\/nodes\/[^"]*\/move"/, 'no move buttons');
      const node = await anna.get(`${BASE}/versions/2/nodes/${PRIORITY}`);
      assert.doesNotMatch(node.body, /<input[^>]+name="title\.fi"/, 'no text inputs');
      const res = await post(anna, `${BASE}/versions/2/nodes/${PRIORITY}`, {
        revision: '1',
        slug: PRIORITY,
        'title.fi': 'Väärin',
      });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Versio 2 on hyväksytty, eikä sitä voi muokata; vain luonnosta voi muokata/);
      for (const [lang, text] of [
        ['sv', /Version 2 är godkänd och kan inte redigeras; endast ett utkast kan redigeras/],
        ['en', /Version 2 is approved and cannot be edited; only a draft can be edited/],
      ] as const) {
        await anna.get(`${BASE}/versions/2?lang=${lang}`);
        const again = await post(anna, `${BASE}/versions/2/nodes/${PRIORITY}`, { revision: '1', slug: PRIORITY });
        assert.equal(again.statusCode, 409);
        assert.match(again.body, text, lang);
      }
      await anna.get(`${BASE}/versions/2?lang=fi`);
      assert.equal(
        findByKey((await web.ctx.reader.versionContent('08', '2022-2025', 2)).nodes, PRIORITY)!.title.fi,
        'Elinkeinoelämän uudistaminen',
      );
    });

    test('a viewer sees the pages but no edit forms', async () => {
      const page = await viewer.get(BASE);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Sinulla on tällä alueella vain lukuoikeus/);
      assert.doesNotMatch(page.body, /action="[^"]*\/updates"/);
      const res = await post(viewer, `${BASE}/updates`, {});
      assert.equal(res.statusCode, 403);
    });

    test('start an update, edit a priority in three languages, send to consultation, approve: the public site and versions page follow', async () => {
      let res = await post(anna, `${BASE}/updates`, {});
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers['location'], `${V3}?done=update-started`);
      let page = await anna.get(`${V3}?done=update-started`);
      assert.match(page.body, /Päivitys aloitettiin/);
      assert.ok(page.body.includes(`href="${V3}/nodes/${PRIORITY}"`), 'the tree links the priority');

      const url = `${V3}/nodes/${PRIORITY}`;
      page = await anna.get(url);
      const fields = formFields(page.body, url);
      assert.equal(fields['title.fi'], 'Elinkeinoelämän uudistaminen');
      assert.deepEqual([fields['terms']].flat().sort(), [
        'crosscutting/digitalisation',
        'crosscutting/sustainable-development',
        'spearheads/digital-economy',
        'spearheads/logistics',
      ]);
      res = await post(anna, url, {
        ...fields,
        'title.sv': 'Förnyelse av näringslivet',
        'title.en': 'Renewing the economy',
        'summary.fi': 'Elinkeinoelämää uudistetaan ja monipuolistetaan.',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      page = await anna.get(res.headers['location'] as string);
      assert.match(page.body, /Muutokset tallennettiin/);
      assert.match(page.body, /translation-stale/, 'the English summary is now marked stale');
      assert.ok(page.body.includes('value="Förnyelse av näringslivet"'));

      // The draft is public by URL with an unmistakable banner; the default stays version 2.
      let pub = await web.app.inject({
        url: `/sv/kymenlaakso/2022-2025/versions/3/innovatiivinen-kymenlaakso/${PRIORITY}/`,
      });
      assert.equal(pub.statusCode, 200);
      assert.match(pub.body, /banner-warning/);
      assert.ok(pub.body.includes('Förnyelse av näringslivet'));
      pub = await web.app.inject({ url: `/sv/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/${PRIORITY}/` });
      assert.ok(!pub.body.includes('Förnyelse av näringslivet'), 'the approved version is still the default');

      // Consultation, then approval with a decision that is first incomplete.
      page = await anna.get(BASE);
      const consult = formFields(page.body, `${V3}/lifecycle`, 'value="consult"');
      res = await post(anna, `${V3}/lifecycle`, consult);
      assert.equal(res.statusCode, 303);
      page = await anna.get(res.headers['location'] as string);
      assert.match(page.body, /Versio lähetettiin lausunnolle/);
      const node = await anna.get(url);
      assert.match(node.body, /Tämä versio ei ole luonnos/);
      const approve = formFields(page.body, `${V3}/lifecycle`, 'value="approve"');
      assert.equal(approve['action'], 'approve', 'the approval form is offered for the version in consultation');
      res = await post(anna, `${V3}/lifecycle`, {
        ...approve,
        'decisionBody.fi': '',
        decisionDate: '19.12.2026',
        decisionReference: '',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.ok(res.body.includes('href="#field-decisionDate"'));
      res = await post(anna, `${V3}/lifecycle`, {
        ...approve,
        'decisionBody.fi': 'Kymenlaakson maakuntavaltuusto',
        'decisionBody.sv': 'Kymmenedalens landskapsfullmäktige',
        decisionDate: '2026-12-14',
        decisionReference: '§ 40',
      });
      assert.equal(res.statusCode, 303);
      pub = await web.app.inject({ url: `/sv/kymenlaakso/2022-2025/innovatiivinen-kymenlaakso/${PRIORITY}/` });
      assert.ok(pub.body.includes('Förnyelse av näringslivet'), 'the approved update is now the public default');
      assert.doesNotMatch(pub.body, /banner-warning/);
      const versions = await web.app.inject({ url: '/fi/kymenlaakso/2022-2025/versions/' });
      assert.match(versions.body, /14\.12\.2026/);
      assert.match(versions.body, /§ 40/);
      const statuses = (await web.ctx.reader.versions('08', '2022-2025')).map((v) => v.status);
      assert.deepEqual(statuses, ['superseded', 'superseded', 'approved']);
      const actions = (await listAuditEvents(web.ctx.db.kysely, { regionCode: '08' })).entries.map(
        (e) => `${e.actor} ${e.action}`,
      );
      for (const a of [
        'anna@example.fi version.start-update',
        'anna@example.fi node.update',
        'anna@example.fi version.consult',
        'anna@example.fi version.approve',
        'anna@example.fi version.supersede',
      ])
        assert.ok(actions.includes(a), a);
    });

    test('two editors save the same node: the second gets 409 with both texts side by side; nothing is lost', async () => {
      await post(anna, `${BASE}/updates`, {});
      const url = `${BASE}/versions/4/nodes/${MEASURE}`;
      const a = formFields((await anna.get(url)).body, url);
      const b = formFields((await bertil.get(url)).body, url);
      assert.equal(a['revision'], b['revision']);
      let res = await post(anna, url, { ...a, 'title.fi': 'Annan otsikko' });
      assert.equal(res.statusCode, 303);
      res = await post(bertil, url, { ...b, 'title.fi': 'Bertilin otsikko' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Joku muu muutti tätä samaan aikaan/);
      assert.match(
        res.body,
        /<td class="conflict-stored">Annan otsikko<\/td><td class="conflict-yours">Bertilin otsikko<\/td>/,
        'both texts side by side',
      );
      const again = formFields(res.body, url);
      assert.equal(again['title.fi'], 'Bertilin otsikko', 'the second editor’s input stays in the form');
      assert.equal(Number(again['revision']), Number(a['revision']) + 1, 'the form now carries the stored revision');
      assert.equal(
        findByKey((await web.ctx.reader.versionContent('08', '2022-2025', 4)).nodes, MEASURE)!.title.fi,
        'Annan otsikko',
        'the first save survives',
      );
      // Having seen both, the second editor saves deliberately.
      res = await post(bertil, url, { ...again, 'title.fi': 'Annan ja Bertilin otsikko' });
      assert.equal(res.statusCode, 303);
      assert.equal(
        findByKey((await web.ctx.reader.versionContent('08', '2022-2025', 4)).nodes, MEASURE)!.title.fi,
        'Annan ja Bertilin otsikko',
      );
      const updates = (await listAuditEvents(web.ctx.db.kysely, { action: 'node.update' })).entries.filter((e) =>
        e.entityId.endsWith(`/v4/${MEASURE}`),
      );
      assert.deepEqual(
        updates.map((e) => e.actor),
        ['bertil@example.fi', 'anna@example.fi'],
      );
    });

    test('field errors come back with the input kept and an error summary; HTML in a body is refused', async () => {
      const url = `${BASE}/versions/4/nodes/${PRIORITY}`;
      const fields = formFields((await anna.get(url)).body, url);
      const res = await post(anna, url, {
        ...fields,
        'title.fi': '',
        'body.sv': 'Text <script>alert(1)</script>',
        slug: 'search',
      });
      assert.equal(res.statusCode, 400);
      for (const f of ['title-fi', 'body-sv', 'slug']) assert.ok(res.body.includes(`href="#field-${f}"`), f);
      assert.ok(res.body.includes('Text &lt;script>alert(1)&lt;/script>'), 'the input is shown back, escaped');
      assert.ok(!res.body.includes('<script>alert(1)'), 'never raw');
    });

    test('field errors are shown in the admin language (fi by default, sv, en); the texts come from errors.json', async () => {
      const url = `${BASE}/versions/4/nodes/${PRIORITY}`;
      const expected = {
        fi: ['on pakollinen suomeksi (alkuperäinen kieli)', 'saa olla enintään 300 merkkiä (nyt 301)'],
        sv: ['är obligatoriskt på finska (originalspråket)', 'får vara högst 300 tecken (nu 301)'],
        en: ['is required in Finnish (the original language)', 'must be at most 300 characters (now 301)'],
      };
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const fields = formFields((await anna.get(lang === 'fi' ? url : `${url}?lang=${lang}`)).body, url);
        const res = await post(anna, url, { ...fields, 'title.fi': '', 'title.sv': 'x'.repeat(301) });
        assert.equal(res.statusCode, 400);
        for (const text of expected[lang]) assert.ok(res.body.includes(text), `${lang}: ${text}`);
        if (lang !== 'en') assert.ok(!res.body.includes('is required in Finnish'), `${lang}: no English error text`);
      }
      await anna.get(`${url}?lang=fi`);
    });

    test('add, move and delete nodes with plain forms', async () => {
      const v4 = `${BASE}/versions/4`;
      let res = await post(anna, `${v4}/nodes`, {
        parentKey: THEME,
        'title.fi': 'Huoltovarmuus',
        'title.en': 'Security of supply',
      });
      assert.equal(res.statusCode, 303);
      assert.match(res.headers['location'] as string, /#item-huoltovarmuus$/);
      let tree = (await web.ctx.reader.versionContent('08', '2022-2025', 4)).nodes;
      assert.equal(findByKey(tree, THEME)!.children.at(-1)!.key, 'huoltovarmuus');
      // The add-child page, and an error on it.
      const addPage = await anna.get(`${v4}/nodes/new?parent=huoltovarmuus`);
      assert.equal(addPage.statusCode, 200);
      res = await post(anna, `${v4}/nodes`, { parentKey: 'huoltovarmuus', 'title.fi': '', slug: '' });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('href="#field-title-fi"'));
      // Move up with the tree's button form.
      const page = await anna.get(v4);
      const up = formFields(page.body, `${v4}/nodes/huoltovarmuus/move`);
      assert.equal(up['direction'], 'up');
      res = await post(anna, `${v4}/nodes/huoltovarmuus/move`, up);
      assert.equal(res.statusCode, 303);
      tree = (await web.ctx.reader.versionContent('08', '2022-2025', 4)).nodes;
      const keys = findByKey(tree, THEME)!.children.map((c) => c.key);
      assert.equal(keys.at(-2), 'huoltovarmuus');
      // Move under another theme via the node page's form; a cycle is refused with 400.
      const nodePage = await anna.get(`${v4}/nodes/huoltovarmuus`);
      const move = formFields(nodePage.body, `${v4}/nodes/huoltovarmuus/move`);
      res = await post(anna, `${v4}/nodes/huoltovarmuus/move`, { ...move, parentKey: tree[2]!.key });
      assert.equal(res.statusCode, 303);
      const themePage = await anna.get(`${v4}/nodes/${THEME}`);
      const themeMove = formFields(themePage.body, `${v4}/nodes/${THEME}/move`);
      res = await post(anna, `${v4}/nodes/${THEME}/move`, { ...themeMove, parentKey: PRIORITY });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /kohtaa ei voi siirtää omien alakohtiensa alle/);
      // Delete: the confirmation page lists the subtree; without confirm nothing happens.
      const confirm = await anna.get(`${v4}/nodes/${PRIORITY}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.ok(
        confirm.body.includes('Annan ja Bertilin otsikko') || confirm.body.includes('Elinkeinoelämän uudistaminen'),
      );
      const del = formFields(confirm.body, `${v4}/nodes/${PRIORITY}/delete`);
      res = await post(anna, `${v4}/nodes/${PRIORITY}/delete`, { revision: del['revision'] as string });
      assert.equal(res.statusCode, 400, 'confirm=yes is required');
      assert.ok(findByKey((await web.ctx.reader.versionContent('08', '2022-2025', 4)).nodes, PRIORITY));
      res = await post(anna, `${v4}/nodes/${PRIORITY}/delete`, del);
      assert.equal(res.statusCode, 303);
      tree = (await web.ctx.reader.versionContent('08', '2022-2025', 4)).nodes;
      assert.equal(findByKey(tree, PRIORITY), null);
      assert.equal(findByKey(tree, MEASURE), null);
    });

    test('version texts: saved, and a stale form gets 409 with the comparison', async () => {
      const v4 = `${BASE}/versions/4`;
      const a = formFields((await anna.get(v4)).body, v4);
      const b = formFields((await bertil.get(v4)).body, v4);
      let res = await post(anna, v4, {
        ...a,
        'label.fi': 'Päivitys 2027',
        'changelog.fi': '- Huoltovarmuus lisättiin',
      });
      assert.equal(res.statusCode, 303);
      res = await post(bertil, v4, { ...b, 'label.fi': 'Välipäivitys' });
      assert.equal(res.statusCode, 409);
      assert.ok(
        res.body.includes('<td class="conflict-stored">Päivitys 2027</td><td class="conflict-yours">Välipäivitys</td>'),
      );
    });

    test('terms and council entries through their pages', async () => {
      let res = await post(anna, `${BASE}/terms/crosscutting`, {
        'crosscutting:title.fi': 'Turvallisuus',
        'crosscutting:title.sv': 'Säkerhet',
      });
      assert.equal(res.statusCode, 303);
      let page = await anna.get(`${BASE}/terms`);
      assert.match(page.body, /Turvallisuus/);
      res = await post(anna, `${BASE}/terms/crosscutting`, { 'crosscutting:title.fi': '' });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('href="#field-crosscutting-title-fi"'));
      const termUrl = `${BASE}/terms/crosscutting/turvallisuus`;
      const tf = formFields((await anna.get(termUrl)).body, termUrl);
      res = await post(anna, termUrl, { ...tf, 'title.fi': 'Turvallisuus ja varautuminen' });
      assert.equal(res.statusCode, 303);
      const del = formFields((await anna.get(`${termUrl}/delete`)).body, `${termUrl}/delete`);
      res = await post(anna, `${termUrl}/delete`, del);
      assert.equal(res.statusCode, 303);
      const digi = `${BASE}/terms/crosscutting/digitalisation`;
      const digiDel = formFields((await anna.get(`${digi}/delete`)).body, `${digi}/delete`);
      res = await post(anna, `${digi}/delete`, digiDel);
      assert.equal(res.statusCode, 409, 'a term used by approved versions stays');

      res = await post(anna, '/admin/regions/08/council/contacts', {
        'new-contact.name': 'Maija Meikäläinen',
        'new-contact.role.fi': 'Suunnittelija',
        'new-contact.email': 'maija@example.fi',
      });
      assert.equal(res.statusCode, 303);
      page = await anna.get('/admin/regions/08/council');
      assert.match(page.body, /Maija Meikäläinen/);
      res = await post(anna, '/admin/regions/08/council/contacts', {
        'new-contact.name': 'X',
        'new-contact.role.fi': 'Y',
        'new-contact.email': 'not-an-address',
      });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('href="#field-new-contact-email"'));
      const contact = (await web.ctx.reader.council('08'))!.contacts.at(-1)!;
      assert.equal(contact.name, 'Maija Meikäläinen');
      const pub = await web.app.inject({ url: '/fi/kymenlaakso/contact/' });
      assert.match(pub.body, /Maija Meikäläinen/);
    });
  });
}
