/** The in-memory page cache: bounded size, least recently used out first, each entry valid for the stamp of its content. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeResponse, matchesEtag, PageCache } from '#src/http/site/page-cache.ts';

describe('PageCache', () => {
  test('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new PageCache<string>(4);
    assert.equal(cache.get('a', 1), undefined);
    for (const k of ['a', 'b', 'c', 'd']) cache.set(k, 1, k.toUpperCase());
    assert.equal(cache.get('a', 1), 'A'); // a is now the most recently used
    cache.set('e', 1, 'E');
    assert.equal(cache.size, 4);
    assert.equal(cache.get('b', 1), undefined, 'b was the least recently used');
    assert.equal(cache.get('a', 1), 'A');
    assert.equal(cache.get('e', 1), 'E');
  });

  test('a new stamp drops that entry only; a page rendered for an older stamp does not replace a newer one', () => {
    const cache = new PageCache<string>(10);
    cache.set('a', 1, 'old');
    cache.set('b', 5, 'other region');
    assert.equal(cache.get('a', 2), undefined);
    assert.equal(cache.size, 1, 'only the changed entry went');
    assert.equal(cache.get('b', 5), 'other region');
    cache.set('a', 3, 'newer');
    cache.set('a', 2, 'stale render');
    assert.equal(cache.get('a', 3), 'newer');
  });

  test('responses carry a strong ETag of their bytes', () => {
    const a = makeResponse('<p>ä</p>', 'text/html; charset=utf-8');
    const b = makeResponse('<p>ä</p>', 'text/html; charset=utf-8');
    const c = makeResponse('<p>a</p>', 'text/html; charset=utf-8');
    assert.equal(a.etag, b.etag);
    assert.notEqual(a.etag, c.etag);
    assert.equal(a.body.toString('utf8'), '<p>ä</p>');
  });

  test('If-None-Match: exact, listed, weak and * match; others do not', () => {
    assert.ok(matchesEtag('"x"', '"x"'));
    assert.ok(matchesEtag('"y", "x"', '"x"'));
    assert.ok(matchesEtag('W/"x"', '"x"'));
    assert.ok(matchesEtag('*', '"x"'));
    assert.ok(!matchesEtag('"y"', '"x"'));
    assert.ok(!matchesEtag(undefined, '"x"'));
  });
});
