/**
 * The council's responses to a round's comments over HTTP (issue 10, point 5), on both databases: an
 * editor answers one comment and a group of comments (fi/sv/en, a decision, the change in a later
 * version), "not taken into account" without a reason and a change that does not exist are refused
 * with nothing written, drafts are not public until the one "publish all" action, the public round
 * page then shows each response under the comments it answers with its decision and the link to the
 * change, and a stale edit form is answered 409 with the stored response beside it.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { listResponses } from '#src/storage/repositories/consultation-repository.ts';
import { createUser, signedIn, type Browser } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, attr, parseHtml, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { NODE, ROUND } from './consultation-fixture.ts';
import { approvedIds, laterVersion, roundWithComments } from './responses-fixture.ts';

const DESK = `/admin/regions/08/programmes/2022-2025/consultation/${ROUND}/responses`;
const ROUND_PAGE = `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/`;

/** Posts a form with repeated fields (several comments) with the browser's cookies and CSRF token. */
async function postEntries(
  browser: Browser,
  url: string,
  entries: [string, string][],
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams([...entries, ['_csrf', browser.csrf]]).toString();
  const res = await browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });
  browser.jar.update(res);
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (m) browser.csrf = m[1]!;
  return res;
}

const roundId = async (ctx: AppContext): Promise<number> =>
  (
    await ctx.db.kysely
      .selectFrom('consultation_rounds')
      .select('id')
      .where('slug', '=', ROUND)
      .executeTakeFirstOrThrow()
  ).id;

const responseText = (extra: Record<string, string> = {}): Record<string, string> => ({
  'text.fi': 'Kiitos, lisäsimme laajakaistan.',
  'text.sv': 'Tack, vi lade till bredbandet.',
  'text.en': 'Thank you, we added broadband.',
  'reason.fi': '',
  'reason.sv': '',
  'reason.en': '',
  changeVersion: '',
  changeNode: '',
  ...extra,
});

for (const target of databaseTargets()) {
  describe(`the council's responses to a round's comments (${target.name})`, () => {
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        await roundWithComments(ctx);
        await laterVersion(ctx);
      },
    });
    let editor: Browser;
    let ids: number[];
    before(async () => {
      editor = await signedIn(t.app, await createUser(t.ctx, { email: 'ed@example.fi', role: 'editor', region: '08' }));
      ids = await approvedIds(t.ctx);
    });

    test('the desk lists the approved comments, escaped, and links the public report', async () => {
      const res = await editor.get(DESK);
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      assert.equal(all(res.body, 'input[name=comment]').length, ids.length, 'every approved comment can be answered');
      assert.doesNotMatch(res.body, /<script>alert|<img src=x/);
      assert.ok(parseHtml(res.body).querySelector(`a[href="/fi/kymenlaakso/2022-2025/consultation/${ROUND}/report/"]`));
      const rounds = await editor.get('/admin/regions/08/programmes/2022-2025/consultation');
      assert.ok(parseHtml(rounds.body).querySelector(`a[href="${DESK}"]`), 'the rounds page links the desk');
      const admin = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'adm-r@example.fi', role: 'admin', region: '08' }),
      );
      const queue = await admin.get(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
      assert.ok(parseHtml(queue.body).querySelector(`a[href="${DESK}"]`), 'the moderation page links it for editors');
    });

    test('an editor answers one comment; the draft is not public', async () => {
      const res = await postEntries(editor, DESK, [
        ['comment', String(ids[0])],
        ...Object.entries(responseText({ 'text.fi': 'Kappale pidetään ennallaan, kiitos.' })),
        ['decision', 'noted'],
      ]);
      assert.equal(res.statusCode, 303, res.body.slice(0, 800));
      assert.match(String(res.headers.location), /\?saved=\d+$/);
      const stored = await listResponses(t.ctx.db.kysely, await roundId(t.ctx));
      assert.equal(stored.length, 1);
      assert.deepEqual(stored[0]!.commentIds, [ids[0]]);
      assert.equal(stored[0]!.status, 'draft');
      assert.equal(stored[0]!.text.sv, 'Tack, vi lade till bredbandet.');
      const page = await t.get(ROUND_PAGE);
      assert.doesNotMatch(page.body, /Kappale pidetään ennallaan/, 'a draft is not public');
      assert.equal(all(page.body, '.council-response').length, 0);
    });

    test('a group of comments gets one joint response with the change in version 4', async () => {
      const res = await postEntries(editor, DESK, [
        ['comment', String(ids[1])],
        ['comment', String(ids[2])],
        ...Object.entries(responseText({ changeVersion: '4', changeNode: NODE })),
        ['decision', 'partly'],
      ]);
      assert.equal(res.statusCode, 303, res.body.slice(0, 800));
      const stored = await listResponses(t.ctx.db.kysely, await roundId(t.ctx));
      const joint = stored.find((r) => r.commentIds.length === 2)!;
      assert.deepEqual(joint.commentIds, [ids[1], ids[2]]);
      assert.deepEqual(joint.change, { version: 4, nodeKey: NODE });
      assert.equal(joint.decision, 'partly');
    });

    test('"not taken into account" without a reason, a missing change and an answered comment are refused; nothing written', async () => {
      const count = async (): Promise<number> => (await listResponses(t.ctx.db.kysely, await roundId(t.ctx))).length;
      const before0 = await count();
      const noReason = await postEntries(editor, DESK, [
        ['comment', String(ids[3])],
        ...Object.entries(responseText()),
        ['decision', 'not_taken_into_account'],
      ]);
      assert.equal(noReason.statusCode, 400, noReason.body.slice(0, 500));
      assert.match(
        text(noReason.body, '.error-summary'),
        /Perustelu suomeksi: kerro suomeksi, miksi kommenttia ei otettu huomioon/,
      );
      assert.equal(text(noReason.body, '#field-text-fi'), 'Kiitos, lisäsimme laajakaistan.', 'the input is kept');
      const noVersion = await postEntries(editor, DESK, [
        ['comment', String(ids[3])],
        ...Object.entries(responseText({ changeVersion: '9', changeNode: NODE })),
        ['decision', 'taken_into_account'],
      ]);
      assert.equal(noVersion.statusCode, 400);
      assert.match(text(noVersion.body, '.error-summary'), /versio 3 tai myöhempi/);
      const noNode = await postEntries(editor, DESK, [
        ['comment', String(ids[3])],
        ...Object.entries(responseText({ changeVersion: '4', changeNode: 'ei-tallaista' })),
        ['decision', 'taken_into_account'],
      ]);
      assert.equal(noNode.statusCode, 400);
      assert.match(text(noNode.body, '.error-summary'), /versiossa 4 ei ole kohtaa ei-tallaista/);
      const answered = await postEntries(editor, DESK, [
        ['comment', String(ids[0])],
        ...Object.entries(responseText()),
        ['decision', 'noted'],
      ]);
      assert.equal(answered.statusCode, 400);
      assert.match(text(answered.body, '.error-summary'), /toinen vastaus vastaa jo kommenttiin/);
      assert.equal(await count(), before0);
      const withReason = await postEntries(editor, DESK, [
        ['comment', String(ids[3])],
        ...Object.entries(responseText({ 'reason.fi': 'Ei kuulu maakuntaohjelmaan.' })),
        ['decision', 'not_taken_into_account'],
      ]);
      assert.equal(withReason.statusCode, 303, withReason.body.slice(0, 500));
    });

    test('publishing publishes every draft together; the round page shows each under its comments', async () => {
      const desk = await editor.get(DESK);
      assert.match(text(desk.body, 'form[action$="/publish"] button'), /Julkaise kaikki 3 vastausluonnosta/);
      const res = await editor.post(`${DESK}/publish`);
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      assert.equal(res.headers.location, `${DESK}?published=3`);
      const stored = await listResponses(t.ctx.db.kysely, await roundId(t.ctx));
      assert.ok(stored.every((r) => r.status === 'published' && r.publishedAt !== null));
      const page = await t.get(ROUND_PAGE);
      const joint = parseHtml(page.body).querySelector(`#comment-${ids[1]} .council-response`);
      assert.ok(joint, 'the joint response is under the first comment it answers');
      assert.match(joint.text, /Päätös: Otettu osittain huomioon/);
      assert.match(joint.text, /Yhteinen vastaus 2 kommenttiin/);
      assert.match(
        attr(joint, '.response-change a', 'href')!,
        /^\/fi\/kymenlaakso\/2022-2025\/versions\/4\/.+\/uudistuva-elinkeinoelama\/$/,
      );
      assert.ok(parseHtml(page.body).querySelector(`#comment-${ids[2]} .council-response`), 'and under the second');
      assert.match(text(page.body, `#comment-${ids[0]} .council-response`), /Merkitty tiedoksi/);
      const again = await editor.post(`${DESK}/publish`);
      assert.equal(again.statusCode, 409, 'nothing left to publish');
    });

    test('an edit from a stale form is answered 409 with the stored response; a current one is saved', async () => {
      const stored = (await listResponses(t.ctx.db.kysely, await roundId(t.ctx)))[0]!;
      const form = await editor.get(`${DESK}?edit=${stored.id}`);
      assert.equal(form.statusCode, 200);
      const revision = attr(form.body, 'form.response-form input[name=revision]', 'value')!;
      assert.equal(revision, String(stored.revision));
      const fields = (fi: string): [string, string][] => [
        ['revision', revision],
        ['comment', String(ids[0])],
        ...Object.entries(responseText({ 'text.fi': fi })),
        ['decision', 'taken_into_account'],
      ];
      const first = await postEntries(editor, `${DESK}/${stored.id}`, fields('Ensimmäinen muokkaus.'));
      assert.equal(first.statusCode, 303, first.body.slice(0, 500));
      const stale = await postEntries(editor, `${DESK}/${stored.id}`, fields('Vanhentunut muokkaus.'));
      assert.equal(stale.statusCode, 409, stale.body.slice(0, 500));
      assert.match(text(stale.body, 'main'), /Joku muu muutti vastausta/);
      assert.match(text(stale.body, 'main'), /Ensimmäinen muokkaus/, 'the stored response is shown');
      assert.equal(
        attr(stale.body, 'form.response-form input[name=revision]', 'value'),
        String(stored.revision + 1),
        'the form moves on to the stored revision',
      );
      const now = (await listResponses(t.ctx.db.kysely, await roundId(t.ctx)))[0]!;
      assert.equal(now.text.fi, 'Ensimmäinen muokkaus.');
      assert.equal(now.status, 'published', 'an edited published response stays published');
    });

    test('a moderator who is not an editor is refused the desk', async () => {
      const moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod-r@example.fi', role: 'moderator', region: '08' }),
      );
      assert.equal((await moderator.get(DESK)).statusCode, 403);
      await moderator.get('/admin/account');
      const res = await moderator.post(DESK, { comment: String(ids[4]), decision: 'noted', 'text.fi': 'x' });
      assert.equal(res.statusCode, 403);
    });
  });
}
