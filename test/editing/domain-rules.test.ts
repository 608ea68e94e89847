/**
 * Pure rules of editing: the version lifecycle, translation status, the Markdown-subset check,
 * text-field cleaning, and the tree rules (keys, slugs, moves without cycles within the levels).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EditConflict, FieldErrors, problemText, type FieldErrorMap } from '#src/domain/edit-errors.ts';
import { AppError } from '#src/domain/errors.ts';
import {
  actionsFor,
  assertEditable,
  checkDecision,
  isIsoDate,
  nextStatus,
  planUpdate,
  supersededBy,
} from '#src/domain/programmes/lifecycle.ts';
import { markdownProblems } from '#src/domain/markdown-subset.ts';
import { cleanTexts } from '#src/domain/text-fields.ts';
import {
  effectiveStatus,
  needsReview,
  parseStatusMap,
  statusAfterEdit,
  statusMapToJson,
} from '#src/domain/translation-status.ts';
import {
  keyFromTitle,
  moveProblem,
  orderAfterPlacing,
  slugProblem,
  subtreeHeight,
  subtreeIds,
  type TreeItem,
} from '#src/domain/programmes/tree-edits.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
  return 'none';
};

describe('version lifecycle', () => {
  test('draft → consultation → approved; consultation → draft reopens', () => {
    assert.equal(nextStatus(3, 'draft', 'consult'), 'consultation');
    assert.equal(nextStatus(3, 'consultation', 'approve'), 'approved');
    assert.equal(nextStatus(3, 'consultation', 'reopen'), 'draft');
  });

  test('every other transition is a conflict naming the status', () => {
    for (const [status, action] of [
      ['draft', 'approve'],
      ['draft', 'reopen'],
      ['consultation', 'consult'],
      ['approved', 'consult'],
      ['approved', 'approve'],
      ['approved', 'reopen'],
      ['superseded', 'approve'],
      ['superseded', 'reopen'],
    ] as const) {
      assert.equal(
        code(() => nextStatus(2, status, action)),
        'conflict',
        `${status} ${action}`,
      );
    }
    assert.throws(
      () => nextStatus(2, 'approved', 'consult'),
      /Version 2 is "approved"; only a version that is "draft" can be sent to consultation/,
    );
  });

  test('actions offered per status', () => {
    assert.deepEqual(actionsFor('draft'), ['consult']);
    assert.deepEqual(actionsFor('consultation'), ['approve', 'reopen']);
    assert.deepEqual(actionsFor('approved'), []);
    assert.deepEqual(actionsFor('superseded'), []);
  });

  test('only a draft is editable; the refusal says what to do', () => {
    assert.doesNotThrow(() => assertEditable(3, 'draft'));
    assert.throws(
      () => assertEditable(3, 'consultation'),
      (e: unknown) => e instanceof AppError && e.code === 'conflict' && /reopen it as a draft/.test(e.message),
    );
    assert.throws(() => assertEditable(2, 'approved'), /start an update/);
    assert.throws(() => assertEditable(1, 'superseded'), /cannot be edited/);
  });

  test('approval needs the deciding body, an ISO date and the reference', () => {
    assert.deepEqual(
      checkDecision({
        body: { fi: ' Maakuntavaltuusto ', sv: '', en: 'Regional Assembly' },
        date: '2026-05-04',
        reference: ' § 12 ',
      }),
      {
        body: { fi: 'Maakuntavaltuusto', en: 'Regional Assembly' },
        date: '2026-05-04',
        reference: '§ 12',
      },
    );
    try {
      checkDecision({ body: { sv: 'Fullmäktige' }, date: '4.5.2026', reference: ' ' });
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof FieldErrors);
      assert.deepEqual(Object.keys(error.fields).sort(), ['decisionBody.fi', 'decisionDate', 'decisionReference']);
      assert.equal(error.code, 'bad_request');
    }
    assert.equal(isIsoDate('2026-02-30'), false);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2026-2-3'), false);
  });

  test('approving supersedes every other approved version', () => {
    const versions = [
      { number: 1, status: 'superseded' as const },
      { number: 2, status: 'approved' as const },
      { number: 3, status: 'consultation' as const },
    ];
    assert.deepEqual(supersededBy(versions, 3), [2]);
    assert.deepEqual(supersededBy([{ number: 1, status: 'consultation' }], 1), []);
  });

  test('an update starts from the approved version into the next number, one open version at a time', () => {
    assert.deepEqual(
      planUpdate([
        { number: 1, status: 'superseded' },
        { number: 2, status: 'approved' },
      ]),
      { from: 2, to: 3 },
    );
    assert.throws(
      () =>
        planUpdate([
          { number: 2, status: 'approved' },
          { number: 3, status: 'draft' },
        ]),
      /Version 3 is still "draft"/,
    );
    assert.throws(() => planUpdate([{ number: 1, status: 'consultation' }]), /still "consultation"/);
    assert.throws(() => planUpdate([{ number: 1, status: 'superseded' }]), /no approved version/);
  });
});

describe('translation status', () => {
  const before = { title: { fi: 'Vanha', sv: 'Gammal', en: 'Old' }, body: { fi: 'Teksti', en: 'Text' } };

  test('imported translations without a stored status count as reviewed; Finnish is the original', () => {
    const status = effectiveStatus({}, before);
    assert.deepEqual(status['title'], { fi: 'original', sv: 'reviewed', en: 'reviewed' });
    assert.deepEqual(status['body'], { fi: 'original', sv: null, en: 'reviewed' });
  });

  test('editing the Finnish original makes the existing translations of that field stale, and only of that field', () => {
    const after = statusAfterEdit({}, before, { title: { fi: 'Uusi', sv: 'Gammal', en: 'Old' }, body: before.body });
    assert.deepEqual(after, { title: { sv: 'stale', en: 'stale' }, body: { en: 'reviewed' } });
  });

  test('stale stays stale over unrelated saves until marked reviewed', () => {
    const stale = { title: { sv: 'stale' as const, en: 'stale' as const } };
    const same = { title: { fi: 'Uusi', sv: 'Gammal', en: 'Old' } };
    assert.deepEqual(statusAfterEdit(stale, same, same), stale);
    assert.deepEqual(statusAfterEdit(stale, same, same, { 'title.sv': 'reviewed' }), {
      title: { sv: 'reviewed', en: 'stale' },
    });
  });

  test('writing a translation makes it reviewed, or machine when the editor says so', () => {
    const start = { title: { fi: 'Uusi' } };
    assert.deepEqual(statusAfterEdit({}, start, { title: { fi: 'Uusi', sv: 'Ny' } }), { title: { sv: 'reviewed' } });
    assert.deepEqual(
      statusAfterEdit({}, start, { title: { fi: 'Uusi', sv: 'Ny', en: 'New' } }, { 'title.en': 'machine' }),
      { title: { sv: 'reviewed', en: 'machine' } },
    );
    const stale = { title: { sv: 'stale' as const } };
    assert.deepEqual(
      statusAfterEdit(stale, { title: { fi: 'Uusi', sv: 'Gammal' } }, { title: { fi: 'Uusi', sv: 'Ny' } }),
      { title: { sv: 'reviewed' } },
    );
  });

  test('changing the original and the translation together leaves the translation reviewed; an explicit mark wins over stale', () => {
    assert.deepEqual(statusAfterEdit({}, before, { title: { fi: 'Uusi', sv: 'Ny', en: 'Old' } }), {
      title: { sv: 'reviewed', en: 'stale' },
    });
    assert.deepEqual(
      statusAfterEdit({}, before, { title: { fi: 'Uusi', sv: 'Gammal', en: 'Old' } }, { 'title.en': 'reviewed' }),
      { title: { sv: 'stale', en: 'reviewed' } },
    );
  });

  test('a removed translation loses its status; whitespace-only changes are no change', () => {
    assert.deepEqual(statusAfterEdit({ title: { sv: 'machine' } }, before, { title: { fi: 'Vanha', en: 'Old' } }), {
      title: { en: 'reviewed' },
    });
    assert.deepEqual(
      statusAfterEdit({ title: { sv: 'machine' } }, before, { title: { fi: ' Vanha ', sv: 'Gammal', en: 'Old' } }),
      { title: { sv: 'machine', en: 'reviewed' } },
    );
  });

  test('stored JSON round-trips; junk reads as nothing stored', () => {
    const map = { title: { sv: 'stale' as const }, body: {} };
    assert.equal(statusMapToJson(map), '{"title":{"sv":"stale"}}');
    assert.deepEqual(parseStatusMap(statusMapToJson(map)), { title: { sv: 'stale' } });
    assert.deepEqual(parseStatusMap('not json'), {});
    assert.deepEqual(parseStatusMap('{"title":{"sv":"bogus","en":"machine"}}'), { title: { en: 'machine' } });
    assert.equal(statusMapToJson({}), null);
    assert.equal(needsReview({ title: { sv: 'stale', en: 'reviewed' }, body: { en: 'machine' } }), 2);
  });
});

describe('Markdown subset check', () => {
  test('plain Markdown passes', () => {
    assert.deepEqual(
      markdownProblems(
        '**Tärkeää:** katso [sivu](https://example.fi/a?b=1&c=2) ja [posti](mailto:a@b.fi).\n\n- yksi\n- kaksi\n\nArvo 3 < 5 ja 7 > 2.',
      ),
      [],
    );
  });

  for (const payload of [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="x">x</a>',
    '<!-- comment -->',
    '< img src=x>',
    '<IFRAME src=//evil>',
  ]) {
    test(`rejects raw HTML: ${payload}`, () => {
      assert.match(markdownProblems(`Teksti ${payload}`).join(' '), /must not contain HTML/);
    });
  }

  for (const payload of [
    '[klikkaa](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1))',
    'javascript:alert(1)',
    '[x](vbscript:msgbox)',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](/relative)',
  ]) {
    test(`rejects script and non-web links: ${payload}`, () => {
      assert.ok(markdownProblems(payload).length > 0, payload);
    });
  }
});

describe('text fields', () => {
  test('trims, drops empty languages, requires Finnish and checks bodies', () => {
    const errors: FieldErrorMap = {};
    const out = cleanTexts(
      {
        title: { required: true, max: 10 },
        summary: { max: 100, multiline: true },
        body: { max: 100, markdown: true },
        extra: { max: 5 },
      },
      {
        title: { fi: '  Otsikko ', sv: '', en: null },
        summary: { fi: 'rivi\r\nrivi' },
        body: { fi: '<b>x</b>' },
        extra: { sv: 'bara' },
      },
      errors,
    );
    assert.deepEqual(out.title, { fi: 'Otsikko' });
    assert.deepEqual(out.summary, { fi: 'rivi\nrivi' });
    assert.match(problemText(errors['body.fi']!), /HTML/);
    assert.match(problemText(errors['extra.fi']!), /Finnish original is required/);
    assert.equal(errors['title.fi'], undefined);
    const more: FieldErrorMap = {};
    cleanTexts({ title: { required: true, max: 10 } }, { title: { fi: 'liian pitkä', sv: 'två\nrad' } }, more);
    assert.match(problemText(more['title.fi']!), /at most 10/);
    assert.match(problemText(more['title.sv']!), /single line/);
    const missing: FieldErrorMap = {};
    cleanTexts({ title: { required: true, max: 5 } }, {}, missing);
    assert.match(problemText(missing['title.fi']!), /required in Finnish/);
  });
});

describe('tree rules', () => {
  // 1 ─┬─ 2 ── 4
  //    └─ 3
  // 5
  const tree: TreeItem[] = [
    { id: 1, parentId: null, depth: 1, position: 0, slug: 'a' },
    { id: 2, parentId: 1, depth: 2, position: 0, slug: 'b' },
    { id: 3, parentId: 1, depth: 2, position: 1, slug: 'c' },
    { id: 4, parentId: 2, depth: 3, position: 0, slug: 'd' },
    { id: 5, parentId: null, depth: 1, position: 1, slug: 'e' },
  ];

  test('keys come from the Finnish title, unique and never reserved', () => {
    assert.equal(keyFromTitle('Älykäs erikoistuminen & TKI', new Set()), 'alykas-erikoistuminen-tki');
    assert.equal(keyFromTitle('Matkailu', new Set(['matkailu', 'matkailu-2'])), 'matkailu-3');
    assert.equal(keyFromTitle('!!!', new Set()), 'node');
    assert.equal(keyFromTitle('Versions', new Set()), 'versions-node');
    assert.ok(keyFromTitle('x'.repeat(200), new Set()).length <= 60);
  });

  test('slugs: the key pattern, not reserved, unique among siblings', () => {
    assert.equal(slugProblem('uusi-slug', ['muu']), null);
    assert.match(problemText(slugProblem('Iso Kirjain', [])!), /lower-case/);
    assert.match(problemText(slugProblem('search', [])!), /reserved/);
    assert.match(problemText(slugProblem('muu', ['muu'])!), /already used/);
  });

  test('subtrees and their height', () => {
    assert.deepEqual(subtreeIds(tree, 1).sort(), [1, 2, 3, 4]);
    assert.equal(subtreeHeight(tree, 1), 2);
    assert.equal(subtreeHeight(tree, 4), 0);
  });

  test('no move under itself or its descendants', () => {
    assert.match(problemText(moveProblem(tree, 1, 1, 3)!), /under itself/);
    assert.match(problemText(moveProblem(tree, 1, 2, 5)!), /own descendants/);
    assert.match(problemText(moveProblem(tree, 1, 4, 5)!), /own descendants/);
    assert.match(problemText(moveProblem(tree, 1, 99, 5)!), /does not exist/);
  });

  test('moves stay within the number of levels', () => {
    assert.equal(moveProblem(tree, 3, 5, 3), null);
    assert.equal(moveProblem(tree, 2, 5, 3), null, 'a priority with its measure under another theme');
    assert.match(problemText(moveProblem(tree, 2, 3, 3)!), /3 level\(s\); this move would put nodes on level 4/);
    assert.equal(moveProblem(tree, 2, null, 3), null);
    assert.match(problemText(moveProblem(tree, 5, 4, 3)!), /level 4/);
  });

  test('placing renumbers siblings', () => {
    assert.deepEqual(orderAfterPlacing(tree, null, 5, 0), [5, 1]);
    assert.deepEqual(orderAfterPlacing(tree, 1, 2, 1), [3, 2]);
    assert.deepEqual(orderAfterPlacing(tree, 1, 4, 99), [2, 3, 4]);
  });
});

describe('edit errors', () => {
  test('a conflict is a 409-class AppError carrying the stored values', () => {
    const e = new EditConflict('The node "x"', { revision: 4 });
    assert.equal(e.code, 'conflict');
    assert.deepEqual(e.current, { revision: 4 });
    assert.match(e.message, /changed by someone else/);
  });
});
