/**
 * Statements on behalf of an organisation, their attachments and redaction over HTTP (issue 10):
 * an organisation sends a statement with a PDF (held for a moderator); a file whose content is not
 * a PDF, whatever its name, and a file over 10 MB are refused in the visitor's language with nothing
 * stored; the attachment downloads (attachment disposition, nosniff, CSP sandbox) to a moderator of
 * the region and, once approved and allowed, to the public (not before, and never when the sender
 * chose not to publish); a moderator of another region is refused; a redaction shows the redacted
 * text publicly and keeps the original only in the audit log; a stale redaction is a 409; the
 * organisation, signer and answers are shown escaped.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '#src/services/app-context.ts';
import { listAuditEvents } from '#src/storage/repositories/audit-repository.ts';
import { listComments, type CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { Browser, createUser, FakeClock, postMultipart, signedIn, type FilePart } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, attr, parseHtml, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { ROUND } from './consultation-fixture.ts';
import { openRoundWithQuestions, PNG_BYTES, QUESTIONS, samplePdf } from './statements-fixture.ts';

const ROUND_PAGE = `/fi/kymenlaakso/2022-2025/consultation/${ROUND}/`;
const ADMIN_ROUND = `/admin/regions/08/programmes/2022-2025/consultation/${ROUND}`;
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function roundId(ctx: AppContext): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('consultation_rounds')
    .select('id')
    .where('slug', '=', ROUND)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function stored(ctx: AppContext): Promise<{ comments: CommentRow[]; attachments: number }> {
  const comments = await listComments(ctx.db.kysely, await roundId(ctx));
  const n = await ctx.db.kysely
    .selectFrom('consultation_attachments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return { comments, attachments: Number(n.n) };
}

/** The statement form's hidden fields as the page gives them, with the organisation's answers. */
function statementFields(html: string, answers: Record<string, string>): Record<string, string> {
  const form = parseHtml(html).querySelector('form.statement-form');
  assert.ok(form, 'the page has the statement form');
  assert.equal(form.getAttribute('enctype'), 'multipart/form-data');
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input[type=hidden]'))
    if (input.getAttribute('name') !== '_csrf') fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  return {
    organisation: 'Kymen Yrittäjät ry',
    respondentType: 'organisation',
    publishAs: 'name',
    body: 'Lausuntomme luonnoksesta.',
    consent: 'yes',
    website: '',
    ...fields,
    ...answers,
  };
}

function assertDownload(res: LightMyRequestResponse, pdf: Buffer, name: string): void {
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="${name}"`));
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['content-security-policy']), /^sandbox;/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.deepEqual(res.rawPayload, pdf, 'the bytes as sent');
}

for (const target of databaseTargets()) {
  describe(`statements on behalf of an organisation (${target.name})`, () => {
    const clock = new FakeClock(Date.parse('2021-09-10T09:00:00Z'));
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = clock.now;
        await openRoundWithQuestions(ctx);
      },
    });
    let org: Browser;
    let moderator: Browser;
    const pdf = samplePdf('Kymen Yrittäjien lausunto');
    before(async () => {
      org = new Browser(t.app);
      moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod-statements@example.fi', role: 'moderator', region: '08' }),
      );
    });

    const send = async (
      answers: Record<string, string>,
      file?: FilePart,
      lang = 'fi',
    ): Promise<LightMyRequestResponse> => {
      const url = `/${lang}/kymenlaakso/2022-2025/consultation/${ROUND}/statement`;
      const form = await org.get(url);
      assert.equal(form.statusCode, 200, form.body.slice(0, 300));
      return postMultipart(org, url, statementFields(form.body, answers), file);
    };

    test('the round page links to the statement form, which asks each question of the round', async () => {
      const page = await t.get(ROUND_PAGE);
      assert.equal(attr(page.body, '.statement-link a', 'href'), `${ROUND_PAGE}statement`);
      const form = await org.get(`${ROUND_PAGE}statement`);
      assert.equal(form.headers['cache-control'], 'no-store');
      assert.deepEqual(
        all(form.body, 'form.statement-form textarea').map((a) => a.getAttribute('name')),
        ['answer.painopisteet', 'answer.rahoitus', 'body'],
      );
      assert.equal(text(form.body, 'label[for=field-answer-painopisteet]'), QUESTIONS[0].text.fi);
      assert.equal(attr(form.body, 'input[type=file]', 'name'), 'file');
      assert.doesNotMatch(form.body, /<script/);
    });

    test('an organisation sends a statement with a PDF: stored with its SHA-256 and held for a moderator', async () => {
      const sent = await send(
        {
          organisation: `Kymen <b>Yrittäjät</b> ry ${XSS}`,
          businessId: '0737546-2',
          signerName: `Matti ${XSS}`,
          signerRole: `toimitusjohtaja ${XSS}`,
          email: 'matti@example.fi',
          'answer.painopisteet': `Kyllä, mutta ${XSS}`,
          'answer.rahoitus': '',
          body: 'Kannatamme luonnosta. Puhelin 040 123 4567.',
        },
        { filename: 'lausunto.pdf', content: pdf, type: 'application/pdf' },
      );
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 800));
      assert.equal(sent.headers.location, `${ROUND_PAGE}sent?state=pending&kind=statement`);
      const thanks = await org.get(sent.headers.location as string);
      assert.match(text(thanks.body, 'h1'), /Kiitos lausunnostanne/);
      assert.match(text(thanks.body, 'main'), /moderaattori/);
      const { comments, attachments } = await stored(t.ctx);
      assert.equal(comments.length, 1);
      const s = comments[0]!;
      assert.equal(s.kind, 'statement');
      assert.equal(s.status, 'pending');
      assert.equal(s.heldReason, 'attachment');
      assert.equal(s.businessId, '0737546-2');
      assert.equal(s.signerRole, `toimitusjohtaja ${XSS}`);
      assert.deepEqual(s.answers, { painopisteet: `Kyllä, mutta ${XSS}` });
      assert.equal(s.nodeKey, null);
      assert.equal(attachments, 1);
      const row = await t.ctx.db.kysely.selectFrom('consultation_attachments').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.comment_id, s.id);
      assert.equal(row.file_name, 'lausunto.pdf');
      assert.equal(row.media_type, 'application/pdf');
      assert.equal(Number(row.bytes), pdf.length);
      assert.equal(row.sha256, createHash('sha256').update(pdf).digest('hex'));
      assert.deepEqual(Buffer.from(row.body), pdf);
    });

    test('a statement without attachment or links is published at once under links_or_attachments', async () => {
      const sent = await send({
        organisation: 'Kotkan kaupunki',
        respondentType: 'municipality',
        publishAs: 'anonymous',
      });
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 800));
      assert.equal(sent.headers.location, `${ROUND_PAGE}sent?state=published&kind=statement`);
    });

    test('a PNG or an HTML page named .pdf is refused in the visitor language; nothing is stored', async () => {
      const before0 = await stored(t.ctx);
      const png = await send({}, { filename: 'lausunto.pdf', content: PNG_BYTES, type: 'application/pdf' });
      assert.equal(png.statusCode, 400, png.body.slice(0, 300));
      assert.match(text(png.body, '.error-summary'), /liitteen pitää olla PDF-tiedosto/);
      assert.equal(text(png.body, '#field-body'), 'Lausuntomme luonnoksesta.', 'the text is kept');
      const html = await send(
        {},
        { filename: 'lausunto.PDF', content: '<html><script>alert(1)</script></html>', type: 'application/pdf' },
        'sv',
      );
      assert.equal(html.statusCode, 400);
      assert.match(text(html.body, '.error-summary'), /bilagan ska vara en PDF-fil/);
      const fake = await send(
        {},
        { filename: 'x.pdf', content: '%PDF-1.4\nnothing else', type: 'application/pdf' },
        'en',
      );
      assert.equal(fake.statusCode, 400);
      assert.match(text(fake.body, '.error-summary'), /damaged or incomplete/);
      const after = await stored(t.ctx);
      assert.equal(after.comments.length, before0.comments.length);
      assert.equal(after.attachments, before0.attachments);
    });

    test('a file over 10 MB and a wrong business id are refused; nothing is stored', async () => {
      const before0 = await stored(t.ctx);
      const big = Buffer.concat([samplePdf(), Buffer.alloc(10 * 1024 * 1024 + 1 - samplePdf().length, 0x20)]);
      const large = await send({}, { filename: 'iso.pdf', content: big, type: 'application/pdf' });
      assert.equal(large.statusCode, 400, large.body.slice(0, 300));
      assert.match(text(large.body, '.error-summary'), /enintään 10 Mt/);
      const wrongId = await send({ businessId: '0737546-3' });
      assert.equal(wrongId.statusCode, 400);
      assert.match(text(wrongId.body, '.error-summary'), /Y-tunnus/);
      const noOrg = await send({ organisation: ' ' });
      assert.equal(noOrg.statusCode, 400);
      assert.match(text(noOrg.body, '.error-summary'), /organisation: on pakollinen/);
      const after = await stored(t.ctx);
      assert.equal(after.comments.length, before0.comments.length);
      assert.equal(after.attachments, before0.attachments);
    });

    test('the attachment downloads to a moderator always, and to the public only once approved and allowed', async () => {
      const s = (await stored(t.ctx)).comments.find((c) => c.businessId === '0737546-2')!;
      const publicUrl = `${ROUND_PAGE}attachments/${s.id}`;
      const adminUrl = `${ADMIN_ROUND}/comments/${s.id}/attachment`;
      assert.equal((await t.get(publicUrl)).statusCode, 404, 'not public before approval');
      const queue = await moderator.get(ADMIN_ROUND);
      assert.equal(queue.statusCode, 200);
      assert.ok(links(queue.body).includes(adminUrl), 'the queue links the attachment');
      assertDownload(await moderator.get(adminUrl), pdf, 'lausunto.pdf');
      assert.equal((await t.get(adminUrl)).statusCode, 302, 'anonymous: to the sign-in');

      const other = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod-uusimaa-st@example.fi', role: 'moderator', region: '01' }),
      );
      assert.equal((await other.get(adminUrl)).statusCode, 403);

      const done = await moderator.post(`${ADMIN_ROUND}/moderate`, {
        comment: `${s.id}:${s.revision}`,
        action: 'approve',
        reason: 'off_topic',
        into: '',
      });
      assert.equal(done.statusCode, 303, done.body.slice(0, 300));
      assertDownload(await t.get(publicUrl), pdf, 'lausunto.pdf');
      const page = await t.get(ROUND_PAGE);
      assert.ok(links(page.body).includes(publicUrl), 'the round page links the attachment');

      // A statement its sender did not allow to be published keeps its attachment from the public.
      const hidden = await send(
        { organisation: 'Salainen Oy', respondentType: 'company', publishAs: 'none' },
        { filename: 'salainen.pdf', content: samplePdf('salainen'), type: 'application/pdf' },
      );
      assert.equal(hidden.statusCode, 303, hidden.body.slice(0, 300));
      const h = (await stored(t.ctx)).comments.find((c) => c.organisation === 'Salainen Oy')!;
      await moderator.get(ADMIN_ROUND);
      await moderator.post(`${ADMIN_ROUND}/moderate`, { comment: `${h.id}:${h.revision}`, action: 'approve' });
      assert.equal((await listComments(t.ctx.db.kysely, h.roundId)).find((c) => c.id === h.id)!.status, 'approved');
      assert.equal((await t.get(`${ROUND_PAGE}attachments/${h.id}`)).statusCode, 404);
      assert.equal((await moderator.get(`${ADMIN_ROUND}/comments/${h.id}/attachment`)).statusCode, 200);
    });

    test('the organisation, signer and answers are shown escaped to the public and the moderator', async () => {
      const page = await t.get(ROUND_PAGE);
      const statement = all(page.body, 'li.comment').find((li) => li.text.includes('Kymen <b>Yrittäjät</b> ry'));
      assert.ok(statement, 'the approved statement is public');
      assert.ok(statement.text.includes(`Matti ${XSS} (toimitusjohtaja ${XSS})`), 'signer and role as text');
      assert.ok(text(statement, '.comment-answers dt').includes(QUESTIONS[0].text.fi));
      assert.ok(text(statement, '.comment-answers dd').includes(`Kyllä, mutta ${XSS}`));
      assert.doesNotMatch(page.body, /<script>alert|<img src=x|<b>Yrittäjät/);
      assert.doesNotMatch(page.body, /matti@example\.fi|0737546-2/, 'no e-mail or business id in public');
      const queue = await moderator.get(ADMIN_ROUND);
      assert.match(queue.body, /0737546-2/);
      assert.doesNotMatch(queue.body, /<script>alert|<img src=x|<b>Yrittäjät/);
    });

    test('a redaction shows the redacted text publicly; the original is only in the audit log; a stale one is 409', async () => {
      const s = (await stored(t.ctx)).comments.find((c) => c.businessId === '0737546-2')!;
      const original = 'Puhelin 040 123 4567.';
      assert.ok(s.body.includes(original));
      await moderator.get(ADMIN_ROUND);
      const redact = await moderator.post(`${ADMIN_ROUND}/redact`, {
        comment: `${s.id}:${s.revision}`,
        passage: '040 123 4567',
        reason: 'Henkilön puhelinnumero',
      });
      assert.equal(redact.statusCode, 303, redact.body.slice(0, 500));
      assert.equal(redact.headers.location, `${ADMIN_ROUND}?redacted=${s.id}`);

      const page = await t.get(ROUND_PAGE);
      const li = all(page.body, 'li.comment').find((c) => c.text.includes('Kannatamme luonnosta'))!;
      assert.match(text(li, '.comment-body'), /Puhelin \[poistettu\]\./);
      assert.match(text(li, '.comment-redacted'), /poistanut tekstistä kohdan/);
      const queue = await moderator.get(`${ADMIN_ROUND}?redacted=${s.id}`);
      for (const html of [page.body, queue.body]) assert.doesNotMatch(html, /040 123 4567/);
      const row = (await stored(t.ctx)).comments.find((c) => c.id === s.id)!;
      assert.ok(!JSON.stringify(row).includes('040 123 4567'), 'the stored comment holds no original');
      assert.equal(row.redactedBody, 'Kannatamme luonnosta. Puhelin [poistettu].');
      assert.equal(row.redactionReason, 'Henkilön puhelinnumero');
      const { entries } = await listAuditEvents(t.ctx.db.kysely, { action: 'consultation.comment.redact' });
      assert.equal(entries.length, 1);
      assert.match(JSON.stringify(entries[0]!.before), /040 123 4567/);
      assert.doesNotMatch(JSON.stringify(entries[0]!.after), /040 123 4567/);

      // The same form again (the revision it was loaded at): a 409 with the comment as it is now.
      const stale = await moderator.post(`${ADMIN_ROUND}/redact`, {
        comment: `${s.id}:${s.revision}`,
        passage: 'Kannatamme',
        reason: 'toinen',
      });
      assert.equal(stale.statusCode, 409, stale.body.slice(0, 300));
      assert.equal((await stored(t.ctx)).comments.find((c) => c.id === s.id)!.revision, row.revision);

      const missing = await moderator.post(`${ADMIN_ROUND}/redact`, {
        comment: `${s.id}:${row.revision}`,
        passage: 'ei tekstissä',
        reason: 'x',
      });
      assert.equal(missing.statusCode, 400);
      assert.match(text(missing.body, '.error-summary'), /ei löydy kommentin tekstistä/);
      assert.equal(
        attr(missing.body, `details.redaction[open] input[name=comment]`, 'value'),
        `${s.id}:${row.revision}`,
      );

      const other = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod-uusimaa-red@example.fi', role: 'moderator', region: '01' }),
      );
      const refused = await other.post(`${ADMIN_ROUND}/redact`, {
        comment: `${s.id}:${row.revision}`,
        passage: 'Kannatamme',
        reason: 'x',
      });
      assert.equal(refused.statusCode, 403);
    });
  });
}

function links(html: string): string[] {
  return all(html, 'a[href]').map((a) => a.getAttribute('href')!);
}
