// Reads the page for the core: what only the DOM can give. The rule that
// turns a page into blocks is not here: it lives once, in Rust
// (src/collect.rs), and runs in the background (in WASM) on what this
// module reads:
//
// - the fast way, snapshot(): the document's own serialization (one
//   `outerHTML` read) and the list of its elements in document order; the
//   core reads the serialization (src/serialized.rs) and names each block's
//   element by its place in that list;
// - the fallback, walk(): where the serialization cannot be trusted to
//   mirror the DOM (not an HTML document, a script-made tree that does not
//   serialize back, a count that does not match), the DOM walked node by
//   node into packed events (src/collect.rs feed_packed).
//
// Either way only the blocks the core found come back here: resolve() finds
// their elements and whether the reader can see them.

// The subtrees the rule skips (keep identical to SKIP_TAGS in src/collect.rs;
// tests/collect_rules.rs checks it): walk() does not descend into them, and
// fold.js does not count their text.
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'iframe', 'object', 'embed',
  'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'button', 'canvas', 'video',
  'audio', 'title', 'meta', 'link', 'map',
]);
// Dossier's own elements (OWN_TAGS in src/collect.rs).
const OWN_TAGS = new Set(['dossier-fold', 'dossier-sidebar']);
/** Most blocks read from one page; the rest are dropped. */
export const MAX_BLOCKS = 100000;

// Element.checkVisibility: Chrome 105+, Firefox 106+ (older ones fall back
// to attributes and inline styles, as the CLI reads them).
const CHECK_VISIBILITY = typeof Element !== 'undefined' && typeof Element.prototype.checkVisibility === 'function';

/** Whether the reader can see a block's element: real computed style where the browser has it. */
function visible(el, folded, hiddenByAttr) {
  if (folded) return true; // folded by us, visible to the reader otherwise
  if (hiddenByAttr) return false;
  if (CHECK_VISIBILITY) return el.checkVisibility({ checkVisibilityCSS: true });
  return el.getClientRects().length > 0;
}

/**
 * What the core needs to read a document from its serialization, read in a
 * few calls: the serialization, and a static list of its elements in
 * document order (which a block's `i` indexes, however the page changes
 * meanwhile). Null where there is no HTML serialization to read (an XML
 * document).
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

// The attributes the rule reads: of every element, and of some tags.
const HINT_ATTRS = ['id', 'class', 'role', 'itemprop', 'data-dossier-folded'];
const HIDE_ATTRS = ['hidden', 'style'];
const TAG_ATTRS = {
  html: ['lang'],
  time: ['datetime'],
  a: ['href'],
  dialog: ['open'],
  meta: ['property', 'name', 'itemprop', 'content'],
  script: ['type'],
};

/**
 * The DOM below the document element as packed events for the core's
 * readPacked (src/collect.rs feed_packed): `{text, nums, els, url,
 * attrHidden}`, `els` the elements in the order their events open. Skipped
 * subtrees are searched, not walked: only their <title>, <meta> and
 * <script> (the title and dates) are read. Iterative, so deep nesting
 * cannot overflow the stack; linear in the DOM.
 */
export function walk(doc = document) {
  const strings = [];
  const nums = [];
  const els = [];
  const attrHidden = !CHECK_VISIBILITY;
  const str = (s) => {
    strings.push(s);
    nums.push(s.length);
  };
  const open = (el, tag) => {
    els.push(el);
    nums.push(1);
    str(tag);
    const at = nums.length;
    nums.push(0);
    if (!el.hasAttributes()) return;
    const names = HINT_ATTRS.concat(attrHidden ? HIDE_ATTRS : [], TAG_ATTRS[tag] || []);
    for (const name of names) {
      const v = el.getAttribute(name);
      if (v === null) continue;
      str(name);
      str(v);
      nums[at]++;
    }
  };
  const text = (s) => {
    nums.push(2);
    str(s);
  };
  const close = () => nums.push(3);
  // An element: true when its children are to be walked (close() is due then).
  const start = (el) => {
    const tag = el.localName;
    open(el, tag);
    if (!SKIP_TAGS.has(tag) && !OWN_TAGS.has(tag)) return true;
    if (tag === 'title' || tag === 'script') text(el.textContent || '');
    // Most skipped elements (script, style, input…) have no element inside:
    // one cheap call instead of a query.
    if (el.firstElementChild) {
      for (const d of el.querySelectorAll('title, meta, script')) {
        open(d, d.localName);
        if (d.localName !== 'meta') text(d.textContent || '');
        close();
      }
    }
    close();
    return false;
  };
  const rootEl = doc.documentElement;
  if (rootEl && start(rootEl)) {
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
          text(cur.data);
        }
        cur = cur.nextSibling;
      } else {
        const done = up.pop();
        close();
        cur = up.length ? done.nextSibling : null;
      }
    }
  }
  return { text: strings.join(''), nums, els, url: String(doc.location ? doc.location.href : ''), attrHidden };
}

/**
 * The elements of the core's blocks (`{i, tag, folded, hidden}`) in a list
 * of elements (a snapshot's or a walk's), and whether the reader can see
 * each: `{refs, visible}`, or null when an element is not the one the core
 * named. `attrHidden`: the browser cannot compute visibility, so the
 * attributes' verdict (`hidden`) stands.
 */
export function resolve(els, blocks, attrHidden = !CHECK_VISIBILITY) {
  const refs = [];
  const vis = [];
  for (const b of blocks) {
    const el = Number.isInteger(b.i) ? els[b.i] : null;
    if (!el || el.localName !== b.tag) return null;
    refs.push(el);
    vis.push(visible(el, b.folded, attrHidden && b.hidden));
  }
  return { refs, visible: vis };
}

/**
 * What changes when a page's blocks do: compared before analysing it again.
 * Their text is hashed (FNV-1a over UTF-16 units), not only measured: a
 * paragraph rendered again with a corrected figure (12,000 → 13,000) keeps
 * its length.
 */
export function signature(page) {
  let n = 0;
  let h = 0x811c9dc5;
  for (const b of page.blocks) {
    const t = b.text;
    n += t.length;
    for (let k = 0; k < t.length; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193); // where a block ends
  }
  return `${page.blocks.length}:${n}:${(h >>> 0).toString(36)}`;
}
