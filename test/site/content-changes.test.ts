/**
 * Pages follow the stored content: the page cache (ETag, 304) is dropped when a programme is
 * imported, in this process or in another one; and content with HTML in it is shown escaped.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseProgrammeFile, type ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import { openAppContext, type AppContext } from '#src/services/app-context.ts';
import { importProgramme } from '#src/services/programmes/import-programme.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { databaseTargets } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';
import { FIRST_PRIORITY, PROGRAMME, textOf } from './site-helpers.ts';

const XSS = '<script>alert("x")</script>';

/** A small programme for Etelä-Karjala whose every text tries to inject HTML. */
function hostileProgramme(): ProgrammeFile {
  const text = (label: string): { fi: string; en: string } => ({
    fi: `${label} ${XSS} & <b>lihava</b>`,
    en: `${label} <img src=x onerror="alert(1)">`,
  });
  const result = parseProgrammeFile({
    format: 'suunta.programme/1',
    region: '09',
    council: { name: text('Liitto'), email: 'info@example.fi', web: 'https://example.fi/?a=1&b="2"' },
    programme: {
      slug: '2024-2027',
      title: text('Ohjelma'),
      period: { start: 2024, end: 2027 },
      levels: [
        {
          key: 'theme',
          plural: 'themes',
          name: { fi: 'Teema', sv: 'Tema', en: 'Theme' },
          namePlural: { fi: 'Teemat', sv: 'Teman', en: 'Themes' },
        },
        {
          key: 'priority',
          plural: 'priorities',
          name: { fi: 'Painopiste', sv: 'Prioritering', en: 'Priority' },
          namePlural: { fi: 'Painopisteet', sv: 'Prioriteringar', en: 'Priorities' },
        },
      ],
      taxonomies: [
        {
          key: 'tags',
          name: text('Luokitus'),
          terms: [{ key: 'one', title: text('Termi'), description: text('Kuvaus') }],
        },
      ],
    },
    versions: [
      {
        number: 1,
        status: 'draft',
        label: text('Luonnos'),
        vision: text('Visio'),
        summary: text('Tiivistelmä'),
        themes: [
          {
            key: 'teema',
            title: text('Teema'),
            summary: text('Yhteenveto'),
            body: { fi: `Kappale ${XSS}\n\n- kohta <iframe>\n- [linkki](javascript:alert(1))` },
            terms: ['tags/one'],
            priorities: [{ key: 'painopiste', title: text('Painopiste'), terms: ['tags/one'] }],
          },
        ],
      },
    ],
  });
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result.file;
}

/** The Kymenlaakso file with the Finnish title of the first priority of the current version changed. */
async function kymenlaaksoWithTitle(ctx: AppContext, title: string): Promise<ProgrammeFile> {
  const file = await readProgrammeFile(join(ctx.config.contentDir, 'programmes', 'kymenlaakso-2022-2025.yaml'));
  const current = file.versions.find((v) => v.status === 'approved')!;
  current.nodes[0]!.children[0]!.title = { ...current.nodes[0]!.children[0]!.title, fi: title };
  return file;
}

for (const target of databaseTargets()) {
  describe(`pages follow content changes (${target.name})`, () => {
    const site = useTestApp(target);

    test('a repeated request answers 304 to its ETag and the same bytes otherwise', async () => {
      const url = `/fi${FIRST_PRIORITY}`;
      const first = await site.get(url);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal(first.headers['cache-control'], 'no-cache');
      const second = await site.get(url);
      assert.equal(second.body, first.body);
      assert.equal(second.headers.etag, etag);
      const conditional = await site.get(url, { 'if-none-match': `W/"other", ${etag}` });
      assert.equal(conditional.statusCode, 304);
      assert.equal(conditional.body, '');
    });

    test('importing a changed programme in this process shows the change at once', async () => {
      const url = `/fi${FIRST_PRIORITY}`;
      const before = await site.get(url);
      assert.equal(textOf(before.body, 'h1'), 'Elinkeinoelämän uudistaminen');
      await importProgramme(
        site.ctx.db,
        await kymenlaaksoWithTitle(site.ctx, 'Elinkeinoelämän uudistaminen ja monipuolistaminen'),
      );
      site.ctx.reader.invalidate();
      const after = await site.get(url, { 'if-none-match': String(before.headers.etag) });
      assert.equal(after.statusCode, 200, 'the old ETag no longer matches');
      assert.equal(textOf(after.body, 'h1'), 'Elinkeinoelämän uudistaminen ja monipuolistaminen');
      assert.notEqual(after.headers.etag, before.headers.etag);
      // Pages that only link the node change too.
      const theme = await site.get(`/fi${PROGRAMME}`);
      assert.ok(theme.body.includes('Elinkeinoelämän uudistaminen ja monipuolistaminen'));
    });

    test('an import by another process (e.g. the CLI) shows within about a second', async () => {
      const url = `/fi${FIRST_PRIORITY}`;
      await site.get(url);
      const other = await openAppContext(site.ctx.config, { seed: false });
      try {
        await importProgramme(other.db, await kymenlaaksoWithTitle(other, 'Elinkeinoelämän uudistaminen (CLI)'));
      } finally {
        await other.close();
      }
      let h1 = '';
      for (let i = 0; i < 30 && h1 !== 'Elinkeinoelämän uudistaminen (CLI)'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        h1 = textOf((await site.get(url)).body, 'h1');
      }
      assert.equal(h1, 'Elinkeinoelämän uudistaminen (CLI)');
    });

    test('HTML in imported content is escaped on every page', async () => {
      await importProgramme(site.ctx.db, hostileProgramme());
      site.ctx.reader.invalidate();
      const base = '/etela-karjala/2024-2027/';
      const urls = [
        '/fi/',
        '/fi/etela-karjala/',
        '/en/etela-karjala/',
        '/fi/etela-karjala/contact/',
        `/fi${base}`,
        `/sv${base}`,
        `/en${base}`,
        `/fi${base}teema/`,
        `/fi${base}teema/painopiste/`,
        `/en${base}tags/tags/one/`,
        `/fi${base}versions/`,
        `/fi${base}search?q=lihava`,
        '/sitemap.xml',
      ];
      for (const url of urls) {
        const res = await site.get(url);
        assert.equal(res.statusCode, 200, url);
        assert.doesNotMatch(res.body, /<(script|img|iframe|b)[\s>]|href="javascript:|\sonerror="/i, url);
      }
      const programme = await site.get(`/fi${base}`);
      assert.equal(
        textOf(programme.body, 'h1'),
        'Ohjelma &lt;script>alert(&#34;x&#34;)&lt;/script> &amp; &lt;b>lihava&lt;/b>',
      );
      assert.ok(programme.body.includes('<title>Ohjelma &lt;script>'), 'title escaped');
      assert.match(programme.body, /<meta name="description" content="[^"<]*&lt;script>alert\(&#34;x&#34;\)/);
      const theme = await site.get(`/fi${base}teema/`);
      assert.ok(theme.body.includes('<li>kohta &lt;iframe></li>'), 'Markdown list item escaped');
      assert.ok(theme.body.includes('<li>[linkki](javascript:alert(1))</li>'), 'javascript: link left as text');
      const contact = await site.get('/fi/etela-karjala/contact/');
      assert.ok(
        contact.body.includes('href="https://example.fi/?a=1&amp;b=%222%22"') ||
          contact.body.includes('href="https://example.fi/?a=1&amp;b=&#34;2&#34;"'),
      );
      // A draft is flagged unmistakably.
      assert.match(
        programme.body,
        /<div class="banner banner-warning" role="note"><p class="banner-title">Luonnos: tätä versiota ei ole hyväksytty/,
      );
    });
  });
}
