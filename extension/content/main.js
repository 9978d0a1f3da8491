// The content script's entry point (bundled by scripts/build.mjs into one
// classic script, content.js): collects the page's blocks, asks the
// background (where the WASM core runs: Chrome will not compile WASM in a
// content script on pages whose CSP forbids it) for the report, and folds
// the repeats. Listens to the popup for "Show all" / "Fold repeats" and the
// per-site switch.
//
// Teardown: everything long-lived (the page observer and its timer, the
// key and message listeners) hangs off one AbortController, `life`; the
// page watch has its own, `watching`, under it, aborted when the reader
// switches the site off. `life` is aborted when this script is orphaned
// (the extension was updated or removed under the page).
import { snapshot, blocksVisibilityReader, refsOf, walk } from './collect.js';
import { ext, GECKO, send, observePage, useTemplates } from './env.js';
import { setReport, foldAll, markAll, unfoldAll, foldedCount, repeatCount, onFoldChange, blocksInPage } from './fold.js';
import { clearHighlight } from './highlight.js';
import { followArticles, stopFollowing } from './articles.js';
import { createSidebar } from '../sidebar/sidebar.js';

// This script starts at document_idle: time to fold is counted from here.
const idleAt = performance.now();
let toFold; // ms from idleAt to the first report's folds applied and badge set
let settingsAt; // ms from idleAt to the settings known
const life = new AbortController();
let watching = null; // AbortController of the page watch, while it runs

const status = {
  state: 'idle', // idle | disabled | working | done | error | skipped
  error: '',
  folded: 0,
  repeats: 0,
  host: location.hostname,
  timings: {},
};
let settings = { disabledSites: [], autoFold: true };

/** To the background; a script whose extension is gone tears itself down. */
function post(msg) {
  return send(msg).catch((e) => {
    if (!ext.runtime.id) life.abort();
    throw e;
  });
}

/** Tells the background the page's state (it sets the badge, then answers). */
function tellBackground() {
  return post({ type: 'cs:state', folded: foldedCount(), repeats: status.repeats, state: status.state, timings: status.timings }).catch(() => {});
}
function foldsChanged() {
  status.folded = foldedCount();
  tellBackground();
}
onFoldChange(foldsChanged);

async function loadSettings() {
  // The page's declared language: the background gets that entity model
  // ready while this script reads the page.
  const res = await post({ type: 'cs:settings', lang: String(document.documentElement?.lang || '') });
  if (res && res.messages) useTemplates(res.messages);
  return res && res.settings ? res.settings : { disabledSites: [], autoFold: true };
}

function siteDisabled(s) {
  return (s.disabledSites || []).includes(location.hostname);
}

// Main-thread time of one reading of the page, by phase (ms).
// `longest`: the longest of the tasks the reading took on this thread (the
// reader feels a long task; `task` is the one going on).
const clock = () => ({ collect: 0, read: 0, post: 0, analyze: 0, fold: 0, longest: 0, task: 0, from: '' });
// Not main-thread time, where time to fold goes (make bench; scripts/bench/ab.mjs):
// `settings` (document_idle to the settings known), `tell` (the badge's round
// trip), the background's `bgRead` (the page read into blocks) and `bgAnalyze`.
function timed(t, key, fn) {
  const a = performance.now();
  try {
    return fn();
  } finally {
    const d = performance.now() - a;
    t[key] += d;
    t.task += d;
  }
}
/** The task going on ends here (an await follows). */
function endTask(t) {
  t.longest = Math.max(t.longest, t.task);
  t.task = 0;
}

// The most one task of the read takes on this thread (ms), about half a
// frame: a longer read goes on in the next task, the page's own tasks
// (input, rendering) between them. Most pages are read in one task, as
// before: a yield costs more than it saves there (in Firefox the read that
// follows it paid 4 ms more at the median page, scripts/bench/ab.mjs).
const SLICE_MS = 8;
/** The next task: scheduler.yield() where the browser has it (the rest of the read goes first), else a timer. */
function nextTask() {
  const s = globalThis.scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// One reading of the page: what only the DOM can give goes to the
// background, where the core finds the blocks in it (src/collect.rs) and
// analyses them; the answer brings back the report, the blocks' elements
// (their places in the list read here) and what folding needs of their text
// (lengths, not the text). The fast way reads the page's serialization and
// sends it alone: the background answers with the blocks' elements, whose
// visibility (and theirs only) goes in a second, small message (cs:visible),
// answered with the analysis. Where that fails (no HTML serialization, a
// DOM that does not serialize back) the DOM is walked instead (walk()), its
// every element's visibility read in the same pass, in one message. Null
// when the background could not take it.
async function readWith(t, rescan, els, msg) {
  // Unchanged blocks need no analysis, but only while they are the same
  // elements: a page that rendered itself again (hydration) threw away the
  // elements the folds and highlights sit on, with the same text in new ones.
  if (rescan && blocksInPage()) msg.since = lastSignature;
  // A first read: the background sets the badge before it answers.
  if (!rescan) msg.badge = true;
  let res = await ask(t, msg);
  // Whether the reader saw each block when the page was read (`k`: the
  // block, `i`: its element's place): the first fold needs no layout read
  // of its own (fold.js planFolds).
  let seenAt = (i) => msg.vis.charCodeAt(i) === 49;
  if (res && Array.isArray(res.need) && !res.analyzed) {
    // The page may change while the answer comes: the answer's elements are
    // checked against the list either way (refsOf).
    const vis = await sliced(t, blocksVisibilityReader(els, res.need));
    seenAt = (_i, k) => vis.charCodeAt(k) === 49;
    res = await ask(t, { type: 'cs:visible', token: res.token, vis });
  }
  // Not read (not a serialization of this DOM, or no background): null.
  if (!res || !(res.analyzed || res.same || res.empty)) return null;
  if (res.same) return { same: true };
  if (res.empty) return { empty: true, signature: res.signature };
  if (!res.ok) return { res, refs: [], shape: null, signature: res.signature };
  const refs = timed(t, 'collect', () => refsOf(els, res.at, res.report.blocks));
  if (!refs) return null;
  const seen = timed(t, 'collect', () => res.at.map(seenAt));
  return { res, refs, seen, shape: { lens: res.lens, blank: res.blank, own: res.own }, signature: res.signature };
}

/** Posts `msg` to the background and waits for its answer (null when there is none). */
async function ask(t, msg) {
  const pending = timed(t, 'post', () => post(msg));
  endTask(t);
  const res = await waited(t, pending);
  if (res && res.took) Object.assign(t, res.took);
  return res;
}

/**
 * Runs a reader (`step(deadline)`, null until it is done) in slices, each a
 * task of its own: on a long page no one task holds the page's thread for
 * the whole read. `from`: when this task started.
 */
async function sliced(t, step, from = performance.now()) {
  let out = timed(t, 'collect', () => step(from + SLICE_MS));
  while (out === null) {
    endTask(t);
    await nextTask();
    out = timed(t, 'collect', () => step(performance.now() + SLICE_MS));
  }
  return out;
}

async function readSerialized(t, rescan) {
  const a = performance.now();
  const snap = timed(t, 'collect', () => snapshot(document));
  t.read = performance.now() - a; // of which the outerHTML read and the element list (make bench)
  if (!snap) return null;
  // Posting costs about as much as the read (the page's text copied):
  // a task of its own when this one is half spent.
  if (t.task > SLICE_MS / 2) {
    endTask(t);
    await nextTask();
  }
  const msg = timed(t, 'post', () => {
    const m = { type: 'cs:analyze', noscriptRaw: snap.noscriptRaw, count: snap.els.length, url: snap.url, attrHidden: snap.attrHidden };
    // Firefox clones a typed array for a third of what a long string
    // costs this thread (make bench); Chrome's messages are JSON, which
    // has no typed arrays. (Lone surrogates become U+FFFD either way: the
    // core gets its text as UTF-8.)
    if (GECKO) m.bytes = new TextEncoder().encode(snap.html);
    else m.html = snap.html;
    return m;
  });
  return readWith(t, rescan, snap.els, msg);
}

async function readDom(t, rescan) {
  const w = timed(t, 'collect', () => walk(document));
  const got = await readWith(t, rescan, w.els, { type: 'cs:analyze', walk: { text: w.text, nums: w.nums }, url: w.url, attrHidden: w.attrHidden, vis: w.vis });
  // (The walk is one task: its visibility is read as it goes.)
  return got || { res: null, refs: [], shape: null, signature: '' };
}

async function waited(t, promise) {
  const a = performance.now();
  try {
    return await promise;
  } catch (_) {
    return null;
  } finally {
    t.analyze += performance.now() - a;
  }
}

/** Reads the page and analyses it; returns false when a rescan found nothing new. */
async function run(rescan = false) {
  const before = status.state;
  status.state = 'working';
  const t = clock();
  let got = await readSerialized(t, rescan);
  t.from = 'serialization';
  if (!got) {
    got = await readDom(t, rescan);
    t.from = 'dom';
  }
  if (got.same) {
    status.state = before;
    return false;
  }
  lastSignature = got.signature;
  if (got.empty) {
    status.state = 'done';
    tellBackground();
    return true;
  }
  const res = got.res;
  if (!res || !res.ok) {
    status.state = res && res.skipped ? 'skipped' : 'error';
    status.error = (res && res.error) || 'no answer from the background';
    console.warn('Dossier:', status.error);
    tellBackground();
    return true;
  }
  timed(t, 'fold', () => {
    setReport(res.report, got.refs, got.shape);
    status.repeats = repeatCount();
    // After "Show all", a page that changes keeps everything shown.
    if (shownByUser) {
      /* the reader asked to see everything */
    } else if (settings.autoFold !== false) foldAll(got.seen);
    else markAll(got.seen);
  });
  endTask(t);
  status.folded = foldedCount();
  status.state = 'done';
  status.timings = { ...t, mainThread: t.collect + t.post + t.fold, settings: settingsAt, ...(toFold === undefined ? {} : { toFold }) };
  sidebar.update(res.report);
  // A page of several articles: the sidebar follows the one in view.
  followArticles(res.report, (k) => sidebar.showArticle(k));
  if (settings.autoOpen && !openedOnce) {
    openedOnce = true;
    sidebar.open();
  }
  const tellAt = performance.now();
  const told = tellBackground();
  if (toFold === undefined && !rescan) {
    // document_idle to the last fold applied and the badge set (make bench):
    // set already when the background's count (res.badge) is this one.
    if (res.badge === status.folded) toFold = status.timings.toFold = performance.now() - idleAt;
    told.then(() => {
      if (toFold === undefined) toFold = status.timings.toFold = performance.now() - idleAt;
      status.timings.tell = performance.now() - tellAt;
    });
  }
  watch();
  return true;
}

// Pages that change after load (single-page sites, infinite scroll, live
// blogs): new text is read again after a quiet moment and analysed if
// the blocks changed; bursts of changes cost one pass, and a page that
// never stops changing is re-read at most every few seconds.
let openedOnce = false;
let lastSignature = '';
let pending = null;
let lastRun = 0;
let reruns = 0;
const MAX_RERUNS = 50;
function watch() {
  if (watching || life.signal.aborted) return;
  watching = new AbortController();
  const signal = AbortSignal.any([life.signal, watching.signal]);
  signal.addEventListener('abort', () => {
    clearTimeout(pending);
    pending = null;
  }, { once: true });
  observePage(document.documentElement, () => {
    if (pending || status.state === 'disabled') return;
    const wait = Math.max(800, 3000 - (Date.now() - lastRun));
    pending = setTimeout(rescan, wait);
  }, signal);
}
function unwatch() {
  if (watching) watching.abort();
  watching = null;
}
async function rescan() {
  pending = null;
  if (status.state === 'disabled' || status.state === 'working' || reruns >= MAX_RERUNS) return;
  lastRun = Date.now();
  try {
    if (await run(true)) reruns++;
  } catch (e) {
    fail(e);
  }
}

// The reader's last choice: "Show all" holds until "Fold repeats".
let shownByUser = false;
function showAll() {
  shownByUser = true;
  unfoldAll();
  foldsChanged();
  sidebar.update();
}
function refold() {
  shownByUser = false;
  foldAll();
  foldsChanged();
  sidebar.update();
}

const sidebar = createSidebar({
  status: () => status,
  showAll,
  refold,
  siteSwitch: (off) => post({ type: 'popup:siteSwitch', host: location.hostname, disabled: off }).catch(() => {}),
  openOptions: () => post({ type: 'cs:openOptions' }).catch(() => {}),
});

/** The site was switched off: the page as it was, and no more watching. */
function stop() {
  unwatch();
  stopFollowing();
  unfoldAll();
  clearHighlight();
  status.folded = 0;
  status.state = 'disabled';
  sidebar.update(null);
  tellBackground();
}

// Esc closes the sidebar from anywhere while it is open.
window.addEventListener(
  'keydown',
  (ev) => {
    if (ev.key === 'Escape' && sidebar.isOpen()) sidebar.close();
  },
  { capture: true, signal: life.signal },
);

function onMessage(msg, _sender, sendResponse) {
  if (!msg || typeof msg.type !== 'string') return false;
  switch (msg.type) {
    case 'popup:status':
      sendResponse({ ...status, folded: foldedCount() });
      return false;
    case 'bg:toggleSidebar':
      sidebar.toggle();
      sendResponse({ ok: true, open: sidebar.isOpen() });
      return false;
    case 'popup:showAll':
      showAll();
      sendResponse({ ok: true, folded: 0 });
      return false;
    case 'popup:fold':
      if (status.state !== 'disabled') refold();
      sendResponse({ ok: true, folded: foldedCount() });
      return false;
    case 'bg:siteSwitch':
      settings.disabledSites = msg.disabledSites || [];
      if (siteDisabled(settings)) stop();
      else if (status.state === 'disabled') run().catch(fail);
      sendResponse({ ok: true });
      return false;
    default:
      return false;
  }
}
ext.runtime.onMessage.addListener(onMessage);
life.signal.addEventListener('abort', () => {
  unwatch();
  try {
    ext.runtime.onMessage.removeListener(onMessage);
  } catch (_) {
    /* the extension is gone: nothing left to remove */
  }
}, { once: true });

function fail(e) {
  status.state = 'error';
  status.error = String((e && e.message) || e);
  console.warn('Dossier:', status.error);
  tellBackground();
}

(async () => {
  try {
    // The settings first, then the page. Reading the page while they come
    // was tried (scripts/bench/ab.mjs, docs/performance.md): in Firefox the
    // read then pays for the page's first style and layout (collect +5 to
    // +18 ms), and the time to fold gained nothing beyond noise.
    settings = await loadSettings();
    settingsAt = performance.now() - idleAt;
    if (siteDisabled(settings)) {
      status.state = 'disabled';
      tellBackground();
      return;
    }
    await run();
  } catch (e) {
    fail(e);
  }
})();
