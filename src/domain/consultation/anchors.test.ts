/** Comment anchors: making them, and finding them again after an edit (each state by a constructed edit). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  AnchorError,
  CHANGED_THRESHOLD,
  CONTEXT_LENGTH,
  makeAnchor,
  paragraphsOf,
  reanchor,
  versionParagraphsOf,
  wholeNodeAnchor,
  type Paragraph,
} from './anchors.ts';

const node = (body: string, summary: string | null = null): Paragraph[] => paragraphsOf({ summary, body });

const V1 = node(
  [
    'Kymenlaakson teollisuus on selvinnyt rakennemuutoksista uudistumalla.',
    'Älykkään erikoistumisen kärjet ovat **älykäs ja vihreä logistiikka**, uusiutuvat materiaalit ja energia sekä datatalous.',
    'Kotkan Kantasatamaan rakennetaan uusi kampus, jossa on digitaaliset oppimis- ja TKI-ympäristöt.',
  ].join('\n\n'),
  'Elinkeinoelämää monipuolistetaan vahvistamalla yrittäjyyttä.',
);

const anchorError = (problem: string) => (e: unknown) => e instanceof AnchorError && e.problem === problem;

describe('makeAnchor', () => {
  test('without a quote the whole paragraph is quoted, with no context', () => {
    assert.deepEqual(makeAnchor(V1, 1), {
      paragraphIndex: 1,
      quote: 'Kymenlaakson teollisuus on selvinnyt rakennemuutoksista uudistumalla.',
      before: '',
      after: '',
    });
  });

  test('a selected quote keeps 32 characters of the paragraph before and after it', () => {
    const anchor = makeAnchor(V1, 2, 'vihreä logistiikka');
    const text = V1[2]!.text;
    const at = text.indexOf('vihreä logistiikka');
    assert.equal(anchor.before, text.slice(at - CONTEXT_LENGTH, at));
    assert.equal(anchor.before.length, 32);
    assert.equal(anchor.after, text.slice(at + 18, at + 18 + CONTEXT_LENGTH));
    assert.equal(anchor.after.length, 32);
  });

  test('context is cut at the paragraph’s start and end', () => {
    const anchor = makeAnchor(V1, 3, 'Kotkan Kantasatamaan');
    assert.equal(anchor.before, '');
    assert.equal(anchor.after, ' rakennetaan uusi kampus, jossa ');
    assert.equal(makeAnchor(V1, 3, 'TKI-ympäristöt.').after, '');
  });

  test('the quote is matched against the visible text, whitespace normalised', () => {
    const anchor = makeAnchor(V1, 2, '  älykäs ja\n vihreä   logistiikka ');
    assert.equal(anchor.quote, 'älykäs ja vihreä logistiikka');
    assert.equal(anchor.before, 'Älykkään erikoistumisen kärjet ovat '.slice(-32));
  });

  test('a quote not in the paragraph, a missing paragraph and an empty quote are refused with a code', () => {
    assert.throws(() => makeAnchor(V1, 1, 'uusi kampus'), anchorError('quote_not_in_paragraph'));
    assert.throws(() => makeAnchor(V1, 2, '**älykäs'), anchorError('quote_not_in_paragraph'));
    assert.throws(() => makeAnchor(V1, 9), anchorError('no_such_paragraph'));
    assert.throws(() => makeAnchor(V1, -1), anchorError('no_such_paragraph'));
    assert.throws(() => makeAnchor(V1, 1, ' \n '), anchorError('empty_quote'));
    try {
      makeAnchor(V1, 1, 'ei ole');
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof AnchorError);
      assert.equal(e.code, 'bad_request');
      assert.equal(e.reason?.code, 'anchor_quote_not_in_paragraph');
    }
  });

  test('a repeated quote: the occurrence nearest to `near`, else the first', () => {
    const paragraphs = node('Kymenlaakso kasvaa. Matkailu kasvaa nopeasti.');
    assert.equal(makeAnchor(paragraphs, 0, 'kasvaa').after, '. Matkailu kasvaa nopeasti.');
    assert.equal(makeAnchor(paragraphs, 0, 'kasvaa', { near: 30 }).after, ' nopeasti.');
  });
});

describe('reanchor', () => {
  const quoted = makeAnchor(V1, 2, 'uusiutuvat materiaalit ja energia');

  test('exact: the same text', () => {
    assert.deepEqual(reanchor(quoted, V1), { state: 'exact', ...quoted, score: 1 });
    const whole = makeAnchor(V1, 3);
    assert.deepEqual(reanchor(whole, V1), { state: 'exact', ...whole, score: 1 });
  });

  test('exact: whitespace and Markdown markers changed, not the visible words', () => {
    const v2 = node(
      [
        'Kymenlaakson  teollisuus on selvinnyt\nrakennemuutoksista uudistumalla.',
        'Älykkään erikoistumisen kärjet ovat älykäs ja *vihreä* logistiikka,\nuusiutuvat   materiaalit ja energia sekä datatalous.',
        'Kotkan Kantasatamaan rakennetaan uusi kampus, jossa on digitaaliset oppimis- ja TKI-ympäristöt.',
      ].join('\n\n'),
      'Elinkeinoelämää monipuolistetaan  vahvistamalla yrittäjyyttä.\n',
    );
    assert.equal(reanchor(quoted, v2).state, 'exact');
    assert.equal(reanchor(makeAnchor(V1, 1), v2).state, 'exact');
    assert.equal(reanchor(makeAnchor(V1, 0), v2).state, 'exact');
  });

  test('exact: the context around a unique quote was edited', () => {
    const v2 = node(
      V1.slice(1)
        .map((p) => p.text.replace('sekä datatalous', 'ja kyberturvallisuus'))
        .join('\n\n'),
      V1[0]!.text,
    );
    const result = reanchor(quoted, v2);
    assert.equal(result.state, 'exact');
    assert.equal(result.after, ' ja kyberturvallisuus.');
  });

  test('moved: a paragraph inserted before shifts the index', () => {
    const v2 = node(
      ['Uusi johdantokappale sodan vaikutuksista.', ...V1.slice(1).map((p) => p.text)].join('\n\n'),
      V1[0]!.text,
    );
    const result = reanchor(quoted, v2);
    assert.equal(result.state, 'moved');
    assert.equal(result.paragraphIndex, 3);
    assert.equal(result.quote, quoted.quote);
    assert.equal(result.before, quoted.before);
    assert.equal(reanchor(makeAnchor(V1, 3), v2).paragraphIndex, 4);
  });

  test('moved: paragraphs swapped', () => {
    const v2 = node([V1[3]!.text, V1[1]!.text, V1[2]!.text].join('\n\n'), V1[0]!.text);
    assert.deepEqual(
      [1, 2, 3].map((i) => reanchor(makeAnchor(V1, i), v2)).map((r) => [r.state, r.paragraphIndex]),
      [
        ['moved', 2],
        ['moved', 3],
        ['moved', 1],
      ],
    );
  });

  test('changed: a word changed inside the quote', () => {
    const v2 = node(
      V1.slice(1)
        .map((p) => p.text.replace('uusiutuvat materiaalit', 'kierrätettävät materiaalit'))
        .join('\n\n'),
      V1[0]!.text,
    );
    const result = reanchor(quoted, v2);
    assert.equal(result.state, 'changed');
    assert.equal(result.paragraphIndex, 2);
    assert.equal(result.quote, 'kierrätettävät materiaalit ja energia');
    assert.equal(result.after, ' sekä datatalous.');
    assert.ok(result.score! >= CHANGED_THRESHOLD && result.score! < 1, String(result.score));
  });

  test('changed: a whole-paragraph quote whose paragraph gained an inflected word and lost another', () => {
    const v2 = node(
      [
        'Kymenlaakson teollisuus on selvinnyt rakennemuutoksesta uudistumalla nopeasti.',
        ...V1.slice(2).map((p) => p.text),
      ].join('\n\n'),
      V1[0]!.text,
    );
    const result = reanchor(makeAnchor(V1, 1), v2);
    assert.equal(result.state, 'changed');
    assert.equal(result.paragraphIndex, 1);
    assert.equal(result.quote, 'Kymenlaakson teollisuus on selvinnyt rakennemuutoksesta uudistumalla nopeasti.');
  });

  test('changed, not orphan, for inflected words: a quarter of an edit each', () => {
    const paragraphs = node('Tavoitteena on kestävä kehittäminen koko maakunnassa.');
    const anchor = makeAnchor(paragraphs, 0, 'kestävä kehittäminen');
    const inflected = reanchor(anchor, node('Tavoitteena on kestävää kehittämistä koko maakunnassa.'));
    assert.equal(inflected.state, 'changed');
    assert.equal(inflected.quote, 'kestävää kehittämistä');
    assert.equal(inflected.score, 0.75);
    // both words replaced by other words: nothing is left of the quote
    assert.equal(reanchor(anchor, node('Tavoitteena on vihreä siirtymä koko maakunnassa.')).state, 'orphan');
  });

  test('the threshold: one word of three replaced is changed, one of two an orphan', () => {
    const paragraphs = node('Kotkan satama laajenee. Haminan satama kasvaa.');
    const three = reanchor(
      makeAnchor(paragraphs, 0, 'Haminan satama kasvaa'),
      node('Kotkan satama laajenee. Haminan satama supistuu.'),
    );
    assert.deepEqual([three.state, three.quote, three.score], ['changed', 'Haminan satama supistuu', 0.667]);
    const two = reanchor(
      makeAnchor(paragraphs, 0, 'satama kasvaa'),
      node('Kotkan satama laajenee. Haminan satama supistuu.'),
    );
    assert.equal(two.state, 'orphan');
  });

  test('a stored anchor with an empty quote (corrupt) is an orphan, not a hang', () => {
    assert.equal(reanchor({ paragraphIndex: 0, quote: ' ', before: '', after: '' }, V1).state, 'orphan');
  });

  test('deleted_node: the node key is not in the new version', () => {
    assert.deepEqual(reanchor(quoted, null), {
      state: 'deleted_node',
      paragraphIndex: null,
      quote: null,
      before: '',
      after: '',
    });
    assert.equal(reanchor(wholeNodeAnchor(), null).state, 'deleted_node');
  });

  test('orphan: the paragraph rewritten completely', () => {
    const v2 = node(
      [V1[1]!.text, 'Maakunnan kärkialat uudistetaan vuonna 2023 yhdessä yritysten kanssa.', V1[3]!.text].join('\n\n'),
      V1[0]!.text,
    );
    const result = reanchor(quoted, v2);
    assert.equal(result.state, 'orphan');
    assert.equal(result.paragraphIndex, null);
    assert.equal(result.quote, null);
    assert.ok(result.score! < CHANGED_THRESHOLD);
  });

  test('orphan keeps the nearest passage below the threshold for the moderator', () => {
    const anchor = makeAnchor(node('Raideyhteys Kouvolasta Kotkaan sähköistetään kokonaan.'), 0);
    const result = reanchor(anchor, node('Raideyhteys Kotkaan selvitetään.'));
    assert.equal(result.state, 'orphan');
    assert.deepEqual(result.nearest, { paragraphIndex: 0, quote: 'Raideyhteys Kotkaan selvitetään.', score: 0.4 });
  });

  test('a paragraph of the programme’s own texts (node key null) re-anchors like a node’s', () => {
    const v1 = versionParagraphsOf({
      vision: 'Vuonna 2040 Kymenlaakso on elinvoimainen maakunta.',
      summary: 'Kolme teemaa.',
    });
    const v2 = versionParagraphsOf({
      vision: 'Vuonna 2040 Kymenlaakso on hiilineutraali ja elinvoimainen maakunta.',
      summary: 'Kolme teemaa.',
    });
    assert.equal(reanchor(makeAnchor(v1, 1), v2).state, 'exact');
    const changed = reanchor(makeAnchor(v1, 0), v2);
    assert.deepEqual([changed.state, changed.paragraphIndex], ['changed', 0]);
  });

  test('whole-node and whole-programme anchors: exact while the node exists', () => {
    assert.deepEqual(reanchor(wholeNodeAnchor(), V1), { state: 'exact', ...wholeNodeAnchor() });
    assert.equal(reanchor(wholeNodeAnchor(), []).state, 'exact');
  });

  describe('a repeated quote is told apart by its context', () => {
    const v1 = node(
      [
        'Kymenlaakso on logistiikan maakunta. Satamat kasvavat.',
        'Matkailu on kasvuala. Kymenlaakso on logistiikan maakunta myös jatkossa.',
      ].join('\n\n'),
    );
    const first = makeAnchor(v1, 0, 'Kymenlaakso on logistiikan maakunta');
    const second = makeAnchor(v1, 1, 'Kymenlaakso on logistiikan maakunta');

    test('unchanged: each stays where it was', () => {
      assert.equal(reanchor(first, v1).paragraphIndex, 0);
      assert.equal(reanchor(second, v1).paragraphIndex, 1);
      assert.equal(reanchor(second, v1).state, 'exact');
    });

    test('paragraphs swapped: each follows its own context', () => {
      const v2 = node([v1[1]!.text, v1[0]!.text].join('\n\n'));
      assert.deepEqual(
        [first, second].map((a) => reanchor(a, v2)).map((r) => [r.state, r.paragraphIndex, r.after]),
        [
          ['moved', 1, '. Satamat kasvavat.'],
          ['moved', 0, ' myös jatkossa.'],
        ],
      );
    });

    test('an edited passage found in two paragraphs alike: its context decides, not the index', () => {
      const quote = 'liikenne kasvaa nopeasti tänä vuonna';
      const v1 = node(`Satamissa ${quote}. Muuta.\n\nRadoilla ${quote}. Lisää.`);
      const anchor = makeAnchor(v1, 1, quote);
      const edited = quote.replace('nopeasti', 'hitaasti');
      const result = reanchor(anchor, node(`Radoilla ${edited}. Lisää.\n\nSatamissa ${edited}. Muuta.`));
      assert.deepEqual([result.state, result.paragraphIndex, result.before], ['changed', 0, 'Radoilla ']);
    });

    test('twice in one paragraph: the second occurrence is found again, not the first', () => {
      const filler = 'Tämä lause on täytettä, jotta konteksti ei ulotu alkuun asti.';
      const paragraphs = node(`Satamissa kasvu jatkuu. ${filler} Matkailussa kasvu jatkuu myös.`);
      const anchor = makeAnchor(paragraphs, 0, 'kasvu jatkuu', { near: 80 });
      assert.equal(anchor.after, ' myös.');
      const v2 = node(`Kotkan satamissa kasvu jatkuu vahvana. ${filler} Matkailussa kasvu jatkuu myös.`);
      const result = reanchor(anchor, v2);
      assert.equal(result.state, 'exact');
      assert.equal(result.after, ' myös.');
      assert.equal(result.before, anchor.before);
    });

    test('twice in one paragraph, both contexts changed: moved, at the occurrence with more context kept', () => {
      const paragraphs = node('Alussa kasvu jatkuu satamissa. Lopussa kasvu jatkuu myös.');
      const anchor = makeAnchor(paragraphs, 0, 'kasvu jatkuu', { near: 40 });
      const result = reanchor(anchor, node('Alussa kasvu jatkuu Kotkassa. Lopuksi kasvu jatkuu myös.'));
      assert.equal(result.state, 'moved');
      assert.equal(result.after, ' myös.');
    });
  });
});

describe('reanchor properties', () => {
  const word = fc.constantFrom(
    'Kymenlaakso',
    'maakunta',
    'ja',
    'kestävä',
    'älykäs',
    'ympäristö',
    'öljy',
    'satama',
    'uudistuu',
    'vihreä',
    'siirtymä',
    'yritykset',
    'osaaminen',
    'liikenne',
  );
  const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((ws) => `${ws.join(' ')}.`);
  const paragraphText = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
  const body = fc.uniqueArray(paragraphText, { minLength: 1, maxLength: 6 });
  /** A node's paragraphs, a paragraph index and a quote span in it: [from, to) as fractions of its length. */
  const commented = fc
    .tuple(
      body,
      fc.nat(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
    )
    .map(([texts, i, a, b, whole]) => {
      const paragraphs = node(texts.join('\n\n'));
      const index = i % paragraphs.length;
      const text = paragraphs[index]!.text;
      const from = Math.floor(Math.min(a, b) * text.length);
      const to = Math.max(from + 1, Math.ceil(Math.max(a, b) * text.length));
      const quote = whole ? undefined : text.slice(from, to);
      return { texts, paragraphs, index, quote };
    })
    .filter((c) => c.quote === undefined || c.quote.trim() !== '');

  test('property: against the unchanged text, every anchor is exact at the same index with the same quote and context', () => {
    fc.assert(
      fc.property(commented, ({ paragraphs, index, quote }) => {
        const anchor = makeAnchor(paragraphs, index, quote);
        const result = reanchor(anchor, paragraphs);
        assert.equal(result.state, 'exact');
        assert.deepEqual(
          [result.paragraphIndex, result.quote, result.before, result.after],
          [anchor.paragraphIndex, anchor.quote, anchor.before, anchor.after],
        );
      }),
      { numRuns: 400 },
    );
  });

  test('property: inserting an unrelated paragraph anywhere never orphans: exact after it, moved by one before it', () => {
    const unrelated = fc
      .array(fc.constantFrom('Hamina', 'Pyhtää', 'Miehikkälä', 'Virolahti', 'Iitti', '2023', '2040'), {
        minLength: 2,
        maxLength: 15,
      })
      .map((ws) => `${ws.join(' ')}.`);
    fc.assert(
      fc.property(commented, unrelated, fc.nat(), ({ texts, paragraphs, index, quote }, inserted, at) => {
        const position = at % (texts.length + 1);
        const v2 = node([...texts.slice(0, position), inserted, ...texts.slice(position)].join('\n\n'));
        const anchor = makeAnchor(paragraphs, index, quote);
        const result = reanchor(anchor, v2);
        const shifted = position <= index;
        assert.equal(result.state, shifted ? 'moved' : 'exact');
        assert.equal(result.paragraphIndex, shifted ? index + 1 : index);
        assert.equal(result.quote, anchor.quote);
      }),
      { numRuns: 400 },
    );
  });

  test('property: one word replaced in a whole-paragraph quote of five or more words gives changed at the same index', () => {
    const replacement = fc.constantFrom('Kouvola', 'rautatie', 'energia', 'Kotka');
    fc.assert(
      fc.property(commented, replacement, fc.nat(), ({ texts, paragraphs, index }, other, k) => {
        const words = texts[index]!.split(' ');
        fc.pre(words.length >= 5);
        const w = k % words.length;
        const dot = words[w]!.endsWith('.') ? '.' : '';
        words[w] = other + dot;
        const edited = [...texts];
        edited[index] = words.join(' ');
        const v2 = node(edited.join('\n\n'));
        const result = reanchor(makeAnchor(paragraphs, index), v2);
        assert.equal(result.state, 'changed');
        assert.equal(result.paragraphIndex, index);
        assert.ok(result.score! >= CHANGED_THRESHOLD);
      }),
      { numRuns: 300 },
    );
  });
});
