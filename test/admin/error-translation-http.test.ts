/**
 * Service and form refusals reach Finnish and Swedish editors in their language: the zod
 * refusals of the admin forms, Markdown and plain-text problems, the slug rules, node moves and
 * the financing plan's amounts and revision, each posted by a signed-in editor in fi and sv.
 * The service errors themselves (what the API and the CLI show) keep their English text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { formFailure } from '#src/http/admin/admin-form.ts';
import { fieldErrorsOf } from '#src/http/forms/form-input.ts';
import { CLI_ACTOR } from '#src/domain/roles.ts';
import { AccountService } from '#src/services/accounts/account-service.ts';
import { MEASURE, PRIORITY, startDraft, THEME } from '../editing/editing-fixture.ts';
import { databaseTargets } from '../support/databases.ts';
import { all, formEntries, parseHtml } from '../support/html.ts';
import { useSignedInApp } from './admin-fixture.ts';

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
    const app = useSignedInApp(target, { editor: { email: 'kaannos@example.fi' } }, { prepare: startDraft });
    const editor = app.as.editor;

    /** A refused post and what its page says in each language. */
    interface Refusal {
      send: () => Promise<LightMyRequestResponse>;
      fi: string;
      sv: string;
    }

    /** Sends each refusal with the admin language fi, then sv: a 400 whose page says the language's text. */
    const refusedInBoth = async (refusals: readonly Refusal[]): Promise<void> => {
      for (const lang of ['fi', 'sv'] as const) {
        assert.equal((await editor.get(`${V3}?lang=${lang}`)).statusCode, 200);
        for (const refusal of refusals) {
          const res = await refusal.send();
          assert.equal(res.statusCode, 400, refusal[lang]);
          assert.ok(shown(res).includes(refusal[lang]), `${lang}: ${refusal[lang]} not in ${shown(res)}`);
        }
      }
    };

    /** The form of `url` posting to `action` as the page gives it, with `changes`, posted. */
    const postForm = async (url: string, action: string, changes: Record<string, string>) =>
      editor.post(action, { ...formFields((await editor.get(url)).body, action), ...changes });
    const saveNode = (changes: Record<string, string>) => postForm(NODE, NODE, changes);
    const moveNode = (key: string, parentKey: string) =>
      postForm(`${V3}/nodes/${key}`, `${V3}/nodes/${key}/move`, { parentKey });
    const setCell = (changes: Record<string, string>) =>
      postForm(PLAN, `${PLAN}/cells`, { node: PRIORITY, fund: 'ERDF', year: '2025', ...changes });

    test('zod refusals of the forms: a revision that is no number, an unknown choice, a missing confirmation', async () => {
      const badMove = () => editor.post(`${NODE}/move`, { revision: 'abc', direction: 'sideways' });
      await refusedInBoth([
        {
          send: badMove,
          fi: 'revision: pitää antaa kokonaislukuna (lataa sivu uudelleen)',
          sv: 'revision: måste anges som ett heltal (ladda om sidan)',
        },
        {
          send: badMove,
          fi: 'direction: pitää olla jokin näistä: up, down',
          sv: 'direction: måste vara något av: up, down',
        },
        {
          send: () => postForm(`${NODE}/delete`, `${NODE}/delete`, { confirm: '' }),
          fi: 'confirm: pitää olla ”yes” (vahvista poisto)',
          sv: 'confirm: måste vara ”yes” (bekräfta raderingen)',
        },
      ]);
    });

    test('Markdown and plain-text problems of the node form', async () => {
      await refusedInBoth([
        {
          send: () => saveNode({ 'body.fi': 'Teksti <b>lihava</b>' }),
          fi: 'ei saa sisältää HTML:ää (löytyi ”<b>”); kirjoita Markdownia',
          sv: 'får inte innehålla HTML (hittade ”<b>”); skriv Markdown i stället',
        },
        {
          send: () => saveNode({ 'body.sv': '[klicka](javascript:void)' }),
          fi: 'ei saa sisältää skriptilinkkejä, kuten ”javascript:”; linkin ”javascript:void” pitää alkaa https://, http:// tai mailto:',
          sv: 'får inte innehålla skriptlänkar som ”javascript:”; länken ”javascript:void” måste börja med https://, http:// eller mailto:',
        },
        {
          send: () => saveNode({ 'title.fi': 'Otsikko\u0007' }),
          fi: 'ei saa sisältää ohjausmerkkejä',
          sv: 'får inte innehålla styrtecken',
        },
      ]);
    });

    test('the slug pattern and the reserved slugs', async () => {
      await refusedInBoth([
        {
          send: () => saveNode({ slug: 'Iso Kirjain' }),
          fi: 'saa sisältää vain pieniä kirjaimia a–z, numeroita ja yksittäisiä yhdysmerkkejä',
          sv: 'får innehålla endast små bokstäver a–z, siffror och enstaka bindestreck',
        },
        {
          send: () => saveNode({ slug: 'search' }),
          fi: 'ei saa olla mikään varatuista sanoista versions, search, tags, contact, api, v',
          sv: 'får inte vara något av de reserverade orden versions, search, tags, contact, api, v',
        },
      ]);
    });

    test('moves the tree does not allow: under a descendant, below the last level', async () => {
      const otherTheme = (await app.ctx.reader.versionContent('08', '2022-2025', 3)).nodes.find((n) => n.key !== THEME);
      assert.ok(otherTheme, 'a second theme');
      await refusedInBoth([
        {
          send: () => moveNode(PRIORITY, MEASURE),
          fi: 'kohtaa ei voi siirtää omien alakohtiensa alle',
          sv: 'en punkt kan inte flyttas under någon av sina egna underpunkter',
        },
        {
          send: () => moveNode(THEME, otherTheme.key),
          fi: 'ohjelmassa on 3 tasoa; siirto veisi kohtia tasolle 4',
          sv: 'programmet har 3 nivåer; flytten skulle placera punkter på nivå 4',
        },
      ]);
    });

    test('financing plan: amounts that cannot be read, a negative amount, a stale plan revision, a cell the plan cannot hold', async () => {
      await refusedInBoth([
        {
          send: () => setCell({ year: '2031', amount: '5' }),
          fi: 'Vuosi: 2031 on ohjelmakauden 2022–2025 ulkopuolella',
          sv: 'År: 2031 ligger utanför programperioden 2022–2025',
        },
        {
          send: () => setCell({ node: 'poistettu-kohta', amount: '5' }),
          fi: '”poistettu-kohta” ei ole tämän version kohta (sivu voi olla vanha: lataa se uudelleen)',
          sv: '”poistettu-kohta” är inte en punkt i den här versionen (sidan kan vara gammal: ladda om den)',
        },
        {
          send: () => setCell({ amount: '12,3,4' }),
          fi: '”12,3,4” ei ole rahamäärä: desimaalierotin ”,” esiintyy useammin kuin kerran',
          sv: '”12,3,4” är inte ett belopp: decimalavgränsaren ”,” förekommer mer än en gång',
        },
        {
          send: () => setCell({ amount: '-5' }),
          fi: '”-5” on negatiivinen (suunnitelman rahamäärät ovat 0 tai enemmän)',
          sv: '”-5” är negativt (en plan innehåller belopp på 0 eller mer)',
        },
        {
          send: () => setCell({ revision: 'stale', amount: '5' }),
          fi: 'Lomake ei ole enää sivun suunnitelman mukainen: lataa sivu uudelleen.',
          sv: 'Formuläret motsvarar inte längre sidans plan: ladda om sidan.',
        },
      ]);
    });

    test('the alignment form: an empty text, a text too long, an unknown language', async () => {
      const align = '/admin/regions/08/programmes/2022-2025/align';
      await refusedInBoth([
        {
          send: () => editor.post(align, { text: '   ', lang: 'fi' }),
          fi: 'pitää olla hankkeen kuvaus, ei tyhjä',
          sv: 'måste vara en projektbeskrivning, inte tom',
        },
        {
          send: () => editor.post(align, { text: 'x'.repeat(20_001), lang: 'fi' }),
          fi: 'saa olla enintään 20 000 merkkiä',
          sv: 'får vara högst 20 000 tecken',
        },
        {
          send: () => editor.post(align, { text: 'satamat', lang: 'de' }),
          fi: 'pitää olla jokin näistä: fi, sv, en',
          sv: 'måste vara något av: fi, sv, en',
        },
      ]);
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
