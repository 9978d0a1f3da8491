// Collects the page's text blocks for the core: the same walk, by the same
// rules, as src/html.rs does for the CLI (a test compares the two on real
// pages). The core decides everything else; this file only reads the DOM.
//
// How: the document's own serialization (one `outerHTML` read) is parsed
// here into a light tree, the rules walk that tree, and only the blocks
// found go back to the DOM (their element, their computed visibility).
// Walking the DOM node by node from a content script costs a call through
// the wrappers between the extension and the page for every property read
// (Firefox's Xrays: some 6,000 a page, most of the walk's time); this costs
// a few per block. When the serialization cannot be trusted to mirror the
// DOM (not an HTML document, a script-made tree that does not serialize
// back, a count that does not match) the same rules walk a tree read from
// the DOM instead.
//
// Rules (keep in step with src/html.rs):
// - subtrees of SKIP_TAGS are ignored;
// - every element not in INLINE_TAGS is block-level;
// - a leaf block is a block-level element with non-blank text and no
//   block-level descendant with non-blank text; its text is its text nodes
//   in order, with "\n" for each <br>;
// - a block's path is its ancestor elements, the innermost MAX_PATH.

// Keep these lists identical to SKIP_TAGS / INLINE_TAGS / DATE_META in src/html.rs
// (tests/collect_rules.rs checks it).
export const SKIP_TAGS = new Set([
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

// Elements the HTML serializer writes without an end tag.
const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track',
  'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'param',
]);
// Elements holding only text, which the serializer writes unescaped
// (<noscript> only when scripting is on; see collect)...
const RAW_TAGS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);
// ...or escaped.
const RCDATA_TAGS = new Set(['title', 'textarea']);
// The only references the HTML serializer writes.
const ENTITY = /&(amp|lt|gt|quot|nbsp);/g;
const ENTITY_CHAR = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };
const decode = (s) => (s.indexOf('&') < 0 ? s : s.replace(ENTITY, (_, e) => ENTITY_CHAR[e]));

/** Why a serialization does not give the tree the DOM has. */
class Unparsed extends Error {}

// An element as the rules see it: `tag`; from a serialization, `i` (its
// place in document order, as getElementsByTagName('*') lists them), `a`
// (its attributes' text, parsed on demand by attr()) and `text` (the
// content of a text-only element); read from the DOM, `el`.
const node = (tag, i, a, el) => ({ tag, i, a, m: null, text: '', el });

/** An attribute of an element node, or null. */
function attr(n, name) {
  if (n.el) return n.el.getAttribute(name);
  if (!n.m) {
    const m = Object.create(null);
    const a = n.a;
    let p = 0;
    for (;;) {
      const eq = a.indexOf('="', p + 2);
      if (eq < 0) break;
      const q = a.indexOf('"', eq + 2);
      const key = a.slice(p + 1, eq);
      if (!(key in m)) m[key] = decode(a.slice(eq + 2, q));
      p = q + 1;
    }
    n.m = m;
  }
  const v = n.m[name];
  return v === undefined ? null : v;
}

/** Lower-cased `id class role itemprop`, whitespace collapsed, at most MAX_HINTS code points. */
function hintsOf(n) {
  let s = '';
  for (const name of HINT_ATTRS) {
    const v = attr(n, name);
    const t = v ? trimWs(v) : '';
    if (t) s = s ? `${s} ${t.toLowerCase()}` : t.toLowerCase();
  }
  if (!s) return '';
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

/** Whether the reader can see a block's element: real computed style where the browser has it. */
function visible(el, folded, hiddenByAttr) {
  if (folded) return true; // folded by us, visible to the reader otherwise
  if (hiddenByAttr) return false;
  if (CHECK_VISIBILITY) return el.checkVisibility({ checkVisibilityCSS: true });
  return el.getClientRects().length > 0;
}

/**
 * Walks the DOM and returns `{page, refs}`: the Page the core takes (see
 * src/page.rs) and, per block, the DOM element it came from. Iterative,
 * so deep nesting cannot overflow the stack; linear in the DOM. (The
 * content script reads pages the faster way below, snapshot() and
 * readSerialized(), and comes here where that fails.)
 */
export function collect(doc = document, opts = {}) {
  const rootEl = doc.documentElement;
  const r = rules(String(doc.location ? doc.location.href : ''), opts, !CHECK_VISIBILITY);
  if (rootEl) readDom(rootEl, r);
  const { page, nodes } = r.done();
  const refs = nodes.map((n) => n.el);
  page.blocks.forEach((b, k) => {
    b.visible = visible(refs[k], nodes[k].folded, nodes[k].hidden);
  });
  return { page, refs };
}

/**
 * What readSerialized() needs of a document, read in a few calls: its
 * serialization, and a static list of its elements in document order
 * (which a block's `i` indexes, however the page changes meanwhile).
 * Null where there is no HTML serialization to read (an XML document).
 */
export function snapshot(doc = document) {
  const rootEl = doc.documentElement;
  if (!rootEl || doc.contentType !== 'text/html') return null;
  let html;
  try {
    html = rootEl.outerHTML;
  } catch (_) {
    return null; // a document the serializer refuses: read the DOM instead
  }
  return {
    html,
    // <noscript> text is raw when scripting is on, and then it holds no
    // element (unless a script put one there: read as elements then, and
    // a mismatch shows in the count).
    noscriptRaw: html.indexOf('<noscript') < 0 || !doc.querySelector('noscript *'),
    els: doc.querySelectorAll('*'),
    url: String(doc.location ? doc.location.href : ''),
    // Where the reader's browser computes visibility, the attributes need not be read.
    attrHidden: !CHECK_VISIBILITY,
  };
}

/**
 * The Page out of a snapshot's serialization (`opts`: the snapshot's
 * url, noscriptRaw and attrHidden, `count` its number of elements, and
 * maxBlocks), by the same rules as collect(); no DOM needed, so the
 * background can do it. Every block is `visible` until resolve() says;
 * `blocks[k]` tells it which element block k is. Null when the
 * serialization does not mirror the DOM it came from.
 */
export function readSerialized(html, opts) {
  try {
    const r = rules(String(opts.url || ''), opts, !!opts.attrHidden);
    if (readHtml(String(html), !!opts.noscriptRaw, r) !== opts.count) return null;
    const { page, nodes } = r.done();
    return { page, blocks: nodes.map((n) => ({ i: n.i, tag: n.tag, folded: n.folded, hidden: n.hidden })) };
  } catch (e) {
    if (e instanceof Unparsed) return null;
    throw e;
  }
}

/**
 * The elements of readSerialized()'s blocks in a snapshot's element list,
 * and whether the reader can see each: `{refs, visible}`, or null when
 * an element is not the one the serialization named.
 */
export function resolve(els, blocks) {
  const refs = [];
  const vis = [];
  for (const b of blocks) {
    const el = Number.isInteger(b.i) ? els[b.i] : null;
    if (!el || el.localName !== b.tag) return null;
    refs.push(el);
    vis.push(visible(el, b.folded, b.hidden));
  }
  return { refs, visible: vis };
}

/** What changes when a page's blocks do: compared before analysing it again. */
export function signature(page) {
  let n = 0;
  for (const b of page.blocks) n += b.text.length;
  return `${page.blocks.length}:${n}`;
}

/**
 * Feeds a serialization, as the HTML fragment serializer writes it (not
 * any HTML: every element closed unless void, attributes always
 * `name="…"`, text escaped but in raw-text elements), to the rules as
 * readDom() would feed the DOM it came from. Returns the number of elements
 * (a <template>'s content is no child in the DOM and not counted); throws
 * Unparsed where the string does not follow that grammar. Linear: every
 * search moves forward.
 */
function readHtml(html, noscriptRaw, r) {
  // Per open element: 1 when the rules walk it (close() is due), 2 when
  // they skip its subtree, 0 when it is inside one.
  const tags = [];
  const modes = [];
  let skipDepth = 0;
  let inert = 0; // inside <template>
  let foreign = 0; // inside <svg> or <math>: no void elements, text escaped
  let count = 0;
  let pos = 0;
  const n = html.length;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > pos && !skipDepth) r.text(decode(html.slice(pos, textEnd)));
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 47) {
      // "</tag>"
      const gt = html.indexOf('>', lt);
      const tag = tags.pop();
      if (gt < 0 || html.slice(lt + 2, gt) !== tag) throw new Unparsed('end tag');
      const mode = modes.pop();
      if (mode === 1) r.close();
      else if (mode === 2) skipDepth--;
      if (tag === 'template') inert--;
      else if (tag === 'svg' || tag === 'math') foreign--;
      pos = gt + 1;
      continue;
    }
    if (c === 33 || c === 63) {
      // A comment (its data cannot hold "-->" once parsed), or a
      // processing instruction: no part of the text.
      const end = html.startsWith('!--', lt + 1) ? html.indexOf('-->', lt + 4) + 3 : html.indexOf('>', lt) + 1;
      if (end <= lt) throw new Unparsed('comment');
      pos = end;
      continue;
    }
    // "<tag" then ` name="value"`*, then ">".
    let p = lt + 1;
    while (p < n) {
      const ch = html.charCodeAt(p);
      if (ch === 32 || ch === 62) break;
      p++;
    }
    const tag = html.slice(lt + 1, p);
    const attrStart = p;
    while (p < n && html.charCodeAt(p) === 32) {
      // A name is not empty, and may hold '"' (and '=' first) when the
      // HTML parser made it: <p a"b=1> has an attribute `a"b`.
      const eq = html.indexOf('="', p + 2);
      const q = eq < 0 ? -1 : html.indexOf('"', eq + 2);
      if (q < 0) throw new Unparsed('attribute');
      p = q + 1;
    }
    if (!tag || html.charCodeAt(p) !== 62) throw new Unparsed('start tag');
    pos = p + 1;
    const el = node(tag, inert ? -1 : count++, html.slice(attrStart, p), null);
    const isVoid = !foreign && VOID_TAGS.has(tag);
    const raw = !isVoid && (RAW_TAGS.has(tag) ? noscriptRaw || tag !== 'noscript' : RCDATA_TAGS.has(tag));
    if (raw) {
      // Text only, to the end tag (to the end for <plaintext>); escaped
      // but in raw-text elements outside <svg>/<math>.
      const close = `</${tag}>`;
      const end = tag === 'plaintext' ? n : html.indexOf(close, pos);
      if (end < 0) throw new Unparsed('text element');
      const t = html.slice(pos, end);
      el.text = RAW_TAGS.has(tag) && !foreign ? t : decode(t);
      pos = end + close.length;
    }
    let mode = 0;
    if (inert) {
      /* a template's content: not in the document */
    } else if (skipDepth) {
      // Inside a skipped subtree only these are read (see skippedTree).
      if (tag === 'title' || tag === 'meta' || tag === 'script') r.skipped(el);
    } else if (r.open(el)) {
      mode = 1;
    } else if (SKIP_TAGS.has(tag) || OWN_TAGS.has(tag)) {
      mode = 2;
    }
    if (raw || isVoid) {
      if (mode === 1) {
        if (raw && el.text) r.text(el.text);
        r.close();
      }
      continue;
    }
    if (mode === 2) skipDepth++;
    if (tag === 'template') inert++;
    else if (tag === 'svg' || tag === 'math') foreign++;
    tags.push(tag);
    modes.push(mode);
  }
  if (tags.length) throw new Unparsed('unclosed');
  return count;
}

/** Feeds the DOM below `rootEl` to the rules, node by node. */
function readDom(rootEl, r) {
  const start = (el) => {
    const n = node(el.localName, -1, '', el);
    if (r.open(n)) return true;
    // A skipped subtree is searched here, not walked. Most skipped
    // elements (script, style, input…) have no element inside: one cheap
    // call instead of a query.
    if ((SKIP_TAGS.has(n.tag) || OWN_TAGS.has(n.tag)) && el.firstElementChild) {
      for (const d of el.querySelectorAll('title, meta, script')) r.skipped(node(d.localName, -1, '', d));
    }
    return false;
  };
  if (!start(rootEl)) return;
  const up = [rootEl];
  let cur = rootEl.firstChild;
  while (up.length) {
    if (cur) {
      // Read once: every property read is a call through the page's wrappers.
      const type = cur.nodeType;
      if (type === 1) {
        if (start(cur)) {
          up.push(cur);
          cur = cur.firstChild;
          continue;
        }
      } else if (type === 3) {
        r.text(cur.data);
      }
      cur = cur.nextSibling;
    } else {
      const done = up.pop();
      r.close();
      cur = up.length ? done.nextSibling : null;
    }
  }
}

/**
 * The rules, fed element by element in document order: open(n) (false:
 * nothing below n is fed, and no close()), text(s), close(), and
 * skipped(n) for a <title>, <meta> or <script> inside a skipped subtree.
 * done() gives the page and, per block, its element node, whether we
 * folded it, and (with `attrHidden`, where the browser cannot compute
 * visibility) whether its attributes or inline style hide it.
 */
function rules(url, opts, attrHidden) {
  const maxBlocks = opts.maxBlocks || 100000;
  const page = { url, title: '', lang: '', dates: [], elements: [], blocks: [] };
  const nodes = [];
  let first = true;
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
        page.elements.push({ tag: f.tag, hints: hintsOf(f.node) });
        f.elIndex = page.elements.length - 1;
      }
      path.push(f.elIndex);
    }
    return path;
  }

  function skipped(n) {
    const tag = n.tag;
    if (tag === 'title') {
      if (!titleDone) {
        titleDone = true;
        const t = n.el ? n.el.textContent || '' : n.text;
        page.title = t.split(WS).filter(Boolean).join(' ');
      }
    } else if (tag === 'meta') {
      const key = (attr(n, 'property') ?? attr(n, 'name') ?? attr(n, 'itemprop') ?? '').toLowerCase();
      const c = attr(n, 'content');
      if (DATE_META.has(key) && c != null) page.dates.push('meta:' + key + '=' + trimWs(c));
    } else if (tag === 'script' && (attr(n, 'type') || '').includes('ld+json')) {
      jsonLdDates(n.el ? n.el.textContent || '' : n.text, page.dates);
    }
  }

  function open(n) {
    const tag = n.tag;
    if (first) {
      first = false;
      page.lang = attr(n, 'lang') || '';
    }
    if (SKIP_TAGS.has(tag) || OWN_TAGS.has(tag)) {
      // Skipped, but still searched for the title and dates.
      skipped(n);
      return false;
    }
    if (tag === 'time') {
      const d = attr(n, 'datetime');
      if (d != null) page.dates.push('time:' + trimWs(d));
    }
    if (tag === 'br') {
      pieces.push('\n');
      return false;
    }
    const parent = stack[stack.length - 1];
    const hiddenByAttr = attrHidden && (
      (parent && parent.hiddenByAttr) ||
      attr(n, 'hidden') !== null ||
      styleHides(attr(n, 'style') || '') ||
      (tag === 'dialog' && attr(n, 'open') === null));
    const isLink = tag === 'a' && attr(n, 'href') !== null;
    if (isLink) linkDepth++;
    stack.push({
      node: n,
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

  function text(t) {
    pieces.push(t);
    if (linkDepth > 0) linkChars += t.length;
  }

  function close() {
    const f = stack.pop();
    if (f.isLink) linkDepth--;
    const parent = stack[stack.length - 1];
    // A block with a block below is no leaf: its own text is not read.
    if (!f.blockLevel || f.hasBlock) {
      if (f.hasBlock && parent) parent.hasBlock = true;
      return;
    }
    let hasText = false;
    for (let i = f.textStart; i < pieces.length && !hasText; i++) {
      if (NON_WS.test(pieces[i])) hasText = true;
    }
    if (!hasText) return;
    if (page.blocks.length < maxBlocks) {
      page.blocks.push({
        tag: f.tag,
        hints: hintsOf(f.node),
        text: pieces.slice(f.textStart).join(''),
        visible: true,
        link_chars: linkChars - f.linkStart,
        path: pathOf(),
      });
      const n = f.node;
      n.folded = attr(n, 'data-dossier-folded') !== null;
      n.hidden = f.hiddenByAttr;
      nodes.push(n);
    } else {
      truncated = true;
    }
    if (parent) parent.hasBlock = true;
  }

  function done() {
    // Blocks past the cap are dropped, not analysed: say so.
    page.truncated = truncated;
    return { page, nodes };
  }

  return { open, text, close, skipped, done };
}

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

