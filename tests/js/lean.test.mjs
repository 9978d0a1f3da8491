// extension/content/collect.js lean(): the page's serialization sent without
// the text of its scripts and style sheets (the core reads none of it but
// JSON-LD's), in Node on a stand-in document: the serialization as a browser
// writes it, and the DOM's <script> and <style> elements in document order,
// each with its child nodes. What is cut must always be an element's own
// text, and where the serialization and the DOM do not line up (a `<script`
// in a template's contents, a script with element children) nothing
// after that point is cut. The core's reading of the cut page is checked
// against the whole one in tests/e2e/collect.test.mjs (real pages, real
// browsers).
//
// Text: made up for these tests, and the head of tests/pages/markup-edges
// (this repo's own fixture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lean } from '../../extension/content/collect.js';

// An element of the stand-in DOM: `children` are strings (text nodes) or
// tags (element nodes).
function element(localName, children) {
  const nodes = children.map((c) => (typeof c === 'string' ? { nodeType: 3, length: c.length, data: c } : { nodeType: 1, localName: c }));
  return { localName, firstChild: nodes[0] || null, lastChild: nodes[nodes.length - 1] || null };
}
const doc = (els) => ({ querySelectorAll: (sel) => (assert.equal(sel, 'script, style, noscript'), els.map(([tag, ...kids]) => element(tag, kids))) });

const JS = 'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag("js", new Date());';
const CSS = 'article > p::after { content: "</p>"; } .a{color:red}';
const LD = '{"@type": "NewsArticle", "datePublished": "2013-11-05T09:30:00Z"}';
const BODY = '<body><p>The council met on Tuesday.</p></body>';

// Each row: the serialization, the DOM's scripts and styles (tag, then its
// child nodes), and what is sent.
const CASES = [
  {
    name: 'scripts and styles: their text left out, their tags kept',
    html: `<html><head><style>${CSS}</style><script>${JS}</script></head>${BODY}</html>`,
    els: [['style', CSS], ['script', JS]],
    want: `<html><head><style></style><script></script></head>${BODY}</html>`,
  },
  {
    name: 'JSON-LD is kept (the core reads its dates), the rest cut',
    html: `<html><head><script type="application/ld+json">${LD}</script><script async="" src="/a.js"></script><script>${JS}</script></head>${BODY}</html>`,
    els: [['script', LD], ['script'], ['script', JS]],
    want: `<html><head><script type="application/ld+json">${LD}</script><script async="" src="/a.js"></script><script></script></head>${BODY}</html>`,
  },
  {
    name: 'a script writing a script: cut whole, to its own end tag',
    html: `<html><head><script>${JS} document.write('<script src="x.js"><\\/script>');</script></head>${BODY}</html>`,
    els: [['script', `${JS} document.write('<script src="x.js"><\\/script>');`]],
    want: `<html><head><script></script></head>${BODY}</html>`,
  },
  {
    name: 'a custom element named like one (<scripts-list>) is passed over',
    html: `<html><head></head><body><scripts-list><p>Scripts</p></scripts-list><script>${JS}</script></body></html>`,
    els: [['script', JS]],
    want: '<html><head></head><body><scripts-list><p>Scripts</p></scripts-list><script></script></body></html>',
  },
  {
    name: 'scripts in comments (old IE\'s conditional ones) are passed over, not cut',
    html: `<html><head><style>${CSS}</style><!--[if lt IE 9]><script src="shiv.js"></script><![endif]--><!-- <style>x</style> --><script>${JS}</script></head>${BODY}</html>`,
    els: [['style', CSS], ['script', JS]],
    want: '<html><head><style></style><!--[if lt IE 9]><script src="shiv.js"></script><![endif]--><!-- <style>x</style> --><script></script></head>' + BODY + '</html>',
  },
  {
    name: 'a <noscript> holding text (scripting on) is cut too; one read as elements is passed over',
    html: `<html><head><noscript><style>${CSS}</style></noscript><script>${JS}</script></head><body><noscript><p>Turn on JavaScript</p><style>.x{}</style></noscript><p>The council met.</p></body></html>`,
    els: [['noscript', `<style>${CSS}</style>`], ['script', JS], ['noscript', 'p', 'style'], ['style', '.x{}']],
    want: '<html><head><noscript></noscript><script></script></head><body><noscript><p>Turn on JavaScript</p><style></style></noscript><p>The council met.</p></body></html>',
  },
  {
    name: 'a template\'s script (in the serialization, not the DOM): nothing cut from there on',
    html: `<html><head><style>${CSS}</style></head><body><template><script>tpl()</script></template><script>${JS}</script></body></html>`,
    els: [['style', CSS], ['script', JS]],
    want: `<html><head><style></style></head><body><template><script>tpl()</script></template><script>${JS}</script></body></html>`,
  },
  {
    name: 'a script a script gave an element child: not cut, nor anything after',
    html: `<html><head><script>${JS}<b></b></script><style>${CSS}</style></head>${BODY}</html>`,
    els: [['script', JS, 'b'], ['style', CSS]],
    want: `<html><head><script>${JS}<b></b></script><style>${CSS}</style></head>${BODY}</html>`,
  },
  {
    name: 'an SVG style (its text escaped, so longer than the DOM says): cutting stops there',
    html: `<html><head><style>${CSS}</style></head><body><svg><style>.a &gt; .b {}</style></svg><script>${JS}</script></body></html>`,
    els: [['style', CSS], ['style', '.a > .b {}'], ['script', JS]],
    want: `<html><head><style></style></head><body><svg><style>.a &gt; .b {}</style></svg><script>${JS}</script></body></html>`,
  },
  {
    name: 'a page whose scripts are a small part of it is sent as it is (cutting would copy the rest)',
    html: `<html><head><script>x()</script></head><body><p>${'The council met on Tuesday. '.repeat(20)}</p></body></html>`,
    els: [['script', 'x()']],
    want: 'same',
  },
];

for (const c of CASES) {
  test(c.name, () => {
    // Every cut made, however little it saves (but in the row on that).
    const got = lean(c.html, doc(c.els), c.want === 'same' ? undefined : 0);
    assert.equal(got, c.want === 'same' ? c.html : c.want);
  });
}

test('the head of tests/pages/markup-edges: style and script cut, JSON-LD kept', () => {
  const style = '\n  /* a comment with <p>markup</p> and > child > selectors */\n  article > p::after { content: "</p>"; }\n';
  const script = '\n  if (1 < 2 && "</div>".length > 0) { var s = \'<p>not a paragraph</p>\'; }\n';
  const html = `<html lang="en"><head><title>Markup edges</title><style>${style}</style><script>${script}</script><script type="application/ld+json">${LD}</script></head>${BODY}</html>`;
  const got = lean(html, doc([['style', style], ['script', script], ['script', LD]]), 0);
  assert.equal(got, `<html lang="en"><head><title>Markup edges</title><style></style><script></script><script type="application/ld+json">${LD}</script></head>${BODY}</html>`);
});
