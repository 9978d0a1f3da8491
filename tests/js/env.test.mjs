// extension/content/env.js's strings from the background's templates
// (background.js messageTemplates: every string of the catalogue resolved by
// the browser, U+E001… where substitution 1… goes): formatted in the page,
// they must read exactly as the browser's own i18n.getMessage would. The
// browser's resolution is stood in for by the catalogue's own placeholders
// (env.js's formatter for the demo page, useMessages), over every string of
// extension/_locales/en/messages.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { i18n, useMessages, useTemplates } from '../../extension/content/env.js';

const MESSAGES = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url)));
const MARKS = Array.from({ length: 9 }, (_, k) => String.fromCharCode(0xe001 + k));

/** What the background builds: each string with the marks as its substitutions. */
function templates() {
  useMessages(MESSAGES);
  const out = {};
  for (const key of Object.keys(MESSAGES)) out[key] = i18n(key, MARKS);
  useMessages(null);
  return out;
}

const SUBS = [[], ['3'], ['3', '7'], ['Central bank holds rates', '2 May']];

test('every string from the templates reads as the catalogue gives it, with 0–2 substitutions', () => {
  const tpl = templates();
  const want = {};
  useMessages(MESSAGES);
  for (const key of Object.keys(MESSAGES)) want[key] = SUBS.map((s) => i18n(key, s));
  useMessages(null);
  useTemplates(tpl);
  try {
    for (const key of Object.keys(MESSAGES)) assert.deepEqual(SUBS.map((s) => i18n(key, s)), want[key], key);
  } finally {
    useTemplates(null);
  }
});

test('fold labels from the templates', () => {
  useTemplates(templates());
  try {
    const rows = [
      ['foldSameAs', ['4'], /4/],
      ['foldSameAsRange', ['2', '5'], /2.*5/],
      ['foldMany', ['3'], /3/],
    ];
    for (const [key, subs, re] of rows) {
      const s = i18n(key, subs);
      assert.match(s, re, key);
      assert.doesNotMatch(s, /[\ue001-\ue009]/, `${key}: no mark left`);
    }
    // A string the templates lack: the key (no extension API here), not an error.
    assert.equal(i18n('noSuchString'), 'noSuchString');
  } finally {
    useTemplates(null);
  }
});
