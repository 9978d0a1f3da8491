// extension/memory.js's pure parts in Node: the guard that keeps private
// windows, a switched-off memory and non-web pages out of the store, the
// address remembered (no fragment), and the site number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryAllowed, pageUrl, siteId } from '../../extension/memory.js';

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
