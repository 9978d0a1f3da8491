// extension/memory.js's pure parts in Node: the guard that keeps private
// windows, a switched-off memory and non-web pages out of the store, the
// address remembered (no fragment), and the site number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryAllowed, memoryStore, pageUrl, samePath, siteId } from '../../extension/memory.js';

test('nothing is remembered or looked up in a private window, or when switched off', () => {
  const url = 'https://news.example/a';
  assert.equal(memoryAllowed({ enabled: true, incognito: false, url }), true);
  assert.equal(memoryAllowed({ enabled: undefined, incognito: false, url }), true, 'on by default');
  assert.equal(memoryAllowed({ enabled: true, incognito: true, url }), false);
  assert.equal(memoryAllowed({ enabled: false, incognito: false, url }), false);
  assert.equal(memoryAllowed({ enabled: true, incognito: false, url: 'file:///tmp/a.html' }), false);
});

test('the page is remembered without its fragment; sites by host', () => {
  assert.equal(pageUrl('https://news.example/a?x=1#p3'), 'https://news.example/a?x=1');
  assert.equal(siteId('news.example'), siteId('news.example'));
  assert.notEqual(siteId('news.example'), siteId('other.example'));
  assert.equal(siteId(''), 0x811c9dc5);
});

test('pages that differ only in query or fragment are one page (never read before on themselves)', () => {
  assert.equal(samePath('https://news.example/a?utm_source=x#p'), samePath('https://news.example/a'));
  assert.notEqual(samePath('https://news.example/a'), samePath('https://news.example/b'));
  assert.notEqual(samePath('https://news.example/a'), samePath('http://other.example/a'));
});

test('the switch is on until the reader turns it off (storage.local `memory`)', async () => {
  const stored = {};
  globalThis.chrome = { storage: { local: { get: async (k) => (k in stored ? { [k]: stored[k] } : {}), set: async (o) => Object.assign(stored, o) } } };
  try {
    const store = memoryStore({});
    assert.equal(await store.enabled(), true);
    await store.setEnabled(false);
    assert.deepEqual(stored.memory, { enabled: false });
    assert.equal(await store.enabled(), false);
    await store.setEnabled(true);
    assert.equal(await store.enabled(), true);
  } finally {
    delete globalThis.chrome;
  }
});
