// The core's serialization reader (src/serialized.rs, through the WASM
// export the background calls), on strings: the grammar the HTML serializer
// writes, and what it must refuse (the browser tests in collect.test.mjs and
// hostile.test.mjs give it real serializations). No browser needed: it is
// the code the background runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_BLOCKS } from '../../extension/content/collect.js';
import { loadCore } from './core.mjs';

const core = await loadCore();

// A serialization and its element count; blocks as [tag, text, link_chars].
const read = (html, count, noscriptRaw = true) => core.readSerialized(html, noscriptRaw, count, 'http://127.0.0.1/', MAX_BLOCKS);
const blocks = (r) => r.page.blocks.map((b) => [b.tag, b.text, b.link_chars]);

describe('reading a serialization', () => {
  const CASES = [
    {
      what: 'entities in text and attributes, and the attribute names the HTML parser allows',
      html: '<html lang="fr"><head><title>A &amp; B</title></head><body><p a"b="1" ="x" title="1 &gt; 0 &quot;q&quot; &lt;">x &lt;y&gt; &amp;&nbsp;z</p></body></html>',
      count: 5,
      want: [['p', 'x <y> &\u00a0z', 0]],
      title: 'A & B',
      lang: 'fr',
    },
    {
      what: 'raw text is not markup, escaped text in <svg> is decoded, <br> is a line break',
      html: '<html><head><script>if (a < b) x = "<p>no</p>";</script><style>a > b {}</style></head><body><p>one<br>two <svg><title>t &amp; u</title><path d="M0"></path></svg>three</p></body></html>',
      count: 10,
      want: [['p', 'one\ntwo three', 0]],
      title: 't & u',
    },
    {
      what: "a <template>'s content is no part of the document, nor counted",
      html: '<html><head></head><body><template><p>inert</p><title>no</title></template><p>live</p></body></html>',
      count: 5,
      want: [['p', 'live', 0]],
      title: '',
    },
    {
      what: 'comments, links and nested blocks',
      html: '<html><head></head><body><!-- <p>no</p> --><div>lead <div></div> tail</div><ul><li><a href="/x">link</a> text</li></ul></body></html>',
      count: 8,
      want: [
        ['div', 'lead  tail', 0],
        ['li', 'link text', 4],
      ],
      title: '',
    },
    {
      what: 'dates from <time>, <meta> and JSON-LD',
      html: '<html><head><meta property="article:published_time" content="2013-11-05"><script type="application/ld+json">{"datePublished": "2013-11-04"}</script></head><body><p>On <time datetime="2013-09-04">4 Sep</time>.</p></body></html>',
      count: 7,
      want: [['p', 'On 4 Sep.', 0]],
      title: '',
      dates: ['meta:article:published_time=2013-11-05', 'jsonld:2013-11-04', 'time:2013-09-04'],
    },
  ];
  for (const c of CASES) {
    it(c.what, () => {
      const r = read(c.html, c.count);
      assert.ok(r, 'read');
      assert.deepEqual(blocks(r), c.want);
      assert.equal(r.page.title, c.title);
      if (c.lang) assert.equal(r.page.lang, c.lang);
      if (c.dates) assert.deepEqual([...r.page.dates], c.dates);
      // Each block names its element by its place in document order.
      for (const b of r.blocks) assert.ok(Number.isInteger(b.i) && b.i >= 0 && b.i < c.count);
    });
  }

  it('names the elements in document order', () => {
    const r = read('<html><head></head><body><div><p>a</p></div><p>b</p></body></html>', 6);
    assert.deepEqual(r.blocks.map((b) => [b.i, b.tag]), [
      [4, 'p'],
      [5, 'p'],
    ]);
  });

  const REFUSED = [
    ['an element count that differs from the DOM', '<html><head></head><body><p>a</p></body></html>', 5],
    ['an end tag that closes another element', '<html><head></head><body><p>a</div></body></html>', 4],
    ['an unclosed element', '<html><head></head><body><p>a</body></html>', 4],
    ['an attribute without a closing quote', '<html><head></head><body><p class="a>b</p></body></html>', 4],
    ['a script whose text holds its end tag', '<html><head><script>"</script><p>x</p>"</script></head><body></body></html>', 4],
    ['an unterminated comment', '<html><head></head><body><!-- x <p>a</p></body></html>', 4],
  ];
  for (const [what, html, count] of REFUSED) {
    it(`refuses ${what}`, () => {
      assert.equal(read(html, count), null);
    });
  }

  it('is linear on deep nesting', () => {
    const n = 200_000;
    const html = '<html><head></head><body>' + '<div>'.repeat(n) + '<p>deep</p>' + '</div>'.repeat(n) + '</body></html>';
    const r = read(html, n + 4);
    assert.deepEqual(blocks(r), [['p', 'deep', 0]]);
    assert.equal(r.page.blocks[0].path.length, 40);
  });
});
