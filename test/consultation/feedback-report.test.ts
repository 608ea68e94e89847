/**
 * The feedback report of a round (issue 10, point 6) on both databases: its counts by respondent
 * type and by decision and its list of organisations equal those computed here from the comments
 * the fixture sent and the responses written; comments not to be published are counted but their
 * text is not shown; nodes in programme order with the change as a word diff; the XSS corpus in
 * comments, names and responses shown escaped in the HTML and neutralised in the CSV; only
 * published responses count; and the PDF is tagged (one H1, headings to H3, tables with TH).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { isFormulaCell } from '#src/lib/csv.ts';
import { RESPONDENT_TYPES } from '#src/domain/consultation/comment.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { publishResponses, saveResponse } from '#src/services/consultation/responses.ts';
import { translator } from '#src/i18n/index.ts';
import { SKIP_WITHOUT_CHROMIUM } from '../support/browser.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, parseHtml, tableRows, text } from '../support/html.ts';
import { pdfInfo, pdfLang, pdfStructElements, pdfText, SKIP_WITHOUT_POPPLER } from '../support/pdf.ts';
import { useTestApp } from '../support/test-app.ts';
import { EDITOR, NODE, PROGRAMME, ROUND } from './consultation-fixture.ts';
import {
  approvedIds,
  commentSpecs,
  laterVersion,
  MEASURE,
  NEW_TEXT,
  roundWithComments,
  THEME,
  XSS_CORPUS,
} from './responses-fixture.ts';

const REPORT = `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/report/`;

/** The responses the tests write: [comment indexes, decision, change?]; the last stays a draft. */
async function respond(ctx: AppContext, ids: number[]): Promise<void> {
  const save = (
    comments: number[],
    decision: 'taken_into_account' | 'partly' | 'not_taken_into_account' | 'noted',
    extra = {},
  ) =>
    saveResponse(ctx, EDITOR, PROGRAMME, ROUND, null, {
      comments,
      text: { fi: `Vastaus ${XSS_CORPUS[3]} ${XSS_CORPUS[0]}`, sv: 'Svar' },
      decision,
      reason: null,
      change: null,
      ...extra,
    });
  await save([ids[0]!], 'taken_into_account', { change: { version: 4, nodeKey: NODE } });
  await save([ids[1]!, ids[2]!], 'partly');
  await save([ids[4]!], 'not_taken_into_account', { reason: { fi: `Perustelu ${XSS_CORPUS[1]}` } });
  await save([ids[7]!], 'noted');
  await publishResponses(ctx, EDITOR, PROGRAMME, ROUND);
  await save([ids[5]!], 'taken_into_account'); // a draft: not in the report
}

for (const target of databaseTargets()) {
  describe(`the feedback report of a round (${target.name})`, () => {
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        await roundWithComments(ctx);
        await laterVersion(ctx);
        await respond(ctx, await approvedIds(ctx));
      },
    });
    let ids: number[];
    before(async () => {
      ids = await approvedIds(t.ctx);
    });

    test('the counts and organisations equal those computed from what was sent and answered', async () => {
      const res = await t.get(REPORT);
      assert.equal(res.statusCode, 200, res.body.slice(0, 400));
      const sent = commentSpecs().slice(0, -1); // the last one was rejected
      const fi = translator('fi');
      const byType = RESPONDENT_TYPES.map((r) => [
        fi(`feedback.respondent.${r}`),
        String(sent.filter((s) => s.respondentType === r).length),
      ]);
      assert.deepEqual(tableRows(res.body, 'Kommentit lähettäjän mukaan'), byType);
      // Published decisions per comment: #0 taken, #1 #2 partly, #4 not, #7 noted; #5 only a draft.
      const decided = { taken: 1, partly: 2, not: 1, noted: 1 };
      assert.deepEqual(tableRows(res.body, 'Kommentit päätöksen mukaan'), [
        ['Otettu huomioon', String(decided.taken)],
        ['Otettu osittain huomioon', String(decided.partly)],
        ['Ei otettu huomioon', String(decided.not)],
        ['Merkitty tiedoksi', String(decided.noted)],
        ['Ei vielä vastausta', String(sent.length - 5)],
      ]);
      const organisations = new Map<string, number>();
      for (const s of sent)
        if (s.kind === 'statement') organisations.set(s.organisation!, (organisations.get(s.organisation!) ?? 0) + 1);
      assert.deepEqual(
        tableRows(res.body, 'Lausunnot organisaatioittain'),
        [...organisations].sort(([a], [b]) => a.localeCompare(b, 'fi')).map(([o, n]) => [o, String(n)]),
      );
      const hidden = sent.filter((s) => s.publishAs === 'none').length;
      assert.match(
        text(res.body, '#feedback-summary + p'),
        new RegExp(`saatiin ${sent.length} julkaistua .* Niistä ${hidden} on`),
      );
    });

    test('nodes in programme order; hidden texts counted but not shown; the change as a word diff', async () => {
      const res = await t.get(REPORT);
      const order = all(res.body, '.feedback-node h3').map((h) => h.getAttribute('id'));
      assert.deepEqual(order, [
        'feedback-programme-title',
        `feedback-${THEME}-title`,
        `feedback-${NODE}-title`,
        `feedback-${MEASURE}-title`,
      ]);
      assert.doesNotMatch(res.body, /salainen huomio|Lausunto, jota ei julkaista/, 'texts not to be published');
      assert.equal(all(res.body, '.comment-hidden').length, 2);
      const node = parseHtml(res.body).querySelector(`#feedback-${NODE}-title`)!.parentNode!;
      assert.match(node.querySelector('.feedback-change strong')!.text, /versio 3 → versio 4/);
      assert.match(
        all(node, 'ins')
          .map((i) => i.text)
          .join(' '),
        /rohkeasti/,
      );
      assert.ok(node.querySelector('.diff-text')!.text.includes(NEW_TEXT.slice('Elinkeinoelämää '.length, 40)));
      assert.match(text(res.body, `#comment-${ids[0]} .response-decision`), /Otettu huomioon/);
      assert.equal(
        parseHtml(res.body).querySelector(`#comment-${ids[5]} .council-response`),
        null,
        'a draft is not shown',
      );
      assert.match(text(res.body, `#comment-${ids[5]} .no-response`), /Vastausta ei ole vielä julkaistu/);
    });

    test('the XSS corpus is shown as text, never as markup', async () => {
      const res = await t.get(REPORT);
      assert.doesNotMatch(res.body, /<script>alert|<img src=x|<svg onload/);
      const shown = parseHtml(res.body).querySelector('main')!.text;
      for (const payload of [XSS_CORPUS[0], XSS_CORPUS[1], XSS_CORPUS[2], XSS_CORPUS[3]])
        assert.ok(shown.includes(payload), `${payload} shown as text`);
      assert.ok(shown.includes(`Yhdistys ry ${XSS_CORPUS[0]}`), 'an organisation name as text');
      assert.doesNotMatch(res.body, /href="javascript:/);
    });

    test('the CSV has a row per counted comment, payloads neutralised, hidden texts left out', async () => {
      const res = await t.get(`${REPORT}feedback.csv`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8$/);
      const rows = parse(res.body, { bom: true }) as string[][];
      const header = rows[0]!;
      const body = rows.slice(1);
      assert.equal(body.length, commentSpecs().length - 1);
      for (const row of body) for (const cell of row) assert.ok(!isFormulaCell(cell), `a formula: ${cell}`);
      const cells = body.flat();
      assert.ok(
        cells.some((c) => c === `'${XSS_CORPUS[4]}`),
        'the formula neutralised with an apostrophe',
      );
      assert.ok(!cells.some((c) => /salainen huomio/.test(c)));
      const decision = header.indexOf('decision');
      assert.deepEqual(
        body.map((r) => r[decision]).sort(),
        [
          'not_taken_into_account',
          'noted',
          'partly',
          'partly',
          'taken_into_account',
          ...Array(5).fill('unanswered'),
        ].sort(),
      );
    });

    test(
      'the PDF is tagged: one H1, headings to H3 in order, tables with TH',
      { skip: SKIP_WITHOUT_CHROMIUM || SKIP_WITHOUT_POPPLER },
      async () => {
        const res = await t.get(`${REPORT}feedback.pdf`);
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assert.equal(res.headers['content-type'], 'application/pdf');
        const pdf = res.rawPayload;
        assert.equal(pdfInfo(pdf)['Tagged'], 'yes');
        assert.equal(pdfLang(pdf), 'fi');
        const elements = pdfStructElements(pdf);
        const headings = elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => Number(e.type.slice(1)));
        assert.equal(headings[0], 1);
        assert.equal(headings.filter((h) => h === 1).length, 1, 'one H1');
        assert.ok(Math.max(...headings) === 3, `headings go to H3: ${headings.join(',')}`);
        for (let i = 1; i < headings.length; i++)
          assert.ok(headings[i]! <= headings[i - 1]! + 1, `no level skipped at ${i}`);
        assert.ok(elements.filter((e) => e.type === 'Table').length >= 3, 'the count and statement tables');
        assert.ok(
          elements.some((e) => e.type === 'TH'),
          'tables have header cells',
        );
        const textLayer = pdfText(pdf).replace(/\s+/g, ' ');
        assert.match(textLayer, /Sivu 1 \/ \d+/);
        assert.ok(textLayer.includes('Kotkan kaupunki'));
        const again = await t.get(`${REPORT}feedback.pdf`, { 'if-none-match': String(res.headers.etag) });
        assert.equal(again.statusCode, 304, 'kept while the consultation is unchanged');
      },
    );
  });
}
