/**
 * Every write of public content records exactly the generations it changes (docs/freshness.md):
 * each content-writing service operation is run on both databases, with the storage guard on
 * (a transaction that writes content tables without recording the change fails), and must move
 * the generations of its kinds in its region and leave every other kind and region alone. The
 * list is checked against the services: an exported function of a module that opens
 * transactions must be run here or be named as writing no public content, so a new one cannot be
 * forgotten.
 */
import { flattenTree } from '#src/domain/tree.ts';
import { confirmProjectLink } from '#src/services/projects/priority-suggestions.ts';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importIndicators, parseIndicatorText } from '#src/services/indicators/import-indicators.ts';
import { importStatistics } from '#src/services/indicators/import-statistics.ts';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateCsv } from '../../bench/synthetic-projects.ts';
import type { Actor } from '#src/domain/roles.ts';
import { sortPlanLines } from '#src/domain/financing-plan/plan-table.ts';
import type { AppContext } from '#src/services/app-context.ts';
import {
  addContact,
  addOffice,
  deleteCouncilEntry,
  moveCouncilEntry,
  updateContact,
  updateOffice,
} from '#src/services/programmes/council-edits.ts';
import {
  copyFinancingPlan,
  planRevision,
  removeFinancingPlanCell,
  replaceFinancingPlanFromCsv,
  setFinancingPlanCell,
} from '#src/services/financing-plan/edit-financing-plan.ts';
import { addNode, deleteNode, moveNode } from '#src/services/programmes/node-structure.ts';
import { setNodeTerms, updateNode } from '#src/services/programmes/node-texts.ts';
import { updateProgramme } from '#src/services/programmes/programme-edits.ts';
import { addTerm, deleteTerm, updateTerm } from '#src/services/programmes/term-edits.ts';
import {
  indicatorForEdit,
  setIndicatorTarget,
  updateIndicatorDefinition,
} from '#src/services/indicators/edit-indicators.ts';
import { submitComment, submitStatement } from '#src/services/consultation/comments.ts';
import { moderateComments, moderationQueue } from '#src/services/consultation/moderation.ts';
import { redactComment } from '#src/services/consultation/redaction.ts';
import { createRound } from '#src/services/consultation/rounds.ts';
import { publishResponses, responseDesk, saveResponse } from '#src/services/consultation/responses.ts';
import { erasePersonalData, removeExpiredPersonalData } from '#src/services/consultation/personal-data.ts';
import { startUpdate, transitionVersion, updateVersionTexts } from '#src/services/programmes/version-edits.ts';
import { CONTENT_KINDS, type ContentKind, type Generations } from '#src/services/freshness.ts';
import { importMunicipalities } from '#src/services/import-municipalities.ts';
import { importProgramme } from '#src/services/programmes/import-programme.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { importFinancingPlan, importFinancingPlanFile } from '#src/services/financing-plan/import-financing-plan.ts';
import { importProjects, importProjectsFile, writeProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';
import { ensureProjectSearchIndex } from '#src/services/projects/reindex-project-search.ts';
import { ensureSearchIndex } from '#src/services/reindex-search.ts';
import { readMunicipalityFacts, seedIfEmpty } from '#src/services/seed.ts';
import { enforceContentWrites } from '#src/storage/content-writes.ts';
import { writeMeta } from '#src/storage/repositories/meta-repository.ts';
import { listFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EDITOR: Actor = { userId: null, label: 'editor@example.fi' };
const P = { code: '08', slug: '2022-2025' } as const;
const V3 = { ...P, number: 3 } as const;
const PRIORITY = 'uudistuva-elinkeinoelama';
const OTHER_REGION = '01';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What an operation changes: kinds of region 08's content, or a kind of every region's. */
type Changes = { region: readonly ContentKind[] } | { everyRegion: readonly ContentKind[] };

interface Operation {
  /** `module path#export`: the service function it runs. */
  runs: string;
  changes: Changes;
  run(ctx: AppContext): Promise<unknown>;
}

async function programmeRevision(ctx: AppContext): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('programmes')
    .select('revision')
    .where('region_code', '=', P.code)
    .where('slug', '=', P.slug)
    .executeTakeFirstOrThrow();
  return row.revision;
}

async function versionRevision(ctx: AppContext, number: number): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('versions')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select('versions.revision')
    .where('programmes.region_code', '=', P.code)
    .where('programmes.slug', '=', P.slug)
    .where('versions.number', '=', number)
    .executeTakeFirstOrThrow();
  return row.revision;
}

async function nodeRevision(ctx: AppContext, key: string): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('nodes')
    .innerJoin('versions', 'versions.id', 'nodes.version_id')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select('nodes.revision')
    .where('programmes.region_code', '=', P.code)
    .where('versions.number', '=', V3.number)
    .where('nodes.key', '=', key)
    .executeTakeFirstOrThrow();
  return row.revision;
}

async function termRevision(ctx: AppContext, key: string): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('terms')
    .select('revision')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.revision;
}

async function councilRow(ctx: AppContext, table: 'offices' | 'contacts'): Promise<{ id: number; revision: number }> {
  return ctx.db.kysely
    .selectFrom(table)
    .select(['id', 'revision'])
    .where('region_code', '=', P.code)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

const planRev = async (ctx: AppContext): Promise<string> =>
  planRevision(
    sortPlanLines(
      await listFinancingPlan(ctx.db.kysely, { regionCode: '08', programmeSlug: P.slug, versionNumber: 3 }),
    ),
  );

const PLAN_CSV = 'Node,fund,year,amount\nuudistuva-elinkeinoelama,ERDF,2023,1000\n';
const PROJECTS_CSV = generateCsv(ROOT, 3, 7);
const INDICATORS_YAML = readFileSync(join(ROOT, 'content/indicators/kymenlaakso.yaml'), 'utf8');
const STATISTICS_JSON = readFileSync(join(ROOT, 'content/facts/statistics/08-kymenlaakso-tanaan-2022.json'), 'utf8');

/** Every content-writing service operation, in an order in which each can run (a draft first, then edits, then its approval). */
const OPERATIONS: Operation[] = [
  {
    runs: 'indicators/edit-indicators.ts#updateIndicatorDefinition',
    changes: { region: ['indicators'] },
    run: async (ctx) => {
      const { indicator: i } = await indicatorForEdit(ctx.db.kysely, { region: '08', code: 'vaesto' });
      return updateIndicatorDefinition(
        ctx,
        EDITOR,
        { region: '08', code: 'vaesto' },
        {
          revision: i.revision,
          texts: { name: { ...i.name, fi: 'Asukasluku' }, definition: i.definition, unit: i.unit },
          owner: i.owner ?? '',
          direction: i.direction,
          group: i.group,
        },
      );
    },
  },
  {
    runs: 'indicators/edit-indicators.ts#setIndicatorTarget',
    changes: { region: ['indicators'] },
    run: async (ctx) => {
      const { indicator: i } = await indicatorForEdit(ctx.db.kysely, { region: '08', code: 'vaesto' });
      return setIndicatorTarget(
        ctx,
        EDITOR,
        { region: '08', code: 'vaesto' },
        {
          revision: i.revision,
          period: '2040',
          value: '152000',
          area: 'MK08',
          decision: 'Maakuntavaltuusto 2025',
          decided: '',
        },
      );
    },
  },
  {
    runs: 'programmes/version-edits.ts#startUpdate',
    changes: { region: ['programme'] },
    run: (ctx) => startUpdate(ctx, EDITOR, P),
  },
  {
    runs: 'programmes/version-edits.ts#updateVersionTexts',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      updateVersionTexts(ctx, EDITOR, V3, {
        revision: await versionRevision(ctx, 3),
        texts: { changelog: { fi: 'Päivitys' } },
      }),
  },
  {
    runs: 'programmes/programme-edits.ts#updateProgramme',
    changes: { region: ['programme'] },
    run: async (ctx) => {
      const p = await ctx.reader.programme(P.code, P.slug);
      return updateProgramme(ctx, EDITOR, P, {
        revision: await programmeRevision(ctx),
        title: { fi: 'Kymenlaakso-ohjelma 2022–2025' },
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        levels: Object.fromEntries(p.levels.map((l) => [l.key, { name: l.name, namePlural: l.namePlural }])),
      });
    },
  },
  {
    runs: 'programmes/node-structure.ts#addNode',
    changes: { region: ['programme'] },
    run: (ctx) => addNode(ctx, EDITOR, V3, { parentKey: null, title: { fi: 'Uusi teema' }, slug: 'uusi-teema' }),
  },
  {
    runs: 'programmes/node-texts.ts#updateNode',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      updateNode(
        ctx,
        EDITOR,
        { ...V3, key: PRIORITY },
        {
          revision: await nodeRevision(ctx, PRIORITY),
          slug: PRIORITY,
          texts: { title: { fi: 'Uudistuva elinkeinoelämä' }, summary: { fi: 'Uusi tiivistelmä' } },
        },
      ),
  },
  {
    runs: 'programmes/node-texts.ts#setNodeTerms',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      setNodeTerms(ctx, EDITOR, { ...V3, key: PRIORITY }, { revision: await nodeRevision(ctx, PRIORITY), terms: [] }),
  },
  {
    runs: 'programmes/node-structure.ts#moveNode',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      moveNode(
        ctx,
        EDITOR,
        { ...V3, key: PRIORITY },
        { revision: await nodeRevision(ctx, PRIORITY), direction: 'down' },
      ),
  },
  {
    runs: 'programmes/node-structure.ts#deleteNode',
    changes: { region: ['programme'] },
    run: async (ctx) => {
      const key = (
        await ctx.db.kysely.selectFrom('nodes').select('key').where('slug', '=', 'uusi-teema').executeTakeFirstOrThrow()
      ).key;
      return deleteNode(ctx, EDITOR, { ...V3, key }, { revision: await nodeRevision(ctx, key) });
    },
  },
  {
    runs: 'programmes/term-edits.ts#addTerm',
    changes: { region: ['programme'] },
    run: (ctx) =>
      addTerm(ctx, EDITOR, { ...P, taxonomy: 'crosscutting' }, { texts: { title: { fi: 'Turvallisuus' } } }),
  },
  {
    runs: 'programmes/term-edits.ts#updateTerm',
    changes: { region: ['programme'] },
    run: async (ctx) => {
      const key = (
        await ctx.db.kysely.selectFrom('terms').select('key').orderBy('id', 'desc').executeTakeFirstOrThrow()
      ).key;
      return updateTerm(
        ctx,
        EDITOR,
        { ...P, taxonomy: 'crosscutting', key },
        { revision: await termRevision(ctx, key), texts: { title: { fi: 'Turvallisuus ja varautuminen' } } },
      );
    },
  },
  {
    runs: 'programmes/term-edits.ts#deleteTerm',
    changes: { region: ['programme'] },
    run: async (ctx) => {
      const key = (
        await ctx.db.kysely.selectFrom('terms').select('key').orderBy('id', 'desc').executeTakeFirstOrThrow()
      ).key;
      return deleteTerm(
        ctx,
        EDITOR,
        { ...P, taxonomy: 'crosscutting', key },
        { revision: await termRevision(ctx, key) },
      );
    },
  },
  {
    runs: 'financing-plan/edit-financing-plan.ts#setFinancingPlanCell',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      setFinancingPlanCell(ctx, EDITOR, V3, {
        revision: await planRev(ctx),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2024',
        amount: '1000',
        lang: 'fi',
      }),
  },
  {
    runs: 'financing-plan/edit-financing-plan.ts#removeFinancingPlanCell',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      removeFinancingPlanCell(ctx, EDITOR, V3, {
        revision: await planRev(ctx),
        node: PRIORITY,
        fund: 'ERDF',
        year: '2024',
      }),
  },
  {
    runs: 'financing-plan/edit-financing-plan.ts#replaceFinancingPlanFromCsv',
    changes: { region: ['programme'] },
    run: async (ctx) => replaceFinancingPlanFromCsv(ctx, EDITOR, V3, { revision: await planRev(ctx), text: PLAN_CSV }),
  },
  {
    runs: 'financing-plan/edit-financing-plan.ts#copyFinancingPlan',
    changes: { region: ['programme'] },
    run: async (ctx) => {
      await importFinancingPlan(ctx.db, bytes(PLAN_CSV.replace('1000', '2000')), {
        file: 'plan.csv',
        regionCode: '08',
        programme: P.slug,
        version: 2,
      });
      return copyFinancingPlan(ctx, EDITOR, V3, { revision: await planRev(ctx), from: 2 });
    },
  },
  {
    runs: 'programmes/version-edits.ts#transitionVersion',
    changes: { region: ['programme'] },
    run: async (ctx) =>
      transitionVersion(ctx, EDITOR, V3, { revision: await versionRevision(ctx, 3), action: 'consult' }),
  },
  {
    runs: 'consultation/rounds.ts#createRound',
    changes: { region: ['consultation'] },
    run: (ctx) =>
      createRound(ctx, EDITOR, P, {
        slug: 'freshness',
        title: { fi: 'Kuuleminen' },
        intro: { fi: 'Luonnos nähtävillä.' },
        opens: '2020-01-01T00:00',
        closes: '2099-12-31T23:00',
      }),
  },
  {
    runs: 'consultation/comments.ts#submitComment',
    changes: { region: ['consultation'] },
    run: (ctx) =>
      submitComment(ctx, P, 'freshness', {
        nodeKey: PRIORITY,
        paragraph: 0,
        quote: null,
        lang: 'fi',
        body: 'Hyvä luonnos.',
        name: null,
        email: null,
        organisation: null,
        respondentType: 'resident',
        publishAs: 'anonymous',
        idempotencyKey: 'freshness-test-key-0001',
      }),
  },
  {
    runs: 'consultation/comments.ts#submitStatement',
    changes: { region: ['consultation'] },
    run: (ctx) =>
      submitStatement(ctx, P, 'freshness', {
        lang: 'fi',
        organisation: 'Kymen Yrittäjät ry',
        businessId: null,
        signerName: null,
        signerRole: null,
        email: null,
        respondentType: 'organisation',
        answers: {},
        body: 'Lausuntomme luonnoksesta.',
        publishAs: 'name',
        attachment: null,
        idempotencyKey: 'freshness-statement-key-01',
      }),
  },
  {
    runs: 'consultation/redaction.ts#redactComment',
    changes: { region: ['consultation'] },
    run: async (ctx) => {
      const { pending } = await moderationQueue(ctx.db.kysely, P, 'freshness');
      const statement = pending.find((c) => c.kind === 'statement')!;
      return redactComment(
        ctx,
        EDITOR,
        P,
        'freshness',
        { id: statement.id, revision: statement.revision },
        { passage: 'luonnoksesta', reason: 'test' },
      );
    },
  },
  {
    runs: 'consultation/moderation.ts#moderateComments',
    changes: { region: ['consultation'] },
    run: async (ctx) => {
      const { pending } = await moderationQueue(ctx.db.kysely, P, 'freshness');
      return moderateComments(ctx, EDITOR, P, 'freshness', [{ id: pending[0]!.id, revision: pending[0]!.revision }], {
        action: 'approve',
      });
    },
  },
  {
    runs: 'consultation/responses.ts#saveResponse',
    changes: { region: ['consultation'] },
    run: async (ctx) => {
      const { comments } = await responseDesk(ctx.db.kysely, P, 'freshness');
      return saveResponse(ctx, EDITOR, P, 'freshness', null, {
        comments: [comments[0]!.id],
        text: { fi: 'Kiitos palautteesta.' },
        decision: 'noted',
        reason: null,
        change: null,
      });
    },
  },
  {
    runs: 'consultation/responses.ts#publishResponses',
    changes: { region: ['consultation'] },
    run: (ctx) => publishResponses(ctx, EDITOR, P, 'freshness'),
  },
  {
    runs: 'consultation/personal-data.ts#erasePersonalData',
    changes: { region: ['consultation'] },
    run: async (ctx) => {
      await submitComment(ctx, P, 'freshness', {
        nodeKey: null,
        paragraph: null,
        quote: null,
        lang: 'fi',
        body: 'Poistakaa tietoni myöhemmin.',
        name: 'Maija Meikäläinen',
        email: 'maija@example.fi',
        organisation: null,
        respondentType: 'resident',
        publishAs: 'name',
        idempotencyKey: 'freshness-test-key-0002',
      });
      return erasePersonalData(ctx, EDITOR, P.code, { email: 'maija@example.fi' });
    },
  },
  {
    runs: 'consultation/personal-data.ts#removeExpiredPersonalData',
    changes: { region: ['consultation'] },
    run: async (ctx) => {
      await createRound(ctx, EDITOR, P, {
        slug: 'freshness-kept',
        title: { fi: 'Kuuleminen' },
        intro: { fi: 'Luonnos nähtävillä.' },
        opens: '2020-01-01T00:00',
        closes: '2099-12-31T23:00',
        retentionUntil: '2099-12-31',
      });
      await submitComment(ctx, P, 'freshness-kept', {
        nodeKey: null,
        paragraph: null,
        quote: null,
        lang: 'fi',
        body: 'Hyvä luonnos.',
        name: 'Matti Meikäläinen',
        email: 'matti@example.fi',
        organisation: null,
        respondentType: 'resident',
        publishAs: 'name',
        idempotencyKey: 'freshness-test-key-0003',
      });
      const removed = await removeExpiredPersonalData(ctx, new Date('2100-01-02T00:00:00Z'));
      assert.equal(removed.length, 1);
      return removed;
    },
  },
  {
    runs: 'financing-plan/import-financing-plan.ts#importFinancingPlan',
    changes: { region: ['programme'] },
    run: (ctx) =>
      importFinancingPlan(ctx.db, bytes(PLAN_CSV.replace('1000', '3000')), {
        file: 'plan.csv',
        regionCode: '08',
        programme: P.slug,
        version: 2,
        actor: EDITOR,
      }),
  },
  {
    runs: 'financing-plan/import-financing-plan.ts#importFinancingPlanFile',
    changes: { region: ['programme'] },
    run: async (ctx) => {
      const file = join(ctx.config.dataDir, 'plan.csv');
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(ctx.config.dataDir, { recursive: true });
      writeFileSync(file, PLAN_CSV.replace('1000', '4000'));
      return importFinancingPlanFile(ctx.db, file, { regionCode: '08', programme: P.slug, version: 2 });
    },
  },
  {
    runs: 'programmes/council-edits.ts#addOffice',
    changes: { region: ['region'] },
    run: (ctx) => addOffice(ctx, EDITOR, '08', { kind: 'branch', name: { fi: 'Haminan toimipiste' } }),
  },
  {
    runs: 'programmes/council-edits.ts#updateOffice',
    changes: { region: ['region'] },
    run: async (ctx) => {
      const office = await councilRow(ctx, 'offices');
      return updateOffice(ctx, EDITOR, '08', office.id, {
        revision: office.revision,
        kind: 'branch',
        name: { fi: 'Haminan toimisto' },
      });
    },
  },
  {
    runs: 'programmes/council-edits.ts#moveCouncilEntry',
    changes: { region: ['region'] },
    run: async (ctx) => {
      const office = await councilRow(ctx, 'offices');
      return moveCouncilEntry(ctx, EDITOR, '08', 'offices', office.id, { revision: office.revision, direction: 'up' });
    },
  },
  {
    runs: 'programmes/council-edits.ts#addContact',
    changes: { region: ['region'] },
    run: (ctx) => addContact(ctx, EDITOR, '08', { name: 'Anna Aho', role: { fi: 'Suunnittelija' } }),
  },
  {
    runs: 'programmes/council-edits.ts#updateContact',
    changes: { region: ['region'] },
    run: async (ctx) => {
      const contact = await councilRow(ctx, 'contacts');
      return updateContact(ctx, EDITOR, '08', contact.id, {
        revision: contact.revision,
        name: 'Anna Aho',
        role: { fi: 'Erikoissuunnittelija' },
      });
    },
  },
  {
    runs: 'programmes/council-edits.ts#deleteCouncilEntry',
    changes: { region: ['region'] },
    run: async (ctx) => {
      const contact = await councilRow(ctx, 'contacts');
      return deleteCouncilEntry(ctx, EDITOR, '08', 'contacts', contact.id, { revision: contact.revision });
    },
  },
  {
    runs: 'projects/import-projects.ts#importProjects',
    changes: { region: ['projects'] },
    run: async (ctx) =>
      importProjects(ctx.db, bytes(PROJECTS_CSV), {
        regionCode: '08',
        mapping: await readPreset(ctx.config.contentDir, 'suunta'),
        file: 'projects.csv',
      }),
  },
  {
    runs: 'projects/import-projects.ts#importProjectsFile',
    changes: { region: ['projects'] },
    run: async (ctx) => {
      const file = join(ctx.config.dataDir, 'projects.csv');
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(ctx.config.dataDir, { recursive: true });
      writeFileSync(file, generateCsv(ROOT, 4, 8));
      return importProjectsFile(ctx.db, file, {
        regionCode: '08',
        mapping: await readPreset(ctx.config.contentDir, 'suunta'),
      });
    },
  },
  {
    runs: 'projects/priority-suggestions.ts#confirmProjectLink',
    changes: { region: ['projects'] },
    run: async (ctx) => {
      const project = await ctx.projects.project('08', 'B000000');
      const linked = new Set((project?.nodes ?? []).map((n) => n.key));
      const content = await ctx.reader.versionContent('08', P.slug);
      const priority = flattenTree(content.nodes).find((n) => n.level === 'priority' && !linked.has(n.key))!;
      return confirmProjectLink(ctx.db, ctx.reader, EDITOR, {
        regionCode: '08',
        slug: P.slug,
        projectCode: 'B000000',
        nodeKey: priority.key,
      });
    },
  },
  {
    runs: 'projects/import-projects.ts#writeProjects',
    changes: { region: ['projects'] },
    run: async (ctx) => {
      const stored = await ctx.projects.project('08', 'B000000');
      const { regionCode: _r, updatedAt: _u, ...project } = stored as typeof stored & Record<string, unknown>;
      return writeProjects(ctx.db, '08', [{ ...project, name: { fi: 'Uusi nimi' } } as never], '2026-01-01T00:00:00Z');
    },
  },
  {
    runs: 'programmes/import-programme.ts#importProgramme',
    changes: { region: ['region', 'programme'] },
    run: async (ctx) =>
      importProgramme(
        ctx.db,
        await readProgrammeFile(join(ctx.config.contentDir, 'programmes/kymenlaakso-2022-2025.yaml')),
      ),
  },
  {
    runs: 'import-municipalities.ts#importMunicipalities',
    changes: { everyRegion: ['region'] },
    run: async (ctx) =>
      importMunicipalities(
        ctx.db,
        await readMunicipalityFacts(join(ctx.config.contentDir, 'facts/municipalities.json')),
      ),
  },
  {
    runs: 'reindex-search.ts#ensureSearchIndex',
    changes: { everyRegion: ['programme'] },
    run: async (ctx) => {
      await writeMeta(ctx.db.kysely, 'search_index_version', 'old rules');
      return ensureSearchIndex(ctx.db);
    },
  },
  {
    runs: 'indicators/import-indicators.ts#importIndicators',
    changes: { region: ['indicators'] },
    run: async (ctx) =>
      importIndicators(
        ctx.db,
        parseIndicatorText(INDICATORS_YAML.replace('value: "150200"', 'value: "150300"'), 'i.yaml'),
        {
          fileName: 'i.yaml',
          actor: EDITOR,
        },
      ),
  },
  {
    runs: 'indicators/import-statistics.ts#importStatistics',
    changes: { region: ['indicators'] },
    run: async (ctx) =>
      importStatistics(ctx.db, {
        bytes: new TextEncoder().encode(STATISTICS_JSON.replace('161391', '161392')),
        fileName: 's.json',
        region: '08',
        actor: EDITOR,
      }),
  },
  {
    runs: 'projects/reindex-project-search.ts#ensureProjectSearchIndex',
    changes: { everyRegion: ['projects'] },
    run: async (ctx) => {
      await writeMeta(ctx.db.kysely, 'project_search_index_version', 'old rules');
      return ensureProjectSearchIndex(ctx.db);
    },
  },
];

/**
 * Exports of transaction-opening service modules that are not run above, each with why: they
 * write no public content, or are the machinery the operations above run through.
 */
const NOT_CONTENT_WRITES: Record<string, string> = {
  'projects/priority-suggestions.ts#priorityProposals': 'reads',
  'projects/priority-suggestions.ts#unlinkedTotals': 'reads',
  'programmes/edit-transaction.ts#editTransaction': 'the transaction every editing operation above runs in',
  'programmes/edit-transaction.ts#loadProgramme': 'reads',
  'programmes/edit-transaction.ts#loadVersion': 'reads',
  'programmes/edit-transaction.ts#loadDraft': 'touches the draft inside an editing transaction',
  'programmes/edit-transaction.ts#entityId': 'names audit entities',
  'programmes/programme-edits.ts#programmeTexts': 'reads',
  'programmes/programme-edits.ts#programmeState': 'reads',
  'programmes/version-edits.ts#versionTexts': 'reads',
  'programmes/version-edits.ts#versionState': 'reads',
  'programmes/term-edits.ts#termState': 'reads',
  'indicators/edit-indicators.ts#indicatorState': 'computes',
  'consultation/rounds.ts#loadRound': 'reads',
  'consultation/rounds.ts#roundsOf': 'reads',
  'consultation/rounds.ts#roundTree': 'reads',
  'consultation/moderation.ts#moderationQueue': 'reads',
  'consultation/responses.ts#responseDesk': 'reads',
  'consultation/reanchor.ts#anchorIn': 'computes',
  'consultation/seed-rounds.ts#seedConsultationRounds':
    'run by seedIfEmpty (every context of this test is seeded by it)',
  'consultation/personal-data.ts#finnishDay': 'computes',
  'consultation/reanchor.ts#reanchorRegionRounds':
    'runs inside editTransaction after every programme edit above; records consultation only when an anchor moved (test/consultation/consultation-reanchor.test.ts)',
  'indicators/edit-indicators.ts#indicatorForEdit': 'reads',
  'financing-plan/edit-financing-plan.ts#planRevision': 'computes',
  'financing-plan/edit-financing-plan.ts#checkPlanRevision': 'checks a form field',
  'financing-plan/edit-financing-plan.ts#financingPlanForEdit': 'reads',
  'financing-plan/import-financing-plan.ts#planLinesFromTable': 'parses',
  'search-index-version.ts#markIndexCurrent': 'writes a setting (meta), no content',
  'reindex-search.ts#markSearchIndexCurrent': 'writes a setting (meta), no content',
  'search-index-version.ts#rebuildIfStale': 'run by ensureSearchIndex and ensureProjectSearchIndex above',
  'seed.ts#readMunicipalityFacts': 'reads a file',
  'seed.ts#storeMunicipalityFacts': 'run by importMunicipalities above',
  'seed.ts#seedIfEmpty': 'fills an empty database (every context of this test is seeded by it)',
  'import-municipalities.ts#parseMunicipalityClassification': 'parses',
  'import-municipalities.ts#readMunicipalityClassification': 'reads a file',
  'import-municipalities.ts#writeMunicipalityFacts': 'writes a facts file, not the database',
  'programmes/import-programme.ts#searchRowsFor': 'computes search rows',
  'indicators/import-indicators.ts#parseIndicatorText': 'parses',
  'indicators/import-indicators.ts#readIndicatorFile': 'reads a file',
  'indicators/import-statistics.ts#readDatasets': 'parses',
  'freshness.ts#contentChanged': 'the recording itself',
  'freshness.ts#contentChangedEverywhere': 'the recording itself',
};

/** Services that open transactions on accounts only (users, sessions, tokens): no public content. */
const ACCOUNT_SERVICES = /^accounts\//;

function serviceModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? serviceModules(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

test('every export of a service module that writes is run below or named as writing no public content', () => {
  const services = join(ROOT, 'src/services');
  const run = new Set(OPERATIONS.map((o) => o.runs));
  const missing: string[] = [];
  for (const file of serviceModules(services)) {
    const name = relative(services, file);
    if (ACCOUNT_SERVICES.test(name)) continue;
    const text = readFileSync(file, 'utf8');
    if (!/\b(inTransaction|editTransaction|rebuildIfStale|contentChanged\w*)\(/.test(text)) continue;
    for (const m of text.matchAll(/^export (?:async )?function (\w+)/gm)) {
      const id = `${name}#${m[1]}`;
      if (!run.has(id) && NOT_CONTENT_WRITES[id] === undefined) missing.push(id);
    }
  }
  assert.deepEqual(missing, [], 'add these to OPERATIONS (with the generations they change) or NOT_CONTENT_WRITES');
  // Wrapper modules whose writes go through another module's transaction.
  assert.ok(
    run.has('reindex-search.ts#ensureSearchIndex') &&
      run.has('projects/reindex-project-search.ts#ensureProjectSearchIndex'),
  );
});

for (const target of databaseTargets()) {
  describe(`content writes record their changes on ${target.name}`, () => {
    let ctx: AppContext;
    before(async () => {
      enforceContentWrites(true);
      ctx = await openTestContext(target);
    });
    after(async () => {
      enforceContentWrites(false);
      await ctx.close();
    });

    const current = async (): Promise<Generations> => {
      ctx.reader.invalidate();
      return ctx.freshness.current();
    };

    test('seeding recorded every region it filled', async () => {
      const g = await current();
      assert.ok(g.of('08', 'region') > 0 && g.of(OTHER_REGION, 'region') > 0);
      assert.ok(g.of('08', 'programme') > 0, 'the seeded programme');
      assert.equal((await seedIfEmpty(ctx.db, ctx.config.contentDir)).seeded, false);
    });

    for (const op of OPERATIONS) {
      test(`${op.runs} moves exactly the generations it changes`, async () => {
        const before = await current();
        await op.run(ctx);
        const after = await current();
        const changed = 'region' in op.changes ? op.changes.region : op.changes.everyRegion;
        for (const region of ['08', OTHER_REGION]) {
          for (const kind of CONTENT_KINDS) {
            const expected = changed.includes(kind) && (region === '08' || 'everyRegion' in op.changes);
            const [was, is] = [before.of(region, kind), after.of(region, kind)];
            if (expected) assert.ok(is > was, `${region} ${kind} must move (${was} → ${is})`);
            else assert.equal(is, was, `${region} ${kind} must stay`);
          }
        }
      });
    }

    test('a transaction that writes content without recording it is refused (and rolled back)', async () => {
      const { inTransaction } = await import('#src/storage/executor.ts');
      await assert.rejects(
        inTransaction(ctx.db.kysely, (trx) =>
          trx.updateTable('regions').set({ slug: 'kymi' }).where('code', '=', '08').execute(),
        ),
        /wrote regions \(region\) without recording the change/,
      );
      const region = await ctx.db.kysely
        .selectFrom('regions')
        .select('slug')
        .where('code', '=', '08')
        .executeTakeFirstOrThrow();
      assert.equal(region.slug, 'kymenlaakso');
    });
  });
}
