/** A node's commentable paragraphs: order, Markdown blocks, visible text, offsets. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseSpace, paragraphsOf, plainInline, versionParagraphsOf } from './paragraphs.ts';

const texts = (summary: string | null, body: string | null): string[] =>
  paragraphsOf({ summary, body }).map((p) => p.text);

describe('paragraphsOf', () => {
  test('the summary comes first, then each body block, numbered from 0', () => {
    const paragraphs = paragraphsOf({
      summary: 'Lyhyt tiivistelmä.',
      body: 'Ensimmäinen kappale.\n\nToinen kappale,\njoka jatkuu.',
    });
    assert.deepEqual(
      paragraphs.map((p) => [p.index, p.field, p.kind, p.text]),
      [
        [0, 'summary', 'summary', 'Lyhyt tiivistelmä.'],
        [1, 'body', 'paragraph', 'Ensimmäinen kappale.'],
        [2, 'body', 'paragraph', 'Toinen kappale, joka jatkuu.'],
      ],
    );
  });

  test('no summary: the body starts at 0; nothing to comment on gives no paragraphs', () => {
    assert.deepEqual(texts(null, 'Vain runko.'), ['Vain runko.']);
    assert.deepEqual(texts('  \n ', 'Vain runko.'), ['Vain runko.']);
    assert.deepEqual(texts(null, null), []);
    assert.deepEqual(texts(null, '\n\n  \n'), []);
  });

  test('each list item is a paragraph; a heading is one; an indented line continues its item', () => {
    const paragraphs = paragraphsOf({
      summary: null,
      body: 'Tavoitteet:\n- saavutettavuus\n- kestävä liikkuminen\n  koko maakunnassa\n\n## Toimet\n1. raideyhteydet\n2) satamat',
    });
    assert.deepEqual(
      paragraphs.map((p) => [p.kind, p.text]),
      [
        ['paragraph', 'Tavoitteet:'],
        ['item', 'saavutettavuus'],
        ['item', 'kestävä liikkuminen koko maakunnassa'],
        ['heading', 'Toimet'],
        ['item', 'raideyhteydet'],
        ['item', 'satamat'],
      ],
    );
  });

  test('Markdown markers are removed: strong, emphasis, links, list markers', () => {
    assert.deepEqual(
      texts(
        null,
        '**Älykäs** erikoistuminen ja *vihreä* siirtymä _nyt_, ks. [Kymenlaakson liitto](https://www.kymenlaakso.fi/).\n\n* tähdellä\n+ plussalla',
      ),
      ['Älykäs erikoistuminen ja vihreä siirtymä nyt, ks. Kymenlaakson liitto.', 'tähdellä', 'plussalla'],
    );
  });

  test('what the renderer leaves as written stays: unsafe links, lone asterisks, the summary’s markers', () => {
    assert.equal(plainInline('[klikkaa](javascript:alert(1))'), '[klikkaa](javascript:alert(1))');
    assert.equal(plainInline('3 * 4 = 12'), '3 * 4 = 12');
    assert.deepEqual(texts('Tiivistelmä **sellaisenaan**', null), ['Tiivistelmä **sellaisenaan**']);
  });

  test('whitespace is collapsed (line breaks, tabs, no-break spaces, CRLF) and text is NFC', () => {
    assert.deepEqual(texts(null, 'Kaksi  välilyöntiä\tja\u00a0sitova\r\nrivinvaihto.\r\n\r\nToinen.'), [
      'Kaksi välilyöntiä ja sitova rivinvaihto.',
      'Toinen.',
    ]);
    const decomposed = 'Ha\u0308meenlinna'; // ä as a + combining diaeresis
    assert.deepEqual(texts(null, decomposed), ['Hämeenlinna']);
    assert.equal(normaliseSpace(decomposed), 'H\u00e4meenlinna');
  });

  test('offsets point at each block in its field’s source', () => {
    const body = 'Alku.\n\n- kohta yksi\n- kohta kaksi\n\n# Otsikko\nLoppu\njatkuu.';
    const summary = '  Tiivistelmä.  ';
    const paragraphs = paragraphsOf({ summary, body });
    assert.deepEqual(
      paragraphs.map((p) => (p.field === 'summary' ? summary : body).slice(p.offset, p.end)),
      ['Tiivistelmä.', 'Alku.', '- kohta yksi', '- kohta kaksi', '# Otsikko', 'Loppu\njatkuu.'],
    );
  });

  test('a version’s own texts: the vision’s blocks, then the summary’s, both Markdown', () => {
    assert.deepEqual(
      versionParagraphsOf({
        vision: 'Vuonna 2040 Kymenlaakso on **elinvoimainen**.',
        summary: 'Kolme teemaa:\n- innovatiivinen\n- kestävä\n\nJa *aktiivinen*.',
      }).map((p) => [p.index, p.field, p.kind, p.text]),
      [
        [0, 'vision', 'paragraph', 'Vuonna 2040 Kymenlaakso on elinvoimainen.'],
        [1, 'summary', 'paragraph', 'Kolme teemaa:'],
        [2, 'summary', 'item', 'innovatiivinen'],
        [3, 'summary', 'item', 'kestävä'],
        [4, 'summary', 'paragraph', 'Ja aktiivinen.'],
      ],
    );
    assert.deepEqual(versionParagraphsOf({ vision: null, summary: null }), []);
  });
});
