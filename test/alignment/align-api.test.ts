/** POST /api/v1/programmes/{id}/align: ranked answer, bad input named, length cap, on SQLite and PostgreSQL. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openApi, type ApiFixture } from '../api/api-fixture.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`POST /api/v1/programmes/{id}/align (${target.name})`, () => {
    let api: ApiFixture;
    before(async () => {
      api = await openApi(target);
    });
    after(async () => api.close());

    const post = (url: string, payload: unknown) =>
      api.app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: { 'content-type': 'application/json' },
      });

    test('ranks priorities and spearheads with the matched words', async () => {
      const res = await post('/api/v1/programmes/08-2022-2025/align', {
        text: 'Museoiden kokoelmat ja kulttuuriperinnön digitointi, taiteilijoiden työtilat.',
        lang: 'fi',
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.programmeId, '08-2022-2025');
      assert.equal(body.version, 2);
      assert.equal(body.priorities[0].key, 'kulttuuri-ja-liikunta');
      assert.ok(body.priorities[0].matched.includes('taiteilijoiden'), JSON.stringify(body.priorities[0]));
      assert.equal(body.priorities.length, 9);
      assert.deepEqual(body.spearheads.map((h: { key: string }) => h.key).sort(), [
        'bio-circular-economy',
        'digital-economy',
        'logistics',
      ]);
      assert.ok(
        body.priorities.every(
          (h: { score: number }, i: number, all: { score: number }[]) => i === 0 || all[i - 1]!.score >= h.score,
        ),
      );
    });

    test('lang defaults to fi', async () => {
      const res = await post('/api/v1/programmes/08-2022-2025/align', { text: 'satamat ja logistiikka' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().lang, 'fi');
      assert.equal(res.json().spearheads[0].key, 'logistics');
    });

    for (const [name, payload, words] of [
      ['no text', { lang: 'fi' }, 'text'],
      ['blank text', { text: '   ' }, 'text'],
      ['too long a text', { text: 'a'.repeat(20_001) }, 'text'],
      ['an unknown language', { text: 'kala', lang: 'de' }, 'lang'],
    ] as const) {
      test(`${name} is a 400 naming the field`, async () => {
        const res = await post('/api/v1/programmes/08-2022-2025/align', payload);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'bad_request');
        assert.ok(res.json().error.message.includes(words), res.json().error.message);
      });
    }

    test('an unknown programme is a 404', async () => {
      const res = await post('/api/v1/programmes/08-1990-1993/align', { text: 'kala' });
      assert.equal(res.statusCode, 404, res.body);
    });
  });
}
