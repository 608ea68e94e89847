/**
 * Issue 10's "done when", as one story on both databases: the council runs the 2021 consultation
 * again. The draft goes on display 1–30.9.2021; a resident comments on a paragraph over HTTP (the
 * plain form, no JavaScript); an organisation sends a statement with a PDF; a moderator publishes
 * both; the draft is reopened and revised (a paragraph inserted before the commented one), and the
 * comment stays anchored to its passage (moved); the council answers both, publishes its responses
 * together, and the feedback report shows how each comment was handled, with the change.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { submitStatement } from '#src/services/consultation/comments.ts';
import { moderationQueue } from '#src/services/consultation/moderation.ts';
import { publishResponses, saveResponse } from '#src/services/consultation/responses.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { transitionVersion } from '#src/services/programmes/version-edits.ts';
import { findNode } from '#src/storage/repositories/nodes-repository.ts';
import { Browser, createUser, FakeClock, signedIn } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, attr, parseHtml, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { EDITOR, NODE, openRound, PROGRAMME, ROUND, versionRevision } from './consultation-fixture.ts';

const BASE = `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/`;
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n',
);

for (const target of databaseTargets()) {
  describe(`the 2021 consultation run again (${target.name})`, () => {
    const clock = new FakeClock(Date.parse('2021-09-10T09:00:00Z'));
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = clock.now;
        await openRound(ctx);
      },
    });

    test('comment and statement, moderation, revision with anchors kept, responses, the feedback report', async () => {
      // A resident comments on the second paragraph of a priority through the plain form.
      const resident = new Browser(t.app);
      const form = await resident.get(`${BASE}comment?node=${NODE}&p=1`);
      const fields: Record<string, string> = {};
      for (const input of parseHtml(form.body).querySelectorAll('form.comment-form input[type=hidden]'))
        fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
      const sent = await resident.post(`${BASE}comment`, {
        ...fields,
        quote: 'Pyhtää-ilmiö',
        body: 'Etätyön mahdollisuudet pitää tuoda esiin myös haja-asutusalueilla.',
        respondentType: 'resident',
        publishAs: 'name',
        name: 'Maija Meikäläinen',
        email: 'maija@example.fi',
        consent: 'yes',
        website: '',
      });
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));

      // An organisation sends a statement with a PDF.
      const { comment: statement } = await submitStatement(t.ctx, PROGRAMME, ROUND, {
        lang: 'fi',
        organisation: 'Kotkan kaupunki',
        businessId: null,
        signerName: 'Kaupunginjohtaja',
        signerRole: 'kaupunginjohtaja',
        email: 'kirjaamo@example.fi',
        respondentType: 'municipality',
        answers: {},
        body: 'Kotka tukee logistiikan ja satamien painotusta.',
        publishAs: 'name',
        attachment: { fileName: 'lausunto.pdf', bytes: PDF },
        idempotencyKey: 'done-when-statement-0001',
      });

      // A moderator publishes both from the queue.
      const moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'dw-mod@example.fi', role: 'moderator', region: '08' }),
      );
      const queue = await moderator.get(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
      const chosen = all(queue.body, 'input[type=checkbox][name=comment]').map((i) => i.getAttribute('value')!);
      assert.equal(chosen.length, 2);
      const approve = await t.app.inject({
        method: 'POST',
        url: `/admin/regions/08/programmes/2022-2025/consultation/${ROUND}/moderate`,
        headers: { cookie: moderator.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams([
          ...chosen.map((c): [string, string] => ['comment', c]),
          ['action', 'approve'],
          ['_csrf', moderator.csrf],
        ]).toString(),
      });
      assert.equal(approve.statusCode, 303, approve.body.slice(0, 300));
      const page = await t.get(BASE);
      assert.match(text(page.body, `#node-${NODE}-p2`), /Etätyön mahdollisuudet/);
      assert.match(page.body, /Kotka tukee logistiikan/);

      // The consultation closes; the draft is reopened and revised: a paragraph inserted before.
      clock.advance(30 * 24 * 3600_000);
      await transitionVersion(
        t.ctx,
        EDITOR,
        { ...PROGRAMME, number: 3 },
        { revision: await versionRevision(t.ctx, 3), action: 'reopen' },
      );
      const v3 = await t.ctx.db.kysely
        .selectFrom('versions')
        .select('id')
        .where('number', '=', 3)
        .executeTakeFirstOrThrow();
      const node = (await findNode(t.ctx.db.kysely, v3.id, NODE))!;
      await updateNode(
        t.ctx,
        EDITOR,
        { ...PROGRAMME, number: 3, key: NODE },
        {
          revision: node.revision,
          slug: node.slug,
          texts: {
            title: node.title,
            shortTitle: node.shortTitle,
            summary: node.summary,
            body: { ...node.body, fi: `Etätyö ja monipaikkaisuus tuodaan esiin koko maakunnassa.\n\n${node.body!.fi}` },
          },
        },
      );
      const { decided } = await moderationQueue(t.ctx.db.kysely, PROGRAMME, ROUND);
      const comment = decided.find((c) => c.kind === 'comment')!;
      assert.equal(comment.anchorState, 'moved', 'the comment keeps its passage in the revised draft');
      assert.equal(comment.anchorParagraphIndex, 2);

      // The council answers both and publishes its responses together.
      const editor = { userId: null, label: 'editor@example.fi' };
      await saveResponse(t.ctx, editor, PROGRAMME, ROUND, null, {
        comments: [comment.id],
        text: { fi: 'Kiitos. Etätyö ja monipaikkaisuus on lisätty ohjelmaan omaksi kappaleekseen.' },
        decision: 'taken_into_account',
        reason: null,
        change: { version: 3, nodeKey: NODE },
      });
      await saveResponse(t.ctx, editor, PROGRAMME, ROUND, null, {
        comments: [statement.id],
        text: { fi: 'Kiitos lausunnosta; painotus säilyy.' },
        decision: 'noted',
        reason: null,
        change: null,
      });
      assert.equal(await publishResponses(t.ctx, editor, PROGRAMME, ROUND), 2);

      // The feedback report shows how each comment was handled, with the change in the text.
      const report = await t.get(`${BASE}report/`);
      assert.equal(report.statusCode, 200, report.body.slice(0, 300));
      const item = parseHtml(report.body).querySelector(`#comment-${comment.id}`)!;
      assert.match(item.text, /Etätyön mahdollisuudet/);
      assert.match(item.text, /Etätyö ja monipaikkaisuus on lisätty ohjelmaan/);
      assert.ok(
        all(report.body, '.feedback-change ins').some((i) => /Etätyö ja monipaikkaisuus tuodaan esiin/.test(i.text)),
        'the inserted paragraph as an insertion',
      );
      assert.match(parseHtml(report.body).querySelector(`#comment-${statement.id}`)!.text, /painotus säilyy/);
      assert.match(text(report.body, '#feedback-statement-table'), /Kotkan kaupunki/);
      const csv = await t.get(`${BASE}report/feedback.csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /Etätyön mahdollisuudet/);
      assert.doesNotMatch(csv.body, /maija@example\.fi|kirjaamo@example\.fi/, 'no e-mail address in the report');
      assert.equal(attr(report.body, 'html', 'lang'), 'fi');
    });
  });
}
