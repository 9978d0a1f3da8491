// A loose run (text beside block-level children, src/collect.rs; issue 24)
// in the content script, on the stand-in DOM (tests/js/fakedom.mjs): the
// core names it by the element it sits in, which holds other blocks too, and
// says where the run starts in the element's own text. Folding a copy that is
// a loose run hides its text only (the element and its other blocks stay),
// "Show all" gives the page back as it was, and its text, for the export and
// the highlights, is the run's and not the element's.
//
// Text: the headline and first paragraph of tests/pages/hidden-copy/source.html (this repo's own fixture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { installPage } from './fakedom.mjs';
import { ownSegments } from '../../extension/content/collect.js';

const MESSAGES = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url)));
const HEAD = 'Central bank holds rates';
const P1 = 'The central bank left its benchmark rate unchanged at 4.5 percent on Thursday, saying inflation had eased for a third straight month but remained above its target.';
const INTRO = 'Related: ';

// Each case: the page (elements with an `id` are blocks' elements), the
// blocks in the core's order (`[id, text, own]`: `own` where a loose run
// starts in its element's own text), the copy of block 0 (the headline), and
// the text the page shows once it is folded.
const CASES = [
  {
    name: 'a related link beside its kicker <div> in an <li>',
    tree: ['html', {}, ['body', {}, ['h1', { id: 'h' }, HEAD], ['p', { id: 'p' }, P1], ['ul', {}, ['li', { id: 'li' }, ['div', { id: 'kicker' }, 'Economy |'], ['a', { href: '/rates' }, HEAD]]]]],
    blocks: [['h', HEAD], ['p', P1], ['kicker', 'Economy |'], ['li', HEAD, 0]],
    copy: 3,
    shown: [HEAD, P1, 'Economy |'],
  },
  {
    name: 'the second run of an element, after a paragraph, a <br> and an empty block before it',
    tree: ['html', {}, ['body', {}, ['h1', { id: 'h' }, HEAD], ['div', { id: 'box' }, INTRO, ['br', {}], ['p', { id: 'p' }, P1], ['div', {}, ' '], ['b', {}, HEAD]]]],
    blocks: [['h', HEAD], ['box', `${INTRO}\n`, 0], ['p', P1], ['box', HEAD, INTRO.length + 1]],
    copy: 3,
    shown: [HEAD, INTRO, P1, ' '],
  },
];

let instance = 0;
async function setUp(c) {
  const all = installPage(c.tree);
  const byId = (id) => all.find((el) => el.getAttribute('id') === id);
  const refs = c.blocks.map(([id]) => byId(id));
  const fold = await import(`../../extension/content/fold.js?loose=${instance++}`);
  const env = await import('../../extension/content/env.js');
  env.useMessages(MESSAGES);
  const blocks = refs.map((el, k) => ({ index: k, tag: el.localName, article: k < 2 }));
  const len = c.blocks[c.copy][1].length;
  const repeats = [{ kind: 'block', action: 'fold', original: [0], copies: [c.copy], spans: [{ block: c.copy, start: 0, end: len }] }];
  const own = {};
  c.blocks.forEach((b, k) => {
    if (b[2] !== undefined) own[k] = b[2];
  });
  fold.setReport({ blocks, repeats }, refs, { lens: c.blocks.map((b) => b[1].length), blank: [], own });
  return { fold, refs };
}

// The page's text nodes outside Dossier's hidden parts and hidden elements.
function shownText(el) {
  if (el.nodeType === 3) return [el.data];
  if (el.localName === 'dossier-part' || el.localName === 'dossier-fold' || el.style.getPropertyValue('display') === 'none') return [];
  return el.childNodes.flatMap(shownText);
}

for (const c of CASES) {
  test(`loose run: ${c.name}: its segments are its text`, async () => {
    const { fold, refs } = await setUp(c);
    c.blocks.forEach(([, text], k) => {
      assert.equal(fold.blockSegments(k).filter((s) => s.end > 0 && s.start < text.length).map((s) => s.node.data.slice(Math.max(0, -s.start), text.length - s.start)).join(''), text.replace(/\n/g, ''), `block ${k}`); // a <br> is a unit of no node
      assert.equal(fold.blockText(k), text.replace(/\s+/g, ' ').trim(), `block ${k}`);
    });
    // The twin of the core's rule: a run's offsets count the element's own text only.
    const box = refs[c.copy];
    assert.equal(ownSegments(box, 0).map((s) => s.node.data).join('').length + box.querySelectorAll('br').length, c.blocks.filter((b) => b[0] === c.blocks[c.copy][0]).reduce((n, b) => n + b[1].length, 0));
  });

  test(`loose run: ${c.name}: folding hides its text only, "Show all" gives the page back`, async () => {
    const { fold, refs } = await setUp(c);
    const before = shownText(document.documentElement);
    fold.foldAll(refs.map(() => true));
    assert.equal(fold.foldedCount(), 1);
    assert.deepEqual(
      document.querySelectorAll('dossier-part').map((d) => d.textContent),
      [HEAD],
    );
    assert.ok(refs.every((el) => el.style.getPropertyValue('display') !== 'none'), 'no element is hidden whole');
    assert.deepEqual(shownText(document.documentElement), c.shown);
    fold.unfoldAll();
    assert.deepEqual(shownText(document.documentElement), before);
    assert.equal(document.querySelectorAll('dossier-fold').length, 0);
  });
}
