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
// Either way the elements' visibility is read here in the same pass, before
// the core has said which elements are blocks (visibility(), or the walk
// itself): one string, a character an element, so that one message takes
// the page to the background and one answer brings the report back
// (ADR 0003; docs/ARCHITECTURE.md). The answer names the blocks' elements by
// their place in the list; refsOf() finds them.

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
// Elements that flow inside a block (INLINE_TAGS in src/collect.rs): never a
// block, so their visibility is never asked for and not computed; the text
// outside every other element is an element's own text (ownSegments).
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn',
  'em', 'font', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
  'output', 'meter', 'progress', 'picture', 'source', 'slot',
]);
/** Most blocks read from one page; the rest are dropped. */
export const MAX_BLOCKS = 100000;

// Element.checkVisibility: Chrome 105+, Firefox 106+ (older ones fall back
// to attributes and inline styles, as the CLI reads them).
const CHECK_VISIBILITY = typeof Element !== 'undefined' && typeof Element.prototype.checkVisibility === 'function';

const CSS_VISIBILITY = Object.freeze({ checkVisibilityCSS: true });
const VISIBLE = 49; // '1'
const HIDDEN = 48; // '0'

/** Whether the reader can see a block's element: real computed style where the browser has it. */
function visible(el, folded, hiddenByAttr) {
  if (folded) return true; // folded by us, visible to the reader otherwise
  if (hiddenByAttr) return false;
  if (CHECK_VISIBILITY) return el.checkVisibility(CSS_VISIBILITY);
  return el.getClientRects().length > 0;
}

/**
 * Whether `el` has no box and neither has anything inside it (display:none,
 * or inside a skipped `content-visibility` subtree; not display:contents,
 * whose children have boxes of their own). Asked only of an element the
 * reader cannot see.
 */
function boxlessSubtree(el) {
  if (!CHECK_VISIBILITY || el.checkVisibility()) return false;
  return getComputedStyle(el).display !== 'contents';
}

/** One character an element: '1' where the reader can see it, else '0'. */
const asString = (bytes) => new TextDecoder('latin1').decode(bytes);

/**
 * Whether the reader can see each element of a snapshot's list (all the
 * document's elements in document order), as a string of '1' and '0', one
 * character an element. Only the elements that can be blocks are asked
 * (inline elements and skipped subtrees never are), and a subtree with no
 * box is answered for whole: its elements follow it in the list.
 */
export function visibility(els) {
  return visibilityReader(els)(Infinity);
}

/**
 * visibility() in slices, so that a long list is never one long task:
 * `step(deadline)` reads on from where the last step stopped and returns the
 * string once every element is read, or null when `deadline`
 * (`performance.now()`) passed first.
 */
export function visibilityReader(els) {
  const n = els.length;
  const out = new Uint8Array(n).fill(VISIBLE);
  let i = 0;
  return (deadline) => {
    for (; i < n; i++) {
      // The clock read every 64 elements: a call costs about as much as a few elements.
      if ((i & 63) === 0 && deadline !== Infinity && performance.now() > deadline) return null;
      i = visibilityAt(els, i, out);
    }
    return asString(out);
  };
}

/**
 * Whether the reader can see the elements at `at` of a snapshot's list
 * (the places of the core's blocks in it, as the background answers), one
 * character each, '1' or '0'; in slices as visibilityReader() reads. Asked
 * of the blocks alone, after the core has found them: a page's first
 * `checkVisibility` may pay for its style and layout, and every element of
 * the page asked costs a call (most are no block).
 */
export function blocksVisibilityReader(els, at) {
  const n = at.length;
  const out = new Uint8Array(n).fill(VISIBLE);
  let k = 0;
  return (deadline) => {
    for (; k < n; k++) {
      if ((k & 63) === 0 && deadline !== Infinity && performance.now() > deadline) return null;
      const el = Number.isInteger(at[k]) ? els[at[k]] : null;
      if (el && !visible(el, false, false)) out[k] = HIDDEN;
    }
    return asString(out);
  };
}

// One element of visibility()'s list: writes its verdict (and, for a subtree
// answered whole, its elements') and returns the last place it answered for.
function visibilityAt(els, i, out) {
  const el = els[i];
  const tag = el.localName;
  if (INLINE_TAGS.has(tag)) return i;
  if (SKIP_TAGS.has(tag) || OWN_TAGS.has(tag)) {
    // Nothing inside is read as a block: past its subtree.
    return el.firstElementChild ? i + el.getElementsByTagName('*').length : i;
  }
  if (visible(el, false, false)) return i;
  out[i] = HIDDEN;
  if (!boxlessSubtree(el)) return i;
  const end = Math.min(els.length - 1, i + el.getElementsByTagName('*').length);
  out.fill(HIDDEN, i + 1, end + 1);
  return end;
}

/**
 * Whether the reader sees block `k` of the core's read page (`blocks[k]`
 * is `{i, folded, hidden}`: its element's place in the list, folded by
 * Dossier, hidden by its attributes), from `vis` (visibility() or a walk's
 * `vis`). `attrHidden`: the browser cannot compute visibility, so the
 * attributes' verdict stands. The same verdict resolve() gives.
 */
export function blockVisible(b, vis, attrHidden) {
  if (b.folded) return true;
  if (attrHidden && b.hidden) return false;
  return vis.charCodeAt(b.i) === VISIBLE;
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
  const vis = [];
  const attrHidden = !CHECK_VISIBILITY;
  // Depth of the outermost open element with no box below it (0: none).
  let depth = 0;
  let boxless = 0;
  const str = (s) => {
    strings.push(s);
    nums.push(s.length);
  };
  const open = (el, tag) => {
    els.push(el);
    vis.push(VISIBLE);
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
    if (!SKIP_TAGS.has(tag) && !OWN_TAGS.has(tag)) {
      // Its visibility, in the same pass (only what can be a block is asked).
      depth++;
      if (boxless) vis[vis.length - 1] = HIDDEN;
      else if (!INLINE_TAGS.has(tag) && !visible(el, false, false)) {
        vis[vis.length - 1] = HIDDEN;
        if (boxlessSubtree(el)) boxless = depth;
      }
      return true;
    }
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
        if (boxless === depth) boxless = 0;
        depth--;
        cur = up.length ? done.nextSibling : null;
      }
    }
  }
  const url = String(doc.location ? doc.location.href : '');
  return { text: strings.join(''), nums, els, vis: asString(Uint8Array.from(vis)), url, attrHidden };
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
 * The elements of a report's blocks in the list the page was read from
 * (`at[k]`: block k's element's place in it, as the background answers), or
 * null when an element is not the one the core named (the page changed
 * under the read).
 */
export function refsOf(els, at, blocks) {
  if (!Array.isArray(at) || at.length !== blocks.length) return null;
  const refs = new Array(at.length);
  for (let k = 0; k < at.length; k++) {
    const el = Number.isInteger(at[k]) ? els[at[k]] : null;
    if (!el || el.localName !== blocks[k].tag) return null;
    refs[k] = el;
  }
  return refs;
}

/**
 * What folding needs of the blocks' text, instead of the text itself:
 * `{lens, blank, own}`, each block's length (UTF-16 code units), the blocks
 * with nothing but white space, and for a block that is a loose run of its
 * element's own text (text beside block-level children: src/collect.rs) where
 * it starts in that text, keyed by block (fold.js). `read`: the core's read
 * blocks (`{from}` on a loose run), when known.
 */
export function textShape(texts, read = []) {
  const lens = texts.map((t) => t.length);
  const blank = [];
  texts.forEach((t, k) => {
    if (!t.trim()) blank.push(k);
  });
  const own = {};
  read.forEach((b, k) => {
    if (b && Number.isInteger(b.from)) own[k] = b.from;
  });
  return { lens, blank, own };
}

/**
 * The text nodes of `el`'s own text (outside its block-level descendants and
 * the skipped subtrees; a `<br>` is one "\n"), each with its offsets in that
 * text less `from`: where a loose run of it (a block of the core's, starting
 * at `from`) finds its text. As the core reads it (src/collect.rs Run).
 */
export function ownSegments(el, from) {
  const segs = [];
  let pos = -from;
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const tag = n.localName;
      if (tag === 'br') return NodeFilter.FILTER_ACCEPT;
      // As textSegments in fold.js, Dossier's own elements are no text of a
      // block's; and a block-level element's text is its own, not its parent's.
      if (SKIP_TAGS.has(tag) || tag.startsWith('dossier-') || !INLINE_TAGS.has(tag)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.nodeType === 1) {
      pos += 1;
      continue;
    }
    segs.push({ node: n, start: pos, end: pos + n.data.length });
    pos += n.data.length;
  }
  return segs;
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
