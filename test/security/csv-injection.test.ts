/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a corpus of formula payloads is put into
 * node titles and summaries (two published versions and a draft), project names and organisations,
 * audit entries, a financing plan's node titles and an import's rejected rows; then EVERY CSV the
 * app writes is fetched (or, for the rejects file of the CLI, written) and parsed back, and no cell
 * may begin with `=`, `+`, `-`, `@`, a tab or a carriage return unless it is a plain number.
 *
 * The test knows every CSV route by name (CSV_ROUTES) and fails when the app registers one it does
 * not know (a route whose URL has `.csv` or whose schema answers text/csv), and every source file
 * that writes CSV (CSV_WRITERS) and fails when another file calls `toCsv`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { RouteOptions } from 'fastify';
import { safeCell, toCsv } from '#src/lib/csv.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { submitComment } from '#src/services/consultation/comments.ts';
import { createRound } from '#src/services/consultation/rounds.ts';
import { contentChanged } from '#src/services/freshness.ts';
import { transitionVersion } from '#src/services/programmes/version-edits.ts';
import { financingPlanForEdit, setFinancingPlanCell } from '#src/services/financing-plan/edit-financing-plan.ts';
import { importProjects } from '#src/services/projects/import-projects.ts';
import { readPreset } from '#src/services/projects/mappings.ts';
import { writeRejectsFile } from '#src/services/projects/rejects-file.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import { useSignedInApp, type Browser } from '../admin/admin-fixture.ts';
import { DRAFT, EDITOR, PROGRAMME, startDraft } from '../editing/editing-fixture.ts';
import { importMunicipalPopulation } from '../api/indicators-fixture.ts';
import { versionRevision } from '../consultation/consultation-fixture.ts';
import { databaseTargets } from '../support/databases.ts';

/** Formula payloads: each must come out with a leading apostrophe. */
export const FORMULAS = [
  '=HYPERLINK("https://evil.example","klikkaa")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '=1+1;=2',
  "-1+1'",
];
/** Harmless texts: each must come out exactly as it went in. */
export const HARMLESS = ['-1250.50', 'Kotka – Hamina', "'jo lainausmerkillä", 'ympäristö@kotka.fi', '100 % 2+2=4'];

/**
 * What the project import accepts of the corpus: names with letters (it refuses "-2+3" as a name),
 * leading white space trimmed (so a tab or carriage return cannot start a stored name).
 */
const importable = (s: string): boolean => /\p{L}/u.test(s) && !/^\s/.test(s);
const PROJECT_FORMULAS = [...FORMULAS, '-SUM(A1)+3'].filter(importable);
const PROJECT_HARMLESS = HARMLESS.filter(importable);

/** Whether a spreadsheet would run the cell as a formula: a formula start that is not a plain number. */
const dangerous = (cell: string): boolean =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/.test(cell);

/** The rows of a CSV text (the byte order mark dropped); every cell checked for formulas. */
function parseAndCheck(text: string, what: string): string[][] {
  assert.ok(text.startsWith('\ufeff'), `${what}: starts with a byte order mark`);
  const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
  assert.ok(rows.length > 1, `${what}: has rows besides the header`);
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.entries())
      assert.ok(
        !dangerous(cell),
        `${what}: row ${r + 1}, column ${c + 1} would run as a formula: ${JSON.stringify(cell)}`,
      );
  return rows;
}

/** Asserts that `rows` hold each of `formulas` neutralised (as `'payload`, perhaps inside longer text) and `harmless` as is. */
function assertCarried(rows: string[][], what: string, formulas: readonly string[], harmless: readonly string[]): void {
  const cells = rows.flat();
  for (const f of formulas)
    assert.ok(
      cells.some((c) => c.startsWith(`'${f}`) || (c.includes(f) && !c.startsWith(f))),
      `${what}: the payload ${JSON.stringify(f)} reached the file (neutralised)`,
    );
  for (const h of harmless) assert.ok(cells.includes(h), `${what}: ${JSON.stringify(h)} kept as is`);
}

/** Every source file under src that calls toCsv: each must be covered below. */
const CSV_WRITERS = [
  'src/http/admin/audit/audit-routes.ts',
  'src/http/admin/financing-plan/financing-plan-routes.ts',
  'src/http/api/consultation-csv.ts',
  'src/http/api/diff-csv.ts',
  'src/http/api/indicators-csv.ts',
  'src/http/api/nodes-csv.ts',
  'src/http/site/project-pages.ts',
  'src/services/projects/rejects-file.ts',
];

/** Every CSV route (METHOD url as registered): each is fetched by the test below. */
const CSV_ROUTES = [
  'GET /api/v1/programmes/:id/versions/:number/nodes.csv',
  'GET /api/v1/programmes/:id/diff.csv',
  'GET /api/v1/regions/:code/indicators.csv',
  'GET /api/v1/regions/:code/indicators/:indicator/observations.csv',
  'GET /api/v1/regions/:code/programmes/:programme/consultation/:round/comments.csv',
  'GET /:lang/:region/projects.csv',
  'GET /:lang/:region/:programme/reports/:year/observations.csv',
  'GET /admin/audit.csv',
  'GET /admin/regions/:code/programmes/:slug/versions/:number/financing-plan.csv',
  'POST /admin/regions/:code/projects/import/rejects',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the shared CSV writer (src/lib/csv.ts)', () => {
  test('formula cells get a leading apostrophe inside a quoted field; plain numbers and safe text stay', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['=1+1', '-1250.50'],
        ['+cmd', '+3'],
        ['-2+3', '-0,5'],
        ['@SUM(A1)', 42],
        ['\t=1', -7],
        ['\r=1', null],
        ['-1e5', 'Kotka'],
      ],
    );
    assert.equal(
      text,
      '\ufeffa,b\r\n' +
        `"'=1+1",-1250.50\r\n` +
        `"'+cmd",+3\r\n` +
        `"'-2+3","-0,5"\r\n` +
        `"'@SUM(A1)",42\r\n` +
        `"'\t=1",-7\r\n` +
        `"'\r=1",\r\n` +
        `"'-1e5",Kotka\r\n`,
    );
    assert.equal(safeCell('-1 250'), "'-1 250", 'a number with a space is not a plain number');
    assert.equal(safeCell("'=1"), "'=1", 'already neutralised');
  });
});

describe('the CSV writers and routes are all known to this test', () => {
  test('every file that calls toCsv is listed', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const writers = sourceFiles(join(root, 'src'))
      .filter((f) => !f.endsWith('src/lib/csv.ts') && /\btoCsv\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
      .sort();
    assert.deepEqual(writers, CSV_WRITERS, 'a new CSV writer: add its route or file to this test');
  });
});

/** Sets `title` and `summary` of the nodes of version `number` (straight into the database, as an import could store them). */
async function setNodeTexts(ctx: AppContext, number: number, texts: (i: number) => string): Promise<void> {
  const db = ctx.db.kysely;
  const version = await db
    .selectFrom('versions')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select('versions.id')
    .where('programmes.region_code', '=', PROGRAMME.code)
    .where('programmes.slug', '=', PROGRAMME.slug)
    .where('versions.number', '=', number)
    .executeTakeFirstOrThrow();
  const nodes = await db
    .selectFrom('nodes')
    .select(['id'])
    .where('version_id', '=', version.id)
    .orderBy('id')
    .execute();
  for (const [i, n] of nodes.entries()) {
    const text = texts(i);
    const all = JSON.stringify({ fi: text, sv: text, en: text });
    await db.updateTable('nodes').set({ title: all, summary: all }).where('id', '=', n.id).execute();
  }
}

for (const target of databaseTargets()) {
  describe(`no CSV of the app carries a spreadsheet formula (${target.name})`, () => {
    const routes: string[] = [];
    const corpus = [...FORMULAS, ...HARMLESS];

    const web = useSignedInApp(
      target,
      { admin: { email: 'csv-admin@example.fi', role: 'admin' } },
      {
        prepare: async (ctx) => {
          // Published versions 1 and 2 with different payloads (so the diff carries them before and after).
          await setNodeTexts(ctx, 1, (i) => corpus[i % corpus.length]!);
          await setNodeTexts(ctx, 2, (i) => corpus[(i + 1) % corpus.length]!);
          ctx.reader.invalidate();
          await startDraft(ctx); // version 3, a copy of version 2
          // A financing plan line for every node of the draft: the CSV carries the nodes' (payload) titles.
          const plan = await financingPlanForEdit(ctx.db.kysely, DRAFT);
          const keys: string[] = [];
          const walk = (nodes: readonly { key: string; children: readonly unknown[] }[]): void => {
            for (const n of nodes) {
              keys.push(n.key);
              walk(n.children as typeof nodes);
            }
          };
          walk(plan.nodes);
          let revision = plan.revision;
          for (const node of keys) {
            await setFinancingPlanCell(ctx, EDITOR, DRAFT, {
              revision,
              node,
              fund: 'ERDF',
              year: '2024',
              amount: '1000',
              lang: 'fi',
            });
            revision = (await financingPlanForEdit(ctx.db.kysely, DRAFT)).revision;
          }
          // A consultation round on the draft with a published comment per payload: in its text (which the
          // form trims), the sender's name and organisation.
          await transitionVersion(ctx, EDITOR, DRAFT, { revision: await versionRevision(ctx, 3), action: 'consult' });
          await createRound(ctx, EDITOR, PROGRAMME, {
            slug: 'payloads',
            title: { fi: 'Kuuleminen' },
            intro: { fi: 'Luonnos nähtävillä.' },
            opens: '2020-01-01T00:00',
            closes: '2099-12-31T23:00',
            preModeration: 'none',
          });
          for (const [i, text] of corpus.entries())
            await submitComment(ctx, PROGRAMME, 'payloads', {
              nodeKey: null,
              paragraph: null,
              quote: null,
              lang: 'fi',
              body: /^\s/.test(text) ? `Kommentti ${text}` : text,
              name: text,
              email: 'lahettaja@example.fi',
              organisation: text,
              respondentType: 'resident',
              publishAs: 'name',
              idempotencyKey: `csv-injection-comment-${i}`,
            });
          const rows = [...PROJECT_FORMULAS, ...PROJECT_HARMLESS].map((text, i) => {
            const cell = (s: string): string => `"${s.replace(/"/g, '""')}"`;
            return [`KY-9${String(i).padStart(2, '0')}`, cell(text), cell(text), 'running'].join(';');
          });
          await importProjects(
            ctx.db,
            new TextEncoder().encode(['code;name_fi;lead_organisation;status', ...rows].join('\n') + '\n'),
            {
              file: 'payloads.csv',
              regionCode: '08',
              delimiter: ';',
              mapping: await readPreset(ctx.config.contentDir, 'suunta'),
            },
          );
          for (const text of corpus)
            await insertAuditEvent(ctx.db.kysely, {
              actor: { userId: null, label: text },
              regionCode: '08',
              action: text,
              entityType: text,
              entityId: text,
              summary: text,
              before: text,
              after: { title: text },
            });
          // Observations for the indicator CSVs: the municipal population file, then a payload in every
          // observation's unit and in every indicator's name (straight into the database).
          await importMunicipalPopulation(ctx);
          const observations = await ctx.db.kysely
            .selectFrom('observations')
            .select(['indicator_id', 'area', 'period'])
            .orderBy('indicator_id')
            .orderBy('area')
            .orderBy('period')
            .execute();
          for (const [i, o] of observations.entries())
            await ctx.db.kysely
              .updateTable('observations')
              .set({ unit: corpus[i % corpus.length]! })
              .where('indicator_id', '=', o.indicator_id)
              .where('area', '=', o.area)
              .where('period', '=', o.period)
              .execute();
          const indicators = await ctx.db.kysely.selectFrom('indicators').select('id').orderBy('id').execute();
          for (const [i, ind] of indicators.entries()) {
            const text = corpus[(i + 3) % corpus.length]!;
            await ctx.db.kysely
              .updateTable('indicators')
              .set({ name: JSON.stringify({ fi: text, sv: text, en: text }) })
              .where('id', '=', ind.id)
              .execute();
          }
          await contentChanged(ctx.db.kysely, '08', ['indicators']);
          ctx.reader.invalidate();
        },
        build: {
          onRoute: (route: RouteOptions) => {
            const csv =
              route.url.includes('.csv') ||
              JSON.stringify(route.schema?.response ?? {}).includes('text/csv') ||
              CSV_ROUTES.some((r) => r.endsWith(` ${route.url}`));
            for (const method of [route.method].flat())
              if (csv && method !== 'HEAD') routes.push(`${String(method).toUpperCase()} ${route.url}`);
          },
        },
      },
    );
    const admin = web.as.admin;

    test('the web.app registers exactly the CSV routes this test fetches', () => {
      assert.deepEqual([...new Set(routes)].sort(), [...CSV_ROUTES].sort(), 'a new CSV route: fetch it in this test');
    });

    const get = async (url: string, browser?: Browser): Promise<string> => {
      const res = browser ? await browser.get(url) : await web.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8$/, url);
      return res.body;
    };

    test('nodes.csv of every version', async () => {
      for (const n of [1, 2, 'current']) {
        const url = `/api/v1/programmes/08-2022-2025/versions/${n}/nodes.csv`;
        assertCarried(parseAndCheck(await get(url), url), url, FORMULAS, HARMLESS);
      }
    });

    test('diff.csv', async () => {
      const url = '/api/v1/programmes/08-2022-2025/diff.csv?from=1&to=2';
      assertCarried(parseAndCheck(await get(url), url), url, FORMULAS, HARMLESS);
    });

    test('the indicator CSVs: the whole set and one indicator, in every language', async () => {
      for (const lang of ['fi', 'sv', 'en']) {
        const all = `/api/v1/regions/08/indicators.csv?lang=${lang}`;
        assertCarried(parseAndCheck(await get(all), all), all, FORMULAS, HARMLESS);
        const one = `/api/v1/regions/08/indicators/vaesto/observations.csv?lang=${lang}`;
        assertCarried(parseAndCheck(await get(one), one), one, FORMULAS, HARMLESS);
      }
    });

    test("comments.csv of a consultation round (texts, senders' names and organisations)", async () => {
      const url = '/api/v1/regions/08/programmes/2022-2025/consultation/payloads/comments.csv';
      assertCarried(parseAndCheck(await get(url), url), url, FORMULAS, HARMLESS);
    });

    test('projects.csv in every language', async () => {
      for (const lang of ['fi', 'sv', 'en']) {
        const url = `/${lang}/kymenlaakso/projects.csv`;
        assertCarried(parseAndCheck(await get(url), url), url, PROJECT_FORMULAS, PROJECT_HARMLESS);
      }
    });

    test('the observations.csv of the annual report in every language', async () => {
      for (const lang of ['fi', 'sv', 'en']) {
        const url = `/${lang}/kymenlaakso/2022-2025/reports/2024/observations.csv`;
        assertCarried(parseAndCheck(await get(url), url), url, FORMULAS, HARMLESS);
      }
    });

    test('audit.csv', async () => {
      const url = '/admin/audit.csv?region=08';
      assertCarried(parseAndCheck(await get(url, admin), url), url, FORMULAS, HARMLESS);
    });

    test('financing-plan.csv (node titles)', async () => {
      const url = '/admin/regions/08/programmes/2022-2025/versions/3/financing-plan.csv';
      const rows = parseAndCheck(await get(url, admin), url);
      assertCarried(rows, url, FORMULAS, HARMLESS);
    });

    const rejected = corpus.map((text, i) => ({
      row: i + 2,
      line: i + 2,
      endLine: i + 2,
      problems: [text],
      raw: text,
    }));

    test('the rejected rows download of the import page', async () => {
      await admin.get('/admin/regions/08/projects/import');
      const res = await admin.post('/admin/regions/08/projects/import/rejects', {
        source: 'payloads.csv',
        rejects: JSON.stringify(rejected),
      });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8$/);
      assertCarried(parseAndCheck(res.body, 'rejects download'), 'rejects download', FORMULAS, HARMLESS);
    });

    test('the rejects file of `suunta import projects --skip-invalid --rejects`', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'suunta-rejects-'));
      try {
        const file = join(dir, 'rejects.csv');
        await writeRejectsFile(file, rejected);
        const rows = parseAndCheck(readFileSync(file, 'utf8'), file);
        assertCarried(rows, 'rejects file', FORMULAS, HARMLESS);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
