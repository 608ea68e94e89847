/**
 * Service errors are translated at the admin edge: a coded field problem or refusal is shown in
 * the admin language from errors.json, a problem without a code (or a code without a message)
 * keeps its English text, and the error itself (what the API and the CLI show) stays English.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FieldErrors } from '#src/domain/edit-errors.ts';
import { assertEditable, checkDecision } from '#src/domain/programmes/lifecycle.ts';
import { slugProblem } from '#src/domain/programmes/tree-edits.ts';
import { formFailure } from '#src/http/admin/admin-form.ts';
import { fieldErrorsOf } from '#src/http/forms/form-input.ts';

function shown(error: unknown, lang: 'fi' | 'sv' | 'en') {
  const failure = formFailure(error, {}, (fields) => fieldErrorsOf(fields, ''), lang);
  assert.ok(failure);
  return failure;
}

describe('service errors in the admin language', () => {
  const error = new FieldErrors('The node was not saved', {
    slug: slugProblem('muu', ['muu'])!,
    periodStart: 'must be a year between 1990 and 2100',
  });

  test('a duplicate slug in fi/sv/en; an uncoded problem stays English; the error message stays English', () => {
    assert.match(shown(error, 'fi').message, /”muu” on jo toisen saman ylätason kohdan käytössä/);
    assert.match(shown(error, 'sv').message, /”muu” används redan av en annan punkt/);
    assert.match(shown(error, 'en').message, /”muu” is already used by another node/);
    assert.match(shown(error, 'fi').message, /must be a year between 1990 and 2100/);
    assert.equal(
      error.message,
      'The node was not saved: slug "muu" is already used by another node under the same parent; periodStart must be a year between 1990 and 2100',
    );
    assert.equal(error.fields['slug'], '"muu" is already used by another node under the same parent');
  });

  test('a refusal with a reason: not a draft, in Finnish at the edge and English in the error', () => {
    let refusal: unknown;
    try {
      assertEditable(5, 'consultation');
    } catch (e) {
      refusal = e;
    }
    assert.match(shown(refusal, 'fi').message, /^Versio 5 on lausunnolla, eikä sitä voi muokata.*avaa se ensin/);
    assert.match((refusal as Error).message, /^Version 5 is "consultation" and cannot be edited/);
  });

  test('an incomplete approval decision in Swedish; the service error keeps the English field texts', () => {
    let refusal: unknown;
    try {
      checkDecision({ body: { fi: '' }, date: '19.12.2022', reference: '' });
    } catch (e) {
      refusal = e;
    }
    const sv = shown(refusal, 'sv').message;
    assert.match(sv, /det beslutande organet behövs på finska/);
    assert.match(sv, /måste vara ett datum i formen ÅÅÅÅ-MM-DD/);
    assert.match(sv, /beslutets paragraf eller hänvisning behövs/);
    assert.match((refusal as FieldErrors).fields['decisionDate']!, /^must be a date written as YYYY-MM-DD/);
  });
});
