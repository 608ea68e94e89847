/**
 * Diff of two versions: examples of each kind of change, and property tests (fast-check) that
 * diff(a, a) is empty and that random edits are reported exactly, with texts that reconstruct.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, editArb, nodeTexts, version, versionArb } from '../../test/diff/trees.ts';
import { diffVersions, isEmptyDiff, type NodeChange, type VersionDiff } from './version-diff.ts';
import { newText, oldText } from './word-diff.ts';

const RUNS = 200;

const keys = (diff: VersionDiff, keep: (n: NodeChange) => boolean): string[] =>
  diff.nodes.filter(keep).map((n) => n.key);
const sorted = (s: Iterable<string>): string[] => [...s].sort();

const BASE = version(
  [
    {
      key: 'teema',
      title: { fi: 'Kestävä Kymenlaakso', en: 'Sustainable Kymenlaakso' },
      summary: { fi: 'Hiilineutraali maakunta vuoteen 2035.' },
      terms: ['crosscutting/sustainable-development'],
      children: [
        { key: 'p1', title: { fi: 'Saavutettavuus' }, children: [{ key: 'm1' }, { key: 'm2' }, { key: 'm3' }] },
        { key: 'p2', title: { fi: 'Energia' } },
        { key: 'p3', title: { fi: 'Luonto' } },
      ],
    },
    { key: 'toinen', title: { fi: 'Aktiivinen Kymenlaakso' } },
  ],
  { vision: { fi: 'Vuonna 2040 Kymenlaakso on elinvoimainen.' }, summary: { fi: 'Kolme teemaa.' } },
);

describe('diffVersions: examples', () => {
  test('the same version twice has no differences', () => {
    const diff = diffVersions(BASE, BASE);
    assert.ok(isEmptyDiff(diff));
    assert.deepEqual(diff.counts, {
      added: 0,
      removed: 0,
      moved: 0,
      retitled: 0,
      textChanged: 0,
      termsChanged: 0,
      versionTexts: 0,
    });
  });

  test('an added node lists its texts as inserted and its term links as added; a removed one the reverse', () => {
    const b = structuredClone(BASE);
    b.nodes[0]!.children[1]!.children.push({
      ...structuredClone(b.nodes[1]!),
      key: 'uusi',
      slug: 'uusi',
      title: { fi: 'Ruokaturva', en: 'Food security' },
      terms: [{ taxonomy: 'spearheads', term: 'logistics' }],
    });
    b.nodes.pop();
    const diff = diffVersions(BASE, relink(b));
    assert.deepEqual(
      diff.nodes.map((n) => [n.key, n.kind]),
      [
        ['uusi', 'added'],
        ['toinen', 'removed'],
      ],
    );
    const added = diff.nodes[0]!;
    assert.equal(added.before, null);
    assert.deepEqual(added.after?.parentKey, 'p2');
    assert.deepEqual(
      added.texts.map((t) => [t.field, t.lang, t.before, t.after, t.segments]),
      [
        ['title', 'fi', null, 'Ruokaturva', [{ type: 'insert', text: 'Ruokaturva' }]],
        ['title', 'en', null, 'Food security', [{ type: 'insert', text: 'Food security' }]],
      ],
    );
    assert.deepEqual(added.termsAdded, [{ taxonomy: 'spearheads', term: 'logistics' }]);
    const removed = diff.nodes[1]!;
    assert.equal(removed.after, null);
    assert.deepEqual(
      removed.texts.map((t) => [t.field, t.lang, t.after, t.wordsDeleted]),
      [['title', 'fi', null, 2]],
    );
    assert.deepEqual(diff.counts, {
      added: 1,
      removed: 1,
      moved: 0,
      retitled: 0,
      textChanged: 0,
      termsChanged: 0,
      versionTexts: 0,
    });
  });

  test('a retitle in any language is reported with the words inserted and deleted', () => {
    const b = structuredClone(BASE);
    b.nodes[0]!.children[0]!.title = { fi: 'Saavutettavuus', sv: 'Tillgänglighet' };
    b.nodes[0]!.title = { fi: 'Kestävä ja turvallinen Kymenlaakso', en: 'Sustainable Kymenlaakso' };
    const diff = diffVersions(BASE, b);
    assert.deepEqual(
      keys(diff, (n) => n.retitled),
      ['teema', 'p1'],
    );
    const theme = diff.nodes[0]!.texts[0]!;
    assert.deepEqual([theme.field, theme.lang, theme.wordsInserted, theme.wordsDeleted], ['title', 'fi', 2, 0]);
    assert.deepEqual(theme.segments, [
      { type: 'equal', text: 'Kestävä ' },
      { type: 'insert', text: 'ja turvallinen ' },
      { type: 'equal', text: 'Kymenlaakso' },
    ]);
    assert.deepEqual(
      diff.nodes[1]!.texts.map((t) => [t.field, t.lang, t.before, t.after]),
      [['title', 'sv', null, 'Tillgänglighet']],
    );
    assert.equal(diff.counts.retitled, 2);
    assert.equal(diff.counts.textChanged, 0);
  });

  test('a node under a new parent is moved by parent; its former and new siblings are not moved', () => {
    const b = structuredClone(BASE);
    const m2 = b.nodes[0]!.children[0]!.children.splice(1, 1)[0]!;
    b.nodes[0]!.children[2]!.children.push(m2);
    const diff = diffVersions(BASE, relink(b));
    assert.deepEqual(
      diff.nodes.map((n) => [n.key, n.kind, n.moved, n.before?.parentKey, n.after?.parentKey]),
      [['m2', 'changed', 'parent', 'p1', 'p3']],
    );
    assert.deepEqual(diff.nodes[0]!.after?.path, ['teema', 'p3', 'm2']);
  });

  test('moving one sibling two places marks only that sibling as moved by order', () => {
    const b = structuredClone(BASE);
    const list = b.nodes[0]!.children[0]!.children;
    list.unshift(list.pop()!); // m1 m2 m3 → m3 m1 m2
    assert.deepEqual(
      diffVersions(BASE, b).nodes.map((n) => [n.key, n.moved, n.before?.position, n.after?.position]),
      [['m3', 'order', 3, 1]],
    );
  });

  test('siblings added or removed around a node do not make it moved', () => {
    const b = structuredClone(BASE);
    b.nodes[0]!.children.splice(0, 1); // p1 removed with m1–m3: p2 and p3 now first and second
    b.nodes[0]!.children.unshift({ ...structuredClone(b.nodes[1]!), key: 'alku', slug: 'alku' });
    const diff = diffVersions(BASE, relink(b));
    assert.deepEqual(
      diff.nodes.map((n) => [n.key, n.kind]),
      [
        ['alku', 'added'],
        ['p1', 'removed'],
        ['m1', 'removed'],
        ['m2', 'removed'],
        ['m3', 'removed'],
      ],
    );
  });

  test('term links added and removed on a node, and the version texts, are reported', () => {
    const b = structuredClone(BASE);
    b.nodes[0]!.terms = [{ taxonomy: 'spearheads', term: 'logistics' }];
    b.vision = { fi: 'Vuonna 2040 Kymenlaakso on elinvoimainen ja turvallinen.' };
    b.summary = { fi: 'Kolme teemaa.', en: 'Three themes.' };
    const diff = diffVersions(BASE, b);
    assert.deepEqual(
      diff.nodes.map((n) => [n.key, n.termsAdded, n.termsRemoved]),
      [
        [
          'teema',
          [{ taxonomy: 'spearheads', term: 'logistics' }],
          [{ taxonomy: 'crosscutting', term: 'sustainable-development' }],
        ],
      ],
    );
    assert.deepEqual(
      diff.versionTexts.map((t) => [t.field, t.lang, t.wordsInserted, t.wordsDeleted]),
      [
        ['vision', 'fi', 2, 0],
        ['summary', 'en', 2, 0],
      ],
    );
    assert.deepEqual(diff.counts, {
      added: 0,
      removed: 0,
      moved: 0,
      retitled: 0,
      textChanged: 0,
      termsChanged: 1,
      versionTexts: 2,
    });
  });

  test('a blank text counts as no text', () => {
    const b = structuredClone(BASE);
    b.nodes[1]!.summary = { fi: '   ', sv: null };
    b.nodes[1]!.body = {};
    assert.ok(isEmptyDiff(diffVersions(BASE, b)));
  });
});

/** Recomputes paths and parent keys after a test moved nodes around by hand. */
function relink<T extends { nodes: typeof BASE.nodes }>(v: T): T {
  const walk = (list: typeof BASE.nodes, parent: (typeof BASE.nodes)[number] | null): void => {
    for (const n of list) {
      n.parentKey = parent?.key ?? null;
      n.depth = (parent?.depth ?? 0) + 1;
      n.path = [...(parent?.path ?? []), n.slug];
      walk(n.children, n);
    }
  };
  walk(v.nodes, null);
  return v;
}

describe('diffVersions: properties', () => {
  test('diff(a, a) is empty for any version', () => {
    fc.assert(
      fc.property(versionArb, (a) => {
        const diff = diffVersions(a, structuredClone(a));
        assert.ok(isEmptyDiff(diff), JSON.stringify(diff.nodes.slice(0, 2)));
      }),
      { numRuns: RUNS },
    );
  });

  test('random edits are reported exactly: each key by kind, each text by field and language, and the texts reconstruct', () => {
    fc.assert(
      fc.property(versionArb, fc.array(editArb, { maxLength: 12 }), (a, commands) => {
        const { edited: b, expected } = applyEdits(a, commands);
        const diff = diffVersions(a, b);

        assert.deepEqual(sorted(keys(diff, (n) => n.kind === 'added')), sorted(expected.added), 'added');
        assert.deepEqual(sorted(keys(diff, (n) => n.kind === 'removed')), sorted(expected.removed), 'removed');
        assert.deepEqual(
          sorted(keys(diff, (n) => n.moved === 'parent')),
          sorted(expected.movedParent),
          'moved to another parent',
        );
        assert.deepEqual(
          sorted(keys(diff, (n) => n.moved === 'order')),
          sorted(expected.movedOrder),
          'moved among siblings',
        );
        assert.deepEqual(sorted(keys(diff, (n) => n.retitled)), sorted(expected.retitled), 'retitled');
        const changed = diff.nodes.filter((n) => n.kind === 'changed');
        assert.deepEqual(
          sorted(changed.flatMap((n) => n.texts.map((t) => `${n.key}|${t.field}|${t.lang}`))),
          sorted(expected.texts),
          'texts',
        );
        assert.deepEqual(
          sorted(keys(diff, (n) => n.kind === 'changed' && n.termsAdded.length + n.termsRemoved.length > 0)),
          sorted(expected.termsChanged),
          'terms',
        );
        assert.deepEqual(
          sorted(diff.versionTexts.map((t) => `${t.field}|${t.lang}`)),
          sorted(expected.versionTexts),
          'version texts',
        );
        // No other node is reported.
        const edits = new Set([
          ...expected.movedParent,
          ...expected.movedOrder,
          ...expected.retitled,
          ...expected.termsChanged,
          ...[...expected.texts].map((t) => t.split('|')[0]!),
        ]);
        assert.deepEqual(sorted(changed.map((n) => n.key)), sorted(edits), 'changed nodes');
        assert.equal(isEmptyDiff(diff), expected.applied === 0);

        // Every text change reconstructs the old and the new text exactly.
        const oldTexts = nodeTexts(a);
        const newTexts = nodeTexts(b);
        for (const n of diff.nodes) {
          for (const t of n.texts) {
            const id = `${n.key}|${t.field}|${t.lang}`;
            assert.equal(t.before, oldTexts.get(id) ?? null, `${id} before`);
            assert.equal(t.after, newTexts.get(id) ?? null, `${id} after`);
            assert.equal(oldText(t.segments), t.before ?? '', `${id}: equal+delete segments give the old text`);
            assert.equal(newText(t.segments), t.after ?? '', `${id}: equal+insert segments give the new text`);
          }
        }
        for (const t of diff.versionTexts) {
          assert.equal(oldText(t.segments), a[t.field]?.[t.lang]?.trim() ? a[t.field]![t.lang] : '');
          assert.equal(newText(t.segments), b[t.field]?.[t.lang]?.trim() ? b[t.field]![t.lang] : '');
        }

        // Deterministic order: added and changed nodes in the new reading order, then removed ones in the old.
        const readingOrder = (v: typeof a): string[] => {
          const out: string[] = [];
          const walk = (list: typeof a.nodes): void => list.forEach((x) => (out.push(x.key), walk(x.children)));
          walk(v.nodes);
          return out;
        };
        const orderB = readingOrder(b);
        const orderA = readingOrder(a);
        const present = diff.nodes.filter((n) => n.kind !== 'removed').map((n) => n.key);
        const gone = diff.nodes.filter((n) => n.kind === 'removed').map((n) => n.key);
        assert.deepEqual(
          diff.nodes.map((n) => n.key),
          [...present, ...gone],
        );
        assert.deepEqual(
          present,
          orderB.filter((k) => present.includes(k)),
        );
        assert.deepEqual(
          gone,
          orderA.filter((k) => gone.includes(k)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('diff(b, a) mirrors diff(a, b): added and removed swap, moves and retitles stay', () => {
    fc.assert(
      fc.property(versionArb, fc.array(editArb, { maxLength: 8 }), (a, commands) => {
        const { edited: b } = applyEdits(a, commands);
        const forward = diffVersions(a, b);
        const back = diffVersions(b, a);
        assert.deepEqual(
          sorted(keys(back, (n) => n.kind === 'added')),
          sorted(keys(forward, (n) => n.kind === 'removed')),
        );
        assert.deepEqual(
          sorted(keys(back, (n) => n.kind === 'removed')),
          sorted(keys(forward, (n) => n.kind === 'added')),
        );
        assert.deepEqual(
          sorted(keys(back, (n) => n.moved === 'parent')),
          sorted(keys(forward, (n) => n.moved === 'parent')),
        );
        assert.deepEqual(sorted(keys(back, (n) => n.retitled)), sorted(keys(forward, (n) => n.retitled)));
        assert.equal(back.counts.versionTexts, forward.counts.versionTexts);
      }),
      { numRuns: RUNS },
    );
  });
});
