import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('defaults: port 3000 on 127.0.0.1, SQLite under ./data, no trusted proxy', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.match(c.databaseUrl, /data\/suunta\.sqlite$/);
  assert.equal(c.trustProxy, false);
});

test('SUUNTA_TRUST_PROXY takes true, a hop count or a list of addresses', () => {
  assert.equal(loadConfig({ SUUNTA_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ SUUNTA_TRUST_PROXY: '1' }).trustProxy, 1);
  assert.deepEqual(loadConfig({ SUUNTA_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy, [
    '10.0.0.1',
    '192.168.0.0/16',
  ]);
});

test('a bad value stops with a message naming the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT: /);
  assert.throws(() => loadConfig({ NODE_ENV: 'staging' }), /NODE_ENV: /);
});
