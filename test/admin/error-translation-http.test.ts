/**
 * Service and form refusals reach Finnish and Swedish editors in their language: the zod
 * refusals of the admin forms, Markdown and plain-text problems, the slug rules, node moves and
 * the financing plan's amounts and revision, each posted by a signed-in editor in fi and sv.
 * The service errors themselves (what the API and the CLI show) keep their English text.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { formFailure } from '#src/http/admin/admin-form.ts';
import { fieldErrorsOf } from '#src/http/forms/form-input.ts';
import { CLI_ACTOR } from '#src/domain/roles.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import { MEASURE, PRIORITY, startDraft, THEME } from '../editing/editing-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, formEntries, parseHtml } from '../support/html.ts';
import { useTestApp } from '../support/test-app.ts';
import { createUser, signedIn, type Browser } from './admin-fixture.ts';

const V3 = '/admin/regions/08/programmes/2022-2025/versions/3';
const NODE = `${V3}/nodes/${PRIORITY}`;
const PLAN = `${V3}/financing-plan`;

/** The visible text of the page's main content, white space folded. */
function shown(res: LightMyRequestResponse): string {
  return (parseHtml(res.body).querySelector('main')?.text ?? '').replace(/\s+/g, ' ');
}

/** The fields a browser would send with the form of `html` posting to `action`. */
function formFields(html: string, action: string): Record<string, string> {
  const form = all(html, 'form').find((f) => f.getAttribute('action') === action);
  assert.ok(form, `a form posting to ${action}`);
  return Object.fromEntries(formEntries(form).filter(([name]) => name !== '_csrf'));
}

for (const target of databaseTargets()) {
  describe(`refusals in the admin language (${target.name})`, () => {
    const app = useTestApp(target, { prepare: startDraft });
    let editor: Browser;

    before(async () => {
      editor = await signedIn(app.app, await createUser(app.ctx, { email: 'kaannos@example.fi', role: 'editor' }));
    });

    /** Switches the editor's admin language (the page's language links). */
    const useLang = async (lang: 'fi' | 'sv'): Promise<void> => {
      assert.equal((await editor.get(`${V3}?lang=${lang}`)).statusCode, 200);
    };

    /** The node form as the page gives it, with `changes`. */
    const nodeForm = async (changes: Record<string, string>): Promise<Record<string, string>> => ({
      ...formFields((await editor.get(NODE)).body, NODE),
      ...changes,
    });

    test('zod refusals of the forms: a revision that is no number, an unknown choice, a missing confirmation', async () => {
      const expected = {
        fi: [
          'revision: pitää antaa kokonaislukuna (lataa sivu uudelleen)',
          'direction: pitää olla jokin näistä: up, down',
          'confirm: pitää olla ”yes” (vahvista poisto)',
        ],
        sv: [
          'revision: måste anges som ett heltal (ladda om sidan)',
          'direction: måste vara något av: up, down',
          'confirm: måste vara ”yes” (bekräfta raderingen)',
        ],
      };
      for (const lang of ['fi', 'sv'] as const) {
        await useLang(lang);
        const move = await editor.post(`${NODE}/move`, { revision: 'abc', direction: 'sideways' });
        assert.equal(move.statusCode, 400);
        assert.ok(shown(move).includes(expected[lang][0]!), `${lang}: ${shown(move)}`);
        assert.ok(shown(move).includes(expected[lang][1]!), lang);
        const { revision } = formFields((await editor.get(`${NODE}/delete`)).body, `${NODE}/delete`);
        const del = await editor.post(`${NODE}/delete`, { revision: revision! });
        assert.equal(del.statusCode, 400);
        assert.ok(shown(del).includes(expected[lang][2]!), `${lang}: ${shown(del)}`);
      }
    });

    test('Markdown and plain-text problems of the node form', async () => {
      const expected = {
        fi: [
          'ei saa sisältää HTML:ää (löytyi ”<b>”); kirjoita Markdownia',
          'ei saa sisältää skriptilinkkejä, kuten ”javascript:”; linkin ”javascript:void” pitää alkaa https://, http:// tai mailto:',
          'ei saa sisältää ohjausmerkkejä',
        ],
        sv: [
          'får inte innehålla HTML (hittade ”<b>”); skriv Markdown i stället',
          'får inte innehålla skriptlänkar som ”javascript:”; länken ”javascript:void” måste börja med https://, http:// eller mailto:',
          'får inte innehålla styrtecken',
        ],
      };
      for (const lang of ['fi', 'sv'] as const) {
        await useLang(lang);
        const html = await editor.post(NODE, await nodeForm({ 'body.fi': 'Teksti <b>lihava</b>' }));
        assert.equal(html.statusCode, 400);
        assert.ok(shown(html).includes(expected[lang][0]!), `${lang}: ${shown(html)}`);
        const link = await editor.post(NODE, await nodeForm({ 'body.sv': '[klicka](javascript:void)' }));
        assert.equal(link.statusCode, 400);
        assert.ok(shown(link).includes(expected[lang][1]!), `${lang}: ${shown(link)}`);
        const control = await editor.post(NODE, await nodeForm({ 'title.fi': 'Otsikko\u0007' }));
        assert.equal(control.statusCode, 400);
        assert.ok(shown(control).includes(expected[lang][2]!), `${lang}: ${shown(control)}`);
      }
    });

    test('the slug pattern and the reserved slugs', async () => {
      const expected = {
        fi: [
          'saa sisältää vain pieniä kirjaimia a–z, numeroita ja yksittäisiä yhdysmerkkejä',
          'ei saa olla mikään varatuista sanoista versions, search, tags, contact, api, v',
        ],
        sv: [
          'får innehålla endast små bokstäver a–z, siffror och enstaka bindestreck',
          'får inte vara något av de reserverade orden versions, search, tags, contact, api, v',
        ],
      };
      for (const lang of ['fi', 'sv'] as const) {
        await useLang(lang);
        const pattern = await editor.post(NODE, await nodeForm({ slug: 'Iso Kirjain' }));
        assert.equal(pattern.statusCode, 400);
        assert.ok(shown(pattern).includes(expected[lang][0]!), `${lang}: ${shown(pattern)}`);
        const reserved = await editor.post(NODE, await nodeForm({ slug: 'search' }));
        assert.equal(reserved.statusCode, 400);
        assert.ok(shown(reserved).includes(expected[lang][1]!), `${lang}: ${shown(reserved)}`);
      }
    });

    test('moves the tree does not allow: under a descendant, below the last level', async () => {
      const themes = (await app.ctx.reader.versionContent('08', '2022-2025', 3)).nodes;
      const otherTheme = themes.find((n) => n.key !== THEME);
      assert.ok(otherTheme, 'a second theme');
      const expected = {
        fi: ['kohtaa ei voi siirtää omien alakohtiensa alle', 'ohjelmassa on 3 tasoa; siirto veisi kohtia tasolle 4'],
        sv: [
          'en punkt kan inte flyttas under någon av sina egna underpunkter',
          'programmet har 3 nivåer; flytten skulle placera punkter på nivå 4',
        ],
      };
      for (const lang of ['fi', 'sv'] as const) {
        await useLang(lang);
        const { revision } = formFields((await editor.get(NODE)).body, `${NODE}/move`);
        const under = await editor.post(`${NODE}/move`, { revision: revision!, parentKey: MEASURE });
        assert.equal(under.statusCode, 400);
        assert.ok(shown(under).includes(expected[lang][0]!), `${lang}: ${shown(under)}`);
        const theme = `${V3}/nodes/${THEME}`;
        const themeRevision = formFields((await editor.get(theme)).body, `${theme}/move`)['revision'];
        const deep = await editor.post(`${theme}/move`, { revision: themeRevision!, parentKey: otherTheme.key });
        assert.equal(deep.statusCode, 400);
        assert.ok(shown(deep).includes(expected[lang][1]!), `${lang}: ${shown(deep)}`);
      }
    });

    test('financing plan: amounts that cannot be read, a negative amount, a stale plan revision', async () => {
      const expected = {
        fi: [
          '”12,3,4” ei ole rahamäärä: desimaalierotin ”,” esiintyy useammin kuin kerran',
          '”-5” on negatiivinen (suunnitelman rahamäärät ovat 0 tai enemmän)',
          'Lomake ei ole enää sivun suunnitelman mukainen: lataa sivu uudelleen.',
        ],
        sv: [
          '”12,3,4” är inte ett belopp: decimalavgränsaren ”,” förekommer mer än en gång',
          '”-5” är negativt (en plan innehåller belopp på 0 eller mer)',
          'Formuläret motsvarar inte längre sidans plan: ladda om sidan.',
        ],
      };
      for (const lang of ['fi', 'sv'] as const) {
        await useLang(lang);
        const form = formFields((await editor.get(PLAN)).body, `${PLAN}/cells`);
        const cell = { ...form, node: PRIORITY, fund: 'ERDF', year: '2025' };
        const unreadable = await editor.post(`${PLAN}/cells`, { ...cell, amount: '12,3,4' });
        assert.equal(unreadable.statusCode, 400);
        assert.ok(shown(unreadable).includes(expected[lang][0]!), `${lang}: ${shown(unreadable)}`);
        const negative = await editor.post(`${PLAN}/cells`, { ...cell, amount: '-5' });
        assert.equal(negative.statusCode, 400);
        assert.ok(shown(negative).includes(expected[lang][1]!), `${lang}: ${shown(negative)}`);
        const stale = await editor.post(`${PLAN}/cells`, { ...cell, revision: 'stale', amount: '5' });
        assert.equal(stale.statusCode, 400);
        assert.ok(shown(stale).includes(expected[lang][2]!), `${lang}: ${shown(stale)}`);
      }
    });

    test('account refusals carry codes: shown in fi and sv at the admin edge, English in the error', async () => {
      // The invitation form refuses these values itself; the codes serve the service's own refusals.
      const accounts = new AccountService(app.ctx.db.kysely, app.ctx.clock);
      const refusal = async (input: { email: string; role: string; name?: string }): Promise<unknown> => {
        try {
          await accounts.addUser({ ...input, regionCode: '08' }, CLI_ACTOR, { linkForExisting: 'never' });
        } catch (error) {
          return error;
        }
        assert.fail(`${input.email} was accepted`);
      };
      const inLang = (error: unknown, lang: 'fi' | 'sv') =>
        formFailure(error, {}, (fields) => fieldErrorsOf(fields), lang)?.message;
      const email = await refusal({ email: 'ei-osoite', role: 'viewer' });
      assert.equal(inLang(email, 'fi'), '”ei-osoite” ei ole kelvollinen sähköpostiosoite.');
      assert.equal(inLang(email, 'sv'), '”ei-osoite” är inte en giltig e-postadress.');
      assert.equal((email as Error).message, 'email: "ei-osoite" is not a valid e-mail address');
      const role = await refusal({ email: 'rooli@example.fi', role: 'superuser' });
      assert.equal(
        inLang(role, 'fi'),
        '”superuser” ei ole rooli; valitse ylläpitäjä, muokkaaja, moderaattori tai katselija.',
      );
      assert.equal(
        inLang(role, 'sv'),
        '”superuser” är inte en roll; välj administratör, redaktör, moderator eller läsare.',
      );
      const name = await refusal({ email: 'nimi@example.fi', role: 'viewer', name: 'n'.repeat(201) });
      assert.equal(inLang(name, 'fi'), 'Nimessä saa olla enintään 200 merkkiä.');
      assert.equal(inLang(name, 'sv'), 'Namnet får vara högst 200 tecken.');
      assert.equal((name as Error).message, 'name: must be at most 200 characters');
    });
  });
}
