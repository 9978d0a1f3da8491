// The hostile pages (hostile.test.mjs checks each; scripts/soak.mjs mixes
// them into its long session): text of every script, lone surrogates, a 1 MB
// word, 50,000 blocks, a page over the size cap, deep nesting, an iframe,
// overridden built-ins, a DOM that does not serialize back, payloads, and a
// page that rewrites itself every 50 ms.
const PARA = 'Officials of the ruling party met the opposition leader Sam Rainsy in Phnom Penh on Tuesday to discuss the results of the election.';
const PARA2 = 'Prime Minister Hun Sen said the talks would continue next week, and that both sides had agreed to keep the working groups in place.';
const page = (title, body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main><article>${body}</article></main></body></html>`;
const p = (t) => `<p>${t}</p>`;

export const CASES = {
  scripts: page(
    'Every script',
    [
      p(PARA),
      p('柬埔寨人民党和救国党工作组11月5日恢复谈判，双方讨论了洪森首相和桑兰西在会谈中达成一致的问题。'),
      p('استأنف مسؤولو حزب الشعب الكمبودي الحاكم وحزب الإنقاذ الوطني المعارض المحادثات يوم الخامس من نوفمبر بشأن النزاع السياسي.'),
      p('Zoe\u0308 and Jose\u0301 met the family 👩‍👩‍👧‍👦 and the flag 🏳️‍🌈 in a sentence long enough to count as a paragraph of text.'),
      p('हिन्दी में एक वाक्य जो यहाँ एक अनुच्छेद के रूप में लिखा गया है और दो बार आता है ताकि उसे मोड़ा जा सके।'),
      p(PARA2),
      p('柬埔寨人民党和救国党工作组11月5日恢复谈判，双方讨论了洪森首相和桑兰西在会谈中达成一致的问题。'),
      p('استأنف مسؤولو حزب الشعب الكمبودي الحاكم وحزب الإنقاذ الوطني المعارض المحادثات يوم الخامس من نوفمبر بشأن النزاع السياسي.'),
      p('Zoe\u0308 and Jose\u0301 met the family 👩‍👩‍👧‍👦 and the flag 🏳️‍🌈 in a sentence long enough to count as a paragraph of text.'),
      p('हिन्दी में एक वाक्य जो यहाँ एक अनुच्छेद के रूप में लिखा गया है और दो बार आता है ताकि उसे मोड़ा जा सके।'),
      // Lone surrogates can only come from script: the DOM holds them, HTML cannot.
      `<script>for (const i of [0, 1]) { const x = document.createElement('p'); x.textContent = 'A lone surrogate \\uD800 sits in this sentence, which the page prints twice for the test of folding ' + 'it.'; document.querySelector('article').append(x); }</script>`,
    ].join('\n'),
  ),
  'long-word': page('A 1 MB word', [p('a'.repeat(1_000_000)), p(PARA), p(PARA2), p(PARA)].join('\n')),
  'many-blocks': page(
    '50,000 blocks',
    p(PARA) + Array.from({ length: 50_000 }, (_, i) => `<p>Item ${i} of the list costs ${i * 7} units.</p>`).join('') + p(PARA),
  ),
  // Over the background's cap (2 Mi UTF-16 units): skipped, with a message, page untouched.
  'too-large': page('Too large', Array.from({ length: 17_000 }, () => p(PARA)).join('')),
  deep: page('Deep nesting', '<div>'.repeat(3000) + p(PARA) + p(PARA2) + p(PARA) + '</div>'.repeat(3000)),
  iframe: page('An iframe', [p(PARA), '<iframe src="/pages/example/" width="600" height="300" title="embedded"></iframe>', p(PARA2), p(PARA)].join('\n')),
  overrides: page(
    'Overridden built-ins',
    [p(PARA), p(PARA2), p(PARA)].join('\n'),
    `<script>
      Array.prototype.map = function () { throw new Error('page map'); };
      Array.prototype.push = function () { throw new Error('page push'); };
      JSON.stringify = function () { return '"page"'; };
      JSON.parse = function () { return { page: true }; };
      Element.prototype.attachShadow = function () { throw new Error('page attachShadow'); };
      window.MutationObserver = function () { throw new Error('page MutationObserver'); };
    </script>`,
  ),
  // A DOM only a script can make, and which does not serialize back (a
  // script's text holding its own end tag, an <img> with a child): the
  // content script reads the DOM node by node instead.
  unserializable: page(
    'Unserializable',
    [
      p(PARA),
      p(PARA2),
      p(PARA),
      `<script>
        const s = document.createElement('script');
        s.type = 'text/plain';
        s.textContent = '<\\/script><p>Not a paragraph of this page, only the text of a script.</p><script>';
        document.querySelector('article').append(s);
        const img = document.createElement('img');
        img.append(document.createElement('span'));
        document.querySelector('article').append(img);
      </script>`,
    ].join('\n'),
  ),
  payloads: page(
    'Payloads',
    [
      p('“&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; is what they sent us,” said Sam Rainsy, the opposition leader, on Tuesday.'),
      p('Hun Sen&lt;script&gt;window.__pwned=2&lt;/script&gt; met officials of javascript:window.__pwned=3 in Phnom Penh &lt;/style&gt;&lt;svg onload=window.__pwned=4&gt;.'),
      p(PARA),
      p('“&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; is what they sent us,” said Sam Rainsy, the opposition leader, on Tuesday.'),
    ].join('\n'),
  ),
};

export const REWRITING = page(
  'Rewriting itself',
  [p(PARA), p('<span id="clock">0</span> ticks so far on this live page, which keeps changing.'), p(PARA2), p(PARA)].join('\n'),
  `<script>window.__ticks = 0; setInterval(() => { window.__ticks++; const c = document.getElementById('clock'); if (c) c.textContent = String(window.__ticks); const a = document.querySelector('article'); const x = document.createElement('p'); x.textContent = 'Update ' + window.__ticks; a.append(x); if (a.children.length > 30) a.children[a.children.length - 2].remove(); }, 50);</script>`,
);

