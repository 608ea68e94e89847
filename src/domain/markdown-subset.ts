/**
 * Checks a text written in the Markdown subset of programme bodies before it is saved: no raw HTML
 * and no link to anything but http(s) or mailto. The renderer escapes everything anyway
 * (views/markdown.ts); this check is defence in depth and tells the editor what to change.
 */

import { fieldProblem, problemText, type FieldProblem } from './edit-errors.ts';

const HTML_TAG = /<\s*\/?\s*[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?\s*>|<!--|<!\[CDATA\[|<![a-z]/i;
const SCRIPT_SCHEME = /\b(?:java|vb|live)script\s*:|\bdata\s*:\s*text\/html/i;
const MARKDOWN_LINK = /\[[^\]\n]*\]\(\s*([^)\s]*)[^)]*\)/g;
const ALLOWED_LINK = /^(?:https?:\/\/|mailto:)\S+$/i;

/** What is wrong with `text` as a Markdown-subset body, each with its code; an empty list when it is fine. */
export function markdownFieldProblems(text: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const tag = HTML_TAG.exec(text);
  if (tag) {
    const found = tag[0].slice(0, 40);
    problems.push(
      fieldProblem(
        'markdown_html',
        `must not contain HTML (found "${found}"); write Markdown instead, e.g. **bold**, *italic*, - lists and [links](https://…)`,
        { found },
      ),
    );
  }
  if (SCRIPT_SCHEME.test(text))
    problems.push(fieldProblem('markdown_script', 'must not contain script links such as "javascript:"'));
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    const target = (m[1] ?? '').slice(0, 60);
    if (!ALLOWED_LINK.test(m[1] ?? '')) {
      problems.push(
        fieldProblem('markdown_link', `link "${target}" must start with https://, http:// or mailto:`, { target }),
      );
      break;
    }
  }
  return problems;
}

/** What is wrong with `text` as a Markdown-subset body (English); an empty list when it is fine. */
export function markdownProblems(text: string): string[] {
  return markdownFieldProblems(text).map(problemText);
}

/** The problem of a plain text (titles, names) with its code: no control characters other than tab. */
export function plainTextFieldProblems(text: string): FieldProblem[] {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)
    ? [fieldProblem('control_characters', 'must not contain control characters')]
    : [];
}

/** True for a plain one-line text (titles, names): no control characters other than tab. */
export function plainTextProblems(text: string): string[] {
  return plainTextFieldProblems(text).map(problemText);
}
