/**
 * Commenters' personal data (issue 10, point 7), on every database: after a round's retention date
 * the system removes the names, e-mail addresses, business ids and signer roles of its comments
 * (the texts and the statement's organisation stay) — not before the date, not on a dry run, once
 * only; by the service, the CLI (`suunta consultation purge [--dry-run]`) and the server's own
 * hourly timer. An admin of the region removes one person's data on request by e-mail address or
 * comment number, leaving everyone else's. The audit events name counts, never the data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FieldErrors } from '#src/domain/edit-errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { erasePersonalData, removeExpiredPersonalData } from '#src/services/consultation/personal-data.ts';
import { startRetentionTimer } from '#src/services/consultation/retention-timer.ts';
import { findRound, listComments, type CommentRow } from '#src/storage/repositories/consultation-repository.ts';
import { assertAdminPage, createUser, FakeClock, signedIn, type Browser } from '../admin/admin-fixture.ts';
import { runCli, snapshotAt } from '../support/cli.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { EDITOR, openRound, PROGRAMME, ROUND } from './consultation-fixture.ts';
import { ANONYMOUS, BODIES, NAMED, PERSONAL, SIGNER, sendPersonalComments } from './privacy-fixture.ts';

const IN_ROUND = Date.parse('2021-09-10T09:00:00Z');

async function roundComments(ctx: AppContext): Promise<CommentRow[]> {
  const programme = await ctx.db.kysely
    .selectFrom('programmes')
    .select('id')
    .where('region_code', '=', PROGRAMME.code)
    .where('slug', '=', PROGRAMME.slug)
    .executeTakeFirstOrThrow();
  const round = await findRound(ctx.db.kysely, programme.id, ROUND);
  return listComments(ctx.db.kysely, round!.id);
}

const personal = (c: CommentRow) => [c.authorName, c.authorEmail, c.businessId, c.signerRole];

async function auditOf(ctx: AppContext, action: string) {
  return ctx.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
}

function assertNamesNoOne(rows: readonly unknown[], what: string): void {
  const json = JSON.stringify(rows);
  for (const p of [...PERSONAL, SIGNER.businessId, SIGNER.role, 'Maija@Example.FI'])
    assert.ok(!json.toLowerCase().includes(p.toLowerCase()), `${what} does not contain ${p}`);
}

for (const target of databaseTargets()) {
  describe(`personal data removed after the retention date (${target.name})`, () => {
    let ctx: AppContext;
    let ids: Awaited<ReturnType<typeof sendPersonalComments>>;
    before(async () => {
      ctx = await openTestContext(target);
      ctx.clock = new FakeClock(IN_ROUND).now;
      await openRound(ctx, { retentionUntil: '2022-12-31' });
      ids = await sendPersonalComments(ctx);
    });
    after(async () => {
      await ctx.close();
    });

    test('on the retention day itself (23.59 Finnish time) nothing is removed', async () => {
      const was = await snapshot(ctx.db.kysely);
      assert.deepEqual(await removeExpiredPersonalData(ctx, new Date('2022-12-31T21:59:00Z')), []);
      assert.deepEqual(await snapshot(ctx.db.kysely), was);
      const stored = await roundComments(ctx);
      assert.equal(stored.find((c) => c.id === ids.named)!.authorEmail, NAMED.email);
      assert.equal(stored.find((c) => c.id === ids.statement)!.businessId, SIGNER.businessId);
    });

    test('a dry run after the date tells what it would remove and changes nothing', async () => {
      const was = await snapshot(ctx.db.kysely);
      const would = await removeExpiredPersonalData(ctx, new Date('2023-01-01T00:00:00Z'), { dryRun: true });
      assert.deepEqual(would, [
        { regionCode: '08', programme: '2022-2025', round: ROUND, retentionUntil: '2022-12-31', comments: 5 },
      ]);
      assert.deepEqual(await snapshot(ctx.db.kysely), was);
    });

    test('after the date the names, e-mail addresses, business id and signer role go; texts and organisations stay', async () => {
      const removed = await removeExpiredPersonalData(ctx, new Date('2023-01-01T00:00:00Z'));
      assert.deepEqual(removed, [
        { regionCode: '08', programme: '2022-2025', round: ROUND, retentionUntil: '2022-12-31', comments: 5 },
      ]);
      const stored = await roundComments(ctx);
      assert.equal(stored.length, 5);
      for (const c of stored) {
        assert.deepEqual(personal(c), [null, null, null, null], `comment #${c.id}`);
        assert.equal(c.personalDataRemovedAt, '2023-01-01T00:00:00.000Z');
        assert.equal(c.status, 'approved');
      }
      assert.deepEqual(
        Object.fromEntries(stored.map((c) => [c.id, c.body])),
        Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, BODIES[k as keyof typeof BODIES]])),
      );
      assert.equal(stored.find((c) => c.id === ids.statement)!.organisation, SIGNER.organisation);
      assert.equal(stored.find((c) => c.id === ids.statement)!.kind, 'statement');
      const programme = await ctx.db.kysely.selectFrom('programmes').select('id').where('slug', '=', PROGRAMME.slug);
      const round = await ctx.db.kysely
        .selectFrom('consultation_rounds')
        .select('personal_data_removed_at')
        .where('programme_id', 'in', programme)
        .where('slug', '=', ROUND)
        .executeTakeFirstOrThrow();
      assert.equal(round.personal_data_removed_at, '2023-01-01T00:00:00.000Z');
      const audit = await auditOf(ctx, 'consultation.personal_data.retention');
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor, 'system');
      assert.match(audit[0]!.summary, /of 5 comment\(s\) of round "luonnos-2021"/);
      assertNamesNoOne(audit, 'the audit event');
    });

    test('running it again removes nothing more and writes nothing', async () => {
      const was = await snapshot(ctx.db.kysely);
      assert.deepEqual(await removeExpiredPersonalData(ctx, new Date('2023-02-01T00:00:00Z')), []);
      assert.deepEqual(await snapshot(ctx.db.kysely), was);
    });
  });

  describe(`one person's data removed on request (${target.name})`, () => {
    let ids: Awaited<ReturnType<typeof sendPersonalComments>>;
    const t = useTestApp(target, {
      prepare: async (ctx) => {
        ctx.clock = new FakeClock(IN_ROUND).now;
        await openRound(ctx);
        ids = await sendPersonalComments(ctx);
      },
    });
    const PAGE = '/admin/regions/08/consultation/personal-data';
    let admin: Browser;
    before(async () => {
      admin = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'admin@example.fi', role: 'admin', region: '08' }),
      );
    });

    test('only an admin of the region opens the page', async () => {
      const res = await admin.get(PAGE);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.match(text(res.body, 'h1'), /Kommentoijien henkilötiedot – Kymenlaakso/);
      for (const lang of ['fi', 'sv', 'en'] as const)
        assertAdminPage(await admin.get(`${PAGE}?lang=${lang}`), lang, `the personal data page in ${lang}`);
      await admin.get(`${PAGE}?lang=fi`);
      const dashboard = await admin.get('/admin');
      assert.match(
        dashboard.body,
        /href="\/admin\/regions\/08\/consultation\/personal-data"/,
        'linked from the dashboard',
      );
      const moderator = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'mod@example.fi', role: 'moderator', region: '08' }),
      );
      assert.equal((await moderator.get(PAGE)).statusCode, 403);
      const other = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'admin01@example.fi', role: 'admin', region: '01' }),
      );
      assert.equal((await other.get(PAGE)).statusCode, 403);
    });

    test('neither or both of address and number, or an address nobody used: refused, nothing written', async () => {
      const was = await snapshot(t.ctx.db.kysely);
      await admin.get(PAGE);
      for (const [form, field, message] of [
        [{ email: '', comment: '' }, 'email', /anna joko sähköpostiosoite tai kommentin numero/],
        [{ email: NAMED.email, comment: '3' }, 'email', /anna joko/],
        [{ email: 'nobody@example.fi', comment: '' }, 'email', /yhtään maakunnan kuulemisen kommenttia/],
        [{ email: '', comment: 'x' }, 'comment', /ei ole tällä numerolla/],
      ] as const) {
        const res = await admin.post(PAGE, form);
        assert.equal(res.statusCode, 400, res.body.slice(0, 300));
        assert.match(text(res.body, '.error-summary'), message);
        assert.match(res.body, new RegExp(`<a href="#field-${field}">`), `the summary points at ${field}`);
      }
      await assert.rejects(
        erasePersonalData(t.ctx, EDITOR, '01', { email: NAMED.email }),
        (e: unknown) => e instanceof FieldErrors && 'email' in e.fields,
        "another region's admin finds none of 08's comments",
      );
      assert.deepEqual(await snapshot(t.ctx.db.kysely), was);
    });

    test("an address (any letter case) clears that person's comments only; the texts stay", async () => {
      await admin.get(PAGE);
      const res = await admin.post(PAGE, { email: ' MAIJA@example.fi ', comment: '' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.equal(res.headers.location, `${PAGE}?done=2`);
      const done = await admin.get(res.headers.location as string);
      assert.match(text(done.body, '.notice'), /Henkilötiedot poistettiin 2 kommentista/);
      const stored = await roundComments(t.ctx);
      for (const c of stored) {
        if (c.id === ids.named || c.id === ids.second) {
          assert.deepEqual(personal(c), [null, null, null, null]);
          assert.ok(c.personalDataRemovedAt);
        } else assert.ok(c.authorEmail, `comment #${c.id} keeps its sender's address`);
      }
      assert.equal(stored.find((c) => c.id === ids.named)!.body, BODIES.named);
      assert.equal(stored.find((c) => c.id === ids.named)!.organisation, NAMED.organisation);
      assert.equal(stored.find((c) => c.id === ids.anonymous)!.authorName, ANONYMOUS.name);
      const audit = await auditOf(t.ctx, 'consultation.personal_data.erase');
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor, 'admin@example.fi');
      assert.equal(audit[0]!.entity_id, `${ids.named},${ids.second}`);
      assertNamesNoOne(audit, 'the audit event');
    });

    test('a comment number clears that comment: the statement keeps its organisation', async () => {
      await admin.get(PAGE);
      const res = await admin.post(PAGE, { email: '', comment: `#${ids.statement}` });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const stored = (await roundComments(t.ctx)).find((c) => c.id === ids.statement)!;
      assert.deepEqual(personal(stored), [null, null, null, null]);
      assert.equal(stored.organisation, SIGNER.organisation);
      assert.equal(stored.body, BODIES.statement);
      const again = await admin.post(PAGE, { email: '', comment: String(ids.statement) });
      assert.equal(again.statusCode, 400, 'nothing left to remove');
      assert.ok((await roundComments(t.ctx)).find((c) => c.id === ids.anonymous)!.authorEmail);
    });
  });

  describe(`suunta consultation purge and the server's timer (${target.name})`, () => {
    let ctx: AppContext;
    const clock = new FakeClock(IN_ROUND);
    before(async () => {
      ctx = await openTestContext(target);
      ctx.clock = clock.now;
      await openRound(ctx, { retentionUntil: '2022-12-31' });
      await sendPersonalComments(ctx);
    });
    after(async () => {
      await ctx.close();
    });

    test('--dry-run lists the round and changes nothing; the purge removes; a second purge finds nothing', async () => {
      const url = ctx.config.databaseUrl;
      const was = await snapshotAt(url);
      const dry = await runCli(['consultation', 'purge', '--dry-run'], url);
      assert.deepEqual(dry, {
        code: 0,
        out:
          '08-2022-2025 round luonnos-2021 (retention until 2022-12-31): would remove the personal data of 5 comment(s)\n' +
          'Dry run: nothing was changed.\n',
        err: '',
      });
      assert.deepEqual(await snapshotAt(url), was);
      const run = await runCli(['consultation', 'purge'], url);
      assert.deepEqual(run, {
        code: 0,
        out: '08-2022-2025 round luonnos-2021 (retention until 2022-12-31): removed the personal data of 5 comment(s)\n',
        err: '',
      });
      for (const c of await roundComments(ctx)) assert.deepEqual(personal(c), [null, null, null, null]);
      const again = await runCli(['consultation', 'purge'], url);
      assert.deepEqual(again, {
        code: 0,
        out: 'No consultation round is past its retention date with personal data left.\n',
        err: '',
      });
    });

    test('--help describes the command', async () => {
      const help = await runCli(['consultation', 'purge', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, /Usage: suunta consultation purge \[--dry-run\]/);
      assert.match(help.out, /--dry-run/);
      const top = await runCli(['--help']);
      assert.match(top.out, /suunta consultation purge \[--dry-run\]\n {6}Remove commenters' personal data/);
    });
  });

  describe(`the server's own timer removes expired personal data at start and then periodically (${target.name})`, () => {
    let ctx: AppContext;
    const clock = new FakeClock(IN_ROUND);
    before(async () => {
      ctx = await openTestContext(target);
      ctx.clock = clock.now;
      await openRound(ctx, { retentionUntil: '2022-12-31' });
      await sendPersonalComments(ctx);
    });
    after(async () => {
      await ctx.close();
    });

    test('before the date its first run removes nothing; once the date has passed a later run does', async () => {
      const reports: number[] = [];
      const errors: unknown[] = [];
      const timer = startRetentionTimer(ctx, {
        intervalMs: 20,
        onRemoved: (rounds) => reports.push(...rounds.map((r) => r.comments)),
        onError: (e) => errors.push(e),
      });
      try {
        await timer.running;
        assert.deepEqual(reports, []);
        assert.ok((await roundComments(ctx)).every((c) => c.authorEmail !== null || c.authorName !== null));
        clock.advance(Date.parse('2023-01-01T06:00:00Z') - IN_ROUND);
        const until = Date.now() + 5000;
        while (reports.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        await timer.running;
        assert.deepEqual(reports, [5]);
        assert.deepEqual(errors, []);
        for (const c of await roundComments(ctx)) assert.deepEqual(personal(c), [null, null, null, null]);
      } finally {
        await timer.stop();
      }
      // Stopped: no run after stop() (the next would find nothing anyway; the count of runs stays).
      assert.equal((await auditOf(ctx, 'consultation.personal_data.retention')).length, 1);
    });
  });
}
