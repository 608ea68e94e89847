/**
 * The first real case: the Kymenlaakso programme 2022–2025, version 1 (approved 29.11.2021) →
 * version 2 (the update approved 19.12.2022). The diff reports exactly the differences the content
 * author built into content/programmes/kymenlaakso-2022-2025.yaml, and nothing else.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT_DIR } from '#src/config/config.ts';
import type { FileNode, FileVersion, ProgrammeFile } from '#src/domain/programmes/programme-file.ts';
import type { VersionDiff } from '#src/domain/version-diff.ts';
import { newText, oldText } from '#src/domain/word-diff.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { compareVersions } from '#src/services/compare-versions.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { databaseTargets, openTestContext } from '../support/databases.ts';
import { V1_V2_COUNTS, V1_V2_RETITLE } from './kymenlaakso-changes.ts';

/** Every node change: key, kind, moved, retitled and the changed texts as `field/lang`, in the diff's order. */
const EXPECTED_NODES = [
  ['uudistuva-elinkeinoelama', 'changed', null, true, ['title/fi', 'body/fi', 'body/en']],
  ['kestava-kymenlaakso', 'changed', null, false, ['body/fi', 'body/en']],
  ['saavutettavuus-ja-kestava-liikkuminen', 'changed', null, false, ['summary/fi', 'summary/en', 'body/fi', 'body/en']],
  ['satamien-ja-rajanylityspaikkojen-yhteydet', 'changed', null, true, ['title/fi', 'title/en']],
  ['vaihtoehtoiset-logistiikkareitit', 'added', null, false, ['title/fi', 'title/en']],
  [
    'luonnon-monimuotoisuus-ja-luonnonvarat',
    'changed',
    null,
    false,
    ['summary/fi', 'summary/en', 'body/fi', 'body/en'],
  ],
  ['energiaomavaraisuus', 'added', null, false, ['title/fi', 'title/en']],
  ['ruokaturva', 'added', null, false, ['title/fi', 'title/en']],
];

function findInFile(nodes: readonly FileNode[], key: string): FileNode | undefined {
  for (const n of nodes) {
    if (n.key === key) return n;
    const found = findInFile(n.children, key);
    if (found) return found;
  }
  return undefined;
}

for (const target of databaseTargets()) {
  describe(`Kymenlaakso 2022–2025: diff of version 1 → version 2 (${target.name})`, () => {
    let ctx: AppContext;
    let diff: VersionDiff;
    let file: ProgrammeFile;
    let v1: FileVersion;
    let v2: FileVersion;

    before(async () => {
      ctx = await openTestContext(target);
      diff = (await compareVersions(ctx.reader, '08', '2022-2025', 1, 2)).diff;
      file = await readProgrammeFile(join(ROOT_DIR, 'content', 'programmes', 'kymenlaakso-2022-2025.yaml'));
      v1 = file.versions.find((v) => v.number === 1)!;
      v2 = file.versions.find((v) => v.number === 2)!;
    });
    after(async () => {
      await ctx.close();
    });

    test('reports exactly the built-in changes: 3 measures added, 2 retitles, 4 items with changed texts, nothing removed or moved', () => {
      assert.deepEqual(
        diff.nodes.map((n) => [n.key, n.kind, n.moved, n.retitled, n.texts.map((t) => `${t.field}/${t.lang}`)]),
        EXPECTED_NODES,
      );
      assert.deepEqual(diff.counts, V1_V2_COUNTS);
    });

    test('the retitle of uudistuva-elinkeinoelama: "Uudistuva elinkeinoelämä" → "Elinkeinoelämän uudistaminen"', () => {
      const title = diff.nodes[0]!.texts[0]!;
      assert.deepEqual(
        {
          before: title.before,
          after: title.after,
          segments: title.segments,
          ins: title.wordsInserted,
          del: title.wordsDeleted,
        },
        {
          before: V1_V2_RETITLE.before,
          after: V1_V2_RETITLE.after,
          segments: V1_V2_RETITLE.segments,
          ins: V1_V2_RETITLE.wordsInserted,
          del: V1_V2_RETITLE.wordsDeleted,
        },
      );
    });

    test('the added measures sit where version 2 puts them, with their term links', () => {
      const added = diff.nodes.filter((n) => n.kind === 'added');
      assert.deepEqual(
        added.map((n) => [
          n.key,
          n.after!.parentKey,
          n.after!.level,
          n.after!.title.fi,
          n.termsAdded.map((t) => `${t.taxonomy}/${t.term}`),
        ]),
        [
          [
            'vaihtoehtoiset-logistiikkareitit',
            'saavutettavuus-ja-kestava-liikkuminen',
            'measure',
            'Vaihtoehtoisten logistiikkareittien kehittäminen Venäjän-liikenteen päätyttyä',
            ['spearheads/logistics'],
          ],
          [
            'energiaomavaraisuus',
            'luonnon-monimuotoisuus-ja-luonnonvarat',
            'measure',
            'Energiaomavaraisuuden vahvistaminen uusilla energian tuotanto- ja varastointiratkaisuilla',
            ['spearheads/bio-circular-economy'],
          ],
          [
            'ruokaturva',
            'luonnon-monimuotoisuus-ja-luonnonvarat',
            'measure',
            'Ruokaturvan ja paikallisen ruoantuotannon omavaraisuuden vahvistaminen',
            [],
          ],
        ],
      );
    });

    test('the version texts changed: vision and summary, in Finnish and English', () => {
      assert.deepEqual(
        diff.versionTexts.map((t) => [t.field, t.lang, t.before, t.after]),
        [
          ['vision', 'fi', v1.vision!.fi, v2.vision!.fi],
          ['vision', 'en', v1.vision!.en, v2.vision!.en],
          ['summary', 'fi', v1.summary!.fi, v2.summary!.fi],
          ['summary', 'en', v1.summary!.en, v2.summary!.en],
        ],
      );
      const vision = diff.versionTexts[0]!;
      assert.deepEqual(
        vision.segments.filter((s) => s.type !== 'equal'),
        [{ type: 'insert', text: ' ja on sopeutunut muuttuneeseen turvallisuustilanteeseen' }],
      );
    });

    test('every changed text is the text of the file, and its segments rebuild both versions exactly', () => {
      let checked = 0;
      for (const n of diff.nodes) {
        for (const t of n.texts) {
          const old = findInFile(v1.nodes, n.key)?.[t.field]?.[t.lang] ?? null;
          const now = findInFile(v2.nodes, n.key)?.[t.field]?.[t.lang] ?? null;
          assert.equal(t.before, old, `${n.key} ${t.field}/${t.lang} before`);
          assert.equal(t.after, now, `${n.key} ${t.field}/${t.lang} after`);
          assert.equal(oldText(t.segments), old ?? '');
          assert.equal(newText(t.segments), now ?? '');
          checked += 1;
        }
      }
      assert.equal(checked, 21);
    });
  });
}
