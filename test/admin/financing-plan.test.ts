/**
 * The financing-plan editor over HTTP with signed-in users, on every database: the version page
 * links the plan page; setting a cell shows in the table, writes an audit event and bumps the
 * content generation, and (once the version is current) in the public funding overview's plan
 * column; an invalid amount is a 400 naming the field; a stale revision is a 409 showing the
 * stored and the sent value; pasted CSV with a bad row is a 400 naming the row with the database
 * unchanged; removing and copying; a viewer and a user of another region are refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { programmeOverview } from '#src/services/programmes/editor-reader.ts';
import { transitionVersion } from '#src/services/programmes/version-edits.ts';
import { importFinancingPlan } from '#src/services/financing-plan/import-financing-plan.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { listFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { EDITOR, MEASURE, PRIORITY, PROGRAMME, startDraft, THEME } from '../editing/editing-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { assertAdminPage, type Browser, useSignedInApp } from './admin-fixture.ts';
import { tableRows } from '../support/html.ts';

const V = '/admin/regions/08/programmes/2022-2025/versions';
const PLAN = `${V}/3/financing-plan`;
const KEY = { regionCode: '08', programmeSlug: '2022-2025', versionNumber: 3 };
const OTHER_PRIORITY = 'saavutettavuus-ja-kestava-liikkuminen';

const fmt = (cents: number, lang = 'fi-FI'): string =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100);

function revisionOf(html: string): string {
  const m = /name="revision" value="([0-9a-f]{16})"/.exec(html);
  assert.ok(m, 'the page has a plan revision');
  return m[1]!;
}

const planLines = (ctx: AppContext, versionNumber = 3) => listFinancingPlan(ctx.db.kysely, { ...KEY, versionNumber });

for (const target of databaseTargets()) {
  describe(`financing-plan editor over HTTP (${target.name})`, () => {
    const web = useSignedInApp(
      target,
      {
        anna: { email: 'anna@example.fi' },
        bertil: { email: 'bertil@example.fi', role: 'admin' },
        viewer: { email: 'ville@example.fi', role: 'viewer' },
        elsewhere: { email: 'uusimaa@example.fi', role: 'admin', region: '01' },
      },
      { prepare: startDraft },
    );
    const { anna, bertil, viewer, elsewhere } = web.as;

    const post = (b: Browser, url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> =>
      b.post(url, fields);

    test('the version page links the plan page, which is a complete admin page in every language', async () => {
      const version = await anna.get(`${V}/3`);
      assert.ok(version.body.includes(`href="${PLAN}"`), 'the version page links the plan');
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const page = await anna.get(`${PLAN}?lang=${lang}`);
        assert.equal(page.statusCode, 200);
        assertAdminPage(page, lang, `plan page (${lang})`);
      }
      const page = await anna.get(`${PLAN}?lang=fi`);
      assert.match(page.body, /Tällä versiolla ei vielä ole rahoitussuunnitelmaa/);
      assert.match(page.body, /<form method="post" action="[^"]*\/financing-plan\/cells"/);
      assert.match(page.body, /<form method="post" action="[^"]*\/financing-plan\/import"/);
    });

    test('setting a cell: the table shows it, an audit event is written and the content generation moves', async () => {
      const page = await anna.get(PLAN);
      const generation = (await web.ctx.freshness.current()).of('08', 'programme');
      let res = await post(anna, `${PLAN}/cells`, {
        revision: revisionOf(page.body),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2024',
        amount: '1 250 000,50',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      assert.equal(res.headers['location'], `${PLAN}?done=set#plan-table`);
      assert.ok(
        (await web.ctx.freshness.current()).of('08', 'programme') > generation,
        "the region's programme generation was bumped",
      );
      assert.deepEqual(await planLines(web.ctx), [
        { nodeKey: PRIORITY, fund: 'ERDF', year: 2024, plannedCents: 125_000_050 },
      ]);

      // A measure under the priority, and a second fund and year (en: a decimal point; a lone comma separates thousands).
      res = await post(anna, `${PLAN}/cells?lang=en`, {
        revision: revisionOf(res.body || (await anna.get(PLAN)).body),
        node: MEASURE,
        fund: 'AKKE',
        year: '2023',
        amount: '250,000',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      const shown = await anna.get(`${PLAN}?done=set&lang=fi`);
      assert.match(shown.body, /Summa tallennettiin/);
      const rows = tableRows(
        shown.body,
        'Rahoitussuunnitelma, versio 3: suunnitellut eurot toimintalinjoittain (rivit), rahastoittain ja vuosittain (sarakkeet)',
      );
      const priority = rows.find((r) => r[0] === 'Elinkeinoelämän uudistaminen')!;
      // Columns: EAKR 2024, AKKE 2023 (funds in their fixed order), then the row total.
      assert.deepEqual(priority, ['Elinkeinoelämän uudistaminen', fmt(125_000_050), '–', fmt(125_000_050)]);
      const measure = rows.find((r) => r[0]!.includes('Yrittäjyyden, yritysten kasvun'))!;
      assert.deepEqual(
        measure.slice(1),
        ['–', fmt(25_000_000), fmt(25_000_000)],
        'the measure is shown under its priority',
      );
      assert.deepEqual(rows.find((r) => r[0] === 'Elinkeinoelämän uudistaminen yhteensä')!.slice(1), [
        fmt(125_000_050),
        fmt(25_000_000),
        fmt(150_000_050),
      ]);
      assert.match(
        shown.body,
        /<th scope="colgroup" colspan="1" id="plan-h-f0">Euroopan aluekehitysrahasto \(EAKR\)<\/th>/,
      );
      assert.match(
        shown.body,
        /<td class="num" headers="plan-r0 plan-h-f0 plan-h-c0">/,
        'data cells name their row, fund and year headers',
      );

      const events = (await listAuditEvents(web.ctx.db.kysely, { entityType: 'financing-plan' })).entries;
      assert.deepEqual(
        events.map((e) => [e.actor, e.action, e.entityId]),
        [
          ['anna@example.fi', 'financing-plan.set', '08-2022-2025/v3/financing-plan'],
          ['anna@example.fi', 'financing-plan.set', '08-2022-2025/v3/financing-plan'],
        ],
      );
      assert.deepEqual(events[0]!.after, { nodeKey: MEASURE, fund: 'AKKE', year: 2023, plannedCents: 25_000_000 });
      assert.equal(events[1]!.before, null);
      assert.match(events[1]!.summary, /to 1250000\.50 €/);

      // The edit link fills in the form with the stored amount.
      const edit = await anna.get(`${PLAN}?node=${PRIORITY}&fund=ERDF&year=2024`);
      assert.match(edit.body, /<input id="field-amount" name="amount" type="text" value="1250000,50"/);
      assert.match(edit.body, new RegExp(`<option value="${PRIORITY}" selected>`));
    });

    test('an invalid amount or a missing node: 400 naming the field, the input kept, nothing written', async () => {
      const page = await anna.get(PLAN);
      const before_ = await snapshot(web.ctx.db.kysely);
      let res = await post(anna, `${PLAN}/cells`, {
        revision: revisionOf(page.body),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2025',
        amount: '12,3,4',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<a href="#field-amount">Summa euroina: ”12,3,4” ei ole rahamäärä: [^<]+<\/a>/);
      assert.match(res.body, /aria-invalid="true"/);
      assert.match(res.body, /name="amount" type="text" value="12,3,4"/);
      res = await post(anna, `${PLAN}/cells`, {
        revision: revisionOf(page.body),
        node: '',
        fund: 'ERDF',
        year: '2025',
        amount: '-5',
      });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('href="#field-node"'), 'the node is named');
      assert.ok(res.body.includes('href="#field-amount"'), 'the negative amount is named');
      res = await post(anna, `${PLAN}/cells`, {
        revision: revisionOf(page.body),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2031',
        amount: '5',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-year">Vuosi: 2031 on ohjelmakauden 2022–2025 ulkopuolella/);
      res = await post(anna, `${PLAN}/cells`, {
        revision: 'stale',
        node: PRIORITY,
        fund: 'ERDF',
        year: '2025',
        amount: '5',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Lomake ei ole enää sivun suunnitelman mukainen: lataa sivu uudelleen/);
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before_);
    });

    test('a stale revision: 409 with the stored and the sent value side by side; saving again from there works', async () => {
      const a = revisionOf((await anna.get(PLAN)).body);
      const b = revisionOf((await bertil.get(PLAN)).body);
      assert.equal(a, b);
      let res = await post(bertil, `${PLAN}/cells`, {
        revision: b,
        node: PRIORITY,
        fund: 'ERDF',
        year: '2024',
        amount: '900 000',
      });
      assert.equal(res.statusCode, 303);
      res = await post(anna, `${PLAN}/cells`, {
        revision: a,
        node: PRIORITY,
        fund: 'ERDF',
        year: '2024',
        amount: '1 000 000',
      });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Joku muu muutti tätä samaan aikaan/);
      assert.ok(
        res.body.includes(
          `<td class="conflict-stored">${fmt(90_000_000)}</td><td class="conflict-yours">1 000 000</td>`,
        ),
        'the stored amount and the sent one side by side',
      );
      assert.match(res.body, /name="amount" type="text" value="1 000 000"/, 'the input stays in the form');
      const fresh = revisionOf(res.body);
      assert.notEqual(fresh, a, 'the form now carries the stored revision');
      assert.equal(
        (await planLines(web.ctx)).find((l) => l.nodeKey === PRIORITY)!.plannedCents,
        90_000_000,
        'the other save survives',
      );
      // Removing with the stale revision is refused the same way.
      res = await post(anna, `${PLAN}/cells/remove`, { revision: a, node: PRIORITY, fund: 'ERDF', year: '2024' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /<td class="conflict-yours">poistaisit rivin<\/td>/);
      res = await post(anna, `${PLAN}/cells`, {
        revision: fresh,
        node: PRIORITY,
        fund: 'ERDF',
        year: '2024',
        amount: '1 000 000',
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await planLines(web.ctx)).find((l) => l.nodeKey === PRIORITY)!.plannedCents, 100_000_000);

      // Two changes sent at the same moment with the same revision: one is saved, the other gets 409.
      const same = revisionOf((await anna.get(PLAN)).body);
      await bertil.get(PLAN);
      const both = await Promise.all([
        post(anna, `${PLAN}/cells`, { revision: same, node: PRIORITY, fund: 'ERDF', year: '2025', amount: '1' }),
        post(bertil, `${PLAN}/cells`, { revision: same, node: PRIORITY, fund: 'ERDF', year: '2025', amount: '2' }),
      ]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [303, 409]);
      const saved = both[0]!.statusCode === 303 ? 100 : 200;
      assert.equal((await planLines(web.ctx)).find((l) => l.year === 2025)!.plannedCents, saved);
      res = await post(anna, `${PLAN}/cells/remove`, {
        revision: revisionOf((await anna.get(PLAN)).body),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2025',
      });
      assert.equal(res.statusCode, 303);
    });

    test('pasted CSV with a bad row: 400 naming the row, the text kept, the database unchanged; a good paste replaces the plan', async () => {
      const revision = revisionOf((await anna.get(PLAN)).body);
      const before_ = await snapshot(web.ctx.db.kysely);
      const bad = [
        'node;fund;year;amount',
        `${PRIORITY};EAKR;2022;1 500 000`,
        `${OTHER_PRIORITY};ESR+;2023;abc`,
        `${THEME};AKKE;2030;5`,
      ].join('\r\n');
      let res = await post(anna, `${PLAN}/import`, { revision, csv: bad });
      assert.equal(res.statusCode, 400);
      assert.ok(
        res.body.includes('CSV: row 3, column &#34;amount&#34;: &#34;abc&#34; is not an amount'),
        res.body.slice(0, 200),
      );
      assert.ok(res.body.includes('CSV: row 4, column &#34;year&#34;: 2030 is outside the programme period 2022–2025'));
      assert.match(res.body, /CSV-tekstissä on virheitä \(2\); mitään ei tallennettu/);
      assert.ok(res.body.includes(`${OTHER_PRIORITY};ESR+;2023;abc`), 'the pasted text stays in the textarea');
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before_, 'nothing was written');

      const good = [
        'node\tfund\tyear\tamount',
        `${PRIORITY}\tEAKR\t2022\t1 500 000`,
        `${OTHER_PRIORITY}\tESR+\t2023\t750000,50`,
        `${THEME}\takke\t2025\t0`,
      ].join('\n');
      res = await post(anna, `${PLAN}/import`, { revision, csv: good });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.deepEqual(
        (await planLines(web.ctx)).sort((x, y) => x.nodeKey.localeCompare(y.nodeKey)),
        [
          { nodeKey: THEME, fund: 'AKKE', year: 2025, plannedCents: 0 },
          { nodeKey: OTHER_PRIORITY, fund: 'ESF+', year: 2023, plannedCents: 75_000_050 },
          { nodeKey: PRIORITY, fund: 'ERDF', year: 2022, plannedCents: 150_000_000 },
        ].sort((x, y) => x.nodeKey.localeCompare(y.nodeKey)),
      );
      const event = (await listAuditEvents(web.ctx.db.kysely, { action: 'financing-plan.import' })).entries[0]!;
      assert.equal(event.actor, 'anna@example.fi');
      assert.match(event.summary, /3 added, 0 changed, 2 removed, 0 unchanged/);
      const page = await anna.get(PLAN);
      const rows = tableRows(
        page.body,
        'Rahoitussuunnitelma, versio 3: suunnitellut eurot toimintalinjoittain (rivit), rahastoittain ja vuosittain (sarakkeet)',
      );
      assert.ok(
        rows.some((r) => r[0]!.includes('Innovatiivinen Kymenlaakso')),
        'a line on a theme is shown as its own row',
      );

      // The CSV download reads back as the same plan: pasting it changes nothing.
      const csv = await anna.get(`${PLAN.replace(/financing-plan$/, 'financing-plan.csv')}`);
      assert.equal(csv.statusCode, 200);
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(csv.body, /^\uFEFFnode,title,fund,year,amount\r\n/);
      assert.ok(csv.body.includes(`${OTHER_PRIORITY},`) && csv.body.includes(',ESF+,2023,750000.50'));
      const events = (await listAuditEvents(web.ctx.db.kysely, { entityType: 'financing-plan' })).total;
      res = await post(anna, `${PLAN}/import`, { revision: revisionOf(page.body), csv: csv.body });
      assert.equal(res.statusCode, 303);
      assert.equal(
        (await listAuditEvents(web.ctx.db.kysely, { entityType: 'financing-plan' })).total,
        events,
        'no change, no audit event',
      );
    });

    test('removing a line, and copying the plan of another version', async () => {
      let page = await anna.get(PLAN);
      let res = await post(anna, `${PLAN}/cells/remove`, {
        revision: revisionOf(page.body),
        node: THEME,
        fund: 'AKKE',
        year: '2025',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers['location'], `${PLAN}?done=removed#plan-table`);
      assert.ok(!(await planLines(web.ctx)).some((l) => l.nodeKey === THEME));
      const removal = (await listAuditEvents(web.ctx.db.kysely, { action: 'financing-plan.remove' })).entries[0]!;
      assert.deepEqual(removal.before, { nodeKey: THEME, fund: 'AKKE', year: 2025, plannedCents: 0 });
      // A line that is not there: 400.
      res = await post(anna, `${PLAN}/cells/remove`, {
        revision: revisionOf(res.body || (await anna.get(PLAN)).body),
        node: THEME,
        fund: 'AKKE',
        year: '2025',
      });
      assert.equal(res.statusCode, 400);

      // Version 2 gets a plan by the command-line import; version 3 copies it.
      const v2 = ['node,fund,year,amount', `${PRIORITY},ERDF,2022,100`, `${MEASURE},JTF,2023,200`].join('\n');
      await importFinancingPlan(web.ctx.db, new TextEncoder().encode(v2), {
        file: 'v2.csv',
        regionCode: '08',
        programme: '2022-2025',
        version: 2,
      });
      page = await anna.get(PLAN);
      assert.match(page.body, /<option value="2">Versio 2 \(Hyväksytty, 2 riviä\)<\/option>/);
      res = await post(anna, `${PLAN}/copy`, { revision: revisionOf(page.body), from: '2' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.deepEqual(await planLines(web.ctx), await planLines(web.ctx, 2));
      res = await post(anna, `${PLAN}/copy`, { revision: revisionOf((await anna.get(PLAN)).body), from: '3' });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('href="#field-from"'));
    });

    test('roles: a viewer sees the plan without forms and is refused changes; another region is refused', async () => {
      const page = await viewer.get(PLAN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Sinulla on tällä alueella vain lukuoikeus/);
      assert.doesNotMatch(page.body, /action="[^"]*\/financing-plan\/(cells|import|copy)"/);
      const before_ = await snapshot(web.ctx.db.kysely);
      const revision = revisionOf((await anna.get(PLAN)).body);
      for (const [url, fields] of [
        [`${PLAN}/cells`, { revision, node: PRIORITY, fund: 'ERDF', year: '2025', amount: '1' }],
        [`${PLAN}/cells/remove`, { revision, node: PRIORITY, fund: 'ERDF', year: '2022' }],
        [`${PLAN}/import`, { revision, csv: 'node,fund,year,amount' }],
        [`${PLAN}/copy`, { revision, from: '2' }],
      ] as const) {
        const res = await post(viewer, url, fields);
        assert.equal(res.statusCode, 403, url);
        assert.match(res.body, /Ei käyttöoikeutta/);
      }
      assert.equal((await elsewhere.get(PLAN)).statusCode, 403);
      assert.equal(
        (await post(elsewhere, `${PLAN}/cells`, { revision, node: PRIORITY, fund: 'ERDF', year: '2025', amount: '1' }))
          .statusCode,
        403,
      );
      assert.deepEqual(await snapshot(web.ctx.db.kysely), before_);
    });

    test('an approved version is read-only: a note, no forms, and a forged change is refused with 409', async () => {
      const page = await anna.get(`${V}/2/financing-plan`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Tämä versio on hyväksytty, eikä sitä voi muokata/);
      assert.doesNotMatch(page.body, /action="[^"]*\/financing-plan\/cells"/);
      const res = await post(anna, `${V}/2/financing-plan/cells`, {
        revision: revisionOf((await anna.get(PLAN)).body),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2025',
        amount: '1',
      });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Versio 2 on hyväksytty, eikä sitä voi muokata; vain luonnosta voi muokata/);
      assert.equal((await anna.get(`${V}/9/financing-plan`)).statusCode, 404);
    });

    test('a set cell shows in the public funding overview’s plan column once the version is current', async () => {
      let res = await post(anna, `${PLAN}/cells`, {
        revision: revisionOf((await anna.get(PLAN)).body),
        node: OTHER_PRIORITY,
        fund: 'ERDF',
        year: '2025',
        amount: '2 000 000',
      });
      assert.equal(res.statusCode, 303);
      const revision = async (): Promise<number> =>
        (await programmeOverview(web.ctx.db.kysely, PROGRAMME)).versions.find((v) => v.number === 3)!.revision;
      const v3 = { ...PROGRAMME, number: 3 };
      await transitionVersion(web.ctx, EDITOR, v3, { revision: await revision(), action: 'consult' });
      await transitionVersion(web.ctx, EDITOR, v3, {
        revision: await revision(),
        action: 'approve',
        decision: { body: { fi: 'Maakuntavaltuusto' }, date: '2026-12-14', reference: '§ 40' },
      });
      res = await web.app.inject({ url: '/fi/kymenlaakso/2022-2025/funding/' });
      assert.equal(res.statusCode, 200);
      const rows = tableRows(res.body, 'Toimintalinjoittain');
      const plan = (title: string): string => rows.find((r) => r[0] === title)![1]!;
      assert.equal(plan('Maakunnan saavutettavuuden ja kestävän liikkumisen parantaminen'), fmt(200_000_000));
      // The priority's row counts the lines of the measures under it.
      assert.equal(plan('Elinkeinoelämän uudistaminen'), fmt(30_000));
    });
  });
}
