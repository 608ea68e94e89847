/**
 * `npm run bench:consultation-report`: the feedback report of a consultation round (issue 10,
 * point 6) with 5 000 approved comments and statements on a fresh seeded SQLite database: the
 * round on version 3 of Kymenlaakso, the comments spread over every node (a paragraph of the node
 * or the whole node, every respondent type, a tenth not to be published, one in twenty a statement
 * of one of 40 organisations), 1 000 published responses of five comments each (a third linking the
 * change in version 3), then:
 *   - HTML generation (report data + document, fi), median of 5 after a warm-up;
 *   - PDF generation through Debian's Chromium and the report queue (the first render, which starts
 *     the browser, apart), median of 3, with the PDF's pages (pdfinfo) and bytes.
 * Needs /usr/bin/chromium and pdfinfo (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#src/config/config.ts';
import { RESPONDENT_TYPES } from '#src/domain/consultation/comment.ts';
import { DECISIONS } from '#src/domain/consultation/response.ts';
import { feedbackHtml, feedbackPdf } from '#src/http/site/feedback-report-pages.ts';
import { openAppContext } from '#src/services/app-context.ts';
import { publishResponses } from '#src/services/consultation/responses.ts';
import { createRound } from '#src/services/consultation/rounds.ts';
import { contentChanged } from '#src/services/freshness.ts';
import { startUpdate, transitionVersion } from '#src/services/programmes/version-edits.ts';
import { closeRenderer } from '#src/services/reports/pdf/render-pdf.ts';
import { insertCommentOnce, insertResponse } from '#src/storage/repositories/consultation-repository.ts';
import { listNodes } from '#src/storage/repositories/nodes-repository.ts';
import { median } from './support.ts';

const COMMENTS = 5000;
const GROUP = 5;
const P = { code: '08', slug: '2022-2025' };
const ROUND = 'bench';
const EDITOR = { userId: null, label: 'bench' };
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const work = mkdtempSync(join(tmpdir(), 'suunta-bench-feedback-'));
const ctx = await openAppContext({
  ...loadConfig({ NODE_ENV: 'production' }),
  databaseUrl: join(work, 'bench.sqlite'),
});
try {
  await startUpdate(ctx, EDITOR, P);
  const v3 = await ctx.db.kysely
    .selectFrom('versions')
    .innerJoin('programmes', 'programmes.id', 'versions.programme_id')
    .select(['versions.id', 'versions.revision'])
    .where('programmes.region_code', '=', P.code)
    .where('programmes.slug', '=', P.slug)
    .where('versions.number', '=', 3)
    .executeTakeFirstOrThrow();
  await transitionVersion(ctx, EDITOR, { ...P, number: 3 }, { revision: v3.revision, action: 'consult' });
  const round = await createRound(ctx, EDITOR, P, {
    slug: ROUND,
    title: { fi: 'Luonnos nähtävillä', sv: 'Utkastet framlagt', en: 'The draft on display' },
    intro: { fi: 'Luonnos on nähtävillä.' },
    opens: '2020-01-01T00:00',
    closes: '2099-12-31T23:00',
  });
  const nodes = await listNodes(ctx.db.kysely, v3.id);
  const t0 = performance.now();
  const ids: number[] = [];
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < COMMENTS; i++) {
      const node = nodes[i % nodes.length]!;
      const statement = i % 20 === 0;
      const { comment } = await insertCommentOnce(trx, {
        round_id: round.id,
        kind: statement ? 'statement' : 'comment',
        status: 'approved',
        version_id: v3.id,
        node_key: i % 50 === 0 ? null : node.key,
        paragraph_index: i % 3 === 0 ? 0 : null,
        text_lang: 'fi',
        body: `Kommentti ${i}: ehdotamme, että ohjelmassa painotetaan enemmän saavutettavuutta, liikenneyhteyksiä ja osaamista. Toinen virke selittää asiaa tarkemmin ja kolmas antaa esimerkin kunnasta ${i % 7}.`,
        respondent_type: statement ? 'organisation' : RESPONDENT_TYPES[i % RESPONDENT_TYPES.length]!,
        publish_as: i % 10 === 9 ? 'none' : i % 4 === 0 ? 'name' : 'anonymous',
        author_name: `Henkilö ${i}`,
        author_email: null,
        organisation: statement ? `Organisaatio ${i % 40} ry` : null,
        ui_lang: 'fi',
        idempotency_key: `bench-${String(i).padStart(6, '0')}`,
        submitted_at: new Date(Date.parse('2021-09-02T08:00:00Z') + i * 60_000).toISOString(),
        held_reason: null,
      });
      ids.push(comment.id);
    }
    for (let g = 0; g * GROUP < ids.length; g++) {
      const comments = ids.slice(g * GROUP, (g + 1) * GROUP);
      const decision = DECISIONS[g % DECISIONS.length]!;
      const node = nodes[(g * GROUP) % nodes.length]!;
      await insertResponse(
        trx,
        round.id,
        {
          text: { fi: `Vastaus ${g}: kiitos palautteesta, asia on käsitelty ohjelmatyössä.`, sv: `Svar ${g}.` },
          decision,
          reason: decision === 'not_taken_into_account' ? { fi: 'Asia ei kuulu maakuntaohjelmaan.' } : null,
          change: g % 3 === 0 ? { version: 3, nodeKey: node.key } : null,
        },
        comments,
        new Date().toISOString(),
      );
    }
    await contentChanged(trx, P.code, ['consultation']);
  });
  await publishResponses(ctx, EDITOR, P, ROUND);
  ctx.reader.invalidate();
  const setup = performance.now() - t0;

  await feedbackHtml(ctx, 'kymenlaakso', P.slug, ROUND, 'fi');
  const html: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const made = await feedbackHtml(ctx, 'kymenlaakso', P.slug, ROUND, 'fi');
    html.push(performance.now() - t);
    bytes = Buffer.byteLength(made.html);
  }
  let stamp = 1;
  const c0 = performance.now();
  let pdf = await feedbackPdf(ctx, 'kymenlaakso', P.slug, ROUND, 'fi', stamp++);
  const cold = performance.now() - c0;
  const pdfTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    pdf = await feedbackPdf(ctx, 'kymenlaakso', P.slug, ROUND, 'fi', stamp++);
    pdfTimes.push(performance.now() - t);
  }
  const file = join(work, 'feedback.pdf');
  writeFileSync(file, pdf.body);
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
  console.log(`Feedback report of a round with ${COMMENTS} comments (${COMMENTS / GROUP} responses), SQLite`);
  console.log(`setup (comments, responses, publishing): ${s(setup)}`);
  console.log(`HTML (data + document, fi): median ${s(median(html))} of 5, ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  console.log(`PDF (fi, Chromium running): median ${s(median(pdfTimes))} of 3; first, starting Chromium: ${s(cold)}`);
  console.log(`PDF: ${pages} pages, ${(pdf.body.length / 1024 / 1024).toFixed(2)} MB`);
} finally {
  await closeRenderer();
  await ctx.close();
  rmSync(work, { recursive: true, force: true });
}
