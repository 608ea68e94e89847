/** The Markdown subset of programme texts: paragraphs, lists, emphasis, safe links, and nothing raw. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { excerpt } from '#src/views/excerpt.ts';
import { renderMarkdown } from '#src/views/markdown.ts';

describe('renderMarkdown', () => {
  test('paragraphs split on blank lines; single line breaks join', () => {
    assert.equal(renderMarkdown('Yksi\nrivi.\n\nToinen kappale.'), '<p>Yksi rivi.</p><p>Toinen kappale.</p>');
  });

  test('bulleted and numbered lists, also right after a paragraph', () => {
    assert.equal(
      renderMarkdown('Tavoitteet:\n- yksi\n- kaksi\n  jatkuu\n\n1. eka\n2. toka'),
      '<p>Tavoitteet:</p><ul><li>yksi</li><li>kaksi jatkuu</li></ul><ol><li>eka</li><li>toka</li></ol>',
    );
  });

  test('strong and emphasis', () => {
    assert.equal(renderMarkdown('**tärkeä** ja *korostettu*'), '<p><strong>tärkeä</strong> ja <em>korostettu</em></p>');
  });

  test('headings become bold paragraphs, keeping the page heading order', () => {
    assert.equal(renderMarkdown('## Otsikko'), '<p><strong>Otsikko</strong></p>');
  });

  test('raw HTML is escaped, never passed through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(2)"> & "quotes"');
    assert.ok(!html.includes('<script'), html);
    assert.ok(!html.includes('<img'), html);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/);
    assert.match(html, /&amp; &#34;quotes&#34;/);
  });

  test('links: http(s) and mailto only; javascript: stays text', () => {
    assert.equal(
      renderMarkdown('[Liitto](https://www.kymenlaakso.fi/?a=1&b=2)'),
      '<p><a href="https://www.kymenlaakso.fi/?a=1&amp;b=2">Liitto</a></p>',
    );
    const bad = renderMarkdown('[klikkaa](javascript:alert(1))');
    assert.ok(!bad.includes('<a'), bad);
    const quoted = renderMarkdown('[x](https://e.fi/"onmouseover="alert(1))');
    assert.ok(!quoted.includes('" onmouseover') && !quoted.includes('"onmouseover="'), quoted);
  });

  test('an empty text gives no HTML', () => {
    assert.equal(renderMarkdown(' \n\n '), '');
  });
});

describe('excerpt', () => {
  test('short text is kept whole', () => assert.equal(excerpt('Lyhyt teksti.'), 'Lyhyt teksti.'));
  test('Markdown markers are dropped, other characters kept', () => {
    assert.equal(excerpt('## Otsikko\n\n- **yksi** <b> & 2 > 1\n1. kaksi'), 'Otsikko yksi <b> & 2 > 1 kaksi');
  });
  test('long text is cut at a sentence end when one fits', () => {
    const text = `${'Ensimmäinen lause on tässä ja se on melko pitkä mutta mahtuu. '.repeat(2)}${'Sana '.repeat(60)}`;
    const out = excerpt(text, 160);
    assert.ok(out.length <= 160 && out.endsWith('.'), out);
  });
  test('otherwise at a word boundary with an ellipsis', () => {
    const out = excerpt('sana '.repeat(100), 50);
    assert.ok(out.length <= 50 && out.endsWith('sana…'), out);
  });
});
