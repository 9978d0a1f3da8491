// Folds repeats behind placeholders, and restores the page exactly.
//
// Every change made here is recorded so that `unfoldAll` can put the DOM
// back as it was: the same nodes, the same attributes, the same text. A
// folded block keeps its element; only its `style` attribute changes (to
// `display:none !important`, set through the CSSOM, which a page's CSP does
// not block) and a placeholder is inserted before it. A folded part of a
// block has its text nodes split at the span's ends and the middle pieces
// wrapped in a hidden <dossier-part>; restoring unwraps them and joins the
// original text nodes back together.
import { adoptStyles, i18n as t, mutating } from './env.js';
import { SKIP_TAGS, ownSegments } from './collect.js';

/** State of the current page: the report and what is folded now. */
const state = {
  report: null,
  refs: [],
  lens: [], // per block, its text's length (UTF-16 code units)
  blank: new Set(), // the blocks of white space only
  own: {}, // block -> where it starts in its element's own text: a loose run (collect.js ownSegments)
  runs: [], // [{blocks:[i...], original:[i...], kind, partial: span|null}]
  folded: new Map(), // run index -> record of the change
  fresh: false, // the page's first report, not folded yet
  onChange: () => {},
};

/** The page element of block `i` of the current report (for highlights and the sidebar). */
export function blockElement(i) {
  return state.refs[i];
}

/**
 * The text of block `i` of the current report, read from its element when
 * asked (the sidebar's export): the background's answer carries no block
 * text, only what folding needs of it.
 */
export function blockText(i) {
  const el = state.refs[i];
  if (!el) return '';
  let text = el.textContent || '';
  if (i in state.own) {
    // A loose run: its part of its element's own text only.
    const len = state.lens[i] || 0;
    text = blockSegments(i)
      .map((s) => s.node.data.slice(Math.max(0, -s.start), Math.max(0, len - s.start)))
      .join('');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text nodes of block `i` of the current report, with their offsets in
 * its text (textSegments), for a loose run of its element's own text too.
 */
export function blockSegments(i) {
  const el = state.refs[i];
  if (!el) return [];
  return i in state.own ? ownSegments(el, state.own[i]) : textSegments(el);
}

/** Whether every block of the current report is still in the page, in the element it was read from. */
export function blocksInPage() {
  return state.refs.every((el) => el && el.isConnected);
}

/** `fn` runs whenever the reader opens or closes a fold. */
export function onFoldChange(fn) {
  state.onChange = fn;
}

function paragraphNumbers(report) {
  // "paragraph N" counts the article's text blocks the way a reader does.
  const num = new Map();
  let n = 0;
  for (const b of report.blocks) {
    if (b.article && !/^h[1-6]$/.test(b.tag)) num.set(b.index, ++n);
  }
  return num;
}

/** Groups whole-block copies that sit next to each other into runs; one placeholder per run. */
function buildRuns(report) {
  const whole = [];
  const parts = [];
  const memory = [];
  for (const g of report.repeats) {
    if (g.memory) {
      memory.push(...g.copies.map((c) => ({ blocks: [c], original: [], kind: g.kind, partial: null, memory: g.memory })));
      continue;
    }
    // A marked repeat (a short line: a credit, "Continue reading") is reported, not folded.
    if (g.action === 'mark') continue;
    for (let k = 0; k < g.copies.length; k++) {
      const c = g.copies[k];
      const span = g.spans[k];
      const len = state.lens[c] || 0;
      if (span && (span.start > 0 || span.end < len)) {
        parts.push({ blocks: [c], original: g.original, kind: g.kind, partial: span });
      } else if (c in state.own) {
        // A loose run (text beside block-level children): its element holds
        // other blocks, so only its text is hidden, as a part's is; and, as
        // a whole copy, only where the reader sees it (planFolds).
        parts.push({ blocks: [c], original: g.original, kind: g.kind, partial: { start: 0, end: len }, loose: true });
      } else {
        whole.push({ c, original: g.original, kind: g.kind });
      }
    }
  }
  whole.sort((x, y) => x.c - y.c);
  const runs = [];
  for (const w of whole) {
    const last = runs[runs.length - 1];
    const prev = last && last.blocks[last.blocks.length - 1];
    if (last && !last.partial && prev !== undefined && adjacent(prev, w.c)) {
      last.blocks.push(w.c);
      last.original.push(...w.original);
    } else {
      runs.push({ blocks: [w.c], original: [...w.original], kind: w.kind, partial: null });
    }
  }
  return runs.concat(parts, memoryRuns(memory)).sort((x, y) => x.blocks[0] - y.blocks[0]);
}

// "Already read" (extension/memory.js): paragraphs read on one other page
// that sit next to each other share one placeholder.
function memoryRuns(items) {
  items.sort((x, y) => x.blocks[0] - y.blocks[0]);
  const runs = [];
  for (const m of items) {
    const last = runs[runs.length - 1];
    const key = (r) => `${r.kind} ${r.memory.url || r.memory.host}`;
    if (last && key(last) === key(m) && adjacent(last.blocks[last.blocks.length - 1], m.blocks[0])) last.blocks.push(m.blocks[0]);
    else runs.push(m);
  }
  return runs;
}

// Two copies are adjacent when no visible block of text lies between them.
function adjacent(a, b) {
  for (let i = a + 1; i < b; i++) {
    const el = state.refs[i];
    if (el && el.isConnected && state.report.blocks[i] && state.lens[i] && !state.blank.has(i)) return false;
  }
  return true;
}

function describe(run, nums) {
  if (run.kind === 'read_before') {
    const day = new Date(run.memory.seen).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
    return t('foldReadBefore', [run.memory.title || run.memory.url, day]);
  }
  if (run.kind === 'site_boilerplate') return t('foldSiteBoilerplate', [run.memory.host || '']);
  const orig = [...new Set(run.original)].map((i) => nums.get(i)).filter(Boolean).sort((a, b) => a - b);
  const where = !orig.length
    ? t('foldElsewhere')
    : orig.length === 1
      ? t('foldSameAs', [String(orig[0])])
      : t('foldSameAsRange', [String(orig[0]), String(orig[orig.length - 1])]);
  const what = run.partial
    ? t('foldPartial')
    : run.blocks.length === 1
      ? t('foldOne')
      : t('foldMany', [String(run.blocks.length)]);
  return `${what} — ${where}`;
}

// The placeholder: a <dossier-fold> with its own shadow root, so page CSS
// cannot restyle it; inline-level for a part, block-level for whole blocks.
function makePlaceholder(label, inline, onToggle, link = null) {
  const host = document.createElement('dossier-fold');
  host.setAttribute('data-dossier', '');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, PLACEHOLDER_CSS);
  const box = document.createElement(inline ? 'span' : 'div');
  box.className = 'box';
  const text = document.createElement('span');
  text.className = 'label';
  text.textContent = label;
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.textContent = t('show');
  btn.setAttribute('aria-expanded', 'false');
  btn.setAttribute('aria-label', `${label}. ${t('show')}`);
  btn.addEventListener('click', (ev) => {
    ev.preventDefault();
    ev.stopPropagation();
    onToggle(btn);
  });
  box.append(text, ' · ', btn);
  if (link) {
    // Back to the page it was read on.
    const a = document.createElement('a');
    a.className = 'read-before';
    a.href = link;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = t('foldOpenRead');
    box.append(' · ', a);
  }
  root.append(box);
  host.style.setProperty('display', inline ? 'inline' : 'block', 'important');
  return host;
}

function hideElement(el) {
  const rec = { el, style: el.getAttribute('style'), hadMark: el.hasAttribute('data-dossier-folded') };
  el.setAttribute('data-dossier-folded', '');
  el.style.setProperty('display', 'none', 'important');
  return rec;
}

function restoreElement(rec) {
  const { el, style } = rec;
  // NOTE: Chromium syncs a CSSOM-edited style attribute lazily; removing
  // the attribute while it is dirty lets a later read bring back style="".
  // Clearing the property and reading the attribute first flushes it.
  el.style.removeProperty('display');
  el.getAttribute('style');
  if (style === null) el.removeAttribute('style');
  else el.setAttribute('style', style);
  if (!rec.hadMark) el.removeAttribute('data-dossier-folded');
}

/** Text nodes of a block in collection order, with their offsets in the block's text. */
export function textSegments(el) {
  const segs = [];
  let pos = 0;
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const tag = n.localName;
      if (SKIP_TAGS.has(tag) || tag.startsWith('dossier-')) return NodeFilter.FILTER_REJECT;
      return tag === 'br' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.nodeType === 1) {
      pos += 1; // the "\n" a <br> stands for
      continue;
    }
    segs.push({ node: n, start: pos, end: pos + n.data.length });
    pos += n.data.length;
  }
  return segs;
}

// Hides [start, end) of block `b`'s text; returns a record to undo it.
function hideSpan(b, start, end) {
  const rec = { pieces: [], originals: [] };
  for (const s of blockSegments(b)) {
    if (s.end <= start || s.start >= end) continue;
    const node = s.node;
    rec.originals.push({ node, data: node.data, extra: [] });
    let mid = node;
    const from = Math.max(0, start - s.start);
    const to = Math.min(node.data.length, end - s.start);
    if (from > 0) {
      mid = node.splitText(from);
      rec.originals[rec.originals.length - 1].extra.push(mid);
    }
    if (to - from < mid.data.length) {
      const after = mid.splitText(to - from);
      rec.originals[rec.originals.length - 1].extra.push(after);
    }
    const wrap = document.createElement('dossier-part');
    wrap.style.setProperty('display', 'none', 'important');
    mid.parentNode.insertBefore(wrap, mid);
    wrap.appendChild(mid);
    rec.pieces.push({ wrap, mid });
  }
  return rec;
}

function restoreSpan(rec) {
  for (const { wrap, mid } of rec.pieces) {
    if (wrap.parentNode) wrap.parentNode.replaceChild(mid, wrap);
  }
  for (const o of rec.originals) {
    for (const x of o.extra) x.remove();
    o.node.data = o.data;
  }
}

// Whether the reader sees `el` now. A copy that is not rendered (a closed
// tab, the mobile copy of a list, a print-only header) is left alone: a
// placeholder for it would show where nothing did.
function rendered(el) {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ checkVisibilityCSS: true });
  return el.getClientRects().length > 0;
}

// Where a run's placeholder goes: before its first block, or, when that
// block lies in a link (a teaser card printed in two lists), before the
// outermost link, so that the placeholder is not itself a link and its
// button does not follow it.
function placeholderSpot(el) {
  let spot = el;
  for (let a = el.closest('a[href]'); a; a = a.parentElement && a.parentElement.closest('a[href]')) spot = a;
  return spot;
}

// What folding needs from layout, for every run before the first fold
// writes anything: which of its elements the reader sees. Read between
// writes, each read made the browser lay the page out again (34 of 58 ms of
// the main thread on a page of many folds, docs/performance.md). `atRead`:
// per block, whether the reader saw it when the page was read (the same
// checkVisibility, in the same pass as the page; the background's badge
// counts from it too): then nothing is read here at all. Returns, per run,
// the elements that may fold (none: the run stays as it is).
function planFolds(atRead) {
  const seen = new Map(); // element -> rendered, read once however many runs hold it
  const sees = (el, b) => {
    if (atRead) return atRead[b] === true;
    let v = seen.get(el);
    if (v === undefined) seen.set(el, (v = rendered(el)));
    return v;
  };
  return state.runs.map((run, i) => {
    if (state.folded.has(i)) return [];
    const els = [];
    for (const b of run.blocks) {
      const el = state.refs[b];
      if (el && el.isConnected && ((run.partial && !run.loose) || sees(el, b))) els.push(el);
    }
    return els;
  });
}

// Whether `el` (or a block it lies in) was hidden by this pass of foldAll:
// the reader no longer sees it, as a read after that write would have said.
function hiddenBy(pass, el) {
  if (!pass.size) return false;
  for (let a = el.closest('[data-dossier-folded]'); a; a = a.parentElement && a.parentElement.closest('[data-dossier-folded]')) {
    if (pass.has(a)) return true;
  }
  return false;
}

// Folds run `i` (its elements as planFolds read them); `pass`: the elements
// this pass of foldAll hid so far, to which it adds its own.
function foldRun(i, nums, planned, pass) {
  if (state.folded.has(i)) return;
  const run = state.runs[i];
  const els = run.partial ? planned : planned.filter((el) => !hiddenBy(pass, el));
  if (!els.length) return;
  const label = describe(run, nums);
  const rec = { run, label, hidden: [], span: null, placeholder: null, open: false };
  const toggle = (btn) => {
    rec.open = !rec.open;
    if (rec.open) {
      undoHide(rec);
    } else {
      doHide(rec, els);
    }
    btn.textContent = rec.open ? t('hide') : t('show');
    btn.setAttribute('aria-expanded', String(rec.open));
    btn.setAttribute('aria-label', `${label}. ${btn.textContent}`);
    state.onChange();
  };
  const link = run.memory && /^https?:/.test(run.memory.url || '') ? run.memory.url : null;
  rec.placeholder = makePlaceholder(label, !!run.partial, toggle, link);
  if (run.partial) {
    // The placeholder goes where the hidden part starts.
    rec.spanRange = [run.partial.start, run.partial.end];
    doHide(rec, els);
    const first = rec.span.pieces[0];
    if (first) first.wrap.parentNode.insertBefore(rec.placeholder, first.wrap);
  } else {
    const spot = placeholderSpot(els[0]);
    spot.parentNode.insertBefore(rec.placeholder, spot);
    doHide(rec, els);
    for (const el of els) pass.add(el);
  }
  const btn = rec.placeholder.shadowRoot.querySelector('button');
  rec.setOpen = (open) => {
    if (rec.open !== open) toggle(btn);
  };
  state.folded.set(i, rec);
}

function doHide(rec, els) {
  if (rec.run.partial) {
    rec.span = hideSpan(rec.run.blocks[0], rec.spanRange[0], rec.spanRange[1]);
  } else {
    rec.hidden = els.map(hideElement);
  }
}

function undoHide(rec) {
  if (rec.span) {
    restoreSpan(rec.span);
    rec.span = null;
  }
  // Restore in reverse so a block hidden twice ends as it began.
  for (const h of rec.hidden.reverse()) restoreElement(h);
  rec.hidden = [];
}

// Copies of Dossier's marks that the page made itself, setting part of it
// to its own serialization (el.innerHTML = el.innerHTML): a placeholder
// without its shadow root, a block still marked and hidden, a hidden part.
// None is ours to restore, and folding again would fold those blocks twice:
// they go, and the page is as if they had never been copied. Only marks
// exactly as Dossier writes them, and only once Dossier has marked the page.
// `kept`: the marks of folds kept from the last report (setReport), which are ours.
function sweepCopies(kept = new Set()) {
  const hidden = (el) => el.style.getPropertyValue('display') === 'none' && el.style.getPropertyPriority('display') === 'important';
  for (const f of document.querySelectorAll('dossier-fold[data-dossier]')) if (!f.shadowRoot) f.remove();
  for (const p of document.querySelectorAll('dossier-part')) if (hidden(p) && !kept.has(p)) p.replaceWith(...p.childNodes);
  for (const el of document.querySelectorAll('[data-dossier-folded=""]')) {
    if (!hidden(el) || kept.has(el)) continue;
    el.removeAttribute('data-dossier-folded');
    el.style.removeProperty('display');
    if (el.getAttribute('style') === '') el.removeAttribute('style');
  }
}

/**
 * Takes a report, the block elements, and what folding needs of their text
 * (`{lens, blank}`: textShape() in collect.js), and finds the runs to fold.
 */
export function setReport(report, refs, shape) {
  const old = { folded: state.folded, refs: state.refs, report: state.report };
  state.folded = new Map();
  state.report = report;
  state.refs = refs;
  state.lens = shape.lens;
  state.blank = new Set(shape.blank);
  state.own = shape.own || {};
  state.runs = buildRuns(report);
  // The page's first report: nothing of ours was in the page when it was read.
  state.fresh = !old.report;
  // A fold of the same elements, for the same reason, stays as it is, open
  // or not: a page that grew (an endless page's appended story) keeps the
  // folds above, and the ones the reader opened, and only the new ones are
  // folded. Every other fold of the last report is undone first.
  const kept = keepFolds(old);
  if (old.report) mutating(() => sweepCopies(kept));
}

function keepFolds(old) {
  const kept = new Set();
  if (!old.folded.size) return kept;
  const nums = paragraphNumbers(state.report);
  const key = (run) => [run.kind, run.partial ? `${run.partial.start}-${run.partial.end}` : '', run.memory ? run.memory.url || run.memory.host : ''].join('|');
  const free = new Map(state.runs.map((r, i) => [r, i]));
  const undo = [];
  for (const rec of old.folded.values()) {
    const els = rec.run.blocks.map((b) => old.refs[b]);
    const match = [...free.keys()].find(
      (r) =>
        key(r) === key(rec.run) &&
        r.blocks.length === els.length &&
        r.blocks.every((b, j) => state.refs[b] === els[j] && els[j] && els[j].isConnected) &&
        describe(r, nums) === rec.label,
    );
    // What it hid is still where it hid it (the page did not render it again).
    const intact = rec.hidden.every((h) => h.el.isConnected) && (!rec.span || rec.span.pieces.every((p) => p.wrap.isConnected)) && rec.placeholder.isConnected;
    if (match === undefined || !intact) {
      undo.push(rec);
      continue;
    }
    const i = free.get(match);
    free.delete(match);
    rec.run = match;
    state.folded.set(i, rec);
    for (const h of rec.hidden) kept.add(h.el);
    if (rec.span) for (const p of rec.span.pieces) kept.add(p.wrap);
  }
  mutating(() => {
    // Undo in reverse order of doing.
    for (const rec of undo.reverse()) {
      undoHide(rec);
      rec.placeholder.remove();
    }
  });
  return kept;
}

/**
 * Folds every repeat of the current report. Returns how many blocks are
 * folded. `seen` (optional): per block of the report, whether the reader
 * saw it when the page was read; used by the first fold of a page only
 * (later, our own folds and the reader's changes have moved things), else
 * the elements' visibility is read now, all before the first write.
 */
export function foldAll(seen = null) {
  if (!state.report) return 0;
  const nums = paragraphNumbers(state.report);
  const atRead = state.fresh && Array.isArray(seen) && seen.length === state.refs.length ? seen : null;
  state.fresh = false;
  // Every read of layout first, then every write: no layout forced between them.
  const plan = planFolds(atRead);
  const pass = new Set();
  mutating(() => {
    state.runs.forEach((_, i) => foldRun(i, nums, plan[i], pass));
    // Site boilerplate is marked, not hidden: it is no reading history.
    for (const rec of state.folded.values()) if (rec.run.kind === 'site_boilerplate') rec.setOpen(true);
  });
  return foldedCount();
}

/** Marks every repeat without hiding it: the placeholders stay, the text shows. `seen`: as for foldAll. */
export function markAll(seen = null) {
  foldAll(seen);
  mutating(() => {
    for (const rec of state.folded.values()) rec.setOpen(true);
  });
  return 0;
}

/** Removes every placeholder and wrapper: the page is as it was. */
export function unfoldAll() {
  if (!state.folded.size) return;
  mutating(() => {
    // Undo in reverse order of doing.
    for (const rec of [...state.folded.values()].reverse()) {
      undoHide(rec);
      rec.placeholder.remove();
    }
  });
  state.folded.clear();
}

/** Blocks currently folded (a partial fold counts as one). */
export function foldedCount() {
  let n = 0;
  for (const rec of state.folded.values()) if (!rec.open) n += rec.run.blocks.length;
  return n;
}

/** Blocks the report would fold. */
export function repeatCount() {
  return state.runs.reduce((n, r) => n + r.blocks.length, 0);
}

const PLACEHOLDER_CSS = `
  :host { all: initial !important; display: block !important; }
  .box {
    display: flex; align-items: center; gap: .35em; flex-wrap: wrap;
    margin: .4em 0; padding: .2em .6em; border-left: 3px solid #8a8f98;
    background: rgba(127,127,127,.08); color: #3a3f47;
    font: 13px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
    border-radius: 3px;
  }
  span.box { display: inline-flex; margin: 0 .2em; }
  a.read-before { color: #0b57d0; }
  button {
    font: inherit; color: #0b57d0; background: none; border: 0; padding: 0 .2em;
    cursor: pointer; text-decoration: underline;
  }
  button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
  @media (prefers-color-scheme: dark) {
    .box { color: #d0d4da; background: rgba(200,200,200,.12); }
    button { color: #8ab4f8; }
    button:focus-visible { outline-color: #8ab4f8; }
  }
`;
