// extension/content/fold.js in Node, on a stand-in DOM that logs layout reads
// and document writes (tests/js/fakedom.mjs): folding reads layout only
// before its first write. A read between writes makes the browser lay the
// page out again for every fold; on a page of many folds that was most of the
// content script's main-thread time (docs/performance.md, issue 20). Also that
// what is folded did not change: copies the page does not show stay, a copy
// inside a block this pass folded gets no placeholder of its own, a copy in a
// link gets its placeholder before the link.
//
// Text: the paragraphs of tests/pages/hidden-copy/source.html (this repo's own fixture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { log, installPage } from './fakedom.mjs';

const MESSAGES = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url)));
const P1 = 'The central bank left its benchmark rate unchanged at 4.5 percent on Thursday, saying inflation had eased for a third straight month but remained above its target.';
const P2 = 'Policymakers said they would need "greater confidence" that prices were under control before cutting borrowing costs, and that the labour market remained tight.';
const P3 = 'Economists polled before the decision had expected no change. Markets now price the first cut for September.';
const MORE = 'Read more: ';

// Block k of the report is the element with data-block="k".
const p = (k, text, attrs = {}) => ['p', { 'data-block': String(k), ...attrs }, text];
const article = ['div', { id: 'article' }, ['h1', { 'data-block': '0' }, 'Central bank holds rates'], p(1, P1), p(2, P2), p(3, P3)];
const page = (...rest) => ['html', {}, ['body', {}, article, ...rest]];
const copy = (original, block, len, span = null) => ({ kind: 'block', action: 'fold', original: [original], copies: [block], spans: [span || { block, start: 0, end: len }] });

// Each case: the page, the report's repeats (blocks 1–3 are the article's
// paragraphs), and what folding must give: the blocks hidden and the number
// of placeholders.
const CASES = [
  {
    name: 'two copies apart: two folds, two placeholders',
    tree: page(p(4, P1), ['div', { class: 'ad' }, p(5, 'Advertisement: subscribe for a year of news.')], p(6, P3)),
    repeats: [copy(1, 4, P1.length), copy(3, 6, P3.length)],
    hidden: [4, 6],
    placeholders: 2,
  },
  {
    name: 'copies the page does not show (print-only, hidden) stay as they are',
    tree: page(['div', { class: 'print-version' }, p(4, P1), p(5, P2)], p(6, P3, { hidden: '' }), ['div', { class: 'related' }, ['p', { 'data-block': '7' }, ['a', { href: '/1' }, P2]]]),
    repeats: [copy(1, 4, P1.length), copy(2, 5, P2.length), copy(3, 6, P3.length), copy(2, 7, P2.length)],
    hidden: [7],
    placeholders: 1,
  },
  {
    name: 'a copy inside a block this pass folds gets no fold of its own',
    tree: page(['blockquote', { 'data-block': '4' }, P1, p(5, 'Pull quote from the governor.'), p(6, P2)], p(7, P3)),
    repeats: [copy(1, 4, P1.length), copy(2, 6, P2.length), copy(3, 7, P3.length)],
    hidden: [4, 7],
    placeholders: 2,
  },
  {
    name: 'part of a block: its text wrapped and hidden, the rest stays',
    tree: page(p(4, MORE + P1), p(5, P2), p(6, P3)),
    repeats: [copy(1, 4, MORE.length + P1.length, { block: 4, start: MORE.length, end: MORE.length + P1.length }), copy(2, 5, P2.length), copy(3, 6, P3.length)],
    hidden: [5, 6],
    placeholders: 2,
    parts: [P1],
  },
];

// A block's text is its own: a block inside it is a block of its own.
const ownText = (el) => el.childNodes.map((n) => (n.nodeType === 3 ? n.data : n.hasAttribute('data-block') ? '' : ownText(n))).join('');

let instance = 0;
/** The page of `c` installed, a fresh fold.js (module state), and its report set. */
async function setUp(c) {
  const all = installPage(c.tree);
  const refs = [];
  for (const el of all) if (el.hasAttribute('data-block')) refs[Number(el.getAttribute('data-block'))] = el;
  const fold = await import(`../../extension/content/fold.js?case=${instance++}`);
  const env = await import('../../extension/content/env.js');
  env.useMessages(MESSAGES);
  const blocks = refs.map((el, k) => ({ index: k, tag: el.localName, article: k >= 1 && k <= 3 }));
  const report = { blocks, repeats: c.repeats };
  const lens = refs.map((el) => ownText(el).length);
  fold.setReport(report, refs, { lens, blank: [] });
  // What the content script read with the page: the same verdicts, no log.
  const seen = refs.map((el) => el.shown());
  return { fold, refs, seen };
}

/** What the page shows now: the blocks hidden, placeholders, hidden parts. */
function folds(refs) {
  const hidden = refs.flatMap((el, k) => (el.hasAttribute('data-dossier-folded') && el.style.getPropertyValue('display') === 'none' ? [k] : []));
  return {
    hidden,
    placeholders: document.querySelectorAll('dossier-fold').length,
    parts: document.querySelectorAll('dossier-part').map((d) => d.textContent),
  };
}

/** The layout reads that came after the first write of the log. */
function readsAfterWrite() {
  const first = log.findIndex((e) => e.op === 'write');
  return first < 0 ? [] : log.slice(first).filter((e) => e.op === 'read');
}

for (const c of CASES) {
  test(`fold, first fold of the page: ${c.name}; no layout read at all`, async () => {
    const { fold, refs, seen } = await setUp(c);
    log.length = 0;
    fold.foldAll(seen);
    assert.deepEqual(log.filter((e) => e.op === 'read'), [], 'the visibility read with the page is used');
    assert.ok(log.some((e) => e.op === 'write'), 'something was folded');
    assert.deepEqual(folds(refs), { hidden: c.hidden, placeholders: c.placeholders, parts: c.parts || [] });
  });

  test(`fold, folded again after "Show all": ${c.name}; layout read before the first write only`, async () => {
    const { fold, refs, seen } = await setUp(c);
    fold.foldAll(seen);
    const first = folds(refs);
    fold.unfoldAll();
    assert.deepEqual(folds(refs), { hidden: [], placeholders: 0, parts: [] }, 'the page as it was');
    log.length = 0;
    fold.foldAll();
    assert.ok(log.some((e) => e.op === 'read'), 'visibility is read again');
    assert.deepEqual(readsAfterWrite(), []);
    assert.deepEqual(folds(refs), first, 'the same folds as the first time');
  });
}

test('fold, a page changed since it was read: its new fold reads layout before writing, and keeps the old folds', async () => {
  const c = CASES[0];
  const { fold, refs, seen } = await setUp(c);
  fold.foldAll(seen);
  // A second report of the same page (a rescan): one more copy appended.
  const extra = document.createElement('p');
  extra.setAttribute('data-block', '7');
  extra.textContent = P2;
  document.querySelector('body').appendChild(extra);
  const refs2 = [...refs, extra];
  const report = { blocks: refs2.map((el, k) => ({ index: k, tag: el.localName, article: k >= 1 && k <= 3 })), repeats: [...c.repeats, copy(2, 7, P2.length)] };
  fold.setReport(report, refs2, { lens: refs2.map((el) => ownText(el).length), blank: [] });
  log.length = 0;
  fold.foldAll(refs2.map(() => true));
  assert.deepEqual(readsAfterWrite(), []);
  assert.ok(log.some((e) => e.op === 'read'), 'a later report reads visibility now, not with the page');
  assert.deepEqual(folds(refs2).hidden, [4, 6, 7]);
  assert.equal(fold.foldedCount(), 3);
});
