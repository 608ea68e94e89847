/**
 * paragraphsOf (and versionParagraphsOf) mirrors the renderer's block rules (domain code may not import views): its body
 * paragraphs are the rendered page's `<p>` and `<li>` elements, in order, with the same visible
 * text. Checked on hand-written cases, on every body of the Kymenlaakso programme file, and on
 * generated Markdown.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { ROOT_DIR } from '#src/config/config.ts';
import { normaliseSpace, paragraphsOf, versionParagraphsOf } from '#src/domain/consultation/paragraphs.ts';
import type { FileNode } from '#src/domain/programmes/programme-file.ts';
import { readProgrammeFile } from '#src/services/programmes/programme-source.ts';
import { renderMarkdown } from '#src/views/markdown.ts';

/** The visible text of each rendered block (`<p>` or `<li>`), in document order. */
const renderedBlocks = (body: string): string[] =>
  parse(renderMarkdown(body))
    .querySelectorAll('p, li')
    .map((e) => normaliseSpace(e.text));

const bodyParagraphs = (body: string): string[] => paragraphsOf({ summary: null, body }).map((p) => p.text);

describe('paragraphsOf agrees with renderMarkdown', () => {
  test('hand-written cases', () => {
    for (const body of [
      'Yksi kappale.',
      'Kappale\njatkuu.\n\nToinen.',
      'Johdanto:\n- eka\n- toka\nEi sisennetty: uusi kappale.',
      '- eka\n  jatkuu\n- toka\n\n1. numeroitu\n2. toinen',
      '# Otsikko\nKappale heti perään.\n### Toinen #',
      '**lihava** ja *kursiivi* ja _alaviiva_ ja [linkki](https://example.fi/a?b=1&c=2)',
      '**a***b* ja [rikki](ftp://x) ja <b>ei html</b> &amp; "lainaus"',
      'Rivi\r\nja toinen\r\n\r\n- kohta',
    ]) {
      assert.deepEqual(bodyParagraphs(body), renderedBlocks(body), JSON.stringify(body));
    }
  });

  test('every body, vision and version summary of the Kymenlaakso programme', async () => {
    const file = await readProgrammeFile(join(ROOT_DIR, 'content', 'programmes', 'kymenlaakso-2022-2025.yaml'));
    let checked = 0;
    const visit = (node: FileNode): void => {
      for (const text of Object.values(node.body ?? {})) {
        if (!text) continue;
        assert.deepEqual(bodyParagraphs(text), renderedBlocks(text), node.key);
        checked++;
      }
      node.children.forEach(visit);
    };
    for (const version of file.versions) {
      version.nodes.forEach(visit);
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const vision = version.vision?.[lang] ?? null;
        const summary = version.summary?.[lang] ?? null;
        const expected = [vision, summary].flatMap((t) => (t ? renderedBlocks(t) : []));
        assert.deepEqual(
          versionParagraphsOf({ vision, summary }).map((p) => p.text),
          expected,
          `version ${version.number}`,
        );
      }
    }
    assert.ok(checked > 20, `checked ${checked} bodies`);
  });

  test('property: generated Markdown bodies', () => {
    const word = fc.constantFrom('Kymenlaakso', 'ja', 'ympäristö', 'öljy', 'Älykäs', 'kestävä', '3', 'a-b', '"x"', '&');
    const inline = fc.oneof(
      { weight: 6, arbitrary: word },
      { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
      { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
      { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
      { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.fi/${encodeURIComponent(w)})`) },
    );
    const text = fc.array(inline, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    const line = fc.oneof(
      { weight: 4, arbitrary: text },
      { weight: 2, arbitrary: text.map((t) => `- ${t}`) },
      { weight: 1, arbitrary: text.map((t) => `1. ${t}`) },
      { weight: 1, arbitrary: text.map((t) => `  ${t}`) },
      { weight: 1, arbitrary: text.map((t) => `## ${t}`) },
      { weight: 2, arbitrary: fc.constant('') },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const body = lines.join('\n');
        assert.deepEqual(bodyParagraphs(body), renderedBlocks(body));
      }),
      { numRuns: 300 },
    );
  });
});
