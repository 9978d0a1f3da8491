// Collects the page's text blocks for the core: the same walk, by the same
// rules, as src/html.rs does for the CLI (a test compares the two on real
// pages). The core decides everything else; this file only reads the DOM.
//
// Rules (keep in step with src/html.rs):
// - subtrees of SKIP_TAGS are ignored;
// - every element not in INLINE_TAGS is block-level;
// - a leaf block is a block-level element with non-blank text and no
//   block-level descendant with non-blank text; its text is its text nodes
//   in order, with "\n" for each <br>;
// - a block's path is its ancestor elements, the innermost MAX_PATH.
'use strict';

(() => {
  const D = (globalThis.__dossier = globalThis.__dossier || {});

  // Keep these lists identical to SKIP_TAGS / INLINE_TAGS / DATE_META in src/html.rs
  // (tests/collect_rules.rs checks it).
  const SKIP_TAGS = new Set([
    'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'iframe', 'object', 'embed',
    'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'button', 'canvas', 'video',
    'audio', 'title', 'meta', 'link', 'map',
  ]);
  const INLINE_TAGS = new Set([
    'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn',
    'em', 'font', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's',
    'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
    'output', 'meter', 'progress', 'picture', 'source', 'slot',
  ]);
  const DATE_META = new Set([
    'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate',
    'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued', 'dcterms.created',
    'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'publication_date',
    'cxenseparse:recs:publishtime', 'og:url',
  ]);
  // Dossier's own elements: never part of the page's text. (<dossier-part>
  // wraps a folded part of the page's own text: it is read like a <span>.)
  const OWN_TAGS = new Set(['dossier-fold', 'dossier-sidebar']);
  // Any descendant that is not a plain inline element (see simpleLeaf).
  const NOT_SIMPLE = `:not(${[...INLINE_TAGS].filter((t) => t !== 'br' && t !== 'time').concat('dossier-part').join(', ')})`;
  // Links not inside another link: their text counts once, as in the walk.
  const OUTER_LINKS = 'a[href]:not(a[href] a[href])';
  const MAX_HINTS = 160;
  // In this order (src/html.rs hints_of).
  const HINT_ATTRS = ['id', 'class', 'role', 'itemprop'];
  const MAX_PATH = 40;

  // The characters Rust's char::is_whitespace accepts.
  // One regex call per string, not per character: this walk runs on every
  // element of every page, on the page's main thread.
  const WS_CLASS = '\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
  const WS = new RegExp(`[${WS_CLASS}]`);
  const WS_RUNS = new RegExp(`[${WS_CLASS}]+`, 'g');
  const WS_ENDS = new RegExp(`^[${WS_CLASS}]+|[${WS_CLASS}]+$`, 'g');
  const NON_WS = new RegExp(`[^${WS_CLASS}]`);
  const isWs = (ch) => WS.test(ch);
  const trimWs = (s) => s.replace(WS_ENDS, '');

  /** Lower-cased `id class role itemprop`, whitespace collapsed, at most MAX_HINTS code points. */
  function hintsOf(el) {
    // One call for the names, then one per hint attribute present: each DOM
    // call from a content script crosses a wrapper (Firefox's Xrays make it
    // dear), and most elements carry one of the four, if any.
    const names = el.getAttributeNames();
    if (!names.length) return '';
    const values = ['', '', '', ''];
    let any = false;
    for (const name of names) {
      const k = HINT_ATTRS.indexOf(name);
      if (k < 0) continue;
      const t = trimWs(el.getAttribute(name) || '');
      if (t) {
        values[k] = t.toLowerCase();
        any = true;
      }
    }
    if (!any) return '';
    const s = values.filter(Boolean).join(' ');
    // Fast path: collapsed, and short enough that no code point count is needed.
    const collapsed = s.replace(WS_RUNS, ' ');
    if (collapsed.length <= MAX_HINTS) return collapsed;
    let out = '';
    let sp = false;
    let count = 0;
    for (const ch of s) {
      if (isWs(ch)) {
        sp = true;
        continue;
      }
      if (sp && out) out += ' ';
      sp = false;
      if (count === MAX_HINTS) break;
      count++;
      out += ch;
    }
    return out;
  }

  // Element.checkVisibility: Chrome 105+, Firefox 106+ (older ones fall back
  // to attributes and inline styles, as the CLI reads them).
  const CHECK_VISIBILITY = typeof Element !== 'undefined' && typeof Element.prototype.checkVisibility === 'function';

  function styleHides(style) {
    if (!style) return false;
    const s = style.replace(/\s+/g, '').toLowerCase();
    return s.includes('display:none') || s.includes('visibility:hidden');
  }

  /** Whether the reader can see `el`: real computed style where the browser has it. */
  function visible(el, hiddenByAttr) {
    if (el.hasAttribute('data-dossier-folded')) return true; // folded by us, visible to the reader otherwise
    if (hiddenByAttr) return false;

    if (CHECK_VISIBILITY) {
      return el.checkVisibility({ checkVisibilityCSS: true });
    }
    return el.getClientRects().length > 0;
  }

  /**
   * Walks the document and returns `{page, elements}`: the Page the core
   * takes (see src/page.rs) and, per block, the DOM element it came from.
   * Iterative, so deep nesting cannot overflow the stack; linear in the DOM.
   */
  D.collect = function collect(doc = document, opts = {}) {
    const maxBlocks = opts.maxBlocks || 100000;
    const root = doc.documentElement;
    const page = {
      url: String(doc.location ? doc.location.href : ''),
      title: '',
      lang: root ? root.getAttribute('lang') || '' : '',
      dates: [],
      elements: [],
      blocks: [],
    };
    const refs = [];
    if (!root) return { page, refs };
    let titleDone = false;

    const pieces = [];
    let linkChars = 0;
    let linkDepth = 0;
    const stack = [];
    let truncated = false;

    function pathOf() {
      const from = Math.max(0, stack.length - MAX_PATH);
      const path = [];
      for (let i = from; i < stack.length; i++) {
        const f = stack[i];
        if (f.elIndex < 0) {
          page.elements.push({ tag: f.tag, hints: hintsOf(f.el) });
          f.elIndex = page.elements.length - 1;
        }
        path.push(f.elIndex);
      }
      return path;
    }

    function skipped(el, tag) {
      if (tag === 'title') {
        if (!titleDone) {
          titleDone = true;
          page.title = (el.textContent || '').split(WS).filter(Boolean).join(' ');
        }
      } else if (tag === 'meta') {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
        const c = el.getAttribute('content');
        if (DATE_META.has(key) && c != null) page.dates.push('meta:' + key + '=' + trimWs(c));
      } else if (tag === 'script' && (el.getAttribute('type') || '').includes('ld+json')) {
        jsonLdDates(el.textContent || '', page.dates);
      }
    }

    // Open an element: returns false when its subtree is skipped. A skipped
    // subtree (<head>, say) is still searched for the title and dates.
    function open(el) {
      const tag = el.localName;
      if (SKIP_TAGS.has(tag) || OWN_TAGS.has(tag)) {
        skipped(el, tag);
        // Most skipped elements (script, style, input…) have no element
        // inside: one cheap call instead of a query.
        if (el.firstElementChild) for (const d of el.querySelectorAll('title, meta, script')) skipped(d, d.localName);
        return false;
      }
      if (tag === 'time') {
        const d = el.getAttribute('datetime');
        if (d != null) page.dates.push('time:' + trimWs(d));
      }
      if (tag === 'br') {
        pieces.push('\n');
        return false;
      }
      const parent = stack[stack.length - 1];
      // Where checkVisibility exists it sees all of this (and the page's
      // CSS): skip two DOM calls on every element.
      const hiddenByAttr = !CHECK_VISIBILITY && (
        (parent && parent.hiddenByAttr) ||
        el.hasAttribute('hidden') ||
        styleHides(el.getAttribute('style') || '') ||
        (tag === 'dialog' && !el.hasAttribute('open')));
      const isLink = tag === 'a' && el.hasAttribute('href');
      if (isLink) linkDepth++;
      stack.push({
        el,
        tag,
        blockLevel: !INLINE_TAGS.has(tag) && tag !== 'dossier-part',
        hiddenByAttr,
        isLink,
        textStart: pieces.length,
        linkStart: linkChars,
        hasBlock: false,
        elIndex: -1,
      });
      return true;
    }

    // A block-level element whose descendants are all plain inline elements
    // (no <br>, <time>, skipped or block-level ones) has, by the rules above,
    // its textContent as its text: read it in a few calls instead of one or
    // more per node below it, each of which crosses the wrappers between a
    // content script and the page (most of the walk's cost in Firefox).
    function simpleLeaf(el) {
      if (el.querySelector(NOT_SIMPLE)) return false;
      const t = el.textContent;
      pieces.push(t);
      if (linkDepth > 0) linkChars += t.length;
      else for (const a of el.querySelectorAll(OUTER_LINKS)) linkChars += a.textContent.length;
      return true;
    }

    function close() {
      const f = stack.pop();
      if (f.isLink) linkDepth--;
      const parent = stack[stack.length - 1];
      if (!f.blockLevel) {
        if (f.hasBlock && parent) parent.hasBlock = true;
        return;
      }
      let hasText = false;
      for (let i = f.textStart; i < pieces.length && !hasText; i++) {
        if (NON_WS.test(pieces[i])) hasText = true;
      }
      if (hasText && !f.hasBlock) {
        if (page.blocks.length < maxBlocks) {
          page.blocks.push({
            tag: f.tag,
            hints: hintsOf(f.el),
            text: pieces.slice(f.textStart).join(''),
            visible: visible(f.el, f.hiddenByAttr),
            link_chars: linkChars - f.linkStart,
            path: pathOf(),
          });
          refs.push(f.el);
        } else {
          truncated = true;
        }
      }
      if ((hasText || f.hasBlock) && parent) parent.hasBlock = true;
    }

    // Iterative pre/post-order walk over elements and text nodes.
    let node = root;
    if (!open(root)) return { page, refs };
    node = root.firstChild;
    let depthNodes = [root];
    while (depthNodes.length) {
      if (node) {
        // Read once: every property read is a call through the page's
        // wrappers, and text nodes are most of the nodes.
        const type = node.nodeType;
        if (type === 1) {
          if (open(node)) {
            if (stack[stack.length - 1].blockLevel && simpleLeaf(node)) {
              close();
              node = node.nextSibling;
              continue;
            }
            depthNodes.push(node);
            node = node.firstChild;
            continue;
          }
        } else if (type === 3) {
          const t = node.data;
          pieces.push(t);
          if (linkDepth > 0) linkChars += t.length;
        }
        node = node.nextSibling;
      } else {
        const done = depthNodes.pop();
        close();
        node = done === root ? null : done.nextSibling;
        if (done === root) break;
      }
    }
    // Blocks past the cap are dropped, not analysed: say so.
    page.truncated = truncated;
    return { page, refs };
  };

  /** `"datePublished": "…"` out of JSON-LD, as src/html.rs reads it (no JSON parse: often invalid). */
  function jsonLdDates(text, out) {
    let rest = text;
    for (;;) {
      const pos = rest.indexOf('"datePublished"');
      if (pos < 0) return;
      rest = rest.slice(pos + 15);
      const m = /^\s*:\s*"([^"]*)"/.exec(rest);
      if (m) out.push('jsonld:' + m[1]);
    }
  }

  D.collectRules = { SKIP_TAGS, INLINE_TAGS, DATE_META, MAX_HINTS, MAX_PATH };
})();
