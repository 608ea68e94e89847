/**
 * Editing what surrounds the versions: programme metadata and level names, version texts,
 * taxonomy terms, and the council's offices and contacts — each with its revision check, field
 * errors and audit event, and visible on the public read models afterwards.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { EditConflict, FieldErrors } from '#src/domain/edit-errors.ts';
import { AppError } from '#src/domain/errors.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  addContact,
  addOffice,
  deleteCouncilEntry,
  moveCouncilEntry,
  updateContact,
  updateOffice,
} from '#src/services/programmes/council-edits.ts';
import { councilForEdit, programmeOverview, termsForEdit } from '#src/services/programmes/editor-reader.ts';
import { updateNode } from '#src/services/programmes/node-texts.ts';
import { nodeForEdit } from '#src/services/programmes/editor-reader.ts';
import { updateProgramme } from '#src/services/programmes/programme-edits.ts';
import { addTerm, deleteTerm, updateTerm } from '#src/services/programmes/term-edits.ts';
import { updateVersionTexts } from '#src/services/programmes/version-edits.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { auditActions, DRAFT, EDITOR, MEASURE, PROGRAMME, startDraft } from './editing-fixture.ts';

for (const target of databaseTargets()) {
  describe(`programme, terms and council editing (${target.name})`, () => {
    let ctx: AppContext;
    beforeEach(async () => {
      ctx = await openTestContext(target);
    });
    afterEach(async () => {
      await ctx?.close();
    });

    test('programme title, period and level names; stale translations; conflict on a stale revision', async () => {
      const { programme: p } = await programmeOverview(ctx.db.kysely, PROGRAMME);
      const levels = Object.fromEntries(p.levels.map((l) => [l.key, { name: l.name, namePlural: l.namePlural }]));
      levels['measure'] = {
        name: { fi: 'Toimenpide-ehdotus', sv: 'Åtgärd', en: 'Measure' },
        namePlural: levels['measure']!.namePlural,
      };
      const saved = await updateProgramme(ctx, EDITOR, PROGRAMME, {
        revision: p.revision,
        title: p.title,
        periodStart: '2022',
        periodEnd: 2026,
        levels,
      });
      assert.equal(saved.periodEnd, 2026);
      assert.deepEqual(saved.translation['levels.measure.name'], { fi: 'original', sv: 'stale', en: 'stale' });
      const pub = await ctx.reader.programme('08', '2022-2025');
      assert.equal(pub.periodEnd, 2026);
      assert.equal(pub.levels[2]!.name.fi, 'Toimenpide-ehdotus');
      await assert.rejects(
        updateProgramme(ctx, EDITOR, PROGRAMME, {
          revision: p.revision,
          title: p.title,
          periodStart: 2022,
          periodEnd: 2025,
          levels,
        }),
        (e: unknown) => e instanceof EditConflict && (e.current as { periodEnd: number }).periodEnd === 2026,
      );
      await assert.rejects(
        updateProgramme(ctx, EDITOR, PROGRAMME, {
          revision: saved.revision,
          title: { fi: '' },
          periodStart: '20x2',
          periodEnd: 2021,
          levels: { theme: levels['theme']! },
        }),
        (e: unknown) =>
          e instanceof FieldErrors &&
          ['title.fi', 'periodStart', 'levels.priority.name.fi', 'levels.measure.namePlural.fi'].every(
            (f) => f in e.fields,
          ),
      );
      assert.deepEqual(await auditActions(ctx), ['programme.update']);
    });

    test('version texts of a draft: Markdown bodies checked, conflict on a stale revision', async () => {
      await startDraft(ctx);
      const v = (await programmeOverview(ctx.db.kysely, PROGRAMME)).versions.find((x) => x.number === 3)!;
      const saved = await updateVersionTexts(ctx, EDITOR, DRAFT, {
        revision: v.revision,
        texts: {
          ...v.texts,
          label: { fi: 'Päivitys 2026', sv: 'Uppdatering 2026' },
          changelog: { fi: '- Uusi teema\n- **Tärkeä** muutos' },
        },
      });
      assert.deepEqual(saved.translation.label, { fi: 'original', sv: 'reviewed', en: null });
      assert.equal((await ctx.reader.versions('08', '2022-2025'))[2]!.label?.fi, 'Päivitys 2026');
      await assert.rejects(
        updateVersionTexts(ctx, EDITOR, DRAFT, { revision: v.revision, texts: v.texts }),
        EditConflict,
      );
      await assert.rejects(
        updateVersionTexts(ctx, EDITOR, DRAFT, {
          revision: saved.revision,
          texts: { vision: { fi: 'Visio <img src=x onerror=alert(1)>' } },
        }),
        (e: unknown) => e instanceof FieldErrors && /HTML/.test(e.fields['vision.fi']!),
      );
    });

    test('terms: add with a generated key, edit with status, delete only when no frozen version links it', async () => {
      const term = await addTerm(
        ctx,
        EDITOR,
        { ...PROGRAMME, taxonomy: 'crosscutting' },
        {
          texts: {
            title: { fi: 'Turvallisuus', en: 'Security' },
            description: { fi: 'Huoltovarmuus ja *varautuminen*.' },
          },
        },
      );
      assert.equal(term.key, 'turvallisuus');
      let view = await termsForEdit(ctx.db.kysely, PROGRAMME);
      const crosscutting = view.taxonomies.find((t) => t.key === 'crosscutting')!;
      assert.equal(crosscutting.terms.at(-1)!.key, 'turvallisuus');
      const content = await ctx.reader.versionContent('08', '2022-2025');
      assert.ok(
        content.taxonomies.find((t) => t.key === 'crosscutting')!.terms.some((t) => t.key === 'turvallisuus'),
        'public read model has it',
      );
      const edited = await updateTerm(
        ctx,
        EDITOR,
        { ...PROGRAMME, taxonomy: 'crosscutting', key: 'turvallisuus' },
        {
          revision: term.revision,
          texts: { ...term.texts, title: { fi: 'Turvallisuus ja varautuminen', en: 'Security' } },
        },
      );
      assert.equal(edited.translation.title.en, 'stale');
      await assert.rejects(
        updateTerm(
          ctx,
          EDITOR,
          { ...PROGRAMME, taxonomy: 'crosscutting', key: 'turvallisuus' },
          { revision: term.revision, texts: term.texts },
        ),
        EditConflict,
      );
      await assert.rejects(
        addTerm(
          ctx,
          EDITOR,
          { ...PROGRAMME, taxonomy: 'crosscutting' },
          { texts: { title: { fi: 'x' }, description: { fi: '[x](javascript:alert(1))' } } },
        ),
        FieldErrors,
      );
      await assert.rejects(
        addTerm(ctx, EDITOR, { ...PROGRAMME, taxonomy: 'nope' }, { texts: { title: { fi: 'x' } } }),
        (e: unknown) => e instanceof AppError && e.code === 'not_found',
      );
      // Linked from a draft only: deletable, and the link goes with it.
      await startDraft(ctx);
      const m = (await nodeForEdit(ctx.db.kysely, { ...DRAFT, key: MEASURE })).node;
      await updateNode(
        ctx,
        EDITOR,
        { ...DRAFT, key: MEASURE },
        { revision: m.revision, slug: m.slug, texts: m.texts, terms: ['crosscutting/turvallisuus'] },
      );
      view = await termsForEdit(ctx.db.kysely, PROGRAMME);
      assert.deepEqual(view.taxonomies.find((t) => t.key === 'crosscutting')!.terms.at(-1)!.usedIn, [3]);
      await deleteTerm(
        ctx,
        EDITOR,
        { ...PROGRAMME, taxonomy: 'crosscutting', key: 'turvallisuus' },
        { revision: edited.revision },
      );
      assert.deepEqual((await nodeForEdit(ctx.db.kysely, { ...DRAFT, key: MEASURE })).node.terms, []);
      // Linked from approved versions: refused.
      const digi = view.taxonomies
        .find((t) => t.key === 'crosscutting')!
        .terms.find((t) => t.key === 'digitalisation')!;
      await assert.rejects(
        deleteTerm(
          ctx,
          EDITOR,
          { ...PROGRAMME, taxonomy: 'crosscutting', key: 'digitalisation' },
          { revision: digi.revision },
        ),
        /linked from version\(s\) 1 \(superseded\), 2 \(approved\)/,
      );
      assert.deepEqual(await auditActions(ctx), [
        'term.add',
        'term.update',
        'version.start-update',
        'node.update',
        'term.delete',
      ]);
    });

    test('offices and contacts: add, edit, reorder, delete, with checks and conflicts', async () => {
      const before = await councilForEdit(ctx.db.kysely, '08');
      const office = await addOffice(ctx, EDITOR, '08', {
        kind: 'branch',
        name: { fi: 'Haminan toimipiste', sv: 'Fredrikshamns kontor' },
        visitingAddress: 'Puistokatu 2, Hamina',
        phone: '+358 5 123 4567',
        email: 'hamina@example.fi',
      });
      assert.equal(office.key, 'haminan-toimipiste');
      assert.equal(office.position, before.offices.length);
      const council = await ctx.reader.council('08');
      assert.equal(council!.offices.at(-1)!.name.sv, 'Fredrikshamns kontor');
      await assert.rejects(
        addOffice(ctx, EDITOR, '08', { kind: 'hq', name: { fi: '' }, email: 'not-an-address', phone: 'call me' }),
        (e: unknown) => e instanceof FieldErrors && ['kind', 'name.fi', 'email', 'phone'].every((f) => f in e.fields),
      );
      const edited = await updateOffice(ctx, EDITOR, '08', office.id, {
        revision: office.revision,
        kind: 'branch',
        name: { fi: 'Haminan toimisto' },
        hours: { fi: 'ma–pe 9–15' },
      });
      assert.equal(edited.revision, office.revision + 1);
      await assert.rejects(
        updateOffice(ctx, EDITOR, '08', office.id, {
          revision: office.revision,
          kind: 'branch',
          name: { fi: 'Vanha' },
        }),
        EditConflict,
      );
      await moveCouncilEntry(ctx, EDITOR, '08', 'offices', office.id, { revision: edited.revision, direction: 'up' });
      let view = await councilForEdit(ctx.db.kysely, '08');
      assert.equal(view.offices.at(-2)!.id, office.id);
      assert.deepEqual(
        view.offices.map((o) => o.position),
        view.offices.map((_, i) => i),
      );
      const contact = await addContact(ctx, EDITOR, '08', {
        name: 'Maija Meikäläinen',
        role: { fi: 'Suunnittelija', en: 'Planner' },
        email: 'maija@example.fi',
      });
      await assert.rejects(
        addContact(ctx, EDITOR, '08', { name: '', role: { fi: 'x' } }),
        (e: unknown) => e instanceof FieldErrors && 'name' in e.fields,
      );
      const c2 = await updateContact(ctx, EDITOR, '08', contact.id, {
        revision: contact.revision,
        name: 'Maija Meikäläinen',
        role: { fi: 'Erityisasiantuntija', en: 'Planner' },
        topic: { fi: 'Ohjelmatyö' },
      });
      assert.equal((await ctx.reader.council('08'))!.contacts.at(-1)!.role.fi, 'Erityisasiantuntija');
      await assert.rejects(
        deleteCouncilEntry(ctx, EDITOR, '08', 'contacts', contact.id, { revision: contact.revision }),
        EditConflict,
      );
      await deleteCouncilEntry(ctx, EDITOR, '08', 'contacts', contact.id, { revision: c2.revision });
      view = await councilForEdit(ctx.db.kysely, '08');
      assert.equal(
        view.contacts.some((c) => c.id === contact.id),
        false,
      );
      await assert.rejects(
        deleteCouncilEntry(ctx, EDITOR, '08', 'offices', 999999, { revision: 1 }),
        (e: unknown) => e instanceof AppError && e.code === 'not_found',
      );
      assert.deepEqual(await auditActions(ctx), [
        'office.add',
        'office.update',
        'office.move',
        'contact.add',
        'contact.update',
        'contact.delete',
      ]);
    });
  });
}
