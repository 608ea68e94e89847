/**
 * Opening a consultation round in the admin (issue 10, point 1): an editor opens a round on the
 * version in consultation with its times in Finnish time, introduction, questions and documents; a
 * closing time before the opening and a taken identifier are refused in the admin language with the
 * form kept; a viewer may look but not open one; without a version in consultation the page says so.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roundsOf } from '#src/services/consultation/rounds.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { createUser, signedIn } from '../admin/admin-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, attr, text } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { EDITOR, PROGRAMME, versionRevision } from './consultation-fixture.ts';

const PAGE = '/admin/regions/08/programmes/2022-2025/consultation';

const FORM = {
  slug: 'luonnos-2025',
  'title.fi': 'Ohjelman päivitys nähtävillä',
  'title.sv': '',
  'title.en': 'The update on display',
  'intro.fi': 'Päivitysluonnos on nähtävillä.',
  'intro.sv': '',
  'intro.en': '',
  opens: '2025-09-01T08:00',
  closes: '2025-09-30T15:00',
  preModeration: 'links_or_attachments',
  retentionUntil: '2026-12-31',
  'questions.fi': 'Mitä mieltä olette painopisteistä?\n\nPuuttuuko jotain?',
  'questions.sv': '',
  'questions.en': 'What do you think of the priorities?\nIs anything missing?',
  documents: 'Ympäristöselostus | https://www.kymenlaakso.fi/ymparistoselostus.pdf',
};

for (const target of databaseTargets()) {
  describe(`opening a consultation round in the admin (${target.name})`, () => {
    const t = useTestApp(target);

    test('without a version in consultation the page says so and offers no form', async () => {
      const editor = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'r-editor@example.fi', role: 'editor', region: '08' }),
      );
      const page = await editor.get(PAGE);
      assert.equal(page.statusCode, 200);
      assert.match(text(page.body, 'main'), /Ohjelmalla ei ole lausunnolla olevaa versiota/);
      assert.equal(all(page.body, 'main form').length, 0);
      assert.match(
        text(page.body, 'main table'),
        /Maakuntaohjelman luonnos nähtävillä 1\.–30\.9\.2021/,
        'the seeded round is listed',
      );
    });

    test('an editor opens a round with questions and documents; bad times and a taken identifier are refused', async () => {
      await startUpdate(t.ctx, EDITOR, PROGRAMME);
      await transitionVersion(
        t.ctx,
        EDITOR,
        { ...PROGRAMME, number: 3 },
        { revision: await versionRevision(t.ctx, 3), action: 'consult' },
      );
      const editor = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'r-editor2@example.fi', role: 'editor', region: '08' }),
      );
      await editor.get(PAGE);
      const bad = await editor.post(PAGE, { ...FORM, closes: '2025-08-01T08:00' });
      assert.equal(bad.statusCode, 400);
      assert.match(text(bad.body, '.error-summary'), /pitää olla alkamisajan jälkeen/);
      assert.equal(attr(bad.body, '#field-slug', 'value'), 'luonnos-2025', 'the form is kept');
      const ok = await editor.post(PAGE, FORM);
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
      const { rounds } = await roundsOf(t.ctx.db.kysely, PROGRAMME);
      const round = rounds.find((r) => r.slug === 'luonnos-2025')!;
      assert.equal(round.opensAt, '2025-09-01T05:00:00.000Z', 'Finnish summer time');
      assert.equal(round.closesAt, '2025-09-30T12:00:00.000Z');
      assert.equal(round.preModeration, 'links_or_attachments');
      assert.deepEqual(round.questions, [
        { key: 'q1', text: { fi: 'Mitä mieltä olette painopisteistä?', en: 'What do you think of the priorities?' } },
        { key: 'q2', text: { fi: 'Puuttuuko jotain?', en: 'Is anything missing?' } },
      ]);
      assert.deepEqual(round.documents, [
        { title: { fi: 'Ympäristöselostus' }, url: 'https://www.kymenlaakso.fi/ymparistoselostus.pdf' },
      ]);
      await editor.get(PAGE);
      const again = await editor.post(PAGE, FORM);
      assert.equal(again.statusCode, 400);
      assert.match(text(again.body, '.error-summary'), /on jo tämän ohjelman kuulemisen tunnus/);
      const badDocs = await editor.post(PAGE, { ...FORM, slug: 'toinen', documents: 'pelkkä otsikko' });
      assert.equal(badDocs.statusCode, 400);
      assert.match(text(badDocs.body, '.error-summary'), /otsikko \| https:\/\/osoite/);
      const publicPage = await t.get('/fi/kymenlaakso/2022-2025/consultation/luonnos-2025/');
      assert.equal(publicPage.statusCode, 200);
      assert.deepEqual(
        all(publicPage.body, 'main h2 + ul a').map((a) => a.getAttribute('href')),
        ['https://www.kymenlaakso.fi/ymparistoselostus.pdf'],
      );
    });

    test('a viewer sees the rounds but cannot open one', async () => {
      const viewer = await signedIn(
        t.app,
        await createUser(t.ctx, { email: 'r-viewer@example.fi', role: 'viewer', region: '08' }),
      );
      const page = await viewer.get(PAGE);
      assert.equal(page.statusCode, 200);
      assert.equal(all(page.body, 'main form').length, 0);
      const post = await viewer.post(PAGE, { ...FORM, slug: 'viewer' });
      assert.equal(post.statusCode, 403);
    });
  });
}
