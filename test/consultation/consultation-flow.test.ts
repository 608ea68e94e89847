/**
 * A consultation round end to end over HTTP, as a resident and a moderator meet it (issue 10): the
 * round page with a plain "comment on this paragraph" link per paragraph; the form (no JavaScript)
 * with its CSRF token and idempotency key; a double submit storing one comment; the moderation queue;
 * the published comment escaped on the public page; rejections counted per reason; a closed round
 * refusing; a moderator of another region refused; a wrong quote and the honeypot refused.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AppContext } from '#src/services/app-context.ts';
import { listComments } from '#src/storage/repositories/consultation-repository.ts';
import { Browser, createUser, FakeClock, signedIn } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, attr, parseHtml, tableRows, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { NODE, openRound, ROUND } from './consultation-fixture.ts';

const ROUND_PAGE = `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/`;
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function roundId(ctx: AppContext): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('consultation_rounds')
    .select('id')
    .where('slug', '=', ROUND)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The form's fields as the page gives them, with the visitor's answers. */
function formFields(html: string, answers: Record<string, string>): Record<string, string> {
  const form = parseHtml(html).querySelector('form.comment-form');
  assert.ok(form, 'the page has the comment form');
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input[type=hidden]'))
    fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  return { respondentType: 'resident', publishAs: 'anonymous', consent: 'yes', website: '', ...fields, ...answers };
}

for (const target of databaseTargets()) {
  describe(`a consultation round over HTTP (${target.name})`, () => {
    const clock = new FakeClock(Date.parse('2021-09-10T09:00:00Z'));
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = clock.now;
        await openRound(ctx);
      },
    });
    let resident: Browser;
    before(() => {
      resident = new Browser(t.app);
    });

    test('the round page numbers each paragraph of the draft with a plain link to comment on it', async () => {
      const res = await t.get(ROUND_PAGE);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(attr(res.body, 'html', 'lang'), 'fi');
      assert.match(text(res.body, 'h1'), /Maakuntaohjelman luonnos nähtävillä/);
      assert.match(text(res.body, '.round-phase'), /30\.9\.2021 klo 15\.00/);
      const section = parseHtml(res.body).querySelector(`#node-${NODE}`);
      assert.ok(section, 'the priority has its section');
      const hrefs = all(section, '.comment-link a').map((a) => a.getAttribute('href'));
      assert.deepEqual(hrefs.slice(0, 2), [
        `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/comment?node=${NODE}&p=0`,
        `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/comment?node=${NODE}&p=1`,
      ]);
      assert.match(all(section, '.consultation-paragraph p')[0]!.text, /^Elinkeinoelämää monipuolistetaan/);
      const scripts = all(res.body, 'script');
      assert.deepEqual(
        scripts.map((s) => [s.getAttribute('src')?.replace(/\?v=.*$/, ''), s.text]),
        [['/assets/quote.js', '']],
        'one external script, the quote enhancement; nothing inline',
      );
    });

    test('a resident comments on a paragraph; sending the same form twice stores one comment', async () => {
      const prefilled = await resident.get(
        `${ROUND_PAGE}comment?node=${NODE}&p=1&quote=${encodeURIComponent('Pyhtää-ilmiö')}`,
      );
      assert.equal(
        text(prefilled.body, '#field-quote'),
        'Pyhtää-ilmiö',
        'a passage selected on the round page fills the quote',
      );
      const form = await resident.get(`${ROUND_PAGE}comment?node=${NODE}&p=1`);
      assert.equal(form.statusCode, 200, form.body.slice(0, 300));
      assert.equal(form.headers['cache-control'], 'no-store');
      assert.match(text(form.body, 'blockquote'), /^Kymenlaakson valttikortteja/);
      const fields = formFields(form.body, {
        body: `Pyhtää-ilmiö on hyvä. ${XSS}\nToinen rivi.`,
        quote: 'Pyhtää-ilmiö',
        publishAs: 'name',
        name: 'Maija <b>Meikäläinen</b>',
        email: 'maija@example.fi',
      });
      assert.match(fields['key']!, /^[A-Za-z0-9_-]{16,64}$/);
      const sent = await resident.post(`${ROUND_PAGE}comment`, fields);
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
      assert.equal(sent.headers.location, `${ROUND_PAGE}sent?state=pending`);
      const again = await resident.post(`${ROUND_PAGE}comment`, fields);
      assert.equal(again.statusCode, 303, 'a double submit is answered like the first');
      const stored = await listComments(t.ctx.db.kysely, await roundId(t.ctx));
      assert.equal(stored.length, 1, 'one comment stored');
      assert.equal(stored[0]!.status, 'pending');
      assert.equal(stored[0]!.paragraphIndex, 1);
      assert.equal(stored[0]!.quote, 'Pyhtää-ilmiö');
      assert.match(stored[0]!.quoteBefore, /suurissa asioissa\. $/);
      assert.equal(stored[0]!.textLang, 'fi');
      const thanks = await resident.get(sent.headers.location as string);
      assert.match(text(thanks.body, 'main'), /moderaattori/);
    });

    test('nothing is public before a moderator approves; then the comment shows escaped, with the name', async () => {
      const before0 = await t.get(ROUND_PAGE);
      assert.equal(all(before0.body, 'li.comment').length, 0);
      const moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod@example.fi', role: 'moderator', region: '08' }),
      );
      const queue = await moderator.get(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
      assert.equal(queue.statusCode, 200, queue.body.slice(0, 300));
      assert.match(queue.body, /maija@example\.fi/, 'the moderator sees the e-mail address');
      assert.doesNotMatch(queue.body, /<script>alert/);
      const value = attr(queue.body, 'input[name=comment]', 'value')!;
      const done = await moderator.post(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}/moderate`, {
        comment: value,
        action: 'approve',
        reason: 'off_topic',
        into: '',
      });
      assert.equal(done.statusCode, 303, done.body.slice(0, 500));
      const page = await t.get(ROUND_PAGE);
      const comment = parseHtml(page.body).querySelector(`#node-${NODE} li.comment`);
      assert.ok(comment, 'the comment is under its paragraph');
      assert.match(comment.text, /Maija <b>Meikäläinen<\/b>/, 'the name as text');
      assert.ok(comment.text.includes(XSS), 'the payload shown as text');
      assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
      assert.doesNotMatch(page.body, /maija@example\.fi/, 'the e-mail address is never public');
      assert.match(text(page.body, `#node-${NODE}-title`), /\(1 kommentti\)/);
    });

    test('a rejected comment is counted under its reason and not shown', async () => {
      const form = await resident.get(`${ROUND_PAGE}comment`);
      const sent = await resident.post(
        `${ROUND_PAGE}comment`,
        formFields(form.body, { body: 'Osta halpoja kelloja!' }),
      );
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
      const moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod2@example.fi', role: 'moderator', region: '08' }),
      );
      const queue = await moderator.get(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
      const res = await moderator.post(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}/moderate`, {
        comment: attr(queue.body, 'input[name=comment]', 'value')!,
        action: 'reject',
        reason: 'advertising',
        into: '',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const page = await t.get(ROUND_PAGE);
      assert.deepEqual(tableRows(page.body, 'Hylätyt kommentit syyn mukaan'), [['Mainonta', '1']]);
      assert.doesNotMatch(page.body, /halpoja kelloja/);
    });

    test('a quote that is not in the paragraph and a filled honeypot are refused with the reason, nothing stored', async () => {
      const count = async (): Promise<number> => (await listComments(t.ctx.db.kysely, await roundId(t.ctx))).length;
      const before1 = await count();
      const form = await resident.get(`${ROUND_PAGE}comment?node=${NODE}&p=1`);
      const wrong = await resident.post(
        `${ROUND_PAGE}comment`,
        formFields(form.body, { body: 'Hyvä', quote: 'ei tässä kappaleessa' }),
      );
      assert.equal(wrong.statusCode, 400);
      assert.match(text(wrong.body, '.error-summary'), /Kommentoitavaa kohtaa ei löydy kappaleesta/);
      assert.equal(text(wrong.body, '#field-body'), 'Hyvä', 'the text is kept');
      const form2 = await resident.get(`${ROUND_PAGE}comment`);
      const bot = await resident.post(
        `${ROUND_PAGE}comment`,
        formFields(form2.body, { body: 'spam', website: 'http://spam.example' }),
      );
      assert.equal(bot.statusCode, 400);
      const form3 = await resident.get(`${ROUND_PAGE}comment`);
      const noConsent = await resident.post(
        `${ROUND_PAGE}comment`,
        formFields(form3.body, { body: 'Hyvä', consent: '' }),
      );
      assert.equal(noConsent.statusCode, 400);
      assert.match(text(noConsent.body, '.error-summary'), /hyväksy tietojen käsittely/);
      assert.equal(await count(), before1);
    });

    test('a moderator of another region is refused the queue and the decisions', async () => {
      const other = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod-uusimaa@example.fi', role: 'moderator', region: '01' }),
      );
      const queue = await other.get(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`);
      assert.equal(queue.statusCode, 403);
      await other.get('/admin/account');
      const post = await other.post(`/admin/regions/08/programmes/2022-2025/consultation/${ROUND}/moderate`, {
        comment: '1:1',
        action: 'approve',
      });
      assert.equal(post.statusCode, 403);
    });

    test('after the closing time the round refuses new comments in the visitor language', async () => {
      const form = await resident.get(`/sv/kymenlaakso/2022-2025/consultation/${ROUND}/comment`);
      const fields = formFields(form.body, { body: 'Sent' });
      clock.advance(30 * 24 * 3600_000);
      const late = await resident.post(`/sv/kymenlaakso/2022-2025/consultation/${ROUND}/comment`, fields);
      assert.equal(late.statusCode, 409, late.body.slice(0, 300));
      assert.match(text(late.body, '.error-summary'), /Hörandet har slutat/);
      const page = await t.get(ROUND_PAGE);
      assert.match(text(page.body, '.round-phase'), /Kommentointi päättyi 30\.9\.2021 klo 15\.00/);
      assert.equal(all(page.body, '.comment-link').length, 0, 'no comment links on a closed round');
      const closedForm = await resident.get(`${ROUND_PAGE}comment`);
      assert.equal(parseHtml(closedForm.body).querySelector('form.comment-form'), null);
    });
  });
}
